import ArgumentParser
import Foundation
import Plasma

/// The exact rate against the fitting formulas over the ρ–T plane.
struct PlasmaMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plasma-map",
        abstract: "Map of exact/Itoh and exact/HRW plasma-neutrino rates over log ρ and log T (CSV, plot).")

    @Option(help: "Yₑ, in (0, 1].")
    var ye = 0.5

    @Option(help: "Grid step in dex (both axes), in [0.02, 1].")
    var step = 0.1

    @Option(help: "CSV output file (columns in Docs/output-contract.md; ratio cells are empty below --negligible). Default: print CSV.")
    var csv: String?

    @Option(help: "Heat-map of exact/Itoh and exact/HRW into this .svg/.png/.pdf file.")
    var plot: String?

    @OptionGroup var quietOption: QuietOption

    @Option(help: "Only points where Q_std ≥ this (erg/cm³/s) enter the summary; the cut for 'negligible'.")
    var negligible = 1.0

    func validate() throws {
        guard step.isFinite, step >= 0.02, step <= 1 else {
            throw ValidationError("--step \(step) is outside the allowed range [0.02, 1]")
        }
        guard ye.isFinite, ye > 0, ye <= 1 else { throw ValidationError("--ye \(ye) is outside the allowed range (0, 1]") }
        guard negligible.isFinite, negligible >= 0 else { throw ValidationError("--negligible must be ≥ 0") }
    }

    func run() throws {
        if let csv { try checkOutputPath(csv, flag: "--csv") }
        // Progress goes to standard error, the map (without --csv and --plot) to standard output.
        let reporter = ProgressReporter("plasma-map: temperatures", sink: .forRun(silent: quietOption.quiet))
        if let plot { try checkPlotPath(plot) }
        let nRho = Int((10 / step).rounded()) + 1, nT = Int((log10(3e9) - 7) / step) + 1
        var lines = ["log10_density_g_cm3,log10_temperature_k,q_standard_erg_cm3_s,q_itoh_fit_erg_cm3_s,q_hrw_fit_erg_cm3_s,exact_over_itoh,exact_over_hrw,gamma_omega_p_over_kT"]
        var rgItoh: [Double] = [], rgHRW: [Double] = []
        // The whole map's range of each ratio, for the plot's titles.
        var rangeItoh = (Double.infinity, -Double.infinity), rangeHRW = (Double.infinity, -Double.infinity)
        for j in 0..<nT {
            let lt = 7 + Double(j) * step
            for i in 0..<nRho {
                let lr = Double(i) * step
                let p = try PlasmonDecay.point(density: pow(10, lr), temperature: pow(10, lt), electronFraction: ye)
                let f = ItohPlasmaFit.rate(density: pow(10, lr), temperature: pow(10, lt), electronFraction: ye)
                let q = p.rates.standard
                let ri = f.itoh > 0 && q >= negligible ? q / f.itoh : .nan
                let rh = f.hrw > 0 && q >= negligible ? q / f.hrw : .nan
                lines.append(String(format: "%.3f,%.3f,%.6e,%.6e,%.6e,%@,%@,%.5g", lr, lt, q, f.itoh, f.hrw,
                                    ri.isFinite ? String(format: "%.6f", ri) : "", rh.isFinite ? String(format: "%.6f", rh) : "",
                                    p.gas.omegaP_keV / p.gas.kT_keV))
                if ri.isFinite { rangeItoh = (min(rangeItoh.0, ri), max(rangeItoh.1, ri)) }
                if rh.isFinite { rangeHRW = (min(rangeHRW.0, rh), max(rangeHRW.1, rh)) }
                if lr >= 4 - 1e-9, lr <= 6.5 + 1e-9, pow(10, lt) >= 5e7 * (1 - 1e-9), pow(10, lt) <= 1.5e8 * (1 + 1e-9), ri.isFinite {
                    rgItoh.append(ri)
                    rgHRW.append(rh)
                }
            }
            lines.append("")  // blank line between temperature rows (gnuplot scans; pandas skips it)
            reporter.update(j + 1, of: nT)
        }
        reporter.finish()
        let text = lines.joined(separator: "\n") + "\n"
        if let csv { try writeFile(text, to: csv, flag: "--csv") }
        // The summary before the plot: a plot that fails must not hide it.
        if let lo = rgItoh.min(), let hi = rgItoh.max(), let lo2 = rgHRW.min(), let hi2 = rgHRW.max() {
            FileHandle.standardError.write(Data(String(
                format: "red-giant box (10^4 ≤ ρ ≤ 10^6.5, 5e7 ≤ T ≤ 1.5e8): exact/Itoh in [%.4f, %.4f], exact/HRW in [%.4f, %.4f] (%d points)\n",
                lo, hi, lo2, hi2, rgItoh.count).utf8))
        }
        if let plot {
            let data = csv ?? companionCSV(for: plot)
            if csv == nil { try writeFile(text, to: data, flag: "--plot") }
            // gnuplot's pm3d needs a value in every cell: it reads a private copy with NaN in the empty ones.
            let gridFile = FileManager.default.temporaryDirectory
                .appendingPathComponent("stellarbound-map-\(ProcessInfo.processInfo.processIdentifier).dat").path
            try writeFile(gnuplotGrid(fromCSV: text), to: gridFile, flag: "--plot")
            defer { try? FileManager.default.removeItem(atPath: gridFile) }
            // The colour scale (issue 18 (8)): blue–white–red over [0.85, 1.25], where the fits' accuracy is read, and
            // two flat colours beyond it (navy below, dark grey above) so that saturated areas are not mistaken for
            // 0.85 or 1.25; each panel's title gives the data's whole range.
            func range(_ r: (Double, Double)) -> String {
                r.0 <= r.1 ? String(format: "data %.3g to %.3g", r.0, r.1) : "no data"
            }
            let script = """
            \(try Gnuplot.terminal(for: plot))
            set output \(Gnuplot.quoted(plot))
            set datafile separator ','
            set datafile missing 'NaN'
            set multiplot layout 1,2 title sprintf('Plasmon decay: exact (Braaten–Segel dispersion) / fit,  Y_e = %.2f,  Q_{std} ≥ %g erg cm^{-3} s^{-1};  box: the red-giant core', \(ye), \(negligible))
            set view map
            set pm3d map corners2color c1
            set xrange [0:10]
            set yrange [7:log10(3e9)]
            set xlabel 'log_{10} ρ (g cm^{-3})'
            set ylabel 'log_{10} T (K)'
            clamp(v) = v != v ? NaN : (v > 1.25 ? 1.275 : (v < 0.85 ? 0.825 : v))
            set cbrange [0.8:1.3]
            set palette defined (0.8 '#081d58', 0.85 '#081d58', 0.85 'blue', 1.0 'white', 1.25 'red', 1.25 '#404040', 1.3 '#404040')
            set cbtics ('< 0.85' 0.825, '0.9' 0.9, '0.95' 0.95, '1' 1, '1.05' 1.05, '1.1' 1.1, '1.15' 1.15, '1.2' 1.2, '> 1.25' 1.275)
            set object 1 rect from 4,log10(5e7) to 6.5,log10(1.5e8) front fs empty border lc rgb 'black' lw 2
            set title 'exact / Itoh et al. 1996 (\(range(rangeItoh)))'
            splot \(Gnuplot.quoted(gridFile)) using 1:2:(clamp($6)) with pm3d notitle
            set title 'exact / HRW 1994, f_{xy} = 1 (\(range(rangeHRW)))'
            splot \(Gnuplot.quoted(gridFile)) using 1:2:(clamp($7)) with pm3d notitle
            unset multiplot
            """
            try Gnuplot.render(script: script, output: plot)
            FileHandle.standardError.write(Data("wrote \(plot) and \(data)\n".utf8))
        }
        if csv == nil && plot == nil { print(text, terminator: "") }
    }
}

/// The map CSV as gnuplot needs it for pm3d: empty cells become NaN, and the blank lines that separate
/// temperature scans stay blank (a NaN line there would merge the scans and draw nothing).
func gnuplotGrid(fromCSV text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.isEmpty ? "" : line.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "NaN" : String($0) }.joined(separator: ",")
    }.joined(separator: "\n")
}
