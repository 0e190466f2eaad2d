import ErrorVocabulary

/// MicrophysicsError in the error vocabulary: a state outside the physics' validity is bad input (its
/// parameter is a physical quantity, not a flag, so the description names it).
extension MicrophysicsError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}
