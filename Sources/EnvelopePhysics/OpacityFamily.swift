import Foundation

/// One family of tables on a common (log R, log T) grid, e.g. all 126 OPAL GS98 tables. Every table
/// is stored as bicubic-spline node data (f, ∂f/∂logR, ∂f/∂logT, ∂²f/∂logR∂logT), with f = log₁₀ κ.
///
/// The slopes come from natural cubic splines: along log R for each row, along log T for each column,
/// and (for the cross derivative) along log T of the log R slopes. The bicubic Hermite patches built on
/// them are the C² tensor-product spline, and they reproduce the nodes exactly.
///
/// Layout for speed: `node[((iT·nTables + table)·nR + iR)·4 + q]`. The two log R corners of a cell in
/// one table are then adjacent in memory. A point needs 16 tables (4 in X × 4 in Z) × 2 log T rows,
/// which is 32 short runs.
struct OpacityFamily: Sendable {
    let name: String
    let logR: [Double]
    let logT: [Double]
    let nTables: Int
    let node: [Double]

    var nR: Int { logR.count }
    var nT: Int { logT.count }

    init(name: String, tables: [OpacityTableFile]) throws {
        guard let first = tables.first else { throw OpacityError.inconsistentTables(family: name, reason: "no tables") }
        for t in tables where t.logR != first.logR || t.logT != first.logT {
            throw OpacityError.inconsistentTables(
                family: name, reason: "table X = \(t.x), Z = \(t.z) has a different (log R, log T) grid")
        }
        self.name = name
        logR = first.logR
        logT = first.logT
        nTables = tables.count
        let nR = first.logR.count, nT = first.logT.count
        var node = [Double](repeating: 0, count: nT * nTables * nR * 4)
        var fx = [Double](repeating: 0, count: nR * nT)
        for (k, table) in tables.enumerated() {
            let f = table.logKappa
            for j in 0..<nT {
                let s = OpacitySpline.naturalSlopes(x: logR, y: { f[j * nR + $0] })
                for i in 0..<nR { fx[j * nR + i] = s[i] }
            }
            for i in 0..<nR {
                let fy = OpacitySpline.naturalSlopes(x: logT, y: { f[$0 * nR + i] })
                let fxy = OpacitySpline.naturalSlopes(x: logT, y: { fx[$0 * nR + i] })
                for j in 0..<nT {
                    let b = ((j * nTables + k) * nR + i) * 4
                    node[b] = f[j * nR + i]
                    node[b + 1] = fx[j * nR + i]
                    node[b + 2] = fy[j]
                    node[b + 3] = fxy[j]
                }
            }
        }
        self.node = node
    }

    /// Index i with grid[i] ≤ u < grid[i+1], clamped to the cells that exist.
    @inline(__always)
    static func cell(_ grid: [Double], _ u: Double) -> Int {
        var lo = 0, hi = grid.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if grid[mid] <= u { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// log₁₀ κ and its derivatives in (log R, log T) at a point inside the grid, for the composition `w`.
    /// The (X, Z) combination is done first on the corner node data (it is linear), then one bicubic
    /// Hermite patch is evaluated. Returns (f, f_R, f_T, f_RT).
    @inline(__always)
    func evaluate(logR r: Double, logT t: Double, weights w: OpacityCompositionWeights)
        -> (f: Double, fR: Double, fT: Double, fRT: Double) {
        let i = Self.cell(logR, r), j = Self.cell(logT, t)
        // Corner data: c[a][b][q] for log R corner a, log T corner b; 4 quantities.
        var c0 = SIMD8<Double>(repeating: 0), c1 = SIMD8<Double>(repeating: 0)
        node.withUnsafeBufferPointer { p in
            let base = p.baseAddress!
            for k in 0..<16 {
                let wk = w.weight[k]
                if wk == 0 { continue }
                let tab = Int(w.table[k])
                let b0 = ((j * nTables + tab) * nR + i) * 4
                let b1 = (((j + 1) * nTables + tab) * nR + i) * 4
                c0 += wk * UnsafeRawPointer(base + b0).loadUnaligned(as: SIMD8<Double>.self)
                c1 += wk * UnsafeRawPointer(base + b1).loadUnaligned(as: SIMD8<Double>.self)
            }
        }
        // c0 = [f, fx, fy, fxy](iR, jT) ++ [f, fx, fy, fxy](iR+1, jT); c1 the same at jT+1.
        let hx = logR[i + 1] - logR[i], hy = logT[j + 1] - logT[j]
        let tx = (r - logR[i]) / hx, ty = (t - logT[j]) / hy
        let (ax, dx) = Self.basis(tx, hx)
        let (ay, dy) = Self.basis(ty, hy)
        // Along log R on each log T row: value and y-slope data, and their log R derivatives.
        func row(_ c: SIMD8<Double>, _ b: (Double, Double, Double, Double)) -> (v: Double, vy: Double) {
            (b.0 * c[0] + b.1 * c[4] + b.2 * c[1] + b.3 * c[5],
             b.0 * c[2] + b.1 * c[6] + b.2 * c[3] + b.3 * c[7])
        }
        let r0 = row(c0, ax), r1 = row(c1, ax)
        let d0 = row(c0, dx), d1 = row(c1, dx)
        let f = ay.0 * r0.v + ay.1 * r1.v + ay.2 * r0.vy + ay.3 * r1.vy
        let fR = ay.0 * d0.v + ay.1 * d1.v + ay.2 * d0.vy + ay.3 * d1.vy
        let fT = dy.0 * r0.v + dy.1 * r1.v + dy.2 * r0.vy + dy.3 * r1.vy
        let fRT = dy.0 * d0.v + dy.1 * d1.v + dy.2 * d0.vy + dy.3 * d1.vy
        return (f, fR, fT, fRT)
    }

    /// Cubic Hermite basis (h00, h01, h·h10, h·h11) at t ∈ [0, 1] on a cell of width h, and its
    /// derivative with respect to the coordinate (d/du = (1/h) d/dt).
    @inline(__always)
    static func basis(_ t: Double, _ h: Double) -> ((Double, Double, Double, Double), (Double, Double, Double, Double)) {
        let t2 = t * t, t3 = t2 * t
        let v = (2 * t3 - 3 * t2 + 1, 3 * t2 - 2 * t3, (t3 - 2 * t2 + t) * h, (t3 - t2) * h)
        let d = ((6 * t2 - 6 * t) / h, (6 * t - 6 * t2) / h, 3 * t2 - 4 * t + 1, 3 * t2 - 2 * t)
        return (v, d)
    }
}
