import ArgumentParser
import Foundation
import Microphysics
import OutputContract
import Plasma
import TRGBBounds

/// "release" or "debug": benchmarks report which build produced their numbers.
#if DEBUG
let buildKind = "debug"
#else
let buildKind = "release"
#endif

/// Benchmarks mean little in a debug build: say so on the terminal.
func warnIfDebug(_ bench: String) {
    if buildKind == "debug" {
        print("warning: debug build; benchmark with `swift run -c release stellarbound bench \(bench)`")
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Speed benchmarks (run from a release build: swift run -c release stellarbound bench plasma).",
        subcommands: [BenchPlasma.self, BenchEOS.self, BenchFlash.self, BenchMicrophysics.self, BenchZAMS.self, BenchStar.self, BenchStore.self])
}

/// Evaluations per second on one core: the complete exact rate (standard + magnetic + charge)
/// by the fast path, by fixed-rule integration at each point, by adaptive quadrature, and the fit.
struct BenchPlasma: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plasma", abstract: "Plasma-rate evaluations per second.")

    @Option(help: "Seconds per timed loop, in [0.05, 60].")
    var seconds = 1.0

    init() {}
    init(seconds: Double) { self.seconds = seconds }

    @Flag(help: "JSON output (keys documented in Docs/output-contract.md).")
    var json = false

    func validate() throws {
        guard seconds.isFinite, seconds >= 0.05, seconds <= 60 else {
            throw ValidationError("--seconds \(seconds) is outside the allowed range [0.05, 60]")
        }
    }

    /// Runs `body` over the points until `seconds` elapse; returns evaluations per second.
    func time(_ count: Int, _ body: (Int) throws -> Double) rethrows -> (rate: Double, sink: Double) {
        var n = 0, sink = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            for _ in 0..<16 {
                sink += try body(n % count)
                n += 1
            }
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        } while elapsed < seconds
        return (Double(n) / elapsed, sink)
    }

    func run() throws {
        // Fixed pseudo-random points over the domain: 1 ≤ ρ ≤ 1e10, 1e7 ≤ T ≤ 3e9, 0.4 ≤ Yₑ ≤ 1.
        var generator = SplitMix64(seed: 2026)
        let count = 4096
        let points: [(Double, Double, Double)] = (0..<count).map { _ in
            (pow(10, 10 * generator.unit()), pow(10, 7 + log10(300) * generator.unit()), 0.4 + 0.6 * generator.unit())
        }
        let nu = try NeutrinoProperties(mu12: 1, millicharge: 1e-13)
        let table = sharedTable(json: json)
        progress("timing the fast path…", json: json)
        let fast = try time(count) { i in
            let p = points[i]
            return try table.rates(density: p.0, temperature: p.1, electronFraction: p.2, neutrino: nu).total
        }
        progress("timing the Itoh fit…", json: json)
        let fit = time(count) { i in
            let p = points[i]
            return ItohPlasmaFit.rate(density: p.0, temperature: p.1, electronFraction: p.2).itoh
        }
        progress("timing direct fixed-rule integration…", json: json)
        let direct = try time(count) { i in
            let p = points[i]
            return try PlasmonDecay.point(density: p.0, temperature: p.1, electronFraction: p.2, neutrino: nu).rates.total
        }
        progress("timing adaptive quadrature…", json: json)
        let quad = try time(count) { i in
            let p = points[i]
            return try PlasmonDecay.point(density: p.0, temperature: p.1, electronFraction: p.2, neutrino: nu,
                                          method: .adaptive).rates.total
        }
        guard fast.sink.isFinite, fit.sink.isFinite, direct.sink.isFinite, quad.sink.isFinite else {
            throw ComputationError(message: "benchmark produced a non-finite rate")
        }
        if json {
            print(try contractJSON(data: nil, BenchPlasmaReport(
                exactPerSecond: fast.rate, directPerSecond: direct.rate, quadraturePerSecond: quad.rate, fitPerSecond: fit.rate,
                exactToFitTimeRatio: fit.rate / fast.rate, tableLoadSeconds: table.buildSeconds, tableOrigin: table.origin.rawValue,
                points: count, secondsPerLoop: seconds, build: buildKind)))
        } else {
            warnIfDebug("plasma")
            print("Complete plasma rate (standard + magnetic + millicharge), one core, \(count) points over")
            print("1 ≤ ρ ≤ 1e10 g/cm³, 1e7 ≤ T ≤ 3e9 K, 0.4 ≤ Yₑ ≤ 1:\n")
            print(formatTable(header: ["method", "evaluations/s", "µs each"], rows: [
                ["exact, fast path (table)", String(format: "%.3e", fast.rate), String(format: "%.3f", 1e6 / fast.rate)],
                ["exact, fixed-rule integrals per point", String(format: "%.3e", direct.rate), String(format: "%.1f", 1e6 / direct.rate)],
                ["exact, adaptive quadrature per point", String(format: "%.3e", quad.rate), String(format: "%.0f", 1e6 / quad.rate)],
                ["Itoh et al. 1996 fit", String(format: "%.3e", fit.rate), String(format: "%.3f", 1e6 / fit.rate)],
            ]), terminator: "")
            print(String(format: "\nfast path / fit time ratio: %.2f;  table %@ in %.2f s", fit.rate / fast.rate,
                         table.origin.rawValue, table.buildSeconds))
            print(try provenanceLine(data: nil))
        }
    }
}

