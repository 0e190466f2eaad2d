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
    /// The star's surface at the tip (whole-star tracks only; nil for the core-only engine, whose envelope is not
    /// modelled): what the bound's photometry reads instead of an empirical tip colour.
    public var surface: TipSurface?

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
        case surface = "surface"
    }

    /// The export's columns (`grid export`, Docs/output-contract.md): every key but `surface`, in `CodingKeys` order.
    public static let columnKeys: [CodingKeys] = CodingKeys.allCases.filter { $0 != .surface }

    /// The outputs in `columnKeys` order (the export's columns).
    public var columns: [Double] {
        [coreMass, logTipLuminosity, seconds, ignitionMass, ignitionDensity, ignitionTemperature,
         centralDensity, centralTemperature, age, Double(steps), Double(iterations), Double(retries)]
    }
}

/// The surface of a whole-star track at the tip (helium ignition, interpolated to L_He = 10 L☉ like the rest of
/// the tip): the photosphere the bolometric corrections need, and the surface composition. Keys with units.
public struct TipSurface: Sendable, Equatable, Codable {
    /// T_eff (K), log₁₀ g (cgs), R (R☉) and the mass then (M☉, after the wind).
    public var effectiveTemperature: Double, logGravity: Double, radius: Double, mass: Double
    /// Surface X and Y (the first dredge-up's mark), and the first dredge-up's ΔY (surface Y − initial Y).
    public var hydrogen: Double, helium: Double, dredgeUpDeltaY: Double
    /// How helium ignited: `flashed` (a runaway, c* > 0) or `quiescent_ignition` (`StarTrackStatus`).
    public var ignition: String

    public init(effectiveTemperature: Double, logGravity: Double, radius: Double, mass: Double, hydrogen: Double,
                helium: Double, dredgeUpDeltaY: Double, ignition: String) {
        self.effectiveTemperature = effectiveTemperature
        self.logGravity = logGravity
        self.radius = radius
        self.mass = mass
        self.hydrogen = hydrogen
        self.helium = helium
        self.dredgeUpDeltaY = dredgeUpDeltaY
        self.ignition = ignition
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case effectiveTemperature = "teff_tip_k", logGravity = "log_g_tip", radius = "radius_tip_rsun"
        case mass = "mass_tip_msun", hydrogen = "surface_hydrogen_tip", helium = "surface_helium_tip"
        case dredgeUpDeltaY = "dredge_up_delta_y", ignition
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
