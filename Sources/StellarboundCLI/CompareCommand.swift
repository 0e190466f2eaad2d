import ArgumentParser
import Foundation
import Laboratory
import ModelData
import NeutrinoMixing
import OutputContract
import TRGBBounds

/// `stellarbound compare`: laboratory and astrophysical magnetic-moment limits side by side, each with
/// the quantity it constrains; for a moment matrix, which limits it passes and each laboratory's reach
/// relative to the stellar limit computed by the bound extractor.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Laboratory against stellar limits on the neutrino magnetic moment, under mixing.",
        discussion: """
        Stars bound μν² = Σⱼₖ(|μⱼₖ|² + |εⱼₖ|²), the same in every basis; each experiment bounds the effective \
        moment of the neutrinos it sees (reactor ν̄e, solar νe after MSW conversion, accelerator νμ). The \
        stellar limit is computed by the bound extractor (`bound`, ~45 s with the budget) unless \
        --stellar-limit gives it. Limits: StellarModels/laboratory/magnetic-moment-limits.json. Mapping and \
        references: Docs/laboratory.md. JSON keys: Docs/output-contract.md.
        """)

    @Option(help: "Moment matrices (JSON, as for `bound --moments`: type dirac|majorana, basis mass|flavour, magnetic/electric re/im, units 1e-12 μ_B).")
    var matrix: String?

    @Option(name: .long, help: "Test equal diagonal Dirac moments μ₁₂ (1e-12 μ_B), ≥ 0, instead of a matrix file.")
    var mu12: Double?

    @Option(help: "PMNS entry of StellarModels/neutrino/pmns.json (default: the matrix file's, or the file's default).")
    var pmns: String?

    @Option(help: "Only these limits: comma-separated names from the catalog.")
    var experiment: String?

    @Option(name: .customLong("stellar-limit"), help: "Use this stellar limit on μ₁₂ instead of computing it, in (0, 100].")
    var stellarLimit: Double?

    @Option(help: "Calibrations for the computed stellar limit: a name, comma-separated names, 'default' or 'all'.")
    var calibration = "default"

    @Flag(name: .customLong("no-systematics"), help: "Compute the stellar limit without the systematics budget (faster, tighter).")
    var noSystematics = false

    @Option(help: "Confidence level of the computed stellar limit, in (0, 1). Default 0.95.")
    var cl = 0.95

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).")
    var json = false

    @Option(help: "Limits against year with the stellar band (.svg, .png or .pdf; CSV beside).")
    var plot: String?

    @OptionGroup var data: BoundDataOptions

    func validate() throws {
        try checkLevels(cl: cl)
        if let stellarLimit, !(stellarLimit.isFinite && stellarLimit > 0 && stellarLimit <= 100) {
            throw ValidationError("--stellar-limit \(stellarLimit) is outside the allowed range (0, 100] (μ₁₂, 1e-12 μ_B)")
        }
        if let mu12, !(mu12.isFinite && mu12 >= 0 && mu12 <= 1e6) {
            throw ValidationError("--mu12 \(mu12) is outside the allowed range [0, 1e6] (a magnitude, 1e-12 μ_B)")
        }
        if mu12 != nil && matrix != nil { throw ValidationError("give --matrix or --mu12, not both") }
    }

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        let start = DispatchTime.now().uptimeNanoseconds
        let directory = try DataDirectory.locate(explicit: data.dataDir)
        var catalog = try MomentLimitCatalog.load(from: directory)
        if let experiment {
            // Names in any case (issue 18 item 6), matched to the catalog's spelling.
            let wanted = try experiment.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { w in
                    guard let name = catalog.names.first(where: { $0.lowercased() == w.lowercased() }) else {
                        throw InputError(message: "--experiment \(w): unknown experiment; valid: \(catalog.names.joined(separator: ", "))")
                    }
                    return name
                }
            catalog.limits = catalog.limits.filter { wanted.contains($0.name) }
        }
        let pmnsFile = try directory.load(PMNSParameters.File.self, from: PMNSParameters.relativePath)
        var file: MomentHypothesis.File?
        if let matrix {
            file = try DataDirectory.decode(MomentHypothesis.File.self, file: URL(fileURLWithPath: matrix))
        }
        let pmnsName = pmns ?? file?.pmns ?? pmnsFile.defaultEntry
        guard let entry = pmnsFile.entries.first(where: { $0.name == pmnsName }) else {
            throw InputError(message: "--pmns '\(pmnsName)' is not in \(PMNSParameters.relativePath); valid: \(pmnsFile.entries.map(\.name).joined(separator: ", "))")
        }
        guard let dm21 = entry.dm21Ev2 else {
            throw NeutrinoMixingError.invalidData(file: PMNSParameters.relativePath, entry: entry.name, field: "dm21_ev2", reason: "needed for the solar survival probabilities")
        }
        let solar = SolarOscillation(theta12Deg: entry.theta12Deg, theta13Deg: entry.theta13Deg, dm21Ev2: dm21)
        var moments: EffectiveMoments?
        if let file, let matrix { moments = EffectiveMoments(try MomentHypothesis.massBasis(file, pmns: entry.matrix, path: matrix), pmns: entry.matrix, solar: solar) }
        if let mu12 { moments = .diagonalDirac(mu12, pmns: entry.matrix, solar: solar) }
        // Finite entries can still overflow in μ_eff² (1e308²): refuse them naming the file, never print inf.
        if let m = moments, let bad = EffectiveMoments.Beam.allCases.first(where: { !m.squared($0).isFinite }) {
            throw InputError(message: "--matrix \(matrix ?? ""): the effective moment for \(bad.rawValue) overflows (entries are in units of 1e-12 μ_B; |λ| ≤ 1e100 keeps every sum finite)")
        }

        var stellar: CompareReport.Stellar
        if let stellarLimit {
            stellar = CompareReport.Stellar(limit: stellarLimit, cl: nil, computed: false, perCalibration: [])
        } else {
            let report = try data.runBound(calibration: calibration, cl: cl, budget: !noSystematics, coupling: .magneticMoment, json: json,
                                           notePrefix: "stellar limit: ").report
            let best = report.combined ?? report.results[0].limits
            stellar = CompareReport.Stellar(limit: best.bayesian, cl: cl, computed: true,
                                            perCalibration: report.results.map { ($0.calibration.name, $0.limits.bayesian) })
        }
        let name = stellar.computed ? (stellar.perCalibration.count > 1 ? "stellarbound-combined-\(stellar.perCalibration.count)" : "stellarbound-\(stellar.perCalibration[0].0)")
                                    : "stellarbound-given"
        let comparison = LimitComparison(catalog: catalog, computedStellar: (name: name, limit: stellar.limit * 1e-12, cl: stellar.cl),
                                         moments: moments)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        let smMoment = try StandardModelMoment.diracMoment(massEV: 1)
        let description = matrix.map { "\(file!.type) moments from \($0) (\(file!.basis) basis)" } ?? mu12.map { "equal diagonal Dirac moments μ₁₂ = \($0)" }
        try printReport(CompareReport(comparison, stellar: stellar, moments: moments, description: description,
                                      pmns: entry.name, smMoment: smMoment, seconds: seconds), json: json, data: directory) {
            CompareReport.text(comparison, stellar: stellar, moments: moments, description: description, pmns: entry.name,
                               smMoment: smMoment, seconds: seconds)
        }
        // After the report: a plot that fails must not hide the computation's result.
        if let plot { try CompareReport.plot(comparison, stellar: stellar, to: plot) }
    }
}
