import Foundation
import Laboratory

/// Text and plot of a `scattering` report (the JSON report is the library's `ScatteringReport`, the documented
/// contract; the plot's CSV columns: Docs/output-contract.md).
extension ScatteringReport {
    struct Summary {
        var source: String, target: String
        var flux: Double?
        var mu12: Double, charge: Double, chargeRadius: Double
        var threshold: Double, windowMax: Double, exposure: Double, background: Double, cl: Double
        var main: CountingProjection.Result
        var other: (Double, CountingProjection.Result)?
    }

    static func text(_ s: Summary, spectrum: [(Double, Double, Double, Double)]) -> String {
        var out: [String] = []
        let src = s.source == "reactor" ? String(format: "reactor ν̄e, total flux %.3g cm⁻² s⁻¹", s.flux ?? 0) : "solar νe (pp, ⁷Be, pep; MSW)"
        out.append("ν–e elastic scattering: \(src), target \(s.target) (stepping approximation)")
        out.append(String(format: "Spectra with μν = %g × 10⁻¹² μ_B%@", s.mu12, s.charge != 0 ? String(format: ", q = %g e", s.charge) : ""))
        out.append("")
        let pick = stride(from: 0, to: spectrum.count, by: 6).map { spectrum[$0] } + (spectrum.count % 6 == 1 ? [] : [spectrum.last!])
        out.append(formatTable(header: ["T (keV)", "weak", "magnetic", "magnetic/weak", "weak with charge"], rows: pick.map { p in
            [String(format: "%.3g", p.0), String(format: "%.3e", p.1), String(format: "%.3e", p.2),
             p.1 > 0 ? String(format: "%.3g", p.2 / p.1) : "—", String(format: "%.3e", p.3)]
        }))
        out.append("dR/dT in counts keV⁻¹ kg⁻¹ day⁻¹. The magnetic term grows as 1/T over the flat weak one: the low-recoil excess.")
        out.append("")
        func line(_ t: Double, _ r: CountingProjection.Result) -> String {
            String(format: "  threshold %.3g keV: weak %.3g + background %.3g counts; magnetic at μ = %.2g μ_B: %.3g counts → reach μν < %.2e μ_B (%g%% CL)",
                   t, r.weakCounts, r.backgroundCounts, r.referenceMoment, r.magneticCountsReference, r.reach, 100 * s.cl)
        }
        out.append(String(format: "Counting reach over [threshold, %g keV], %g kg day, flat background %g counts keV⁻¹ kg⁻¹ day⁻¹%@:",
                          s.windowMax, s.exposure, s.background, s.source == "reactor" ? ", reactor ON−OFF (k = 2)" : ""))
        out.append(line(s.threshold, s.main))
        if let (t, r) = s.other {
            out.append(line(t, r))
            out.append(String(format: "  lowering the threshold from %.3g to %.3g keV changes the reach by a factor %.3f", s.threshold, t, r.reach / s.main.reach))
        }
        out.append("A counting estimate, not the experiments' spectral fits (Docs/laboratory.md §4).")
        return out.joined(separator: "\n")
    }

    /// The documented report of this run: the projection at the threshold, then at the compared one.
    init(_ s: Summary, spectrum: [(Double, Double, Double, Double)]) {
        var projections = [Projection(threshold: s.threshold, s.main)]
        if let (t, r) = s.other { projections.append(Projection(threshold: t, r)) }
        self.init(source: s.source, target: s.target, flux: s.flux, mu12: s.mu12, charge: s.charge, chargeRadius: s.chargeRadius,
                  windowMax: s.windowMax, exposure: s.exposure, background: s.background, cl: s.cl, projections: projections,
                  spectrum: spectrum.map { SpectrumPoint(recoil: $0.0, weak: $0.1, magnetic: $0.2, weakWithCharge: $0.3) })
    }

    static func plot(_ spectrum: [(Double, Double, Double, Double)], mu12: Double, charge: Double, threshold: Double, to path: String) throws {
        let data = companionCSV(for: path)
        var lines = ["recoil_kev,weak_per_kev_kg_day,magnetic_per_kev_kg_day,weak_with_charge_per_kev_kg_day"]
        for p in spectrum { lines.append(String(format: "%.5g,%.5g,%.5g,%.5g", p.0, p.1, p.2, p.3)) }
        try writeFile(lines.joined(separator: "\n") + "\n", to: data, flag: "--plot")
        var plots = ["\(Gnuplot.quoted(data)) skip 1 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'weak (standard model)'"]
        if mu12 > 0 { plots.append("'' skip 1 using 1:($2+$3) with lines lw 2 lc rgb '#d62728' title 'weak + magnetic, μ_ν = \(String(format: "%g", mu12)) × 10^{-12} μ_B'") }
        if charge != 0 { plots.append("'' skip 1 using 1:4 with lines lw 2 dt 2 lc rgb '#2ca02c' title 'weak with charge q = \(String(format: "%g", charge)) e'") }
        let script = """
        \(try Gnuplot.terminal(for: path))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set logscale xy
        set grid
        set key top right box opaque
        set xlabel 'electron recoil T (keV)'
        set ylabel 'dR/dT (counts keV^{-1} kg^{-1} day^{-1})'
        set arrow from \(threshold), graph 0 to \(threshold), graph 1 nohead dt 3 lc rgb 'gray'
        set title 'ν–e scattering: the low-recoil excess (dotted: threshold; steps: atomic shells)'
        plot \(plots.joined(separator: ", \\\n     "))
        """
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }
}
