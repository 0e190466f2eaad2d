import Foundation
import Laboratory

/// Text and plot of a `compare` report (the JSON report is the library's `CompareReport`, the documented
/// contract; the plot's CSV columns: Docs/output-contract.md).
extension CompareReport {
    /// The stellar limit on μ₁₂ the comparison refers to.
    struct Stellar {
        var limit: Double
        var cl: Double?
        var computed: Bool
        var perCalibration: [(String, Double)]
    }

    static func beamLabel(_ b: EffectiveMoments.Beam) -> String {
        switch b {
        case .reactorAntiNuE: return "reactor ν̄e"
        case .solarNuE: return "solar νe"
        case .acceleratorNuMu: return "accelerator νμ"
        case .acceleratorNuE: return "accelerator νe"
        case .acceleratorNuTau: return "accelerator ντ"
        case .stellar: return "stars"
        }
    }

    static func text(_ c: LimitComparison, stellar: Stellar, moments: EffectiveMoments?, description: String?, pmns: String,
                     smMoment: Double, seconds: Double) -> String {
        var out: [String] = []
        out.append("Neutrino magnetic moment: laboratory and astrophysical limits, strongest first (μ_B); projections apart")
        out.append("Stars bound μν = [Σⱼₖ(|μⱼₖ|² + |εⱼₖ|²)]^½ (basis independent); each experiment bounds the effective moment of the")
        out.append("neutrinos it sees (λ = μ − iε in the mass basis; PMNS: \(pmns)). Docs/laboratory.md §2.")
        out.append("")
        var header = ["limit (μ_B)", "CL", "year", "name", "sees", "constrains"]
        if moments != nil { header += ["matrix μ_eff", "passes", "reach/stars"] }
        func row(_ r: LimitComparison.Row) -> [String] {
            var row = [String(format: "%.2e", r.limit), r.cl.map { String(format: "%g%%", 100 * $0) } ?? "—", r.year.map(String.init) ?? "now",
                       r.name + (r.confirmed ? "" : " †"), beamLabel(r.beam), r.beam.quantity]
            if moments != nil {
                row += [r.matrixMoment.map { String(format: "%.2e", $0) } ?? "—",
                        r.passes.map { $0 ? "yes" : "NO" } ?? "—",
                        r.reachRatio.map { $0.isFinite ? String(format: "%.2g", $0) : "blind" } ?? "—"]
            }
            return row
        }
        // Measured limits ranked; projections (a proposed experiment's reach) apart, never ranked among them.
        out.append(formatTable(header: header, rows: c.rows.filter { $0.kind != "projection" }.map(row)))
        let clLevels = Set(c.rows.filter { $0.kind != "projection" }.compactMap(\.cl))
        if clLevels.count > 1 {
            out.append("Ranked by the value each source quotes, at its own CL (\(clLevels.sorted().map { String(format: "%g %%", 100 * $0) }.joined(separator: ", ")); "
                       + "'—': none stated); limits at different CL are not converted to one another.")
        }
        let projections = c.rows.filter { $0.kind == "projection" }
        if !projections.isEmpty {
            out.append("")
            out.append("Projections (the reach claimed for a proposed experiment; not measurements, not ranked above):")
            out.append(formatTable(header: header, rows: projections.map(row)))
        }
        out.append("† second-hand: not read in the source itself (the catalog's note says where from).")
        if stellar.computed {
            let per = stellar.perCalibration.map { String(format: "%@ %.2f", $0.0, $0.1) }.joined(separator: ", ")
            out.append(String(format: "This tool's stellar limit: μ₁₂ < %.2f (%g%% CL, Bayesian, bound extractor; per calibration: %@).",
                              stellar.limit, 100 * (stellar.cl ?? 0.95), per))
        } else {
            out.append(String(format: "Stellar limit given on the command line: μ₁₂ < %.2f.", stellar.limit))
        }
        if let m = moments, let d = description {
            out.append("")
            out.append("Tested: \(d); μν (stars) = \(String(format: "%.3g", m.squared(.stellar).squareRoot())) × 10⁻¹² μ_B.")
            out.append("reach/stars = (limit / μ_eff per unit μν) / stellar limit, for the overall scale of this matrix: > 1, the")
            out.append("experiment is weaker than the stars for this direction; 'blind': it does not see it.")
        }
        out.append("")
        out.append(String(format: "Standard-model Dirac moment (Fujikawa & Shrock 1980): %.2e μ_B × (m_ν / 1 eV): %.1e μ_B at 0.05 eV.", smMoment, 0.05 * smMoment))
        out.append(String(format: "wall time %.1f s", seconds))
        return out.joined(separator: "\n")
    }

    /// The documented report of this run.
    init(_ c: LimitComparison, stellar: Stellar, moments: EffectiveMoments?, description: String?, pmns: String,
         smMoment: Double, seconds: Double) {
        self.init(c, stellarLimitMu12: stellar.limit, stellarCL: stellar.cl, stellarLimitComputed: stellar.computed,
                  stellarCalibrations: stellar.perCalibration.map { StellarCalibration(calibration: $0.0, mu12Limit: $0.1) },
                  moments: moments, description: description, pmns: pmns, standardModelDiracMoment: smMoment, seconds: seconds)
    }

