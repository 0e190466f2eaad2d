import Foundation

extension EnvelopeMicrophysics {
    /// Evaluations per second of each part and of the full set (EOS with derivatives + total opacity with
    /// derivatives + hydrogen burning with derivatives), on the calling thread.
    public struct BenchmarkResult: Sendable, Encodable {
        public var eosPerSecond: Double, opacityPerSecond: Double, burningPerSecond: Double, fullPerSecond: Double
        public var points: Int
        /// The same with the tabulated EOS (`EnvelopeEOSTable`) in place of the direct one.
        public var eosTablePerSecond: Double, fullTablePerSecond: Double
        /// Seconds the EOS table took to build or load (not encoded).
        public var eosTableBuildSeconds: Double

        enum CodingKeys: String, CodingKey {
            case eosPerSecond = "eos_per_s", opacityPerSecond = "opacity_per_s", burningPerSecond = "burning_per_s"
            case fullPerSecond = "full_evaluations_per_s", points
            case eosTablePerSecond = "eos_table_per_s", fullTablePerSecond = "full_evaluations_table_per_s"
        }
    }

    /// Times the physics on `points` points of a sweep that mimics a solar-like star from the photosphere to
    /// the core (log T from 3.75 to 7.2, log ρ from −9 to 2 linearly with it, X = 0.7, Z = 0.02), each EOS
    /// call warm-started from the previous point's η and the opacity's (X, Z) weights computed once, as the
    /// whole-star code will. Repeats the sweep until `seconds` have passed. Run it in a release build.
    /// The tabulated EOS is `eosTable` (default: `EnvelopeEOSTable.Grid.standard(metals: 0.02)` built now, whose
    /// X nodes include 0.7), looked up with all derivatives (ln P, S, E, ∇_ad, η, νₑ in ln ρ, ln T, X).
    public func benchmark(points: Int = 1000, seconds: Double = 1, eosTable: EnvelopeEOSTable? = nil) throws -> BenchmarkResult {
        let table = try eosTable ?? EnvelopeEOSTable(grid: .standard(metals: 0.02))
        let x = 0.7, z = 0.02
        let weights = try opacities.compositionWeights(x: x, z: z)
        let ions = try Self.ions(hydrogen: x, metals: z)
        let composition = try EnvelopeEOSComposition(hydrogen: x, metals: z)
        let abundances = try metals.networkAbundances(hydrogen: x, metals: z)
        let n = max(points, 2)
        let logT = (0..<n).map { 3.75 + 3.45 * Double($0) / Double(n - 1) }
        let logRho = (0..<n).map { -9 + 11 * Double($0) / Double(n - 1) }
        let rho = logRho.map { pow(10, $0) }, t = logT.map { pow(10, $0) }
        var burned = HydrogenBurningResult()
        func timed(_ body: (Int) throws -> Double) rethrows -> Double {
            var count = 0, sink = 0.0
            let start = DispatchTime.now().uptimeNanoseconds
            var elapsed = 0.0
            repeat {
                for i in 0..<n { sink += try body(i) }
                count += n
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            } while elapsed < seconds
            precondition(!sink.isNaN)
            return Double(count) / elapsed
        }
        var guess: Double?
        let eosRate = try timed { i in
            if i == 0 { guess = nil }
            let s = try eos.state(density: rho[i], temperature: t[i], composition: composition, guess: guess)
            guess = s.eta
            return s.gradAd
        }
        let opacityRate = try timed { i in
            try opacities.total(logRho: logRho[i], logT: logT[i], weights: weights, ions: ions).total.dlnKappaDlnT
        }
        let burningRate = try timed { i in
            try burning.evaluate(density: rho[i], temperature: t[i], abundances: abundances, into: &burned)
            return burned.dEpsdLnT
        }
        let fullRate = try timed { i in
            if i == 0 { guess = nil }
            let s = try eos.state(density: rho[i], temperature: t[i], composition: composition, guess: guess)
            guess = s.eta
            let k = try opacities.total(logRho: logRho[i], logT: logT[i], weights: weights, ions: ions)
            try burning.evaluate(density: rho[i], temperature: t[i], abundances: abundances, into: &burned)
            return s.gradAd + k.total.kappa + burned.epsTotal
        }
        let lnRho = rho.map { Foundation.log($0) }, lnT = t.map { Foundation.log($0) }
        let eosTableRate = try timed { i in
            let s = try table.state(lnDensity: lnRho[i], lnTemperature: lnT[i], hydrogen: x)
            return s.gradAd.value + s.gradAd.dLnT + s.cP + s.lnPressure.dHydrogen
        }
        let fullTableRate = try timed { i in
            let s = try table.state(lnDensity: lnRho[i], lnTemperature: lnT[i], hydrogen: x)
            let k = try opacities.total(logRho: logRho[i], logT: logT[i], weights: weights, ions: ions)
            try burning.evaluate(density: rho[i], temperature: t[i], abundances: abundances, into: &burned)
            return s.gradAd.value + k.total.kappa + burned.epsTotal
        }
        return BenchmarkResult(eosPerSecond: eosRate, opacityPerSecond: opacityRate, burningPerSecond: burningRate,
                               fullPerSecond: fullRate, points: n, eosTablePerSecond: eosTableRate,
                               fullTablePerSecond: fullTableRate, eosTableBuildSeconds: table.buildSeconds)
    }
}
