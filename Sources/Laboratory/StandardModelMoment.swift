import Constants

/// The magnetic moment of a Dirac neutrino in the Standard Model extended with right-handed neutrinos
/// (Fujikawa & Shrock 1980, PRL 45, 963; Giunti & Studenikin 2015, RMP 87, 531, eq. 3.45):
///
///     μᵢᵢ = 3 e G_F mᵢ / (8√2 π²)  =  (3 G_F mₑ mᵢ / (4√2 π²)) μ_B  ≈ 3.2 × 10⁻¹⁹ μ_B (mᵢ / 1 eV),
///
/// with μ_B = e/(2mₑ). Seven to eight orders of magnitude below every limit: a measured moment means new physics.
public enum StandardModelMoment {
    /// μ/μ_B for a Dirac neutrino of mass m (eV).
    public static func diracMoment(massEV m: Double) throws -> Double {
        guard m.isFinite, m >= 0, m <= 1e3 else { throw LaboratoryError.invalidParameter(name: "neutrino mass (eV)", value: m, allowed: "[0, 1e3] eV") }
        let gf = Natural.fermiConstant_per_keV2, me = Natural.electronMass_keV
        return 3 * gf * me * (m * 1e-3) / (4 * 2.0.squareRoot() * Double.pi * Double.pi)
    }
}
