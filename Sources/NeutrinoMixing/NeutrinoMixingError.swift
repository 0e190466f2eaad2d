/// Failures of the neutrino-mixing module: a moment-matrix or PMNS file that cannot be used. The message
/// names the file, the entry and the field, and says what is wrong.
public enum NeutrinoMixingError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidData(file: String, entry: String, field: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidData(file, entry, field, reason):
            return "\(file): entry '\(entry)', field '\(field)': \(reason)"
        }
    }
}
