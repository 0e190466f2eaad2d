/// Errors of the flash integrator: bad input (exit code 2 in the CLI) and data problems.
/// A failed integration is not an error: it is a `FlashResult` with status `.failed(reason)`.
public enum FlashError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidParameter(name: String, value: Double, allowed: String)
    case unknownRelations(name: String, available: [String])
    case invalidData(field: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(n, v, a): return "\(n) = \(v) is outside the allowed range \(a)"
        case let .unknownRelations(n, av): return "unknown core-edge relations '\(n)'; available: \(av.joined(separator: ", "))"
        case let .invalidData(f, r): return "core-edge relations: field \(f): \(r)"
        }
    }
}
