/// In-place solver for the Henyey system Aₖ xₖ₋₁ + Bₖ xₖ + Cₖ xₖ₊₁ = rₖ with 4×4 blocks (row-major,
/// 16 doubles per block, k = 0…n−1; A₀ and C_{n−1} ignored): block Thomas elimination with partial
/// pivoting inside each diagonal block. On return `r` holds x; `b` and `c` are overwritten.
/// The same algorithm as `GSL.LinearAlgebra.solveBlockTridiagonal` (tests compare them), without its
/// allocations: this one runs inside every Newton iteration.
enum BlockTridiagonal4 {
    struct SingularBlock: Error { let block: Int }

    static func solve(a: UnsafeMutablePointer<Double>, b: UnsafeMutablePointer<Double>,
                      c: UnsafeMutablePointer<Double>, r: UnsafeMutablePointer<Double>, n: Int) throws {
        var tmp = [Double](repeating: 0, count: 16)
        try tmp.withUnsafeMutableBufferPointer { t in
            let t = t.baseAddress!
            for k in 0..<n {
                let d = b + 16 * k, rk = r + 4 * k
                if k > 0 {
                    let ak = a + 16 * k, cp = c + 16 * (k - 1), yp = r + 4 * (k - 1)
                    // D ← B − A C′ₖ₋₁ ; r ← r − A y′ₖ₋₁
                    for i in 0..<4 {
                        for j in 0..<4 {
                            var s = 0.0
                            for l in 0..<4 { s += ak[4 * i + l] * cp[4 * l + j] }
                            d[4 * i + j] -= s
                        }
                        var s = 0.0
                        for l in 0..<4 { s += ak[4 * i + l] * yp[l] }
                        rk[i] -= s
                    }
                }
                // Solve D [y′ | C′] = [r | C] by Gaussian elimination with partial pivoting.
                let ck = c + 16 * k
                let hasC = k < n - 1
                for i in 0..<16 { t[i] = d[i] }
                for col in 0..<4 {
                    var p = col, big = abs(t[4 * col + col])
                    for row in (col + 1)..<4 where abs(t[4 * row + col]) > big { big = abs(t[4 * row + col]); p = row }
                    guard big > 0, big.isFinite else { throw SingularBlock(block: k) }
                    if p != col {
                        for j in 0..<4 { let s = t[4 * col + j]; t[4 * col + j] = t[4 * p + j]; t[4 * p + j] = s }
                        let s = rk[col]; rk[col] = rk[p]; rk[p] = s
                        if hasC { for j in 0..<4 { let s = ck[4 * col + j]; ck[4 * col + j] = ck[4 * p + j]; ck[4 * p + j] = s } }
                    }
                    let inv = 1 / t[4 * col + col]
                    for row in (col + 1)..<4 {
                        let f = t[4 * row + col] * inv
                        if f == 0 { continue }
                        for j in col..<4 { t[4 * row + j] -= f * t[4 * col + j] }
                        rk[row] -= f * rk[col]
                        if hasC { for j in 0..<4 { ck[4 * row + j] -= f * ck[4 * col + j] } }
                    }
                }
                for col in stride(from: 3, through: 0, by: -1) {
                    let inv = 1 / t[4 * col + col]
                    var s = rk[col]
                    for j in (col + 1)..<4 { s -= t[4 * col + j] * rk[j] }
                    rk[col] = s * inv
                    if hasC {
                        for jj in 0..<4 {
                            var s = ck[4 * col + jj]
                            for j in (col + 1)..<4 { s -= t[4 * col + j] * ck[4 * j + jj] }
                            ck[4 * col + jj] = s * inv
                        }
                    }
                }
            }
            // Back substitution xₖ = y′ₖ − C′ₖ xₖ₊₁.
            if n >= 2 {
                for k in stride(from: n - 2, through: 0, by: -1) {
                    let ck = c + 16 * k, xk = r + 4 * k, xn = r + 4 * (k + 1)
                    for i in 0..<4 {
                        var s = 0.0
                        for l in 0..<4 { s += ck[4 * i + l] * xn[l] }
                        xk[i] -= s
                    }
                }
            }
        }
    }
}
