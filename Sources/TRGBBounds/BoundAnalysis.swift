import Foundation
import RedGiantCore

/// Limits on μ₁₂ (or q₁₄, see `Coupling`) from a set of TRGB calibrations: tip curves from flash tracks, the systematics budget,
/// and Bayesian, Δχ² and Feldman–Cousins upper limits per calibration and combined.
///
/// For calibration i with observed m_i ± σ_i (stat ⊕ sys) and prediction t_i(μ) ± τ_i(μ):
///
///     −2 ln L_i(μ) = (m_i − t_i(μ))² / (σ_i² + τ_i(μ)²) + ln(σ_i² + τ_i(μ)²)
///
/// Combined: −2 ln L = rᵀ C⁻¹ r + ln det C, C = diag(σ_i²) + τ τᵀ (theory errors fully correlated,
/// since the same physics predicts every tip), inverted by Sherman–Morrison. Docs/bounds.md §4.
public final class BoundAnalysis {
    public struct Limits: Sendable, Equatable {
        public var bayesian: Double, deltaChiSquared: Double, feldmanCousins: Double
    }

    public struct BudgetRow: Sendable, Equatable {
        public var name: String
        public var category: Variation.Category
        /// ΔM_I (mag, varied − standard) at μ₁₂ = 0 and at the reference μ₁₂.
        public var deltaMI0: Double, deltaMIRef: Double
        /// Change of the Bayesian limit on μ₁₂ when this variation replaces the standard input
        /// (nil when the varied likelihood has not fallen off within the μ₁₂ grid).
        public var limitShift: Double?
    }

    /// Everything computed for one calibration.
    public struct CalibrationResult: Sendable {
        public var calibration: Calibration
        public var spec: TrackSpec
        public var photometry: PhotometryInputs
        public var standard: TipPhotometry.Result
        public var coreMassStandard: Double, logLStandard: Double
        public var curve: TipCurve
        /// τ(μ) at μ = 0 and at the reference μ₁₂ (mag).
        public var theoryError0: Double, theoryErrorRef: Double
        public var budget: [BudgetRow]
        /// Quadrature σ per category at μ = 0 (mag).
        public var categoryErrors: [(Variation.Category, Double)]
        /// The same at the reference μ₁₂.
        public var categoryErrorsRef: [(Variation.Category, Double)]
        public var limits: Limits
        /// M_I and τ on the analysis grid (for plots and the combined limit).
        public var gridMI: [Double], gridTau: [Double]
        /// The standard track's surface at the tip (whole-star engine; nil for the core engine, whose T_eff is the
        /// tip colour's).
        public var surface: TipSurface? = nil
        /// The tip colour the core engine would assume, (V−I)₀ (mag): the calibration's observed colour, else the
        /// empirical relation's at [Fe/H] (nil outside its range). For a whole star, the cross-check of the model's.
        public var relationColourVI: Double? = nil
        /// The standard track's age at the tip (yr; the whole star's age since the ZAMS, the core engine's since its
        /// starting core).
        public var ageStandard = 0.0
    }

    public struct Report: Sendable {
        public var cl: Double
        public var muGrid: [Double]
        public var results: [CalibrationResult]
        public var combined: Limits?
        /// The channel bounded; `muGrid`, the limits and `referenceMu12` are in its x (μ₁₂ or q₁₄).
        public var coupling: Coupling
        public var referenceMu12: Double
        public var tracksComputed: Int, trackSeconds: Double
        /// Tracks read from the track store instead of computed.
        public var tracksFromStore = 0
        /// With a track grid: its name and held-back interpolation error (mag, in τ).
        public var gridName: String? = nil
        public var gridInterpolationError: Double? = nil
        /// The engine that computed the tracks.
        public var engine: TrackEngine = .core
    }

    /// How an analysis is configured (fixed at `init`, checked there, before any track runs).
    public struct Options: Sendable, Equatable {
        /// Include the systematics budget (false: τ = 0 beyond `extraTheoryError`).
        public var withBudget: Bool
        /// The channel bounded: the magnetic moment (x = μ₁₂) or the millicharge (x = q₁₄).
        public var coupling: Coupling
        /// Added in quadrature to τ (mag), in [0, 1): e.g. a BC uncertainty between table authors.
        public var extraTheoryError: Double

