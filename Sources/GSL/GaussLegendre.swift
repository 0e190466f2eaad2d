internal import CGSL

/// Fixed-order Gauss–Legendre rule on [−1, 1] (GSL `gsl_integration_glfixed_table`).
///
/// An n-point rule integrates polynomials of degree 2n − 1 exactly; for a function
/// analytic inside the Bernstein ellipse of parameter ρ the error falls as ρ^(−2n).
/// Used where the same integrand family is integrated millions of times and an
/// adaptive rule's bookkeeping would dominate (panel sums are checked against
/// `Quadrature` in the tests).
public struct GaussLegendreRule: Sendable {
    /// Abscissae on [−1, 1], ascending.
    public let nodes: [Double]
    /// Weights, summing to 2.
    public let weights: [Double]

    public init(points n: Int) throws {
        GSLRuntime.ensure()
        guard n >= 1, n <= 1024, let table = gsl_integration_glfixed_table_alloc(n) else {
            throw GSLError(status: GSLError.invalidArgument, context: "Gauss–Legendre rule with \(n) points")
        }
        defer { gsl_integration_glfixed_table_free(table) }
        var x = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var xi = 0.0, wi = 0.0
            try GSLRuntime.check(gsl_integration_glfixed_point(-1, 1, i, &xi, &wi, table), "glfixed_point \(i)")
            x[i] = xi
            w[i] = wi
        }
        let order = x.indices.sorted { x[$0] < x[$1] }
        nodes = order.map { x[$0] }
        weights = order.map { w[$0] }
    }

    /// ∫ₐᵇ f over one panel.
    @inlinable
    public func integrate(_ f: (Double) -> Double, from a: Double, to b: Double) -> Double {
        let half = 0.5 * (b - a), mid = 0.5 * (a + b)
        var s = 0.0
        for i in 0..<nodes.count { s += weights[i] * f(mid + half * nodes[i]) }
        return s * half
    }
}
