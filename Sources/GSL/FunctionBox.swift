internal import CGSL

/// Boxes a Swift closure so that GSL can call it through a C trampoline.
/// The box's address travels as GSL's `params` pointer and is borrowed without
/// retain/release in the trampoline (~5 ns per call; see shared notes).
final class FunctionBox {
    let f: (Double) -> Double
    /// First non-finite value seen (argument, value); GSL would otherwise integrate
    /// through it and may report success with a wrong answer (cquad does).
    var nonFiniteAt: Double?

    init(_ f: @escaping (Double) -> Double) { self.f = f }

    /// Calls `body` with a `gsl_function` whose lifetime is that of the call.
    func withGSLFunction<R>(_ body: (UnsafeMutablePointer<gsl_function>) throws -> R) rethrows -> R {
        let params = Unmanaged.passUnretained(self).toOpaque()
        var fn = gsl_function(function: functionBoxTrampoline, params: params)
        return try withExtendedLifetime(self) {
            try withUnsafeMutablePointer(to: &fn) { try body($0) }
        }
    }
}

/// C-convention trampoline: borrows the box, evaluates, guards NaN/Inf.
let functionBoxTrampoline: @convention(c) (Double, UnsafeMutableRawPointer?) -> Double = { x, params in
    Unmanaged<FunctionBox>.fromOpaque(params!)._withUnsafeGuaranteedRef { box in
        let y = box.f(x)
        if y.isFinite { return y }
        if box.nonFiniteAt == nil { box.nonFiniteAt = x }
        return 0
    }
}
