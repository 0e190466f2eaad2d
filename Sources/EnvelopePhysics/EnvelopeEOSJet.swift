import Foundation

/// A second-order Taylor jet in three variables (0: η, 1: ln ρ, 2: ln T): value, gradient and the
/// symmetric Hessian. Forward-mode automatic differentiation to second order ("hyper-dual"
/// arithmetic): every operation propagates exact first and second partial derivatives, so the EOS's
/// χ's, c_V, ∇_ad and their ln ρ, ln T derivatives come from one evaluation of closed-form
/// expressions, without finite differences.
///
/// Chain rule for a scalar function φ of a jet a: (φ∘a)ᵢ = φ′ aᵢ, (φ∘a)ᵢⱼ = φ′ aᵢⱼ + φ″ aᵢ aⱼ.
/// Numerical trap: φ′ and φ″ must be finite where the value is (e.g. √a at a = 0 is refused by the
/// callers, who never pass a vanishing argument).
struct EnvelopeEOSJet {
    var v: Double
    var g0: Double, g1: Double, g2: Double
    var h00: Double, h01: Double, h02: Double, h11: Double, h12: Double, h22: Double

    @inline(__always)
    init(_ v: Double, _ g0: Double = 0, _ g1: Double = 0, _ g2: Double = 0,
         _ h00: Double = 0, _ h01: Double = 0, _ h02: Double = 0,
         _ h11: Double = 0, _ h12: Double = 0, _ h22: Double = 0) {
        self.v = v
        self.g0 = g0; self.g1 = g1; self.g2 = g2
        self.h00 = h00; self.h01 = h01; self.h02 = h02; self.h11 = h11; self.h12 = h12; self.h22 = h22
    }

    static let zero = EnvelopeEOSJet(0)

    /// Taylor shift by d in variable 0 (η): value to O(d²), gradient to O(d).
    @inline(__always)
    mutating func shiftEta(_ d: Double) {
        v += g0 * d + 0.5 * h00 * d * d
        g0 += h00 * d
        g1 += h01 * d
        g2 += h02 * d
    }

    /// φ(a) from φ, φ′, φ″ at a.v.
    @inline(__always)
    func chain(_ f: Double, _ d1: Double, _ d2: Double) -> EnvelopeEOSJet {
        EnvelopeEOSJet(f, d1 * g0, d1 * g1, d1 * g2,
                       d1 * h00 + d2 * g0 * g0, d1 * h01 + d2 * g0 * g1, d1 * h02 + d2 * g0 * g2,
                       d1 * h11 + d2 * g1 * g1, d1 * h12 + d2 * g1 * g2, d1 * h22 + d2 * g2 * g2)
    }

    @inline(__always)
    static func + (a: EnvelopeEOSJet, b: EnvelopeEOSJet) -> EnvelopeEOSJet {
        EnvelopeEOSJet(a.v + b.v, a.g0 + b.g0, a.g1 + b.g1, a.g2 + b.g2, a.h00 + b.h00, a.h01 + b.h01,
                       a.h02 + b.h02, a.h11 + b.h11, a.h12 + b.h12, a.h22 + b.h22)
    }

    @inline(__always)
    static func - (a: EnvelopeEOSJet, b: EnvelopeEOSJet) -> EnvelopeEOSJet {
        EnvelopeEOSJet(a.v - b.v, a.g0 - b.g0, a.g1 - b.g1, a.g2 - b.g2, a.h00 - b.h00, a.h01 - b.h01,
                       a.h02 - b.h02, a.h11 - b.h11, a.h12 - b.h12, a.h22 - b.h22)
    }

    @inline(__always)
    static prefix func - (a: EnvelopeEOSJet) -> EnvelopeEOSJet { a * -1 }

    @inline(__always)
    static func + (a: EnvelopeEOSJet, c: Double) -> EnvelopeEOSJet {
        var r = a
        r.v += c
        return r
    }

    @inline(__always)
    static func - (a: EnvelopeEOSJet, c: Double) -> EnvelopeEOSJet { a + (-c) }

    @inline(__always)
    static func - (c: Double, a: EnvelopeEOSJet) -> EnvelopeEOSJet { (-a) + c }

    @inline(__always)
    static func * (a: EnvelopeEOSJet, c: Double) -> EnvelopeEOSJet {
        EnvelopeEOSJet(a.v * c, a.g0 * c, a.g1 * c, a.g2 * c, a.h00 * c, a.h01 * c, a.h02 * c,
                       a.h11 * c, a.h12 * c, a.h22 * c)
    }

