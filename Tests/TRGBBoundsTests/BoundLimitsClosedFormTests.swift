import Foundation
import GSL
import TestSupport
import Testing
@testable import TRGBBounds

/// The three limits out of `BoundAnalysis.limits` on a synthetic LINEAR tip curve with Gaussian errors,
/// against closed forms (issue 12, item 8). With M_I(μ) = M₀ − kμ and a constant theory error τ,
/// −2 ln L(μ) = (μ − μ̂)²/s² + const, μ̂ = (M₀ − m)/k, s = √(σ² + τ²)/k, so:
///
///     Δχ²:  μ_up = μ̂ + z s (μ̂ ≥ 0);  μ̂ + √(μ̂² + z²s²) (μ̂ < 0, minimum at the boundary),  z = Φ⁻¹(CL)
///     Bayes (flat prior on μ ≥ 0):  μ_up = μ̂ + s Φ⁻¹(Φ(−μ̂/s) + CL·Φ(μ̂/s))   (truncated normal)
///     F–C (Feldman & Cousins 1998, PRD 57, 3873, §IV.B, Table X): in units of s, x = μ̂/s;
///           x ≥ 0: s_up = x + Φ⁻¹((1 + CL)/2);
///           x < 0: s_up solves Φ(√(s² − 2sx)) − Φ(x − s) = CL
///
/// The x < 0 branch is solved here in one dimension (the acceptance interval's lower end pinned at x);
/// `UpperLimits.feldmanCousins` nests a root find for the interval inside a root find for s, so the two
/// are independent. Tests/Scripts/feldman_cousins_gaussian.py gives the same numbers with scipy.
@Suite("Bound limits against closed forms (synthetic linear tip curve)")
struct BoundLimitsClosedFormTests {
    /// The production grid: 1601 nodes on [0, μ_max].
    static func grid(_ muMax: Double) -> [Double] { (0..<1601).map { muMax * Double($0) / 1600 } }

    static func deltaChi2ClosedForm(muHat: Double, s: Double, cl: Double) throws -> Double {
        let z = try Distributions.normalQuantile(cl)
        return muHat >= 0 ? muHat + z * s : muHat + (muHat * muHat + z * z * s * s).squareRoot()
    }

    static func bayesClosedForm(muHat: Double, s: Double, cl: Double) throws -> Double {
        let p0 = Distributions.normalCDF(-muHat / s)
        return muHat + s * (try Distributions.normalQuantile(p0 + cl * (1 - p0)))
    }

    /// Feldman–Cousins upper end for a unit Gaussian mean ≥ 0 observed at x (closed form / 1-D root).
    static func feldmanCousinsClosedForm(x: Double, cl: Double) throws -> Double {
        let central = try Distributions.normalQuantile((1 + cl) / 2)
        if x >= 0 { return x + central }
        return try RootFinding.brent({ s in
            Distributions.normalCDF((s * s - 2 * s * x).squareRoot()) - Distributions.normalCDF(x - s) - cl
        }, lower: 1e-9, upper: central, absoluteTolerance: 1e-13)
    }

    /// The closed-form F–C reference itself against Feldman & Cousins 1998, Table X (95 %: x = 0 → 1.96;
    /// 90 %: x = 0 → 1.64; a negative x gives a smaller, positive upper end).
    @Test func feldmanCousinsReferenceMatchesTheirTable() throws {
        #expect(abs(try Self.feldmanCousinsClosedForm(x: 0, cl: 0.95) - 1.96) < 0.005)
        #expect(abs(try Self.feldmanCousinsClosedForm(x: 0, cl: 0.90) - 1.64) < 0.005)
        let m1 = try Self.feldmanCousinsClosedForm(x: -1, cl: 0.95)
        #expect(m1 > 0.5 && m1 < 1.96)
    }

