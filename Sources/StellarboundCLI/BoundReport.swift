import Foundation
import NeutrinoMixing
import TRGBBounds

/// Text, JSON and plot of a `bound` report (keys and columns: Docs/output-contract.md).
enum BoundReport {
    typealias Test = HypothesisTest

    static let quantity = "mu_nu^2 = sum_ij (|mu_ij|^2 + |eps_ij|^2): basis independent (unchanged by any unitary change of the mass or flavour basis); Dirac or Majorana"
    static let chargeQuantity = "q_nu^2 = sum_i q_i^2 over Dirac species, q in units of the elementary charge e0"

    static func quantity(_ c: Coupling) -> String { c == .magneticMoment ? quantity : chargeQuantity }

    static func text(_ r: BoundAnalysis.Report, hypothesis: MomentHypothesis?, tests: [Test]?, seconds: Double, threads: Int) -> String {
        var out: [String] = []
        let clText = String(format: "%g%% CL", 100 * r.cl)
        let x = r.coupling.symbol
        if r.coupling == .magneticMoment {
            out.append("Neutrino magnetic moment from the red-giant-branch tip: upper limits at \(clText)")
            out.append("The limit is on μν = [Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²)]^½, the same in every basis (mass or flavour, Dirac or Majorana).")
        } else {
            out.append("Neutrino millicharge from the red-giant-branch tip (plasmon decay γ → νν̄ through the charge): upper limits at \(clText)")
            out.append("The limit is on qν = (Σᵢ qᵢ²)^½ over Dirac species, in units of e.")
        }
        out.append("")
        var rows: [[String]] = []
        for c in r.results {
            let pull = c.pull
            let published = r.coupling != .magneticMoment ? "" : (c.calibration.publishedLimits ?? []).map { String(format: "%.1f (%g%%)", $0.mu12, 100 * $0.cl) }.joined(separator: ", ")
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
        out.append("")
        out.append("Standard-model tips (\(x) = 0)")
        out.append(formatTable(header: ["calibration", "[Fe/H]", "Z", "Y", "M (M☉)", "M_c (M☉)", "log L/L☉", "(V−I)₀", "T_eff (K)", "log g", "BC_I", "M_I"],
                               rows: r.results.map { c in
            [c.calibration.name, String(format: "%.2f", c.photometry.feh), String(format: "%.2e", c.spec.metallicity),
             String(format: "%.3f", c.spec.helium), String(format: "%.2f", c.spec.mass), String(format: "%.4f", c.coreMassStandard),
             String(format: "%.3f", c.logLStandard), String(format: "%.3f", c.standard.colourVI), String(format: "%.0f", c.standard.teff),
             String(format: "%.2f", c.standard.logg), String(format: "%.3f", c.standard.bcI), String(format: "%.3f", c.standard.mI)]
        }))
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
        out.append(String(format: "%d flash tracks in %.1f s of track time on %d threads; wall time %.1f s.", r.tracksComputed, r.trackSeconds, threads, seconds))
        return out.joined(separator: "\n")
    }

    /// The three limits in x (`mu12_limit…` or `q14_limit…`) and the Bayesian one in physical units.
    static func addLimits(_ o: inout JSONObject, _ l: BoundAnalysis.Limits, _ c: Coupling) throws {
        try o.add("\(c.key)_limit", l.bayesian)
        try o.add("\(c.key)_limit_delta_chi2", l.deltaChiSquared)
        try o.add("\(c.key)_limit_feldman_cousins", l.feldmanCousins)
        try o.add(c.physicalKey, l.bayesian * c.scale)
    }

    static func json(_ r: BoundAnalysis.Report, hypothesis: MomentHypothesis?, tests: [Test]?, seconds: Double, threads: Int) throws -> String {
        var top = JSONObject()
        let k = r.coupling.key
        top.add("command", "bound")
        top.add("coupling", r.coupling.rawValue)
        try top.add("cl", r.cl)
        top.add("quantity", quantity(r.coupling))
        var items: [String] = []
        for c in r.results {
            var o = JSONObject()
            o.add("calibration", c.calibration.name)
            try o.add("cl", r.cl)
            try addLimits(&o, c.limits, r.coupling)
            try o.add("observed_m_i", c.calibration.mI)
            try o.add("observed_m_i_error", c.calibration.observedError)
            try o.add("predicted_m_i_standard", c.standard.mI)
            try o.add("theory_error_m_i", c.theoryError0)
            try o.add("theory_error_m_i_reference_\(k)", c.theoryErrorRef)
            try o.add("feh", c.photometry.feh)
            try o.add("metallicity_z", c.spec.metallicity)
            try o.add("helium_y", c.spec.helium)
            try o.add("mass_msun", c.spec.mass)
            try o.add("core_mass_standard_msun", c.coreMassStandard)
            try o.add("log_l_tip_standard_lsun", c.logLStandard)
            try o.add("m_bol_standard", c.standard.mBol)
            try o.add("tip_colour_vi", c.standard.colourVI)
            try o.add("teff_tip_k", c.standard.teff)
            try o.add("logg_tip_cgs", c.standard.logg)
            try o.add("bc_i", c.standard.bcI)
            o.add("calibration_confirmed", raw: c.calibration.confirmed ? "true" : "false")
            o.add("source", c.calibration.source)
            o.add("published_limits", raw: "[" + (r.coupling == .magneticMoment ? c.calibration.publishedLimits ?? [] : []).map {
                "{\"cl\": \(jsonNumber($0.cl)), \"mu12\": \(jsonNumber($0.mu12)), \"source\": \(jsonString($0.source))}"
            }.joined(separator: ", ") + "]")
            o.add("tip_curve", raw: "[" + zip(c.curve.mu12, c.curve.values).map {
                "{\"\(k)\": \(jsonNumber($0)), \"m_i\": \(jsonNumber($1))}"
            }.joined(separator: ", ") + "]")
            o.add("budget", raw: "[" + c.budget.map {
                "{\"variation\": \(jsonString($0.name)), \"input\": \(jsonString($0.category.rawValue)), \"delta_m_i_\(k)_0\": \(jsonNumber($0.deltaMI0)), \"delta_m_i_reference_\(k)\": \(jsonNumber($0.deltaMIRef)), \"limit_shift_\(k)\": \($0.limitShift.map(jsonNumber) ?? "null")}"
            }.joined(separator: ", ") + "]")
            items.append(o.text.replacingOccurrences(of: "\n", with: "\n  "))
        }
        top.add("calibrations", raw: "[\n  " + items.joined(separator: ",\n  ") + "\n  ]")
        if let comb = r.combined {
            var o = JSONObject()
            o.add("calibrations", strings: r.results.map(\.calibration.name))
            try addLimits(&o, comb, r.coupling)
            top.add("combined", raw: o.text.replacingOccurrences(of: "\n", with: "\n  "))
        } else {
            top.add("combined", raw: "null")
        }
        if let h = hypothesis, let tests {
            var o = JSONObject()
            try o.add("mu12", h.mu12)
            o.add("description", h.description)
            try o.add("sum_squared_given_basis", optional: h.sumGivenBasis)
            try o.add("sum_squared_other_basis", optional: h.sumOtherBasis)
            o.add("results", raw: "[" + tests.map {
                "{\"calibration\": \(jsonString($0.calibration)), \"predicted_m_i\": \(jsonNumber($0.predictedMI)), \"excluded\": \($0.excluded)}"
            }.joined(separator: ", ") + "]")
            top.add("tested", raw: o.text.replacingOccurrences(of: "\n", with: "\n  "))
        }
        top.add("reference_\(k)", raw: jsonNumber(r.referenceMu12))
        top.add("tracks_computed", r.tracksComputed)
        top.add("threads", threads)
        try top.add("seconds", seconds)
        return top.text
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
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]
        var top: [String] = [], bottom: [String] = []
        for (i, c) in r.results.enumerated() {
            let col = colours[i % colours.count]
            let m = 2 + 3 * i
            let name = c.calibration.name
            top.append("\(Gnuplot.quoted(data)) using 1:($\(m)-$\(m + 1)):($\(m)+$\(m + 1)) skip 1 with filledcurves fs transparent solid 0.15 lc rgb '\(col)' notitle")
            top.append("'' using 1:\(m) skip 1 with lines lw 2 lc rgb '\(col)' title '\(name): model'")
            top.append(String(format: "%.4f with lines dt 2 lw 2 lc rgb '%@' title '%@: observed ± σ'", c.calibration.mI, col, name))
            top.append(String(format: "%.4f with lines dt 3 lw 1 lc rgb '%@' notitle", c.calibration.mI - c.calibration.observedError, col))
            top.append(String(format: "%.4f with lines dt 3 lw 1 lc rgb '%@' notitle", c.calibration.mI + c.calibration.observedError, col))
            bottom.append("\(Gnuplot.quoted(data)) using 1:\(m + 2) skip 1 with lines lw 2 lc rgb '\(col)' title '\(name)'")
        }
        if !combined.isEmpty {
            bottom.append("\(Gnuplot.quoted(data)) using 1:\(2 + 3 * r.results.count) skip 1 with lines lw 3 lc rgb 'black' title 'combined'")
        }
        let script = """
        \(try Gnuplot.terminal(for: path))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set multiplot layout 2,1
        set grid
        set key outside right
        set xlabel \(r.coupling == .magneticMoment ? "'μ_{12} = μ_ν / 10^{-12} μ_B'" : "'q_{14} = q_ν / 10^{-14} e'")
        set ylabel 'M_I^{TRGB} (mag)'
        set yrange [*:*] reverse
        set title 'Tip of the red-giant branch: model (band: theory σ) and observations (\(String(format: "%g%%", 100 * r.cl)) CL limits in the report)'
        plot \(top.joined(separator: ", \\\n     "))
        set yrange [0:1.05] noreverse
        set ylabel 'likelihood / maximum'
        set title 'Likelihood of \(r.coupling == .magneticMoment ? "μ_{12}" : "q_{14}")'
        plot \(bottom.joined(separator: ", \\\n     "))
        unset multiplot
        """
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }
}
