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

    /// Runs `steps` steps, keeping those after `burnIn`; `logp` returns −∞ outside the prior. `progress` is told
    /// the steps done every 50 steps and at the end.
    public mutating func run(start: [[Double]], steps: Int, burnIn: Int, logp: ([Double]) -> Double,
                             progress: ((Int) -> Void)? = nil) -> Chains {
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
            if let progress, (step + 1) % 50 == 0 || step + 1 == steps { progress(step + 1) }
        }
        return Chains(samples: kept, acceptance: Double(accepted) / Double(max(proposed, 1)))
    }
}
