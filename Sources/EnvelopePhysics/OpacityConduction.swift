import Foundation
import Microphysics

extension OpacityTables {
    /// Formerly the conduction share below which κ_cond's derivatives were not differenced. The derivatives are
    /// now exact (`OpacityConductionIons`) and always included, so nothing uses this value; it is kept so that
    /// code naming it still compiles.
    public static let conductionDerivativeThreshold = 1e-8

    /// Total opacity 1/κ = 1/κ_rad + 1/κ_cond (radiative and conductive fluxes add; e.g. Kippenhahn,
    /// Weigert & Weiss 2012, eq. 17.6). Its log-derivatives are
    /// ∂ln κ = (κ/κ_rad) ∂ln κ_rad + (κ/κ_cond) ∂ln κ_cond.
    ///
    /// κ_cond is the project's `ConductiveOpacity.opacity`: Potekhin et al. 1999 with Shternin & Yakovlev 2006
    /// e–e collisions, the physics behind Cassisi et al. 2007, for the ions of `ions` (Z̄, Ā, ⟨Z²⟩). It is
    /// evaluated by `OpacityConductionIons`, the same formula with exact derivatives in one pass (tested against
    /// `ConductiveOpacity` and its differences). Trap: conduction refuses the solid phase (ion coupling
    /// Γ > 175) with `MicrophysicsError.outOfRange` naming Γ, passed on here unchanged.
    ///
    /// This form sets up the mixture's conduction factors on every call (a cube root, a square root and a few
    /// divisions); a caller evaluating many points at one composition can build `OpacityConductionIons` once
    /// and call `total(logRho:logT:weights:conduction:)`.
    public func total(logRho: Double, logT: Double, weights w: OpacityCompositionWeights, ions: Composition,
                      prescription: ConductiveOpacity.Prescription = .potekhin1999,
                      blouin2020: Bool = false) throws -> OpacityTotal {
        try total(logRho: logRho, logT: logT, weights: w,
                  conduction: OpacityConductionIons(ions: ions, prescription: prescription, blouin2020: blouin2020))
    }

    /// `total` with the conduction's per-mixture factors precomputed (the fast path: no allocation, one cube
    /// root per point for conduction, κ_rad from the precomputed (X, Z) weights).
    public func total(logRho: Double, logT: Double, weights w: OpacityCompositionWeights,
                      conduction: OpacityConductionIons) throws -> OpacityTotal {
        let rad = try radiative(logRho: logRho, logT: logT, weights: w)
        let rho = exp(logRho * M_LN10), t = exp(logT * M_LN10)
        let cond = try conduction.opacity(density: rho, temperature: t)
        let kappa = 1 / (1 / rad.kappa + 1 / cond.kappa)
        let a = kappa / rad.kappa, b = kappa / cond.kappa
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
