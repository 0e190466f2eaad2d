import Foundation
import Constants

/// Screening of one reacting pair (Z₁, A₁) + (Z₂, A₂) by the Chugunov, DeWitt & Yakovlev 2007 fit
/// (PRD 76, 025028, eq. 19 with the quantum correction of eqs. 3 and 21), exactly the formula of
/// `Microphysics.Screening.chugunovExponent` (the project's screening), rewritten for the hot path:
/// the pair's constants are precomputed, the plasma's once per call, and dh/dln T, dh/dln nₑ are analytic.
///
/// h = Γ̃^(3/2)[A₁/√(A₂+Γ̃) + A₃/(1+Γ̃)] + B₁Γ̃²/(B₂+Γ̃) + B₃Γ̃²/(B₄+Γ̃²),
/// Γ̃ = Γ/P^(1/3), P = 1 + 0.022ζ + (0.41 − 0.6/Γ)ζ² + (0.06 + 2.2/Γ)ζ³, ζ = (4/(3π²t²))^(1/3), t = T/T_p,
/// Γ = Z₁Z₂e²(4πnₑ/3)^(1/3)/(Z̃ k T), Z̃ = (Z₁^(1/3) + Z₂^(1/3))/2, T_p = (ħ/k) e √(4πZ₁Z₂nᵢ/m), nᵢ = nₑ/Z̃³,
/// m = 2A₁A₂/(A₁+A₂) mᵤ. h depends on the composition only through nₑ = ρYₑN_A, so
/// ∂h/∂ln ρ = ∂h/∂ln Yₑ = ∂h/∂ln nₑ. Trap: the fit is not valid for t < 0.1 or Γ > 600 — a typed error.
struct HydrogenBurningScreenPair: Sendable {
    /// Γ = gammaCoefficient · nₑ^(1/3)/T.
    let gammaCoefficient: Double
    /// ζ = zetaCoefficient · (nₑ^(1/2)/T)^(2/3)  [t = T/T_p, T_p = tpCoefficient · nₑ^(1/2)].
    let zetaCoefficient: Double
    let tpCoefficient: Double
    /// 1/gammaCoefficient and 1/tpCoefficient (divisions are the cost of the hot path).
    let inverseGammaCoefficient: Double, inverseTpCoefficient: Double

    init(z1: Double, a1: Double, z2: Double, a2: Double) {
        let e = CGS.elementaryCharge, kB = CGS.boltzmann
        let zt = 0.5 * (cbrt(z1) + cbrt(z2))
        gammaCoefficient = z1 * z2 * e * e * cbrt(4 * Double.pi / 3) / (zt * kB)
        let m = 2 * (a1 * a2 / (a1 + a2)) * CGS.atomicMassUnit
        tpCoefficient = CGS.hbar / kB * e * (4 * Double.pi * z1 * z2 / (zt * zt * zt) / m).squareRoot()
        zetaCoefficient = cbrt(4 / (3 * Double.pi * Double.pi)) * cbrt(tpCoefficient * tpCoefficient)
        inverseGammaCoefficient = 1 / gammaCoefficient
        inverseTpCoefficient = 1 / tpCoefficient
    }

    /// The same at (T, nₑ) directly, with the range check (tests, diagnostics).
    func exponent(temperature t: Double, ne: Double) throws(HydrogenBurningError) -> (h: Double, dlnT: Double, dlnNe: Double) {
        let ne13 = cbrt(ne), sq = ne.squareRoot()
        try check(ne13OverT: ne13 / t, tOverSqrtNe: t / sq)
        return exponent(ne13OverT: ne13 / t, tOverNe13: t / ne13, zetaBase: cbrt(ne / (t * t)))
    }

    /// The fit's range: t = T/T_p ≥ 0.1 and Γ ≤ 600 (as in `Microphysics.Screening`), else a typed error.
    func check(ne13OverT: Double, tOverSqrtNe: Double) throws(HydrogenBurningError) {
        let tt = inverseTpCoefficient * tOverSqrtNe, gamma = gammaCoefficient * ne13OverT
        guard tt >= 0.1 else {
            throw .outOfRange(quantity: "T/T_p for CDY07 screening", value: tt,
                              allowed: "≥ 0.1 (quantum ion regime not covered by the fit)")
        }
        guard gamma <= 600 else { throw .outOfRange(quantity: "Γ for CDY07 screening", value: gamma, allowed: "≤ 600") }
    }

