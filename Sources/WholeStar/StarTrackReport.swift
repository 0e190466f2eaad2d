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
    /// The evolving cells' equation of state: `direct` (`EnvelopeEOS` in every cell) or `table` (`EnvelopeEOSTable`).
    public var eos: String
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
    /// The RGB bump (`rgbBump`): log L (L☉) and age (Gyr) where L turns down; nil if the track has not passed it.
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
        eos = star.equations.physics.eosTable == nil ? "direct" : "table"
        if let t = outcome.tip {
            ageTip = t.age / 1e9; logLTip = log10(t.luminosity); teffTip = t.effectiveTemperature; logGTip = t.logGravity
            radiusTip = t.radius; surfaceHeliumTip = t.surfaceHelium; ignitionMass = t.maximumTemperatureMass
            ignitionDensity = t.maximumTemperatureDensity; ignitionTemperature = t.maximumTemperature
            ignitionDegeneracy = t.maximumTemperatureDegeneracy
            ignitionGravothermalHeat = t.maximumTemperatureGravothermalHeat
        }
        dredgeUpDeltaY = f.surfaceHelium - (1 - star.hydrogen - star.metallicity)
        if let b = Self.rgbBump(outcome.history) { bumpLogL = log10(b.luminosity); bumpAge = b.age / 1e9 }
    }

    /// The RGB bump: the first model on the red-giant branch (a helium core, after the convective envelope's deepest
    /// reach, i.e. after the first dredge-up) where L stops rising and falls (L_{i+1} < L_i > L_{i−1}) before rising above
    /// L_i again, by at least `bumpMinimumDip`: the hydrogen shell meeting the composition step the dredge-up left
    /// (Thomas 1967; Iben 1968).
    /// nil if the history has no such turn.
    public static func rgbBump(_ history: [StarSnapshot]) -> StarSnapshot? {
        guard history.count >= 3 else { return nil }
        // The deepest reach of the convective envelope (smallest base mass once a helium core exists).
        var deepest: Int?
        for (i, s) in history.enumerated() where s.heliumCoreMass > 0 && s.convectiveEnvelopeBaseMass > 0 {
            if deepest == nil || s.convectiveEnvelopeBaseMass < history[deepest!].convectiveEnvelopeBaseMass { deepest = i }
        }
        guard let start = deepest else { return nil }
        var i = max(start, 1)
        while i + 1 < history.count {
            let l = history[i].luminosity
            if l > history[i - 1].luminosity && history[i + 1].luminosity < l {
                // The dip: the faintest model before L exceeds L_i again (nil if it never does).
                var faintest = l, k = i + 1
                while k < history.count && history[k].luminosity <= l {
                    faintest = min(faintest, history[k].luminosity)
                    k += 1
                }
                guard k < history.count else { return nil }
                if log10(l / faintest) >= bumpMinimumDip { return history[i] }
                i = k
                continue
            }
            i += 1
        }
        return nil
    }

    /// The smallest dip (dex in L) that counts as the bump: 10× below the shallowest bumps of metal-poor stars
    /// (~0.01 dex) and ~100× above the step-to-step noise of L on short steps (~10⁻⁵ dex).
    public static let bumpMinimumDip = 0.001

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
        case mu12, millicharge, eos, preset
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
        for (key, value) in [(CodingKeys.age, age), (.luminosity, luminosity), (.logL, logL), (.teff, teff), (.logG, logG),
                             (.radius, radius), (.centralHydrogen, centralHydrogen),
                             (.centralTemperature, centralTemperature), (.centralDensity, centralDensity),
                             (.heliumCoreMass, heliumCoreMass), (.convectiveCoreMass, convectiveCoreMass),
                             (.envelopeBaseRadius, envelopeBaseRadius), (.surfaceHydrogen, surfaceHydrogen),
                             (.surfaceHelium, surfaceHelium), (.surfaceCarbonToNitrogen, surfaceCarbonToNitrogen),
                             (.seconds, seconds), (.dredgeUpDeltaY, dredgeUpDeltaY), (.reimersEta, reimersEta),
                             (.finalMass, finalMass), (.mu12, mu12), (.millicharge, millicharge)] {
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
