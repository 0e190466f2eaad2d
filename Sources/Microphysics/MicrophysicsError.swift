/// Errors of the microphysics module.
public enum MicrophysicsError: Error, CustomStringConvertible, Equatable, Sendable {
    case outOfRange(parameter: String, value: Double, allowed: String)

    public var description: String {
        switch self {
        case let .outOfRange(p, v, a): return "\(p) = \(v) is outside the allowed range \(a)"
        }
    }
}
