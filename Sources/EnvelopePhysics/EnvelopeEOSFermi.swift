import Constants
import Foundation
import GSL

/// The ideal electron gas at any degeneracy, as functions of the degeneracy parameter η = (μ − mₑc²)/kT
/// and θ = kT/mₑc² (the EOS's independent variable is η, not ρ: the electron density is what the
/// ionisation balance decides). With x = (E − mₑc²)/kT the kinetic energy in units of kT, s = xθ,
/// E = 1 + s, p = √(s(2+s)) (momentum in mₑc), f = 1/(e^(x−η) + 1) and λ_C = ħ/mₑc:
///
///     nₑ = (1/π²λ_C³) θ ∫₀^∞ p E f dx              (= (1/π²λ_C³) ∫ p² f dp)
///     Pₑ = (mₑc²/3π²λ_C³) θ ∫₀^∞ p³ f dx           (= (mₑc²/3π²λ_C³) ∫ (p⁴/E) f dp)
///     Uₑ = (mₑc²/π²λ_C³) θ ∫₀^∞ p E s f dx         (kinetic energy density, rest mass excluded)
///
/// the generalised Fermi–Dirac integrals of Cox & Giuli (1968, ch. 24, eqs. 24.83–24.85), in the
/// normalisation of `Plasma.ElectronGasThermodynamics` (which integrates the same moments in p).
/// Positrons are left out: the EOS refuses states where e^(−2η − 2/θ) > 10⁻⁸ (pairs matter).
///
/// Quadrature: x = t² removes the √x of p at x = 0; Gauss–Legendre on panels with x-breakpoints at
/// max(η, 0) ± {0, 8, 20, 45} (and 0): 24 points next to the edge (16 there leave 4×10⁻⁸ in the Maxwell
/// test), 16 further out (`panelRule`). Trap: the Fermi edge (poles of f at x = η ± iπ)
/// needs panels no wider than ~8 kT for 10⁻¹⁰ accuracy, and a single panel over a deep Fermi sea
/// converges slowly if it reaches the edge, hence the symmetric grading. Derivatives in η and
/// τ = ln T (at fixed x, f depends on η only; the weights p, E, s depend on τ through s = xθ) are
/// integrated with the same nodes, so they are the exact derivatives of the quadrature.
enum EnvelopeEOSFermi {
    /// 24-point Gauss–Legendre nodes and weights on [−1, 1].
    static let rule: (nodes: [Double], weights: [Double]) = {
        guard let r = try? GaussLegendreRule(points: 24) else { fatalError("Gauss–Legendre table allocation failed") }
        return (r.nodes, r.weights)
    }()

    /// 16- and 8-point rules, for panels away from the Fermi edge (and for the η iteration).
    static let rule16: (nodes: [Double], weights: [Double]) = {
        guard let r = try? GaussLegendreRule(points: 16) else { fatalError("Gauss–Legendre table allocation failed") }
        return (r.nodes, r.weights)
    }()
    static let rule8: (nodes: [Double], weights: [Double]) = {
        guard let r = try? GaussLegendreRule(points: 8) else { fatalError("Gauss–Legendre table allocation failed") }
        return (r.nodes, r.weights)
    }()

    /// The rule for the panel [a, b] given the edge e = max(η, 0): 24 points within 8 kT of the edge,
    /// 16 beyond (8 points beyond 20 kT left 4×10⁻¹⁰ in the Maxwell test at η ≈ 30). `coarse` drops one
    /// level (the η iteration; its root is corrected afterwards).
    @inline(__always)
    static func panelRule(_ a: Double, _ b: Double, edge e: Double, coarse: Bool) -> (nodes: [Double], weights: [Double]) {
        let d = max(a - e, e - b)
        if d >= 8 { return coarse ? rule8 : rule16 }
        return coarse ? rule16 : rule
    }

    /// mₑc² in erg.
    static let restEnergy = CGS.electronMass * CGS.speedOfLight * CGS.speedOfLight
    /// 1/(π² λ_C³) in cm⁻³, λ_C = ħ/(mₑc).
    static let numberScale: Double = {
        let lambdaC = CGS.hbar / (CGS.electronMass * CGS.speedOfLight)
        return 1 / (Double.pi * Double.pi * lambdaC * lambdaC * lambdaC)
    }()

    /// The x-breakpoints for degeneracy η (at most 8, in a SIMD8: on the stack, no closure, no allocation).
    @inline(__always)
    static func breakpoints(eta: Double) -> (count: Int, x: SIMD8<Double>) {
        let e = max(eta, 0)
        var b = SIMD8<Double>(repeating: 0)
        var n = 1
        if e > 45 { b[n] = e - 45; n += 1 }
        if e > 20 { b[n] = e - 20; n += 1 }
        if e > 8 { b[n] = e - 8; n += 1 }
        if e > 0 { b[n] = e; n += 1 }
        b[n] = e + 8
        b[n + 1] = e + 20
        b[n + 2] = e + 45
        return (n + 3, b)
    }

