internal import CGSL

/// Special functions (GSL `gsl_sf_*`), each returning a value or throwing.
///
/// An underflow (`GSL_EUNDRFLW`) is not a failure here: the result is a valid 0
/// (e.g. a complete Fermi–Dirac integral at x ≈ −708).
public enum SpecialFunctions {
    @inline(__always)
    private static func call(_ context: @autoclosure () -> String,
                             _ f: (UnsafeMutablePointer<gsl_sf_result>) -> Int32) throws -> Double {
        GSLRuntime.ensure()
        var r = gsl_sf_result(val: 0, err: 0)
        let status = f(&r)
        if status == GSL_EUNDRFLW { return 0 }
        try GSLRuntime.check(status, context())
        return r.val
    }

    /// Complete Fermi–Dirac integral F_j(x) = 1/Γ(j+1) ∫₀^∞ tʲ/(exp(t − x) + 1) dt, integer j.
    public static func fermiDirac(order j: Int32, _ x: Double) throws -> Double {
        try call("fermi_dirac_int(\(j), \(x))") { gsl_sf_fermi_dirac_int_e(j, x, $0) }
    }

    /// F_{−1/2}(x), normalised as above (divided by Γ(1/2)); dF_{1/2}/dx = F_{−1/2} in this normalisation.
    public static func fermiDiracMinusHalf(_ x: Double) throws -> Double {
        try call("fermi_dirac_mhalf(\(x))") { gsl_sf_fermi_dirac_mhalf_e(x, $0) }
    }

    /// F_{1/2}(x), normalised as above (divided by Γ(3/2)).
    public static func fermiDiracHalf(_ x: Double) throws -> Double {
        try call("fermi_dirac_half(\(x))") { gsl_sf_fermi_dirac_half_e(x, $0) }
    }

    /// F_{3/2}(x), normalised as above (divided by Γ(5/2)).
    public static func fermiDiracThreeHalf(_ x: Double) throws -> Double {
        try call("fermi_dirac_3half(\(x))") { gsl_sf_fermi_dirac_3half_e(x, $0) }
    }

    /// Modified Bessel function of the second kind Kₙ(x), x > 0.
    public static func besselK(order n: Int32, _ x: Double) throws -> Double {
        try call("bessel_Kn(\(n), \(x))") { gsl_sf_bessel_Kn_e(n, x, $0) }
    }

    /// Exponentially scaled eˣ Kₙ(x), x > 0 (no overflow for small K).
    public static func besselKScaled(order n: Int32, _ x: Double) throws -> Double {
        try call("bessel_Kn_scaled(\(n), \(x))") { gsl_sf_bessel_Kn_scaled_e(n, x, $0) }
    }

    /// Exponentially scaled exponential integral eˣ E₁(x), x > 0 (E₁(x) = ∫ₓ^∞ e^(−t)/t dt).
    public static func expIntE1Scaled(_ x: Double) throws -> Double {
        try call("expint_E1_scaled(\(x))") { gsl_sf_expint_E1_scaled_e(x, $0) }
    }

    /// Riemann zeta ζ(s), s ≠ 1.
    public static func zeta(_ s: Double) throws -> Double {
        try call("zeta(\(s))") { gsl_sf_zeta_e(s, $0) }
    }
}
