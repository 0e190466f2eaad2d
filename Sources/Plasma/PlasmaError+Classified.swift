import ErrorVocabulary

/// PlasmaError in the error vocabulary: a range error is bad input naming its flag; a numerical failure is a failed computation.
extension PlasmaError: ClassifiedFailure {
    public var failureKind: FailureKind {
        if case .outOfRange = self { return .badInput }
        return .computationFailed
    }
    public var rejection: ParameterRejection? {
        guard case let .outOfRange(parameter, value, allowed) = self else { return nil }
        return ParameterRejection(key: parameter, value: value, allowed: allowed)
    }
}
