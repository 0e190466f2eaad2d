import ArgumentParser
import Foundation
import Microphysics
import ModelData
import OutputContract
import Plasma
import RedGiantCore

/// Star, physics and numerics options shared by `flash` and `bench flash`.
struct FlashOptions: ParsableArguments {
    @Option(help: "Total stellar mass in M☉ (degenerate helium flash: [0.7, M_HeF(Z)]). Default 0.8. The core-only model follows full evolution codes near 0.8 M☉; below 1.1 M☉ its flash core mass does not depend on the mass, and above ~1.2 M☉ its tip is too bright by 0.1–0.35 dex (Docs/flash.md §2): a warning says so.")
    var mass = StarParameters.standard.mass

    @Option(help: "Initial helium mass fraction Y, in [0, 1). Default 0.245.")
    var helium = StarParameters.standard.helium

    @Option(help: "Metal mass fraction Z, in [0, 1), with X = 1 − Y − Z > 0. Default 0.001.")
    var metallicity = StarParameters.standard.metallicity

    @Option(name: .customLong("dredge-up-helium"), help: "Envelope helium added by the first dredge-up, in [0, 0.1]. Default 0.")
    var dredgeUpHelium = 0.0

    @Option(name: .long, help: "Effective magnetic moment μν in units of 1e-12 μ_B (μν² = Σ|μij|²+|εij|²), in [0, 1e6].")
    var mu12: Double = 0

    @Option(name: .long, help: "Neutrino millicharge q in units of e, in [0, 1].")
    var millicharge: Double = 0

    @Option(name: .customLong("axion-electron"), help: "Axion–electron coupling g_ae in units of 1e-13, in [0, 100]: bremsstrahlung and Compton axions join the losses (Docs/axion.md). Default 0.")
    var axionElectron: Double = 0

    @OptionGroup var choices: ConductionAndHeliumBurningOptions

    @Option(name: .customLong("plasma-neutrinos"), help: "Plasmon decay: exact, or itoh1996 (standard channels from the fit).")
    var plasmaNeutrinos = CorePhysics.PlasmaNeutrinos.exact

    @Option(help: "Coulomb corrections of the EOS.")
    var coulomb = CoulombModel.potekhinChabrier2000

    @Option(name: .customLong("edge-relations"), help: "Core-edge relations entry in StellarModels/core-edge/relations.json.")
    var edgeRelations = CoreEdgeRelations.defaultName

    @Option(name: .customLong("edge-temperature-factor"), help: "Multiplies the core-edge temperature coefficient (systematics), in [0.5, 2]. Default 1.")
    var edgeTemperatureFactor = 1.0

    @Option(name: .customLong("edge-pressure-factor"), help: "Multiplies the core-edge pressure coefficient (systematics), in [1e-3, 1e3]. Default 1.")
    var edgePressureFactor = 1.0

    @Option(help: "Mass cells (numerics), in [20, 5000]. Default 160.")
    var cells = FlashSettings().cells

    @Option(name: .customLong("timestep-factor"), help: "Multiplies every time-step target (0.5: twice the steps), in [0.01, 10]. Default 1.")
    var timestepFactor = 1.0

    @Option(name: .customLong("start-core-mass"), help: "Starting core mass in M☉, in [0.1, 0.3]. Default 0.2.")
    var startCoreMass = FlashSettings().startCoreMass

    @Option(name: .customLong("start-temperature-factor"), help: "Starting core temperature / edge temperature, in [0.5, 2]. Default 1.")
    var startTemperatureFactor = 1.0

    @Option(name: .customLong("flash-threshold"), help: "Flash when L_He exceeds this, in L☉ ([1e-2, 1e6]). Default 10.")
    var flashThreshold = FlashSettings().flashThreshold

