import ErrorVocabulary

/// An unwritable store directory is bad input (exit 2, naming the flag or variable that chose it); a damaged entry
/// that reaches a caller (only `store verify` reports them) is a failed check.
extension TrackStoreError: ClassifiedFailure {
    public var failureKind: FailureKind {
        if case .unwritable = self { return .badInput }
        return .computationFailed
    }
}
