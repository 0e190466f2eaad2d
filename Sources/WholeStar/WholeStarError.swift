import ErrorVocabulary

/// Why a whole-star model could not be built (typed; bad input names the parameter and its allowed range).
public enum WholeStarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input parameter outside its range (`parameter` is the CLI key, e.g. "mass").
    case outOfRange(parameter: String, value: Double, allowed: String)
    /// A Newton iterate left the physical domain (e.g. L ≤ 0 at the surface).
    case unphysicalIterate(quantity: String, value: Double)
    /// The relaxation did not converge (the solver's or the physics' reason).
    case notConverged(reason: String)

    public var description: String {
        switch self {
        case let .outOfRange(p, v, a): return "\(p) = \(v) is outside the allowed range \(a)"
        case let .unphysicalIterate(q, v): return "Newton iterate left the physical domain: \(q) = \(v)"
        case let .notConverged(r): return "the stellar model did not converge: \(r)"
        }
    }
}

/// WholeStarError in the error vocabulary: a parameter out of range is bad input; the rest a failed computation.
extension WholeStarError: ClassifiedFailure {
    public var failureKind: FailureKind {
        if case .outOfRange = self { return .badInput }
        return .computationFailed
    }
    public var rejection: ParameterRejection? {
        guard case let .outOfRange(p, v, a) = self else { return nil }
        return ParameterRejection(key: p, value: v, allowed: a)
    }
}
