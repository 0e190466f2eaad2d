import Foundation

/// Polynomial interpolation of a smooth function at Chebyshev points of the second kind,
/// evaluated by the barycentric formula (Berrut & Trefethen, SIAM Rev. 46 (2004) 501, eq. 5.3):
/// stable, and for f analytic in a Bernstein ellipse ρ the error falls as ρ⁻ⁿ.
struct ChebyshevInterpolant: Sendable {
    let nodes: [Double]
    let values: [Double]
    let weights: [Double]

    init(on interval: ClosedRange<Double>, points n: Int, _ f: (Double) -> Double) {
        let a = interval.lowerBound, b = interval.upperBound
        var x = [Double](repeating: 0, count: n), w = x, v = x
        for j in 0..<n {
            let c = cos(Double.pi * Double(j) / Double(n - 1))
            x[j] = 0.5 * (a + b) + 0.5 * (b - a) * c
            w[j] = (j % 2 == 0 ? 1 : -1) * ((j == 0 || j == n - 1) ? 0.5 : 1)
            v[j] = f(x[j])
        }
        nodes = x
        values = v
        weights = w
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        var num = 0.0, den = 0.0
        for j in 0..<nodes.count {
            let d = x - nodes[j]
            if d == 0 { return values[j] }
            let q = weights[j] / d
            num += q * values[j]
            den += q
        }
        return num / den
    }
}
