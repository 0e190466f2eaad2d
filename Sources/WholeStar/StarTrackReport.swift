import Foundation

/// What `stellarbound star --json` writes: the inputs, the status, the last model (for a track that reached helium
/// ignition: the tip, interpolated to L_He = 10 L☉), the tip's own keys (null unless it was reached), the first
/// dredge-up and the RGB bump. The coding keys are the documented contract (Docs/output-contract.md, "star");
/// non-finite numbers are refused by `encode(to:)`.
public struct StarTrackReport: Sendable, Encodable {
    public var mass: Double, helium: Double, hydrogen: Double, metallicity: Double, mixingLength: Double, cells: Int
    public var stop: String, status: String, failureReason: String?
    public var age: Double, luminosity: Double, logL: Double, teff: Double, logG: Double, radius: Double
    public var centralHydrogen: Double, centralTemperature: Double, centralDensity: Double
    public var heliumCoreMass: Double, convectiveCoreMass: Double, envelopeBaseRadius: Double
    public var surfaceHydrogen: Double, surfaceHelium: Double, surfaceCarbonToNitrogen: Double
    public var steps: Int, retries: Int, seconds: Double
    /// Reimers' η and the mass of the last model (M☉).
    public var reimersEta: Double, finalMass: Double
    /// The neutrino's effective magnetic moment (10⁻¹² μ_B) and millicharge (e) the track was run with.
    public var mu12: Double, millicharge: Double
    /// The axion–electron coupling g_ae (10⁻¹³) the track was run with.
    public var axionElectron: Double
    /// The evolving cells' equation of state: `direct` (`EnvelopeEOS` in every cell) or `table` (`EnvelopeEOSTable`).
    public var eos: String
    /// The physics choices (`StarEnergyPhysics`): conduction prescription, Blouin et al. 2020, 3α rate, its screening.
    public var conduction: String, blouin2020: Bool, tripleAlpha: String, screening: String
    /// The named configuration the track was run with (`StarPreset`), nil for none.
    public var preset: String?
    /// The tip (helium ignition; nil unless reached): age (Gyr), log L (L☉), T_eff (K), log g, R (R☉), surface Y, and
    /// where helium ignites (mass coordinate M☉, ρ g cm⁻³, T K, electron degeneracy η).
    public var ageTip: Double?, logLTip: Double?, teffTip: Double?, logGTip: Double?, radiusTip: Double?
    public var surfaceHeliumTip: Double?, ignitionMass: Double?, ignitionDensity: Double?, ignitionTemperature: Double?
    public var ignitionDegeneracy: Double?
    /// The gravothermal specific heat c*/c_P where helium ignites: positive, a runaway (`flashed`); negative, stable
    /// (`quiescent_ignition`) (`StarTrack.runsAway`).
    public var ignitionGravothermalHeat: Double?
    /// Surface Y of the last model minus the initial Y (the first dredge-up's ΔY once it has happened; no diffusion).
    public var dredgeUpDeltaY: Double
    /// The RGB bump (`rgbBump`): log L (L☉) of the luminosity function's peak and the age (Gyr) the track first reaches
    /// it; nil if the track has not passed it.
    public var bumpLogL: Double?, bumpAge: Double?

