import ArgumentParser
import EnvelopePhysics
import Foundation
import ModelData
import OutputContract

/// Full envelope microphysics evaluations per second on one core (EOS + opacity + burning, with derivatives).
struct BenchMicrophysics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "microphysics",
        abstract: "Envelope microphysics evaluations per second on one core: EOS, opacity, hydrogen burning, and all three.")

    @Option(help: "Seconds per timed loop, in [0.05, 60].")
    var seconds = 1.0

    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).")
    var dataDir: String?

    @Flag(help: "JSON output (keys documented in Docs/output-contract.md).")
    var json = false

    func validate() throws {
        guard seconds.isFinite, seconds >= 0.05, seconds <= 60 else {
            throw ValidationError("--seconds \(seconds) is outside the allowed range [0.05, 60]")
        }
    }

    func run() throws {
        if !json { warnIfDebug("microphysics") }
        let benchData = try DataDirectory.locate(explicit: dataDir)
        let physics = try EnvelopeMicrophysics(dataDirectory: benchData)
        progress("building the tabulated EOS (Z = 0.02)…", json: json)
        let table = try EnvelopeEOSTable(grid: .standard(metals: 0.02))
        progress("timing EOS, opacity, burning and all three, direct and tabulated EOS (\(seconds) s each)…", json: json)
        let r = try physics.benchmark(seconds: seconds, eosTable: table)
        if json {
            print(try contractJSON(data: benchData, BenchMicrophysicsReport(
                eosPerSecond: r.eosPerSecond, opacityPerSecond: r.opacityPerSecond, burningPerSecond: r.burningPerSecond,
                fullPerSecond: r.fullPerSecond, eosTablePerSecond: r.eosTablePerSecond, fullTablePerSecond: r.fullTablePerSecond,
                points: r.points, build: buildKind)))
        } else {
            print(String(format: """
            Envelope microphysics on one core (%@ build), %d points from the photosphere to a solar core:
              EOS (η solve, P, E, S, ∇_ad, Γ₁ with derivatives)   %.3g /s
              opacity (OPAL/Ferguson + conduction, derivatives)   %.3g /s
              hydrogen burning (pp + CNO, derivatives)            %.3g /s
              all three                                           %.3g /s
              EOS table lookup (same outputs, built in %.1f s)     %.3g /s
              all three with the EOS table                        %.3g /s
            """, buildKind, r.points, r.eosPerSecond, r.opacityPerSecond, r.burningPerSecond, r.fullPerSecond,
                               r.eosTableBuildSeconds, r.eosTablePerSecond, r.fullTablePerSecond))
            print(try provenanceLine(data: benchData))
        }
    }
}

/// `bench microphysics --json`: its coding keys are the documented contract (Docs/output-contract.md,
/// "bench microphysics").
struct BenchMicrophysicsReport: Encodable {
    var eosPerSecond: Double, opacityPerSecond: Double, burningPerSecond: Double, fullPerSecond: Double
    var eosTablePerSecond: Double, fullTablePerSecond: Double, points: Int, build: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case eosPerSecond = "eos_per_s", opacityPerSecond = "opacity_per_s", burningPerSecond = "burning_per_s"
        case fullPerSecond = "full_evaluations_per_s", eosTablePerSecond = "eos_table_per_s"
        case fullTablePerSecond = "full_evaluations_table_per_s", points, build
    }
}
