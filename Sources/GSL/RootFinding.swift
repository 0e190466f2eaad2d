internal import CGSL

/// One-dimensional root bracketing (GSL Brent–Dekker solver).
public enum RootFinding {
    /// Finds x in [lower, upper] with f(x) = 0, given f(lower)·f(upper) ≤ 0.
    ///
    /// Stops when the bracket satisfies |upper − lower| < absoluteTolerance + relativeTolerance·|x|.
    /// Throws `GSL_EINVAL` if the interval does not bracket a root and `GSL_EMAXITER`
    /// if `maxIterations` is exhausted, so a bad input can never hang the caller.
    public static func brent(
        _ f: (Double) -> Double, lower: Double, upper: Double,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-13, maxIterations: Int = 500
    ) throws -> Double {
        GSLRuntime.ensure()
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw GSLError(status: GSLError.invalidArgument, context: "brent: bracket [\(lower), \(upper)]")
        }
        let fl = f(lower), fu = f(upper)
        guard fl.isFinite, fu.isFinite else {
            throw GSLError(status: GSLError.nonFinite, context: "brent: f not finite at the bracket ends")
        }
        if fl == 0 { return lower }
        if fu == 0 { return upper }
        guard (fl < 0) != (fu < 0) else {
            throw GSLError(status: GSLError.invalidArgument,
                           context: "brent: [\(lower), \(upper)] does not bracket a root (f = \(fl), \(fu))")
        }
        guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
            throw GSLError(status: Int32(GSL_ENOMEM), context: "gsl_root_fsolver_alloc")
        }
        defer { gsl_root_fsolver_free(solver) }
        return try withoutActuallyEscaping(f) { escapable in
            let box = FunctionBox(escapable)
            return try box.withGSLFunction { fn in
                try GSLRuntime.check(gsl_root_fsolver_set(solver, fn, lower, upper),
                                     "gsl_root_fsolver_set")
                for _ in 0..<maxIterations {
                    try GSLRuntime.check(gsl_root_fsolver_iterate(solver), "gsl_root_fsolver_iterate")
                    if let x = box.nonFiniteAt {
                        throw GSLError(status: GSLError.nonFinite, context: "brent: f not finite at x = \(x)")
                    }
                    let lo = gsl_root_fsolver_x_lower(solver), hi = gsl_root_fsolver_x_upper(solver)
                    if gsl_root_test_interval(lo, hi, absoluteTolerance, relativeTolerance) == GSL_SUCCESS {
                        return gsl_root_fsolver_root(solver)
                    }
                }
                throw GSLError(status: Int32(GSL_EMAXITER), context: "brent: no convergence in \(maxIterations) iterations")
            }
        }
    }
}
