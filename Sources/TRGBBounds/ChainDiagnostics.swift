import Foundation

/// Convergence diagnostics of ensemble chains.
public enum ChainDiagnostics {
    /// Integrated autocorrelation time of the walker-averaged chain of one parameter, with Sokal's
    /// automatic window (M ≥ 5τ; emcee's `integrated_time`, Foreman-Mackey et al. 2013 §3).
    public static func autocorrelationTime(_ chains: EnsembleSampler.Chains, parameter p: Int) -> Double {
        let n = chains.samples.count
        guard n > 10 else { return .infinity }
        // Average the per-walker normalised autocorrelation functions, lag by lag, until the window closes.
        let walkers = chains.samples[0].count
        let maxLag = n / 2
        var centred: [[Double]] = []
        var c0: [Double] = []
        for w in 0..<walkers {
            let series = chains.samples.map { $0[w][p] }
            let mean = series.reduce(0, +) / Double(n)
            let c = series.map { $0 - mean }
            let v = c.reduce(0) { $0 + $1 * $1 } / Double(n)
            if v > 0 { centred.append(c); c0.append(v) }
        }
        guard !centred.isEmpty else { return 1 }
        var tau = 1.0
        for m in 1..<maxLag {
            var rho = 0.0
            for (c, v) in zip(centred, c0) {
                var s = 0.0
                for i in 0..<(n - m) { s += c[i] * c[i + m] }
                rho += s / Double(n) / v
            }
            tau += 2 * rho / Double(centred.count)
            if Double(m) >= 5 * tau { return tau }
        }
        return .infinity
    }

    /// Split-R̂ (Gelman & Rubin 1992; Gelman et al., BDA3 eq. 11.4) over groups of walkers, each group's
    /// kept steps split in halves.
    public static func potentialScaleReduction(_ chains: EnsembleSampler.Chains, parameter p: Int, groups: Int = 4) -> Double {
        let walkers = chains.samples[0].count
        let per = walkers / groups
        let half = chains.samples.count / 2
        guard per > 0, half > 1 else { return .infinity }
        var seqs: [[Double]] = []
        for g in 0..<groups {
            for h in 0..<2 {
                var s: [Double] = []
                for step in (h * half)..<((h + 1) * half) {
                    for w in (g * per)..<((g + 1) * per) { s.append(chains.samples[step][w][p]) }
                }
                seqs.append(s)
            }
        }
        let m = Double(seqs.count), n = Double(seqs[0].count)
        let means = seqs.map { $0.reduce(0, +) / n }
        let grand = means.reduce(0, +) / m
        let b = n / (m - 1) * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let w = zip(seqs, means).reduce(0) { acc, sm in acc + sm.0.reduce(0) { $0 + ($1 - sm.1) * ($1 - sm.1) } / (n - 1) } / m
        guard w > 0 else { return 1 }
        return (((n - 1) / n * w + b / n) / w).squareRoot()
    }
}
