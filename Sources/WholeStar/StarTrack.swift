import Foundation

/// Where a track stops, and how it ended.
public enum StarStop: String, Sendable, CaseIterable, Codable {
    /// At the requested age.
    case age
    /// At the end of the main sequence: central X below `StarTrack.terminalHydrogen` (10⁻⁴, the TAMS of MIST/MESA
    /// track grids, Dotter 2016 §2.2 "TAMS: X_c < 10⁻⁴").
    case tams
}

/// A track's status: it reached its stop, or it failed with a typed reason.
public enum StarTrackStatus: String, Sendable, Codable {
    /// Reached the requested age.
    case ageReached = "age_reached"
    /// Reached the end of the main sequence (X_c < 10⁻⁴).
    case tamsReached = "tams_reached"
    /// The step or retry limit was hit, or a step failed: `failureReason` says which.
    case failed
}

/// Runs an evolution to a stop and keeps its history.
public enum StarTrack {
    /// Central X of the terminal-age main sequence.
    public static let terminalHydrogen = 1e-4

    /// The outcome: status, the last model, the history, and the failure's reason (nil unless failed).
    public struct Outcome: Sendable {
        public var status: StarTrackStatus
        public var failureReason: String?
        public var final: StarSnapshot
        public var history: [StarSnapshot]
        /// Model numbers per retry summed over the track.
        public var retries: Int { history.reduce(0) { $0 + $1.retries } }
    }

    /// Evolves `star` until `stop` (or `age` years, whichever first for `.tams`), calling `progress` after every
    /// step. A failed step ends the track with `.failed` and the reason (the history up to it is kept).
    public static func run(_ star: StarEvolution, stop: StarStop, age: Double,
                           progress: (StarSnapshot) -> Void = { _ in }) -> Outcome {
        func outcome(_ status: StarTrackStatus, _ reason: String? = nil) -> Outcome {
            Outcome(status: status, failureReason: reason, final: star.current, history: star.history)
        }
        while true {
            if star.current.age >= age * (1 - 1e-12) { return outcome(.ageReached) }
            if stop == .tams && star.current.centralHydrogen < terminalHydrogen { return outcome(.tamsReached) }
            guard star.current.model < star.settings.maximumSteps else {
                return outcome(.failed, "step limit \(star.settings.maximumSteps) reached at age \(star.current.age) yr")
            }
            do {
                progress(try star.step(limit: age - star.current.age))
            } catch {
                return outcome(.failed, "\(error)")
            }
        }
    }
}
