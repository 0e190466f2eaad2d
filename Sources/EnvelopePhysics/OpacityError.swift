/// Failures of the tabulated opacities: a malformed table (file, line, field), an input outside the
/// tables' domain (quantity, value, domain), or a set of tables that does not form a grid.
public enum OpacityError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A table file that does not parse or contradicts its own header; `line` counts from 1.
    case malformed(file: String, line: Int, field: String, reason: String)
    /// An input outside the tables: `quantity` is "log R", "log T", "X", "Z" or "log rho".
    case outOfDomain(quantity: String, value: Double, domain: String)
    /// The files of a family do not form the expected (X, Z) grid or do not share their (log R, log T) axes.
    case inconsistentTables(family: String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(file, line, field, reason):
            return "\(file):\(line): field '\(field)': \(reason)"
        case let .outOfDomain(quantity, value, domain):
            return "opacity: \(quantity) = \(value) is outside the tables' domain \(domain)"
        case let .inconsistentTables(family, reason):
            return "opacity tables '\(family)': \(reason)"
        }
    }
}
