import Foundation

extension EnvelopeEOS {
    /// Result of `benchmark(evaluations:)`.
    public struct BenchmarkResult: Sendable {
        /// Full evaluations (η solve + P, E, S, their jets, ∇_ad, Γ₁ and derivatives) per second.
        public let evaluationsPerSecond: Double
        /// Evaluations done.
        public let evaluations: Int
    }

    /// Times `evaluations` full states along sweeps that mimic a stellar model from the photosphere to a
    /// degenerate helium core (ln T from 3.6 to 8, ρ from 10⁻¹⁰ to 10⁶ along a run ρ ∝ T^3.3, solar
    /// composition), each point warm-started from the previous η, as the whole-star code would. For
    /// `stellarbound bench microphysics`. Run it in a release build.
    public static func benchmark(evaluations: Int = 200_000) throws -> BenchmarkResult {
        let eos = EnvelopeEOS()
        let c = try EnvelopeEOSComposition(hydrogen: 0.7, metals: 0.02)
        let n = max(evaluations, 1)
        let perSweep = 1000
        var guess: Double? = nil
        var sink = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n {
            let k = i % perSweep
            if k == 0 { guess = nil }
            let s = Double(k) / Double(perSweep - 1)
            let log10T = 3.6 + 4.4 * s
            let log10Rho = -10 + 16 * s
            let st = try eos.state(density: Foundation.pow(10, log10Rho), temperature: Foundation.pow(10, log10T),
                                   composition: c, guess: guess)
            guess = st.eta
            sink += st.gradAd + st.gradAdDerivatives.dLnT
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        precondition(sink.isFinite)
        return BenchmarkResult(evaluationsPerSecond: Double(n) / seconds, evaluations: n)
    }
}
