import Henyey

/// Numerical settings of a track: resolution, time-step targets, start and stop, and the Newton solver.
/// Every number the integrator uses to steer itself is here, with the value it was validated with
/// (Docs/flash.md §4: convergence in cells and time steps).
public struct FlashSettings: Sendable, Equatable, Codable {
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

    /// Time-step targets at `timestepFactor` = 1: the largest |Δln T| of any cell, the core's relative
    /// growth ΔM_c/M_c, and |Δlog₁₀ L_He| once L_He > `heliumLuminosityControlFloor` (L☉).
    public var targetLnT = 0.04, targetMassFraction = 0.008, targetLogHeliumLuminosity = 0.1
    public var heliumLuminosityControlFloor = 1e-3
    /// The first time step (yr); growth per accepted step at most ×`maximumTimestepGrowth`, shrink at
    /// most ×`minimumTimestepRatio`; a failed step is retried with dt × `retryTimestepFactor`.
    public var firstTimestepYears = 1e3
    public var maximumTimestepGrowth = 1.25, minimumTimestepRatio = 0.2, retryTimestepFactor = 0.3
    /// The Newton–Henyey solver: iterations, tolerance, damping, difference step.
    public var newton = HenyeySettings()

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
        try need(maxRetries >= 0 && maxRetries <= 100, "max-retries", Double(maxRetries), "[0, 100]")
        for (name, value) in [("target-ln-t", targetLnT), ("target-mass-fraction", targetMassFraction),
                              ("target-log-helium-luminosity", targetLogHeliumLuminosity)] {
            try need(value > 0 && value <= 1, name, value, "(0, 1]")
        }
        try need(heliumLuminosityControlFloor > 0 && heliumLuminosityControlFloor <= 1, "helium-luminosity-control-floor",
                 heliumLuminosityControlFloor, "(0, 1] L☉")
        try need(firstTimestepYears >= 1 && firstTimestepYears <= 1e7, "first-timestep", firstTimestepYears, "[1, 1e7] yr")
        try need(maximumTimestepGrowth > 1 && maximumTimestepGrowth <= 10, "maximum-timestep-growth", maximumTimestepGrowth, "(1, 10]")
        try need(minimumTimestepRatio > 0 && minimumTimestepRatio < 1, "minimum-timestep-ratio", minimumTimestepRatio, "(0, 1)")
        try need(retryTimestepFactor > 0 && retryTimestepFactor < 1, "retry-timestep-factor", retryTimestepFactor, "(0, 1)")
        do { try newton.validate() } catch let HenyeyError.invalidSetting(name, value, allowed) {
            throw FlashError.invalidParameter(name: "newton " + name, value: value, allowed: allowed)
        }
    }
}
