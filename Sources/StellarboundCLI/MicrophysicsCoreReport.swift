import Foundation

/// The helium-core mode of `stellarbound microphysics`: every input-physics option at one (ρ, T, composition).
/// Its coding keys are the documented contract (Docs/output-contract.md, "microphysics"); a model outside
/// its validity range gives `null` (the key is always present) and `notes` says why.
struct MicrophysicsCoreReport: Encodable {
    var density: Double, temperature: Double, composition: String
    var ye: Double, abar: Double, zbar: Double
    var pressure: Double?, pressureElectrons: Double?, pressureIons: Double?, pressureCoulomb: Double?
    var pressureRadiation: Double?, pressureYS89: Double?, specificEnergy: Double?
    var chiT: Double?, chiRho: Double?, cV: Double?, cP: Double?, nablaAd: Double?, gamma1: Double?
    var coulombGamma: Double?, degeneracy: Double?
    var kappaConductive: Double?, kappaConductiveYU80: Double?, kappaConductiveBlouin: Double?
    var kappaRadiative: Double?, kappaTotal: Double?
    var eps3Alpha: Double?, eps3AlphaFynbo: Double?, eps3AlphaNACRE: Double?, eps3AlphaScreen5: Double?, eps3AlphaUnscreened: Double?
    var epsNuPlasma: Double, epsNuPlasmaItoh: Double, epsNuPhoto: Double, epsNuPair: Double
    var epsNuBrems: Double, epsNuBremsSneut5: Double, epsNuTotal: Double
    var notes: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case density = "density_g_cm3", temperature = "temperature_k", composition, ye, abar, zbar
        case pressure = "pressure_dyn_cm2", pressureElectrons = "pressure_electrons_dyn_cm2", pressureIons = "pressure_ions_dyn_cm2"
        case pressureCoulomb = "pressure_coulomb_dyn_cm2", pressureRadiation = "pressure_radiation_dyn_cm2"
        case pressureYS89 = "pressure_ys89_dyn_cm2", specificEnergy = "specific_energy_erg_g"
        case chiT = "chi_t", chiRho = "chi_rho", cV = "cv_erg_g_k", cP = "cp_erg_g_k", nablaAd = "nabla_ad", gamma1
        case coulombGamma = "coulomb_gamma", degeneracy = "degeneracy_eta"
        case kappaConductive = "kappa_conductive_cm2_g", kappaConductiveYU80 = "kappa_conductive_yu80_cm2_g"
        case kappaConductiveBlouin = "kappa_conductive_blouin_cm2_g", kappaRadiative = "kappa_radiative_cm2_g"
        case kappaTotal = "kappa_total_cm2_g"
        case eps3Alpha = "eps_3alpha_erg_g_s", eps3AlphaFynbo = "eps_3alpha_fynbo_erg_g_s", eps3AlphaNACRE = "eps_3alpha_nacre_erg_g_s"
        case eps3AlphaScreen5 = "eps_3alpha_screen5_erg_g_s", eps3AlphaUnscreened = "eps_3alpha_unscreened_erg_g_s"
        case epsNuPlasma = "eps_nu_plasma_erg_g_s", epsNuPlasmaItoh = "eps_nu_plasma_itoh_erg_g_s"
        case epsNuPhoto = "eps_nu_photo_erg_g_s", epsNuPair = "eps_nu_pair_erg_g_s", epsNuBrems = "eps_nu_brems_erg_g_s"
        case epsNuBremsSneut5 = "eps_nu_brems_sneut5_erg_g_s", epsNuTotal = "eps_nu_total_erg_g_s", notes
    }

    /// Every quantity with its key, unit and label: one list for the JSON object and the text table, in the
    /// table's order (the inputs ρ, T, composition and the notes are written apart).
    var quantities: [(key: CodingKeys, value: Double?, unit: String, label: String)] {
        [(.ye, ye, "", "Yₑ"), (.abar, abar, "", "Ā"), (.zbar, zbar, "", "Z̄"),
         (.pressure, pressure, "dyn/cm²", "P total (PC2000 Coulomb)"),
         (.pressureElectrons, pressureElectrons, "dyn/cm²", "  e± (exact Fermi–Dirac)"),
         (.pressureIons, pressureIons, "dyn/cm²", "  ions (ideal)"),
         (.pressureCoulomb, pressureCoulomb, "dyn/cm²", "  Coulomb"),
         (.pressureRadiation, pressureRadiation, "dyn/cm²", "  radiation"),
         (.pressureYS89, pressureYS89, "dyn/cm²", "P with YS89 Coulomb"),
         (.specificEnergy, specificEnergy, "erg/g", "e"),
         (.chiT, chiT, "", "χ_T"), (.chiRho, chiRho, "", "χ_ρ"),
         (.cV, cV, "erg/g/K", "c_V"), (.cP, cP, "erg/g/K", "c_P"),
         (.nablaAd, nablaAd, "", "∇_ad"), (.gamma1, gamma1, "", "Γ₁"),
         (.coulombGamma, coulombGamma, "", "ion coupling Γ (mixture)"),
         (.degeneracy, degeneracy, "", "η = (μ − mₑ)/kT"),
         (.kappaConductive, kappaConductive, "cm²/g", "κ_cond PBHY99 + e–e"),
         (.kappaConductiveYU80, kappaConductiveYU80, "cm²/g", "κ_cond Yakovlev–Urpin 1980"),
         (.kappaConductiveBlouin, kappaConductiveBlouin, "cm²/g", "κ_cond PBHY99 × Blouin 2020"),
         (.kappaRadiative, kappaRadiative, "cm²/g", "κ_rad (Compton + free–free)"),
         (.kappaTotal, kappaTotal, "cm²/g", "κ = (1/κ_rad + 1/κ_cond)⁻¹"),
         (.eps3Alpha, eps3Alpha, "erg/g/s", "ε₃α CF88, CDY07 screening"),
         (.eps3AlphaFynbo, eps3AlphaFynbo, "erg/g/s", "ε₃α Fynbo 2005"),
         (.eps3AlphaNACRE, eps3AlphaNACRE, "erg/g/s", "ε₃α NACRE"),
         (.eps3AlphaScreen5, eps3AlphaScreen5, "erg/g/s", "ε₃α CF88, screen5"),
         (.eps3AlphaUnscreened, eps3AlphaUnscreened, "erg/g/s", "ε₃α CF88, unscreened"),
         (.epsNuPlasma, epsNuPlasma, "erg/g/s", "ε_ν plasmon decay (exact)"),
         (.epsNuPlasmaItoh, epsNuPlasmaItoh, "erg/g/s", "ε_ν plasmon decay (Itoh fit)"),
         (.epsNuPhoto, epsNuPhoto, "erg/g/s", "ε_ν photo"),
         (.epsNuPair, epsNuPair, "erg/g/s", "ε_ν pair"),
         (.epsNuBrems, epsNuBrems, "erg/g/s", "ε_ν bremsstrahlung (smooth blend)"),
         (.epsNuBremsSneut5, epsNuBremsSneut5, "erg/g/s", "ε_ν bremsstrahlung (sneut5 switch)"),
         (.epsNuTotal, epsNuTotal, "erg/g/s", "ε_ν total (exact plasma)")]
    }

    /// Every key always present: an unavailable quantity is `null`.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(density, forKey: .density)
        try c.encode(temperature, forKey: .temperature)
        try c.encode(composition, forKey: .composition)
        for q in quantities { try c.encode(q.value, forKey: q.key) }
        try c.encode(notes, forKey: .notes)
    }

    var text: String {
        var out = String(format: "Input physics at ρ = %.4g g/cm³, T = %.4g K, composition %@\n\n", density, temperature, composition)
        out += formatTable(header: ["quantity", "value", "unit"],
                           rows: quantities.map { [$0.label, $0.value.map { String(format: "%.5g", $0) } ?? "—", $0.unit] })
        for note in notes { out += "note: \(note)\n" }
        return out
    }
}
