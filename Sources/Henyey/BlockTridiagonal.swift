/// In-place solver for the Henyey system Aₖ xₖ₋₁ + Bₖ xₖ + Cₖ xₖ₊₁ = rₖ with m×m blocks (row-major,
/// m² doubles per block, k = 0…n−1; A₀ and C_{n−1} ignored): block Thomas elimination with partial
/// pivoting inside each diagonal block (Kippenhahn & Weigert ch. 11.2; the same algorithm as
/// `GSL.LinearAlgebra.solveBlockTridiagonal`, which the tests compare it with), without allocations:
/// it runs inside every Newton iteration. On return `r` holds x; `b` and `c` are overwritten.
///
/// Trap: pivoting is only inside a diagonal block; a system whose blocks are singular on their own
/// (e.g. an unknown that appears only in a neighbour's equations) needs its unknowns reordered.
public enum BlockTridiagonal {
    /// Solves in place. `work` must hold at least m² doubles.
    public static func solve(a: UnsafeMutablePointer<Double>, b: UnsafeMutablePointer<Double>,
                             c: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>,
                             n: Int, m: Int, work t: UnsafeMutablePointer<Double>) throws(HenyeyError) {
        // The helium core's 4 unknowns per cell get a copy of the kernel with m known at compile time
        // (its loops unrolled: 2.3× fewer instructions than the general kernel on that system).
        if m == 4 {
            try kernel(a: a, b: b, c: c, r: r, n: n, m: 4, work: t)
        } else {
            try kernel(a: a, b: b, c: c, r: r, n: n, m: m, work: t)
        }
    }

    @inline(__always)
    static func kernel(a: UnsafeMutablePointer<Double>, b: UnsafeMutablePointer<Double>,
                       c: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>,
                       n: Int, m: Int, work t: UnsafeMutablePointer<Double>) throws(HenyeyError) {
        let mm = m * m
        for k in 0..<n {
            let d = b + mm * k, rk = r + m * k
            if k > 0 {
                let ak = a + mm * k, cp = c + mm * (k - 1), yp = r + m * (k - 1)
                // D ← B − A C′ₖ₋₁ ; r ← r − A y′ₖ₋₁
                for i in 0..<m {
                    for j in 0..<m {
                        var s = 0.0
                        for l in 0..<m { s += ak[m * i + l] * cp[m * l + j] }
                        d[m * i + j] -= s
                    }
                    var s = 0.0
                    for l in 0..<m { s += ak[m * i + l] * yp[l] }
                    rk[i] -= s
                }
            }
            // Solve D [y′ | C′] = [r | C] by Gaussian elimination with partial pivoting.
            let ck = c + mm * k
            let hasC = k < n - 1
            for i in 0..<mm { t[i] = d[i] }
            for col in 0..<m {
                var p = col, big = abs(t[m * col + col])
                for row in (col + 1)..<m where abs(t[m * row + col]) > big { big = abs(t[m * row + col]); p = row }
                guard big > 0, big.isFinite else { throw .singularBlock(cell: k) }
                if p != col {
                    for j in 0..<m { let s = t[m * col + j]; t[m * col + j] = t[m * p + j]; t[m * p + j] = s }
                    let s = rk[col]; rk[col] = rk[p]; rk[p] = s
                    if hasC { for j in 0..<m { let s = ck[m * col + j]; ck[m * col + j] = ck[m * p + j]; ck[m * p + j] = s } }
                }
                let inv = 1 / t[m * col + col]
                for row in (col + 1)..<m {
                    let f = t[m * row + col] * inv
                    if f == 0 { continue }
                    for j in col..<m { t[m * row + j] -= f * t[m * col + j] }
                    rk[row] -= f * rk[col]
                    if hasC { for j in 0..<m { ck[m * row + j] -= f * ck[m * col + j] } }
                }
            }
            for col in stride(from: m - 1, through: 0, by: -1) {
                let inv = 1 / t[m * col + col]
                var s = rk[col]
                for j in (col + 1)..<m { s -= t[m * col + j] * rk[j] }
                rk[col] = s * inv
                if hasC {
                    for jj in 0..<m {
                        var s = ck[m * col + jj]
                        for j in (col + 1)..<m { s -= t[m * col + j] * ck[m * j + jj] }
                        ck[m * col + jj] = s * inv
                    }
                }
            }
        }
        // Back substitution xₖ = y′ₖ − C′ₖ xₖ₊₁.
        if n >= 2 {
            for k in stride(from: n - 2, through: 0, by: -1) {
                let ck = c + mm * k, xk = r + m * k, xn = r + m * (k + 1)
                for i in 0..<m {
                    var s = 0.0
                    for l in 0..<m { s += ck[m * i + l] * xn[l] }
                    xk[i] -= s
                }
            }
        }
    }
}
