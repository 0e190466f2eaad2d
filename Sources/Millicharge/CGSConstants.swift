/// Constants of the millicharge module, Gaussian (cgs) units.
enum CGS {
    /// Speed of light c in cm/s (exact, SI definition).
    static let speedOfLight = 2.997_924_58e10
    /// Elementary charge e₀ in statcoulomb (esu): e[C]·10 c[m/s]/... = 1.602 176 634e-19 C × 2.997 924 58e9 esu/C
    /// (CODATA 2018, exact in SI).
    static let elementaryCharge = 1.602_176_634e-19 * 2.997_924_58e9
    /// Solar mass M☉ in g: IAU 2015 Resolution B3 nominal GM☉ = 1.327 124 4e26 cm³ s⁻² over
    /// G = 6.674 30e-8 cm³ g⁻¹ s⁻² (CODATA 2018).
    static let solarMass = 1.327_124_4e26 / 6.674_30e-8
    /// 1 MeV in erg (exact in SI).
    static let ergPerMeV = 1.602_176_634e-6
    /// 1 km in cm.
    static let cmPerKm = 1e5
}
