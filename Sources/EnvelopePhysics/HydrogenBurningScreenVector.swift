import Foundation

/// The screening of all 11 pairs of the hydrogen-burning network at once: `HydrogenBurningScreenPair.exponent`
/// evaluated lane by lane in `SIMD16<Double>` (lanes 0…10 the pairs, 11…15 copies of pair 0, ignored).
///
/// Why: the pairs share the plasma's nₑ^(1/3)/T, T/nₑ^(1/3) and (nₑ^(1/2)/T)^(2/3) (computed once per call by
/// the caller), and what is left per pair is the CDY07 fit itself, whose cost in the scalar form is ten
/// divisions and square roots per pair (the cube root's three Halley steps among them), the slowest
/// instructions there are.
///
/// Two paths, both on vectors:
/// - `exponents` (the hot path, where every pair has |P − 1| < 1/4 and Γ < 9, which covers hydrogen burning in
///   stars: P − 1 ≈ −0.005, Γ ≲ 0.4 at the solar centre): P^(−1/6) by Newton's iteration r ← r(7 − P r⁶)/6 from
///   its second-order Taylor value about P = 1 (three steps: relative error ≤ 1.3×10⁻³ → 6×10⁻⁶ → 10⁻¹⁰ →
///   10⁻¹⁹), which gives P^(−1/3) = r², 1/P = r⁶ and √Γ̃ = √Γ r with no division; (A₂ + Γ̃)^(−1/2) by Newton's
///   y ← y(3 − x y²)/2 from its Taylor value about Γ̃ = 0 (three steps, from ≤ 3×10⁻⁴); the three remaining
///   reciprocals 1/(1 + Γ̃), 1/(B₂ + Γ̃), 1/(B₄ + Γ̃²) from one division of their product. One division and one
///   scalar square root per call. The results differ from the scalar form in the last bits (tested to 10⁻¹⁴).
/// - `exactExponents` otherwise: the scalar form's operations lane by lane, bit-identical to it (tested).
///
/// A class, so that the hot path reads the coefficient vectors through one reference instead of copying them.
final class HydrogenBurningScreenVector: Sendable {
    let gammaCoefficient: SIMD16<Double>, zetaCoefficient: SIMD16<Double>, inverseGammaCoefficient: SIMD16<Double>
    /// √gammaCoefficient (√Γ = this × (nₑ^(1/3)/T)^(1/2)).
    let sqrtGammaCoefficient: SIMD16<Double>

    init(pairs: [HydrogenBurningScreenPair]) {
        precondition(!pairs.isEmpty && pairs.count <= 16)
        var g = SIMD16<Double>(repeating: pairs[0].gammaCoefficient)
        var z = SIMD16<Double>(repeating: pairs[0].zetaCoefficient)
        var ig = SIMD16<Double>(repeating: pairs[0].inverseGammaCoefficient)
        for (i, p) in pairs.enumerated() {
            g[i] = p.gammaCoefficient
            z[i] = p.zetaCoefficient
            ig[i] = p.inverseGammaCoefficient
        }
        gammaCoefficient = g
        zetaCoefficient = z
        inverseGammaCoefficient = ig
        sqrtGammaCoefficient = g.squareRoot()
    }

    /// (h, ∂h/∂ln T, ∂h/∂ln nₑ) of every pair: the fast path where it applies, else `exactExponents`.
    @inline(__always)
    func exponents(ne13OverT: Double, tOverNe13: Double, zetaBase: Double)
        -> (h: SIMD16<Double>, dlnT: SIMD16<Double>, dlnNe: SIMD16<Double>) {
        typealias P = HydrogenBurningScreenPair
        typealias V = SIMD16<Double>
        let gamma = gammaCoefficient * ne13OverT
        let zeta = zetaCoefficient * zetaBase
        let ig = inverseGammaCoefficient * tOverNe13
        let c2 = 0.41 - 0.6 * ig, c3 = 0.06 + 2.2 * ig
        let poly = 1 + zeta * (0.022 + zeta * (c2 + c3 * zeta))
        let dev = poly - 1
        guard Self.fastPathApplies(dev: dev, gamma: gamma) else {
            return exactExponents(ne13OverT: ne13OverT, tOverNe13: tOverNe13, zetaBase: zetaBase)
        }
        let dPolydZeta = 0.022 + zeta * (2 * c2 + 3 * c3 * zeta)
        let dPolydGamma = zeta * zeta * ig * ig * (0.6 - 2.2 * zeta)
        // r = P^(−1/6): Taylor start 1 − d/6 + 7d²/72, then Newton.
        var r = 1 - dev * (1.0 / 6) + dev * dev * (7.0 / 72)
        let polySixth = poly * (1.0 / 6)
        for _ in 0..<3 {
            let r2 = r * r
            r = r * (7.0 / 6 - polySixth * (r2 * r2 * r2))
        }
        let r2 = r * r
        let g = gamma * r2, ip = r2 * r2 * r2
        let sg = sqrtGammaCoefficient * ne13OverT.squareRoot() * r
        // (A₂ + g)^(−1/2): Taylor start A₂^(−1/2)(1 − e/2 + 3e²/8), e = g/A₂, then Newton.
        let e = g * (1 / P.a2c)
        var isa = Self.inverseSqrtA2 * (1 - 0.5 * e + 0.375 * e * e)
        let a2g = P.a2c + g
        for _ in 0..<3 { isa = isa * (1.5 - 0.5 * a2g * (isa * isa)) }
        let gg = g * g
        let d1 = 1 + g, d2 = P.b2 + g, d4 = P.b4 + gg
        let inv = V(repeating: 1) / (d1 * d2 * d4)
        let i1g = inv * (d2 * d4), ib2 = inv * (d1 * d4), ib4 = inv * (d1 * d2)
        let bracket = P.a1c * isa + P.a3c * i1g
        let h = g * sg * bracket + P.b1 * gg * ib2 + P.b3 * gg * ib4
        let dBracket = -0.5 * P.a1c * isa * isa * isa - P.a3c * i1g * i1g
        let dhdg = 1.5 * sg * bracket + g * sg * dBracket
            + P.b1 * g * (g + 2 * P.b2) * ib2 * ib2 + P.b3 * 2 * g * P.b4 * ib4 * ib4
        let pZ = dPolydZeta * zeta * ip, pG = dPolydGamma * gamma * ip
        let dlngdlnT = -1 + (2.0 / 9) * pZ + (1.0 / 3) * pG
        let dlngdlnNe = 1.0 / 3 - (1.0 / 9) * (pZ + pG)
        let gd = dhdg * g
        return (h, gd * dlngdlnT, gd * dlngdlnNe)
    }

