import Foundation

extension EnvelopeEOSTable {
    /// Interpolation error of the table against the direct `EnvelopeEOS` at off-node points.
    public struct AccuracyReport: Sendable {
        /// rms and maximum of an error measure, and the worst point (log ρ, log T, X).
        public struct Statistic: Sendable {
            public var rms: Double, max: Double
            public var worst: (logRho: Double, logT: Double, hydrogen: Double)
        }
        /// Points compared, and points skipped because the table or the direct EOS refused them.
        public var points: Int, skipped: Int
        /// |Δ ln P| (= relative error of P).
        public var lnPressure: Statistic
        /// Relative errors |Δq/q| of ∇_ad, Γ₁, c_P, χ_ρ; absolute error |Δχ_T| of χ_T (χ_T → 0 in degenerate
        /// matter, where a relative error says nothing).
        public var gradAd: Statistic, gamma1: Statistic, cP: Statistic, chiRho: Statistic, chiT: Statistic
        /// Maxwell relation of the interpolated surfaces alone, in units of χ_T: |(∂S/∂ln ρ)_T ρT/P + χ_T|
        /// (from dF = −S dT + (P/ρ²) dρ: (∂S/∂ρ)_T = −(1/ρ²)(∂P/∂T)_ρ; Cox & Giuli 1968, ch. 9).
        public var maxwell: Statistic
        /// |∇_ad(table surface) / ∇_ad(from the interpolated ln P and S derivatives) − 1|.
        public var gradAdConsistency: Statistic
    }

    /// Compares the table with the direct EOS at `points` pseudo-random (seeded, reproducible) points,
    /// uniform in log R ∈ `logR`, log T ∈ `logT` and X ∈ `hydrogen` (default: the table's X range).
    public func accuracy(logR: ClosedRange<Double>, logT: ClosedRange<Double>, hydrogen: ClosedRange<Double>? = nil,
                         points: Int, seed: UInt64 = 1) -> AccuracyReport {
        let eos = EnvelopeEOS(includeRadiation: grid.includeRadiation)
        let xr = hydrogen ?? (grid.hydrogen[0]...grid.hydrogen[grid.hydrogen.count - 1])
        var rng = seed &+ 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {   // SplitMix64 (Steele, Lea & Flood 2014)
            rng &+= 0x9E37_79B9_7F4A_7C15
            var z = rng
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / 9_007_199_254_740_992
        }
        var sums = [Double](repeating: 0, count: 8), maxima = [Double](repeating: 0, count: 8)
        var worst = [(Double, Double, Double)](repeating: (0, 0, 0), count: 8)
        var n = 0, skipped = 0
        for _ in 0..<max(points, 1) {
            let lr = logR.lowerBound + (logR.upperBound - logR.lowerBound) * uniform()
            let lt = logT.lowerBound + (logT.upperBound - logT.lowerBound) * uniform()
            let x = xr.lowerBound + (xr.upperBound - xr.lowerBound) * uniform()
            let lrho = lr + 3 * lt - 18
            guard let tab = try? state(lnDensity: lrho * Self.ln10, lnTemperature: lt * Self.ln10, hydrogen: x),
                  let c = try? EnvelopeEOSComposition(hydrogen: x, metals: grid.metals),
                  let d = try? eos.state(density: Foundation.pow(10, lrho), temperature: Foundation.pow(10, lt),
                                         composition: c) else {
                skipped += 1
                continue
            }
            n += 1
            let rho = Foundation.pow(10, lrho), t = Foundation.pow(10, lt)
            let errors = [abs(tab.lnPressure.value - d.lnPressure.value), abs(tab.gradAd.value / d.gradAd - 1),
                          abs(tab.gamma1 / d.gamma1 - 1), abs(tab.cP / d.cP - 1), abs(tab.chiRho / d.chiRho - 1),
                          abs(tab.chiT - d.chiT),
                          abs(tab.entropy.dLnRho * rho * t / tab.pressure + tab.chiT),
                          abs(tab.gradAd.value / tab.gradAdFromDerivatives - 1)]
            for (q, e) in errors.enumerated() {
                sums[q] += e * e
                if !(e <= maxima[q]) {
                    maxima[q] = e
                    worst[q] = (lrho, lt, x)
                }
            }
        }
        func stat(_ q: Int) -> AccuracyReport.Statistic {
            .init(rms: (sums[q] / Double(max(n, 1))).squareRoot(), max: maxima[q],
                  worst: (worst[q].0, worst[q].1, worst[q].2))
        }
        return AccuracyReport(points: n, skipped: skipped, lnPressure: stat(0), gradAd: stat(1), gamma1: stat(2),
                              cP: stat(3), chiRho: stat(4), chiT: stat(5), maxwell: stat(6),
                              gradAdConsistency: stat(7))
    }
}
