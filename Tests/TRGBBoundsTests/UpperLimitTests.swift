import Foundation
import Testing
@testable import TRGBBounds

/// The limit finders against closed forms.
@Suite struct UpperLimitTests {
    /// Feldman & Cousins 1998, Table X (Gaussian mean ≥ 0, σ = 1): x = 0 → [0, 1.96] at 95 %,
    /// and for x ≥ 1.96 the interval is the central one, with upper end x + 1.96.
    @Test func feldmanCousinsMatchesTheirTable() throws {
        #expect(abs(try UpperLimits.feldmanCousins(observed: 0, cl: 0.95) - 1.96) < 0.005)
        #expect(abs(try UpperLimits.feldmanCousins(observed: 3, cl: 0.95) - 4.96) < 0.005)
        #expect(abs(try UpperLimits.feldmanCousins(observed: 0, cl: 0.90) - 1.64) < 0.005)
        // Monotone in x, and never below the one-sided Bayesian limit's small-x floor.
        let a = try UpperLimits.feldmanCousins(observed: -1, cl: 0.95)
        let b = try UpperLimits.feldmanCousins(observed: -2, cl: 0.95)
        #expect(b < a && a < 1.96 && b > 0.3)
    }

    /// For a linear Gaussian model far from the boundary, Bayes (flat prior) and Δχ² both give x̂ + zσ.
    @Test func bayesAndDeltaChi2FarFromBoundary() throws {
        let xHat = 5.0, sigma = 0.5
        let chi2 = { (mu: Double) in (mu - xHat) * (mu - xHat) / (sigma * sigma) }
        let z95 = 1.6448536269514722
        let bayes = try UpperLimits.bayesian(chi2: chi2, range: 0...10, cl: 0.95, points: 20001)
        let dchi = try UpperLimits.deltaChiSquared(chi2: chi2, range: 0...10, cl: 0.95)
        #expect(abs(bayes - (xHat + z95 * sigma)) < 2e-3)
        #expect(abs(dchi - (xHat + z95 * sigma)) < 1e-6)
    }

    /// At the boundary (x̂ = 0): Bayes gives the half-normal quantile σ Φ⁻¹((1 + CL)/2) = 1.96σ at 95 %.
    @Test func bayesHalfNormalAtTheBoundary() throws {
        let chi2 = { (mu: Double) in mu * mu }
        #expect(abs(try UpperLimits.bayesian(chi2: chi2, range: 0...8, cl: 0.95, points: 20001) - 1.959964) < 1e-3)
        #expect(abs(try UpperLimits.deltaChiSquared(chi2: chi2, range: 0...8, cl: 0.95) - 1.644854) < 1e-6)
    }

    @Test func confidenceLevelOutsideZeroOneIsRefused() {
        for cl in [0.0, 1.0, -0.5, 1.5, Double.nan] {
            #expect(throws: TRGBError.self) { try UpperLimits.feldmanCousins(observed: 0, cl: cl) }
            #expect(throws: TRGBError.self) { try UpperLimits.bayesian(chi2: { $0 * $0 }, range: 0...8, cl: cl) }
        }
    }

    /// A likelihood still high at μ_max: refused, not silently truncated.
    @Test func flatLikelihoodIsRefused() {
        #expect(throws: TRGBError.self) { try UpperLimits.bayesian(chi2: { _ in 0 }, range: 0...8, cl: 0.95) }
    }
}
