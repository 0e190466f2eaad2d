import ArgumentParser
import Foundation
import ModelData
import NeutrinoMixing
import OutputContract
import RedGiantCore
import TRGBBounds
import TrackGrids

/// Options shared by `bound` and `posterior`: data and threads.
struct BoundDataOptions: ParsableArguments {
    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).")
    var dataDir: String?

    @Option(help: "Worker threads for the flash tracks, in [1, 256] (default: every core).")
    var threads: Int?

    @Flag(help: "No progress notes on standard error (they are off with --json too; warnings and errors still show).")
    var quiet = false

    @Option(help: "Track store directory: finished tracks are kept there and never computed twice ('off': no store; default: $STELLARBOUND_STORE, else tracks/ in the user cache directory; Docs/grids.md).")
    var store: String?

    /// Checked at parse time, so an out-of-range value is refused even where the tracks it would run are not needed
    /// (`compare --stellar-limit`).
    func validate() throws {
        if let threads, threads < 1 || threads > 256 {
            throw ValidationError("--threads \(threads) is outside the allowed range [1, 256]")
        }
    }

    func load() throws -> BoundData {
        try BoundData(directory: DataDirectory.locate(explicit: dataDir))
    }

    /// Runs the bound extractor's recipe (a library call) for `bound`, `millicharge --red-giant` and `compare`:
    /// loads the data, lets `prepare` check what depends on it, and runs; a failed computation is exit code 1
    /// through the error vocabulary, bad input exit code 2.
    func runBound(calibration: String, cl: Double, budget: Bool, coupling: Coupling, json: Bool, extraTheoryError: Double = 0,
                  gridSpec: String? = nil, notePrefix: String = "", engine: TrackEngine = .core,
                  prepare: ((BoundData) throws -> Void)? = nil) throws -> (report: BoundAnalysis.Report, threads: Int) {
        let boundData = try load()
        let selected = try boundData.calibrations.select(list: calibration)
        try prepare?(boundData)
        _ = sharedTable(json: json || quiet)
        let trackRunner = try runner(boundData, json: json, engine: engine)
        var note: (@Sendable (String) -> Void)?
        if !(json || quiet) {
            note = { message in FileHandle.standardError.write(Data((notePrefix + message + "\n").utf8)) }
        }
        let options = BoundAnalysis.Options(withBudget: budget, coupling: coupling, extraTheoryError: extraTheoryError)
        let grid = try gridSpec.map { try trackGrid($0, runner: trackRunner, coupling: coupling) }
        return (try boundData.bound(selected, cl: cl, options: options, runner: trackRunner, trackGrid: grid, note: note),
                trackRunner.threads)
    }

    /// `--grid SPEC`: the finished grid in the runner's store as an interpolating track source; refused (exit 2) without a
    /// store, (exit 1) when the grid is not finished.
    func trackGrid(_ path: String, runner: TrackRunner, coupling: Coupling) throws -> GridInterpolator {
        let spec = try GridSpec(contentsOf: URL(fileURLWithPath: path))
        try spec.check(relations: runner.relations)
        guard let store = runner.store else {
            throw GridError.invalidOption(flag: "--grid", value: path, allowed: "a grid in the track store: give --store DIR (the store is 'off')")
        }
        let interpolator = try GridInterpolator(GridTracks(spec: spec, store: store, context: runner.context), coupling: coupling)
        if !quiet {
            progress(String(format: "track grid '%@': %d tracks; held-back interpolation error %.4f mag (max %.4f over %d nodes), added to τ",
                            spec.name, spec.points.count, interpolator.heldBackError, interpolator.heldBackMax, interpolator.heldBackCount), json: false)
        }
        if !interpolator.unestimatedAxes.isEmpty {
            warning("track grid '\(spec.name)': no held-back estimate on \(interpolator.unestimatedAxes.joined(separator: ", ")) (a star axis needs ≥ 3 nodes, the coupling's ≥ 4): the interpolation error along it is not in the theory error")
        }
        return interpolator
    }

    /// The track runner on every core (or `--threads`), reading and filling the track store; an unwritable `--store`
    /// or `$STELLARBOUND_STORE` is bad input (exit 2), an unwritable default store a warning.
    func runner(_ data: BoundData, json: Bool, engine: TrackEngine = .core) throws -> TrackRunner {
        let trackStore = try TrackStoreLocation.resolve(explicit: store)?.open(note: warning)
        var wholeStar: WholeStarTracks?
        if engine == .wholeStar {
            let w = try WholeStarTracks(dataDirectory: data.directory)
            w.note = { message in warning("EOS table: \(message)") }
            wholeStar = w
        }
        let runner = TrackRunner(relations: data.relations, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                 store: trackStore, wholeStar: wholeStar)
        runner.warn = warning
        showProgress(of: runner, label: engine == .core ? "  flash tracks" : "  whole-star tracks", silent: json || quiet)
        return runner
    }
}

