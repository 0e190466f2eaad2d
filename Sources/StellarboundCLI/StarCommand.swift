import ArgumentParser
import EnvelopePhysics
import Foundation
import Microphysics
import ModelData
import OutputContract
import Plasma
import WholeStar

/// The whole star, evolved from its ZAMS to helium ignition (issue 14; Docs/whole-star-evolution.md).
struct StarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "Evolve a whole star from its zero-age main sequence to helium ignition (the tip of the red-giant branch).",
        discussion: """
        One implicit (Henyey) mesh from the centre to the photosphere; per time step, burning (pp + CNO network, \
        backward Euler), convective mixing (instantaneous, Schwarzschild) and the structure with ε_grav, operator \
        split. Defaults: the calibrated Sun (StellarModels/solar-calibration/gs98.json). The track stops at --age, \
        or with --stop tams at the end of the main sequence (X_c < 1e-4), or with --stop flash at helium ignition \
        (L_He > 10 Lsun; status flashed or quiescent_ignition, or left_rgb when a wind takes the envelope first). Docs/whole-star.md says which stages are validated. \
        JSON keys and CSV columns: Docs/output-contract.md.
        """)

    @Option(help: "Stellar mass in M☉, in [0.5, 3]. Default 1.") var mass = 1.0
    @Option(help: "Initial helium mass fraction Y, with X = 1 − Y − Z in [0.5, 0.8]. Default: the solar calibration's Y₀.")
    var helium: Double?
    @Option(help: "Metal mass fraction Z, in [0, 0.06]. Default: the solar calibration's Z₀.") var metallicity: Double?
    @Option(name: .customLong("mixing-length"), help: "Mixing-length parameter α_MLT, in [0.5, 3]. Default: the solar calibration's α.")
    var mixingLength: Double?
    @Option(name: .customLong("reimers-eta"), help: "Reimers wind efficiency η on the red-giant branch (Ṁ = 4e-13 η L R / M Msun/yr), in [0, 2]. Default 0 (0.1 with --preset mesa-r12778).")
    var reimersEta: Double?
    @Option(help: "A named configuration: mesa-r12778 (MESA r12778's defaults of the full-code comparison: α_MLT = 2.0, Reimers η = 0.1; Schwarzschild mixing stands in for MESA's Ledoux + semiconvection 0.1, Docs/whole-star-evolution.md §6). --mixing-length and --reimers-eta still override it.")
    var preset: StarPreset?
    @Option(name: .long, help: "Effective neutrino magnetic moment μν in units of 1e-12 μ_B (μν² = Σ|μij|² + |εij|²), in [0, 1e6]: the plasmon-decay channel in every cell above 6.5 MK. Default 0.")
    var mu12 = 0.0
    @Option(name: .long, help: "Neutrino millicharge q in units of e, in [0, 1]. Default 0.") var millicharge = 0.0
    @Option(name: .customLong("axion-electron"), help: "Axion–electron coupling g_ae in units of 1e-13, in [0, 100]: bremsstrahlung and Compton axions in every cell above 6.5 MK (Docs/axion.md). Default 0.")
    var axionElectron = 0.0
    @OptionGroup var choices: ConductionAndHeliumBurningOptions
    @Option(help: "Equation of state of the evolving cells: direct (the free-energy EOS solved in every cell; the reference) or table (the tabulated EOS for this Z, built once in ~10 s and cached on disk; faster, and within the differences Docs/whole-star-evolution.md §2 quotes). Default direct.")
    var eos = StarEOSChoice.direct
    @Option(help: "Mesh cells, in [100, 5000]. Default 400.") var cells = 400
    @Option(help: "Stop at this age since the ZAMS (Gyr), in (0, 20]. Default 13.8 with --stop age, else 20.") var age: Double?
    @Option(help: "Where to stop: age, tams (end of the main sequence, X_c < 1e-4) or flash (helium ignition, L_He > 10 Lsun: the RGB tip); at --age if that comes first.")
    var stop = StarStop.age
    @Option(name: .customLong("time-resolution"), help: "Multiplies every time-step target (0.5 halves the steps), in [0.05, 4]. Default 1.")
    var timeResolution = 1.0
    @Option(name: .customLong("mesh-resolution"), help: "Multiplies the mesh's resolution: every rezoning criterion and the smallest cell are divided by it, and the starting cells multiplied (2 doubles the cells), in [0.5, 4]. Default 1.")
    var meshResolution = 1.0
    @Option(help: "How Newton's Jacobian is formed in the evolving cells: linearised (κ and ε_nuc of the perturbed cell states from their derivatives, the tabulated EOS from its second derivatives, the direct EOS and neutrinos evaluated there; the default) or differenced (every quantity evaluated at the perturbed points; the reference). Only the convergence path differs (Docs/whole-star-evolution.md §6, \"Speed, 2026-12-08\").")
    var jacobian = StarJacobian.linearised
    @Option(help: "Write the history (one row per model) as CSV to this file.") var history: String?
    @Option(help: "Write the last model's profile (one row per cell; at the tip for --stop flash) as CSV to this file.")
    var profile: String?
    @Option(help: "Plot the HR diagram and the core mass against age to this file (.png, .svg or .pdf; the CSV beside it).")
    var plot: String?
    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).") var dataDir: String?
    @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false
    @OptionGroup var quietOption: QuietOption

    func run() throws {
        if let history { try checkOutputPath(history, flag: "--history") }
        if let profile { try checkOutputPath(profile, flag: "--profile") }
        if let plot { try checkPlotPath(plot) }
        let age = self.age ?? (stop == .age ? 13.8 : 20)
        guard age.isFinite, age > 0, age <= 20 else {
            throw WholeStarError.outOfRange(parameter: "age", value: age, allowed: "(0, 20] Gyr")
        }
        guard timeResolution.isFinite, timeResolution >= 0.05, timeResolution <= 4 else {
            throw WholeStarError.outOfRange(parameter: "time-resolution", value: timeResolution, allowed: "[0.05, 4]")
        }
        let reimersEta = self.reimersEta ?? preset?.reimersEta ?? 0
        guard reimersEta.isFinite, reimersEta >= 0, reimersEta <= 2 else {
            throw WholeStarError.outOfRange(parameter: "reimers-eta", value: reimersEta, allowed: "[0, 2]")
        }
        if let helium, !(helium.isFinite && helium >= 0 && helium <= 0.5) {
            throw WholeStarError.outOfRange(parameter: "helium", value: helium, allowed: "[0, 0.5] (X = 1 − Y − Z in [0.5, 0.8])")
        }
        var energy = StarEnergyPhysics()
        energy.neutrino = try NeutrinoProperties(mu12: mu12, millicharge: millicharge)
        guard axionElectron.isFinite, axionElectron >= 0, axionElectron <= AxionEmission.maximumCoupling else {
            throw WholeStarError.outOfRange(parameter: "axion-electron", value: axionElectron,
                                            allowed: "[0, \(AxionEmission.maximumCoupling)] (g_ae in 1e-13)")
        }
        energy.axionElectron = axionElectron
        choices.apply(to: &energy)
        let data = try DataDirectory.locate(explicit: dataDir)
        let sun = try SolarCalibration.stored(dataDirectory: data)
        let z = metallicity ?? sun.metallicity, y = helium ?? sun.helium, alpha = mixingLength ?? preset?.mixingLength ?? sun.mixingLength
        guard meshResolution.isFinite, meshResolution >= 0.5, meshResolution <= 4 else {
            throw WholeStarError.outOfRange(parameter: "mesh-resolution", value: meshResolution, allowed: "[0.5, 4]")
        }
        var settings = StarEvolutionSettings()
        settings.cells = Int((Double(cells) * meshResolution).rounded())
        settings.meshResolution = meshResolution
        settings.jacobian = jacobian
        settings.structureChange *= timeResolution
        settings.hydrogenChange *= timeResolution
        settings.shellHydrogenChange *= timeResolution
        settings.coreMassChange *= timeResolution
        settings.surfaceChange *= timeResolution
        // Z and X are checked here, before ZAMSModel.validate, so that an X out of range names --helium (the flag the
        // user gave), not the internal hydrogen; the ranges are ZAMSModel's.
        guard z.isFinite, ZAMSModel.metallicityRange.contains(z) else {
            throw WholeStarError.outOfRange(parameter: "metallicity", value: z, allowed: "[0, 0.06]")
        }
        guard ZAMSModel.hydrogenRange.contains(1 - y - z) else {
            throw WholeStarError.outOfRange(parameter: "helium", value: y,
                                            allowed: "[\(max(0, 0.2 - z)), \(0.5 - z)] at Z = \(z) (X = 1 − Y − Z in [0.5, 0.8])")
        }
        try ZAMSModel.validate(mass: mass, hydrogen: 1 - y - z, metallicity: z, mixingLength: alpha, cells: settings.cells)
        try settings.validate()
        let micro = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: data)
        let silent = json || quietOption.quiet
        let eosTable = eos == .table ? try StarEOSChoice.table(metals: z, json: silent) : nil
        let start = Date()
        progress("building the ZAMS model (\(cells) cells)…", json: silent)
        let star = try StarEvolution(mass: mass, hydrogen: 1 - y - z, metallicity: z, mixingLength: alpha,
                                     settings: settings, energy: energy, massLoss: StarMassLoss(eta: reimersEta),
                                     eosTable: eosTable, microphysics: micro)
        // No total is known (a track's length in models is not), so the line shows the model count and elapsed time;
        // a pipe gets one every 10 s.
        let reporter = ProgressReporter("star: model", sink: .forRun(silent: silent))
        let outcome = StarTrack.run(star, stop: stop, age: age * 1e9) { s in
            reporter.update(s.model, detail: String(
                format: "age %7.4f Gyr  L %9.4f Lsun  Teff %6.0f K  Xc %.4f  Mc %.4f Msun  Tc %.1f Tmax %.1f MK  L_He %.2g  dt %.3g yr (%@)  %d cells",
                s.age / 1e9, s.luminosity, s.effectiveTemperature, s.centralHydrogen,
                s.heliumCoreMass, s.centralTemperature / 1e6, s.maximumTemperature / 1e6, s.heliumLuminosity,
                s.timestep, s.timestepLimit.rawValue, s.cells))
        }
        reporter.finish()
        if let history { try writeFile(StarTrackReport.historyCSV(outcome.history), to: history, flag: "--history") }
        if let profile { try writeFile(StarProfileRow.csv(star.profile()), to: profile, flag: "--profile") }
        var report = StarTrackReport(star: star, stop: stop, outcome: outcome, seconds: Date().timeIntervalSince(start))
        report.preset = preset?.rawValue
        try printReport(report, json: json, data: data) { report.text }
        // After the report, and never in place of the track's own failure reason.
        var title = String(format: "Whole star: M = %.2f M_☉, Y = %.3f, Z = %.4g, α_{MLT} = %.3f, μ_{12} = %g", mass, y, z, alpha, mu12)
        if millicharge != 0 { title += String(format: ", q = %g e", millicharge) }
        if axionElectron != 0 { title += String(format: ", g_{ae} = %g×10^{-13}", axionElectron) }
        title += ": " + outcome.status.rawValue.replacingOccurrences(of: "_", with: " ")
        if outcome.status == .failed {
            if let plot { plotAfterFailure(plot) { try StarTrackReport.plot(history: outcome.history, tip: outcome.tip, title: title, to: plot) } }
            throw ComputationError(message: "the track failed: \(outcome.failureReason ?? "")")
        }
        if let plot { try StarTrackReport.plot(history: outcome.history, tip: outcome.tip, title: title, to: plot) }
    }
}

