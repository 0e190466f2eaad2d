import Foundation
import TestSupport

/// The golden commands of Tests/Golden/commands.txt, each run once per test process with the debug
/// binary (shared by the golden-output and the output-contract tests).
enum GoldenRuns {
    struct Run: Sendable {
        var name: String, arguments: [String]
        var code: Int32, stdout: String, stderr: String, seconds: Double
        /// `plasma`, `flash`, …; `bench plasma` for the bench subcommands.
        var command: String { ["bench", "grid"].contains(arguments.first ?? "") ? arguments.prefix(2).joined(separator: " ") : arguments[0] }
        var isCSV: Bool { arguments.contains("--csv") }
    }

    static let directory = StellarModelsFixture.repositoryRoot.appendingPathComponent("Tests/Golden")

    /// One command a line, "<name>: <arguments>"; `#` starts a comment line.
    static func commands() throws -> [(name: String, arguments: [String])] {
        let text = try String(contentsOf: directory.appendingPathComponent("commands.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
    }

    static let runs: [Run] = {
        do {
            return try commands().map { c in
                let start = Date()
                let (code, out, err) = try run(c.arguments)
                return Run(name: c.name, arguments: c.arguments, code: code, stdout: out, stderr: err,
                           seconds: Date().timeIntervalSince(start))
            }
        } catch { fatalError("golden commands: \(error)") }
    }()
}

extension GoldenRuns {
    /// Runs the debug binary in the repository root, as regenerate.sh runs the release one.
    static func run(_ args: [String]) throws -> (Int32, String, String) {
        try CLITests.run(args, environment: ["STELLARBOUND_DATA": StellarModelsFixture.url.path],
                         directory: StellarModelsFixture.repositoryRoot)
    }
}

/// A JSON value decoded strictly (a number is never a Bool and vice versa), for exact key comparisons.
enum JSONValue: Decodable, Equatable {
    case object([String: JSONValue]), array([JSONValue]), number(Double), string(String), bool(Bool), null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Every object key at any depth (array elements included).
    var allKeys: Set<String> {
        switch self {
        case let .object(o): return o.reduce(into: Set(o.keys)) { $0.formUnion($1.value.allKeys) }
        case let .array(a): return a.reduce(into: Set<String>()) { $0.formUnion($1.allKeys) }
        default: return []
        }
    }
}
