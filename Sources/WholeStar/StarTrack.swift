import Foundation

/// Where a track stops, and how it ended.
public enum StarStop: String, Sendable, CaseIterable, Codable {
    /// At the requested age.
    case age
    /// At the end of the main sequence: central X below `StarTrack.terminalHydrogen` (10⁻⁴, the TAMS of MIST/MESA
    /// track grids, Dotter 2016 §2.2 "TAMS: X_c < 10⁻⁴").
    case tams
    /// At helium ignition: L_He = ∫ε_3α dm above `StarTrack.flashThreshold` (10 L☉, the core integrator's criterion,
    /// `FlashSettings.flashThreshold`), the tip of the red-giant branch.
    case flash
}

/// A track's status: it reached its stop, or it failed with a typed reason.
public enum StarTrackStatus: String, Sendable, Codable {
    /// Reached the requested age.
    case ageReached = "age_reached"
    /// Reached the end of the main sequence (X_c < 10⁻⁴).
    case tamsReached = "tams_reached"
    /// Helium ignited where the gravothermal specific heat c* is positive (the burning runs away: the degenerate
    /// helium flash; `StarSnapshot.maximumTemperatureGravothermalHeat`).
    case flashed
    /// Helium ignited where c* < 0 (heating expands the core: stable burning, stars above M_HeF): the tip without a flash.
    case quiescentIgnition = "quiescent_ignition"
    /// The wind took the envelope before helium ignited (`.flash` tracks with Reimers mass loss): T_eff rose
    /// `StarTrack.departureTeffRise` above its lowest value on the upper RGB while L_He < 10 L☉, so the star turned blue
    /// at nearly constant L — a hot-flasher or helium-white-dwarf progenitor, not an RGB tip. The last model is where it
    /// left; there is no tip.
    case leftRGB = "left_rgb"
    /// The step or retry limit was hit, or a step failed: `failureReason` says which.
    case failed
}

/// Runs an evolution to a stop and keeps its history.
public enum StarTrack {
    /// Central X of the terminal-age main sequence.
    public static let terminalHydrogen = 1e-4
    /// Helium ignition: L_He (L☉) crossing this ends a `.flash` track (the core integrator's `FlashSettings` default).
    public static let flashThreshold = 10.0
    /// An ignition counts as a flash where the gravothermal specific heat at the temperature peak, c*/c_P =
    /// 1 − ∇_ad 4δ/(4α − 3), is positive: heating does not expand the region enough to cool it, and 3α runs away
    /// (KWW 2012 §25.3 and §33.2; Yoon, Langer & van der Sluys 2004, A&A 425, 207, for the same argument in shells).
    /// The criterion replaced η > 1, which called every ignition a flash, the stable ones too (2.4–2.7 M☉ at
    /// Z = 0.001–0.02 ignite at η = 2.4–3.3 with c* < 0): η measures the electrons' degeneracy, c* the response of the
    /// whole gas (ions and radiation included) that decides the runaway.
    public static func runsAway(_ ignition: StarSnapshot) -> Bool { ignition.maximumTemperatureGravothermalHeat > 0 }

    /// A `.flash` track has left the red-giant branch (`StarTrackStatus.leftRGB`) once T_eff exceeds its lowest value
    /// on the upper RGB (after the main sequence, L ≥ `upperRGBLuminosity`) by this much (K). Why: with Reimers η = 0.477
    /// the M5 star (0.8 M☉, Z = 0.00135) at μ12 = 2 kept 0.003 M☉ of envelope above a 0.505 M☉ core at log L = 3.41 and
    /// turned from 3730 K to 5700 K while L_He was still 4 L☉; the step there then failed at any Δt (Newton in ln ρ of
    /// the outermost cells, or the atmosphere's top), which reported a numerical failure for what is a physical outcome.
    /// On the upper RGB without the envelope's loss T_eff varies by ~10 K from step to step; 500 K is a 13 % rise at
    /// that tip's 3730 K, reached there with 0.007 M☉ of envelope left, well before the numerical trouble (~5000 K).
    public static let departureTeffRise = 500.0
    /// L (L☉) above which T_eff's minimum is followed for `departureTeffRise`.
    public static let upperRGBLuminosity = 100.0

    /// Whether model `s` has left the RGB (`departureTeffRise`); `coolest` carries the lowest upper-RGB T_eff (K) from
    /// model to model (start at +∞). Models on the main sequence or below `upperRGBLuminosity` are not counted.
    static func hasLeftRGB(_ s: StarSnapshot, coolest: inout Double) -> Bool {
        guard s.centralHydrogen < terminalHydrogen, s.luminosity >= upperRGBLuminosity else { return false }
        coolest = min(coolest, s.effectiveTemperature)
        return s.effectiveTemperature > coolest + departureTeffRise
    }

    /// The outcome: status, the last model, the history, and the failure's reason (nil unless failed).
    public struct Outcome: Sendable {
        public var status: StarTrackStatus
        public var failureReason: String?
        public var final: StarSnapshot
        public var history: [StarSnapshot]
        /// Helium ignition (`.flash` tracks that reached it): the models either side interpolated to L_He = 10 L☉.
        public var tip: StarSnapshot?
        /// Model numbers per retry summed over the track.
        public var retries: Int { history.reduce(0) { $0 + $1.retries } }
    }

    /// Evolves `star` until `stop` (or `age` years, whichever first for `.tams`), calling `progress` after every
    /// step. A failed step ends the track with `.failed` and the reason (the history up to it is kept).
    public static func run(_ star: StarEvolution, stop: StarStop, age: Double,
                           progress: (StarSnapshot) -> Void = { _ in }) -> Outcome {
        func outcome(_ status: StarTrackStatus, _ reason: String? = nil, tip: StarSnapshot? = nil) -> Outcome {
            Outcome(status: status, failureReason: reason, final: star.current, history: star.history, tip: tip)
        }
        // The lowest T_eff on the upper RGB so far (`departureTeffRise`).
        var coolest = Double.infinity
        while true {
            if stop == .flash, star.current.heliumLuminosity >= flashThreshold {
                let h = star.history
                let tip = h.count >= 2 ? ignition(previous: h[h.count - 2], current: h[h.count - 1]) : star.current
                return outcome(runsAway(tip) ? .flashed : .quiescentIgnition, tip: tip)
            }
            if stop == .flash, hasLeftRGB(star.current, coolest: &coolest) { return outcome(.leftRGB) }
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

    /// The model at L_He = `flashThreshold` between two models that straddle it: every number interpolated linearly in
    /// ln L_He (L_He grows by orders of magnitude per step near ignition, so interpolating in L_He itself would put the
    /// tip at the later model; the core integrator's `FlashDetection` does the same). Integer fields are the later model's.
    static func ignition(previous a: StarSnapshot, current b: StarSnapshot) -> StarSnapshot {
        let la = a.heliumLuminosity, lb = b.heliumLuminosity
        let f = la > 0 && lb > la ? max(0, min(1, (log(flashThreshold) - log(la)) / (log(lb) - log(la)))) : 1
        func mix(_ key: WritableKeyPath<StarSnapshot, Double>) -> Double { a[keyPath: key] + f * (b[keyPath: key] - a[keyPath: key]) }
        var t = b
        for key in StarSnapshot.interpolated { t[keyPath: key] = mix(key) }
        t.heliumLuminosity = la > 0 && lb > 0 ? exp(log(la) + f * (log(lb) - log(la))) : b.heliumLuminosity
        return t
    }
}