/// The main job: limits on μν from TRGB calibrations, with the systematics budget.
struct BoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bound",
        abstract: "Limits on the neutrino magnetic moment from the brightness of the red-giant-branch tip.",
        discussion: """
        For each calibration (StellarModels/trgb/calibrations.json) the tool evolves the helium core of the \
        population's model star to the flash at several μ₁₂, turns the tip luminosity into M_I (tip colour → T_eff, \
        Casagrande & VandenBerg 2014 BC_I), varies every input for the systematics budget, and compares with \
        the observed M_I. Limits (Bayesian flat prior, one-sided Δχ², Feldman–Cousins) are on \
        μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²), the same in every basis. Method: Docs/bounds.md. JSON keys: Docs/output-contract.md.
        """)

    @Option(help: "Calibration name, comma-separated names, 'default' or 'all'.")
    var calibration = "default"

    @Option(help: "The channel bounded: magnetic-moment (μ₁₂ = μν/1e-12 μ_B), millicharge (q₁₄ = qν/1e-14 e; Docs/millicharge.md §4) or axion-electron (g₁₃ = g_ae/1e-13; Docs/axion.md).")
    var coupling: CouplingArgument = .magneticMoment

    @Option(help: "Confidence level, in (0, 1). Default 0.95.")
    var cl = 0.95

    @Flag(name: .customLong("no-systematics"), help: "Skip the systematics budget (theory error 0 beyond --theory-error).")
    var noSystematics = false

    @Option(name: .customLong("theory-error"), help: "Extra theory error in mag added in quadrature (e.g. BC differences between authors), in [0, 1). Default 0.")
    var theoryError = 0.0

    @Option(name: .long, help: "Test an effective μ₁₂ (μν in 1e-12 μ_B) against each calibration.")
    var mu12: Double?

    @Option(help: "Test moment matrices from a JSON file (Docs/bounds.md §6: Dirac/Majorana, mass/flavour basis).")
    var moments: String?

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).")
    var json = false

    @Option(help: "Plot M_I against μ₁₂ with the observed bands, and the likelihoods (.svg, .png or .pdf; CSV beside).")
    var plot: String?

    @Option(help: "A finished grid (spec file, Docs/grids.md §4) to interpolate the nominal tracks from; its held-back interpolation error is added to the theory error. The budget's tracks are run (or read from the store) as usual. Core engine only.")
    var grid: String?

    @Option(help: "The stellar model: core (the helium core to the flash, the envelope through core-edge relations and T_eff from an empirical tip colour: seconds per track; M_c within 0.002 Msun and log L_tip 0.02-0.03 dex of the whole star for 0.8-0.9 Msun, Docs/whole-star-evolution.md §6) or whole-star (the star from its ZAMS to helium ignition, T_eff and log g from the model, mixing length and Reimers eta in the budget: minutes per track, ~32 tracks per calibration (every budget variation but the wind at μ12 = 0 and 4); read from the track store when stored). Default core. Docs/bounds.md §11.")
    var engine: EngineArgument = .core

    @OptionGroup var data: BoundDataOptions

    func validate() throws {
        try checkLevels(cl: cl, theoryError: theoryError)
        if let mu12, !(mu12.isFinite && mu12 >= 0 && mu12 <= 10) {
            throw ValidationError("--mu12 \(mu12) is outside the allowed range [0, 10] (the μ₁₂ grid of StellarModels/trgb/model.json)")
        }
        if mu12 != nil && moments != nil { throw ValidationError("give --mu12 or --moments, not both") }
        if coupling != .magneticMoment && (mu12 != nil || moments != nil) {
            throw ValidationError("--mu12 and --moments test magnetic moments; they need --coupling magnetic-moment")
        }
        if engine == .wholeStar && grid != nil {
            throw ValidationError("--grid interpolates core-engine tracks; it cannot be used with --engine whole-star")
        }
    }

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        let start = DispatchTime.now().uptimeNanoseconds
        var hypothesis: MomentHypothesis?
        let (report, threads) = try data.runBound(calibration: calibration, cl: cl, budget: !noSystematics, coupling: coupling.value, json: json,
                                                  extraTheoryError: theoryError, gridSpec: grid, engine: engine.value) { boundData in
            if let mu12 { hypothesis = MomentHypothesis(mu12: mu12, description: "effective μ₁₂ given on the command line") }
            if let moments { hypothesis = try MomentHypothesis.load(path: moments, directory: boundData.directory) }
            let top = boundData.model.grid(.magneticMoment, engine: engine.value).last!
            if let h = hypothesis, h.mu12 > top {
                let source = mu12 != nil ? "--mu12 \(h.mu12)" : String(format: "the moments give μ₁₂ = %.3g, which", h.mu12)
                throw InputError(message: "\(source) is beyond the μ₁₂ grid of the \(engine.rawValue) engine (allowed [0, \(top)])")
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        let tests = try hypothesis.map { try report.test($0) }
        try printReport(BoundReport(report, hypothesis: hypothesis, tests: tests, threads: threads, seconds: seconds),
                        json: json, data: DataDirectory.locate(explicit: data.dataDir)) {
            BoundReport.text(report, hypothesis: hypothesis, tests: tests, seconds: seconds, threads: threads)
        }
        // After the report: a plot that fails must not hide the computation's result.
        if let plot { try BoundReport.plot(report, to: plot) }
    }
}

/// The limit commands' parse-time checks of `--cl` (in (0, 1)) and `--theory-error` (in [0, 1) mag).
func checkLevels(cl: Double, theoryError: Double = 0) throws {
    guard cl.isFinite, cl > 0, cl < 1 else { throw ValidationError("--cl \(cl) is outside the allowed range (0, 1)") }
    guard theoryError.isFinite, theoryError >= 0, theoryError < 1 else {
        throw ValidationError("--theory-error \(theoryError) is outside the allowed range [0, 1) mag")
    }
}

/// `--engine` values (the library's `TrackEngine`).
enum EngineArgument: String, PhysicsChoiceArgument {
    case core
    case wholeStar = "whole-star"

    var value: TrackEngine { TrackEngine(rawValue: rawValue)! }
}

/// `--coupling` values (the library's `Coupling`, spelled for the command line).
enum CouplingArgument: String, PhysicsChoiceArgument {
    case magneticMoment = "magnetic-moment"
    case millicharge
    case axionElectron = "axion-electron"

    var value: Coupling { Coupling(rawValue: rawValue)! }
}
