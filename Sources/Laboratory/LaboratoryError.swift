/// Failures of the laboratory module; each names the parameter (or file, entry and field) and the allowed range.
public enum LaboratoryError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidParameter(name: String, value: Double, allowed: String)
    case unknownExperiment(name: String, available: [String])
    case invalidData(file: String, entry: String, field: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, allowed):
            return "\(name) = \(value) is outside the allowed range \(allowed)"
        case let .unknownExperiment(name, available):
            return "unknown experiment '\(name)'; valid: \(available.joined(separator: ", "))"
        case let .invalidData(file, entry, field, reason):
            return "\(file): entry '\(entry)', field '\(field)': \(reason)"
        }
    }
}
