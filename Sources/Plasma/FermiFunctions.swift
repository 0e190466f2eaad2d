import Foundation
import GSL

/// The fixed Gauss–Legendre rules of the module, built once. GSL can fail here only on memory
/// exhaustion (valid constant orders), which is not recoverable.
enum GaussRules {
    static let twenty = make(20)
    static let eight = make(8)
    private static func make(_ n: Int) -> GaussLegendreRule {
        guard let r = try? GaussLegendreRule(points: n) else { fatalError("Gauss–Legendre table allocation failed") }
        return r
    }
}

/// Fermi–Dirac occupation 1/(eˣ + 1), evaluated without overflow for any x.
@inline(__always)
func fermiOccupation(_ x: Double) -> Double {
    if x > 0 {
        let e = exp(-x)
        return e / (1 + e)
    }
    return 1 / (1 + exp(x))
}

/// Bose–Einstein occupation 1/(eˣ − 1), x > 0; `expm1` keeps small x exact, large x gives 0.
@inline(__always)
func boseOccupation(_ x: Double) -> Double {
    x > 745 ? 0 : 1 / expm1(x)
}

/// L(x) = artanh(x)/x = (1/2x) ln((1+x)/(1−x)), 0 ≤ x < 1; L(0) = 1.
/// Trap: the closed form loses digits as x → 0; below 0.05 the series Σ x²ⁿ/(2n+1) is used.
@inline(__always)
func artanhOverX(_ x: Double) -> Double {
    if x < 0.05 {
        let y = x * x
        return 1 + y * (1.0 / 3 + y * (1.0 / 5 + y * (1.0 / 7 + y * (1.0 / 9 + y * (1.0 / 11 + y / 13)))))
    }
    return atanh(x) / x
}

/// f(e − μ) − f(e + μ) for the Fermi–Dirac occupation, with x = e/θ and a = μ/θ ≥ 0.
/// Trap: when μ ≪ θ (pair plasma) the plain difference cancels to noise; the identity
/// ½ sinh a / (cosh((x+a)/2) cosh((x−a)/2)) keeps full precision (and underflows to 0, not NaN).
@inline(__always)
func fermiDifference(x: Double, a: Double) -> Double {
    if a > 20 { return fermiOccupation(x - a) - fermiOccupation(x + a) }
    return 0.5 * sinh(a) / (cosh(0.5 * (x + a)) * cosh(0.5 * (x - a)))
}
