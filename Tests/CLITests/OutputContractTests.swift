import EnvelopePhysics
import Foundation
import ModelData
import Laboratory
import Millicharge
import Plasma
import RedGiantCore
@testable import StellarboundCLI
import TestSupport
import Testing
import TRGBBounds
import TrackGrids
import WholeStar

/// The output contract as a test (issue 12, item 7), two ways:
/// - as code: every command's report is an `Encodable` type whose coding keys (its own and its nested types')
///   are documented in that command's section of Docs/output-contract.md, and every key documented there is a
///   coding key. This covers every command, the slow ones (`bound`, `posterior`, `bench …`) included.
/// - as output: every key a command emits in `--json` mode is documented in its section, and every key
///   documented there is emitted by some run of the golden commands (Tests/Golden/commands.txt), except the
///   keys listed in `notRun` with why.
@Suite("Output contract (Docs/output-contract.md)")
struct OutputContractTests {
    /// One `## \`stellarbound <command> … --json\`` section of the contract.
    struct Section {
        var command: String
        /// Every identifier inside backticks anywhere in the section (tables, prose, brace lists): a key
        /// emitted by the command must be among them.
        var mentioned: Set<String> = []
        /// The keys the section defines: the first column of its tables, the names in `{…}` lists, and the
        /// bullets after "has these keys". Each must be emitted by some run.
        var defined: Set<String> = []
    }

