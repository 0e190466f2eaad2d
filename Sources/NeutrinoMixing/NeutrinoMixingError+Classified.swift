import ErrorVocabulary

/// NeutrinoMixingError in the error vocabulary: malformed matrices and data are bad input (file, entry and field named).
extension NeutrinoMixingError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}
