import ErrorVocabulary

/// ModelDataError in the error vocabulary: missing or malformed data is bad input naming the file and field.
extension ModelDataError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}
