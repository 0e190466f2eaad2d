/// The one error vocabulary of stellarbound: every module's error says whether it is bad input or a
/// failed computation, and, when it rejects a parameter, which one (a stable key), its value and the
/// allowed range. Front ends decide exit codes from `failureKind` alone (the CLI: bad input 2,
/// failed computation 1), so no front end needs to know each module's error type.
public enum FailureKind: Sendable, Equatable {
    /// The request cannot be served as given: a value out of range, outside a model's validity, an
    /// unknown name, missing or malformed data. The message names the parameter or the file and field.
    case badInput
    /// The inputs were valid but the computation did not succeed (no convergence, no flash, …).
    case computationFailed
}

/// A rejected parameter: its stable key (the command-line flag without dashes, e.g. "mass", or
/// several joined by " + " when only their combination is invalid), the value and the allowed range.
public struct ParameterRejection: Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let value: Double
    public let allowed: String

    public init(key: String, value: Double, allowed: String) {
        self.key = key
        self.value = value
        self.allowed = allowed
    }

    /// "--mass 3.0 is outside the allowed range [0.7, 1.8] M☉" (flags named as the user typed them).
    public var description: String {
        let flags = key.split(separator: " + ").map { "--\($0)" }.joined(separator: " + ")
        return "\(flags) \(Self.format(value)) is outside the allowed range \(allowed)"
    }

    /// nan, inf and -inf spelled as a user would type them.
    public static func format(_ v: Double) -> String {
        v.isNaN ? "nan" : v.isInfinite ? (v > 0 ? "inf" : "-inf") : "\(v)"
    }
}

/// An error in the vocabulary: its kind, and its parameter rejection when it is one whose key is a flag.
public protocol ClassifiedFailure: Error, CustomStringConvertible {
    var failureKind: FailureKind { get }
    /// The rejected parameter, when the error names one by its flag; nil otherwise (the description
    /// then names the file, field or quantity itself).
    var rejection: ParameterRejection? { get }
}

extension ClassifiedFailure {
    public var rejection: ParameterRejection? { nil }
    /// The message for people: the rejection when there is one, else the description.
    public var message: String { rejection?.description ?? description }
}