    static let a1c = 2.7822, a2c = 98.34, b1 = -1.7476, b2 = 66.07, b3 = 1.12, b4 = 65.0
    static let a3c = 3.0.squareRoot() - a1c / a2c.squareRoot()

    /// (h, ∂h/∂ln T, ∂h/∂ln nₑ) given nₑ^(1/3)/T, its inverse and (nₑ^(1/2)/T)^(2/3) = cbrt(nₑ/T²), computed
    /// once per call; no range check (the caller checks the most strongly coupled pair once per call).
    @inline(__always)
    func exponent(ne13OverT: Double, tOverNe13: Double, zetaBase: Double)
        -> (h: Double, dlnT: Double, dlnNe: Double) {
        let gamma = gammaCoefficient * ne13OverT
        let zeta = zetaCoefficient * zetaBase
        let ig = inverseGammaCoefficient * tOverNe13
        let c2 = 0.41 - 0.6 * ig, c3 = 0.06 + 2.2 * ig
        let poly = 1 + zeta * (0.022 + zeta * (c2 + c3 * zeta))
        let dPolydZeta = 0.022 + zeta * (2 * c2 + 3 * c3 * zeta)
        let dPolydGamma = zeta * zeta * ig * ig * (0.6 - 2.2 * zeta)
        // One reciprocal per denominator, reused for the derivative (divisions dominate the cost).
        let g = gamma / HydrogenBurningMath.cbrt(poly)
        let sg = g.squareRoot(), sa = (Self.a2c + g).squareRoot()
        let isa = 1 / sa, i1g = 1 / (1 + g), ib2 = 1 / (Self.b2 + g), gg = g * g, ib4 = 1 / (Self.b4 + gg)
        let bracket = Self.a1c * isa + Self.a3c * i1g
        let h = g * sg * bracket + Self.b1 * gg * ib2 + Self.b3 * gg * ib4
        let dBracket = -0.5 * Self.a1c * isa * isa * isa - Self.a3c * i1g * i1g
        let dhdg = 1.5 * sg * bracket + g * sg * dBracket
            + Self.b1 * g * (g + 2 * Self.b2) * ib2 * ib2 + Self.b3 * 2 * g * Self.b4 * ib4 * ib4
        // ln g = ln Γ − ln P / 3; ∂ln Γ/∂ln T = −1, ∂ln Γ/∂ln nₑ = 1/3; ∂ln ζ/∂ln T = −2/3, ∂ln ζ/∂ln nₑ = 1/3.
        let ip = 1 / poly
        let pZ = dPolydZeta * zeta * ip, pG = dPolydGamma * gamma * ip
        // = −1 − (−⅔ pZ − pG)/3 and ⅓ − (⅓ pZ + ⅓ pG)/3, with the constants folded (no division at run time).
        let dlngdlnT = -1 + (2.0 / 9) * pZ + (1.0 / 3) * pG
        let dlngdlnNe = 1.0 / 3 - (1.0 / 9) * (pZ + pG)
        let gd = dhdg * g
        return (h, gd * dlngdlnT, gd * dlngdlnNe)
    }
}

/// Arithmetic helpers of the hydrogen-burning hot path.
enum HydrogenBurningMath {
    /// Cube root of a positive normal x: Kahan's bit-level first guess (within ~20%), then three Halley steps
    /// y ← y(y³ + 2x)/(2y³ + x) (cubic convergence: 0.2 → 3e-3 → 1e-8 → rounding); about 3× faster than
    /// glibc's cbrt, and equal to it within 4 ulp (~1e-15) (tested over 10⁻³⁰⁰…10³⁰⁰). Trap: not for 0, subnormals or negatives.
    @inline(__always)
    static func cbrt(_ x: Double) -> Double {
        var y = Double(bitPattern: x.bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE)
        for _ in 0..<3 {
            let y3 = y * y * y
            y *= (y3 + 2 * x) / (2 * y3 + x)
        }
        return y
    }
}
