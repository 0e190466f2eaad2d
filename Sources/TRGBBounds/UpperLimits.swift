import Foundation
import GSL

/// Upper limits on μ₁₂ from a χ²(μ₁₂) curve with the physical boundary μ₁₂ ≥ 0.
///
/// Three methods, reported side by side (Docs/bounds.md §4):
///
///     Bayesian      ∫₀^μ_up e^{−χ²/2} dμ = CL · ∫₀^μ_max e^{−χ²/2} dμ        flat prior in μ₁₂ on [0, μ_max]
///     Δχ²           χ²(μ_up) − min_{μ≥0} χ² = z²,  z = Φ⁻¹(CL)               one-sided profile likelihood
///     Feldman–Cousins  the unified interval for a Gaussian mean s ≥ 0 (Feldman & Cousins 1998,
///                   PRD 57, 3873, §IV.B), with s the predicted brightening in units of σ
///
/// The numerical trap: the Bayesian normalisation needs the likelihood to have died off before μ_max;
/// `bayesian` refuses (throws) when e^{−Δχ²/2} at μ_max exceeds 10⁻² of its peak (the prior is flat on [0, μ_max]; the tail beyond changes the limit by < 1 %).
public enum UpperLimits {
    /// Flat-prior Bayesian upper limit; `chi2` sampled on `grid` (increasing, from 0).
    public static func bayesian(chi2: (Double) -> Double, range: ClosedRange<Double>, cl: Double,
                                points: Int = 4001) throws -> Double {
        try checkCL(cl)
        let n = max(points, 101)
        let h = (range.upperBound - range.lowerBound) / Double(n - 1)
        var values = [Double](repeating: 0, count: n)
        var minChi2 = Double.infinity
        for i in 0..<n {
            let c = chi2(range.lowerBound + Double(i) * h)
            guard c.isFinite else { throw TRGBError.computation("χ² is not finite at μ₁₂ = \(range.lowerBound + Double(i) * h)") }
            values[i] = c
            minChi2 = min(minChi2, c)
        }
        let weights = values.map { exp(-0.5 * ($0 - minChi2)) }
        guard weights[n - 1] < 1e-2 else {
            throw TRGBError.computation(String(format: "the likelihood has not fallen off by μ₁₂ = %.3g (e^{-Δχ²/2} = %.2g): extend the μ₁₂ grid", range.upperBound, weights[n - 1]))
        }
        return quantile(grid: (0..<n).map { range.lowerBound + Double($0) * h }, density: weights, level: cl)
    }

    /// The `level` quantile of an unnormalised density sampled on an increasing grid: cumulative
    /// trapezoid, then linear inverse (the Bayesian limit here and the posterior's quadrature check).
    static func quantile(grid: [Double], density: [Double], level: Double) -> Double {
        var cumulative = [Double](repeating: 0, count: grid.count)
        for i in 1..<grid.count {
            cumulative[i] = cumulative[i - 1] + 0.5 * (grid[i] - grid[i - 1]) * (density[i] + density[i - 1])
        }
        let target = level * cumulative[grid.count - 1]
        guard let j = cumulative.firstIndex(where: { $0 >= target }), j > 0 else { return grid[0] }
        let f = (target - cumulative[j - 1]) / (cumulative[j] - cumulative[j - 1])
        return grid[j - 1] + f * (grid[j] - grid[j - 1])
    }

    /// One-sided Δχ² (profile likelihood) upper limit, z = Φ⁻¹(CL): Δχ² = 2.71 at 95 %, 0.22 at 68 %.
    public static func deltaChiSquared(chi2: (Double) -> Double, range: ClosedRange<Double>, cl: Double,
                                       points: Int = 4001) throws -> Double {
        try checkCL(cl)
        let z = try Distributions.normalQuantile(cl)
        let threshold = z > 0 ? z * z : 0
        let n = max(points, 101)
        let h = (range.upperBound - range.lowerBound) / Double(n - 1)
        let xs = (0..<n).map { range.lowerBound + Double($0) * h }
        let cs = xs.map(chi2)
        guard cs.allSatisfy(\.isFinite) else { throw TRGBError.computation("χ² is not finite on the μ₁₂ grid") }
        let iMin = cs.indices.min(by: { cs[$0] < cs[$1] })!
        let level = cs[iMin] + threshold
        guard let j = (iMin..<n).first(where: { cs[$0] >= level }) else {
            throw TRGBError.computation(String(format: "Δχ² has not reached %.3g by μ₁₂ = %.3g: extend the μ₁₂ grid", threshold, range.upperBound))
        }
        if j == iMin { return xs[j] }
        return try RootFinding.brent({ chi2($0) - level }, lower: xs[j - 1], upper: xs[j], absoluteTolerance: 1e-9)
    }

    /// Feldman–Cousins upper limit on a Gaussian mean s ≥ 0 (unit variance) given the observation x.
    ///
    /// Likelihood-ratio ordering R(x) = P(x|s)/P(x|ŝ), ŝ = max(0, x): ln R = −(x−s)²/2 for x ≥ 0 and
    /// x s − s²/2 for x < 0, so the acceptance region at s is an interval [x₁(s), x₂(s)] with
    /// Φ(x₂−s) − Φ(x₁−s) = CL; the upper limit solves x₁(s_up) = x.
    public static func feldmanCousins(observed x: Double, cl: Double) throws -> Double {
        try checkCL(cl)
        guard x.isFinite else { throw TRGBError.computation("Feldman–Cousins: observation is not finite") }
        // Acceptance interval at s for a threshold ln c = −d²/2 (d ≥ 0).
        func interval(_ s: Double, _ d: Double) -> (Double, Double) {
            let x2 = s + d
            let lower = s - d
            if lower >= 0 { return (lower, x2) }
            // x s − s²/2 = −d²/2  →  x = (s² − d²)/(2s); s = 0 means every x < 0 is accepted.
            return (s > 0 ? (s * s - d * d) / (2 * s) : -Double.infinity, x2)
        }
        func lowerEnd(_ s: Double) throws -> Double {
            let d = try RootFinding.brent({ d in
                let (a, b) = interval(s, d)
                return Distributions.normalCDF(b - s) - Distributions.normalCDF(a - s) - cl
            }, lower: 0, upper: 40, absoluteTolerance: 1e-12)
            return interval(s, d).0
        }
        // x₁(s) increases with s; x₁(0) = −∞.
        var high = max(1.0, x + 10)
        while try lowerEnd(high) < x { high *= 2 }
        return try RootFinding.brent({ s in
            s <= 0 ? -1 : ((try? lowerEnd(s)) ?? .nan) - x
        }, lower: 0, upper: high, absoluteTolerance: 1e-10)
    }

    static func checkCL(_ cl: Double) throws {
        guard cl.isFinite, cl > 0, cl < 1 else {
            throw TRGBError.invalidParameter(name: "cl", value: cl, allowed: "(0, 1), e.g. 0.95")
        }
    }
}
