import ArgumentParser
import Foundation
import Millicharge
import ModelData
import OutputContract
import TRGBBounds

/// `stellarbound millicharge`: the neutrino-star-turning bound per neutron star, the red-giant bound on
/// the charge (optional, from flash tracks), and the published charge limits beside them.
struct MillichargeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "millicharge",
        abstract: "Limits on the neutrino millicharge: neutron-star rotation (νST), red giants, and published limits.",
        discussion: """
        νST (Studenikin & Tokarev 2014): millicharged neutrinos escaping a magnetised newborn neutron star carry \
        angular momentum away; |ΔΩ| < Ω₀ = 2π/P₀ bounds the charge, q < 2π I c / (P₀ f N κ B R_ν²) \
        (Docs/millicharge.md §2). Objects come from StellarModels/millicharge/neutron-stars.json; any input \
        flag overrides the chosen object's value (one object: --object or the default newborn star). \
        --red-giant adds this tool's red-giant bound (plasmon decay, the `bound --coupling millicharge` \
        pipeline). JSON keys: Docs/output-contract.md.
        """)

    @Option(help: "Neutron star from StellarModels/millicharge/neutron-stars.json, or 'all' (default: all, or the default newborn star when an input is overridden).")
    var object: String?

    @Option(help: "Rotation period P₀ in s when the neutrinos leave, in (0, 1e6].")
    var period: Double?

    @Option(help: "Uniform interior magnetic field B along the rotation axis in G, in (0, 1e18].")
    var field: Double?

    @Option(help: "Neutron-star mass M in M☉, in (0, 5].")
    var mass: Double?

    @Option(help: "Neutron-star radius R in km (moment of inertia), in (0, 1e4].")
    var radius: Double?

    @Option(name: .customLong("neutrinosphere-radius"), help: "Radius R_ν in km where the neutrinos start (default: R), in (0, 1e4].")
    var neutrinosphereRadius: Double?

    @Option(name: .customLong("moment-of-inertia"), help: "Moment of inertia I in g cm² (default: k M R²), in (0, 1e50].")
    var momentOfInertia: Double?

    @Option(name: .customLong("inertia-coefficient"), help: "k in I = k M R², in (0, 2/3] (uniform sphere 0.4).")
    var inertiaCoefficient: Double?

    @Option(help: "Number N of neutrinos and antineutrinos emitted, in (0, 1e70].")
    var neutrinos: Double?

    @Option(name: .customLong("total-energy"), help: "Energy emitted in neutrinos in erg (with --mean-energy, sets N), in (0, 1e56].")
    var totalEnergy: Double?

    @Option(name: .customLong("mean-energy"), help: "Mean neutrino energy in MeV (with --total-energy), in (0, 1e4].")
    var meanEnergy: Double?

    @Option(name: .customLong("net-fraction"), help: "Net fraction f of neutrinos deflected the same way (ν and ν̄ have opposite charges), in (0, 1].")
    var netFraction: Double?

    @Option(help: "Where the neutrinos start: neutrinosphere, volume or equatorial (Docs/millicharge.md §2).")
    var geometry: String?

    @Flag(name: .customLong("red-giant"), help: "Also compute the red-giant bound on the charge (flash tracks, ~45 s; ~10 s with --no-systematics).")
    var redGiant = false

    @Option(help: "Calibrations for --red-giant: a name, comma-separated names, 'default' or 'all'.")
    var calibration = "default"

    @Flag(name: .customLong("no-systematics"), help: "For --red-giant: skip the systematics budget.")
    var noSystematics = false

    @Option(help: "Confidence level of the red-giant bound, in (0, 1). Default 0.95.")
    var cl = 0.95

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).")
    var json = false

    @Option(help: "Bar chart of every charge limit, computed and published (.svg, .png or .pdf; CSV beside).")
    var plot: String?

    @OptionGroup var data: BoundDataOptions

    var overridden: Bool {
        [period, field, mass, radius, neutrinosphereRadius, momentOfInertia, inertiaCoefficient, neutrinos, totalEnergy, meanEnergy, netFraction]
            .contains { $0 != nil } || geometry != nil
    }

    func validate() throws {
        try checkLevels(cl: cl)
        if (totalEnergy == nil) != (meanEnergy == nil) { throw ValidationError("give --total-energy and --mean-energy together") }
        if totalEnergy != nil && neutrinos != nil { throw ValidationError("give --neutrinos or --total-energy with --mean-energy, not both") }
        if let geometry, EmissionGeometry(rawValue: geometry) == nil {
            throw ValidationError("--geometry '\(geometry)' is not one of \(EmissionGeometry.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if overridden && object?.lowercased() == "all" { throw ValidationError("input flags override one object: give --object <name>, not 'all'") }
    }

    /// Flags of the library's parameter names, for messages.
    static let flags = ["period (s)": "--period", "magnetic field (G)": "--field", "mass (Msun)": "--mass", "radius (km)": "--radius",
                        "neutrinosphere radius (km)": "--neutrinosphere-radius", "moment of inertia (g cm^2)": "--moment-of-inertia",
                        "inertia coefficient k": "--inertia-coefficient", "neutrino number": "--neutrinos", "net fraction f": "--net-fraction",
                        "total neutrino energy (erg)": "--total-energy", "mean neutrino energy (MeV)": "--mean-energy"]

    /// One object's νST result.
    struct Row {
        var object: NeutronStarCatalog.Object
        var inputs: NeutronStarTurning.Inputs
        var star: NeutronStarTurning
        var overridden: Bool
    }

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        let start = DispatchTime.now().uptimeNanoseconds
        let directory = try DataDirectory.locate(explicit: data.dataDir)
        let stars = try NeutronStarCatalog.load(from: directory)
        let published = try ChargeLimitCatalog.load(from: directory)
        let chosen = try stars.select(object ?? (overridden ? stars.defaultObject : "all"))
        var rows: [Row] = []
        for o in chosen {
            var i = try o.inputs(file: directory.url.appendingPathComponent(NeutronStarCatalog.relativePath).path)
            do {
                if let period { i.periodSeconds = period }
                if let field { i.fieldGauss = field }
                if let mass { i.massMsun = mass }
                if let radius { i.radiusKm = radius }
                if let neutrinosphereRadius { i.neutrinosphereRadiusKm = neutrinosphereRadius }
                if let momentOfInertia { i.momentOfInertiaGCm2 = momentOfInertia }
                if let inertiaCoefficient { i.inertiaCoefficient = inertiaCoefficient }
                if let neutrinos { i.neutrinoNumber = neutrinos }
                if let totalEnergy, let meanEnergy {
                    i.neutrinoNumber = try NeutronStarTurning.Inputs.neutrinoNumber(totalEnergyErg: totalEnergy, meanEnergyMeV: meanEnergy)
                }
                if let netFraction { i.netFraction = netFraction }
                if let geometry { i.geometry = EmissionGeometry(rawValue: geometry)! }
                rows.append(Row(object: o, inputs: i, star: try NeutronStarTurning(i), overridden: overridden))
            } catch let MillichargeError.invalidParameter(name, value, allowed) {
                throw InputError(message: "\(Self.flags[name] ?? name) \(Stellarbound.formatValue(value)) is outside the allowed range \(allowed)")
            }
        }
        var redGiantReport: BoundAnalysis.Report?
        if redGiant {
            redGiantReport = try data.runBound(calibration: calibration, cl: cl, budget: !noSystematics, coupling: .millicharge, json: json).report
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        let comparison = MillichargeReport.comparison(rows: rows, redGiant: redGiantReport, published: published)
        try printReport(MillichargeReport(rows: rows, redGiant: redGiantReport, comparison: comparison, seconds: seconds),
                        json: json, data: directory) {
            MillichargeReport.text(rows: rows, redGiant: redGiantReport, comparison: comparison, seconds: seconds)
        }
        // After the report: a plot that fails must not hide the computation's result.
        if let plot { try MillichargeReport.plot(comparison, to: plot) }
    }
}
