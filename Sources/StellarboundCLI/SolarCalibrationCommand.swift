import ArgumentParser
import EnvelopePhysics
import Foundation
import ModelData
import OutputContract
import WholeStar

/// The solar calibration of the whole-star code: Y₀ and α_MLT for which 1 M☉ reaches L☉ and R☉ at 4.57 Gyr.
struct SolarCalibrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solar-calibration",
        abstract: "Calibrate the initial helium Y₀ and the mixing length α_MLT on the Sun (L☉, R☉ at 4.57 Gyr).",
        discussion: """
        Newton–Broyden iteration in (Y₀, α_MLT) over whole-star tracks of 1 M☉ from the ZAMS to 4.57 Gyr, with \
        Z₀ = (Z/X)☉ X₀ (no element diffusion, so the surface keeps its initial Z/X). IAU 2015 nominal L☉, R☉. GS98 \
        opacities. The calibrated values used by default live in StellarModels/solar-calibration/ and are regenerated \
        with `stellarbound solar-calibration --json > StellarModels/solar-calibration/gs98.json`. Takes a few minutes.
        """)

    @Option(name: .customLong("z-over-x"), help: "Present-day surface (Z/X)☉, in (0, 0.1). Default 0.0229 (GS98); AGSS09 is 0.0181.")
    var zOverX = SolarCalibration.zOverXGS98
    @Option(help: "Relative tolerance on L and R, in [1e-5, 0.1]. Default 1e-3.") var tolerance = 1e-3
    @Option(help: "Mesh cells, in [100, 5000]. Default 400.") var cells = 400
    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).") var dataDir: String?
    @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false
    @OptionGroup var quietOption: QuietOption

    func run() throws {
        var settings = StarEvolutionSettings()
        settings.cells = cells
        try settings.validate()
        guard zOverX.isFinite, zOverX > 0, zOverX < 0.1 else {
            throw WholeStarError.outOfRange(parameter: "z-over-x", value: zOverX, allowed: "(0, 0.1)")
        }
        guard tolerance.isFinite, tolerance >= 1e-5, tolerance <= 0.1 else {
            throw WholeStarError.outOfRange(parameter: "tolerance", value: tolerance, allowed: "[1e-5, 0.1]")
        }
        let directory = try DataDirectory.locate(explicit: dataDir)
        let micro = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: directory)
        let start = Date()
        let r = try SolarCalibration.calibrate(zOverX: zOverX, tolerance: tolerance, settings: settings, microphysics: micro) { y, a, l, rad in
            progress(String(format: "track: Y0 = %.5f, alpha = %.4f -> L = %.5f Lsun, R = %.5f Rsun (%.0f s)", y, a, l, rad,
                            Date().timeIntervalSince(start)), json: json || quietOption.quiet)
        }
        try printReport(r, json: json, data: directory) { r.text }
    }
}

/// The text form of the `solar-calibration` report (the JSON form is `SolarCalibration.Result`'s coding keys).
extension SolarCalibration.Result {
    var text: String {
        String(format: """
        Solar calibration (1 M☉ to %.2f Gyr, (Z/X)☉ = %.4f, %d cells, %d tracks)
          initial helium      Y0    = %.5f
          initial hydrogen    X0    = %.5f
          initial metals      Z0    = %.5f
          mixing length       alpha = %.4f
          at %.2f Gyr: L = %.5f Lsun, R = %.5f Rsun, Teff = %.1f K
          convective envelope base  = %.4f Rsun (helioseismology: 0.713, Basu & Antia 1997)
          centre: X = %.4f, T = %.3f MK
        """, age, zOverX, cells, tracks, helium, hydrogen, metallicity, mixingLength, age, luminosity, radius,
                      effectiveTemperature, convectiveEnvelopeBase, centralHydrogen, centralTemperature / 1e6)
    }
}
