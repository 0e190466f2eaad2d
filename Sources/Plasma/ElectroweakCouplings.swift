/// Neutrino–electron effective couplings entering plasmon decay, summed over the
/// three neutrino flavours.
///
/// νₑ couples through charged and neutral currents: C_V = ½ + 2 sin²θ_W, C_A = ½.
/// ν_μ, ν_τ through the neutral current only: C_V′ = C_V − 1 = −½ + 2 sin²θ_W, C_A′ = −½.
/// Flavour sums: ΣC_V² = C_V² + 2C_V′², ΣC_A² = C_A² + 2C_A′² = ¾
/// (Braaten & Segel, PRD 48 (1993) 1478; Itoh et al., ApJS 102 (1996) 411, as used in sneut5/MESA).
public struct ElectroweakCouplings: Sendable, Equatable {
    /// sin²θ_W used in C_V (dimensionless).
    public let sin2ThetaW: Double

    /// Itoh et al. (1996) and Haft, Raffelt & Weiss (1994) value, 0.2319, the convention of the
    /// fitting formulas on which the published red-giant bounds rest. This module's default:
    /// with it the exact rates and the fits differ only by the plasma physics.
    public static let itoh1996 = ElectroweakCouplings(uncheckedSin2ThetaW: 0.2319)
    /// On-shell value 1 − m_W²/m_Z² = 0.22290 (CODATA 2018 / PDG 2024). Lowers ΣC_V² by 3.3 %.
    public static let onShell = ElectroweakCouplings(uncheckedSin2ThetaW: 0.22290)
    /// Low-energy MS-bar value ŝ²(0) = 0.23857 (PDG 2024, "Electroweak model and constraints on new physics" review).
    public static let lowEnergy = ElectroweakCouplings(uncheckedSin2ThetaW: 0.23857)
    /// The default used throughout stellarbound.
    public static let standard = itoh1996

    /// Allowed range for `sin2ThetaW`.
    public static let allowedRange: ClosedRange<Double> = 0.2...0.26

    /// - Throws: `PlasmaError.outOfRange` if `sin2ThetaW` is not in `allowedRange`.
    public init(sin2ThetaW: Double) throws {
        guard sin2ThetaW.isFinite, Self.allowedRange.contains(sin2ThetaW) else {
            throw PlasmaError.outOfRange(parameter: "sin2-theta-w", value: sin2ThetaW,
                                         allowed: "[\(Self.allowedRange.lowerBound), \(Self.allowedRange.upperBound)]")
        }
        self.sin2ThetaW = sin2ThetaW
    }

    private init(uncheckedSin2ThetaW s: Double) { sin2ThetaW = s }

    /// C_V = ½ + 2 sin²θ_W (electron flavour).
    public var cV: Double { 0.5 + 2 * sin2ThetaW }
    /// C_V′ = C_V − 1 (μ and τ flavours).
    public var cVPrime: Double { cV - 1 }
    /// ΣC_V² = C_V² + 2C_V′² (0.93153 at sin²θ_W = 0.2319).
    public var sumCV2: Double { cV * cV + 2 * cVPrime * cVPrime }
    /// ΣC_A² = (½)² + 2(−½)² = ¾.
    public var sumCA2: Double { 0.75 }
}
