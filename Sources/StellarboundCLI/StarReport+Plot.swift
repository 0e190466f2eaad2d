import Foundation
import WholeStar

extension StarTrackReport {
    /// Two panels from the history CSV written beside the picture: the HR diagram (log L against log T_eff, T_eff
    /// increasing to the left) with the tip marked, and the helium-core mass against age.
    static func plot(history: [StarSnapshot], tip: StarSnapshot?, title: String, to path: String) throws {
        let data = companionCSV(for: path)
        try writeFile(historyCSV(history), to: data, flag: "--plot")
        let columns = historyColumns
        func col(_ name: String) -> Int { (columns.firstIndex(of: name) ?? 0) + 1 }
        let age = col("age_gyr"), logL = col("log_l"), teff = col("teff_k"), core = col("core_mass_msun")
        let tipLine = tip.map { t in
            String(format: "set label 1 'tip: log L = %.3f' at %.5f, %.4f right point pt 7 ps 1.2 offset -1,0\n",
                   log10(t.luminosity), log10(t.effectiveTemperature), log10(t.luminosity))
        } ?? ""
        let script = """
        \(try Gnuplot.terminal(for: path))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set multiplot layout 1,2 title '\(title.replacingOccurrences(of: "'", with: ""))'
        set grid
        set key off
        set xlabel 'log_{10} T_{eff} (K)'
        set ylabel 'log_{10} L (L_☉)'
        set xrange [*:*] reverse
        \(tipLine)
        plot \(Gnuplot.quoted(data)) using (log10($\(teff))):\(logL) skip 1 with lines lw 2
        unset label 1
        set xrange [*:*] noreverse
        set xlabel 'age since the ZAMS (Gyr)'
        set ylabel 'helium-core mass M_c (M_☉)'
        plot \(Gnuplot.quoted(data)) using \(age):\(core) skip 1 with lines lw 2
        unset multiplot
        """
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }
}
