import Foundation
import Microphysics

extension OpacityTables {
    /// The conduction share below which its derivatives are not differenced: with κ/κ_cond < 10⁻⁸ the
    /// omitted terms change ∂ln κ/∂ln ρ, ∂ln κ/∂ln T by < 10⁻⁸ × |∂ln κ_cond|. κ itself always includes κ_cond.
    public static let conductionDerivativeThreshold = 1e-8

    /// Total opacity 1/κ = 1/κ_rad + 1/κ_cond (radiative and conductive fluxes add; e.g. Kippenhahn,
    /// Weigert & Weiss 2012, eq. 17.6). Its log-derivatives are
    /// ∂ln κ = (κ/κ_rad) ∂ln κ_rad + (κ/κ_cond) ∂ln κ_cond.
    ///
    /// κ_cond comes from the project's `ConductiveOpacity.opacity`. That is Potekhin et al. 1999 with
    /// Shternin & Yakovlev 2006 e–e collisions, the physics behind Cassisi et al. 2007. It is evaluated
    /// for the ions of `ions` (Z̄, Ā, ⟨Z²⟩). Its derivatives are central differences in ln ρ and ln T
    /// (step 10⁻⁴, error ~10⁻⁸). They are skipped, and set to zero, where κ/κ_cond < 10⁻⁸. Trap:
    /// `ConductiveOpacity` refuses the solid phase (ion coupling Γ > 175) and throws
    /// `MicrophysicsError.outOfRange` naming Γ. That throw is passed on here unchanged.
    public func total(logRho: Double, logT: Double, weights w: OpacityCompositionWeights, ions: Composition,
                      prescription: ConductiveOpacity.Prescription = .potekhin1999,
                      blouin2020: Bool = false) throws -> OpacityTotal {
        let rad = try radiative(logRho: logRho, logT: logT, weights: w)
        let rho = exp(logRho * M_LN10), t = exp(logT * M_LN10)
        func kc(_ r: Double, _ tt: Double) throws -> Double {
            try ConductiveOpacity.opacity(density: r, temperature: tt, charge: ions.meanCharge, mass: ions.meanMass,
                                          meanChargeSquared: ions.meanChargeSquared,
                                          prescription: prescription, blouin2020: blouin2020)
        }
        let kCond = try kc(rho, t)
        let kappa = 1 / (1 / rad.kappa + 1 / kCond)
        var cond = OpacityValue(kappa: kCond, dlnKappaDlnRho: 0, dlnKappaDlnT: 0, extrapolated: false)
        if kappa / kCond >= Self.conductionDerivativeThreshold {
            let h = 1e-4, up = exp(h), down = exp(-h)
            cond.dlnKappaDlnRho = (log(try kc(rho * up, t)) - log(try kc(rho * down, t))) / (2 * h)
            cond.dlnKappaDlnT = (log(try kc(rho, t * up)) - log(try kc(rho, t * down))) / (2 * h)
        }
        let a = kappa / rad.kappa, b = kappa / kCond
        let total = OpacityValue(kappa: kappa,
                                 dlnKappaDlnRho: a * rad.dlnKappaDlnRho + b * cond.dlnKappaDlnRho,
                                 dlnKappaDlnT: a * rad.dlnKappaDlnT + b * cond.dlnKappaDlnT,
                                 extrapolated: rad.extrapolated)
        return OpacityTotal(total: total, radiative: rad, conductive: cond)
    }

    /// `total` with the composition weights computed from (X, Z).
    public func total(logRho: Double, logT: Double, x: Double, z: Double, ions: Composition,
                      prescription: ConductiveOpacity.Prescription = .potekhin1999,
                      blouin2020: Bool = false) throws -> OpacityTotal {
        try total(logRho: logRho, logT: logT, weights: compositionWeights(x: x, z: z), ions: ions,
                  prescription: prescription, blouin2020: blouin2020)
    }
}
