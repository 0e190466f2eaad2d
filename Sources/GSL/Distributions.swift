internal import CGSL

/// Cumulative distributions and quantiles used for confidence levels (GSL `gsl_cdf_*`).
public enum Distributions {
    private static func probability(_ p: Double, _ name: String) throws {
        GSLRuntime.ensure()
        guard p.isFinite, p > 0, p < 1 else {
            throw GSLError(status: Int32(GSL_EDOM), context: "\(name): probability \(p) outside (0, 1)")
        }
    }

    /// Φ(x) of the standard normal distribution.
    public static func normalCDF(_ x: Double) -> Double {
        GSLRuntime.ensure()
        return gsl_cdf_ugaussian_P(x)
    }

    /// Φ⁻¹(p), p ∈ (0, 1).
    public static func normalQuantile(_ p: Double) throws -> Double {
        try probability(p, "normalQuantile")
        return gsl_cdf_ugaussian_Pinv(p)
    }

    /// P(χ²ₖ ≤ x).
    public static func chiSquaredCDF(_ x: Double, degreesOfFreedom k: Double) throws -> Double {
        GSLRuntime.ensure()
        guard k > 0, k.isFinite, x.isFinite else {
            throw GSLError(status: Int32(GSL_EDOM), context: "chiSquaredCDF(\(x), k: \(k))")
        }
        return gsl_cdf_chisq_P(max(x, 0), k)
    }

    /// x with P(χ²ₖ ≤ x) = p, p ∈ (0, 1).
    public static func chiSquaredQuantile(_ p: Double, degreesOfFreedom k: Double) throws -> Double {
        try probability(p, "chiSquaredQuantile")
        guard k > 0, k.isFinite else {
            throw GSLError(status: Int32(GSL_EDOM), context: "chiSquaredQuantile: degrees of freedom \(k)")
        }
        return gsl_cdf_chisq_Pinv(p, k)
    }
}
