/// Physical constants in Gaussian cgs units, written once for every module.
///
/// Source: CODATA 2018 recommended values (Tiesinga et al., Rev. Mod. Phys. 93 (2021) 025010).
/// Constants exact in the 2019 SI (c, h, e, k_B, N_A) are exact here too; the others carry
/// CODATA's digits. Derived constants (a, σ, ħ in erg s, e in esu) are computed from these, never
/// typed a second time.
public enum CGS {
    /// Speed of light c in cm s⁻¹ (exact).
    public static let speedOfLight = 2.997_924_58e10
    /// Newtonian constant of gravitation G in cm³ g⁻¹ s⁻² (CODATA 2018: 6.674 30(15) × 10⁻¹¹ m³ kg⁻¹ s⁻²).
    public static let gravitational = 6.674_30e-8
    /// Planck constant h in erg s (exact).
    public static let planck = 6.626_070_15e-27
    /// Reduced Planck constant ħ = h/2π in erg s.
    public static let hbar = planck / (2 * Double.pi)
    /// Boltzmann constant k_B in erg K⁻¹ (exact).
    public static let boltzmann = 1.380_649e-16
    /// Avogadro constant N_A in mol⁻¹ (exact).
    public static let avogadro = 6.022_140_76e23
    /// Atomic mass unit m_u in g (CODATA 2018).
    public static let atomicMassUnit = 1.660_539_066_60e-24
    /// Electron mass mₑ in g (CODATA 2018).
    public static let electronMass = 9.109_383_7015e-28
    /// Fine-structure constant α (dimensionless, CODATA 2018).
    public static let fineStructure = 1 / 137.035_999_084
    /// Elementary charge e in C (exact); used only to build `elementaryCharge`.
    public static let elementaryCharge_C = 1.602_176_634e-19
    /// Elementary charge e in statcoulomb (esu): e[C] × c[cm s⁻¹]/10.
    public static let elementaryCharge = elementaryCharge_C * speedOfLight / 10
    /// 1 eV in erg (exact).
    public static let ergPerEV = 1.602_176_634e-12
    /// 1 MeV in erg (exact).
    public static let ergPerMeV = 1e6 * ergPerEV
    /// 1 keV in erg (exact).
    public static let ergPerKeV = 1e3 * ergPerEV
    /// Stefan–Boltzmann constant σ = 2π⁵k⁴/(15h³c²) in erg cm⁻² s⁻¹ K⁻⁴ (≈ 5.670 374 419 × 10⁻⁵).
    public static let stefanBoltzmann: Double = {
        let k = boltzmann, h = planck, c = speedOfLight
        return 2 * pow5(Double.pi) * k * k * k * k / (15 * h * h * h * c * c)
    }()
    /// Radiation density constant a = 4σ/c in erg cm⁻³ K⁻⁴ (≈ 7.565 733 × 10⁻¹⁵).
    public static let radiation = 4 * stefanBoltzmann / speedOfLight
    /// Hydrogen-1 atomic mass in g: 1.007 825 032 u (AME 2016, Wang et al., Chin. Phys. C 41 (2017) 030003).
    public static let hydrogenAtomMass = 1.007_825_032 * atomicMassUnit

    private static func pow5(_ x: Double) -> Double { x * x * x * x * x }
}

/// Time units.
public enum Time {
    /// The Julian year in s (365.25 d, IAU): the unit of every age in stellarbound.
    public static let year = 3.155_76e7
    /// 10⁹ Julian years in s.
    public static let gigayear = 1e9 * year
}

/// Solar values: IAU 2015 Resolution B3 nominal values (Prša et al., AJ 152 (2016) 41).
///
/// The mass rule of stellarbound: masses cross public interfaces in M☉ (`…_msun`), are converted to
/// grams with `Solar.mass` at the boundary of a solver, and are grams inside every implicit model.
public enum Solar {
    /// Nominal GM☉ in cm³ s⁻² (IAU 2015 B3: 1.327 124 4 × 10²⁰ m³ s⁻²).
    public static let gravitationalParameter = 1.327_124_4e26
    /// M☉ = GM☉/G in g (≈ 1.988 41 × 10³³).
    public static let mass = gravitationalParameter / CGS.gravitational
    /// Nominal L☉ in erg s⁻¹ (IAU 2015 B3: 3.828 × 10²⁶ W).
    public static let luminosity = 3.828e33
    /// Nominal R☉ in cm (IAU 2015 B3: 6.957 × 10⁸ m).
    public static let radius = 6.957e10
    /// Nominal effective temperature T_eff☉ in K (IAU 2015 B3: 5772 K).
    public static let effectiveTemperature = 5772.0
    /// Absolute bolometric magnitude of the Sun (IAU 2015 B2: M_bol,☉ = 4.74).
    public static let bolometricMagnitude = 4.74
}
