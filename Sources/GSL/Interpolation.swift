internal import CGSL

/// One-dimensional interpolation through tabulated points (GSL `gsl_spline`).
///
/// Evaluation outside [x₀, xₙ₋₁] throws (`GSL_EDOM`) rather than extrapolating.
/// Not thread-safe (the accelerator caches the last interval): one instance per thread.
public final class Spline {
    public enum Kind: Sendable {
        /// Natural cubic spline (C²).
        case cubic
        /// Akima spline (robust against outliers, C¹).
        case akima
        /// Steffen's monotonicity-preserving cubic (no overshoot between points).
        case steffen
        /// Piecewise linear.
        case linear

        var minimumPoints: Int {
            switch self {
            case .linear: 2
            case .cubic: 3
            case .akima, .steffen: 5
            }
        }
    }

    private let spline: UnsafeMutablePointer<gsl_spline>
    private let accel: UnsafeMutablePointer<gsl_interp_accel>
    public let domain: ClosedRange<Double>

    public init(x: [Double], y: [Double], kind: Kind = .cubic) throws {
        GSLRuntime.ensure()
        guard x.count == y.count, x.count >= kind.minimumPoints else {
            throw GSLError(status: Int32(GSL_EBADLEN),
                           context: "Spline: need ≥ \(kind.minimumPoints) points with equal x/y counts (got \(x.count), \(y.count))")
        }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
            throw GSLError(status: GSLError.nonFinite, context: "Spline: non-finite data")
        }
        guard zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw GSLError(status: GSLError.invalidArgument, context: "Spline: x must be strictly increasing")
        }
        let type: UnsafePointer<gsl_interp_type>
        switch kind {
        case .cubic: type = cgsl_interp_cspline()
        case .akima: type = cgsl_interp_akima()
        case .steffen: type = cgsl_interp_steffen()
        case .linear: type = cgsl_interp_linear()
        }
        guard let s = gsl_spline_alloc(type, x.count) else {
            throw GSLError(status: Int32(GSL_ENOMEM), context: "gsl_spline_alloc")
        }
        guard let a = gsl_interp_accel_alloc() else {
            gsl_spline_free(s)
            throw GSLError(status: Int32(GSL_ENOMEM), context: "gsl_interp_accel_alloc")
        }
        let status = gsl_spline_init(s, x, y, x.count)
        if status != GSL_SUCCESS {
            gsl_spline_free(s)
            gsl_interp_accel_free(a)
            throw GSLError(status: status, context: "gsl_spline_init")
        }
        spline = s
        accel = a
        domain = x[0]...x[x.count - 1]
    }

    deinit {
        gsl_spline_free(spline)
        gsl_interp_accel_free(accel)
    }

    /// Interpolated value at `x` (throws outside the tabulated range).
    public func value(at x: Double) throws -> Double {
        var y = 0.0
        try GSLRuntime.check(gsl_spline_eval_e(spline, x, accel, &y), "Spline.value(at: \(x)) outside \(domain)")
        return y
    }

    /// First derivative at `x`.
    public func derivative(at x: Double) throws -> Double {
        var y = 0.0
        try GSLRuntime.check(gsl_spline_eval_deriv_e(spline, x, accel, &y), "Spline.derivative(at: \(x)) outside \(domain)")
        return y
    }

    /// ∫ from a to b of the interpolant.
    public func integral(from a: Double, to b: Double) throws -> Double {
        var y = 0.0
        try GSLRuntime.check(gsl_spline_eval_integ_e(spline, a, b, accel, &y), "Spline.integral(\(a), \(b))")
        return y
    }
}
