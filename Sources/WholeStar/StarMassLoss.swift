import Foundation

/// Mass loss by a cool wind on the red-giant branch: Reimers (1975; Kudritzki & Reimers 1978, A&A 70, 227)
///
///     Ṁ = 4 × 10⁻¹³ η (L/L☉)(R/R☉)/(M/M☉)   M☉ yr⁻¹,
///
/// η the efficiency (0.1 in MESA r12778's RGB setting of Franz et al. 2023's comparison; 0.2–0.5 from the masses of
/// horizontal-branch stars, McDonald & Zijlstra 2015 find η ≈ 0.48). Applied once hydrogen is exhausted at the centre
/// (X_c < `onsetCentralHydrogen`) and while T_eff < `maximumEffectiveTemperature` (a cool, luminous wind; the main-sequence
/// Sun's wind, ~2 × 10⁻¹⁴ M☉ yr⁻¹, is not Reimers' and changes nothing here).
///
/// On the mesh: the mass is taken from the outer layers by compressing, in mass, everything above `cut` (halfway
/// between the helium core and the surface, which on the RGB lies in the homogeneous convective envelope) onto
/// [cut, M − ΔM], and keeping the absolute mass of every face below. In complements 1 − q that is exact:
/// (1 − q′) = (1 − q) · (M/M′) · (M′ − m_cut)/(M − m_cut) above the cut. Trap: ε_grav is differenced per cell, so a cell
/// whose mass coordinate shifts gains the spurious −T (ds/dm)(Δm/Δt); in an adiabatic envelope ds/dm ≈ 0, hence the cut
/// in the envelope.
public struct StarMassLoss: Sendable, Equatable {
    /// Reimers' η (0: no wind).
    public var eta: Double
    /// The wind starts when the central X falls below this (the end of the main sequence).
    public static let onsetCentralHydrogen = 0.01
    /// …and blows only below this T_eff (K): a cool giant's wind.
    public static let maximumEffectiveTemperature = 8000.0

    public init(eta: Double) { self.eta = eta }

    /// Ṁ (M☉ yr⁻¹, ≥ 0) at L (L☉), R (R☉), M (M☉).
    public func rate(luminosity l: Double, radius r: Double, mass m: Double) -> Double {
        eta > 0 ? 4e-13 * eta * l * r / m : 0
    }

    /// Whether the wind blows for this model.
    public func applies(to s: StarSnapshot) -> Bool {
        eta > 0 && s.centralHydrogen < Self.onsetCentralHydrogen && s.effectiveTemperature < Self.maximumEffectiveTemperature
    }

    /// The mesh after losing `lost` of `mass` (both M☉) from above the mass coordinate `cut` (M☉): faces' q and 1 − q
    /// (see the type's comment). nil if the loss does not fit above the cut (more than half the layer).
    static func compress(_ mesh: StarMesh, mass: Double, lost: Double, cut: Double) -> StarMesh? {
        let newMass = mass - lost
        guard lost > 0, cut > 0, cut < mass, lost < 0.5 * (mass - cut) else { return nil }
        let squeeze = (newMass - cut) / (mass - cut)
        var q = mesh.q, outer = mesh.outer
        for k in 0..<mesh.count {
            let m = mesh.q[k] * mass
            if m <= cut {
                q[k] = m / newMass
                outer[k] = 1 - q[k]
            } else {
                outer[k] = mesh.outer[k] * (mass / newMass) * squeeze
                q[k] = 1 - outer[k]
            }
        }
        return StarMesh(faces: q, outer: outer)
    }
}