extension StarStop: PhysicsChoiceArgument {}
extension StarJacobian: PhysicsChoiceArgument {}
extension StarPreset: PhysicsChoiceArgument {}

/// `star --eos`: the evolving cells' equation of state.
enum StarEOSChoice: String, PhysicsChoiceArgument {
    /// `EnvelopeEOS` solved in every cell.
    case direct
    /// `EnvelopeEOSTable.wholeStar(metals: Z)`, the direct EOS where the table does not cover a cell.
    case table

    /// The whole-star EOS table for metallicity `z` from the disk cache (the first run for a Z builds and caches it);
    /// a rejected or unwritable cache is noted on standard error.
    static func table(metals z: Double, json: Bool) throws -> EnvelopeEOSTable {
        progress("EOS table for Z = \(z): loading (the first run for a Z builds it in ~10 s and caches it)…", json: json)
        let (table, notes) = try EnvelopeEOSTable.load(grid: .wholeStar(metals: z),
                                                       cacheDirectory: PlasmaRateTable.defaultCacheDirectory())
        for note in notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        return table
    }
}

extension StarTrackReport {
    var text: String {
        String(format: """
        Whole star: %.3f Msun (now %.4f, Reimers eta %.2f), Y0 = %.4f, Z = %.5f, alpha_MLT = %.3f, mu12 = %g, q = %g e, %d cells
          status: STATUS
          age %.4f Gyr   L = %.4f Lsun (log L %.4f)   Teff = %.1f K   R = %.4f Rsun   log g = %.3f
          centre: X = %.5f, T = %.3f MK, rho = %.2f g/cm3    helium core %.4f Msun, convective core %.4f Msun
          convective envelope base %.4f Rsun    surface X = %.4f, Y = %.4f, C/N = %.3f
          %d steps, %d retries, %.1f s
        """, mass, finalMass, reimersEta, helium, metallicity, mixingLength, mu12, millicharge, cells,
                      age, luminosity, logL, teff, radius, logG, centralHydrogen, centralTemperature / 1e6, centralDensity,
                      heliumCoreMass, convectiveCoreMass, envelopeBaseRadius, surfaceHydrogen, surfaceHelium,
                      surfaceCarbonToNitrogen, steps, retries, seconds)
            .replacingOccurrences(of: "STATUS", with: status + (failureReason.map { " (\($0))" } ?? ""))
            + tipText
    }

    /// The tip, the first dredge-up and the bump (lines only for what the track reached).
    private var tipText: String {
        var out = String(format: "\n  first dredge-up: surface Y - Y0 = %+.4f", dredgeUpDeltaY)
        if let l = bumpLogL, let a = bumpAge { out += String(format: "    RGB bump: log L = %.3f at %.4f Gyr", l, a) }
        if let a = ageTip, let l = logLTip, let t = teffTip, let g = logGTip, let r = radiusTip, let m = ignitionMass,
           let rho = ignitionDensity, let temp = ignitionTemperature, let eta = ignitionDegeneracy,
           let cstar = ignitionGravothermalHeat {
            out += String(format: "\n  TIP (L_He = 10 Lsun): age %.4f Gyr   log L = %.4f   Teff = %.1f K   log g = %.3f   R = %.2f Rsun",
                          a, l, t, g, r)
            out += String(format: "\n  helium core %.4f Msun; ignition at m = %.4f Msun, rho = %.3g g/cm3, T = %.2f MK, eta = %.2f, c*/cP = %+.2f (%@)",
                          heliumCoreMass, m, rho, temp / 1e6, eta, cstar, cstar > 0 ? "runaway: flash" : "stable")
        }
        return out
    }
}
