import ErrorVocabulary

/// LaboratoryError in the error vocabulary: all bad input (the description names the flag or the file, entry and field).
extension LaboratoryError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}
