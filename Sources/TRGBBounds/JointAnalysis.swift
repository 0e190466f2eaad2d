import Foundation

/// μν and g_ae switched on together (issue 17 item 4): the tip's M_I on a grid of tracks in (μ₁₂, g₁₃), the joint
/// likelihood of one calibration, its highest-density credible region, the marginal limits and the μ₁₂ limit at
/// fixed g₁₃ (how an axion sink tightens the μν bound; Arceo-Díaz et al. 2019 quote ~25 %).
///
///     L(μ, g) = exp(−(m − M_I(μ, g))² / 2(σ² + τ²)),   flat priors μ₁₂ ∈ [0, μ_max], g₁₃ ∈ [0, g_max]
///
/// M_I(μ, g) is bilinear in (μ², g²) between the track nodes (both losses are ∝ x², so the tip is smooth in the
/// squares; checked against off-node tracks in Docs/axion.md §5). τ is the calibration's theory error at x = 0 (the
/// μν budget plus `extraTheoryError`), held fixed over the plane: the budget's slow change with x (0.17 → 0.15 mag
/// at μ₁₂ = 4) is left out, a simplification stated in the report.
public struct JointAnalysis {
    public struct Result: Sendable {
        public var calibration: Calibration
        public var cl: Double
        /// Track nodes and M_I there: `mI[j][i]` at (μ₁₂ = `mu12Nodes[i]`, g₁₃ = `g13Nodes[j]`) (mag).
        public var mu12Nodes: [Double], g13Nodes: [Double], mI: [[Double]]
        /// σ of the observation and τ of the theory (mag).
        public var observedError: Double, theoryError: Double
        /// The fine grid and the posterior density on it, `density[j][i]` at (`mu12[i]`, `g13[j]`), peak 1.
        public var mu12: [Double], g13: [Double], density: [[Double]]
        /// The density level above which the region holds `cl` of the posterior (highest-density region).
        public var level: Double
        /// Marginal upper limits at `cl`.
        public var mu12Limit: Double, g13Limit: Double
        /// The μ₁₂ limit at `cl` with g₁₃ fixed at each node (flat prior in μ₁₂).
        public var mu12LimitAtG13: [(g13: Double, mu12Limit: Double)]
        public var tracksComputed: Int, trackSeconds: Double
        /// Tracks read from the track store instead of computed.
        public var tracksFromStore = 0
    }

    public let analysis: BoundAnalysis

    public init(analysis: BoundAnalysis) { self.analysis = analysis }

    /// Bilinear interpolation in (x², y²) of `z[j][i]` on nodes `xs`, `ys` (clamped at the ends).
    static func bilinearSquares(_ z: [[Double]], _ xs: [Double], _ ys: [Double], _ x: Double, _ y: Double) -> Double {
        func locate(_ a: [Double], _ v: Double) -> (Int, Double) {
            let u = v * v
            var i = 0
            while i < a.count - 2 && u > a[i + 1] * a[i + 1] { i += 1 }
            let lo = a[i] * a[i], hi = a[i + 1] * a[i + 1]
            return (i, min(max((u - lo) / (hi - lo), 0), 1))
        }
        let (i, s) = locate(xs, x), (j, t) = locate(ys, y)
        return (1 - t) * ((1 - s) * z[j][i] + s * z[j][i + 1]) + t * ((1 - s) * z[j + 1][i] + s * z[j + 1][i + 1])
    }