    static var identifier: Regex<AnyRegexOutput> { try! Regex(#"[A-Za-z_][A-Za-z0-9_]*"#) }
    static var backticked: Regex<AnyRegexOutput> { try! Regex(#"`([^`]*)`"#) }

    /// Words in backticks that are values, not keys.
    static let literals: Set<String> = ["null", "true", "false"]

    /// Parses the JSON sections. `###` subsections (CSV files beside plots) are not part of the JSON.
    static func sections(_ text: String) -> [String: Section] {
        var out: [String: Section] = [:]
        var current: Section?
        var inKeyList = false, sawBullet = false, parenDepth = 0
        func close() { if let c = current { out[c.command, default: Section(command: c.command)].merge(c) } }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("## ") || line.hasPrefix("### ") {
                close()
                current = nil
                inKeyList = false
                if line.hasPrefix("## "), line.contains("--json"), let r = line.range(of: "`stellarbound ") {
                    let words = line[r.upperBound...].split(separator: " ")
                    let command = ["bench", "grid", "store"].contains(words.first ?? "") ? words.prefix(2).joined(separator: " ") : String(words[0])
                    current = Section(command: command)
                }
                continue
            }
            guard current != nil else { continue }
            let spans = line.matches(of: backticked).map { String($0.output[1].substring ?? "") }
            for s in spans { current!.mentioned.formUnion(s.matches(of: identifier).map { String(s[$0.range]) }) }
            if line.contains("has these keys") { inKeyList = true; sawBullet = false; parenDepth = 0; continue }
            if inKeyList {
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    if sawBullet { inKeyList = false }
                    continue
                }
                sawBullet = true
                // Bullets of keys: the backticked names outside parentheses (which hold values and notes).
                var inTick = false, word = ""
                for ch in line {
                    if ch == "`" {
                        if inTick, parenDepth == 0, word.wholeMatch(of: identifier) != nil, !literals.contains(word) {
                            current!.defined.insert(word)
                        }
                        inTick.toggle()
                        word = ""
                    } else if inTick { word.append(ch) }
                    else if ch == "(" { parenDepth += 1 }
                    else if ch == ")" { parenDepth = max(0, parenDepth - 1) }
                }
                continue
            }
            if line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                if cells.count > 1 {   // first column: the keys (header and separator rows have none in backticks)
                    for m in cells[1].matches(of: backticked) { current!.defined.insert(String(m.output[1].substring ?? "")) }
                }
            }
            for s in spans where s.hasPrefix("{") || s.hasPrefix("[{") { current!.defined.formUnion(braceKeys(s)) }
        }
        close()
        return out
    }

    /// `{cl, mu12 (10⁻¹² μ_B), source}` → cl, mu12, source: the first identifier of each item of a brace
    /// list, outside parentheses; nested lists (`calibrations: [{calibration, …}]`) recursively.
    static func braceKeys(_ s: String) -> Set<String> {
        var keys: Set<String> = []
        var expecting: [Bool] = []   // one per open brace: the next identifier is a key
        var parenDepth = 0
        var word = ""
        func flush() {
            if !word.isEmpty, parenDepth == 0, let last = expecting.indices.last, expecting[last] {
                keys.insert(word)
                expecting[last] = false
            }
            word = ""
        }
        for ch in s {
            if ch.isLetter || ch == "_" || (ch.isNumber && !word.isEmpty) { if ch.isASCII { word.append(ch) }; continue }
            flush()
            switch ch {
            case "{": expecting.append(true)
            case "}": _ = expecting.popLast()
            case "(": parenDepth += 1
            case ")": parenDepth = max(0, parenDepth - 1)
            case "," where parenDepth == 0: if let last = expecting.indices.last { expecting[last] = true }
            default: break
            }
        }
        flush()
        return keys
    }

    /// Documented keys emitted only by runs too slow for this test (debug build, CI), each with the reason
    /// (`codingKeysAreTheContract` still checks them against the report types).
    static let notRun: [String: (keys: Set<String>, reason: String)] = [
        "bound": ([], "every key: `bound` computes flash tracks for each μ₁₂ node and calibration (minutes in a debug build)"),
        "posterior": ([], "every key: MCMC over an interpolation grid of flash tracks (tens of minutes)"),
        "joint": ([], "every key: 90 flash tracks on the μ₁₂ × g₁₃ grid (minutes in a debug build)"),
        "bench plasma": ([], "every key: a timing benchmark (builds or loads the plasma table, seconds per loop)"),
        "bench eos": ([], "every key: a timing benchmark"),
        "bench flash": ([], "every key: a timing benchmark of whole flash tracks"),
        "bench microphysics": ([], "every key: a timing benchmark (seconds per loop of the envelope EOS, opacity and burning)"),
        "bench zams": ([], "every key: a timing benchmark of whole ZAMS builds"),
        "bench star": ([], "every key: a timing benchmark of a whole-star track to the flash (minutes)"),
        "star": ([], "every key: a whole-star track (minutes in a debug build; StarEvolutionTests check its values)"),
        "solar-calibration": ([], "every key: five or more solar tracks (StarEvolutionTests recompute the stored calibration)"),
        "bench store": ([], "every key: a timing benchmark (writes and reads 10⁴ store entries)"),
        "grid plan": ([], "every key: needs a grid spec and a track store (GridCLITests check the emitted keys)"),
        "grid run": ([], "every key: runs flash tracks (GridCLITests check the emitted keys)"),
        "grid status": ([], "every key: needs a grid in a track store (GridCLITests check the emitted keys)"),
        "grid export": ([], "every key: needs a grid in a track store (GridCLITests check the emitted keys)"),
        "store info|verify|prune": ([], "every key: reads a track store (GridCLITests check the emitted keys)"),
        "millicharge": (["calibrations", "calibration", "q_limit_delta_chi2_e0", "q_limit_feldman_cousins_e0",
                         "theory_error_m_i", "combined_q_limit_e0"],
                        "the `red_giant` object's keys: only with --red-giant, which runs the bound pipeline (flash tracks)"),
        "compare": (["calibration", "mu12_limit"],
                    "`stellar_calibrations` entries: only when the stellar limit is computed (no --stellar-limit), which runs flash tracks"),
    ]

    static func keys<K: CodingKey & CaseIterable>(_: K.Type) -> Set<String> { Set(K.allCases.map(\.stringValue)) }

    /// The coding keys of each command's report types, nested types included (the keys a report can write).
    static let codingKeys: [String: Set<String>] = codingKeysOwn.mapValues { $0.union(common) }

    /// Each report type's own coding keys.
    static let codingKeysOwn: [String: Set<String>] = [
        "plasma": keys(PlasmaPointReport.CodingKeys.self),
        "microphysics": keys(MicrophysicsCoreReport.CodingKeys.self).union(keys(EnvelopePointReport.CodingKeys.self)),
        "data-dir": keys(DataDirReport.CodingKeys.self),
        "bench plasma": keys(BenchPlasmaReport.CodingKeys.self),
        "bench eos": keys(BenchEOSReport.CodingKeys.self),
        "flash": keys(FlashReport.CodingKeys.self),
        "bench flash": keys(BenchFlashReport.CodingKeys.self),
        "bound": keys(BoundReport.CodingKeys.self).union(keys(BoundReport.Limits.CodingKeys.self))
            .union(keys(BoundReport.CalibrationEntry.CodingKeys.self)).union(keys(BoundReport.PublishedLimit.CodingKeys.self))
            .union(keys(BoundReport.TipPoint.CodingKeys.self)).union(keys(BoundReport.BudgetEntry.CodingKeys.self))
            .union(keys(BoundReport.Combined.CodingKeys.self)).union(keys(BoundReport.Tested.CodingKeys.self))
            .union(keys(BoundReport.Tested.Outcome.CodingKeys.self)).union(keys(TipSurface.CodingKeys.self)),
        "millicharge": keys(MillichargeReport.CodingKeys.self).union(keys(MillichargeReport.Object.CodingKeys.self))
            .union(keys(MillichargeReport.Inputs.CodingKeys.self)).union(keys(MillichargeReport.RedGiant.CodingKeys.self))
            .union(keys(MillichargeReport.RedGiant.Calibration.CodingKeys.self)).union(keys(MillichargeReport.Limit.CodingKeys.self)),
        "compare": keys(CompareReport.CodingKeys.self).union(keys(CompareReport.StellarCalibration.CodingKeys.self))
            .union(keys(CompareReport.Matrix.CodingKeys.self)).union(keys(CompareReport.Limit.CodingKeys.self)),
        "scattering": keys(ScatteringReport.CodingKeys.self).union(keys(ScatteringReport.Projection.CodingKeys.self))
            .union(keys(ScatteringReport.SpectrumPoint.CodingKeys.self)),
        "posterior": keys(PosteriorReport.CodingKeys.self).union(keys(PosteriorReport.Priors.CodingKeys.self))
            .union(keys(PosteriorReport.Parameter.CodingKeys.self)),
        "joint": keys(JointReport.CodingKeys.self).union(keys(JointReport.AtG13.CodingKeys.self)),
        "bench microphysics": keys(BenchMicrophysicsReport.CodingKeys.self),
        "zams": keys(ZAMSReport.CodingKeys.self),
        "bench zams": keys(BenchZAMSReport.CodingKeys.self),
        "bench star": keys(BenchStarReport.CodingKeys.self),
        "star": keys(StarTrackReport.CodingKeys.self),
        "solar-calibration": keys(SolarCalibration.Result.CodingKeys.self),
        "bench store": keys(BenchStore.Report.CodingKeys.self),
        "grid plan": keys(GridCommand.Plan.Report.CodingKeys.self),
        "grid run": keys(GridCommand.Run.Report.CodingKeys.self),
        "grid status": keys(GridCommand.Status.Report.CodingKeys.self).union(keys(GridTracks.ShardStatus.CodingKeys.self)),
        "grid export": keys(GridExport.Report.CodingKeys.self).union(GridExport.columns),
        "store info|verify|prune": keys(StoreCommand.Report.CodingKeys.self),
    ]

    /// The keys every object report carries (`provenance`; documented once, in the `stellarbound *` section).
    static let common: Set<String> = keys(Provenance.CodingKeys.self).union(["provenance"])

    /// The sections, with the `stellarbound *` section's keys (`provenance`) merged into each.
    static func contract() throws -> [String: Section] {
        let url = StellarModelsFixture.repositoryRoot.appendingPathComponent("Docs/output-contract.md")
        var out = sections(try String(contentsOf: url, encoding: .utf8))
        guard let everyReport = out.removeValue(forKey: "*") else { return out }
        for command in out.keys { out[command]!.merge(everyReport) }
        return out
    }

    @Test("the parser finds every JSON section and its keys")
    func parserSeesTheContract() throws {
        let s = try Self.contract()
        for c in ["plasma", "microphysics", "data-dir", "bench plasma", "bench eos", "flash", "bench flash", "bound",
                  "millicharge", "compare", "scattering", "posterior"] {
            #expect((s[c]?.defined.count ?? 0) > 1, "section \(c)")
        }
        #expect(s["plasma"]?.defined.contains("positron_density_cm3") == true)             // "`a`, `b`" cells
        #expect(s["bound"]?.defined.isSuperset(of: ["source", "excluded", "predicted_m_i"]) == true)   // {…} lists
        #expect(s["compare"]?.defined.isSuperset(of: ["beam", "reach_ratio", "matrix_moment_mu_b"]) == true)   // bullets
        #expect(s["compare"]?.defined.contains("stellar") == false)    // a value, not a key
        #expect(s["bound"]?.defined.contains("m_i_") != true)          // the plot's CSV columns are not JSON keys
        #expect(Self.braceKeys("[{a, b (x, y), c: {d, e}}]") == ["a", "b", "c", "d", "e"])
    }

    @Test("every report type's coding keys are documented in its command's section, and every documented key is a coding key")
    func codingKeysAreTheContract() throws {
        let contract = try Self.contract()
        #expect(Set(contract.keys) == Set(Self.codingKeys.keys),
                "sections without report types: \(Set(contract.keys).subtracting(Self.codingKeys.keys).sorted()); report types without a section: \(Set(Self.codingKeys.keys).subtracting(contract.keys).sorted())")
        for (command, keys) in Self.codingKeys {
            guard let section = contract[command] else { continue }
            let undocumented = keys.subtracting(section.mentioned)
            #expect(undocumented.isEmpty, "\(command): coding keys not documented: \(undocumented.sorted())")
            let notCoded = section.defined.subtracting(keys)
            #expect(notCoded.isEmpty, "\(command): documented keys that no report type codes: \(notCoded.sorted())")
        }
    }

