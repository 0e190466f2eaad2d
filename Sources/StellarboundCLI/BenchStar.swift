import ArgumentParser
import EnvelopePhysics
import Foundation
import ModelData
import OutputContract
import WholeStar

/// Whole-star tracks per second on one core (issue 14's speed target: ≤ 10 s per track from the ZAMS to the flash).
struct BenchStar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "Whole-star tracks per second: the standard old metal-poor star (0.8 M☉, Y = 0.245, Z = 0.001, the solar α) from its ZAMS to --stop.",
        discussion: "Tables are loaded before the clock starts; the ZAMS build and every step are timed. --stop tams times the main sequence only (a quick check).")

    @Option(help: "Where the track stops: flash (default) or tams.") var stop = StarStop.flash
    @Option(help: "Equation of state of the evolving cells: direct or table (as `star --eos`; the table is loaded, or built and cached, before the clock starts). Default direct.")
    var eos = StarEOSChoice.direct
    @Option(help: "Mesh cells, in [100, 5000]. Default 400.") var cells = 400
    @Option(help: "Newton's Jacobian: linearised (default) or differenced (as `star --jacobian`).")
    var jacobian = StarJacobian.linearised
    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).") var dataDir: String?
    @Flag(help: "JSON output (keys documented in Docs/output-contract.md).") var json = false

    func validate() throws {
        guard cells >= 100, cells <= 5000 else { throw ValidationError("--cells \(cells) is outside the allowed range [100, 5000]") }
        guard stop != .age else { throw ValidationError("--stop must be flash or tams") }
    }

    func run() throws {
        if !json { warnIfDebug("star") }
        let loadStart = Date()
        let data = try DataDirectory.locate(explicit: dataDir)
        let sun = try SolarCalibration.stored(dataDirectory: data)
        let micro = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: data)
        let eosTable = eos == .table ? try StarEOSChoice.table(metals: 0.001, json: json) : nil
        let load = Date().timeIntervalSince(loadStart)
        var settings = StarEvolutionSettings()
        settings.cells = cells
        settings.jacobian = jacobian
        progress("evolving 0.8 Msun (Y 0.245, Z 0.001) to \(stop.rawValue)…", json: json)
        let start = Date()
        let star = try StarEvolution(mass: 0.8, hydrogen: 1 - 0.245 - 0.001, metallicity: 0.001,
                                     mixingLength: sun.mixingLength, settings: settings, eosTable: eosTable,
                                     microphysics: micro)
        // Rewritten in place on a terminal, one line every 10 s in a pipe (as `star`), nothing with --json.
        let reporter = ProgressReporter("bench star: model", sink: .forRun(silent: json))
        let outcome = StarTrack.run(star, stop: stop, age: 20e9) { s in
            reporter.update(s.model, detail: String(format: "age %7.4f Gyr  L %9.3f Lsun  Mc %.4f Msun", s.age / 1e9,
                                                    s.luminosity, s.heliumCoreMass))
        }
        reporter.finish()
        let seconds = Date().timeIntervalSince(start)
        let steps = outcome.final.model
        let report = BenchStarReport(secondsPerTrack: seconds, tracksPerSecond: 1 / seconds, steps: steps,
                                     secondsPerStep: seconds / Double(max(1, steps)), status: outcome.status.rawValue,
                                     stop: stop.rawValue, tableLoadSeconds: load, cells: cells, build: buildKind,
                                     eos: eos.rawValue, newtonIterations: star.history.dropFirst().reduce(0) { $0 + $1.iterations },
                                     jacobianBuilds: star.jacobianBuilds, chordIterations: star.chordIterations,
                                     correctorPasses: star.corrections)
        if json {
            print(try contractJSON(data: data, report))
        } else {
            print(String(format: "one 0.8 Msun track to %@ (%d cells, %@ EOS) on one core, %@ build: %.1f s (%.4f tracks/s), %d steps, %.3f s per step, status %@ (tables loaded in %.2f s)",
                         stop.rawValue, cells, eos.rawValue, buildKind, seconds, 1 / seconds, steps, report.secondsPerStep,
                         outcome.status.rawValue, load))
            print(String(format: "Newton: %.2f iterations per step, %.2f Jacobians built and %.2f chord iterations per step; the burning corrector re-solved %d of %d steps",
                         Double(report.newtonIterations) / Double(max(1, steps)), Double(report.jacobianBuilds) / Double(max(1, steps)),
                         Double(report.chordIterations) / Double(max(1, steps)), report.correctorPasses, steps))
            print(try provenanceLine(data: data))
        }
        if outcome.status == .failed { throw ComputationError(message: "the benchmark track failed: \(outcome.failureReason ?? "")") }
    }
}

/// `bench star --json`: its coding keys are the documented contract (Docs/output-contract.md, "bench star").
struct BenchStarReport: Encodable {
    var secondsPerTrack: Double, tracksPerSecond: Double, steps: Int, secondsPerStep: Double, status: String
    var stop: String, tableLoadSeconds: Double, cells: Int, build: String, eos: String
    var newtonIterations: Int, jacobianBuilds: Int, chordIterations: Int, correctorPasses: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case secondsPerTrack = "seconds_per_track", tracksPerSecond = "tracks_per_s", steps
        case secondsPerStep = "seconds_per_step", status, stop, tableLoadSeconds = "table_load_s", cells, build, eos
        case newtonIterations = "newton_iterations", jacobianBuilds = "jacobian_builds", chordIterations = "chord_iterations"
        case correctorPasses = "corrector_passes"
    }
}
