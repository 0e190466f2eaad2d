/// The one writer of the documented `--json` reports (Docs/output-contract.md): any `Encodable` report becomes
/// a pretty-printed JSON object with sorted keys, slashes unescaped and UTF-8 kept as is.
///
/// Why not `JSONEncoder`: the contract keeps the type of every number. A `Double` is written with a decimal
/// point or an exponent (`3.0`, `1e-14`, the shortest text that reads back to the same double), an integer
/// without (`160`), so a script sees a float where it saw one before and an integer where it saw one; `JSONEncoder`
/// writes the double 3.0 as `3`. And a number that is not finite is never written: encoding throws
/// `NonFiniteOutput` (a failed computation) naming the key path, instead of printing NaN or infinity.
///
/// Optional values are written as `null` when a report encodes them with `encode(_:forKey:)` (the key is always
/// present), and left out with `encodeIfPresent` (for keys documented as present only sometimes).
public enum ContractJSON {
    /// The report as JSON text (no trailing newline).
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let root = ContractNode()
        try value.encode(to: ContractEncoder(node: root, codingPath: []))
        var out = ""
        root.write(to: &out, indent: "")
        return out
    }

    /// The report as JSON text with one more top-level key, `provenance` (what produced it: Docs/output-contract.md,
    /// "provenance"). A report that is not a JSON object (an array) is written without it.
    public static func encode<T: Encodable, P: Encodable>(_ value: T, provenance: P) throws -> String {
        let root = ContractNode()
        try value.encode(to: ContractEncoder(node: root, codingPath: []))
        if root.kind == .object || root.kind == .unset {
            let extra = ContractNode()
            try provenance.encode(to: ContractEncoder(node: extra, codingPath: []))
            root.kind = .object
            root.members["provenance"] = extra
        }
        var out = ""
        root.write(to: &out, indent: "")
        return out
    }

    /// A finite double as JSON: Swift's shortest round-trip text, which always has a decimal point or an
    /// exponent (`3.0`, `1e-14`, `1.4735409184091875e+17`) and is valid JSON for every finite value.
    static func number(_ v: Double, path: [any CodingKey]) throws -> String {
        guard v.isFinite else { throw NonFiniteOutput(value: v, path: path) }
        return v.description
    }

    /// A string as JSON: quotes, backslashes and control characters escaped, everything else (slashes,
    /// non-ASCII letters) as is.
    static func string(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
