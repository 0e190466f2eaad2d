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

/// Runs `body`, turning any non-`PlasmaError` failure (a GSL status) into `PlasmaError.numerical`.
func numerical<T>(_ context: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as PlasmaError { throw e } catch {
        throw PlasmaError.numerical("\(context()): \(error)")
    }
}
