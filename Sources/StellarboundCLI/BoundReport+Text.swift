import Foundation
import NeutrinoMixing
import TRGBBounds

/// Text and plot of a `bound` report (the JSON report is the library's `BoundReport`, the documented contract;
/// the plot's CSV columns: Docs/output-contract.md).
extension BoundReport {
    static func text(_ r: BoundAnalysis.Report, hypothesis: MomentHypothesis?, tests: [HypothesisTest]?, seconds: Double, threads: Int) -> String {
        var out: [String] = []
        let clText = String(format: "%g%% CL", 100 * r.cl)
        let x = r.coupling.symbol
        switch r.coupling {
        case .magneticMoment:
            out.append("Neutrino magnetic moment from the red-giant-branch tip: upper limits at \(clText)")
            out.append("The limit is on μν = [Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²)]^½, the same in every basis (mass or flavour, Dirac or Majorana).")
        case .millicharge:
            out.append("Neutrino millicharge from the red-giant-branch tip (plasmon decay γ → νν̄ through the charge): upper limits at \(clText)")
            out.append("The limit is on qν = (Σᵢ qᵢ²)^½ over Dirac species, in units of e.")
        case .axionElectron:
            out.append("Axion–electron coupling from the red-giant-branch tip (bremsstrahlung on ions and Compton axions): upper limits at \(clText)")
            out.append("The limit is on g_ae in units of 10⁻¹³ (rates: Docs/axion.md).")
        }
        out.append("")
        var rows: [[String]] = []
        for c in r.results {
            let pull = c.pull
            let published = c.calibration.published(r.coupling).map { String(format: "%.1f (%g%%)", $0.x, 100 * $0.cl) }.joined(separator: ", ")
            rows.append([c.calibration.name,
                         String(format: "%.3f ± %.3f", c.calibration.mI, c.calibration.observedError),
                         String(format: "%.3f ± %.3f", c.standard.mI, c.theoryError0),
                         String(format: "%+.1f", pull),
                         String(format: "%.2f", c.limits.bayesian),
                         String(format: "%.2f", c.limits.deltaChiSquared),
                         String(format: "%.2f", c.limits.feldmanCousins),
                         published.isEmpty ? "—" : published])
        }
        if let comb = r.combined {
            rows.append(["combined (\(r.results.count))", "", "", "", String(format: "%.2f", comb.bayesian),
                         String(format: "%.2f", comb.deltaChiSquared), String(format: "%.2f", comb.feldmanCousins), ""])
        }
        out.append(formatTable(header: ["calibration", "observed M_I", "predicted M_I (\(x)=0)", "pull", "\(x) < Bayes", "Δχ²", "F–C", "published"], rows: rows))
        out.append("\(r.coupling.meaning). Bayes: flat prior in \(x) ≥ 0; Δχ²: one-sided profile likelihood; F–C: Feldman & Cousins 1998.")
        out.append("pull = (observed − predicted)/σ; negative: the observed tip is brighter than the standard model.")
        out.append("Combined: theory errors fully correlated between calibrations.")
        out.append(contentsOf: reconciliation(r))
        out.append("")
        out.append("Standard-model tips (\(x) = 0)")
        out.append(formatTable(header: ["calibration", "[Fe/H]", "Z", "Y", "M (M☉)", "M_c (M☉)", "log L/L☉", "(V−I)₀", "T_eff (K)", "log g", "BC_I", "M_I"],
                               rows: r.results.map { c in
            [c.calibration.name, String(format: "%.2f", c.photometry.feh), String(format: "%.2e", c.spec.metallicity),
             String(format: "%.3f", c.spec.helium), String(format: "%.2f", c.spec.mass), String(format: "%.4f", c.coreMassStandard),
             String(format: "%.3f", c.logLStandard), String(format: "%.3f", c.standard.colourVI), String(format: "%.0f", c.standard.teff),
             String(format: "%.2f", c.standard.logg), String(format: "%.3f", c.standard.bcI), String(format: "%.3f", c.standard.mI)]
        }))
        if r.engine == .wholeStar {
            out.append("Whole-star tracks (ZAMS to helium ignition): T_eff and log g are the model's; (V−I)₀ is the model's through the BC table,")
            out.append("beside the empirical tip colour the core engine would assume (cross-check):")
            out.append(formatTable(header: ["calibration", "α_MLT", "Reimers η", "M_tip (M☉)", "age (Gyr)", "ignition", "ΔY dredge-up", "(V−I)₀ model", "(V−I)₀ empirical"],
                                   rows: r.results.map { c in
                [c.calibration.name, c.spec.mixingLength.map { String(format: "%.3f", $0) } ?? "—",
                 c.spec.reimersEta.map { String(format: "%.3f", $0) } ?? "—",
                 c.surface.map { String(format: "%.3f", $0.mass) } ?? "—", String(format: "%.2f", c.ageStandard / 1e9),
                 c.surface?.ignition ?? "—", c.surface.map { String(format: "%+.4f", $0.dredgeUpDeltaY) } ?? "—",
                 String(format: "%.3f", c.standard.colourVI), c.relationColourVI.map { String(format: "%.3f", $0) } ?? "outside its range"]
            }))
            out.append("The whole star's budget varies each input at \(x) = 0 and at the reference \(x), as the core engine's; the wind only at \(x) = 0, its shift")
            out.append("carried to every \(x) (with that wind a star at μ₁₂ ≥ 2 loses its envelope before helium ignites; Docs/bounds.md §11).")
        }
        out.append("")
        if r.results.first?.budget.isEmpty == false {
            out.append("Systematics budget: σ(M_I) per input at \(x) = 0 (mag; largest shift among each input's variations)")
            let cats = Variation.Category.allCases.filter { cat in r.results.contains { $0.categoryErrors.contains { $0.0 == cat } } }
            var brows = cats.map { cat in
                [cat.rawValue] + r.results.map { c in c.categoryErrors.first { $0.0 == cat }.map { String(format: "%.3f", $0.1) } ?? "—" }
            }
            brows.append(["total (quadrature)"] + r.results.map { String(format: "%.3f", $0.theoryError0) })
            brows.append(["total at \(x) = \(String(format: "%g", r.referenceMu12))"] + r.results.map { String(format: "%.3f", $0.theoryErrorRef) })
            out.append(formatTable(header: ["input"] + r.results.map(\.calibration.name), rows: brows))
            out.append("")
            let first = r.results[0]
            out.append("Each variation for \(first.calibration.name): shift of M_I and of the Bayesian limit")
            out.append(formatTable(header: ["variation", "ΔM_I (\(x)=0)", "ΔM_I (\(x)=\(String(format: "%g", r.referenceMu12)))", "Δ limit"],
                                   rows: first.budget.map { b in
                [b.name, String(format: "%+.3f", b.deltaMI0), String(format: "%+.3f", b.deltaMIRef), b.limitShift.map { String(format: "%+.2f", $0) } ?? "beyond grid"]
            }))
            out.append("(`--json` gives the list for every calibration.)")
            out.append("")
        }
        if let h = hypothesis, let tests {
            out.append(String(format: "Tested: %@, μ₁₂ = %.3f", h.description, h.mu12))
            if let a = h.sumGivenBasis, let b = h.sumOtherBasis {
                out.append(String(format: "Σ(|μ|²+|ε|²) = %.6g in the given basis, %.6g after the PMNS change of basis (basis independent)", a, b))
            }
            for t in tests {
                out.append(String(format: "  %@: predicted M_I = %.3f → %@ at %@", t.calibration, t.predictedMI, t.excluded ? "excluded" : "allowed", clText))
            }
            out.append("")
        }
        if let grid = r.gridName, let error = r.gridInterpolationError {
            out.append(String(format: "Nominal tracks interpolated from the track grid '%@'; its held-back interpolation error, %.4f mag, is in the theory error.", grid, error))
        }
        out.append(String(format: "%d %@ tracks in %.1f s of track time on %d threads, %d read from the track store; wall time %.1f s.", r.tracksComputed, r.engine == .core ? "flash" : "whole-star", r.trackSeconds, threads, r.tracksFromStore, seconds))
        return out.joined(separator: "\n")
    }

