import ArgumentParser
import EnvelopePhysics
import Foundation
import ModelData
import OutputContract
import WholeStar

/// Stage 1 of the whole star: the zero-age main-sequence model, built from centre to photosphere.
struct ZAMSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zams",
        abstract: "The zero-age main-sequence model of a star (the whole-star code's stage 1): L, R, T_eff, centre, convective zones.",
        discussion: """
        A homogeneous star in hydrostatic and thermal equilibrium on one Henyey mesh from the centre to the \
        photosphere (Eddington T(τ) atmosphere), with the envelope EOS, OPAL/Ferguson opacities with conduction, \
        pp + CNO burning and mixing-length convection (Schwarzschild). GS98 metals. Stages 2–5 (evolution to \
        the flash) are not built yet: Docs/whole-star.md. JSON keys: Docs/output-contract.md.
        """)

    @Option(help: "Stellar mass in M☉, in [0.5, 3].") var mass = 1.0
    @Option(help: "Hydrogen mass fraction X, in [0.5, 0.8].") var hydrogen = 0.70
    @Option(help: "Metal mass fraction Z, in [0, 0.06].") var metallicity = 0.02
    @Option(name: .customLong("mixing-length"), help: "Mixing-length parameter α_MLT, in [0.5, 3]. Default 2.0.") var mixingLength = 2.0
    @Option(help: "Mesh cells, in [100, 5000]. Default 400.") var cells = 400
    @Option(name: .customLong("burning-abundances"), help: "³He and CNO for the burning: equilibrium (default), he3-equilibrium-cno-initial, or initial.")
    var burningAbundances = ZAMSBurningAbundances.equilibrium
    @Option(help: "Write the profile (one row per face, centre outwards) as CSV to this file.") var profile: String?
    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).") var dataDir: String?
    @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

    func run() throws {
        if let profile { try checkOutputPath(profile, flag: "--profile") }
        try ZAMSModel.validate(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength, cells: cells)
        let directory = try DataDirectory.locate(explicit: dataDir)
        let micro = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: directory)
        progress("building the ZAMS model (\(cells) cells)…", json: json)
        let m = try ZAMSModel.build(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength,
                                    cells: cells, burning: burningAbundances, microphysics: micro)
        if let profile { try writeFile(ZAMSReport.profileCSV(m), to: profile, flag: "--profile") }
        try printReport(ZAMSReport(m), json: json, data: directory) { ZAMSReport(m).text }
    }
}

/// The `zams` report: its coding keys are the documented contract.
struct ZAMSReport: Encodable {
    let model: ZAMSModel
    init(_ m: ZAMSModel) { model = m }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case mass = "mass_msun", hydrogen, metallicity, mixingLength = "mixing_length", cells, burning = "burning_abundances"
        case luminosity = "luminosity_lsun", radius = "radius_rsun", teff = "teff_k", logG = "log_g"
        case tc = "central_temperature_k", rhoc = "central_density_g_cm3", pc = "central_pressure_dyn_cm2"
        case coreMass = "convective_core_mass_msun", envelopeMass = "convective_envelope_mass_msun"
        case envelopeBase = "convective_envelope_base_rsun", nuclear = "nuclear_luminosity_lsun"
        case virial = "virial_residual", iterations = "newton_iterations", seconds = "wall_time_s"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let m = model
        try c.encode(m.mass, forKey: .mass)
        try c.encode(m.hydrogen, forKey: .hydrogen)
        try c.encode(m.metallicity, forKey: .metallicity)
        try c.encode(m.mixingLength, forKey: .mixingLength)
        try c.encode(m.cells, forKey: .cells)
        try c.encode(m.burning.rawValue, forKey: .burning)
        try c.encode(m.luminosity, forKey: .luminosity)
        try c.encode(m.radius, forKey: .radius)
        try c.encode(m.effectiveTemperature, forKey: .teff)
        try c.encode(m.logGravity, forKey: .logG)
        try c.encode(m.centralTemperature, forKey: .tc)
        try c.encode(m.centralDensity, forKey: .rhoc)
        try c.encode(m.centralPressure, forKey: .pc)
        try c.encode(m.convectiveCoreMass, forKey: .coreMass)
        try c.encode(m.convectiveEnvelopeMass, forKey: .envelopeMass)
        try c.encode(m.convectiveEnvelopeBaseRadius, forKey: .envelopeBase)
        try c.encode(m.nuclearLuminosity, forKey: .nuclear)
        try c.encode(virialResidual, forKey: .virial)
        try c.encode(m.iterations, forKey: .iterations)
        try c.encode(m.seconds, forKey: .seconds)
    }

    /// |∫3P/ρ dm − ∫Gm/r dm| / ∫Gm/r dm: zero, up to the surface term, in hydrostatic equilibrium (the virial theorem).
    var virialResidual: Double {
        abs(model.virialThermal - model.virialGravitational) / abs(model.virialGravitational)
    }

    var text: String {
        let m = model
        return String(format: """
        Zero-age main sequence: M = %.3g M☉, X = %.3g, Z = %.3g, α_MLT = %.2f, %d cells (%@ ³He/CNO)
          L            %.4f L☉        R        %.4f R☉        T_eff  %.0f K     log g  %.3f
          centre       T = %.4g K    ρ = %.4g g/cm³    P = %.4g dyn/cm²
          convection   core %.4g M☉, envelope %.4g M☉ below r = %.3f R☉ (%.3f R)
          checks       ∫ε dm = %.4f L☉ (L = %.4f), virial residual %.1e;  %d Newton iterations, %.2f s
        """, m.mass, m.hydrogen, m.metallicity, m.mixingLength, m.cells, m.burning.rawValue,
                      m.luminosity, m.radius, m.effectiveTemperature, m.logGravity,
                      m.centralTemperature, m.centralDensity, m.centralPressure,
                      m.convectiveCoreMass, m.convectiveEnvelopeMass, m.convectiveEnvelopeBaseRadius,
                      m.convectiveEnvelopeBaseRadius / m.radius,
                      m.nuclearLuminosity, m.luminosity, virialResidual, m.iterations, m.seconds)
    }

    /// One row per face, centre outwards.
    static func profileCSV(_ m: ZAMSModel) -> String {
        var lines = ["mass_msun,radius_rsun,luminosity_lsun,gradient,radiative_gradient,adiabatic_gradient,convective"]
        for k in m.faceMass.indices {
            lines.append(String(format: "%.10g,%.10g,%.10g,%.6g,%.6g,%.6g,%d", m.faceMass[k], m.faceRadius[k], m.faceLuminosity[k],
                                m.gradient[k], m.radiativeGradient[k], m.adiabaticGradient[k], m.convective[k] ? 1 : 0))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