    /// One calibration: Bayesian, Δχ² and F–C limits from `BoundAnalysis.limits` equal the closed forms,
    /// for an observation brighter than, at and fainter than the standard prediction (μ̂ > 0, = 0, < 0).
    @Test(arguments: [(1.5, 0.95), (0.0, 0.95), (-1.2, 0.95), (0.7, 0.68), (-0.4, 0.90)])
    func oneCalibration(muHatInS: Double, cl: Double) throws {
        let m0 = -4.05, k = 0.08, sigma = 0.09, tau = 0.05     // mag, mag per unit μ, mag, mag
        let s = (sigma * sigma + tau * tau).squareRoot() / k
        let muHat = muHatInS * s
        let observed = m0 - k * muHat
        let grid = Self.grid(muHat + 12 * s)
        let limits = try BoundAnalysis.limits(observed: [observed], sigma: [sigma], mI: [grid.map { m0 - k * $0 }],
                                              tau: [[Double](repeating: tau, count: grid.count)], grid: grid, cl: cl)
        let dchi = try Self.deltaChi2ClosedForm(muHat: muHat, s: s, cl: cl)
        let bayes = try Self.bayesClosedForm(muHat: muHat, s: s, cl: cl)
        let fc = try Self.feldmanCousinsClosedForm(x: muHatInS, cl: cl) * s
        // Tolerances: the χ² curve is linearly interpolated on 1601 nodes (h = μ_max/1600); the Bayesian
        // quantile is a trapezoid cumulative on 4001 points.
        #expect(isClose(limits.deltaChiSquared, dchi, rel: 1e-4), "Δχ²: \(limits.deltaChiSquared) vs \(dchi)")
        #expect(isClose(limits.bayesian, bayes, rel: 2e-3), "Bayes: \(limits.bayesian) vs \(bayes)")
        #expect(isClose(limits.feldmanCousins, fc, rel: 1e-6), "F–C: \(limits.feldmanCousins) vs \(fc)")
    }

    /// A sign error anywhere would move the limits: a brighter observation must give larger limits.
    @Test func limitsGrowWithTheObservedBrightening() throws {
        let grid = Self.grid(20)
        let curve = grid.map { -4.0 - 0.1 * $0 }, tau = [Double](repeating: 0.04, count: grid.count)
        let faint = try BoundAnalysis.limits(observed: [-4.0], sigma: [0.1], mI: [curve], tau: [tau], grid: grid, cl: 0.95)
        let bright = try BoundAnalysis.limits(observed: [-4.2], sigma: [0.1], mI: [curve], tau: [tau], grid: grid, cl: 0.95)
        #expect(bright.deltaChiSquared > faint.deltaChiSquared && bright.feldmanCousins > faint.feldmanCousins
                && bright.bayesian > faint.bayesian)
    }
}

/// The combined likelihood of several calibrations with fully correlated theory errors: covariance
/// C = D + τ τᵀ (D = diag σᵢ², τᵢ the theory error of calibration i at μ), −2 ln L = rᵀC⁻¹r + ln det C.
/// `BoundAnalysis.minusTwoLogL(observed:…)` inverts C by Sherman–Morrison and uses the matrix-determinant
/// lemma; here C⁻¹ is built column by column with the GSL layer's LU solve and det C by cofactors.
@Suite("Combined multi-calibration likelihood against an explicit inverse covariance")
struct CombinedLikelihoodTests {
    static let observed = [-4.05, -3.96, -4.12], sigma = [0.09, 0.07, 0.12]
    static let m0 = [-4.03, -4.00, -4.06], slope = [0.05, 0.07, 0.04]

    /// C⁻¹ (row-major 3×3) from three LU solves C x = eⱼ.
    static func inverse(_ c: [Double]) throws -> [Double] {
        var inv = [Double](repeating: 0, count: 9)
        for j in 0..<3 {
            var e = [0.0, 0.0, 0.0]
            e[j] = 1
            let x = try LinearAlgebra.solve(c, e, n: 3)
            for i in 0..<3 { inv[3 * i + j] = x[i] }
        }
        return inv
    }