        public init(withBudget: Bool = true, coupling: Coupling = .magneticMoment, extraTheoryError: Double = 0) {
            self.withBudget = withBudget
            self.coupling = coupling
            self.extraTheoryError = extraTheoryError
        }
    }

    public let model: TipModelInputs
    public let tables: [String: BolometricCorrectionTable]
    public let runner: TrackRunner
    public let options: Options
    /// A finished grid that answers the nominal tracks (`bound --grid`, `posterior --grid`); nil: every track is run.
    public let trackGrid: (any TrackInterpolating)?
    /// Progress notes for a terminal.
    public let note: (@Sendable (String) -> Void)?

    public var withBudget: Bool { options.withBudget }
    public var coupling: Coupling { options.coupling }
    public var extraTheoryError: Double { options.extraTheoryError }

    public init(model: TipModelInputs, tables: [String: BolometricCorrectionTable], runner: TrackRunner,
                options: Options = Options(), trackGrid: (any TrackInterpolating)? = nil,
                note: (@Sendable (String) -> Void)? = nil) throws {
        guard tables[model.bolometricCorrections] != nil else {
            throw TRGBError.computation("bolometric-correction table '\(model.bolometricCorrections)' not loaded")
        }
        guard options.extraTheoryError.isFinite, options.extraTheoryError >= 0, options.extraTheoryError < 1 else {
            throw TRGBError.invalidParameter(name: "theory-error", value: options.extraTheoryError, allowed: "[0, 1) mag")
        }
        if trackGrid != nil && runner.wholeStar != nil {
            throw TRGBError.invalidParameter(name: "grid", value: 1, allowed: "none with the whole-star engine (track grids hold core-engine tracks)")
        }
        self.model = model
        self.tables = tables
        self.runner = runner
        self.options = options
        self.trackGrid = trackGrid
        self.note = note
    }

    /// The same data and runner (and so the tracks already computed) with other options.
    public func with(_ options: Options) throws -> BoundAnalysis {
        try BoundAnalysis(model: model, tables: tables, runner: runner, options: options, trackGrid: trackGrid, note: note)
    }

    /// The standard model star of a calibration's population (for the whole star with the solar-calibrated α_MLT and
    /// the standard Reimers η, written into the spec so that they are part of its identity).
    public func spec(for c: Calibration) -> TrackSpec {
        var s = TrackSpec(mass: model.mass.value, helium: model.helium.value,
                          metallicity: model.metallicity(feh: c.feh, alphaFe: c.alphaFe))
        if let w = runner.wholeStar {
            s.mixingLength = w.sun.mixingLength
            s.reimersEta = model.wholeStar.reimersEta.value
        }
        return s
    }

    /// The engine of the runner.
    public var engine: TrackEngine { runner.engine }

    /// The nodes of the tip curve (the engine's).
    public var nodes: [Double] { model.grid(coupling, engine: engine) }

    func photometryInputs(for c: Calibration) -> PhotometryInputs {
        PhotometryInputs(mass: model.mass.value, feh: c.feh, colourVI: c.tipColourVI, table: model.bolometricCorrections)
    }

    /// The tip of a track in the I band: from the model's T_eff and log g when the track has a surface (whole star),
    /// else from its L and the tip colour (core engine).
    func tip(_ o: TrackOutcome, _ p: PhotometryInputs) throws -> TipPhotometry.Result {
        guard let s = o.surface else { return try tip(logL: o.logTipLuminosity, p) }
        return try photometry(p).tip(logL: o.logTipLuminosity, teff: s.effectiveTemperature, logg: s.logGravity, feh: p.feh)
    }

    /// The photometry with a population's BC table.
    func photometry(_ p: PhotometryInputs) throws -> TipPhotometry {
        guard let table = tables[p.table] else { throw TRGBError.computation("bolometric-correction table '\(p.table)' not loaded") }
        return TipPhotometry(table: table)
    }

    /// Checks that a population's photometry lies inside the tables before any track runs: a typical tip (log L =
    /// 3.3; for the whole star T_eff = 4000 K, log g = 0.5, a metal-poor tip).
    func checkPhotometry(_ p: PhotometryInputs) throws {
        if engine == .wholeStar {
            _ = try photometry(p).tip(logL: 3.3, teff: 4000, logg: 0.5, feh: p.feh)
        } else {
            _ = try tip(logL: 3.3, p)
        }
    }

