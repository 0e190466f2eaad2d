import Foundation

/// Timing of `HydrogenBurning.evaluate` (ε, dX/dt and all derivatives) for the CLI's
/// `stellarbound bench microphysics`: sweeps T over 1.2–4×10⁷ K and ρ over 1–200 g cm⁻³ at a
/// CN-processed solar-like composition so that no branch is constant-folded.
public enum HydrogenBurningBenchmark {
    public struct Report: Sendable {
        public let evaluations: Int
        public let seconds: Double
        public var evaluationsPerSecond: Double { Double(evaluations) / seconds }
        /// Σ ε over the sweep (keeps the work observable).
        public let checksum: Double
    }

    /// Runs `evaluations` calls on `network` (default: the standard network) and times them.
    public static func run(evaluations: Int = 1_000_000, network: HydrogenBurning? = nil) throws -> Report {
        let net = try network ?? HydrogenBurning.standard()
        let x = HydrogenBurningAbundances(h1: 0.70, he3: 3e-5, he4: 0.28097, c12: 4e-4, c13: 3e-5, n14: 2.3e-3,
                                          n15: 1e-7, o16: 9e-3, o17: 4e-6, otherMetals: 0.007_265_9)
        let n = max(1, evaluations)
        var sum = 0.0
        var r = HydrogenBurningResult()
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n {
            let f = Double(i % 1000) / 1000
            try net.evaluate(density: 1 + 199 * f, temperature: 1.2e7 + 2.8e7 * (1 - f), abundances: x, into: &r)
            sum += r.epsTotal + r.jacobian[10] + r.dEpsdLnT
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        return Report(evaluations: n, seconds: seconds, checksum: sum)
    }
}
