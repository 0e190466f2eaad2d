import Foundation
import GSL

/// The Bayesian mode: the posterior of a coupling's x (μ₁₂, q₁₄ or g₁₃: the analysis's `Coupling`) marginalised over
/// the stellar parameters θ = (x, log Z, Y, M, ΔY_FDU), on the physical model itself. Below, μ₁₂ stands for x.
///
/// The flash tracks are computed on a grid of stars (log Z × Y × M × ΔY_FDU) at the μ₁₂ nodes, and
/// log L_tip is interpolated: multilinear across stars, Steffen in μ₁₂² along each star (tabulated on
/// 257 points). The interpolation error is measured against tracks at random off-grid points. The
/// input physics not sampled (conduction, 3α, screening, ν rates, BC, tip colour, core edge) enters as
/// the theory error τ_rest(μ₁₂) of the systematics budget, added in quadrature to the observed error:
///
///     ln p(θ | m) = −(m − M_I(θ))² / (2(σ² + τ_rest²)) − ½ ln(σ² + τ_rest²) + ln π(θ)
///
/// Sampled with the stretch-move ensemble sampler; checked by R̂, the autocorrelation time, and a
/// direct quadrature of the marginal μ₁₂ posterior (an independent method). Docs/bounds.md §7.
public final class PosteriorAnalysis {
    public struct Settings: Sendable {
        public var walkers = 32
        public var steps = 4000
        public var burnIn = 1000
        public var seed: UInt64 = 20_231_029
        public var zNodes = 5, heliumNodes = 3, massNodes = 2, dredgeUpNodes = 2
        public var checkTracks = 6
        public init() {}
    }

    public struct Summary: Sendable {
        public var name: String
        public var median: Double, lower68: Double, upper68: Double
    }

    public struct Result: Sendable {
        public var calibration: Calibration
        public var priors: PosteriorPriors
        public var cl: Double
        public var coupling: Coupling
        /// The `cl` quantile of x from the MCMC samples, and from the quadrature of its marginal posterior.
        public var limit: Double
        public var limitQuadrature: Double
        public var summaries: [Summary]
        public var autocorrelation: [Double], rHat: [Double], effectiveSamples: [Double]
        public var acceptance: Double
        public var steps: Int, burnIn: Int, walkers: Int
        public var converged: Bool
        public var interpolationMaxError: Double, interpolationRMSError: Double, checkTracks: Int
        public var theoryErrorRest0: Double, theoryErrorRestRef: Double
        public var gridStars: Int, tracksComputed: Int, trackSeconds: Double
        /// Tracks read from the track store instead of computed.
        public var tracksFromStore = 0
        /// With `--grid`: its name and held-back interpolation error (mag, in τ).
        public var gridName: String? = nil
        public var gridInterpolationError: Double? = nil
        /// Thinned samples (x, log₁₀ Z, Y, M, ΔY_FDU) for the corner plot.
        public var samples: [[Double]]
        /// The sampled parameters' names: the coupling's key (`mu12`, `q14`, `g13`), then the star's.
        public static func names(_ coupling: Coupling) -> [String] {
            [coupling.key, "log10_z", "helium_y", "mass_msun", "dredge_up_helium"]
        }
        public var names: [String] { Self.names(coupling) }
    }

    public let analysis: BoundAnalysis
    /// Progress notes for a terminal.
    public let note: (@Sendable (String) -> Void)?
    /// The MCMC's own progress: (steps done, steps of this attempt), every 50 steps.
    public let mcmcProgress: (@Sendable (Int, Int) -> Void)?

    public init(analysis: BoundAnalysis, note: (@Sendable (String) -> Void)? = nil,
                mcmcProgress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.analysis = analysis
        self.note = note
        self.mcmcProgress = mcmcProgress
    }

    static func nodes(_ r: ClosedRange<Double>, _ n: Int, log: Bool = false) -> [Double] {
        if r.lowerBound == r.upperBound || n < 2 { return [r.lowerBound] }
        return (0..<n).map { i in
            let f = Double(i) / Double(n - 1)
            return log ? exp(Foundation.log(r.lowerBound) + f * (Foundation.log(r.upperBound) - Foundation.log(r.lowerBound)))
                       : r.lowerBound + f * (r.upperBound - r.lowerBound)
        }
    }