    /// Issue 18 item 9: for each calibration with a published limit at the report's CL, two lines on why the computed
    /// limit differs — the theory budget here against the full-code σ a published analysis quotes, with the limit
    /// recomputed with that σ — and how the one-sided conduction correction of Blouin et al. 2020 is counted.
    static func reconciliation(_ r: BoundAnalysis.Report) -> [String] {
        guard r.coupling != .millicharge else { return [] }
        var out: [String] = []
        let pub = BoundAnalysis.publishedTheoryError
        for c in r.results {
            guard let p = c.calibration.published(r.coupling).first(where: { abs($0.cl - r.cl) < 1e-9 }) else { continue }
            let largest = c.categoryErrors.sorted { $0.1 > $1.1 }.prefix(2)
                .map { String(format: "%@ %.3f", $0.0.rawValue, $0.1) }.joined(separator: ", ")
            let redone = BoundAnalysis.bayesianLimit(c, grid: r.muGrid, cl: r.cl, theoryError: pub)
            out.append(String(format: "%@: %.2f here, %.1f published. Theory σ here %.3f mag (largest: %@), against ~%.2f in full-code analyses (Viaux et al. 2013, PGPUC);",
                              c.calibration.name, c.limits.bayesian, p.x, c.theoryError0, largest.isEmpty ? "—" : largest, pub))
            let verdict: String
            if let redone, abs(redone - p.x) <= 0.15 * p.x {
                verdict = "the theory budget accounts for the difference"
            } else {
                verdict = "the rest is the predicted M_I, the observed σ and the statistics"
            }
            out.append("  with \(String(format: "%.2f", pub)) mag and this model's M_I(\(r.coupling.symbol)) the limit would be \(redone.map { String(format: "%.2f", $0) } ?? "beyond the grid"): \(verdict).")
        }
        if !out.isEmpty { out.insert("", at: 0); out.insert("Against the published limits (\(String(format: "%g%% CL", 100 * r.cl)))", at: 1) }
        // The one-sided conduction correction.
        let blouin = r.results.compactMap { c -> (String, Double, Double?)? in
            guard let row = c.budget.first(where: { $0.name.contains("Blouin") }) else { return nil }
            return (c.calibration.name, row.deltaMI0, row.limitShift.map { c.limits.bayesian + $0 })
        }
        if let first = blouin.first {
            out.append("")
            out.append(String(format: "Blouin et al. 2020's conduction correction is one-sided (ΔM_I = %+.3f mag: a brighter standard tip) and is counted as a symmetric 1σ term (the conservative choice).", first.1))
            out.append("  Taken as the baseline instead, the limits would be: " + blouin.map { "\($0.0) \($0.2.map { String(format: "%.2f", $0) } ?? "beyond the grid")" }.joined(separator: ", ") + " (first order in the shift: the Δ limit of the budget table).")
        }
        return out
    }