    /// The colour the core engine assumes for a population (observed, else the relation's; nil outside its range).
    func relationColour(_ p: PhotometryInputs) -> Double? {
        p.colourVI ?? (try? model.tipColour(feh: p.feh))
    }

    func tip(logL: Double, _ p: PhotometryInputs) throws -> TipPhotometry.Result {
        let colour = try (p.colourVI ?? model.tipColour(feh: p.feh)) + p.colourOffset
        return try photometry(p).tip(logL: logL, mass: p.mass, feh: p.feh, colourVI: colour)
    }

    /// The analysis grid in x (μ₁₂ or q₁₄).
    public var muGrid: [Double] {
        let n = 1601
        let top = nodes.last!
        return (0..<n).map { top * Double($0) / Double(n - 1) }
    }

    public func run(_ calibrations: [Calibration], cl: Double) throws -> Report {
        try UpperLimits.checkCL(cl)
        let muRef = model.systematics.reference(coupling)
        let nodes = self.nodes
        let coupling = self.coupling
        // Each track variation is run at x = 0 and at the reference x, its ΔM_I linear in x² between them (the whole
        // star's ΔM_I changes by up to 0.025 mag between μ₁₂ = 0 and 4: not independent of x, Docs/bounds.md §11),
        // except those that say otherwise (`Variation.atReference`: the whole star's wind), carried from x = 0.
        // Every track of every calibration in one parallel batch.
        var specs: [TrackSpec] = []
        var variationsPer: [[Variation]] = []
        for c in calibrations {
            let base = spec(for: c)
            specs += nodes.map { base.with(coupling, $0) }
            let vs = withBudget ? SystematicsBudget.variations(model: model, fehError: c.fehError, wholeStar: runner.wholeStar) : []
            variationsPer.append(vs)
            // Every photometric input inside its tables before any track is run (a typical tip, log L = 3.3).
            for p in [photometryInputs(for: c)] + vs.map({ $0.photometry(photometryInputs(for: c)) }) {
                do { try checkPhotometry(p) } catch let e as TRGBError {
                    throw TRGBError.invalidData(file: Calibration.relativePath, entry: c.name, field: "feh ± feh_error / tip colour",
                                                reason: "the population's photometry is outside the model's tables: \(e)")
                }
            }
            for v in vs {
                if let t = v.track { specs += v.atReference ? [t(base), t(base.with(coupling, muRef))] : [t(base)] }
            }
            specs.append(base.with(coupling, muRef))
        }
        let grid = muGrid
        // With a track grid, the nominal tracks (every μ node and μ_ref of each calibration's star) are interpolated
        // from it, and its held-back interpolation error joins τ in quadrature.
        let gridError = trackGrid?.heldBackError ?? 0
        if let trackGrid {
            try runner.remember(calibrations.flatMap { c in (nodes + [muRef]).map { spec(for: c).with(coupling, $0) } }, from: trackGrid)
        }
        // An extra theory error too large for the grid (the limit beyond its last node) is found on the nominal tip
        // curves alone, since the budget only adds to τ: checked on those tracks first, a value too large fails in
        // seconds instead of after the whole budget, with the largest usable value.
        if extraTheoryError > 0 || gridError > 0 {
            _ = try runner.run(calibrations.flatMap { c in nodes.map { spec(for: c).with(coupling, $0) } })
            for c in calibrations {
                let gridMI = try nominalCurve(c, nodes: nodes).curve.sample(grid)
                try checkTheoryError(c, gridMI: gridMI, grid: grid, cl: cl) { extra in grid.map { _ in (extra * extra + gridError * gridError).squareRoot() } }
            }
        }
        note?("tracks: \(Set(specs).subtracting(runner.known.keys).count) to run or read from the track store, on \(runner.threads) threads")
        _ = try runner.run(specs)
        // With a track grid and the budget, each varied track is compared with the standard track computed (not
        // interpolated), so that the grid's interpolation residual does not enter every budget category.
        var computedBase: [TrackSpec: TrackOutcome] = [:]
        var referenceRunner: TrackRunner?
        if trackGrid != nil && withBudget {
            let r = runner.sibling()
            let bases = calibrations.flatMap { c in [spec(for: c), spec(for: c).with(coupling, muRef)] }
            computedBase = Dictionary(zip(bases, try r.run(bases)), uniquingKeysWith: { a, _ in a })
            referenceRunner = r
        }
        let known = runner.known
        var results: [CalibrationResult] = []
        for (c, variations) in zip(calibrations, variationsPer) {
            let base = spec(for: c)
            let p0 = photometryInputs(for: c)
            let (outcomes, curve) = try nominalCurve(c, nodes: nodes)
            let gridMI = try curve.sample(grid)
            let standard = try tip(outcomes[0], p0)
            let outcomeRef = known[base.with(coupling, muRef)]!
            let mIRef = try tip(outcomeRef, p0).mI
            // ΔM_I of each variation at μ = 0 and μ_ref; a varied track against the computed standard track.
            let trackM0 = try computedBase[base].map { try tip($0, p0).mI } ?? standard.mI
            let trackMRef = try computedBase[base.with(coupling, muRef)].map { try tip($0, p0).mI } ?? mIRef
            var deltas: [(Variation, Double, Double)] = []
            for v in variations {
                let p = v.photometry(p0)
                if let t = v.track {
                    let d0 = try tip(known[t(base)]!, p).mI - trackM0
                    deltas.append((v, d0, v.atReference ? try tip(known[t(base.with(coupling, muRef))]!, p).mI - trackMRef : d0))
                } else {
                    deltas.append((v, try tip(outcomes[0], p).mI - standard.mI, try tip(outcomeRef, p).mI - mIRef))
                }
            }
            // σ per category: the largest |Δ| among its variations, at each μ (linear in μ², held beyond μ_ref).
            func categorySigmas(at mu: Double) -> [(Variation.Category, Double)] {
                let w = Self.referenceWeight(mu, muRef)
                return Variation.Category.allCases.compactMap { cat in
                    let ds = deltas.filter { $0.0.category == cat }.map { abs((1 - w) * $0.1 + w * $0.2) }
                    return ds.isEmpty ? nil : (cat, ds.max()!)
                }
            }
            func tauGrid(extra: Double) -> [Double] {
                grid.map { mu in (categorySigmas(at: mu).reduce(extra * extra + gridError * gridError) { $0 + $1.1 * $1.1 }).squareRoot() }
            }
            let gridTau = tauGrid(extra: extraTheoryError)
            if extraTheoryError > 0 || gridError > 0 { try checkTheoryError(c, gridMI: gridMI, grid: grid, cl: cl, tau: tauGrid) }
            let limits = try Self.limits(observed: [c.mI], sigma: [c.observedError], mI: [gridMI], tau: [gridTau], grid: grid, cl: cl,
                                         symbol: coupling.symbol)
            var budget: [BudgetRow] = []
            for (v, d0, dr) in deltas {
                let shifted = zip(grid, gridMI).map { mu, m in
                    let w = Self.referenceWeight(mu, muRef)
                    return m + (1 - w) * d0 + w * dr
                }
                let l = Self.bayesianLimit(c, mI: shifted, tau: gridTau, grid: grid, cl: cl)
                budget.append(BudgetRow(name: v.name, category: v.category, deltaMI0: d0, deltaMIRef: dr, limitShift: l.map { $0 - limits.bayesian }))
            }
            let tauRef = gridTau[grid.firstIndex(where: { $0 >= muRef }) ?? grid.count - 1]
            results.append(CalibrationResult(
                calibration: c, spec: base, photometry: p0, standard: standard,
                coreMassStandard: known[base]!.coreMass, logLStandard: outcomes[0].logTipLuminosity, curve: curve,
                theoryError0: gridTau[0], theoryErrorRef: tauRef, budget: budget,
                categoryErrors: categorySigmas(at: 0), categoryErrorsRef: categorySigmas(at: muRef), limits: limits, gridMI: gridMI, gridTau: gridTau,
                surface: outcomes[0].surface, relationColourVI: relationColour(p0), ageStandard: outcomes[0].age))
        }
        var combined: Limits?
        if results.count > 1 {
            combined = try Self.limits(observed: results.map(\.calibration.mI), sigma: results.map(\.calibration.observedError),
                                       mI: results.map(\.gridMI), tau: results.map(\.gridTau), grid: grid, cl: cl, symbol: coupling.symbol)
        }
        return Report(cl: cl, muGrid: grid, results: results, combined: combined, coupling: coupling, referenceMu12: muRef,
                      tracksComputed: runner.computed + (referenceRunner?.computed ?? 0),
                      trackSeconds: runner.trackSeconds + (referenceRunner?.trackSeconds ?? 0),
                      tracksFromStore: runner.fromStore + (referenceRunner?.fromStore ?? 0),
                      gridName: trackGrid?.name, gridInterpolationError: trackGrid?.heldBackError, engine: engine)
    }

