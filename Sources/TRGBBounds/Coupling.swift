/// The new energy-loss channel a bound is on.
///
/// Every channel adds a loss ∝ x² to the standard ones (Haft, Raffelt & Weiss 1994, ApJ 425, 222, eqs. 8–9 for
/// μν; Raffelt 1996, "Stars as Laboratories", §6.5 for a charge; Docs/axion.md eqs. A1–A5 for axions), so the tip
/// curve M_I(x), the systematics budget and the three limits are one machinery, run on a grid in x:
///
///     magnetic moment:  x = μ₁₂ = μν / (10⁻¹² μ_B),  μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²)
///     millicharge:      x = q₁₄ = qν / (10⁻¹⁴ e),    qν² = Σᵢ qᵢ² over Dirac species
///     axion–electron:   x = g₁₃ = g_ae / 10⁻¹³       (bremsstrahlung on ions and Compton axions)
public enum Coupling: String, Sendable, CaseIterable, Hashable {
    case magneticMoment = "magnetic-moment"
    case millicharge
    case axionElectron = "axion-electron"

    /// The value of a per-coupling quantity: `magnetic` for μ₁₂, `charge` for q₁₄, `axion` for g₁₃.
    public func pick<T>(_ magnetic: T, _ charge: T, _ axion: T) -> T {
        switch self {
        case .magneticMoment: magnetic
        case .millicharge: charge
        case .axionElectron: axion
        }
    }

    /// Symbol of x in text output.
    public var symbol: String { pick("μ₁₂", "q₁₄", "g₁₃") }
    /// Key stem of x in JSON and CSV output (`mu12_limit`, `q14_limit`, `g13_limit`).
    public var key: String { pick("mu12", "q14", "g13") }
    /// x in physical units: μν/μ_B, qν/e or g_ae.
    public var scale: Double { pick(1e-12, 1e-14, 1e-13) }
    /// JSON key of the limit in physical units.
    public var physicalKey: String { pick("mu_nu_limit_mu_b", "q_limit_e0", "g_ae_limit") }
    /// What x means, for text output.
    public var meaning: String {
        pick("μ₁₂ = μν/(10⁻¹² μ_B), μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²)", "q₁₄ = qν/(10⁻¹⁴ e), qν² = Σᵢ qᵢ²",
             "g₁₃ = g_ae/10⁻¹³, the axion–electron Yukawa coupling (α_a = g_ae²/4π)")
    }
}