    /// Two panels: M_I(μ₁₂) with the theory band and the observed bands; the likelihoods.
    static func plot(_ r: BoundAnalysis.Report, to path: String) throws {
        let data = companionCSV(for: path)
        var header = [r.coupling.key]
        for c in r.results { header += ["m_i_\(c.calibration.name)", "theory_error_\(c.calibration.name)", "likelihood_\(c.calibration.name)"] }
        if r.combined != nil { header.append("likelihood_combined") }
        let step = 8
        var lines = [header.joined(separator: ",")]
        let likes = r.results.map(BoundAnalysis.relativeLikelihood)
        var combined: [Double] = []
        if r.combined != nil {
            let nll = BoundAnalysis.combinedMinusTwoLogL(r)
            let lo = nll.min() ?? 0
            combined = nll.map { exp(-0.5 * ($0 - lo)) }
        }
        for k in stride(from: 0, to: r.muGrid.count, by: step) {
            var row = [String(format: "%.4f", r.muGrid[k])]
            for (i, c) in r.results.enumerated() {
                row += [String(format: "%.5f", c.gridMI[k]), String(format: "%.5f", c.gridTau[k]), String(format: "%.5g", likes[i][k])]
            }
            if !combined.isEmpty { row.append(String(format: "%.5g", combined[k])) }
            lines.append(row.joined(separator: ","))
        }
        try writeFile(lines.joined(separator: "\n") + "\n", to: data, flag: "--plot")
        // Issue 18 (8): both panels share the same plot area (fixed margins), so the μ axes line up; each theory band
        // has its edges drawn in its colour, so overlapping bands stay apart; every limit is a vertical line across
        // both panels and its value is in the key.
        let x = r.coupling.pick("μ_{12}", "q_{14}", "g_{13}")
        let clText = String(format: "%g%% CL", 100 * r.cl)
        var top: [String] = [], bottom: [String] = [], marks: [String] = []
        for (i, c) in r.results.enumerated() {
            let col = Gnuplot.colour(i)
            let m = 2 + 3 * i
            let name = c.calibration.name
            top.append("\(Gnuplot.quoted(data)) using 1:($\(m)-$\(m + 1)):($\(m)+$\(m + 1)) skip 1 with filledcurves fs transparent solid 0.10 noborder lc rgb '\(col)' notitle")
            for sign in ["-", "+"] {
                top.append("'' using 1:($\(m)\(sign)$\(m + 1)) skip 1 with lines lw 1 dt (6,4) lc rgb '\(col)' notitle")
            }
            top.append("'' using 1:\(m) skip 1 with lines lw 2.5 lc rgb '\(col)' title '\(name): \(x) < \(Gnuplot.number(c.limits.bayesian))'")
            top.append(String(format: "%.4f with lines dt 2 lw 2 lc rgb '%@' notitle", c.calibration.mI, col))
            for sign in [-1.0, 1.0] {
                top.append(String(format: "%.4f with lines dt 3 lw 1 lc rgb '%@' notitle", c.calibration.mI + sign * c.calibration.observedError, col))
            }
            bottom.append("\(Gnuplot.quoted(data)) using 1:\(m + 2) skip 1 with lines lw 2.5 lc rgb '\(col)' notitle")
            marks.append(Gnuplot.verticalLine(at: c.limits.bayesian, colour: col, width: 1.5))
        }
        if let comb = r.combined, !combined.isEmpty {
            top.append("NaN with lines lw 3 lc rgb 'black' title 'combined: \(x) < \(Gnuplot.number(comb.bayesian))'")
            bottom.append("\(Gnuplot.quoted(data)) using 1:\(2 + 3 * r.results.count) skip 1 with lines lw 3 lc rgb 'black' notitle")
            marks.append(Gnuplot.verticalLine(at: comb.bayesian, colour: "black", width: 2.5))
        }
        top.append("NaN with filledcurves fs solid 0.25 noborder lc rgb 'gray40' title 'model ± theory σ'")
        top.append("NaN with lines dt 2 lw 2 lc rgb 'gray40' title 'observed (dots: ± σ)'")
        top.append("NaN with lines dt 4 lw 1.5 lc rgb 'gray40' title '\(clText) upper limit (Bayesian)'")
        let script = """
        \(try Gnuplot.terminal(for: path, height: 1.1))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set multiplot
        set grid lc rgb '#dddddd'
        \(Gnuplot.alignedPanels(keyAtTop: 0.95))
        set xrange [\(r.muGrid.first ?? 0):\(r.muGrid.last ?? 10)]
        \(marks.joined(separator: "\n"))
        set tmargin at screen 0.94; set bmargin at screen 0.55
        set format x ''
        set ylabel 'M_I^{TRGB} (mag)'
        set yrange [*:*] reverse
        set title 'Tip of the red-giant branch against \(x): model and observed M_I' offset 0,-0.3
        plot \(top.joined(separator: ", \\\n     "))
        unset key
        set tmargin at screen 0.47; set bmargin at screen 0.08
        set format x '%g'
        set xlabel \(r.coupling.pick("'μ_{12} = μ_ν / 10^{-12} μ_B'", "'q_{14} = q_ν / 10^{-14} e'", "'g_{13} = g_{ae} / 10^{-13}'"))
        set yrange [0:1.05] noreverse
        set ylabel 'likelihood / maximum'
        set title 'Likelihood of \(x) (each calibration, and combined in black)' offset 0,-0.3
        plot \(bottom.joined(separator: ", \\\n     "))
        unset multiplot
        """
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }
}
