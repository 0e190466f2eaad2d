import ErrorVocabulary

/// A report held a NaN or an infinity where the contract promises a finite number: the computation behind it
/// failed (exit code 1), and nothing is written. `path` names the key, e.g. `calibrations[0].mu12_limit`.
public struct NonFiniteOutput: ClassifiedFailure {
    public let value: Double
    public let path: String

    public init(value: Double, path: [any CodingKey]) {
        self.value = value
        self.path = Self.describe(path)
    }

    public var failureKind: FailureKind { .computationFailed }
    public var description: String {
        "the computation gave a non-finite value (\(ParameterRejection.format(value))) for \(path); nothing was written"
    }

    /// `[calibrations, 0, mu12_limit]` → `calibrations[0].mu12_limit`.
    static func describe(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue, key.stringValue == "\(i)" || key.stringValue.isEmpty {
                out += "[\(i)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out.isEmpty ? "the top-level value" : out
    }
}
