import ArgumentParser
import Foundation
import Plasma

struct DispersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispersion",
        abstract: "Transverse and longitudinal plasmon dispersion ω(k) in keV (Braaten & Segel 1993).")

    @OptionGroup var state: StateOptions

    @Option(help: "Number of k values, in [2, 100000].")
    var points = 41

    @Option(help: "Largest k as a multiple of the longitudinal cut-off k_max, in (0, 1000].")
    var kRange = 3.0

    @Flag(help: "CSV (k_keV, omega_transverse_keV, omega_longitudinal_keV, residue_transverse, residue_longitudinal) instead of a table.")
    var csv = false

    @Option(help: "Also draw ω(k) with the light cone into this .svg/.png/.pdf file (data beside it as .csv).")
    var plot: String?

    func validate() throws {
        guard (2...100_000).contains(points) else {
            throw ValidationError("--points \(points) is outside the allowed range [2, 100000]")
        }
        guard kRange.isFinite, kRange > 0, kRange <= 1000 else {
            throw ValidationError("--k-range \(kRange) is outside the allowed range (0, 1000]")
        }
    }

    func run() throws {
        if let plot { try checkPlotPath(plot) }
        let gas = try ElectronGas.state(density: state.density, temperature: state.temperature, electronFraction: state.ye)
        let d = try PlasmonDispersion(vStar: gas.vStar)
        let wp = gas.omegaP_keV, kMax = d.longitudinalCutoff
        var lines = ["k_keV,omega_transverse_keV,omega_longitudinal_keV,residue_transverse,residue_longitudinal"]
        var rows: [(String, String, String, String, String)] = []
        for i in 0..<points {
            let k = kRange * kMax * Double(i) / Double(points - 1)
            let (wt, st) = try d.transverseSolution(k: k)
            let zt = d.braatenSegelTransverseResidue(omega: wt, k: k, virtuality: st)
            var wlText = "", zlText = ""
            if k <= kMax {
                let wl = try d.longitudinalOmega(k: k)
                wlText = String(format: "%.8g", wl * wp)
                zlText = String(format: "%.8g", d.braatenSegelLongitudinalResidue(omega: wl, k: k))
            }
            let row = (String(format: "%.8g", k * wp), String(format: "%.8g", wt * wp), wlText,
                       String(format: "%.8g", zt), zlText)
            lines.append([row.0, row.1, row.2, row.3, row.4].joined(separator: ","))
            rows.append(row)
        }
        let csvText = lines.joined(separator: "\n") + "\n"
        if let plot {
            let data = companionCSV(for: plot)
            try writeFile(csvText, to: data, flag: "--plot")
            let script = """
            \(try Gnuplot.terminal(for: plot))
            set output \(Gnuplot.quoted(plot))
            set datafile separator ','
            set key top left
            set grid
            set xlabel 'k (keV)'
            set ylabel 'ω (keV)'
            set title sprintf('Plasmon dispersion, ρ = %.3g g/cm^3, T = %.3g K, Y_e = %.3g:  ω_p = %.4g keV, v* = %.4f', \(state.density), \(state.temperature), \(state.ye), \(wp), \(gas.vStar))
            plot \(Gnuplot.quoted(data)) using 1:2 with lines lw 2 title 'transverse ω_T(k)', \\
                 '' using 1:3 with lines lw 2 title 'longitudinal ω_L(k)', \\
                 '' using 1:1 with lines dt 2 lc rgb 'gray40' title 'light cone ω = k'
            """
            try Gnuplot.render(script: script, output: plot)
            FileHandle.standardError.write(Data("wrote \(plot) and \(data)\n".utf8))
        }
        if csv {
            print(csvText, terminator: "")
        } else if plot == nil {
            print(String(format: "ωp = %.6g keV, v* = %.6f, k_max = %.6g keV, m∞ = %.6g keV", wp, gas.vStar, kMax * wp,
                         d.transverseAsymptoticMass * wp))
            print(formatTable(header: ["k keV", "ω_T keV", "ω_L keV", "Z_T", "Z_l (B&S)"],
                              rows: rows.map { [$0.0, $0.1, $0.2.isEmpty ? "—" : $0.2, $0.3, $0.4.isEmpty ? "—" : $0.4] }),
                  terminator: "")
            print(try provenanceLine(data: nil))
        }
    }
}
