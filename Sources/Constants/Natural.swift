/// Constants in particle-physics natural units (ħ = c = k_B = 1, energies in keV), for the plasma and
/// neutrino modules.
///
/// Sources: CODATA 2018 (Tiesinga et al., Rev. Mod. Phys. 93 (2021) 025010) for α, mₑc², k_B, ħc, ħ;
/// PDG 2024 (Navas et al., Phys. Rev. D 110 (2024) 030001) for the Fermi constant.
public enum Natural {
    /// Fine-structure constant α (dimensionless), CODATA 2018.
    public static let fineStructure = CGS.fineStructure
    /// Electron rest energy mₑc² in keV, CODATA 2018.
    public static let electronMass_keV = 510.998_950_00
    /// Boltzmann constant in keV K⁻¹, CODATA 2018 (exact in SI: k_B/e).
    public static let boltzmann_keV_per_K = 8.617_333_262e-8
    /// ħc in keV cm, CODATA 2018 (197.326 980 4 MeV fm).
    public static let hbarC_keV_cm = 1.973_269_804e-8
    /// ħ in keV s, CODATA 2018.
    public static let hbar_keV_s = 6.582_119_569e-19
    /// Fermi constant G_F/(ħc)³ in keV⁻² (PDG 2024: 1.166 378 8 × 10⁻⁵ GeV⁻²).
    public static let fermiConstant_per_keV2 = 1.166_378_8e-17
}
