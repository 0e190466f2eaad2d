/// Failures of the bound extractor; messages name the parameter (or file, entry and field) and the allowed range.
public enum TRGBError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidParameter(name: String, value: Double, allowed: String)
    case unknownCalibration(name: String, available: [String])
    case invalidData(file: String, entry: String, field: String, reason: String)
    case outsideTable(table: String, quantity: String, value: Double, range: ClosedRange<Double>)
    case invalidPrior(String)
    case computation(String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, allowed):
            return "\(name) = \(value) is outside the allowed range \(allowed)"
        case let .unknownCalibration(name, available):
            return "unknown calibration '\(name)'; valid: \(available.joined(separator: ", ")), all"
        case let .invalidData(file, entry, field, reason):
            return "\(file): entry '\(entry)', field '\(field)': \(reason)"
        case let .outsideTable(table, quantity, value, range):
            return "\(table): \(quantity) = \(value) is outside the table's range [\(range.lowerBound), \(range.upperBound)]"
        case let .invalidPrior(message):
            return "inconsistent prior: \(message)"
        case let .computation(message):
            return message
        }
    }
}
