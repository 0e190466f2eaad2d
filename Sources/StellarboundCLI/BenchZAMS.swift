import ArgumentParser
import EnvelopePhysics
import Foundation
import ModelData
import OutputContract
import WholeStar

/// Seconds per ZAMS model on one core (the whole-star code's stage 1; tables loaded beforehand).
struct BenchZAMS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zams", abstract: "Zero-age main-sequence models per second (1 M☉, X = 0.70, Z = 0.02, α = 2.0).")

    @Option(help: "Models to build, in [1, 100]. Default 3.") var models = 3
    @Option(help: "Mesh cells, in [100, 5000]. Default 400.") var cells = 400
    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).") var dataDir: String?
    @Flag(help: "JSON output (keys documented in Docs/output-contract.md).") var json = false

    func validate() throws {
        guard models >= 1, models <= 100 else { throw ValidationError("--models \(models) is outside the allowed range [1, 100]") }
        guard cells >= 100, cells <= 5000 else { throw ValidationError("--cells \(cells) is outside the allowed range [100, 5000]") }
    }

    func run() throws {
        if !json { warnIfDebug("zams") }
        let start = Date()
        let benchData = try DataDirectory.locate(explicit: dataDir)
        let micro = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: benchData)
        let load = Date().timeIntervalSince(start)
        progress("building \(models) models…", json: json)
        let seconds = try ZAMSBenchmark.secondsPerModel(mass: 1, cells: cells, repeats: models, microphysics: micro)
        if json {
            print(try contractJSON(data: benchData, BenchZAMSReport(secondsPerModel: seconds, modelsPerSecond: 1 / seconds,
                                                          tableLoadSeconds: load, cells: cells, models: models, build: buildKind)))
        } else {
            print(String(format: "%d ZAMS models (1 M☉, %d cells) on one core, %@ build: %.3f s per model (tables loaded in %.2f s)",
                         models, cells, buildKind, seconds, load))
            print(try provenanceLine(data: benchData))
        }
    }
}

/// `bench zams --json`: its coding keys are the documented contract (Docs/output-contract.md, "bench zams").
struct BenchZAMSReport: Encodable {
    var secondsPerModel: Double, modelsPerSecond: Double, tableLoadSeconds: Double, cells: Int, models: Int, build: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case secondsPerModel = "seconds_per_model", modelsPerSecond = "models_per_s", tableLoadSeconds = "table_load_s"
        case cells, models, build
    }
}