    /// Whether every pair has |P − 1| < 1/4 and Γ < 9, where the fast path's three Newton steps converge to
    /// rounding (P = 1 + dev).
    @inline(__always)
    static func fastPathApplies(dev: SIMD16<Double>, gamma: SIMD16<Double>) -> Bool {
        all((dev .< 0.25) .& (dev .> -0.25) .& (gamma .< 9))
    }

    /// Whether `exponents` takes the fast path at these plasma parameters (for tests).
    func fastPathApplies(ne13OverT: Double, tOverNe13: Double, zetaBase: Double) -> Bool {
        let gamma = gammaCoefficient * ne13OverT, zeta = zetaCoefficient * zetaBase
        let ig = inverseGammaCoefficient * tOverNe13
        let poly = 1 + zeta * (0.022 + zeta * ((0.41 - 0.6 * ig) + (0.06 + 2.2 * ig) * zeta))
        return Self.fastPathApplies(dev: poly - 1, gamma: gamma)
    }

    /// 1/√A₂ of the fit.
    static let inverseSqrtA2 = 1 / HydrogenBurningScreenPair.a2c.squareRoot()

    /// (h, ∂h/∂ln T, ∂h/∂ln nₑ) of every pair by the scalar form's operations; the formula and its derivation
    /// are on `HydrogenBurningScreenPair.exponent`.
    @inline(never)
    func exactExponents(ne13OverT: Double, tOverNe13: Double, zetaBase: Double)
        -> (h: SIMD16<Double>, dlnT: SIMD16<Double>, dlnNe: SIMD16<Double>) {
        typealias P = HydrogenBurningScreenPair
        typealias V = SIMD16<Double>
        let gamma = gammaCoefficient * ne13OverT
        let zeta = zetaCoefficient * zetaBase
        let ig = inverseGammaCoefficient * tOverNe13
        let c2 = 0.41 - 0.6 * ig, c3 = 0.06 + 2.2 * ig
        let poly = 1 + zeta * (0.022 + zeta * (c2 + c3 * zeta))
        let dPolydZeta = 0.022 + zeta * (2 * c2 + 3 * c3 * zeta)
        let dPolydGamma = zeta * zeta * ig * ig * (0.6 - 2.2 * zeta)
        let g = gamma / Self.cbrt(poly)
        let sg = g.squareRoot(), sa = (P.a2c + g).squareRoot()
        let one = V(repeating: 1)
        let isa = one / sa, i1g = one / (1 + g), ib2 = one / (P.b2 + g), gg = g * g, ib4 = one / (P.b4 + gg)
        let bracket = P.a1c * isa + P.a3c * i1g
        let h = g * sg * bracket + P.b1 * gg * ib2 + P.b3 * gg * ib4
        let dBracket = -0.5 * P.a1c * isa * isa * isa - P.a3c * i1g * i1g
        let dhdg = 1.5 * sg * bracket + g * sg * dBracket
            + P.b1 * g * (g + 2 * P.b2) * ib2 * ib2 + P.b3 * 2 * g * P.b4 * ib4 * ib4
        let ip = one / poly
        let pZ = dPolydZeta * zeta * ip, pG = dPolydGamma * gamma * ip
        let dlngdlnT = -1 + (2.0 / 9) * pZ + (1.0 / 3) * pG
        let dlngdlnNe = 1.0 / 3 - (1.0 / 9) * (pZ + pG)
        let gd = dhdg * g
        return (h, gd * dlngdlnT, gd * dlngdlnNe)
    }

    /// `HydrogenBurningMath.cbrt` on every lane (the same bit-level guess and three Halley steps).
    @inline(__always)
    static func cbrt(_ x: SIMD16<Double>) -> SIMD16<Double> {
        var y = SIMD16<Double>()
        for i in 0..<16 { y[i] = Double(bitPattern: x[i].bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE) }
        for _ in 0..<3 {
            let y3 = y * y * y
            y *= (y3 + 2 * x) / (2 * y3 + x)
        }
        return y
    }
}
