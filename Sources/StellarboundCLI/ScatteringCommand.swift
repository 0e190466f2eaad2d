import ArgumentParser
import Foundation
import Laboratory
import ModelData
import NeutrinoMixing
import OutputContract
import TRGBBounds

/// `stellarbound scattering`: ν–e elastic scattering of reactor or solar neutrinos in a detector: the
/// weak, magnetic-moment and millicharge recoil spectra, and the counting reach of a threshold and exposure.
struct ScatteringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scattering",
        abstract: "Neutrino–electron scattering: recoil spectra with a magnetic moment or charge, and the reach of a detector.",
        discussion: """
        dσ/dT: weak (with charge radius and millicharge), magnetic (πα²/mₑ²)(1/T − 1/E)(μ/μ_B)²; bound electrons \
        in the stepping approximation; reactor ν̄e (Huber/Mueller above 2 MeV) or solar νe (pp, ⁷Be, pep; MSW). \
        The reach is a counting estimate: the magnetic excess in [threshold, window-max] against √(W + k·B), k = 2 for \
        reactor ON−OFF. Docs/laboratory.md §4. JSON keys: Docs/output-contract.md.
        """)

    @Option(help: "Neutrino source: reactor or solar.")
    var source = "reactor"

    @Option(help: "Reactor: total ν̄e flux at the detector in cm⁻² s⁻¹, in (0, 1e16] (default 2.7e13, GEMMA).")
    var flux: Double?

    @Option(help: "Reactor thermal power in GW (with --distance instead of --flux), in (0, 100].")
    var power: Double?

    @Option(help: "Distance to the reactor core in m (with --power), in (0, 1e6].")
    var distance: Double?

    @Option(help: "Target: ge, xe or free (free electrons).")
    var target = "ge"

    @Option(name: .long, help: "Effective magnetic moment μ₁₂ (1e-12 μ_B) of the spectra, ≥ 0. Default 10 (1e-11 μ_B).")
    var mu12 = 10.0

    @Option(help: "Neutrino millicharge in units of e, |q| ≤ 1e-6. Default 0.")
    var charge = 0.0

    @Option(name: .customLong("charge-radius"), help: "Neutrino charge radius ⟨r²⟩ in cm², |⟨r²⟩| ≤ 1e-28. Default 0.")
    var chargeRadius = 0.0

    @Option(help: "Recoil threshold in keV, in (0, 1e4). Default 0.35 (GEMMA-like).")
    var threshold = 0.35

    @Option(name: .customLong("compare-threshold"), help: "A second threshold in keV to compare the reach with (e.g. 0.2).")
    var compareThreshold: Double?

    @Option(name: .customLong("window-max"), help: "Upper edge of the counting window in keV, in (threshold, 1e4]. Default 30.")
    var windowMaxGiven: Double?
    var windowMax: Double { windowMaxGiven ?? 30 }

    @Option(help: "Exposure in kg day, in (0, 1e9]. Default 600.")
    var exposure = 600.0

    @Option(help: "Flat background in counts keV⁻¹ kg⁻¹ day⁻¹, ≥ 0. Default 2.5 (GEMMA-like).")
    var background = 2.5

    @Option(help: "Confidence level of the reach, in (0.5, 1). Default 0.9.")
    var cl = 0.9

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).")
    var json = false

    @Option(help: "Recoil spectra dR/dT: weak, + magnetic, + charge (.svg, .png or .pdf; CSV beside).")
    var plot: String?

    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).")
    var dataDir: String?

    mutating func validate() throws {
        // Names in any case (issue 18 item 6): the catalogs spell them in lower case.
        source = source.lowercased()
        target = target.lowercased()
        guard ["reactor", "solar"].contains(source) else { throw ValidationError("--source '\(source)' must be reactor or solar") }
        func need(_ v: Double?, _ flag: String, _ ok: (Double) -> Bool, _ range: String) throws {
            if let v, !(v.isFinite && ok(v)) { throw ValidationError("\(flag) \(v) is outside the allowed range \(range)") }
        }
        try need(flux, "--flux", { $0 > 0 && $0 <= 1e16 }, "(0, 1e16] cm⁻² s⁻¹")
        try need(power, "--power", { $0 > 0 && $0 <= 100 }, "(0, 100] GW")
        try need(distance, "--distance", { $0 > 0 && $0 <= 1e6 }, "(0, 1e6] m")
        try need(mu12, "--mu12", { $0 >= 0 && $0 <= 1e6 }, "[0, 1e6] (1e-12 μ_B)")
        try need(charge, "--charge", { abs($0) <= 1e-6 }, "[-1e-6, 1e-6] e")
        try need(chargeRadius, "--charge-radius", { abs($0) <= 1e-28 }, "[-1e-28, 1e-28] cm²")
        try need(compareThreshold, "--compare-threshold", { $0 > 0 && $0 < 1e4 }, "(0, 1e4) keV")
        if (power == nil) != (distance == nil) { throw ValidationError("give --power and --distance together") }
        if power != nil && flux != nil { throw ValidationError("give --flux or --power with --distance, not both") }
        if source == "solar" && (power != nil || flux != nil) { throw ValidationError("--flux, --power and --distance are for --source reactor") }
    }

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        let directory = try DataDirectory.locate(explicit: dataDir)
        let spectra = try NeutrinoSources.load(from: directory)
        let shells = try AtomicShells.load(from: directory)
        guard shells.elements.contains(where: { $0.name == target }) else {
            throw InputError(message: "--target \(target): unknown target; valid: \(shells.elements.map(\.name).joined(separator: ", "))")
        }
        let element = try shells.element(target)
        let pmnsFile = try directory.load(PMNSParameters.File.self, from: PMNSParameters.relativePath)
        let pmns = pmnsFile.entries.first { $0.name == pmnsFile.defaultEntry }!
        let oscillation = SolarOscillation(theta12Deg: pmns.theta12Deg, theta13Deg: pmns.theta13Deg, dm21Ev2: pmns.dm21Ev2 ?? 7.49e-5)
        var src = ScatteringRates.Source.solar
        var totalFlux: Double?
        if source == "reactor" {
            let f = flux ?? power.map { p in spectra.reactor.flux(powerGW: p, distanceM: distance!) } ?? 2.7e13
            src = .reactor(flux: f)
            totalFlux = f
        }
        let muRef = mu12 > 0 ? mu12 * 1e-12 : 1e-11
        let base = ScatteringRates(source: src, spectra: spectra, target: element, oscillation: oscillation,
                                   scattering: ElectronScattering(magneticMoment: muRef))
        var withCharge = base
        withCharge.scattering = ElectronScattering(magneticMoment: 0, charge: charge, chargeRadiusSquared: chargeRadius)
        let k = source == "reactor" ? 2.0 : 1.0
        func project(_ t: Double, flag: String) throws -> CountingProjection.Result {
            // A threshold at or above the default window's edge: the flag the user gave is the threshold.
            if windowMaxGiven == nil, t.isFinite, t > 0, t < 1e4, t >= windowMax {
                throw InputError(message: "\(flag) \(Stellarbound.formatValue(t)) keV is not below the counting window's upper edge (--window-max, default \(Stellarbound.formatValue(windowMax)) keV); give a larger --window-max")
            }
            do {
                return try CountingProjection(thresholdKeV: t, windowMaxKeV: windowMax, exposureKgDay: exposure, background: background, cl: cl, varianceFactor: k)
                    .project(base)
            } catch let LaboratoryError.invalidParameter(name, value, allowed) {
                let flags = ["threshold (keV)": "--threshold", "window maximum (keV)": "--window-max", "exposure (kg day)": "--exposure",
                             "background (counts/keV/kg/day)": "--background", "CL": "--cl"]
                throw InputError(message: "\(flags[name] ?? name) \(Stellarbound.formatValue(value)) is outside the allowed range \(allowed)")
            }
        }
        let main = try project(threshold, flag: "--threshold")
        let other = try compareThreshold.map { try project($0, flag: "--compare-threshold") }
        // Spectrum on a log grid from 0.1 × threshold to the window's edge.
        let grid = (0...60).map { threshold * 0.1 * pow(windowMax / (threshold * 0.1), Double($0) / 60) }
        let spectrum = grid.map { t -> (Double, Double, Double, Double) in
            let d = base.differential(recoilKeV: t)
            let scale = mu12 > 0 ? 1.0 : 0.0
            return (t, d.weak, d.magnetic * scale, withCharge.differential(recoilKeV: t).weak)
        }
        let summary = ScatteringReport.Summary(source: source, target: target, flux: totalFlux, mu12: mu12, charge: charge, chargeRadius: chargeRadius,
                                               threshold: threshold, windowMax: windowMax, exposure: exposure, background: background, cl: cl,
                                               main: main, other: other.map { (compareThreshold!, $0) })
        try printReport(ScatteringReport(summary, spectrum: spectrum), json: json, data: directory) {
            ScatteringReport.text(summary, spectrum: spectrum)
        }
        // After the report: a plot that fails must not hide the computation's result.
        if let plot { try ScatteringReport.plot(spectrum, mu12: mu12, charge: charge, threshold: threshold, to: plot) }
    }
}
