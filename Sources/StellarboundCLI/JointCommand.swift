import ArgumentParser
import Foundation
import TRGBBounds

/// `stellarbound joint`: μν and g_ae switched on together for one calibration (issue 17 item 4; Docs/axion.md §5).
struct JointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "joint",
        abstract: "Joint limits on μν and the axion–electron coupling g_ae from one tip calibration.",
        discussion: """
        Flash tracks on the grid μ₁₂ × g₁₃ (StellarModels/trgb/model.json: 9 × 10 nodes), M_I bilinear in (μ₁₂², g₁₃²) \
        between them, the likelihood exp(−(m − M_I)²/2(σ² + τ²)) with τ the μν budget at x = 0 (or --theory-error \
        alone with --no-systematics), flat priors. Reports the marginal limits, the μ₁₂ limit with g₁₃ held at each \
        node (how an axion sink tightens the μν bound), and plots the 68 % and --cl credible regions. \
        JSON keys: Docs/output-contract.md.
        """)

    @Option(help: "Calibration name (one).")
    var calibration = "ngc4258-cr2020"

    @Option(help: "Credible level, in (0, 1). Default 0.95.")
    var cl = 0.95

    @Flag(name: .customLong("no-systematics"), help: "Skip the systematics budget (theory error = --theory-error alone).")
    var noSystematics = false

    @Option(name: .customLong("theory-error"), help: "Extra theory error in mag added in quadrature, in [0, 1). Default 0.")
    var theoryError = 0.0

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).")
    var json = false

    @Option(help: "Plot the credible regions in (μ₁₂, g₁₃) (.svg, .png or .pdf; the posterior grid as CSV beside).")
    var plot: String?

    @OptionGroup var data: BoundDataOptions

    func validate() throws {
        try checkLevels(cl: cl, theoryError: theoryError)
    }

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        let start = DispatchTime.now().uptimeNanoseconds
        let boundData = try data.load()
        let selected = try boundData.calibrations.select(list: calibration)
        guard selected.count == 1 else { throw InputError(message: "--calibration: joint takes one calibration (got \(selected.count))") }
        _ = sharedTable(json: json || data.quiet)
        let runner = try data.runner(boundData, json: json)
        let analysis = try BoundAnalysis(model: boundData.model, tables: boundData.tables, runner: runner)
            .with(.init(withBudget: !noSystematics, coupling: .magneticMoment, extraTheoryError: theoryError))
        // A TRGBError is in the error vocabulary: .computation exits 1, the rest 2.
        let result = try JointAnalysis(analysis: analysis).run(selected[0], cl: cl)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        let report = JointReport(result, threads: runner.threads, seconds: seconds)
        try printReport(report, json: json, data: boundData.directory) { Self.text(report) }
        if let plot { try Self.plot(result, to: plot) }
    }

    static func text(_ r: JointReport) -> String {
        var out: [String] = []
        out.append("Joint limits on μν and g_ae from \(r.calibration) (observed M_I = \(String(format: "%.3f ± %.3f", r.observedMI, r.observedMIError)), theory τ = \(String(format: "%.3f", r.theoryErrorMI)) mag)")
        out.append(String(format: "Marginal upper limits (%g%% credible, flat priors): μ₁₂ < %.2f, g₁₃ < %.2f", 100 * r.cl, r.mu12Limit, r.g13Limit))
        out.append("")
        out.append("μ₁₂ limit with g₁₃ held fixed (an axion sink tightens the μν bound):")
        out.append(formatTable(header: ["g₁₃", "μ₁₂ <", "ratio to g₁₃ = 0"], rows: r.mu12LimitAtG13.map {
            [String(format: "%g", $0.g13), String(format: "%.2f", $0.mu12Limit), String(format: "%.2f", $0.ratioToG13Zero)]
        }))
        out.append("τ is held at its μ₁₂ = 0 value over the plane; M_I is bilinear in (μ₁₂², g₁₃²) between the track nodes.")
        out.append(String(format: "%d flash tracks computed, %d read from the track store; wall time %.1f s on %d threads.", r.tracksComputed, r.tracksFromStore, r.seconds, r.threads))
        return out.joined(separator: "\n")
    }

    /// The posterior on the fine grid (CSV beside) and its 68 % and `cl` highest-density regions.
    static func plot(_ r: JointAnalysis.Result, to path: String) throws {
        let data = companionCSV(for: path)
        var lines = ["mu12,g13,posterior_over_peak"]
        for (j, g) in r.g13.enumerated() { for (i, mu) in r.mu12.enumerated() { lines.append(String(format: "%.5g,%.5g,%.6g", mu, g, r.density[j][i])) } }
        try writeFile(lines.joined(separator: "\n") + "\n", to: data, flag: "--plot")
        let flat = r.density.flatMap { $0 }
        let level68 = JointAnalysis.hpdLevel(r.density, fraction: 0.68)
        let segments = Gnuplot.contourSegments(flat, nx: r.mu12.count, ny: r.g13.count, x: { r.mu12[$0] }, y: { r.g13[$0] }, levels: [r.level])
        let segments68 = Gnuplot.contourSegments(flat, nx: r.mu12.count, ny: r.g13.count, x: { r.mu12[$0] }, y: { r.g13[$0] }, levels: [level68])
        let clText = String(format: "%g %%", 100 * r.cl)
        // Zoom on the region: twice the extent of the cl region along each axis (within the grid).
        var extentX = 0.0, extentY = 0.0
        for (j, row) in r.density.enumerated() { for (i, d) in row.enumerated() where d >= r.level {
            extentX = max(extentX, r.mu12[i]); extentY = max(extentY, r.g13[j])
        } }
        let xMax = String(format: "%.3g", min(r.mu12.last!, max(2 * extentX, r.mu12[1] * 10)))
        let yMax = String(format: "%.3g", min(r.g13.last!, max(2 * extentY, r.g13[1] * 10)))
        let script = """
        \(try Gnuplot.terminal(for: path))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set title '\(r.calibration.name): joint credible regions of μ_{12} and g_{13} (flat priors; posterior in grey)'
        set xlabel 'μ_{12} = μ_ν / 10^{-12} μ_B'
        set ylabel 'g_{13} = g_{ae} / 10^{-13}'
        set xrange [0:\(xMax)]; set yrange [0:\(yMax)]
        set palette defined (0 'white', 1 '#7f7f7f')
        unset colorbox
        set key top right box opaque
        $c95 << EOD
        \(segments)
        EOD
        $c68 << EOD
        \(segments68)
        EOD
        plot \(Gnuplot.quoted(data)) using 1:2:3 skip 1 with image notitle, \
             $c68 using 1:2 with lines lw 2 lc rgb '#1f77b4' title '68 %', \
             $c95 using 1:2 with lines lw 2.5 lc rgb '#d62728' title '\(clText)'
        """
        try Gnuplot.render(script: script, output: path)
    }
}
