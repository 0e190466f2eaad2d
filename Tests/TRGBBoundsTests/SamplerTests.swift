import Foundation
import TestSupport
import Testing
@testable import TRGBBounds

/// The ensemble sampler and its diagnostics on a known target.
@Suite struct SamplerTests {
    /// A correlated 2-D Gaussian (σ = 1, 2; ρ = 0.8): means, widths and correlation recovered; R̂ ≈ 1.
    @Test func correlatedGaussian() {
        let (s1, s2, rho) = (1.0, 2.0, 0.8)
        let logp: ([Double]) -> Double = { t in
            let (a, b) = (t[0] / s1, t[1] / s2)
            return -0.5 * (a * a - 2 * rho * a * b + b * b) / (1 - rho * rho)
        }
        var sampler = EnsembleSampler(walkers: 32, seed: 7)
        var rng = SplitMix64(seed: 3)
        let start = (0..<32).map { _ in [rng.unit() - 0.5, rng.unit() - 0.5] }
        let chains = sampler.run(start: start, steps: 3000, burnIn: 500, logp: logp)
        let flat = chains.samples.flatMap { $0 }
        let n = Double(flat.count)
        let m1 = flat.reduce(0) { $0 + $1[0] } / n, m2 = flat.reduce(0) { $0 + $1[1] } / n
        let v1 = flat.reduce(0) { $0 + ($1[0] - m1) * ($1[0] - m1) } / n, v2 = flat.reduce(0) { $0 + ($1[1] - m2) * ($1[1] - m2) } / n
        let c = flat.reduce(0) { $0 + ($1[0] - m1) * ($1[1] - m2) } / n / (v1 * v2).squareRoot()
        #expect(abs(m1) < 0.1 && abs(m2) < 0.2)
        #expect(abs(v1.squareRoot() - s1) < 0.08 && abs(v2.squareRoot() - s2) < 0.16)
        #expect(abs(c - rho) < 0.05)
        #expect(chains.acceptance > 0.2 && chains.acceptance < 0.9)
        for p in 0..<2 {
            let tau = ChainDiagnostics.autocorrelationTime(chains, parameter: p)
            #expect(tau > 1 && tau < 100)
            #expect(ChainDiagnostics.potentialScaleReduction(chains, parameter: p) < 1.02)
        }
    }

    /// Independent draws: τ_int ≈ 1.
    @Test func independentDrawsHaveUnitAutocorrelation() {
        var rng = SplitMix64(seed: 11)
        let samples = (0..<4000).map { _ in (0..<8).map { _ in [rng.unit()] } }
        let tau = ChainDiagnostics.autocorrelationTime(.init(samples: samples, acceptance: 1), parameter: 0)
        #expect(isClose(tau, 1, rel: 0.2))
    }

    /// Inconsistent or out-of-range priors are refused before any track is computed.
    @Test func inconsistentPriorsAreRefused() {
        let c = TestData.calibration("m5-viaux2013")
        let model = TestData.data.model
        var p = PosteriorPriors.population(c, model: model)
        #expect(throws: Never.self) { try p.check(model: model, alphaFe: c.alphaFe) }
        p.mass = 0.5...0.9
        #expect(throws: TRGBError.self) { try p.check(model: model, alphaFe: c.alphaFe) }
        p = PosteriorPriors.population(c, model: model)
        p.metallicity = 1e-5...0.04
        #expect(throws: TRGBError.self) { try p.check(model: model, alphaFe: c.alphaFe) }
        p = PosteriorPriors.population(c, model: model)
        p.x = 0...12
        #expect(throws: TRGBError.self) { try p.check(model: model, alphaFe: c.alphaFe) }
        // The axion coupling's prior is checked against its own grid (g₁₃ ≤ 6).
        p = PosteriorPriors.population(c, model: model, coupling: .axionElectron)
        #expect(p.x == 0...6)
        #expect(throws: Never.self) { try p.check(model: model, alphaFe: c.alphaFe, coupling: .axionElectron) }
        p.x = 0...8
        #expect(throws: TRGBError.self) { try p.check(model: model, alphaFe: c.alphaFe, coupling: .axionElectron) }
    }
}