    /// Limits against year (log scale), coloured by what the experiment sees, with this tool's stellar band.
    static func plot(_ c: LimitComparison, stellar: Stellar, to path: String) throws {
        let data = companionCSV(for: path)
        let groups: [(String, (LimitComparison.Row) -> Bool, String, String)] = [
            ("reactor ν̄e", { $0.beam == .reactorAntiNuE && $0.kind != "projection" }, "#1f77b4", "7"),
            ("solar νe", { $0.beam == .solarNuE }, "#ff7f0e", "9"),
            ("accelerator", { [.acceleratorNuMu, .acceleratorNuE, .acceleratorNuTau].contains($0.beam) }, "#8c564b", "5"),
            ("astrophysical (published)", { $0.beam == .stellar && !$0.computed }, "#2ca02c", "11"),
            ("projection", { $0.kind == "projection" }, "#7f7f7f", "6"),
        ]
        var lines = ["year,limit_mu_b,name,group"]
        for r in c.rows where !r.computed {
            let g = groups.firstIndex { $0.1(r) } ?? 0
            lines.append("\(r.year ?? 2026),\(String(format: "%.4g", r.limit)),\(r.name),\(g)")
        }
        try writeFile(lines.joined(separator: "\n") + "\n", to: data, flag: "--plot")
        let lo = stellar.limit * 1e-12
        let hi = (stellar.perCalibration.map(\.1).max() ?? stellar.limit) * 1e-12
        var plots: [String]
        if stellar.computed {
            let cl = stellar.cl.map { String(format: ", %g%% CL", 100 * $0) } ?? ""
            plots = ["[1985:2030] \(String(format: "%.4g", lo)) with filledcurves y=\(String(format: "%.4g", max(hi, lo * 1.05))) fs transparent solid 0.25 lc rgb '#d62728' title 'this tool (TRGB\(cl)): \(Gnuplot.number(stellar.limit)) combined to \(Gnuplot.number(hi * 1e12)) weakest, × 10^{-12}'"]
        } else {
            plots = ["[1985:2030] \(String(format: "%.4g", lo)) with lines lw 3 lc rgb '#d62728' title 'stellar limit given (--stellar-limit): \(Gnuplot.number(stellar.limit)) × 10^{-12}'"]
        }
        for (i, g) in groups.enumerated() {
            plots.append("\(Gnuplot.quoted(data)) skip 1 using 1:($4==\(i) ? $2 : NaN) with points pt \(g.3) ps 1.6 lc rgb '\(g.2)' title '\(g.0)'")
        }
        // Labels placed so that none overlaps another (issue 18 (8)): each starts right of its point, moved up or down
        // in steps of one label height until its box is free.
        let placed = labelPositions(c.rows.filter { !$0.computed }.map { ($0.name, Double($0.year ?? 2026), log10($0.limit)) })
        let labels = placed.map { p in
            String(format: "set label '%@' at %.3f, %.4g %@ font ',9' front", p.name.replacingOccurrences(of: "'", with: "''"), p.x, pow(10, p.y), p.left ? "right" : "left")
        }
        let script = """
        \(try Gnuplot.terminal(for: path))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set logscale y
        set format y '10^{%L}'
        set xrange [1985:2030]
        set yrange [3e-13:3e-5]  # the decade above 10⁻⁶ holds the key
        set grid lc rgb '#dddddd'
        set key top right box opaque spacing 1.15
        set xlabel 'year'
        set ylabel 'upper limit on μ_ν (μ_B)'
        set title 'Neutrino magnetic moment: laboratory and published stellar limits, and this tool (red)'
        \(labels.joined(separator: "\n"))
        plot \(plots.joined(separator: ", \\\n     "))
        """
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }

    /// Label positions for points (name, year, log10 limit) on the compare plot: beside the point (0.6 yr to its right,
    /// or to its left), at its height if free, else moved by one label height (0.12 dex) at a time, the nearest free
    /// place winning (a left-hand place counts as half a step further), so that no label's box (0.33 yr per
    /// character) overlaps another label's or a point. Points are taken by year, the highest first.
    static func labelPositions(_ points: [(name: String, x: Double, y: Double)]) -> [(name: String, x: Double, y: Double, left: Bool)] {
        let h = 0.12, perChar = 0.33
        var boxes: [(x0: Double, x1: Double, y0: Double, y1: Double)] = points.map { ($0.x - 0.35, $0.x + 0.35, $0.y - 0.07, $0.y + 0.07) }
        var candidates: [(shift: Int, left: Bool)] = []
        for shift in [0, -1, 1, -2, 2, -3, 3, -4, 4] { candidates += [(shift, false), (shift, true)] }
        candidates.sort { Double(abs($0.shift)) + ($0.left ? 0.5 : 0) < Double(abs($1.shift)) + ($1.left ? 0.5 : 0) }
        var out: [(name: String, x: Double, y: Double, left: Bool)] = []
        for (k, p) in points.enumerated().sorted(by: { ($0.element.x, -$0.element.y) < ($1.element.x, -$1.element.y) }) {
            let width = perChar * Double(p.name.count)
            var chosen = (x0: p.x + 0.6, y: p.y, left: false)
            for c in candidates {
                let x0 = c.left ? p.x - 0.6 - width : p.x + 0.6, x1 = x0 + width
                let y = p.y + Double(c.shift) * h
                let free = boxes.enumerated().allSatisfy { idx, b in
                    idx == k || x1 <= b.x0 || x0 >= b.x1 || y + h / 2 <= b.y0 + 1e-9 || y - h / 2 >= b.y1 - 1e-9
                }
                if free { chosen = (x0, y, c.left); break }
            }
            boxes.append((chosen.x0, chosen.x0 + width, chosen.y - h / 2, chosen.y + h / 2))
            out.append((p.name, chosen.left ? chosen.x0 + width : chosen.x0, chosen.y, chosen.left))
        }
        return out
    }
}
