import Foundation

/// Writes an ordered list of (key, value) pairs as one JSON object. Keys are a documented
/// contract (Docs/plasma.md); values must be finite (a non-finite number is an internal error,
/// reported instead of being written).
struct JSONObject {
    private var entries: [(String, String)] = []

    mutating func add(_ key: String, _ value: Double) throws {
        guard value.isFinite else { throw ComputationError(message: "non-finite value for \(key)") }
        entries.append((key, jsonNumber(value)))
    }
    /// A value that may be unavailable (a model outside its validity range): written as null.
    mutating func add(_ key: String, optional value: Double?) throws {
        guard let value else { entries.append((key, "null")); return }
        try add(key, value)
    }
    mutating func add(_ key: String, _ value: Int) { entries.append((key, String(value))) }
    mutating func add(_ key: String, strings: [String]) {
        entries.append((key, "[" + strings.map(jsonString).joined(separator: ", ") + "]"))
    }
    mutating func add(_ key: String, _ value: String) { entries.append((key, jsonString(value))) }
    mutating func add(_ key: String, raw: String) { entries.append((key, raw)) }

    var text: String {
        "{\n" + entries.map { "  \(jsonString($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}"
    }
}

func jsonNumber(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(format: "%.1f", v) }
    return String(format: "%.10g", v)
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
        }
    }
    return out + "\""
}
