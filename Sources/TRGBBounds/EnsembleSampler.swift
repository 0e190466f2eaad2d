import Foundation

/// Affine-invariant ensemble MCMC with the stretch move (Goodman & Weare 2010, CAMCoS 5, 65, eq. 7;
/// as in emcee, Foreman-Mackey et al. 2013, PASP 125, 306, Algorithm 2):
///
///     Y = X_j + Z (X_k − X_j),  Z ~ g(z) ∝ 1/√z on [1/a, a],  accept with min(1, Z^{d−1} p(Y)/p(X_k))
///
/// Serial walker updates (each walker's partner drawn from the current ensemble). Deterministic for a seed.
public struct EnsembleSampler {
    public struct Chains: Sendable {
        /// [step][walker][parameter], after burn-in.
        public var samples: [[[Double]]]
        public var acceptance: Double
    }

    public var walkers: Int
    public var stretch = 2.0
    var rng: SplitMix64

    public init(walkers: Int, seed: UInt64) {
        self.walkers = walkers
        rng = SplitMix64(seed: seed)
    }

    /// Runs `steps` steps, keeping those after `burnIn`; `logp` returns −∞ outside the prior.
    public mutating func run(start: [[Double]], steps: Int, burnIn: Int, logp: ([Double]) -> Double) -> Chains {
        var x = start
        var lp = x.map(logp)
        let d = Double(x[0].count)
        var kept: [[[Double]]] = []
        kept.reserveCapacity(max(steps - burnIn, 0))
        var accepted = 0, proposed = 0
        for step in 0..<steps {
            for k in 0..<walkers {
                var j = Int(rng.unit() * Double(walkers - 1))
                if j >= k { j += 1 }
                let u = rng.unit()
                let z = pow((stretch - 1) * u + 1, 2) / stretch
                let y = zip(x[j], x[k]).map { $0 + z * ($1 - $0) }
                let ly = logp(y)
                proposed += 1
                if ly > -Double.infinity, log(rng.unit()) < (d - 1) * log(z) + ly - lp[k] {
                    x[k] = y
                    lp[k] = ly
                    accepted += 1
                }
            }
            if step >= burnIn { kept.append(x) }
        }
        return Chains(samples: kept, acceptance: Double(accepted) / Double(max(proposed, 1)))
    }
}

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

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, seedable generator.
public struct SplitMix64: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
