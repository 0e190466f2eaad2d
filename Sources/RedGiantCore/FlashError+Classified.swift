import ErrorVocabulary

/// The flash integrator's errors in the error vocabulary: bad parameters and data are bad input (a
/// parameter named by its flag); a track that ends without a flash is a failed computation.
extension FlashError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
    public var rejection: ParameterRejection? {
        guard case let .invalidParameter(name, value, allowed) = self else { return nil }
        return ParameterRejection(key: name, value: value, allowed: allowed)
    }
}

extension FlashFailure: ClassifiedFailure {
    public var failureKind: FailureKind { .computationFailed }
}
