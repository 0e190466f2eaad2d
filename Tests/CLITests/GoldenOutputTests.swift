import Foundation
import TestSupport
import Testing

/// Golden outputs (issue 12: "nothing changes for users"): each command of Tests/Golden/commands.txt is
/// rerun and compared with the stored output of Tests/Golden/regenerate.sh: every key identical, every
/// string and Boolean equal, every number within 10⁻³ relative (10⁻⁶ absolute where the golden value is 0).
@Suite("Golden outputs (Tests/Golden)")
struct GoldenOutputTests {
    /// Keys whose values legitimately differ between runs (the key itself must still be there).
    static let varying: Set<String> = [
        "seconds",          // wall-clock time of the command
        "wall_time_s",      // wall-clock time of a flash track
        "data_dir",         // absolute path of the checkout
        "data_digest",      // digest of StellarModels: changes with any data file (provenance)
        "threads",          // worker threads = the machine's cores
        "tracks_computed",  // 0 when the track cache already holds the tracks
    ]
    static let relative = 1e-3, absoluteAtZero = 1e-6

    /// Differences between `value` and `golden`, as "path: reason" lines.
    static func differences(_ value: JSONValue, _ golden: JSONValue, path: String = "$") -> [String] {
        switch (value, golden) {
        case let (.object(a), .object(b)):
            var out: [String] = []
            for k in Set(b.keys).subtracting(a.keys).sorted() { out.append("\(path).\(k): missing") }
            for k in Set(a.keys).subtracting(b.keys).sorted() { out.append("\(path).\(k): not in the golden output") }
            for (k, g) in b where !varying.contains(k) {
                if let v = a[k] { out += differences(v, g, path: "\(path).\(k)") }
            }
            return out
        case let (.array(a), .array(b)):
            guard a.count == b.count else { return ["\(path): \(a.count) elements, golden \(b.count)"] }
            return zip(a, b).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        case let (.number(a), .number(b)):
            return numbersAgree(a, b) ? [] : ["\(path): \(a), golden \(b)"]
        default:
            return value == golden ? [] : ["\(path): \(value), golden \(golden)"]
        }
    }

    static func numbersAgree(_ a: Double, _ b: Double) -> Bool {
        b == 0 ? abs(a) < absoluteAtZero : isClose(a, b, rel: relative)
    }

    /// CSV: identical header and empty cells, numbers as above.
    static func csvDifferences(_ text: String, _ golden: String) -> [String] {
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        let goldenRows = golden.split(separator: "\n", omittingEmptySubsequences: false)
        guard rows.count == goldenRows.count else { return ["\(rows.count) lines, golden \(goldenRows.count)"] }
        var out: [String] = []
        for (i, (row, g)) in zip(rows, goldenRows).enumerated() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            let goldenCells = g.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == goldenCells.count else { out.append("line \(i + 1): \(cells.count) cells"); continue }
            for (c, gc) in zip(cells, goldenCells) {
                if let x = Double(c), let y = Double(gc) {
                    if !numbersAgree(x, y) { out.append("line \(i + 1): \(x), golden \(y)") }
                } else if c != gc { out.append("line \(i + 1): '\(c)', golden '\(gc)'") }
            }
        }
        return out
    }

    @Test("every golden command reproduces its stored output")
    func goldenOutputs() throws {
        let runs = GoldenRuns.runs
        #expect(!runs.isEmpty)
        for run in runs {
            #expect(run.code == 0, "\(run.name): exit \(run.code): \(run.stderr)")
            let file = GoldenRuns.directory.appendingPathComponent("\(run.name).\(run.isCSV ? "csv" : "json")")
            let golden = try String(contentsOf: file, encoding: .utf8)
            let problems = run.isCSV ? Self.csvDifferences(run.stdout, golden)
                                     : Self.differences(try JSONValue.parse(run.stdout), try JSONValue.parse(golden))
            #expect(problems.isEmpty, "\(run.name) (\(String(format: "%.1f", run.seconds)) s): \(problems.prefix(20).joined(separator: "; "))")
        }
    }

    /// The comparison itself can fail: a key renamed, a number moved by 2 × 10⁻³, a zero become 10⁻⁵.
    @Test func comparisonDetectsChanges() throws {
        let golden = try JSONValue.parse(#"{"a": 1.0, "b": [{"c": 0}], "seconds": 3, "s": "x"}"#)
        #expect(Self.differences(try JSONValue.parse(#"{"a": 1.0005, "b": [{"c": 1e-7}], "seconds": 9, "s": "x"}"#), golden).isEmpty)
        #expect(!Self.differences(try JSONValue.parse(#"{"a": 1.002, "b": [{"c": 0}], "seconds": 3, "s": "x"}"#), golden).isEmpty)
        #expect(!Self.differences(try JSONValue.parse(#"{"a": 1.0, "b": [{"c": 1e-5}], "seconds": 3, "s": "x"}"#), golden).isEmpty)
        #expect(!Self.differences(try JSONValue.parse(#"{"a": 1.0, "b": [{"d": 0}], "seconds": 3, "s": "x"}"#), golden).isEmpty)
        #expect(!Self.differences(try JSONValue.parse(#"{"a": 1.0, "b": [{"c": 0}], "s": "x"}"#), golden).isEmpty)
        #expect(!Self.differences(try JSONValue.parse(#"{"a": true, "b": [{"c": 0}], "seconds": 3, "s": "x"}"#), golden).isEmpty)
        #expect(!Self.csvDifferences("k,w\n1,2.01\n", "k,w\n1,2\n").isEmpty && Self.csvDifferences("k,w\n1,2.001\n", "k,w\n1,2\n").isEmpty)
    }
}
