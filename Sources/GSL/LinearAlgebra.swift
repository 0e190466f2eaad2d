internal import CGSL

/// Dense and block-tridiagonal linear solves (GSL LU with partial pivoting for the dense blocks).
public enum LinearAlgebra {
    /// Solves A x = b for a dense n×n matrix in row-major order. Throws on a singular matrix.
    public static func solve(_ a: [Double], _ b: [Double], n: Int) throws -> [Double] {
        GSLRuntime.ensure()
        guard n >= 1, a.count == n * n, b.count == n, a.allSatisfy(\.isFinite), b.allSatisfy(\.isFinite) else {
            throw GSLError(status: GSLError.invalidArgument, context: "LinearAlgebra.solve: need finite n×n matrix and n-vector")
        }
        var matrix = a, rhs = b, x = [Double](repeating: 0, count: n)
        guard let perm = gsl_permutation_alloc(n) else {
            throw GSLError(status: Int32(GSL_ENOMEM), context: "gsl_permutation_alloc")
        }
        defer { gsl_permutation_free(perm) }
        try matrix.withUnsafeMutableBufferPointer { mp in
            try rhs.withUnsafeMutableBufferPointer { bp in
                try x.withUnsafeMutableBufferPointer { xp in
                    var m = gsl_matrix_view_array(mp.baseAddress, n, n)
                    var bv = gsl_vector_view_array(bp.baseAddress, n)
                    var xv = gsl_vector_view_array(xp.baseAddress, n)
                    var sign: Int32 = 0
                    try GSLRuntime.check(gsl_linalg_LU_decomp(&m.matrix, perm, &sign), "gsl_linalg_LU_decomp")
                    // A zero pivot makes LU_solve divide by zero; refuse it explicitly.
                    for i in 0..<n where mp[i * n + i] == 0 {
                        throw GSLError(status: Int32(GSL_ESING), context: "LinearAlgebra.solve: singular matrix")
                    }
                    try GSLRuntime.check(gsl_linalg_LU_solve(&m.matrix, perm, &bv.vector, &xv.vector), "gsl_linalg_LU_solve")
                }
            }
        }
        guard x.allSatisfy(\.isFinite) else {
            throw GSLError(status: GSLError.nonFinite, context: "LinearAlgebra.solve: non-finite solution (ill-conditioned)")
        }
        return x
    }

    /// Solves the block-tridiagonal system Lₖ xₖ₋₁ + Dₖ xₖ + Uₖ xₖ₊₁ = bₖ (k = 0…K−1, blocks m×m,
    /// row-major; L₀ and U_{K−1} are ignored) by block Gaussian elimination (the block Thomas
    /// algorithm, as in Henyey solvers). Cost O(K m³). No pivoting across blocks: meant for the
    /// block-diagonally dominant Jacobians of stellar-structure equations.
    public static func solveBlockTridiagonal(lower: [[Double]], diagonal: [[Double]], upper: [[Double]],
                                             rhs: [[Double]], blockSize m: Int) throws -> [[Double]] {
        let k = diagonal.count
        guard k >= 1, lower.count == k, upper.count == k, rhs.count == k,
              diagonal.allSatisfy({ $0.count == m * m }), lower.allSatisfy({ $0.count == m * m }),
              upper.allSatisfy({ $0.count == m * m }), rhs.allSatisfy({ $0.count == m }) else {
            throw GSLError(status: GSLError.invalidArgument, context: "solveBlockTridiagonal: inconsistent block sizes")
        }
        // Forward sweep: D'ₖ = Dₖ − Lₖ Cₖ₋₁, Cₖ = D'ₖ⁻¹ Uₖ, yₖ = D'ₖ⁻¹ (bₖ − Lₖ yₖ₋₁).
        var c = [[Double]](repeating: [], count: k), y = [[Double]](repeating: [], count: k)
        for i in 0..<k {
            var d = diagonal[i], b = rhs[i]
            if i > 0 {
                d = subtract(d, multiply(lower[i], c[i - 1], m, m, m))
                b = subtract(b, multiply(lower[i], y[i - 1], m, m, 1))
            }
            y[i] = try solve(d, b, n: m)
            if i < k - 1 {
                // Cₖ column by column.
                var ci = [Double](repeating: 0, count: m * m)
                for col in 0..<m {
                    let column = (0..<m).map { upper[i][$0 * m + col] }
                    let s = try solve(d, column, n: m)
                    for row in 0..<m { ci[row * m + col] = s[row] }
                }
                c[i] = ci
            }
        }
        // Back substitution: xₖ = yₖ − Cₖ xₖ₊₁.
        var x = y
        if k >= 2 {
            for i in stride(from: k - 2, through: 0, by: -1) {
                x[i] = subtract(y[i], multiply(c[i], x[i + 1], m, m, 1))
            }
        }
        return x
    }

    /// (r×s)·(s×t) in row-major order.
    static func multiply(_ a: [Double], _ b: [Double], _ r: Int, _ s: Int, _ t: Int) -> [Double] {
        var out = [Double](repeating: 0, count: r * t)
        for i in 0..<r { for j in 0..<t { var v = 0.0; for l in 0..<s { v += a[i * s + l] * b[l * t + j] }; out[i * t + j] = v } }
        return out
    }

    static func subtract(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 - $1 } }
}
