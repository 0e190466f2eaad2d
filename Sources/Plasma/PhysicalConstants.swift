import Constants

/// The plasma module's view of the constants (ħ = c = k_B = 1, energies in keV): every value comes from
/// the `Constants` module (CODATA 2018, PDG 2024); only the unit conversions derived from them live here.
public enum PhysicalConstants {
    /// Fine-structure constant α (dimensionless), CODATA 2018.
    public static let fineStructure: Double = Natural.fineStructure
    /// Electron rest energy mₑc² in keV, CODATA 2018.
    public static let electronMass_keV: Double = Natural.electronMass_keV
    /// Boltzmann constant in keV/K, CODATA 2018 (exact in SI).
    public static let boltzmann_keV_per_K: Double = Natural.boltzmann_keV_per_K
    /// ħc in keV·cm, CODATA 2018 (197.326 980 4 MeV fm).
    public static let hbarC_keV_cm: Double = Natural.hbarC_keV_cm
    /// ħ in keV·s, CODATA 2018.
    public static let hbar_keV_s: Double = Natural.hbar_keV_s
    /// Atomic mass unit m_u in g, CODATA 2018.
    public static let atomicMassUnit_g: Double = CGS.atomicMassUnit
    /// 1 keV in erg (exact in SI).
    public static let erg_per_keV: Double = CGS.ergPerKeV
    /// Fermi constant G_F/(ħc)³ in keV⁻² (PDG 2024: 1.166 378 8 × 10⁻⁵ GeV⁻²).
    public static let fermiConstant_per_keV2: Double = Natural.fermiConstant_per_keV2
    /// Bohr magneton μ_B = e/(2mₑ) in keV⁻¹ (Heaviside–Lorentz natural units, e = √(4πα)).
    public static let bohrMagneton_per_keV: Double = (4 * Double.pi * fineStructure).squareRoot() / (2 * electronMass_keV)

    /// Converts an emissivity in keV⁵ (natural units) to erg cm⁻³ s⁻¹:
    /// Q[erg/cm³/s] = Q[keV⁵] · (erg/keV) / ((ħc)³ · ħ).
    public static let keV5_to_erg_cm3_s: Double =
        erg_per_keV / (hbarC_keV_cm * hbarC_keV_cm * hbarC_keV_cm * hbar_keV_s)

    /// (ħc)⁻³ in cm⁻³ keV⁻³: converts a number density in keV³ to cm⁻³.
    public static let keV3_to_per_cm3: Double = 1 / (hbarC_keV_cm * hbarC_keV_cm * hbarC_keV_cm)
}
