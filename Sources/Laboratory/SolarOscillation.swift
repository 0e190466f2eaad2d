import Constants
import Foundation

/// Probabilities P_ek(E) that a solar νe arrives at the Earth as mass state k, for adiabatic MSW
/// conversion in the Sun with the mass states decoherent on the way (Mikheev & Smirnov 1985;
/// Wolfenstein 1978; three-flavour form with θ₁₃ in vacuum, e.g. Giunti & Kim, "Fundamentals of
/// Neutrino Physics and Astrophysics" 2007, §9.4):
///
///     P_e1 = c₁₃² cos²θ₁₂ᵐ,   P_e2 = c₁₃² sin²θ₁₂ᵐ,   P_e3 = s₁₃²,
///     cos 2θ₁₂ᵐ = (cos 2θ₁₂ − β) / √((cos 2θ₁₂ − β)² + sin² 2θ₁₂),   β = 2√2 G_F c₁₃² nₑ E / Δm²₂₁,
///
/// θ₁₂ᵐ the mixing angle in matter where the neutrino is produced (electron density nₑ). The survival
/// probability is P_ee = Σₖ |U_ek|² P_ek. Low energies (pp, ⁷Be): β ≪ 1, vacuum-like; ⁸B: β ≈ 2,
/// νe ≈ ν₂. Day–night and non-adiabatic corrections are below a few per cent and left out.
public struct SolarOscillation: Sendable {
    public var theta12: Double, theta13: Double
    /// Δm²₂₁ in eV².
    public var dm21: Double

    public init(theta12Deg: Double, theta13Deg: Double, dm21Ev2: Double) {
        theta12 = theta12Deg * Double.pi / 180
        theta13 = theta13Deg * Double.pi / 180
        dm21 = dm21Ev2
    }

    /// β for electron density nₑ (in units of Avogadro's number per cm³) and energy E (MeV).
    public func beta(electronDensityNA ne: Double, energyMeV e: Double) -> Double {
        // √2 G_F nₑ in eV for nₑ = N_A cm⁻³: G_F (ħc)³ N_A √2.
        let gf = Natural.fermiConstant_per_keV2 * 1e-6        // eV⁻²
        let hbarc = Natural.hbarC_keV_cm * 1e3                    // eV cm
        let avogadro = CGS.avogadro                                         // mol⁻¹ (exact, SI 2019)
        let v = 2.0.squareRoot() * gf * hbarc * hbarc * hbarc * avogadro * ne  // eV
        let c13 = cos(theta13)
        return 2 * v * c13 * c13 * e * 1e6 / dm21
    }

    /// (P_e1, P_e2, P_e3) at energy E (MeV) for production at electron density nₑ (N_A cm⁻³).
    public func massStateProbabilities(energyMeV e: Double, electronDensityNA ne: Double) -> [Double] {
        let b = beta(electronDensityNA: ne, energyMeV: e)
        let c2 = cos(2 * theta12), s2 = sin(2 * theta12)
        let cos2m = (c2 - b) / ((c2 - b) * (c2 - b) + s2 * s2).squareRoot()
        let c13sq = cos(theta13) * cos(theta13)
        return [c13sq * 0.5 * (1 + cos2m), c13sq * 0.5 * (1 - cos2m), 1 - c13sq]
    }

    /// The νe survival probability P_ee = Σₖ |U_ek|² P_ek.
    public func survival(energyMeV e: Double, electronDensityNA ne: Double) -> Double {
        let p = massStateProbabilities(energyMeV: e, electronDensityNA: ne)
        let c12 = cos(theta12), s12 = sin(theta12), c13 = cos(theta13), s13 = sin(theta13)
        return c12 * c12 * c13 * c13 * p[0] + s12 * s12 * c13 * c13 * p[1] + s13 * s13 * p[2]
    }
}
