import Foundation

/// What `stellarbound star --json` writes: the inputs, the status and the last model. The coding keys are the
/// documented contract (Docs/output-contract.md, "star"); non-finite numbers are refused by `validated()`.
public struct StarTrackReport: Sendable, Encodable {
    public var mass: Double, helium: Double, hydrogen: Double, metallicity: Double, mixingLength: Double, cells: Int
    public var stop: String, status: String, failureReason: String?
    public var age: Double, luminosity: Double, logL: Double, teff: Double, logG: Double, radius: Double
    public var centralHydrogen: Double, centralTemperature: Double, centralDensity: Double
    public var heliumCoreMass: Double, convectiveCoreMass: Double, envelopeBaseRadius: Double
    public var surfaceHydrogen: Double, surfaceHelium: Double, surfaceCarbonToNitrogen: Double
    public var steps: Int, retries: Int, seconds: Double

    public init(star: StarEvolution, stop: StarStop, outcome: StarTrack.Outcome, seconds: Double) {
        let f = outcome.final
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
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case mass = "mass_msun", helium = "initial_helium", hydrogen = "initial_hydrogen"
        case metallicity = "initial_metallicity", mixingLength = "mixing_length", cells, stop, status
        case failureReason = "failure_reason", age = "age_gyr", luminosity = "luminosity_lsun", logL = "log_l"
        case teff = "teff_k", logG = "log_g", radius = "radius_rsun", centralHydrogen = "central_hydrogen"
        case centralTemperature = "central_temperature_k", centralDensity = "central_density_g_cm3"
        case heliumCoreMass = "core_mass_msun", convectiveCoreMass = "convective_core_mass_msun"
        case envelopeBaseRadius = "convective_envelope_base_rsun", surfaceHydrogen = "surface_hydrogen"
        case surfaceHelium = "surface_helium", surfaceCarbonToNitrogen = "surface_c_to_n"
        case steps, retries, seconds = "wall_time_s"
    }

    /// `failure_reason` is always present (null unless the track failed).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mass, forKey: .mass); try c.encode(helium, forKey: .helium); try c.encode(hydrogen, forKey: .hydrogen)
        try c.encode(metallicity, forKey: .metallicity); try c.encode(mixingLength, forKey: .mixingLength)
        try c.encode(cells, forKey: .cells); try c.encode(stop, forKey: .stop); try c.encode(status, forKey: .status)
        try c.encode(failureReason, forKey: .failureReason)
        for (key, value) in [(CodingKeys.age, age), (.luminosity, luminosity), (.logL, logL), (.teff, teff), (.logG, logG),
                             (.radius, radius), (.centralHydrogen, centralHydrogen),
                             (.centralTemperature, centralTemperature), (.centralDensity, centralDensity),
                             (.heliumCoreMass, heliumCoreMass), (.convectiveCoreMass, convectiveCoreMass),
                             (.envelopeBaseRadius, envelopeBaseRadius), (.surfaceHydrogen, surfaceHydrogen),
                             (.surfaceHelium, surfaceHelium), (.surfaceCarbonToNitrogen, surfaceCarbonToNitrogen),
                             (.seconds, seconds)] {
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "non-finite \(key.rawValue)"))
            }
            try c.encode(value, forKey: key)
        }
        try c.encode(steps, forKey: .steps); try c.encode(retries, forKey: .retries)
    }

    /// The history CSV: one row per model, centre-to-surface quantities with units in the header.
    public static let historyColumns = [
        "model", "age_gyr", "timestep_yr", "luminosity_lsun", "log_l", "teff_k", "radius_rsun", "log_g",
        "nuclear_luminosity_lsun", "gravothermal_luminosity_lsun", "central_hydrogen", "central_helium",
        "central_temperature_k", "central_density_g_cm3", "maximum_temperature_k", "maximum_temperature_mass_msun",
        "core_mass_msun", "convective_core_mass_msun", "convective_envelope_base_mass_msun",
        "convective_envelope_base_rsun", "surface_hydrogen", "surface_helium", "surface_metals", "surface_c_to_n",
        "cells", "iterations", "retries", "helium_luminosity_lsun", "neutrino_luminosity_lsun", "hydrogen_mass_msun",
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
                fmt(s.hydrogenMass),
            ]
            out += v.joined(separator: ",") + "\n"
        }
        return out
    }

    static func fmt(_ v: Double) -> String { v.isFinite ? String(format: "%.9g", v) : "" }
}