    static func determinant(_ a: [Double]) -> Double {
        a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6])
    }

    static func covariance(tau: [Double]) -> [Double] {
        var c = [Double](repeating: 0, count: 9)
        for i in 0..<3 {
            for j in 0..<3 { c[3 * i + j] = tau[i] * tau[j] }
            c[3 * i + i] += sigma[i] * sigma[i]
        }
        return c
    }

    static func explicitMinusTwoLogL(mI: [Double], tau: [Double]) throws -> Double {
        let c = covariance(tau: tau)
        let inv = try inverse(c)
        let r = (0..<3).map { observed[$0] - mI[$0] }
        var q = 0.0
        for i in 0..<3 { for j in 0..<3 { q += r[i] * inv[3 * i + j] * r[j] } }
        return q + log(determinant(c))
    }

    /// Every grid node, with theory errors that differ between calibrations and grow with μ.
    @Test func shermanMorrisonEqualsExplicitInverse() throws {
        let grid = (0..<41).map { 0.25 * Double($0) }
        let mI = (0..<3).map { i in grid.map { Self.m0[i] - Self.slope[i] * $0 } }
        let tau = (0..<3).map { i in grid.map { (0.04 + 0.01 * Double(i)) * (1 + 0.05 * $0 * $0) } }
        let fast = BoundAnalysis.minusTwoLogL(observed: Self.observed, sigma: Self.sigma, mI: mI, tau: tau)
        for k in grid.indices {
            let explicit = try Self.explicitMinusTwoLogL(mI: (0..<3).map { mI[$0][k] }, tau: (0..<3).map { tau[$0][k] })
            #expect(abs(fast[k] - explicit) < 1e-10 * max(1, abs(explicit)), "μ = \(grid[k]): \(fast[k]) vs \(explicit)")
        }
        // The correlation matters: dropping τ τᵀ's off-diagonal terms changes −2 ln L visibly.
        let k = 20
        var diagonal = 0.0
        for i in 0..<3 {
            let v = Self.sigma[i] * Self.sigma[i] + tau[i][k] * tau[i][k]
            diagonal += pow(Self.observed[i] - mI[i][k], 2) / v + log(v)
        }
        #expect(abs(diagonal - fast[k]) > 0.1)
    }

    /// The combined limits: with constant τ and linear curves, −2 ln L is a parabola in μ with
    /// curvature A = kᵀC⁻¹k and minimum μ̂ = kᵀC⁻¹(M₀ − m)/A (explicit inverse), so Δχ² and Bayes have the
    /// closed forms above with s = 1/√A. Feldman–Cousins is taken on the GLS-combined brightening:
    /// w = C⁻¹1/(1ᵀC⁻¹1), σ̄ = (1ᵀC⁻¹1)^(−1/2), x̄ = Σ wᵢ(M₀ᵢ − mᵢ)/σ̄, s̄(μ) = μ Σ wᵢkᵢ/σ̄.
    @Test func combinedLimitsEqualClosedForms() throws {
        let tau0 = [0.05, 0.05, 0.05], cl = 0.95
        let c = Self.covariance(tau: tau0)
        let inv = try Self.inverse(c)
        func form(_ u: [Double], _ v: [Double]) -> Double {
            var q = 0.0
            for i in 0..<3 { for j in 0..<3 { q += u[i] * inv[3 * i + j] * v[j] } }
            return q
        }
        let d = (0..<3).map { Self.m0[$0] - Self.observed[$0] }
        let a = form(Self.slope, Self.slope)
        let muHat = form(Self.slope, d) / a, s = 1 / a.squareRoot()
        let grid = BoundLimitsClosedFormTests.grid(max(muHat, 0) + 12 * s)
        let mI = (0..<3).map { i in grid.map { Self.m0[i] - Self.slope[i] * $0 } }
        let tau = tau0.map { [Double](repeating: $0, count: grid.count) }
        let limits = try BoundAnalysis.limits(observed: Self.observed, sigma: Self.sigma, mI: mI, tau: tau, grid: grid, cl: cl)

        let ones = [1.0, 1.0, 1.0]
        let total = form(ones, ones)
        let w = (0..<3).map { i in (0..<3).reduce(0) { $0 + inv[3 * i + $1] } / total }
        let sigmaBar = 1 / total.squareRoot()
        let xBar = (0..<3).reduce(0) { $0 + w[$1] * d[$1] } / sigmaBar
        let sPerMu = (0..<3).reduce(0) { $0 + w[$1] * Self.slope[$1] } / sigmaBar
        let fc = try BoundLimitsClosedFormTests.feldmanCousinsClosedForm(x: xBar, cl: cl) / sPerMu

        let dchi = try BoundLimitsClosedFormTests.deltaChi2ClosedForm(muHat: muHat, s: s, cl: cl)
        let bayes = try BoundLimitsClosedFormTests.bayesClosedForm(muHat: muHat, s: s, cl: cl)
        #expect(isClose(limits.deltaChiSquared, dchi, rel: 1e-4), "Δχ²: \(limits.deltaChiSquared) vs \(dchi)")
        #expect(isClose(limits.bayesian, bayes, rel: 2e-3), "Bayes: \(limits.bayesian) vs \(bayes)")
        #expect(isClose(limits.feldmanCousins, fc, rel: 1e-6), "F–C: \(limits.feldmanCousins) vs \(fc)")
    }
}
