/// The new plasmon-decay channel a bound is on.
///
/// Both channels add an emission ∝ x² to the standard plasmon decay (Haft, Raffelt & Weiss 1994,
/// ApJ 425, 222, eqs. 8–9 for μν; Raffelt 1996, "Stars as Laboratories", §6.5 for a charge), so the tip
/// curve M_I(x), the systematics budget and the three limits are one machinery, run on a grid in x:
///
///     magnetic moment:  x = μ₁₂ = μν / (10⁻¹² μ_B),  μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²)
///     millicharge:      x = q₁₄ = qν / (10⁻¹⁴ e),    qν² = Σᵢ qᵢ² over Dirac species
public enum Coupling: String, Sendable, CaseIterable, Hashable {
    case magneticMoment = "magnetic-moment"
    case millicharge

    /// Symbol of x in text output.
    public var symbol: String { self == .magneticMoment ? "μ₁₂" : "q₁₄" }
    /// Key stem of x in JSON and CSV output (`mu12_limit`, `q14_limit`).
    public var key: String { self == .magneticMoment ? "mu12" : "q14" }
    /// x in physical units: μν/μ_B or qν/e.
    public var scale: Double { self == .magneticMoment ? 1e-12 : 1e-14 }
    /// JSON key of the limit in physical units.
    public var physicalKey: String { self == .magneticMoment ? "mu_nu_limit_mu_b" : "q_limit_e0" }
    /// What x means, for text output.
    public var meaning: String {
        self == .magneticMoment ? "μ₁₂ = μν/(10⁻¹² μ_B), μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²)" : "q₁₄ = qν/(10⁻¹⁴ e), qν² = Σᵢ qᵢ²"
    }
}
