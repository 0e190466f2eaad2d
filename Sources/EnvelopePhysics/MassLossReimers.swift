import Foundation
import Constants

/// Reimers' mass-loss law for red giants: Ṁ = −4×10⁻¹³ η (L/L☉)(R/R☉)/(M/M☉) M☉ yr⁻¹
/// (Reimers 1975, Mém. Soc. R. Sci. Liège 8, 369, eq. 1; Kudritzki & Reimers 1978, A&A 70, 227).
/// η is the free efficiency (≈ 0.3–0.5 from globular-cluster horizontal branches, e.g. Renzini & Fusi Pecci
/// 1988; McDonald & Zijlstra 2015 find η = 0.477 ± 0.070). Trap: the law is in solar units; convert once.
public enum ReimersMassLoss {
    /// The coefficient 4×10⁻¹³ M☉ yr⁻¹ of Reimers 1975.
    public static let coefficient = 4e-13

    /// Ṁ in M☉ yr⁻¹ (negative: the star loses mass) for L, R, M in solar units.
    public static func rate(luminosity l: Double, radius r: Double, mass m: Double,
                            eta: Double) throws(MassLossError) -> Double {
        guard l.isFinite, l >= 0 else { throw .outOfRange(quantity: "L/L☉", value: l, allowed: "[0, ∞)") }
        guard r.isFinite, r > 0 else { throw .outOfRange(quantity: "R/R☉", value: r, allowed: "(0, ∞)") }
        guard m.isFinite, m > 0 else { throw .outOfRange(quantity: "M/M☉", value: m, allowed: "(0, ∞)") }
        guard eta.isFinite, eta >= 0 else { throw .outOfRange(quantity: "Reimers η", value: eta, allowed: "[0, ∞)") }
        return -coefficient * eta * l * r / m
    }

    /// Ṁ in g s⁻¹ for L [erg s⁻¹], R [cm], M [g] (IAU 2015 nominal L☉, R☉; M☉ = GM☉/G).
    public static func rateCGS(luminosity l: Double, radius r: Double, mass m: Double,
                               eta: Double) throws(MassLossError) -> Double {
        try rate(luminosity: l / Solar.luminosity, radius: r / Solar.radius, mass: m / Solar.mass, eta: eta)
            * Solar.mass / Time.year
    }
}

/// Errors of the mass-loss laws: the quantity, its value and the allowed domain.
public enum MassLossError: Error, CustomStringConvertible, Equatable, Sendable {
    case outOfRange(quantity: String, value: Double, allowed: String)

    public var description: String {
        switch self {
        case let .outOfRange(q, v, a): return "\(q) = \(v) is outside the allowed range \(a)"
        }
    }
}
