import Foundation
import Henyey

/// Why a track ended without a flash: a typed reason (the text is for people; callers switch on the case).
public enum FlashFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No starting model: the isothermal hydrostatic core could not be built (the underlying message).
    case startingModel(String)
    /// The core reached the star's total mass (M☉) before the flash: the envelope is exhausted.
    case envelopeExhausted(totalMass: Double)
    /// A step failed after every retry: the step number, the last accepted core mass (M☉), the cause,
    /// and the last accepted model's edge radius (cm) and temperature (K) (a swelling edge shows at once).
    case stepFailed(step: Int, coreMass: Double, cause: StepFailureCause, edgeRadius: Double, edgeTemperature: Double)
    /// No flash within the step limit; the core mass (M☉) reached.
    case noFlash(maxSteps: Int, coreMass: Double)

    public var description: String {
        switch self {
        case let .startingModel(message): return "starting model: \(message)"
        case let .envelopeExhausted(total):
            return "the core reached the total mass \(total) M☉ before the flash (envelope exhausted)"
        case let .stepFailed(step, mc, cause, r, t):
            let edge = String(format: "last model: r_edge = %.3e cm, T_edge = %.3e K", r, t)
            return "step \(step) at M_c = \(String(format: "%.4f", mc)) M☉: \(cause) (\(edge))"
        case let .noFlash(maxSteps, mc):
            return "no flash within \(maxSteps) steps (M_c = \(String(format: "%.4f", mc)) M☉)"
        }
    }
}

/// What made the last retry of a step fail.
public enum StepFailureCause: Sendable, Equatable, CustomStringConvertible {
    /// The Newton–Henyey solver failed (no convergence, a singular block, a non-finite correction).
    case solver(HenyeyError)
    /// The microphysics refused a trial state (the message names the quantity and its range).
    case microphysics(String)

    public var description: String {
        switch self {
        case let .solver(e): return "\(e)"
        case let .microphysics(m): return m
        }
    }
}
