/// Numerical settings of a track: resolution, time-step targets, start and stop.
public struct FlashSettings: Sendable, Equatable {
    /// Number of Lagrangian mass cells (fixed fractions q = m/M_c of the growing core).
    public var cells = 160
    /// Cells crowd towards the edge as uniform steps in s = q − a ln((1 − q + ε)/(1 + ε)).
    public var edgeCrowding = 0.03, edgeEpsilon = 1e-7
    /// Starting core mass (M☉) and its temperature as a multiple of the edge temperature there.
    public var startCoreMass = 0.20
    public var startTemperatureFactor = 1.0
    /// Flash: the helium-burning luminosity L_He = ∫ε_3α dm exceeds this (L☉).
    public var flashThreshold = 10.0
    /// Multiplies every time-step target (0.5 halves the steps); see `FlashIntegrator` for the targets.
    public var timestepFactor = 1.0
    /// Hard bounds: accepted steps, retries per step.
    public var maxSteps = 20_000
    public var maxRetries = 12
    /// Keep the per-step history and the final profile.
    public var keepHistory = true

    public init() {}

    /// Ranges checked before a run (errors name the setting).
    public func validate() throws {
        func need(_ ok: Bool, _ n: String, _ v: Double, _ a: String) throws {
            if !ok { throw FlashError.invalidParameter(name: n, value: v, allowed: a) }
        }
        try need(cells >= 20 && cells <= 5000, "cells", Double(cells), "[20, 5000]")
        try need(startCoreMass >= 0.1 && startCoreMass <= 0.3, "start-core-mass", startCoreMass, "[0.1, 0.3] M☉")
        try need(startTemperatureFactor >= 0.5 && startTemperatureFactor <= 2, "start-temperature-factor",
                 startTemperatureFactor, "[0.5, 2]")
        try need(flashThreshold >= 1e-2 && flashThreshold <= 1e6, "flash-threshold", flashThreshold, "[1e-2, 1e6] L☉")
        try need(timestepFactor >= 0.01 && timestepFactor <= 10, "timestep-factor", timestepFactor, "[0.01, 10]")
        try need(maxSteps >= 10 && maxSteps <= 1_000_000, "max-steps", Double(maxSteps), "[10, 1e6]")
        try need(edgeCrowding >= 0 && edgeCrowding <= 1, "edge-crowding", edgeCrowding, "[0, 1]")
        try need(edgeEpsilon >= 1e-12 && edgeEpsilon <= 1e-2, "edge-epsilon", edgeEpsilon, "[1e-12, 1e-2]")
    }
}
