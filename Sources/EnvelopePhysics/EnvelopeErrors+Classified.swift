import ErrorVocabulary

/// The envelope physics' errors in the error vocabulary: a point outside a table's or a model's domain, a
/// malformed table or an unsupported choice is bad input (the description names the quantity or the file,
/// line and field); a solver that does not converge inside the domain is a failed computation.
extension OpacityError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}

extension EnvelopeEOSError: ClassifiedFailure {
    public var failureKind: FailureKind {
        if case .notConverged = self { return .computationFailed }
        return .badInput
    }
}

extension HydrogenBurningError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}

extension MixtureError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}

extension MixingLengthError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}

extension AtmosphereError: ClassifiedFailure {
    public var failureKind: FailureKind {
        if case .integrationFailed = self { return .computationFailed }
        return .badInput
    }
}

extension MassLossError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}

extension ReaclibError: ClassifiedFailure {
    public var failureKind: FailureKind { .badInput }
}
