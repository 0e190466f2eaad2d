/// Physical constants used by the plasma module, in the units named by each symbol.
///
/// Sources: CODATA 2018 recommended values (Tiesinga et al., Rev. Mod. Phys. 93 (2021) 025010)
/// for α, mₑ, k_B, ħ, ħc, m_u, eV; PDG 2024 (Navas et al., Phys. Rev. D 110 (2024) 030001)
/// for the Fermi constant. Natural units inside the module: ħ = c = k_B = 1, energies in keV.
public enum PhysicalConstants {
    /// Fine-structure constant α (dimensionless), CODATA 2018.
    public static let fineStructure: Double = 1.0 / 137.035_999_084
    /// Electron rest energy mₑc² in keV, CODATA 2018.
    public static let electronMass_keV: Double = 510.998_950_00
    /// Boltzmann constant in keV/K, CODATA 2018 (exact in SI).
    public static let boltzmann_keV_per_K: Double = 8.617_333_262e-8
    /// ħc in keV·cm, CODATA 2018 (197.326 980 4 MeV fm).
    public static let hbarC_keV_cm: Double = 1.973_269_804e-8
    /// ħ in keV·s, CODATA 2018.
    public static let hbar_keV_s: Double = 6.582_119_569e-19
    /// Atomic mass unit m_u in g, CODATA 2018.
    public static let atomicMassUnit_g: Double = 1.660_539_066_60e-24
    /// 1 keV in erg (exact in SI).
    public static let erg_per_keV: Double = 1.602_176_634e-9
    /// Fermi constant G_F/(ħc)³ in keV⁻² (PDG 2024: 1.166 378 8 × 10⁻⁵ GeV⁻²).
    public static let fermiConstant_per_keV2: Double = 1.166_378_8e-17
    /// Bohr magneton μ_B = e/(2mₑ) in keV⁻¹ (Heaviside–Lorentz natural units, e = √(4πα)).
    public static let bohrMagneton_per_keV: Double = (4 * Double.pi * fineStructure).squareRoot() / (2 * electronMass_keV)

    /// Converts an emissivity in keV⁵ (natural units) to erg cm⁻³ s⁻¹:
    /// Q[erg/cm³/s] = Q[keV⁵] · (erg/keV) / ((ħc)³ · ħ).
    public static let keV5_to_erg_cm3_s: Double =
        erg_per_keV / (hbarC_keV_cm * hbarC_keV_cm * hbarC_keV_cm * hbar_keV_s)

    /// (ħc)⁻³ in cm⁻³ keV⁻³: converts a number density in keV³ to cm⁻³.
    public static let keV3_to_per_cm3: Double = 1 / (hbarC_keV_cm * hbarC_keV_cm * hbarC_keV_cm)
}
