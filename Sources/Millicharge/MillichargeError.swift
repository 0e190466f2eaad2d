/// Failures of the millicharge module; each names the parameter (or file, entry and field) and the allowed range.
public enum MillichargeError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidParameter(name: String, value: Double, allowed: String)
    case unknownObject(name: String, available: [String])
    case invalidData(file: String, entry: String, field: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, allowed):
            return "\(name) = \(value) is outside the allowed range \(allowed)"
        case let .unknownObject(name, available):
            return "unknown object '\(name)'; valid: \(available.joined(separator: ", ")), all"
        case let .invalidData(file, entry, field, reason):
            return "\(file): entry '\(entry)', field '\(field)': \(reason)"
        }
    }
}
