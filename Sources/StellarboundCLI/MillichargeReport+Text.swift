import Foundation
import Millicharge
import TRGBBounds

/// Text and plot of a `millicharge` report (the JSON report is the library's `MillichargeReport`, the
/// documented contract; the plot's CSV columns: Docs/output-contract.md).
extension MillichargeReport {
    typealias Entry = ChargeLimitComparison.Row

    /// Every limit, the strongest first (the library's comparison, fed with this run's computed bounds).
    static func comparison(rows: [MillichargeCommand.Row], redGiant: BoundAnalysis.Report?, published: ChargeLimitCatalog) -> [Entry] {
        let stars = rows.map {
            ChargeLimitComparison.NeutronStarBound(name: "nust-" + $0.object.name + ($0.overridden ? " (inputs changed)" : ""),
                                                   limit: $0.star.chargeLimit, applies: $0.object.applies)
        }
        let rg = redGiant.map { rg -> ChargeLimitComparison.RedGiantBound in
            let best = rg.combined ?? rg.results[0].limits
            let name = rg.combined != nil ? "red-giants-combined-\(rg.results.count)" : "red-giants-\(rg.results[0].calibration.name)"
            return ChargeLimitComparison.RedGiantBound(name: name, limit: best.bayesian * Coupling.millicharge.scale, cl: rg.cl)
        }
        return ChargeLimitComparison(published: published, neutronStars: stars, redGiant: rg).rows
    }

    static func inputCells(_ i: NeutronStarTurning.Inputs, _ star: NeutronStarTurning) -> [String] {
        [String(format: "%.4g", i.periodSeconds), String(format: "%.3g", i.fieldGauss), String(format: "%.3g", i.massMsun),
         String(format: "%.3g", star.momentOfInertia), String(format: "%.3g", i.neutrinoNumber), String(format: "%.3g", i.netFraction),
         i.geometry.rawValue]
    }

    static func text(rows: [MillichargeCommand.Row], redGiant: BoundAnalysis.Report?, comparison: [Entry], seconds: Double) -> String {
        var out: [String] = []
        out.append("Neutrino millicharge: the neutrino-star-turning (νST) bound per neutron star")
        out.append("q < 2π I c / (P₀ f N κ B R_ν²): millicharged neutrinos leaving the star's field carry angular momentum κ q B R_ν²/c each;")
        out.append("the star's spin must not change by more than itself (|ΔΩ| < Ω₀). Derivation and inputs: Docs/millicharge.md §2-3.")
        out.append("")
        out.append(formatTable(header: ["object", "P₀ (s)", "B (G)", "M (M☉)", "I (g cm²)", "N", "f", "geometry", "q < (e₀)", "assumptions"],
                               rows: rows.map { r in
            [r.object.name + (r.overridden ? " *" : "")] + inputCells(r.inputs, r.star)
                + [String(format: "%.2e", r.star.chargeLimit), r.object.applies ? "hold" : "break (see note)"]
        }))
        if rows.contains(where: \.overridden) { out.append("* inputs changed on the command line") }
        for r in rows {
            out.append("  \(r.object.name): \(r.object.label); period: \(r.object.periodKind); field: \(r.object.fieldKind).")
            if !r.object.applies || r.object.netFraction < 1 { out.append("    \(r.object.note)") }
        }
        out.append("")
        if let rg = redGiant {
            out.append(String(format: "Red-giant bound on the charge (this tool, %g%% CL; the `bound --coupling millicharge` pipeline)", 100 * rg.cl))
            var rgRows = rg.results.map { c in
                [c.calibration.name, String(format: "%.2e", c.limits.bayesian * 1e-14), String(format: "%.2e", c.limits.deltaChiSquared * 1e-14),
                 String(format: "%.2e", c.limits.feldmanCousins * 1e-14), String(format: "%.3f", c.theoryError0)]
            }
            if let comb = rg.combined {
                rgRows.append(["combined (\(rg.results.count))", String(format: "%.2e", comb.bayesian * 1e-14),
                               String(format: "%.2e", comb.deltaChiSquared * 1e-14), String(format: "%.2e", comb.feldmanCousins * 1e-14), ""])
            }
            out.append(formatTable(header: ["calibration", "q < Bayes (e₀)", "Δχ²", "F–C", "theory σ (mag)"], rows: rgRows))
            out.append("")
        }
        out.append("Every limit on |qν|, strongest first (published: StellarModels/millicharge/charge-limits.json)")
        out.append(formatTable(header: ["limit (e₀)", "CL", "year", "kind", "name", "reference"], rows: comparison.map { e in
            [String(format: "%.1e", e.limit), e.cl.map { String(format: "%g%%", 100 * $0) } ?? "—", e.year.map(String.init) ?? "now",
             e.kind, e.name + (e.applies ? "" : " (assumption breaks)") + (e.confirmed ? "" : " †"), e.reference]
        }))
        out.append("† second-hand: the number was not read in the source itself (the data file's note says where it comes from).")
        if redGiant == nil { out.append("The red-giant bound computed by this tool: add --red-giant (~45 s), or run `stellarbound bound --coupling millicharge`.") }
        out.append(String(format: "wall time %.1f s", seconds))
        return out.joined(separator: "\n")
    }

