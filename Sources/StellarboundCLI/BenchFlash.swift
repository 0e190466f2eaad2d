import ArgumentParser
import Foundation
import ModelData
import OutputContract
import RedGiantCore

/// Flash tracks per second on one core (release build), and the peak memory of the process.
struct BenchFlash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flash",
        abstract: "Helium-flash tracks per second on one core (default star and physics; options as for `flash`).")

    @OptionGroup var options: FlashOptions

    @Option(help: "Tracks to time, in [1, 1000]. Default 5.")
    var tracks = 5

    @Flag(help: "JSON output (keys documented in Docs/output-contract.md).")
    var json = false

    func validate() throws {
        guard tracks >= 1, tracks <= 1000 else { throw ValidationError("--tracks \(tracks) is outside the allowed range [1, 1000]") }
    }

    func run() throws {
        let relations = try options.relations()
        let star = try options.star(), physics = try options.physics()
        var settings = options.settings()
        settings.keepHistory = false
        _ = sharedTable(json: json)
        // One untimed warm-up track (first touches of the table pages), then the timed ones.
        var last = try FlashIntegrator(star: star, physics: physics, relations: relations, settings: settings).run()
        var steps = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<tracks {
            progress("track \(i + 1)/\(tracks)…", json: json)
            last = try FlashIntegrator(star: star, physics: physics, relations: relations, settings: settings).run()
            guard last.status.isFlashed else { throw ComputationError(message: "benchmark track failed: \(last.status)") }
            steps += last.steps
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024   // ru_maxrss is in kB on Linux
        let rate = Double(tracks) / seconds
        if json {
            print(try contractJSON(data: DataDirectory.locate(explicit: options.dataDir), BenchFlashReport(
                tracksPerSecond: rate, secondsPerTrack: 1 / rate, stepsPerTrack: Double(steps) / Double(tracks),
                coreMass: last.coreMass, cells: settings.cells, tracks: tracks, peakMemoryMB: peakMB, build: buildKind)))
        } else {
            warnIfDebug("flash")
            print(String(format: "%d tracks to the flash on one core: %.3f tracks/s (%.3f s per track, %.0f steps, %d cells)",
                         tracks, rate, 1 / rate, Double(steps) / Double(tracks), settings.cells))
            print(String(format: "core mass at the flash %.4f M☉; peak memory of the process %.1f MB", last.coreMass, peakMB))
            print(try provenanceLine(data: DataDirectory.locate(explicit: options.dataDir)))
        }
    }
}

/// `bench flash --json`: its coding keys are the documented contract (Docs/output-contract.md, "bench flash").
struct BenchFlashReport: Encodable {
    var tracksPerSecond: Double, secondsPerTrack: Double, stepsPerTrack: Double, coreMass: Double
    var cells: Int, tracks: Int, peakMemoryMB: Double, build: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tracksPerSecond = "tracks_per_s", secondsPerTrack = "seconds_per_track", stepsPerTrack = "steps_per_track"
        case coreMass = "core_mass_msun", cells, tracks, peakMemoryMB = "peak_memory_mb", build
    }
}