    @Test("every key emitted in --json mode is documented in its command's section")
    func emittedKeysAreDocumented() throws {
        let contract = try Self.contract()
        for run in GoldenRuns.runs where !run.isCSV {
            guard let section = contract[run.command] else { Issue.record("no contract section for \(run.command)"); continue }
            let keys = try JSONValue.parse(run.stdout).allKeys
            let undocumented = keys.subtracting(section.mentioned)
            #expect(undocumented.isEmpty, "\(run.name): undocumented keys \(undocumented.sorted())")
        }
    }

    @Test("every documented key is emitted by some golden run, or listed as emitted only by slow commands")
    func documentedKeysAreEmitted() throws {
        let contract = try Self.contract()
        var emitted: [String: Set<String>] = [:]
        for run in GoldenRuns.runs where !run.isCSV {
            emitted[run.command, default: []].formUnion(try JSONValue.parse(run.stdout).allKeys)
        }
        for (command, section) in contract {
            if let skip = Self.notRun[command], skip.keys.isEmpty {
                #expect(emitted[command] == nil, "\(command) is run after all: drop it from notRun")
                continue
            }
            let excused = Self.notRun[command]?.keys ?? []
            let missing = section.defined.subtracting(emitted[command] ?? []).subtracting(excused)
            #expect(missing.isEmpty, "\(command): documented but never emitted: \(missing.sorted())")
            let stale = excused.subtracting(section.defined).union(excused.intersection(emitted[command] ?? []))
            #expect(stale.isEmpty, "\(command): notRun lists keys that are undocumented or emitted after all: \(stale.sorted())")
        }
    }
}

extension OutputContractTests.Section {
    mutating func merge(_ other: Self) {
        mentioned.formUnion(other.mentioned)
        defined.formUnion(other.defined)
    }
}
