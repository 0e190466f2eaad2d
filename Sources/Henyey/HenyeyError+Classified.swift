import ErrorVocabulary

/// HenyeyError in the error vocabulary: an invalid setting is bad input; everything else is a failed step.
extension HenyeyError: ClassifiedFailure {
    public var failureKind: FailureKind {
        if case .invalidSetting = self { return .badInput }
        return .computationFailed
    }
    public var rejection: ParameterRejection? {
        guard case let .invalidSetting(name, value, allowed) = self else { return nil }
        return ParameterRejection(key: name, value: value, allowed: allowed)
    }
}
