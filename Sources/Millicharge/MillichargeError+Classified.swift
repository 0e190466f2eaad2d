import ErrorVocabulary

/// MillichargeError in the error vocabulary: all bad input (the description names the flag or the file, entry and field).
extension MillichargeError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}
