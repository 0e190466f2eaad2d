import Foundation
import Microphysics
import ModelData

/// Evaluation rates of the opacity, for `stellarbound bench microphysics`.
public struct OpacityBenchmarkResult: Sendable, Equatable {
    /// κ_rad with derivatives per second at one composition (X 0.7, Z 0.02), weights precomputed: the
    /// Newton-iteration path through an envelope of uniform composition (its 16 tables stay in cache).
    public var radiativeOneComposition: Double
    /// κ_rad with derivatives per second, weights precomputed for 64 random compositions used in turn:
    /// every call touches a different set of tables (cache-cold, the worst case).
    public var radiativeWithWeights: Double
    /// κ_rad with derivatives per second, weights computed from (X, Z) on every call.
    public var radiativeFromXZ: Double
    /// κ_rad + κ_cond with derivatives per second at helium-core and hydrogen-shell points
    /// (log T 7.5–8, log ρ 2–5.8, pure He), where conduction is differenced.
    public var totalInCore: Double
}

extension OpacityTables {
    /// Measures evaluations per CPU-second of one thread (thread CPU time, so the rate is per core even on a
    /// loaded machine; caches may still be shared). The points are drawn uniformly in log T ∈ [3.5, 8],
    /// log R ∈ [−7, 0.9], X ∈ [0, 0.75], Z ∈ [10⁻⁴, 0.04] with a fixed-seed generator, and are generated
    /// before the clock starts. Each point is a fresh random cell, so this measures the cache-cold case.
    /// A stellar model sweeps neighbouring cells and runs faster.
    /// Loads `mixture` (timed in `loadSeconds` of the tables) and runs `benchmark(evaluations:)`: the entry
    /// point for `stellarbound bench microphysics`.
    public static func benchmark(mixture: OpacityMixture = .gs98, dataDirectory: DataDirectory,
                                 evaluations: Int = 1_000_000) throws -> (loadSeconds: Double, rates: OpacityBenchmarkResult) {
        let tables = try OpacityTables(mixture: mixture, dataDirectory: dataDirectory)
        return (tables.loadSeconds, try tables.benchmark(evaluations: evaluations))
    }

    /// CPU seconds used by the calling thread (CLOCK_THREAD_CPUTIME_ID): a per-core rate that does not
    /// depend on how many other processes share the machine.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + 1e-9 * Double(ts.tv_nsec)
    }

    public func benchmark(evaluations n: Int = 1_000_000) throws -> OpacityBenchmarkResult {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1.0p-53
        }
        let m = max(n, 1000)
        var logT = [Double](), logRho = [Double](), xs = [Double](), zs = [Double]()
        for _ in 0..<m {
            let t = 3.5 + 4.5 * uniform(), r = -7 + 7.9 * uniform()
            logT.append(t); logRho.append(r + 3 * t - 18)
            xs.append(0.75 * uniform()); zs.append(1e-4 + 0.0399 * uniform())
        }
        let weights = try (0..<64).map { try compositionWeights(x: xs[$0], z: zs[$0]) }
        var sink = 0.0
        let solar = try compositionWeights(x: 0.7, z: 0.02)
        var start = Self.threadCPUSeconds()
        for i in 0..<m {
            let v = try radiative(logRho: logRho[i], logT: logT[i], weights: solar)
            sink += v.kappa + v.dlnKappaDlnT
        }
        let one = Double(m) / (Self.threadCPUSeconds() - start)
        start = Self.threadCPUSeconds()
        for i in 0..<m {
            let v = try radiative(logRho: logRho[i], logT: logT[i], weights: weights[i & 63])
            sink += v.kappa + v.dlnKappaDlnT
        }
        let withWeights = Double(m) / (Self.threadCPUSeconds() - start)
        start = Self.threadCPUSeconds()
        for i in 0..<m {
            let v = try radiative(logRho: logRho[i], logT: logT[i], x: xs[i], z: zs[i])
            sink += v.kappa + v.dlnKappaDlnRho
        }
        let fromXZ = Double(m) / (Self.threadCPUSeconds() - start)
        let nCore = max(m / 20, 100)
        let he = try compositionWeights(x: 0, z: 0.02)
        start = Self.threadCPUSeconds()
        for i in 0..<nCore {
            let t = 7.5 + 0.5 * uniform(), r = 2 + 3.8 * uniform()
            _ = i
            let v = try total(logRho: r, logT: t, weights: he, ions: .helium)
            sink += v.total.kappa
        }
        let core = Double(nCore) / (Self.threadCPUSeconds() - start)
        precondition(sink.isFinite)
        return OpacityBenchmarkResult(radiativeOneComposition: one, radiativeWithWeights: withWeights, radiativeFromXZ: fromXZ, totalInCore: core)
    }
}
