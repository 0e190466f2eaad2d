import ArgumentParser
import Foundation
import OutputContract
import RedGiantCore
import TRGBBounds

/// The Bayesian mode: μ₁₂ marginalised over mass, helium, metallicity and mixing.
struct PosteriorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posterior",
        abstract: "Posterior of μ₁₂ (or q₁₄, g₁₃: --coupling) for one calibration, marginalised over M, Y, Z and mixing (ΔY of the first dredge-up).",
        discussion: """
        Flash tracks on a grid of stars, interpolated (error measured at off-grid tracks), sampled with an \
        affine-invariant ensemble MCMC, checked by R̂, autocorrelation times and a direct quadrature. \
        Priors are flat; --priors population (default: [Fe/H] ± 2σ of the calibration, Y ± 0.01, M 0.7–0.9) or \
        franz2023 (Franz et al. 2023, truncated to where this model applies); any bound can be overridden. \
        Method and comparison with Franz et al.: Docs/bounds.md §7.
        """)

    @Option(help: "Calibration name (one).")
    var calibration = "m5-viaux2013"

    @Option(help: "Credible level of the upper limit, in (0, 1). Default 0.95.")
    var cl = 0.95

    @Option(help: "Prior set.")
    var priors = PosteriorPriorChoice.PriorSet.population

    @Option(help: "The coupling: magnetic-moment (μ₁₂), millicharge (q₁₄) or axion-electron (g₁₃; Docs/axion.md).")
    var coupling: CouplingArgument = .magneticMoment
    @Option(name: .customLong("mu12-max"), help: "Upper end of the flat μ₁₂ prior, in (0, 10]. Default 8 (population), 6 (franz2023).") var mu12Max: Double?
    @Option(name: .customLong("q14-max"), help: "Upper end of the flat q₁₄ prior (--coupling millicharge), in (0, 6]. Default 6.") var q14Max: Double?
    @Option(name: .customLong("g13-max"), help: "Upper end of the flat g₁₃ prior (--coupling axion-electron), in (0, 6]. Default 6.") var g13Max: Double?
    @Option(name: .customLong("mass-min"), help: "Mass prior lower end (M☉), in [0.7, 1.8].") var massMin: Double?
    @Option(name: .customLong("mass-max"), help: "Mass prior upper end (M☉), in [0.7, 1.8]. The core-only model follows full codes to ~1.2 M☉ only (above, its tip is too bright by 0.1–0.35 dex; below 1.1 M☉ its core mass ignores the mass): a warning and core_model_mass_valid = false say so.") var massMax: Double?
    @Option(name: .customLong("helium-min"), help: "Helium prior lower end, in [0.2, 0.35].") var heliumMin: Double?
    @Option(name: .customLong("helium-max"), help: "Helium prior upper end, in [0.2, 0.35].") var heliumMax: Double?
    @Option(name: .customLong("z-min"), help: "Metallicity prior lower end (Z), inside the tip-colour relation's [Fe/H] −2.1 to −0.5 (Z 2.09e-4 to 8.32e-3 at [α/Fe] = 0.4).") var zMin: Double?
    @Option(name: .customLong("z-max"), help: "Metallicity prior upper end (Z), same range as --z-min.") var zMax: Double?
    @Option(name: .customLong("z-prior"), help: "Flat in log Z or in linear Z (default: log for population, linear for franz2023).") var zPrior: PosteriorPriorChoice.ZScale?
    @Option(name: .customLong("dredge-up-max"), help: "Upper end of the ΔY_FDU (mixing) prior, in [0, 0.1]; lower end 0.") var dredgeUpMax: Double?

    @Option(help: "MCMC walkers (even, ≥ 10). Default 32.") var walkers = 32
    @Option(help: "MCMC steps per walker (doubled up to twice if not converged). Default 4000.") var steps = 4000
    @Option(help: "Random seed.") var seed: UInt64 = 20_231_029

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false
    @Option(help: "Corner plot of the samples (.svg, .png or .pdf; samples as CSV beside).") var plot: String?
    @Option(help: "A finished grid (spec file, Docs/grids.md §4) covering the prior box: the stars and the off-grid checks are interpolated from it instead of run; its held-back interpolation error is added to the theory error.")
    var grid: String?

    @OptionGroup var data: BoundDataOptions

    func validate() throws {
        for (value, c) in [(mu12Max, Coupling.magneticMoment), (q14Max, .millicharge), (g13Max, .axionElectron)]
            where value != nil && c != coupling.value {
            throw ValidationError("--\(c.key)-max needs --coupling \(c.rawValue) (the posterior is on \(coupling.value.key))")
        }
        try checkLevels(cl: cl)
        guard walkers >= 10, walkers <= 1000, walkers % 2 == 0 else { throw ValidationError("--walkers \(walkers): use an even number in [10, 1000]") }
        guard steps >= 200, steps <= 1_000_000 else { throw ValidationError("--steps \(steps) is outside the allowed range [200, 1e6]") }
    }

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        let start = DispatchTime.now().uptimeNanoseconds
        let boundData = try data.load()
        let selected = try boundData.calibrations.select(list: calibration)
        guard selected.count == 1 else { throw InputError(message: "--calibration: the posterior takes one calibration (got \(selected.count))") }
        let c = selected[0]
        var choice = PosteriorPriorChoice()
        choice.set = priors
        choice.coupling = coupling.value
        (choice.xMax, choice.massMin, choice.massMax) = (mu12Max ?? q14Max ?? g13Max, massMin, massMax)
        (choice.heliumMin, choice.heliumMax, choice.zMin, choice.zMax) = (heliumMin, heliumMax, zMin, zMax)
        (choice.zScale, choice.dredgeUpMax) = (zPrior, dredgeUpMax)
        let p = try choice.priors(for: c, model: boundData.model)
        if p.mass.upperBound > StarParameters.coreModelValidMassLimit {
            FileHandle.standardError.write(Data(("warning: the mass prior reaches \(Stellarbound.formatValue(p.mass.upperBound)) M☉: above ~"
                + "\(Stellarbound.formatValue(StarParameters.coreModelValidMassLimit)) M☉ the core-only model's tip is too bright by 0.1–0.35 dex "
                + "against full evolution codes (Docs/flash.md §2); the JSON says core_model_mass_valid = false\n").utf8))
        }
        let silent = json || data.quiet
        _ = sharedTable(json: silent)
        let runner = try data.runner(boundData, json: json)
        let trackGrid = try grid.map { try data.trackGrid($0, runner: runner, coupling: coupling.value) }
        let analysis = try BoundAnalysis(model: boundData.model, tables: boundData.tables, runner: runner,
                                         options: BoundAnalysis.Options(coupling: coupling.value), trackGrid: trackGrid)
        var note: (@Sendable (String) -> Void)?
        if !silent { note = { message in FileHandle.standardError.write(Data((message + "\n").utf8)) } }
        let mcmc = ProgressReporter("  MCMC steps", sink: .forRun(silent: silent))
        var mcmcProgress: (@Sendable (Int, Int) -> Void)?
        if mcmc.sink != .off {
            mcmcProgress = { done, total in
                mcmc.update(done, of: total)
                if done == total { mcmc.finish() }
            }
        }
        let posterior = PosteriorAnalysis(analysis: analysis, note: note, mcmcProgress: mcmcProgress)
        var settings = PosteriorAnalysis.Settings()
        settings.walkers = walkers
        settings.steps = steps
        settings.burnIn = steps / 4
        settings.seed = seed
        // A TRGBError is in the error vocabulary: .computation exits 1, the rest 2.
        let result = try posterior.run(c, priors: p, cl: cl, settings: settings)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        // The report first: a plot that fails must not hide the computation's result.
        try printReport(PosteriorReport(result, threads: analysis.runner.threads, seconds: seconds), json: json,
                        data: boundData.directory) {
            PosteriorReport.text(result, seconds: seconds, threads: analysis.runner.threads)
        }
        if let plot { try PosteriorReport.corner(result, to: plot) }
    }
}
