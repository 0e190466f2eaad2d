/// The standard neutrino losses other than plasmon decay, in erg cm⁻³ s⁻¹: pair annihilation,
/// photoneutrinos and bremsstrahlung on ions, each from Itoh et al. 1996 (ApJS 102, 411) as implemented in
/// `ItohNeutrinoFits`. Plasmon decay is left to the caller (exact table, direct integrals or the Itoh fit).
/// One sum, used by the helium-core integrator and by `stellarbound microphysics`.
public enum NeutrinoLosses {
    public static func nonPlasma(density rho: Double, temperature t: Double, composition c: Composition,
                                 bremsstrahlung branch: ItohNeutrinoFits.BremsstrahlungBranch = .smoothBlend) -> Double {
        let ye = c.electronFraction
        return ItohNeutrinoFits.pair(density: rho, temperature: t, electronFraction: ye)
            + ItohNeutrinoFits.photo(density: rho, temperature: t, electronFraction: ye)
            + ItohNeutrinoFits.bremsstrahlung(density: rho, temperature: t, meanCharge: c.meanCharge,
                                              meanMass: c.meanMass, branch: branch)
    }
}

/// Radiative and conductive opacity in parallel: 1/κ = 1/κ_rad + 1/κ_cond (heat flows by both channels).
public enum TotalOpacity {
    public static func harmonic(radiative: Double, conductive: Double) -> Double {
        1 / (1 / radiative + 1 / conductive)
    }
}
