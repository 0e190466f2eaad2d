import Foundation
import TestSupport
import Testing
@testable import TRGBBounds

/// The joint (μ₁₂, g₁₃) limits on an analytic tip, M_I = m₀ − b(μ² + c g²), whose likelihood is known in closed form.
@Suite struct JointAnalysisTests {
    static let mus = [0.0, 1, 2, 3, 4, 5, 6, 8, 10], gs = [0.0, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6]
    static func grid(_ b: Double, _ c: Double) -> [[Double]] { gs.map { g in mus.map { mu in -4 - b * (mu * mu + c * g * g) } } }

    @Test("the μ₁₂ limit at g₁₃ = 0 is the one-dimensional Bayesian limit of the same likelihood; the HPD region holds cl")
    func conditionalAtZero() {
        let (sigma, tau, b) = (0.05, 0.07, 0.02)
        let l = JointAnalysis.limits(observed: -4, sigma: sigma, tau: tau, mu12Nodes: Self.mus, g13Nodes: Self.gs,
                                     mI: Self.grid(b, 1), cl: 0.95)
        let v = sigma * sigma + tau * tau
        let xs = (0..<2001).map { 10 * Double($0) / 2000 }
        let exact = UpperLimits.quantile(grid: xs, density: xs.map { exp(-0.5 * pow(b * $0 * $0, 2) / v) }, level: 0.95)
        // Bilinear in μ² between nodes is exact for this M_I; the fine grid (201 points) limits the quantile to ~1e-3.
        #expect(abs(l.atG13[0].1 - exact) < 0.01, "\(l.atG13[0].1) vs \(exact)")
        // The highest-density region holds 95 % of the posterior (trapezoid weights, as in the construction).
        func w(_ k: Int, _ n: Int) -> Double { k == 0 || k == n - 1 ? 0.5 : 1 }
        var inside = 0.0, total = 0.0
        for (j, row) in l.density.enumerated() {
            for (i, d) in row.enumerated() {
                total += d * w(i, row.count) * w(j, l.density.count)
                if d >= l.level { inside += d * w(i, row.count) * w(j, l.density.count) }
            }
        }
        #expect(abs(inside / total - 0.95) < 0.01, "\(inside / total)")
    }

    @Test("symmetry and the sink: with c = 1 the two marginals agree on a common range; a fixed g₁₃ > 0 tightens μ₁₂")
    func symmetryAndSink() {
        let l = JointAnalysis.limits(observed: -4, sigma: 0.05, tau: 0.07, mu12Nodes: [0, 1, 2, 3, 4, 5, 6], g13Nodes: [0, 1, 2, 3, 4, 5, 6],
                                     mI: [0.0, 1, 2, 3, 4, 5, 6].map { g in [0.0, 1, 2, 3, 4, 5, 6].map { mu in -4 - 0.02 * (mu * mu + g * g) } },
                                     cl: 0.95, fine: (121, 121))
        #expect(abs(l.mu12Limit - l.g13Limit) < 1e-9)
        #expect(l.atG13[1].1 < l.atG13[0].1 && l.atG13[2].1 < l.atG13[1].1, "\(l.atG13.map(\.1))")
        // The c-scaling: g₁₃ weighs c times more, so its marginal limit is 1/√c times μ₁₂'s.
        let c = 4.0
        let s = JointAnalysis.limits(observed: -4, sigma: 0.05, tau: 0.07, mu12Nodes: Self.mus, g13Nodes: Self.gs,
                                     mI: Self.grid(0.02, c), cl: 0.95, fine: (401, 241))
        #expect(abs(s.g13Limit * c.squareRoot() / s.mu12Limit - 1) < 0.03, "\(s.g13Limit) vs \(s.mu12Limit)")
    }
}