    /// The nominal tracks at the μ nodes (computed already, in `runner.known`) and M_I(μ) through them.
    func nominalCurve(_ c: Calibration, nodes: [Double]) throws -> (outcomes: [TrackOutcome], curve: TipCurve) {
        let base = spec(for: c), p0 = photometryInputs(for: c)
        let outcomes = nodes.map { runner.known[base.with(coupling, $0)]! }
        return (outcomes, TipCurve(mu12: nodes, values: try outcomes.map { try tip($0, p0).mI }))
    }

    /// Refuses an extra theory error for which `c`'s limit lies beyond the grid (the likelihood has not fallen off by its
    /// last node), naming the largest usable value (bisection to 0.005 mag; τ grows with the extra error, so the usable
    /// values form an interval from 0).
    func checkTheoryError(_ c: Calibration, gridMI: [Double], grid: [Double], cl: Double, tau: (Double) -> [Double]) throws {
        func bounded(_ extra: Double) -> Bool {
            (try? Self.limits(observed: [c.mI], sigma: [c.observedError], mI: [gridMI], tau: [tau(extra)], grid: grid, cl: cl,
                              symbol: coupling.symbol)) != nil
        }
        guard !bounded(extraTheoryError) else { return }
        guard bounded(0) else { return }   // not the theory error's doing: the limit's own error says why
        var lo = 0.0, hi = extraTheoryError
        while hi - lo > 0.005 {
            let mid = (lo + hi) / 2
            if bounded(mid) { lo = mid } else { hi = mid }
        }
        throw TRGBError.invalidParameter(
            name: "theory-error", value: extraTheoryError,
            allowed: String(format: "[0, %.2f] mag for calibration %@: beyond, the limit lies past the last node of the %@ grid (%g)",
                            lo, c.name, coupling.symbol, grid.last!))
    }

