/// The one-dimensional pieces of the opacity interpolation.
///
/// - `OpacityHermiteStencil`: a C¹ piecewise-cubic Hermite interpolant on non-uniform nodes. The slope at
///   an interior node is the derivative of the parabola through the node and its two neighbours. At an end
///   node the slope comes from the parabola through the three end nodes. Every node has one slope, so the
///   interpolant and its first derivative are continuous (Fritsch & Carlson 1980 form, without the
///   monotonicity limiter; de Boor, *A Practical Guide to Splines*, ch. IV). The value is a linear
///   combination of at most four node values. This is what the X and Z interpolation uses.
/// - `OpacitySpline.naturalSlopes`: first derivatives at the nodes of the natural cubic spline
///   (M₀ = M_{n−1} = 0; de Boor ch. IV, eq. 4.24). This feeds the bicubic Hermite patches in (log R, log T),
///   which then form the C² tensor-product bicubic spline.
struct OpacityHermiteStencil: Sendable {
    let nodes: [Double]
    /// The slope at node i is `slope[i].0·f[first] + slope[i].1·f[first+1] + slope[i].2·f[first+2]`,
    /// with `first = slopeFirst[i]`.
    let slope: [(Double, Double, Double)]
    let slopeFirst: [Int]

    /// `nodes` must strictly increase and number at least 3.
    init(nodes u: [Double]) {
        precondition(u.count >= 3)
        nodes = u
        let n = u.count
        var s = [(Double, Double, Double)](), f = [Int]()
        for i in 0..<n {
            if i == 0 {
                let h0 = u[1] - u[0], h1 = u[2] - u[1]
                s.append((-(2 * h0 + h1) / (h0 * (h0 + h1)), (h0 + h1) / (h0 * h1), -h0 / (h1 * (h0 + h1))))
                f.append(0)
            } else if i == n - 1 {
                let ha = u[n - 2] - u[n - 3], hb = u[n - 1] - u[n - 2]
                s.append((hb / (ha * (ha + hb)), -(ha + hb) / (ha * hb), (2 * hb + ha) / (hb * (ha + hb))))
                f.append(n - 3)
            } else {
                let hm = u[i] - u[i - 1], hp = u[i + 1] - u[i]
                let a = -hp / (hm * (hm + hp)), c = hm / (hp * (hm + hp))
                s.append((a, -(a + c), c))
                f.append(i - 1)
            }
        }
        slope = s
        slopeFirst = f
    }

    /// The weights on four consecutive nodes `first…first+3` giving the interpolant at `u`, which must
    /// lie in [nodes.first, nodes.last]. At a node the weight vector is exactly (…, 1, …, 0).
    /// With `clamped`, u is first moved into [nodes.first, nodes.last] (for rounding at the ends).
    @inline(__always)
    func weights(at u0: Double, clamped: Bool = false) -> (first: Int, w: (Double, Double, Double, Double)) {
        let n = nodes.count
        let u = clamped ? min(max(u0, nodes[0]), nodes[n - 1]) : u0
        var lo = 0, hi = n - 1
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if nodes[mid] <= u { lo = mid } else { hi = mid }
        }
        let i = lo
        let h = nodes[i + 1] - nodes[i]
        let t = (u - nodes[i]) / h
        let t2 = t * t, t3 = t2 * t
        let h00 = 2 * t3 - 3 * t2 + 1, h01 = 3 * t2 - 2 * t3
        let h10 = (t3 - 2 * t2 + t) * h, h11 = (t3 - t2) * h
        let first = n >= 4 ? max(0, min(i - 1, n - 4)) : 0
        var w = (0.0, 0.0, 0.0, 0.0)
        func add(_ k: Int, _ v: Double) {
            switch k - first {
            case 0: w.0 += v
            case 1: w.1 += v
            case 2: w.2 += v
            default: w.3 += v
            }
        }
        add(i, h00)
        add(i + 1, h01)
        let ci = slope[i], fi = slopeFirst[i]
        add(fi, h10 * ci.0)
        add(fi + 1, h10 * ci.1)
        add(fi + 2, h10 * ci.2)
        let cj = slope[i + 1], fj = slopeFirst[i + 1]
        add(fj, h11 * cj.0)
        add(fj + 1, h11 * cj.1)
        add(fj + 2, h11 * cj.2)
        return (first, w)
    }

    /// The interpolant itself (for tests and for building).
    func value(at u: Double, _ f: [Double]) -> Double {
        let (first, w) = weights(at: u)
        var s = w.0 * f[first] + w.1 * f[first + 1] + w.2 * f[first + 2]
        if first + 3 < f.count { s += w.3 * f[first + 3] }
        return s
    }
}

enum OpacitySpline {
    /// First derivatives at the nodes of the natural cubic spline through (x[i], y[i]), read with `stride`
    /// from `y[offset + i·stride]`. Thomas algorithm on the second derivatives M (de Boor eq. 4.24), then
    /// y'ᵢ = Δᵢ − hᵢ(2Mᵢ + Mᵢ₊₁)/6 and y'_{n−1} = Δ_{n−2} + h_{n−2}(M_{n−2} + 2M_{n−1})/6.
    static func naturalSlopes(x: [Double], y: (Int) -> Double) -> [Double] {
        let n = x.count
        var h = [Double](repeating: 0, count: n - 1), d = [Double](repeating: 0, count: n - 1)
        for i in 0..<(n - 1) {
            h[i] = x[i + 1] - x[i]
            d[i] = (y(i + 1) - y(i)) / h[i]
        }
        // Tridiagonal for M[1…n−2]: h[i−1] M[i−1] + 2(h[i−1]+h[i]) M[i] + h[i] M[i+1] = 6(d[i] − d[i−1]).
        var m = [Double](repeating: 0, count: n)
        if n > 2 {
            var diag = [Double](repeating: 0, count: n), rhs = [Double](repeating: 0, count: n)
            for i in 1..<(n - 1) {
                diag[i] = 2 * (h[i - 1] + h[i])
                rhs[i] = 6 * (d[i] - d[i - 1])
            }
            for i in 2..<(n - 1) {
                let f = h[i - 1] / diag[i - 1]
                diag[i] -= f * h[i - 1]
                rhs[i] -= f * rhs[i - 1]
            }
            m[n - 2] = rhs[n - 2] / diag[n - 2]
            if n > 3 {
                for i in stride(from: n - 3, through: 1, by: -1) { m[i] = (rhs[i] - h[i] * m[i + 1]) / diag[i] }
            }
        }
        var s = [Double](repeating: 0, count: n)
        for i in 0..<(n - 1) { s[i] = d[i] - h[i] * (2 * m[i] + m[i + 1]) / 6 }
        s[n - 1] = d[n - 2] + h[n - 2] * (m[n - 2] + 2 * m[n - 1]) / 6
        return s
    }

    /// The natural spline through (x, y) evaluated at u (used by the leave-one-out tests).
    static func naturalValue(x: [Double], y: [Double], at u: Double) -> Double {
        let s = naturalSlopes(x: x, y: { y[$0] })
        var i = 0
        while i < x.count - 2, x[i + 1] <= u { i += 1 }
        let h = x[i + 1] - x[i], t = (u - x[i]) / h
        let t2 = t * t, t3 = t2 * t
        return (2 * t3 - 3 * t2 + 1) * y[i] + (3 * t2 - 2 * t3) * y[i + 1]
            + h * ((t3 - 2 * t2 + t) * s[i] + (t3 - t2) * s[i + 1])
    }
}