    public init(star: StarEvolution, stop: StarStop, outcome: StarTrack.Outcome, seconds: Double) {
        let f = outcome.tip ?? outcome.final
        mass = star.mass; hydrogen = star.hydrogen; metallicity = star.metallicity
        helium = 1 - star.hydrogen - star.metallicity; mixingLength = star.mixingLength; cells = star.settings.cells
        self.stop = stop.rawValue; status = outcome.status.rawValue; failureReason = outcome.failureReason
        age = f.age / 1e9; luminosity = f.luminosity; logL = log10(f.luminosity); teff = f.effectiveTemperature
        logG = f.logGravity; radius = f.radius
        centralHydrogen = f.centralHydrogen; centralTemperature = f.centralTemperature; centralDensity = f.centralDensity
        heliumCoreMass = f.heliumCoreMass; convectiveCoreMass = f.convectiveCoreMass
        envelopeBaseRadius = f.convectiveEnvelopeBaseRadius
        surfaceHydrogen = f.surfaceHydrogen; surfaceHelium = f.surfaceHelium
        surfaceCarbonToNitrogen = f.surfaceCarbonToNitrogen
        steps = f.model; retries = outcome.retries; self.seconds = seconds
        reimersEta = star.massLoss.eta; finalMass = f.mass
        mu12 = star.equations.physics.energy?.neutrino.mu12 ?? 0
        millicharge = star.equations.physics.energy?.neutrino.millicharge ?? 0
        axionElectron = star.equations.physics.energy?.axionElectron ?? 0
        eos = star.equations.physics.eosTable == nil ? "direct" : "table"
        let energy = star.equations.physics.energy ?? StarEnergyPhysics()
        conduction = energy.conduction.rawValue
        blouin2020 = energy.blouin2020
        tripleAlpha = energy.tripleAlpha.rawValue
        screening = energy.screening.rawValue
        if let t = outcome.tip {
            ageTip = t.age / 1e9; logLTip = log10(t.luminosity); teffTip = t.effectiveTemperature; logGTip = t.logGravity
            radiusTip = t.radius; surfaceHeliumTip = t.surfaceHelium; ignitionMass = t.maximumTemperatureMass
            ignitionDensity = t.maximumTemperatureDensity; ignitionTemperature = t.maximumTemperature
            ignitionDegeneracy = t.maximumTemperatureDegeneracy
            ignitionGravothermalHeat = t.maximumTemperatureGravothermalHeat
        }
        dredgeUpDeltaY = f.surfaceHelium - (1 - star.hydrogen - star.metallicity)
        if let b = Self.rgbBump(outcome.history) { bumpLogL = b.logL; bumpAge = b.age / 1e9 }
    }

    /// The RGB bump as observers find it: the peak of the differential luminosity function, the time the track spends
    /// per interval of log L (Fusi Pecci et al. 1990, A&A 238, 95), after the convective envelope's deepest reach (the
    /// first dredge-up), where the hydrogen shell meets the composition step the dredge-up left and L stalls or turns
    /// down (Thomas 1967; Iben 1968). The time per bin of `bumpBinWidth` dex is weighted by L to take out the
    /// RGB's steady dt/d log L ∝ 1/L; the bump is the bin with the largest weighted time, if that is at least
    /// `bumpMinimumExcess` times the median bin (else nil), its log L the bin's centre, its age when the track first
    /// reaches it. Bins within `bumpMargin` dex of the deepest reach or of the last model are left out.
    ///
    /// Trap: the first turn-down of L (the earlier detector) was fooled by the upper RGB's step-to-step wiggles of
    /// ±0.005–0.01 dex (Docs/whole-star-evolution.md §6): 1.486 for the standard star whose bump is at 1.97; the time
    /// per bin averages the wiggles away (1.971 at Δt × 1, 1.983 at Δt × 0.5, 1.961 at mesh × 2).
    public static func rgbBump(_ history: [StarSnapshot]) -> (logL: Double, age: Double)? {
        guard history.count >= 3 else { return nil }
        // The deepest reach of the convective envelope (smallest base mass once a helium core exists).
        var deepest: Int?
        for (i, s) in history.enumerated() where s.heliumCoreMass > 0 && s.convectiveEnvelopeBaseMass > 0 {
            if deepest == nil || s.convectiveEnvelopeBaseMass < history[deepest!].convectiveEnvelopeBaseMass { deepest = i }
        }
        guard let start = deepest else { return nil }
        let logL = history.map { log10(max($0.luminosity, 1e-300)) }
        let lo = logL[start], hi = logL[start...].max()!
        let w = bumpBinWidth
        let bins = Int((hi - lo) / w) + 1
        guard bins >= 3 else { return nil }
        var time = [Double](repeating: 0, count: bins)
        func bin(_ x: Double) -> Int { max(0, min(bins - 1, Int((x - lo) / w))) }
        for i in (start + 1)..<history.count {
            let a = min(logL[i - 1], logL[i]), b = max(logL[i - 1], logL[i]), dt = history[i].age - history[i - 1].age
            guard b > a else { time[bin(a)] += dt; continue }
            for k in bin(a)...bin(b) {
                let overlap = min(b, lo + Double(k + 1) * w) - max(a, lo + Double(k) * w)
                if overlap > 0 { time[k] += dt * overlap / (b - a) }
            }
        }
        let centre = { (k: Int) in lo + (Double(k) + 0.5) * w }
        let candidates = (0..<bins).filter { centre($0) > lo + bumpMargin && centre($0) < hi - bumpMargin }
        guard candidates.count >= 3 else { return nil }
        let weighted = candidates.map { time[$0] * pow(10, centre($0)) }
        let median = weighted.sorted()[weighted.count / 2]
        guard let j = weighted.indices.max(by: { weighted[$0] < weighted[$1] }), median > 0,
              weighted[j] >= bumpMinimumExcess * median else { return nil }
        let l = centre(candidates[j])
        guard let first = (start..<history.count).first(where: { logL[$0] >= l }) else { return nil }
        return (l, history[first].age)
    }