    /// Weight of the reference-μ₁₂ value when a budget shift known at μ₁₂ = 0 and μ_ref is carried to μ:
    /// linear in μ², held beyond μ_ref.
    static func referenceWeight(_ mu: Double, _ muRef: Double) -> Double {
        min(mu * mu / (muRef * muRef), 1)
    }

    /// The likelihood of one calibration on the report's grid, divided by its maximum (for plots).
    public static func relativeLikelihood(_ c: CalibrationResult) -> [Double] {
        let nll = minusTwoLogL(c.calibration.mI, c.calibration.observedError, c.gridMI, c.gridTau)
        let lo = nll.min() ?? 0
        return nll.map { exp(-0.5 * ($0 - lo)) }
    }

    /// The theory error of a full evolution code's tip prediction as published beside a TRGB bound: Viaux et al. 2013
    /// (A&A 558, A12, abstract) predict M_I = −3.99 ± 0.07 mag for M5 with PGPUC. The reconciliation of a computed
    /// limit with a published one recomputes the limit with this σ in place of this model's budget (issue 18 item 9).
    public static let publishedTheoryError = 0.07

    /// The Bayesian limit of one calibration with a constant theory error `theoryError` (mag) in place of its budget;
    /// nil when the limit lies beyond the grid.
    public static func bayesianLimit(_ c: CalibrationResult, grid: [Double], cl: Double, theoryError: Double) -> Double? {
        bayesianLimit(c.calibration, mI: c.gridMI, tau: [Double](repeating: theoryError, count: c.gridMI.count), grid: grid, cl: cl)
    }

    /// The Bayesian limit of one calibration with M_I(μ) and τ(μ) on `grid`; nil when it lies beyond the grid.
    static func bayesianLimit(_ c: Calibration, mI: [Double], tau: [Double], grid: [Double], cl: Double) -> Double? {
        guard let top = grid.last else { return nil }
        return try? UpperLimits.bayesian(chi2: interpolated(grid, minusTwoLogL(c.mI, c.observedError, mI, tau)), range: 0...top, cl: cl)
    }

