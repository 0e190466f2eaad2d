import Foundation
import TRGBBounds

/// `grid export`: one row per track with every input and output (Docs/output-contract.md, "grid export").
/// Columns: `index`, the parameters of `GridParameter.all`, `status` (flashed / failed / missing), `failure_kind`,
/// `failure_message`, then the outputs of `TrackOutcome` (empty or null unless flashed).
public enum GridExport {
    public static var columns: [String] {
        ["index"] + GridParameter.all.map(\.name) + ["status", "failure_kind", "failure_message"]
            + TrackOutcome.columnKeys.map(\.rawValue)
    }

    /// CSV (RFC 4180 quoting), a header line, then one line per row.
    public static func csv(_ rows: [GridRow]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for r in rows {
            var fields = ["\(r.index)"] + r.inputs.map { field($0.1) } + [r.status]
            switch r.state {
            case let .failed(f): fields += [f.kind, quote(f.message)]
            default: fields += ["", ""]
            }
            if case let .flashed(o) = r.state {
                fields += o.columns.enumerated().map { k, v in isInteger(k) ? "\(Int(v))" : "\(v)" }
            } else {
                fields += Array(repeating: "", count: TrackOutcome.columnKeys.count)
            }
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The JSON report's rows and counts.
    public struct Report: Encodable {
        public var grid: String, specFile: String, store: String, codeVersion: String
        public var rows: [GridRow]

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case command, grid, specFile = "spec_file", store = "track_store", codeVersion = "code_version"
            case tracks, flashed, failed, missing, columns, rows
        }

        public init(spec: GridSpec, store: TrackStore, rows: [GridRow]) {
            grid = spec.name
            specFile = spec.file
            self.store = store.directory.path
            codeVersion = store.codeVersion
            self.rows = rows
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("grid export", forKey: .command)
            try c.encode(grid, forKey: .grid)
            try c.encode(specFile, forKey: .specFile)
            try c.encode(store, forKey: .store)
            try c.encode(codeVersion, forKey: .codeVersion)
            try c.encode(rows.count, forKey: .tracks)
            try c.encode(rows.filter { $0.status == "flashed" }.count, forKey: .flashed)
            try c.encode(rows.filter { $0.status == "failed" }.count, forKey: .failed)
            try c.encode(rows.filter { $0.status == "missing" }.count, forKey: .missing)
            try c.encode(GridExport.columns, forKey: .columns)
            try c.encode(rows.map(EncodedRow.init), forKey: .rows)
        }
    }

    /// A row as a JSON object keyed by the columns (outputs null unless flashed).
    struct EncodedRow: Encodable {
        let row: GridRow
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(row.index, forKey: Key("index"))
            for (name, value) in row.inputs {
                switch value {
                case let .number(x): try c.encode(x, forKey: Key(name))
                case let .text(s): try c.encode(s, forKey: Key(name))
                case let .bool(b): try c.encode(b, forKey: Key(name))
                }
            }
            try c.encode(row.status, forKey: Key("status"))
            var failure: TrackFailure?
            if case let .failed(f) = row.state { failure = f }
            try c.encode(failure?.kind, forKey: Key("failure_kind"))
            try c.encode(failure?.message, forKey: Key("failure_message"))
            var outcome: TrackOutcome?
            if case let .flashed(o) = row.state { outcome = o }
            for (k, key) in TrackOutcome.columnKeys.enumerated() {
                if let v = outcome?.columns[k] {
                    if isInteger(k) { try c.encode(Int(v), forKey: Key(key.rawValue)) } else { try c.encode(v, forKey: Key(key.rawValue)) }
                } else {
                    try c.encodeNil(forKey: Key(key.rawValue))
                }
            }
        }
    }

    /// The integer outputs (steps, Newton iterations, retries).
    static func isInteger(_ k: Int) -> Bool {
        [TrackOutcome.CodingKeys.steps, .iterations, .retries].contains(TrackOutcome.columnKeys[k])
    }

    static func field(_ v: GridValue) -> String {
        if case let .text(s) = v { return quote(s) }
        return v.description
    }

    /// RFC 4180: a field with a comma, quote or newline is quoted, quotes doubled.
    static func quote(_ s: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
