import ErrorVocabulary

/// TRGBError in the error vocabulary: `.computation` is a failed computation, everything else bad input;
/// `.invalidParameter` names its flag.
extension TRGBError: ClassifiedFailure {
    public var failureKind: FailureKind {
        if case .computation = self { return .computationFailed }
        return .badInput
    }
    public var rejection: ParameterRejection? {
        guard case let .invalidParameter(name, value, allowed) = self else { return nil }
        return ParameterRejection(key: name, value: value, allowed: allowed)
    }
}