    /// −2 ln L on the grid for one calibration.
    static func minusTwoLogL(_ m: Double, _ sigma: Double, _ t: [Double], _ tau: [Double]) -> [Double] {
        zip(t, tau).map { ti, taui in
            let v = sigma * sigma + taui * taui
            return (m - ti) * (m - ti) / v + log(v)
        }
    }

    /// −2 ln L on the grid for several calibrations with fully correlated theory errors (Sherman–Morrison).
    static func minusTwoLogL(observed m: [Double], sigma: [Double], mI: [[Double]], tau: [[Double]]) -> [Double] {
        let n = mI[0].count
        return (0..<n).map { k in
            var a = 0.0, b = 0.0, c = 0.0, logDetD = 0.0
            for i in m.indices {
                let d = sigma[i] * sigma[i]
                let r = m[i] - mI[i][k]
                a += r * r / d
                b += tau[i][k] * r / d
                c += tau[i][k] * tau[i][k] / d
                logDetD += log(d)
            }
            return a - b * b / (1 + c) + logDetD + log(1 + c)
        }
    }

    /// −2 ln L of the combined calibrations of a report, on its grid.
    public static func combinedMinusTwoLogL(_ r: Report) -> [Double] {
        minusTwoLogL(observed: r.results.map(\.calibration.mI), sigma: r.results.map(\.calibration.observedError),
                     mI: r.results.map(\.gridMI), tau: r.results.map(\.gridTau))
    }

    /// Linear interpolation of grid values (a closure for the limit finders).
    static func interpolated(_ grid: [Double], _ values: [Double]) -> (Double) -> Double {
        let h = grid[1] - grid[0]
        return { x in
            let u = min(max((x - grid[0]) / h, 0), Double(grid.count - 1))
            let i = min(Int(u), grid.count - 2)
            let f = u - Double(i)
            return (1 - f) * values[i] + f * values[i + 1]
        }
    }

    /// Bayesian, Δχ² and Feldman–Cousins limits for one or several calibrations.
    static func limits(observed m: [Double], sigma: [Double], mI: [[Double]], tau: [[Double]], grid: [Double], cl: Double,
                       symbol: String = "μ₁₂") throws -> Limits {
        let nll = m.count == 1 ? minusTwoLogL(m[0], sigma[0], mI[0], tau[0])
                               : minusTwoLogL(observed: m, sigma: sigma, mI: mI, tau: tau)
        let f = interpolated(grid, nll)
        let range = 0...grid.last!
        let bayes = try UpperLimits.bayesian(chi2: f, range: range, cl: cl)
        let dchi = try UpperLimits.deltaChiSquared(chi2: f, range: range, cl: cl)
        // Feldman–Cousins on the GLS-combined brightening at μ = 0 (C at μ = 0; exact for one calibration).
        var weights = [Double](repeating: 0, count: m.count)
        let d = sigma.map { $0 * $0 }
        let t0 = tau.map { $0[0] }
        let c = zip(t0, d).reduce(0) { $0 + $1.0 * $1.0 / $1.1 }
        // C⁻¹1 by Sherman–Morrison.
        let dot = zip(t0, d).reduce(0) { $0 + $1.0 / $1.1 }
        for i in m.indices { weights[i] = 1 / d[i] - t0[i] / d[i] * dot / (1 + c) }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw TRGBError.computation("Feldman–Cousins: the combined weights are not positive") }
        let w = weights.map { $0 / total }
        let sigmaBar = (1 / total).squareRoot()
        let xBar = m.indices.reduce(0) { $0 + w[$1] * (mI[$1][0] - m[$1]) } / sigmaBar
        let sBar = grid.indices.map { k in m.indices.reduce(0) { $0 + w[$1] * (mI[$1][0] - mI[$1][k]) } / sigmaBar }
        let sUp = try UpperLimits.feldmanCousins(observed: xBar, cl: cl)
        guard let j = sBar.firstIndex(where: { $0 >= sUp }) else {
            throw TRGBError.computation("Feldman–Cousins: the limit lies beyond \(symbol) = \(String(format: "%.3g", grid.last!)); extend the \(symbol) grid")
        }
        var fc = grid[j]
        if j > 0 {
            let f = (sUp - sBar[j - 1]) / (sBar[j] - sBar[j - 1])
            fc = grid[j - 1] + f * (grid[j] - grid[j - 1])
        }
        return Limits(bayesian: bayes, deltaChiSquared: dchi, feldmanCousins: fc)
    }
}
