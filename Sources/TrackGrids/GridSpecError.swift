import ErrorVocabulary

/// A grid spec that cannot be used, or a grid command given bad input: the file, the field and what is allowed
/// (bad input, exit 2); or a grid that is not finished where a finished one is needed (a failed computation, exit 1).
public enum GridError: Error, Sendable, Equatable, CustomStringConvertible, ClassifiedFailure {
    /// `file`: `field`: `reason` (the reason says what is allowed).
    case invalidSpec(file: String, field: String, reason: String)
    /// A command-line value out of range: the flag, the value, what is allowed.
    case invalidOption(flag: String, value: String, allowed: String)
    /// The grid lacks tracks an analysis needs (not yet computed, or failed).
    case incomplete(String)
    /// The grid's axes or fixed values do not cover what an analysis needs (bad input: the message names the axis).
    case notCovered(String)

    public var description: String {
        switch self {
        case let .invalidSpec(file, field, reason): return "\(file): \(field): \(reason)"
        case let .invalidOption(flag, value, allowed): return "\(flag) \(value) is not allowed: \(allowed)"
        case let .incomplete(message), let .notCovered(message): return message
        }
    }

    public var failureKind: FailureKind {
        if case .incomplete = self { return .computationFailed }
        return .badInput
    }
}