    @inline(__always)
    static func * (c: Double, a: EnvelopeEOSJet) -> EnvelopeEOSJet { a * c }

    @inline(__always)
    static func * (a: EnvelopeEOSJet, b: EnvelopeEOSJet) -> EnvelopeEOSJet {
        EnvelopeEOSJet(a.v * b.v,
                       a.g0 * b.v + a.v * b.g0, a.g1 * b.v + a.v * b.g1, a.g2 * b.v + a.v * b.g2,
                       a.h00 * b.v + a.v * b.h00 + 2 * a.g0 * b.g0,
                       a.h01 * b.v + a.v * b.h01 + a.g0 * b.g1 + a.g1 * b.g0,
                       a.h02 * b.v + a.v * b.h02 + a.g0 * b.g2 + a.g2 * b.g0,
                       a.h11 * b.v + a.v * b.h11 + 2 * a.g1 * b.g1,
                       a.h12 * b.v + a.v * b.h12 + a.g1 * b.g2 + a.g2 * b.g1,
                       a.h22 * b.v + a.v * b.h22 + 2 * a.g2 * b.g2)
    }

    @inline(__always)
    var reciprocal: EnvelopeEOSJet {
        let r = 1 / v
        return chain(r, -r * r, 2 * r * r * r)
    }

    @inline(__always)
    static func / (a: EnvelopeEOSJet, b: EnvelopeEOSJet) -> EnvelopeEOSJet { a * b.reciprocal }

    @inline(__always)
    static func / (a: EnvelopeEOSJet, c: Double) -> EnvelopeEOSJet { a * (1 / c) }

    @inline(__always)
    var exp: EnvelopeEOSJet {
        let e = Foundation.exp(v)
        return chain(e, e, e)
    }

    @inline(__always)
    var log: EnvelopeEOSJet {
        let r = 1 / v
        return chain(Foundation.log(v), r, -r * r)
    }

    @inline(__always)
    var sqrt: EnvelopeEOSJet {
        let s = v.squareRoot()
        return chain(s, 0.5 / s, -0.25 / (s * v))
    }

    @inline(__always)
    func pow(_ k: Double) -> EnvelopeEOSJet {
        let p = Foundation.pow(v, k)
        return chain(p, k * p / v, k * (k - 1) * p / (v * v))
    }

    @inline(__always)
    var atan: EnvelopeEOSJet {
        let d = 1 / (1 + v * v)
        return chain(Foundation.atan(v), d, -2 * v * d * d)
    }
}

/// A second-order jet in the two state variables (ln ρ, ln T) alone: the result of eliminating η.
public struct EnvelopeEOSDerivatives: Sendable, Equatable {
    /// The value.
    public let value: Double
    /// ∂/∂ln ρ at fixed T and ∂/∂ln T at fixed ρ.
    public let dLnRho: Double, dLnT: Double
    /// Second derivatives ∂²/∂ln ρ², ∂²/∂ln ρ∂ln T, ∂²/∂ln T².
    public let dLnRho2: Double, dLnRhoLnT: Double, dLnT2: Double

    public init(value: Double, dLnRho: Double, dLnT: Double, dLnRho2: Double, dLnRhoLnT: Double, dLnT2: Double) {
        self.value = value
        self.dLnRho = dLnRho
        self.dLnT = dLnT
        self.dLnRho2 = dLnRho2
        self.dLnRhoLnT = dLnRhoLnT
        self.dLnT2 = dLnT2
    }

    /// Along the equilibrium surface η = η(ln ρ, ln T), with η's derivatives eᵢ, eᵢⱼ (i, j ∈ {ρ, T}):
    /// dF/dxᵢ = Fᵢ + F_η eᵢ; d²F/dxᵢdxⱼ = Fᵢⱼ + F_ηᵢ eⱼ + F_ηⱼ eᵢ + F_ηη eᵢ eⱼ + F_η eᵢⱼ.
    init(_ f: EnvelopeEOSJet, eta e: (r: Double, t: Double, rr: Double, rt: Double, tt: Double)) {
        value = f.v
        dLnRho = f.g1 + f.g0 * e.r
        dLnT = f.g2 + f.g0 * e.t
        dLnRho2 = f.h11 + 2 * f.h01 * e.r + f.h00 * e.r * e.r + f.g0 * e.rr
        dLnRhoLnT = f.h12 + f.h01 * e.t + f.h02 * e.r + f.h00 * e.r * e.t + f.g0 * e.rt
        dLnT2 = f.h22 + 2 * f.h02 * e.t + f.h00 * e.t * e.t + f.g0 * e.tt
    }
}