    @Option(name: .customLong("max-steps"), help: "Give up (status failed) after this many accepted steps, in [10, 1e6]. Default 20000.")
    var maxSteps = FlashSettings().maxSteps

    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).")
    var dataDir: String?

    func star() throws -> StarParameters {
        try StarParameters(mass: mass, helium: helium, metallicity: metallicity, dredgeUpHelium: dredgeUpHelium)
    }

    /// The physics these options select (one value, as the library and the bound pipeline use it).
    func specification() -> PhysicsSpecification {
        var p = PhysicsSpecification()
        choices.apply(to: &p)
        p.plasmaNeutrinos = plasmaNeutrinos
        p.coulomb = coulomb
        p.mu12 = mu12
        p.millicharge = millicharge
        p.axionElectron = axionElectron
        return p
    }

    func physics() throws -> CorePhysics {
        try CorePhysics(specification())
    }

    func settings() -> FlashSettings {
        var s = FlashSettings()
        s.cells = cells
        s.timestepFactor = timestepFactor
        s.startCoreMass = startCoreMass
        s.startTemperatureFactor = startTemperatureFactor
        s.flashThreshold = flashThreshold
        s.maxSteps = maxSteps
        return s
    }

    func relations() throws -> CoreEdgeRelations {
        let dir = try DataDirectory.locate(explicit: dataDir)
        let file = try dir.load(CoreEdgeRelations.File.self, from: CoreEdgeRelations.relativePath)
        guard edgeTemperatureFactor.isFinite, edgeTemperatureFactor >= 0.5, edgeTemperatureFactor <= 2 else {
            throw InputError(message: "--edge-temperature-factor \(edgeTemperatureFactor) is outside the allowed range [0.5, 2]")
        }
        guard edgePressureFactor.isFinite, edgePressureFactor >= 1e-3, edgePressureFactor <= 1e3 else {
            throw InputError(message: "--edge-pressure-factor \(edgePressureFactor) is outside the allowed range [1e-3, 1e3]")
        }
        var entry = try file.entry(named: edgeRelations)
        entry.temperature.coefficient *= edgeTemperatureFactor
        entry.pressure.coefficient *= edgePressureFactor
        return entry
    }

    func integrator() throws -> FlashIntegrator {
        try FlashIntegrator(star: star(), physics: physics(), relations: relations(), settings: settings())
    }
}

/// Evolves the helium core of a red giant to the helium flash.
struct FlashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flash",
        abstract: "Evolve the degenerate helium core to the helium flash: core mass, tip luminosity, ignition point.",
        discussion: """
        Defaults: the standard old metal-poor star (0.8 M☉, Y = 0.245, Z = 0.001), no magnetic moment, \
        Potekhin conduction, Fynbo et al. 2005 3α with Chugunov et al. 2007 screening, exact plasmon decay, \
        core-edge relations rw70-hpt00. Physics and numerics: Docs/flash.md. JSON keys and CSV columns: \
        Docs/output-contract.md.
        """)

    @OptionGroup var options: FlashOptions

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).")
    var json = false

    @OptionGroup var quietOption: QuietOption

    @Option(help: "Write the per-step history as CSV to this file.")
    var history: String?

    @Option(help: "Write the final profile (one row per mass cell) as CSV to this file.")
    var profile: String?

    @Option(help: "Plot central and maximum temperature and L_He against core mass (.svg, .png or .pdf; CSV beside).")
    var plot: String?

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        if let history { try checkOutputPath(history, flag: "--history") }
        if let profile { try checkOutputPath(profile, flag: "--profile") }
        let integrator = try options.integrator()
        let dataDirectory = try DataDirectory.locate(explicit: options.dataDir)
        if options.mass > StarParameters.coreModelValidMassLimit {
            FileHandle.standardError.write(Data(("warning: --mass \(options.mass): above ~\(StarParameters.coreModelValidMassLimit) M☉ the core-only model's "
                + "tip is too bright by 0.1–0.35 dex against full evolution codes (its envelope relations lose the mass dependence; Docs/flash.md §2)\n").utf8))
        }
        let silent = json || quietOption.quiet
        _ = sharedTable(json: silent)
        let reporter = ProgressReporter("  flash: step", sink: .forRun(silent: silent))
        if reporter.sink != .off {
            integrator.progress = { step, mc, tmax, lhe in
                if step % 10 == 0 {
                    reporter.update(step, detail: String(format: "M_c = %.4f M☉  T_max = %.3e K  L_He = %.2e L☉", mc, tmax, lhe))
                }
            }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = integrator.run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        reporter.finish()
        if let history { try writeFile(FlashCSV.history(result.history), to: history, flag: "--history") }
        if let profile { try writeFile(FlashCSV.profile(result.profile), to: profile, flag: "--profile") }
        try printReport(FlashReport(result, integrator: integrator, wallTime: seconds), json: json, data: dataDirectory) {
            FlashReport.text(result, integrator: integrator, seconds: seconds)
        }
        // After the report, and never in place of the track's own failure reason.
        var inputs = String(format: "M = %g M_☉, Y = %g, Z = %g, μ_{12} = %g", options.mass, options.helium, options.metallicity, options.mu12)
        if options.millicharge != 0 { inputs += String(format: ", q = %g e", options.millicharge) }
        if options.axionElectron != 0 { inputs += String(format: ", g_{ae} = %g×10^{-13}", options.axionElectron) }
        if case let .failed(reason) = result.status {
            if let plot { plotAfterFailure(plot) { try FlashCSV.plot(result, inputs: inputs, to: plot) } }
            throw ComputationError(message: "the track did not reach the flash: \(reason)")
        }
        if let plot { try FlashCSV.plot(result, inputs: inputs, to: plot) }
    }
}