    /// The joint analysis of one calibration on M_I at the nodes (the library's math, separate from the tracks so that
    /// it can be tested on an analytic M_I).
    static func limits(observed m: Double, sigma: Double, tau: Double, mu12Nodes: [Double], g13Nodes: [Double],
                       mI: [[Double]], cl: Double, fine: (Int, Int) = (201, 121))
        -> (mu12: [Double], g13: [Double], density: [[Double]], level: Double, mu12Limit: Double, g13Limit: Double,
            atG13: [(Double, Double)]) {
        let xs = (0..<fine.0).map { mu12Nodes.last! * Double($0) / Double(fine.0 - 1) }
        let ys = (0..<fine.1).map { g13Nodes.last! * Double($0) / Double(fine.1 - 1) }
        let v = sigma * sigma + tau * tau
        var logL = ys.map { y in xs.map { x in
            let d = m - bilinearSquares(mI, mu12Nodes, g13Nodes, x, y)
            return -0.5 * d * d / v
        } }
        let peak = logL.flatMap { $0 }.max() ?? 0
        logL = logL.map { $0.map { exp($0 - peak) } }
        let density = logL
        let level = hpdLevel(density, fraction: cl)
        let w = trapezoidWeight
        let marginalMu = xs.indices.map { i in ys.indices.reduce(0) { $0 + w($1, ys.count) * density[$1][i] } }
        let marginalG = ys.indices.map { j in xs.indices.reduce(0) { $0 + w($1, xs.count) * density[j][$1] } }
        let muLimit = UpperLimits.quantile(grid: xs, density: marginalMu, level: cl)
        let gLimit = UpperLimits.quantile(grid: ys, density: marginalG, level: cl)
        let atG = g13Nodes.map { g -> (Double, Double) in
            let row = xs.map { x in
                let d = m - bilinearSquares(mI, mu12Nodes, g13Nodes, x, g)
                return exp(-0.5 * d * d / v)
            }
            return (g, UpperLimits.quantile(grid: xs, density: row, level: cl))
        }
        return (xs, ys, density, level, muLimit, gLimit, atG)
    }

    /// The trapezoid rule's weight of node k of n on a uniform grid (½ at the ends, 1 inside; the spacing cancels in
    /// every normalised use here).
    static func trapezoidWeight(_ k: Int, _ n: Int) -> Double { k == 0 || k == n - 1 ? 0.5 : 1 }

    /// The density level above which a grid's highest-density region holds `fraction` of it (trapezoid cell weights).
    public static func hpdLevel(_ density: [[Double]], fraction: Double) -> Double {
        let w = trapezoidWeight
        var cells: [(Double, Double)] = []
        for (j, row) in density.enumerated() {
            for (i, v) in row.enumerated() { cells.append((v, w(i, row.count) * w(j, density.count))) }
        }
        cells.sort { $0.0 > $1.0 }
        let total = cells.reduce(0) { $0 + $1.0 * $1.1 }
        var acc = 0.0
        for c in cells {
            acc += c.0 * c.1
            if acc >= fraction * total { return c.0 }
        }
        return cells.last?.0 ?? 0
    }

    /// Computes the (μ₁₂ × g₁₃) track grid for calibration `c` and the joint limits at `cl`.
    public func run(_ c: Calibration, cl: Double) throws -> Result {
        try UpperLimits.checkCL(cl)
        let model = analysis.model
        // τ: the μν budget at x = 0 (with the analysis's extra theory error), or the extra error alone without a budget.
        let tau = try analysis.with(.init(withBudget: analysis.withBudget, coupling: .magneticMoment,
                                          extraTheoryError: analysis.extraTheoryError)).run([c], cl: cl).results[0].theoryError0
        let base = analysis.spec(for: c)
        let mus = model.mu12Grid, gs = model.g13Grid
        // One batch, g₁₃ rows of μ₁₂ columns; the outcomes come back in the same order.
        let specs = gs.flatMap { g in mus.map { mu in base.with(.magneticMoment, mu).with(.axionElectron, g) } }
        let outcomes = try analysis.runner.run(specs)
        let photometry = analysis.photometryInputs(for: c)
        let mI = try gs.indices.map { j in try mus.indices.map { i in
            try analysis.tip(logL: outcomes[j * mus.count + i].logTipLuminosity, photometry).mI
        } }
        let l = Self.limits(observed: c.mI, sigma: c.observedError, tau: tau, mu12Nodes: mus, g13Nodes: gs, mI: mI, cl: cl)
        return Result(calibration: c, cl: cl, mu12Nodes: mus, g13Nodes: gs, mI: mI, observedError: c.observedError,
                      theoryError: tau, mu12: l.mu12, g13: l.g13, density: l.density, level: l.level,
                      mu12Limit: l.mu12Limit, g13Limit: l.g13Limit, mu12LimitAtG13: l.atG13.map { (g13: $0.0, mu12Limit: $0.1) },
                      tracksComputed: analysis.runner.computed, trackSeconds: analysis.runner.trackSeconds,
                      tracksFromStore: analysis.runner.fromStore)
    }
}
