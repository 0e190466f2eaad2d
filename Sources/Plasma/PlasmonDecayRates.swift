import Foundation

/// Plasmon-decay emissivities (energy-loss rates per volume) in erg cm⁻³ s⁻¹, summed over
/// the three neutrino flavours. Per plasmon of energy ω, momentum k, K² = ω² − k², residue Z:
///
///     vector     Γ = C_V² G_F² Z K⁶ / (48π²α ω)        (B&S 1993; re-derived in Docs/plasma.md)
///     axial      Γ = C_A² G_F² Z K² k² Π_A² / (48π²α ω) (transverse only; derived, Docs/plasma.md)
///     magnetic   Γ = μν² Z K⁴ / (24π ω)                 (Raffelt, "Stars as Laboratories" 1996, ch. 6)
///     charge     Γ = q² α Z K² / (3 ω)                  (massless Dirac pair; V → f f̄ width)
///
/// Q = Σ_pol ∫ d³k/(2π)³ ω Γ n_B(ω): two transverse polarisations, one longitudinal.
public struct PlasmonDecayRates: Sendable, Equatable {
    public var vectorTransverse = 0.0
    public var vectorLongitudinal = 0.0
    public var axial = 0.0
    public var magneticTransverse = 0.0
    public var magneticLongitudinal = 0.0
    public var chargeTransverse = 0.0
    public var chargeLongitudinal = 0.0

    public init() {}

    /// Standard-model rate: vector (T + L) + axial.
    public var standard: Double { vectorTransverse + vectorLongitudinal + axial }
    /// Magnetic-moment rate (T + L).
    public var magnetic: Double { magneticTransverse + magneticLongitudinal }
    /// Millicharge rate (T + L).
    public var millicharge: Double { chargeTransverse + chargeLongitudinal }
    /// Everything.
    public var total: Double { standard + magnetic + millicharge }

    /// Converts dimensionless integrals at plasma frequency ωp (keV) into emissivities.
    init(integrals i: PlasmonIntegrals, omegaP_keV wp: Double, couplings c: ElectroweakCouplings,
         neutrino nu: NeutrinoProperties) {
        let pi = Double.pi, alpha = PhysicalConstants.fineStructure
        let gf2 = PhysicalConstants.fermiConstant_per_keV2 * PhysicalConstants.fermiConstant_per_keV2
        let conv = PhysicalConstants.keV5_to_erg_cm3_s
        let wp2 = wp * wp, wp5 = wp2 * wp2 * wp, wp7 = wp5 * wp2, wp9 = wp7 * wp2
        let weak = gf2 / (48 * pi * pi * pi * pi * alpha) * wp9 * conv
        vectorTransverse = c.sumCV2 * weak * i.vectorTransverse
        vectorLongitudinal = c.sumCV2 * weak * 0.5 * i.vectorLongitudinal
        axial = c.sumCA2 * weak * i.axial
        let mu = nu.mu12 * 1e-12 * PhysicalConstants.bohrMagneton_per_keV
        let mag = mu * mu / (24 * pi * pi * pi) * wp7 * conv
        magneticTransverse = mag * i.magneticTransverse
        magneticLongitudinal = mag * 0.5 * i.magneticLongitudinal
        let ch = nu.millicharge * nu.millicharge * alpha / (3 * pi * pi) * wp5 * conv
        chargeTransverse = ch * i.chargeTransverse
        chargeLongitudinal = ch * 0.5 * i.chargeLongitudinal
    }
}