    /// Multilinear weights on one sorted axis: the lower node's index and the weight of the upper one, clamped to
    /// [0, 1] (an axis of one node gives (0, 0)). Shared with `TrackGrids.GridInterpolator`.
    public static func locate(_ axis: [Double], _ x: Double) -> (Int, Double) {
        if axis.count == 1 { return (0, 0) }
        var i = 0
        while i < axis.count - 2 && x > axis[i + 1] { i += 1 }
        return (i, min(max((x - axis[i]) / (axis[i + 1] - axis[i]), 0), 1))
    }

    public func run(_ c: Calibration, priors: PosteriorPriors, cl: Double, settings: Settings = Settings()) throws -> Result {
        try UpperLimits.checkCL(cl)
        let model = analysis.model
        let coupling = analysis.coupling
        try priors.check(model: model, alphaFe: c.alphaFe, coupling: coupling)
        guard settings.walkers >= 10, settings.walkers % 2 == 0, settings.steps > settings.burnIn, settings.burnIn >= 0 else {
            throw TRGBError.invalidParameter(name: "walkers", value: Double(settings.walkers), allowed: "an even number ≥ 10, with steps > burn-in")
        }
        // The grid of stars.
        let zAxis = Self.nodes(priors.metallicity, settings.zNodes, log: true).map { log10($0) }
        let yAxis = Self.nodes(priors.helium, settings.heliumNodes)
        let mAxis = Self.nodes(priors.mass, settings.massNodes)
        let fAxis = Self.nodes(priors.dredgeUp, settings.dredgeUpNodes)
        var muNodes = model.grid(coupling).filter { $0 < priors.x.upperBound - 1e-9 }
        muNodes.append(priors.x.upperBound)
        var specs: [TrackSpec] = []
        var stars: [TrackSpec] = []
        for z in zAxis { for y in yAxis { for m in mAxis { for f in fAxis {
            var s = TrackSpec(mass: m, helium: y, metallicity: pow(10, z))
            s.dredgeUpHelium = f
            stars.append(s)
            specs += muNodes.map { s.with(coupling, $0) }
        } } } }
        // Off-grid check points (seeded), computed in the same batch.
        var rng = SplitMix64(seed: settings.seed ^ 0xC0FFEE)
        func draw(_ r: ClosedRange<Double>) -> Double { r.lowerBound + rng.unit() * (r.upperBound - r.lowerBound) }
        var checks: [TrackSpec] = []
        for _ in 0..<settings.checkTracks {
            var s = TrackSpec(mass: draw(priors.mass), helium: draw(priors.helium), metallicity: pow(10, draw(zAxis.first!...zAxis.last!)))
            s.dredgeUpHelium = draw(priors.dredgeUp)
            checks.append(s.with(coupling, draw(priors.x)))
        }
        note?("track grid: \(stars.count) stars × \(muNodes.count) \(coupling.symbol) nodes + \(checks.count) off-grid checks")
        if let grid = analysis.trackGrid {
            note?("track grid '\(grid.name)': the stars and the checks are interpolated from it (held-back error \(String(format: "%.4f", grid.heldBackError)) mag, added to τ)")
            try analysis.runner.remember(specs + checks, from: grid)
        }
        _ = try analysis.runner.run(specs + checks)
        // The theory error of the inputs that are not sampled, from the budget at the population's standard star.
        note?("systematics budget at the standard star (for the physics not sampled)…")
        let standard = try analysis.run([c], cl: cl).results[0]
        let sampled: Set<Variation.Category> = [.metallicity, .helium, .mass, .mixing]
        let rest0 = standard.categoryErrors.filter { !sampled.contains($0.0) }.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        let restRef = standard.categoryErrorsRef.filter { !sampled.contains($0.0) }.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        let muRef = model.systematics.reference(coupling)
        // A track grid's held-back interpolation error joins τ_rest in quadrature.
        let gridError = analysis.trackGrid?.heldBackError ?? 0
        func tauRest(_ mu: Double) -> Double {
            let w = BoundAnalysis.referenceWeight(mu, muRef)
            let rest = (1 - w) * rest0 + w * restRef
            return (rest * rest + gridError * gridError).squareRoot()
        }
        let known = analysis.runner.known
        // Per star: log L on a uniform grid in u = μ₁₂².
        let nu = 257
        let uMax = priors.x.upperBound * priors.x.upperBound
        let uGrid = (0..<nu).map { uMax * Double($0) / Double(nu - 1) }
        var table: [[Double]] = []
        for s in stars {
            let curve = TipCurve(mu12: muNodes, values: muNodes.map { known[s.with(coupling, $0)]!.logTipLuminosity })
            table.append(try curve.sample(uGrid.map { $0.squareRoot() }))
        }
        let (ny, nm, nf) = (yAxis.count, mAxis.count, fAxis.count)
        func logL(_ mu: Double, _ logZ: Double, _ y: Double, _ m: Double, _ f: Double) -> Double {
            let (iz, wz) = Self.locate(zAxis, logZ), (iy, wy) = Self.locate(yAxis, y)
            let (im, wm) = Self.locate(mAxis, m), (jf, wf) = Self.locate(fAxis, f)
            let uu = min(max(mu * mu / uMax, 0), 1) * Double(nu - 1)
            let ku = min(Int(uu), nu - 2), wu = uu - Double(ku)
            var v = 0.0
            for a in 0...(zAxis.count > 1 ? 1 : 0) { for b in 0...(ny > 1 ? 1 : 0) { for cc in 0...(nm > 1 ? 1 : 0) { for d in 0...(nf > 1 ? 1 : 0) {
                let w = (a == 0 ? 1 - wz : wz) * (b == 0 ? 1 - wy : wy) * (cc == 0 ? 1 - wm : wm) * (d == 0 ? 1 - wf : wf)
                if w == 0 { continue }
                let row = table[(((iz + a) * ny + (iy + b)) * nm + (im + cc)) * nf + (jf + d)]
                v += w * ((1 - wu) * row[ku] + wu * row[ku + 1])
            } } } }
            return v
        }
        let zScale = model.zSun.value * (model.alphaScaling.a * pow(10, c.alphaFe) + model.alphaScaling.b)
        let table0 = analysis.tables[model.bolometricCorrections]!
        let photometry = TipPhotometry(table: table0)
        func magnitude(_ logLum: Double, _ logZ: Double, _ m: Double) throws -> Double {
            let feh = logZ - log10(zScale)
            let colour = try c.tipColourVI ?? model.tipColour(feh: feh)
            return try photometry.tip(logL: logLum, mass: m, feh: feh, colourVI: colour).mI
        }
        // Interpolation error at the check points.
        var errs: [Double] = []
        for s in checks {
            let lz = log10(s.metallicity)
            let truth = try magnitude(known[s]!.logTipLuminosity, lz, s.mass)
            let interp = try magnitude(logL(s.value(of: coupling), lz, s.helium, s.mass, s.dredgeUpHelium), lz, s.mass)
            errs.append(interp - truth)
        }
        let maxErr = errs.map(abs).max() ?? 0
        let rmsErr = errs.isEmpty ? 0 : (errs.reduce(0) { $0 + $1 * $1 } / Double(errs.count)).squareRoot()
        // The log posterior in θ = (μ, log Z, Y, M, ΔY).
        let sigma2 = c.observedError * c.observedError
        let lzRange = zAxis.first!...zAxis.last!
        let zFlat = priors.zFlat
        let logp: ([Double]) -> Double = { t in
            guard priors.x.contains(t[0]), lzRange.contains(t[1]), priors.helium.contains(t[2]),
                  priors.mass.contains(t[3]), priors.dredgeUp.contains(t[4]) else { return -.infinity }
            guard let mi = try? magnitude(logL(t[0], t[1], t[2], t[3], t[4]), t[1], t[3]) else { return -.infinity }
            let tau = tauRest(t[0])
            let v = sigma2 + tau * tau
            // Flat in Z: the density in log Z carries the Jacobian Z ln 10.
            return -0.5 * (c.mI - mi) * (c.mI - mi) / v - 0.5 * log(v) + (zFlat ? t[1] * log(10) : 0)
        }
        // MCMC, lengthened until converged (R̂ < 1.01 and ≥ 50 autocorrelation times), at most 4×.
        var steps = settings.steps, burn = settings.burnIn
        var chains: EnsembleSampler.Chains
        var taus: [Double] = [], rhats: [Double] = []
        var converged = false
        var attempt = 0
        repeat {
            var sampler = EnsembleSampler(walkers: settings.walkers, seed: settings.seed &+ UInt64(attempt))
            var start: [[Double]] = []
            var startRng = SplitMix64(seed: settings.seed &* 31 &+ UInt64(attempt))
            while start.count < settings.walkers {
                func u(_ r: ClosedRange<Double>) -> Double { r.lowerBound + startRng.unit() * (r.upperBound - r.lowerBound) }
                let t = [u(priors.x), u(lzRange), u(priors.helium), u(priors.mass), u(priors.dredgeUp)]
                if logp(t) > -.infinity { start.append(t) }
            }
            note?("MCMC: \(settings.walkers) walkers × \(steps) steps…")
            let attemptSteps = steps
            chains = sampler.run(start: start, steps: steps, burnIn: burn, logp: logp,
                                 progress: mcmcProgress.map { report in { done in report(done, attemptSteps) } })
            taus = (0..<5).map { ChainDiagnostics.autocorrelationTime(chains, parameter: $0) }
            rhats = (0..<5).map { ChainDiagnostics.potentialScaleReduction(chains, parameter: $0) }
            let kept = Double(chains.samples.count)
            converged = rhats.allSatisfy { $0 < 1.01 } && taus.allSatisfy { $0.isFinite && kept >= 50 * $0 }
            attempt += 1
            steps *= 2
            burn *= 2
        } while !converged && attempt < 3
        let kept = chains.samples.count
        let ess = taus.map { Double(kept * settings.walkers) / $0 }
        let flat = chains.samples.flatMap { $0 }
        func quantile(_ p: Int, _ q: Double) -> Double {
            let v = flat.map { $0[p] }.sorted()
            let x = q * Double(v.count - 1)
            let i = Int(x), f = x - Double(i)
            return i + 1 < v.count ? (1 - f) * v[i] + f * v[i + 1] : v[i]
        }
        let names = Result.names(coupling)
        let summaries = names.indices.map { p in
            Summary(name: names[p], median: quantile(p, 0.5), lower68: quantile(p, 0.16), upper68: quantile(p, 0.84))
        }
        let limit = quantile(0, cl)
        // Independent check: direct quadrature of the marginal μ₁₂ posterior (trapezoid on a grid).
        let qMu = Self.nodes(priors.x, 161), qZ = Self.nodes(lzRange, 9), qY = Self.nodes(priors.helium, 5)
        let qM = Self.nodes(priors.mass, 3), qF = Self.nodes(priors.dredgeUp, 3)
        func trapezoidWeights(_ n: Int) -> [Double] { n == 1 ? [1] : (0..<n).map { $0 == 0 || $0 == n - 1 ? 0.5 : 1 } }
        let (wZ, wY, wM, wF) = (trapezoidWeights(qZ.count), trapezoidWeights(qY.count), trapezoidWeights(qM.count), trapezoidWeights(qF.count))
        var marginal = [Double](repeating: 0, count: qMu.count)
        var peak = -Double.infinity
        var logs = [[Double]](repeating: [], count: qMu.count)
        for (i, mu) in qMu.enumerated() {
            for (a, z) in qZ.enumerated() { for (b, y) in qY.enumerated() { for (d, m) in qM.enumerated() { for (e, f) in qF.enumerated() {
                let lp = logp([mu, z, y, m, f])
                logs[i].append(lp + log(wZ[a] * wY[b] * wM[d] * wF[e]))
                peak = max(peak, lp)
            } } } }
        }
        for i in qMu.indices { marginal[i] = logs[i].reduce(0) { $0 + exp($1 - peak) } }
        let quad = UpperLimits.quantile(grid: qMu, density: marginal, level: cl)
        // Thinned samples for the corner plot.
        let stride = max(1, flat.count / 6000)
        let thinned = Swift.stride(from: 0, to: flat.count, by: stride).map { flat[$0] }
        return Result(calibration: c, priors: priors, cl: cl, coupling: coupling, limit: limit, limitQuadrature: quad, summaries: summaries,
                      autocorrelation: taus, rHat: rhats, effectiveSamples: ess, acceptance: chains.acceptance,
                      steps: steps / 2, burnIn: burn / 2, walkers: settings.walkers, converged: converged,
                      interpolationMaxError: maxErr, interpolationRMSError: rmsErr, checkTracks: checks.count,
                      theoryErrorRest0: rest0, theoryErrorRestRef: restRef, gridStars: stars.count,
                      tracksComputed: analysis.runner.computed, trackSeconds: analysis.runner.trackSeconds,
                      tracksFromStore: analysis.runner.fromStore, gridName: analysis.trackGrid?.name,
                      gridInterpolationError: analysis.trackGrid?.heldBackError, samples: thinned)
    }
}
