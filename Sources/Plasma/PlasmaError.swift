/// Errors of the plasma module: bad physical input, or a numerical failure with its context.
public enum PlasmaError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A parameter outside its allowed range (`parameter` is the user-facing name).
    case outOfRange(parameter: String, value: Double, allowed: String)
    /// A numerical step failed (quadrature, root finding); `context` says where.
    case numerical(String)

    public var description: String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            return "\(parameter) = \(value) is outside the allowed range \(allowed)"
        case let .numerical(context):
            return "numerical failure: \(context)"
        }
    }
}
