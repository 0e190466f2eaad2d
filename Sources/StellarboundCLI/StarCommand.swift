import ArgumentParser
import EnvelopePhysics
import Foundation
import ModelData
import WholeStar

/// The whole star, evolved from its ZAMS (issue 14, stages 2–3: the main sequence and beyond).
struct StarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "Evolve a whole star from its zero-age main sequence (stage 2 of the whole-star code: the main sequence).",
        discussion: """
        One implicit (Henyey) mesh from the centre to the photosphere; burning (pp + CNO network, backward Euler), \
        convective mixing (instantaneous, Schwarzschild) and the structure with ε_grav, operator-split per step. \
        The run stops at --age or when the centre's hydrogen falls below --central-hydrogen, whichever comes first. \
        Docs/whole-star.md says which stages work.
        """)

    @Option(help: "Stellar mass in M☉, in [0.5, 3].") var mass = 1.0
    @Option(help: "Initial hydrogen mass fraction X, in [0.5, 0.8].") var hydrogen = 0.70
    @Option(help: "Metal mass fraction Z, in [0, 0.06].") var metallicity = 0.02
    @Option(name: .customLong("mixing-length"), help: "Mixing-length parameter α_MLT, in [0.5, 3]. Default 2.0.") var mixingLength = 2.0
    @Option(help: "Mesh cells, in [100, 5000]. Default 400.") var cells = 400
    @Option(help: "Stop at this age since the ZAMS (Gyr), in (0, 20]. Default 20.") var age = 20.0
    @Option(name: .customLong("central-hydrogen"), help: "Stop when the central X falls below this, in [0, 0.8]. Default 1e-4.")
    var centralHydrogen = 1e-4
    @Option(help: "Write the history (one row per model) as CSV to this file.") var history: String?
    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).") var dataDir: String?
    @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

    func run() throws {
        if let history { try checkOutputPath(history, flag: "--history") }
        guard age.isFinite, age > 0, age <= 20 else {
            throw ValidationError("--age must be in (0, 20] Gyr (got \(age))")
        }
        guard centralHydrogen.isFinite, centralHydrogen >= 0, centralHydrogen <= 0.8 else {
            throw ValidationError("--central-hydrogen must be in [0, 0.8] (got \(centralHydrogen))")
        }
        var settings = StarEvolutionSettings()
        settings.cells = cells
        try ZAMSModel.validate(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength, cells: cells)
        let micro = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: DataDirectory.locate(explicit: dataDir))
        let star = try StarEvolution(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength,
                                     settings: settings, microphysics: micro)
        let stopAge = age * 1e9
        while star.current.age < stopAge * (1 - 1e-12) && star.current.centralHydrogen > centralHydrogen {
            let s = try star.step(limit: stopAge - star.current.age)
            FileHandle.standardError.write(Data(String(format: "%5d %10.4e %9.3e %8.4f %7.4f %7.1f %7.4f %6.3f %6.3f %6.3f %6.3f %2d %d\n",
                s.model, s.age, s.timestep, s.luminosity, s.radius, s.effectiveTemperature, s.centralHydrogen,
                s.centralTemperature / 1e6, s.heliumCoreMass, s.convectiveCoreMass, s.convectiveEnvelopeBaseRadius,
                s.iterations, s.retries).utf8))
        }
        let s = star.current
        print(String(format: "age %.4f Gyr  L %.4f  R %.4f  Teff %.1f  Xc %.4f  steps %d", s.age / 1e9, s.luminosity, s.radius,
                     s.effectiveTemperature, s.centralHydrogen, s.model))
    }
}