    /// nₑ-integral I_n = θ∫pEf dx and ∂I_n/∂η at (η, θ) (the Newton iteration's needs).
    static func number(eta: Double, theta: Double, coarse: Bool) -> (value: Double, dEta: Double) {
        var i = 0.0, di = 0.0
        let (count, xs) = breakpoints(eta: eta)
        let e = max(eta, 0)
        for k in 0..<(count - 1) {
            let r = panelRule(xs[k], xs[k + 1], edge: e, coarse: coarse)
            let nodes = r.nodes, weights = r.weights
            let ta = xs[k].squareRoot(), tb = xs[k + 1].squareRoot()
            let half = 0.5 * (tb - ta), mid = 0.5 * (ta + tb)
            for j in 0..<nodes.count {
                let t = mid + half * nodes[j]
                let x = t * t, s = x * theta
                let w = weights[j] * half * 2 * t
                let f = fermi(x - eta)
                let g = w * (s * (2 + s)).squareRoot() * (1 + s)
                i += g * f
                di += g * f * (1 - f)
            }
        }
        return (i * theta, di * theta)
    }

    /// The three integrals as jets in (η, ln T) (variables 0 and 2 of the jet; ln ρ slots are zero).
    /// For each, with ∂_η f = f(1−f), ∂²_η f = f(1−f)(1−2f) and, at fixed x, ∂_τ[θh] = θ(h + s h′),
    /// ∂²_τ[θh] = θ(h + 3 s h′ + s² h″), the nodes add θh f, θh ∂_η f, θh ∂²_η f, ∂_τ[θh] f,
    /// ∂_τ[θh] ∂_η f, ∂²_τ[θh] f (scalar accumulators: this is the EOS's hot loop).
    static func integrals(eta: Double, theta: Double) -> (n: EnvelopeEOSJet, p: EnvelopeEOSJet, u: EnvelopeEOSJet) {
        var n0 = 0.0, n1 = 0.0, n2 = 0.0, n3 = 0.0, n4 = 0.0, n5 = 0.0
        var p0 = 0.0, p1 = 0.0, p2 = 0.0, p3 = 0.0, p4 = 0.0, p5 = 0.0
        var u0 = 0.0, u1 = 0.0, u2 = 0.0, u3 = 0.0, u4 = 0.0, u5 = 0.0
        let (count, xs) = breakpoints(eta: eta)
        let edge = max(eta, 0)
        for k in 0..<(count - 1) {
            let r = panelRule(xs[k], xs[k + 1], edge: edge, coarse: false)
            let nodes = r.nodes, weights = r.weights
            let ta = xs[k].squareRoot(), tb = xs[k + 1].squareRoot()
            let half = 0.5 * (tb - ta), mid = 0.5 * (ta + tb)
            for j in 0..<nodes.count {
                let t = mid + half * nodes[j]
                let x = t * t, s = x * theta
                let w = weights[j] * half * 2 * t * theta
                let f = fermi(x - eta)
                let f1 = f * (1 - f), f2 = f1 * (1 - 2 * f)
                let q = s * (2 + s), p = q.squareRoot(), e = 1 + s
                let invP = 1 / p
                // h_n = pE and s h′, s² h″.
                let hn = p * e
                let shn = s * (e * e + q) * invP
                let sshn = s * s * e * (2 * q - 1) * invP / q
                // h_p = p³.
                let hp = p * q
                let shp = 3 * s * p * e
                let sshp = 3 * s * s * (e * e + q) * invP
                // h_u = s h_n.
                let hu = s * hn
                let shu = s * hn + s * shn
                let sshu = 2 * s * shn + s * sshn
                var a0 = w * hn, a1 = w * (hn + shn), a2 = w * (hn + 3 * shn + sshn)
                n0 += a0 * f; n1 += a0 * f1; n2 += a0 * f2; n3 += a1 * f; n4 += a1 * f1; n5 += a2 * f
                a0 = w * hp; a1 = w * (hp + shp); a2 = w * (hp + 3 * shp + sshp)
                p0 += a0 * f; p1 += a0 * f1; p2 += a0 * f2; p3 += a1 * f; p4 += a1 * f1; p5 += a2 * f
                a0 = w * hu; a1 = w * (hu + shu); a2 = w * (hu + 3 * shu + sshu)
                u0 += a0 * f; u1 += a0 * f1; u2 += a0 * f2; u3 += a1 * f; u4 += a1 * f1; u5 += a2 * f
            }
        }
        // Jet slots: (v, g0 = ∂η, g2 = ∂τ, h00, h02, h22).
        return (EnvelopeEOSJet(n0, n1, 0, n3, n2, 0, n4, 0, 0, n5),
                EnvelopeEOSJet(p0, p1, 0, p3, p2, 0, p4, 0, 0, p5),
                EnvelopeEOSJet(u0, u1, 0, u3, u2, 0, u4, 0, 0, u5))
    }

    /// 1/(eˣ + 1) without overflow.
    @inline(__always)
    static func fermi(_ x: Double) -> Double {
        if x > 0 {
            let e = Foundation.exp(-x)
            return e / (1 + e)
        }
        return 1 / (1 + Foundation.exp(x))
    }
}