/// Equation-of-state evaluations per second on one core (helium, red-giant core conditions).
struct BenchEOS: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eos", abstract: "EOS evaluations per second: table vs direct.")

    @Option(help: "Seconds per timed loop, in [0.05, 60].")
    var seconds = 1.0

    @Flag(help: "JSON output (keys documented in Docs/output-contract.md).")
    var json = false

    func validate() throws {
        guard seconds.isFinite, seconds >= 0.05, seconds <= 60 else {
            throw ValidationError("--seconds \(seconds) is outside the allowed range [0.05, 60]")
        }
    }

    func run() throws {
        var generator = SplitMix64(seed: 7)
        let count = 4096
        // Red-giant helium cores: 10² ≤ ρ ≤ 10^6.5 g/cm³, 2×10⁷ ≤ T ≤ 2×10⁸ K.
        let points = (0..<count).map { _ in (pow(10, 2 + 4.5 * generator.unit()), pow(10, 7.3 + generator.unit())) }
        _ = sharedTable(json: json)
        let bench = BenchPlasma(seconds: seconds)
        let fast = EquationOfState(method: .table), direct = EquationOfState(method: .direct)
        progress("timing the table EOS…", json: json)
        let a = try bench.time(count) { i in try fast.state(density: points[i].0, temperature: points[i].1, composition: .helium).pressure }
        progress("timing the direct EOS…", json: json)
        let b = try bench.time(count) { i in try direct.state(density: points[i].0, temperature: points[i].1, composition: .helium).pressure }
        guard a.sink.isFinite, b.sink.isFinite else { throw ComputationError(message: "benchmark produced a non-finite pressure") }
        if json {
            print(try contractJSON(data: nil, BenchEOSReport(tablePerSecond: a.rate, directPerSecond: b.rate, points: count)))
        } else {
            print(formatTable(header: ["EOS (He, red-giant cores)", "evaluations/s", "µs each"], rows: [
                ["table (fast path)", String(format: "%.3e", a.rate), String(format: "%.3f", 1e6 / a.rate)],
                ["direct Fermi–Dirac", String(format: "%.3e", b.rate), String(format: "%.1f", 1e6 / b.rate)],
            ]), terminator: "")
            print(try provenanceLine(data: nil))
        }
    }
}

/// `bench plasma --json`: its coding keys are the documented contract (Docs/output-contract.md, "bench plasma").
struct BenchPlasmaReport: Encodable {
    var exactPerSecond: Double, directPerSecond: Double, quadraturePerSecond: Double, fitPerSecond: Double
    var exactToFitTimeRatio: Double, tableLoadSeconds: Double, tableOrigin: String
    var points: Int, secondsPerLoop: Double, build: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case exactPerSecond = "exact_evals_per_s", directPerSecond = "direct_fixed_rule_evals_per_s"
        case quadraturePerSecond = "quadrature_evals_per_s", fitPerSecond = "fit_evals_per_s"
        case exactToFitTimeRatio = "exact_to_fit_time_ratio", tableLoadSeconds = "table_load_s", tableOrigin = "table_origin"
        case points, secondsPerLoop = "seconds_per_loop", build
    }
}

/// `bench eos --json`: its coding keys are the documented contract (Docs/output-contract.md, "bench eos").
struct BenchEOSReport: Encodable {
    var tablePerSecond: Double, directPerSecond: Double, points: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tablePerSecond = "eos_table_evals_per_s", directPerSecond = "eos_direct_evals_per_s", points
    }
}
