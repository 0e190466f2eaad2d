import RedGiantCore

/// What is kept of a finished flash track: the tip (what the bound extractor uses), where and when helium ignited,
/// and what the run cost. Its coding keys carry units and are the output columns of `grid export`
/// (Docs/output-contract.md, "grid export").
public struct TrackOutcome: Sendable, Equatable, Codable {
    /// Helium-core mass at the flash, M☉.
    public var coreMass: Double
    /// log₁₀(L/L☉) at the tip.
    public var logTipLuminosity: Double
    /// Wall-clock time of the track, s (not part of a track's identity; a stored track keeps its first run's).
    public var seconds: Double
    /// Where helium ignites: mass coordinate (M☉), density (g cm⁻³) and temperature (K) of the cell of largest ε_3α.
    public var ignitionMass = 0.0, ignitionDensity = 0.0, ignitionTemperature = 0.0
    /// Central density (g cm⁻³) and temperature (K) at the flash.
    public var centralDensity = 0.0, centralTemperature = 0.0
    /// Time from the starting model to the flash, yr.
    public var age = 0.0
    /// Accepted steps, Newton iterations, retried steps.
    public var steps = 0, iterations = 0, retries = 0

    public init(coreMass: Double, logTipLuminosity: Double, seconds: Double) {
        self.coreMass = coreMass
        self.logTipLuminosity = logTipLuminosity
        self.seconds = seconds
    }

    /// The outcome of a flashed track.
    public init(_ r: FlashResult, seconds: Double) {
        self.init(coreMass: r.coreMass, logTipLuminosity: r.logTipLuminosity, seconds: seconds)
        ignitionMass = r.ignitionMass
        ignitionDensity = r.ignitionDensity
        ignitionTemperature = r.ignitionTemperature
        centralDensity = r.centralDensity
        centralTemperature = r.centralTemperature
        age = r.age
        steps = r.steps
        iterations = r.iterations
        retries = r.retries
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case coreMass = "core_mass_msun", logTipLuminosity = "log_l_tip", seconds = "wall_time_s"
        case ignitionMass = "ignition_mass_msun", ignitionDensity = "ignition_density_g_cm3"
        case ignitionTemperature = "ignition_temperature_k"
        case centralDensity = "central_density_g_cm3", centralTemperature = "central_temperature_k"
        case age = "age_yr", steps = "steps", iterations = "newton_iterations", retries = "retries"
    }

    /// The outputs in `CodingKeys` order (the export's columns).
    public var columns: [Double] {
        [coreMass, logTipLuminosity, seconds, ignitionMass, ignitionDensity, ignitionTemperature,
         centralDensity, centralTemperature, age, Double(steps), Double(iterations), Double(retries)]
    }
}

/// Why a track ended without a flash, as stored and exported: a stable kind (`starting_model`, `envelope_exhausted`,
/// `step_failed`, `no_flash`) for scripts, and the message for people.
public struct TrackFailure: Sendable, Equatable, Codable, CustomStringConvertible {
    public var kind: String
    public var message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    public init(_ failure: FlashFailure) {
        switch failure {
        case .startingModel: kind = "starting_model"
        case .envelopeExhausted: kind = "envelope_exhausted"
        case .stepFailed: kind = "step_failed"
        case .noFlash: kind = "no_flash"
        }
        message = failure.description
    }

    public var description: String { "\(kind): \(message)" }
}

/// One track's result: its outcome, or the typed reason it did not flash.
public enum TrackResult: Sendable, Equatable {
    case flashed(TrackOutcome)
    case failed(TrackFailure)

    public var outcome: TrackOutcome? {
        if case let .flashed(o) = self { return o }
        return nil
    }
}