    /// The documented report of this run: the rows' νST bounds, the red-giant bound on the charge in e₀ when it
    /// was computed, and the comparison.
    init(rows: [MillichargeCommand.Row], redGiant: BoundAnalysis.Report?, comparison: [Entry], seconds: Double) {
        let scale = Coupling.millicharge.scale
        let rg = redGiant.map { rg in
            RedGiant(cl: rg.cl, calibrations: rg.results.map { c in
                RedGiant.Calibration(calibration: c.calibration.name, qLimit: c.limits.bayesian * scale,
                                     qLimitDeltaChi2: c.limits.deltaChiSquared * scale,
                                     qLimitFeldmanCousins: c.limits.feldmanCousins * scale, theoryErrorMI: c.theoryError0)
            }, combinedQLimit: rg.combined.map { $0.bayesian * scale })
        }
        self.init(objects: rows.map { Object(object: $0.object, star: $0.star, overridden: $0.overridden) },
                  redGiant: rg, comparison: comparison, seconds: seconds)
    }

    /// A horizontal bar chart on a log axis: every limit, coloured by kind.
    static func plot(_ entries: [Entry], to path: String) throws {
        let data = companionCSV(for: path)
        let kinds = ["laboratory", "projection", "astrophysical", "this tool: neutron-star rotation", "this tool: red-giant tip"]
        var lines = ["index,name,q_limit_e0,kind,kind_index,assumptions_hold"]
        for (k, e) in entries.reversed().enumerated() {
            let label = (e.name + (e.applies ? "" : " (assumption breaks)")).replacingOccurrences(of: ",", with: ";")
            lines.append("\(k),\(label),\(String(format: "%.4g", e.limit)),\(e.kind),\((kinds.firstIndex(of: e.kind) ?? 0) + 1),\(e.applies)")
        }
        try writeFile(lines.joined(separator: "\n") + "\n", to: data, flag: "--plot")
        let colours = ["#1f77b4", "#aec7e8", "#2ca02c", "#d62728", "#ff7f0e"]
        let keys = kinds.enumerated().map { i, k in "NaN with boxes fs solid 0.7 lc rgb '\(colours[i])' title '\(k)'" }
        let script = """
        \(try Gnuplot.terminal(for: path))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set logscale x
        set format x '10^{%L}'
        set xrange [1e-23:1e-10]
        set yrange [-1:\(entries.count)]
        set grid x
        set key inside top right vertical box opaque
        set xlabel 'upper limit on |q_ν| (units of e)'
        set title 'Neutrino millicharge: limits computed by stellarbound and published (strongest at the top)'
        set linetype 1 lc rgb '\(colours[0])'
        set linetype 2 lc rgb '\(colours[1])'
        set linetype 3 lc rgb '\(colours[2])'
        set linetype 4 lc rgb '\(colours[3])'
        set linetype 5 lc rgb '\(colours[4])'
        plot \(Gnuplot.quoted(data)) skip 1 using (sqrt(1e-23*$3)):1:(1e-23):3:($1-0.35):($1+0.35):5:ytic(2) with boxxyerror fs solid 0.7 lc variable notitle, \\
             \(keys.joined(separator: ", \\\n     "))
        """
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }
}
