import ArgumentParser
import Foundation
import Plasma
import TRGBBounds

/// (ρ, T, Yₑ) of a plasma point.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: "Mass density ρ in g/cm³, in [1e-12, 1e14].")
    var density: Double

    @Option(name: .long, help: "Temperature T in K, in [1e4, 1e11].")
    var temperature: Double

    @Option(name: .long, help: "Electrons per baryon Yₑ, in [1e-6, 1]. Default 0.5 (helium, carbon, oxygen).")
    var ye: Double = 0.5
}

/// Neutrino electromagnetic properties and the weak mixing angle.
struct ParticleOptions: ParsableArguments {
    @Option(name: .long, help: "Effective magnetic moment μν in units of 1e-12 μ_B (μν² = Σ|μij|²+|εij|²), ≥ 0.")
    var mu12: Double = 0

    @Option(name: .long, help: "Neutrino millicharge q in units of e (q² = Σ qi²), in [0, 1].")
    var millicharge: Double = 0

    @Option(name: .customLong("sin2-theta-w"), help: "sin²θ_W in C_V = 1/2 + 2 sin²θ_W, in [0.2, 0.26]. Default 0.2319 (Itoh et al. 1996).")
    var sin2ThetaW: Double = ElectroweakCouplings.standard.sin2ThetaW

    func neutrino() throws -> NeutrinoProperties {
        try NeutrinoProperties(mu12: mu12, millicharge: millicharge)
    }

    func couplings() throws -> ElectroweakCouplings {
        try ElectroweakCouplings(sin2ThetaW: sin2ThetaW)
    }
}

/// Standard error is a terminal (progress lines are rewritten in place only then).
func standardErrorIsTerminal() -> Bool { isatty(STDERR_FILENO) == 1 }

/// Prints a one-off progress note on standard error, on a terminal and in a pipe alike; nothing when `silent`
/// (`--json` or `--quiet`). Repeated updates go through a `ProgressReporter`, which rate-limits them in a pipe.
func progress(_ message: String, json silent: Bool) {
    guard !silent else { return }
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

/// `--quiet`: no progress on standard error (warnings and errors are still written).
struct QuietOption: ParsableArguments {
    @Flag(help: "No progress notes on standard error (they are off with --json too; warnings and errors still show).")
    var quiet = false
}

/// Loads the shared plasma table, telling a terminal user when it is being built; a rejected or
/// unwritable cache is reported on standard error (in every mode: stdout stays clean for JSON).
func sharedTable(json: Bool) -> PlasmaRateTable {
    progress("plasma table: loading (first run builds it in a few seconds and caches it)…", json: json)
    let table = PlasmaRateTable.shared
    for note in PlasmaRateTable.sharedNotes { FileHandle.standardError.write(Data("warning: \(note)\n".utf8)) }
    progress("plasma table: \(table.origin.rawValue) in \(String(format: "%.2f", table.buildSeconds)) s", json: json)
    return table
}

/// A warning on standard error, in every mode (stdout stays clean for JSON).
@Sendable func warning(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

/// Shows a track runner's batches as progress on standard error (nothing when `silent`: `--json` or `--quiet`).
func showProgress(of runner: TrackRunner, label: String, silent: Bool) {
    let reporter = ProgressReporter(label, sink: .forRun(silent: silent))
    guard reporter.sink != .off else { return }
    let finished = LockedCount()
    runner.progress = { done, total in
        finished.set(done, total)
        reporter.update(done, of: total)
        if done == total { reporter.finish() }
    }
    // A whole-star track takes minutes: the line also follows the last model of a running track.
    runner.wholeStar?.onModel = { spec, s in
        let (done, total) = finished.get()
        reporter.update(done, of: total, detail: String(format: "M=%.2f μ12=%g: model %d, %.2f Gyr, log L %.2f, M_c %.3f",
                                                        spec.mass, spec.mu12, s.model, s.age / 1e9,
                                                        log10(max(s.luminosity, 1e-30)), s.heliumCoreMass))
    }
}

/// The runner's last (done, total), shared between its workers' callbacks.
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = (0, 0)
    func set(_ done: Int, _ total: Int) { lock.lock(); value = (done, total); lock.unlock() }
    func get() -> (Int, Int) { lock.lock(); defer { lock.unlock() }; return value }
}
