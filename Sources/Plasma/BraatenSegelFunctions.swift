import Foundation

// The two functions of x = v*k/ω that carry the Braaten & Segel (1993) dispersion relations
// (PRD 48, 1478, §II; equation numbers not verified here, see Docs/plasma.md), with L(x) = artanh(x)/x:
//
//     transverse   ω² = k² + ωp² G_T(x),   G_T(x) = (3/2x²) [1 − (1 − x²) L(x)]
//     longitudinal ω² =      ωp² G_L(x),   G_L(x) = (3/x²)  [L(x) − 1]
//
// G_T(0) = G_L(0) = 1. Their derivatives follow from L′ = (1/(1−x²) − L)/x:
//
//     x G_T′(x) = 3 [L(x) − G_T(x)],      x G_L′(x) = 3 [1/(1 − x²) − G_L(x)]
//
// Numerical trap: every closed form above cancels like x² as x → 0 (1 − (1−x²)L, L − 1, L − G),
// losing log₁₀(1/x²) digits; below x = 0.3 the Taylor series are used (terms to x³⁴: error < 1e-17).
//     G_T = 3 Σₙ≥₁ x^(2n−2)/(4n² − 1),   G_L = 3 Σₙ≥₁ x^(2n−2)/(2n + 1)

private let seriesCut = 0.3
private let seriesTerms = 18

/// G_T(x) and x·G_T′(x), 0 ≤ x < 1.
@inline(__always)
func transverseG(_ x: Double) -> (g: Double, xdg: Double) {
    x < seriesCut ? transverseGSeries(x) : transverseGClosed(x)
}

/// G_L(x) and x·G_L′(x), 0 ≤ x < 1.
@inline(__always)
func longitudinalG(_ x: Double) -> (g: Double, xdg: Double) {
    x < seriesCut ? longitudinalGSeries(x) : longitudinalGClosed(x)
}

/// Coefficients cₙ of G = Σₙ≥₁ cₙ x^(2n−2): 3/(4n² − 1) (transverse), 3/(2n + 1) (longitudinal).
private let transverseCoefficients: [Double] = (1...seriesTerms).map { 3.0 / Double(4 * $0 * $0 - 1) }
private let longitudinalCoefficients: [Double] = (1...seriesTerms).map { 3.0 / Double(2 * $0 + 1) }

/// Σ cₙ x^(2n−2) and x d/dx of it, Σ cₙ (2n − 2) x^(2n−2).
@inline(__always)
private func evenSeries(_ x: Double, _ c: [Double]) -> (g: Double, xdg: Double) {
    let y = x * x
    var g = 0.0, xdg = 0.0, power = 1.0
    for n in 0..<c.count {
        g += c[n] * power
        xdg += c[n] * Double(2 * n) * power
        power *= y
    }
    return (g, xdg)
}

@inline(__always)
func transverseGSeries(_ x: Double) -> (g: Double, xdg: Double) { evenSeries(x, transverseCoefficients) }

@inline(__always)
func longitudinalGSeries(_ x: Double) -> (g: Double, xdg: Double) { evenSeries(x, longitudinalCoefficients) }

@inline(__always)
func transverseGClosed(_ x: Double) -> (g: Double, xdg: Double) {
    let l = atanh(x) / x
    let g = 1.5 / (x * x) * (1 - (1 - x * x) * l)
    return (g, 3 * (l - g))
}

@inline(__always)
func longitudinalGClosed(_ x: Double) -> (g: Double, xdg: Double) {
    let l = atanh(x) / x
    let g = 3 / (x * x) * (l - 1)
    return (g, 3 * (1 / (1 - x * x) - g))
}
