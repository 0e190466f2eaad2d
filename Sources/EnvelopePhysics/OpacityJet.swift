import Foundation

/// A value with its first derivatives with respect to ln ρ and ln T (forward-mode automatic differentiation,
/// "dual numbers"; e.g. Griewank & Walther, *Evaluating Derivatives*, 2nd ed., SIAM 2008, ch. 3). The
/// conductive opacity (`OpacityConductionIons`) is written once with these, so the formula gives κ_cond and
/// its exact derivatives in one pass instead of four extra evaluations for central differences.
///
/// Every operation forms the value exactly as the plain `Double` expression would (same operands, same
/// order), so a formula transcribed with jets returns the same value as its `Double` original to the last
/// bit wherever the operands are the same. Derivatives follow the chain rule.
struct OpacityJet {
    /// The value, ∂/∂ln ρ at fixed T and ∂/∂ln T at fixed ρ.
    var v: Double, r: Double, t: Double

    @inline(__always) init(_ v: Double, _ r: Double, _ t: Double) {
        self.v = v
        self.r = r
        self.t = t
    }

    /// ln of the value's derivatives, (∂ ln v/∂ln ρ, ∂ ln v/∂ln T).
    @inline(__always) var logDerivatives: (dLnRho: Double, dLnT: Double) {
        let i = 1 / v
        return (r * i, t * i)
    }

    @inline(__always) static func + (a: OpacityJet, b: OpacityJet) -> OpacityJet { .init(a.v + b.v, a.r + b.r, a.t + b.t) }
    @inline(__always) static func - (a: OpacityJet, b: OpacityJet) -> OpacityJet { .init(a.v - b.v, a.r - b.r, a.t - b.t) }
    @inline(__always) static func + (a: OpacityJet, b: Double) -> OpacityJet { .init(a.v + b, a.r, a.t) }
    @inline(__always) static func + (a: Double, b: OpacityJet) -> OpacityJet { .init(a + b.v, b.r, b.t) }
    @inline(__always) static func - (a: OpacityJet, b: Double) -> OpacityJet { .init(a.v - b, a.r, a.t) }
    @inline(__always) static func - (a: Double, b: OpacityJet) -> OpacityJet { .init(a - b.v, -b.r, -b.t) }
    @inline(__always) static prefix func - (a: OpacityJet) -> OpacityJet { .init(-a.v, -a.r, -a.t) }
    @inline(__always) static func * (a: OpacityJet, b: OpacityJet) -> OpacityJet {
        .init(a.v * b.v, a.r * b.v + a.v * b.r, a.t * b.v + a.v * b.t)
    }
    @inline(__always) static func * (a: OpacityJet, b: Double) -> OpacityJet { .init(a.v * b, a.r * b, a.t * b) }
    @inline(__always) static func * (a: Double, b: OpacityJet) -> OpacityJet { .init(a * b.v, a * b.r, a * b.t) }
    /// a/b: the value is the division itself; the derivatives (a′ − (a/b) b′)/b use one reciprocal.
    @inline(__always) static func / (a: OpacityJet, b: OpacityJet) -> OpacityJet {
        let q = a.v / b.v, i = 1 / b.v
        return .init(q, (a.r - q * b.r) * i, (a.t - q * b.t) * i)
    }
    @inline(__always) static func / (a: OpacityJet, b: Double) -> OpacityJet {
        let i = 1 / b
        return .init(a.v / b, a.r * i, a.t * i)
    }
    @inline(__always) static func / (a: Double, b: OpacityJet) -> OpacityJet {
        let q = a / b.v, s = -q / b.v
        return .init(q, s * b.r, s * b.t)
    }

    /// √v, with d√v = dv/(2√v).
    @inline(__always) func squareRoot() -> OpacityJet {
        let s = v.squareRoot(), h = 0.5 / s
        return .init(s, r * h, t * h)
    }

    /// The value scaled by `f(v)` with d f = f′ dv: the chain rule for any one-variable function.
    @inline(__always) func chain(_ value: Double, _ slope: Double) -> OpacityJet { .init(value, r * slope, t * slope) }
}

@inline(__always) func exp(_ a: OpacityJet) -> OpacityJet {
    let e = Foundation.exp(a.v)
    return a.chain(e, e)
}

@inline(__always) func log(_ a: OpacityJet) -> OpacityJet { a.chain(Foundation.log(a.v), 1 / a.v) }

@inline(__always) func log1p(_ a: OpacityJet) -> OpacityJet { a.chain(Foundation.log1p(a.v), 1 / (1 + a.v)) }

@inline(__always) func tanh(_ a: OpacityJet) -> OpacityJet {
    let th = Foundation.tanh(a.v)
    return a.chain(th, 1 - th * th)
}

/// aᵖ for a constant p, the value from `pow` itself (as the `Double` original), d aᵖ = p aᵖ da/a.
@inline(__always) func pow(_ a: OpacityJet, _ p: Double) -> OpacityJet {
    let y = Foundation.pow(a.v, p)
    return a.chain(y, p * y / a.v)
}

/// aᵇ with both varying: the value from `pow`, d aᵇ = aᵇ (b da/a + ln a db).
@inline(__always) func pow(_ a: OpacityJet, _ b: OpacityJet) -> OpacityJet {
    let y = Foundation.pow(a.v, b.v), la = Foundation.log(a.v), s = b.v / a.v
    return .init(y, y * (s * a.r + la * b.r), y * (s * a.t + la * b.t))
}
