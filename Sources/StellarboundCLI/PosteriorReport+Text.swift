import Foundation
import TRGBBounds

/// Text and corner plot of a posterior (the JSON report is the library's `PosteriorReport`, the documented
/// contract; the plot's CSV columns: Docs/output-contract.md).
extension PosteriorReport {
    static func text(_ r: PosteriorAnalysis.Result, seconds: Double, threads: Int) -> String {
        var out: [String] = []
        let x = r.coupling.symbol
        out.append("Posterior of \(x) for \(r.calibration.name) (observed M_I = \(String(format: "%.3f ± %.3f", r.calibration.mI, r.calibration.observedError)))")
        out.append(String(format: "Upper limit (%g%% credible): %@ < %.2f (MCMC), %.2f (direct quadrature check)", 100 * r.cl, x, r.limit, r.limitQuadrature))
        out.append(r.coupling.pick("The limit is on μν = [Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²)]^½, basis independent.",
                                   "The limit is on qν = (Σᵢ qᵢ²)^½ over Dirac species, in 10⁻¹⁴ e.",
                                   "The limit is on g_ae in 10⁻¹³ (rates: Docs/axion.md)."))
        out.append("")
        let p = r.priors
        out.append("Flat priors: " + String(format: "%@ [%g, %g], M [%g, %g] M☉, Y [%g, %g], Z [%.3g, %.3g] (flat in %@), ΔY_FDU [%g, %g]",
                                            x, p.x.lowerBound, p.x.upperBound, p.mass.lowerBound, p.mass.upperBound, p.helium.lowerBound, p.helium.upperBound,
                                            p.metallicity.lowerBound, p.metallicity.upperBound, p.zFlat ? "Z" : "log Z", p.dredgeUp.lowerBound, p.dredgeUp.upperBound))
        out.append(String(format: "Theory error of the physics not sampled: %.3f mag at %@ = 0 (conduction, 3α, screening, ν rates, BC, tip colour, core edge)", r.theoryErrorRest0, x))
        out.append("")
        out.append(formatTable(header: ["parameter", "median", "16%", "84%", "τ_int (steps)", "R̂", "ESS"], rows: r.summaries.indices.map { i in
            let s = r.summaries[i]
            return [s.name, String(format: "%.4g", s.median), String(format: "%.4g", s.lower68), String(format: "%.4g", s.upper68),
                    String(format: "%.0f", r.autocorrelation[i]), String(format: "%.4f", r.rHat[i]), String(format: "%.0f", r.effectiveSamples[i])]
        }))
        out.append(String(format: "MCMC: %d walkers × %d steps (%d burn-in), acceptance %.2f; %@ (R̂ < 1.01 and ≥ 50 τ_int kept)",
                          r.walkers, r.steps, r.burnIn, r.acceptance, r.converged ? "converged" : "NOT converged"))
        out.append(String(format: "Track grid: %d stars; interpolation error at %d off-grid tracks: max |ΔM_I| = %.4f mag, rms %.4f mag",
                          r.gridStars, r.checkTracks, r.interpolationMaxError, r.interpolationRMSError))
        if let grid = r.gridName, let error = r.gridInterpolationError {
            out.append(String(format: "Stars and checks interpolated from the track grid '%@' (the check measures this grid against it); its held-back interpolation error, %.4f mag, is in the theory error.", grid, error))
        }
        out.append(String(format: "%d flash tracks computed (%.0f s of track time) on %d threads, %d read from the track store; wall time %.1f s.", r.tracksComputed, r.trackSeconds, threads, r.tracksFromStore, seconds))
        return out.joined(separator: "\n")
    }

    /// Corner plot: marginal histograms on the diagonal; below it each pair's samples (faint) with the contours that
    /// enclose 68 % and 95 % of them; the μ₁₂ limit as a red line wherever μ₁₂ is an axis; ticks at round numbers.
    static func corner(_ r: PosteriorAnalysis.Result, to path: String) throws {
        let data = companionCSV(for: path)
        let names = r.names
        let labels = [r.coupling.pick("μ_{12}", "q_{14}", "g_{13}"), "log_{10} Z", "Y", "M (M_☉)", "ΔY_{FDU}"]
        var lines = [names.joined(separator: ",")]
        for s in r.samples { lines.append(s.map { String(format: "%.6g", $0) }.joined(separator: ",")) }
        try writeFile(lines.joined(separator: "\n") + "\n", to: data, flag: "--plot")
        let n = names.count
        let columns = (0..<n).map { p in r.samples.map { $0[p] } }
        let ranges = columns.map { v -> (Double, Double) in
            let lo = v.min() ?? 0, hi = v.max() ?? 1
            return hi > lo ? (lo, hi) : (lo - 0.5, hi + 0.5)
        }
        let limit = r.limit
        let limitLine = limit.isFinite ? "set arrow 1 from first \(limit), graph 0 to first \(limit), graph 1 nohead dt 2 lw 2 lc rgb '#d62728' front\n" : ""
        var script = """
        \(try Gnuplot.terminal(for: path).replacingOccurrences(of: "size 1000,700", with: "size 1100,1100").replacingOccurrences(of: "size 1200,840", with: "size 1400,1400").replacingOccurrences(of: "size 10in,7in", with: "size 10in,10in"))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set multiplot layout \(n),\(n) title '\(r.calibration.name): posterior of \(r.samples.count) samples;  \(labels[0]) < \(String(format: "%.2f", limit)) at \(String(format: "%g%%", 100 * r.cl)) (red);  contours: 68 % and 95 % of the samples'
        unset key
        set tics font ',9'

        """
        for i in 0..<n {
            for j in 0..<n {
                if j > i { script += "set multiplot next\n"; continue }
                let (xlo, xhi) = ranges[j]
                script += "set xrange [\(xlo):\(xhi)]\n"
                script += "set xtics \(Gnuplot.ticList(Gnuplot.niceTicks(xlo, xhi, most: 4)))\n"
                script += i == n - 1 ? "set xlabel '\(labels[j])'\nset format x '%g'\n" : "unset xlabel\nset format x ''\n"
                script += j == 0 ? limitLine : "unset arrow 1\n"
                if i == j {
                    let width = (xhi - xlo) / 30
                    script += "set autoscale y\nset ytics autofreq\nset format y ''\nunset ylabel\nset style fill solid 0.5\n"
                    script += "plot \(Gnuplot.quoted(data)) using (\(width)*floor($\(j + 1)/\(width))+\(width / 2)):(1.0) skip 1 smooth frequency with boxes lc rgb '#1f77b4'\n"
                } else {
                    let (ylo, yhi) = ranges[i]
                    script += "set yrange [\(ylo):\(yhi)]\n"
                    script += "set ytics \(Gnuplot.ticList(Gnuplot.niceTicks(ylo, yhi, most: 4)))\n"
                    script += j == 0 ? "set ylabel '\(labels[i])'\nset format y '%g'\n" : "unset ylabel\nset format y ''\n"
                    let c = Gnuplot.densityContours(x: columns[j], y: columns[i], xRange: (xlo, xhi), yRange: (ylo, yhi),
                                                    fractions: [0.68, 0.95])
                    let segments = "$c\(i)\(j)"
                    script += "\(segments) << EOD\n\(c.segments)\nEOD\n"
                    script += "plot \(Gnuplot.quoted(data)) using \(j + 1):\(i + 1) skip 1 with dots lc rgb '#a6c8e6', \(segments) using 1:2 with lines lw 1.5 lc rgb '#08306b'\n"
                    script += "set autoscale y\n"
                }
            }
        }
        script += "unset multiplot\n"
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }
}