    /// Bin width (dex) of the luminosity function: ~the bump's depth in metal-poor stars (~0.01 dex).
    public static let bumpBinWidth = 0.01
    /// How far (dex) from the deepest reach and from the last model a bin must lie.
    public static let bumpMargin = 0.1
    /// The smallest excess of the bump's bin over the median bin: measured tracks give 3.4–5.2 (0.8–1.4 M☉, Z = 0.001
    /// and the calibrated Sun), a smooth climb ~1.
    public static let bumpMinimumExcess = 2.0

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case mass = "mass_msun", helium = "initial_helium", hydrogen = "initial_hydrogen"
        case metallicity = "initial_metallicity", mixingLength = "mixing_length", cells, stop, status
        case failureReason = "failure_reason", age = "age_gyr", luminosity = "luminosity_lsun", logL = "log_l"
        case teff = "teff_k", logG = "log_g", radius = "radius_rsun", centralHydrogen = "central_hydrogen"
        case centralTemperature = "central_temperature_k", centralDensity = "central_density_g_cm3"
        case heliumCoreMass = "core_mass_msun", convectiveCoreMass = "convective_core_mass_msun"
        case envelopeBaseRadius = "convective_envelope_base_rsun", surfaceHydrogen = "surface_hydrogen"
        case surfaceHelium = "surface_helium", surfaceCarbonToNitrogen = "surface_c_to_n"
        case steps, retries, seconds = "wall_time_s", reimersEta = "reimers_eta", finalMass = "final_mass_msun"
        case mu12, millicharge, axionElectron = "axion_electron_g13", eos, preset
        case conduction, blouin2020, tripleAlpha = "triple_alpha", screening
        case ageTip = "age_tip_gyr", logLTip = "log_l_tip", teffTip = "teff_tip_k", logGTip = "log_g_tip"
        case radiusTip = "radius_tip_rsun", surfaceHeliumTip = "surface_helium_tip", ignitionMass = "ignition_mass_msun"
        case ignitionDensity = "ignition_density_g_cm3", ignitionTemperature = "ignition_temperature_k"
        case ignitionDegeneracy = "ignition_degeneracy", ignitionGravothermalHeat = "ignition_cstar_over_cp"
        case dredgeUpDeltaY = "dredge_up_delta_y"
        case bumpLogL = "rgb_bump_log_l", bumpAge = "rgb_bump_age_gyr"
    }

    /// `failure_reason` is always present (null unless the track failed).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mass, forKey: .mass); try c.encode(helium, forKey: .helium); try c.encode(hydrogen, forKey: .hydrogen)
        try c.encode(metallicity, forKey: .metallicity); try c.encode(mixingLength, forKey: .mixingLength)
        try c.encode(cells, forKey: .cells); try c.encode(stop, forKey: .stop); try c.encode(status, forKey: .status)
        try c.encode(failureReason, forKey: .failureReason); try c.encode(eos, forKey: .eos)
        try c.encode(preset, forKey: .preset)
        try c.encode(conduction, forKey: .conduction); try c.encode(blouin2020, forKey: .blouin2020)
        try c.encode(tripleAlpha, forKey: .tripleAlpha); try c.encode(screening, forKey: .screening)
        for (key, value) in [(CodingKeys.age, age), (.luminosity, luminosity), (.logL, logL), (.teff, teff), (.logG, logG),
                             (.radius, radius), (.centralHydrogen, centralHydrogen),
                             (.centralTemperature, centralTemperature), (.centralDensity, centralDensity),
                             (.heliumCoreMass, heliumCoreMass), (.convectiveCoreMass, convectiveCoreMass),
                             (.envelopeBaseRadius, envelopeBaseRadius), (.surfaceHydrogen, surfaceHydrogen),
                             (.surfaceHelium, surfaceHelium), (.surfaceCarbonToNitrogen, surfaceCarbonToNitrogen),
                             (.seconds, seconds), (.dredgeUpDeltaY, dredgeUpDeltaY), (.reimersEta, reimersEta),
                             (.finalMass, finalMass), (.mu12, mu12), (.millicharge, millicharge),
                             (.axionElectron, axionElectron)] {
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "non-finite \(key.rawValue)"))
            }
            try c.encode(value, forKey: key)
        }
        try c.encode(steps, forKey: .steps); try c.encode(retries, forKey: .retries)
        // Tip and bump keys: always present, null unless reached.
        for (key, value) in [(CodingKeys.ageTip, ageTip), (.logLTip, logLTip), (.teffTip, teffTip), (.logGTip, logGTip),
                             (.radiusTip, radiusTip), (.surfaceHeliumTip, surfaceHeliumTip), (.ignitionMass, ignitionMass),
                             (.ignitionDensity, ignitionDensity), (.ignitionTemperature, ignitionTemperature),
                             (.ignitionDegeneracy, ignitionDegeneracy),
                             (.ignitionGravothermalHeat, ignitionGravothermalHeat), (.bumpLogL, bumpLogL), (.bumpAge, bumpAge)] {
            if let value, !value.isFinite {
                throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "non-finite \(key.rawValue)"))
            }
            try c.encode(value, forKey: key)
        }
    }

    /// The history CSV: one row per model, centre-to-surface quantities with units in the header.
    public static let historyColumns = [
        "model", "age_gyr", "timestep_yr", "luminosity_lsun", "log_l", "teff_k", "radius_rsun", "log_g",
        "nuclear_luminosity_lsun", "gravothermal_luminosity_lsun", "central_hydrogen", "central_helium",
        "central_temperature_k", "central_density_g_cm3", "maximum_temperature_k", "maximum_temperature_mass_msun",
        "core_mass_msun", "convective_core_mass_msun", "convective_envelope_base_mass_msun",
        "convective_envelope_base_rsun", "surface_hydrogen", "surface_helium", "surface_metals", "surface_c_to_n",
        "cells", "iterations", "retries", "helium_luminosity_lsun", "neutrino_luminosity_lsun", "hydrogen_mass_msun", "mass_msun",
        "timestep_limit", "structure_change_mass_msun",
    ]

    public static func historyCSV(_ history: [StarSnapshot]) -> String {
        var out = historyColumns.joined(separator: ",") + "\n"
        for s in history {
            let v: [String] = [
                String(s.model), fmt(s.age / 1e9), fmt(s.timestep), fmt(s.luminosity), fmt(log10(s.luminosity)),
                fmt(s.effectiveTemperature), fmt(s.radius), fmt(s.logGravity), fmt(s.nuclearLuminosity),
                fmt(s.gravothermalLuminosity), fmt(s.centralHydrogen), fmt(s.centralHelium), fmt(s.centralTemperature),
                fmt(s.centralDensity), fmt(s.maximumTemperature), fmt(s.maximumTemperatureMass), fmt(s.heliumCoreMass),
                fmt(s.convectiveCoreMass), fmt(s.convectiveEnvelopeBaseMass), fmt(s.convectiveEnvelopeBaseRadius),
                fmt(s.surfaceHydrogen), fmt(s.surfaceHelium), fmt(s.surfaceMetals), fmt(s.surfaceCarbonToNitrogen),
                String(s.cells), String(s.iterations), String(s.retries), fmt(s.heliumLuminosity), fmt(s.neutrinoLuminosity),
                fmt(s.hydrogenMass), fmt(s.mass), s.timestepLimit.rawValue, fmt(s.structureChangeMass),
            ]
            out += v.joined(separator: ",") + "\n"
        }
        return out
    }

    static func fmt(_ v: Double) -> String { v.isFinite ? String(format: "%.9g", v) : "" }
}
