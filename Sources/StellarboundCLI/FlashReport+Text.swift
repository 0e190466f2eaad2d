import Foundation
import RedGiantCore

/// The text report of one flash track (the JSON report is the library's `FlashReport`, the documented contract).
extension FlashReport {
    static func text(_ r: FlashResult, integrator i: FlashIntegrator, seconds: Double) -> String {
        let s = i.star, p = i.physics
        var out = """
        Helium flash of a \(fmt(s.mass, "%.3g")) M☉ star, Y = \(fmt(s.helium, "%.4g")), Z = \(fmt(s.metallicity, "%.3g"))\
        \(p.neutrino.mu12 > 0 ? ", μν = \(fmt(p.neutrino.mu12, "%.3g"))×10⁻¹² μ_B" : "")\
        \(p.neutrino.millicharge > 0 ? ", q = \(fmt(p.neutrino.millicharge, "%.3g")) e" : "")\
        \(p.axionElectron > 0 ? ", g_ae = \(fmt(p.axionElectron, "%.3g"))×10⁻¹³" : "")
        physics: conduction \(p.conduction.rawValue)\(p.blouin2020 ? " + Blouin 2020" : ""), 3α \(p.tripleAlpha.rawValue), \
        screening \(p.screening.rawValue), plasmon decay \(p.plasmaNeutrinos.rawValue), Coulomb \(p.coulomb.rawValue), \
        edge \(i.relations.name)

        """
        switch r.status {
        case .flashed:
            out += """
              status                 flashed (L_He > \(fmt(r.threshold, "%g")) L☉)
              core mass at flash     \(fmt(r.coreMass, "%.4f")) M☉
              tip luminosity         log L/L☉ = \(fmt(r.logTipLuminosity, "%.4f"))
              ignition               m = \(fmt(r.ignitionMass, "%.3f")) M☉, ρ = \(fmt(r.ignitionDensity, "%.3e")) g/cm³, T = \(fmt(r.ignitionTemperature, "%.3e")) K
              centre at flash        ρ_c = \(fmt(r.centralDensity, "%.3e")) g/cm³, T_c = \(fmt(r.centralTemperature, "%.3e")) K
              time from start        \(fmt(r.age, "%.4e")) yr (from M_c = \(fmt(r.startCoreMass, "%.3f")) M☉)
            """
        case let .failed(reason):
            out += "  status                 failed: \(reason)"
        }
        out += "\n  numerics               \(r.steps) steps, \(r.iterations) Newton iterations, \(r.retries) retries, \(i.settings.cells) cells, \(fmt(seconds, "%.2f")) s"
        return out
    }

    static func fmt(_ v: Double, _ f: String) -> String { String(format: f, v) }
}

/// CSV files and the plot of a track.
enum FlashCSV {
    static let historyHeader = "step,age_yr,core_mass_msun,l_shell_lsun,l_he_lsun,l_nu_lsun,l_edge_lsun,t_central_k,rho_central_g_cm3,t_max_k,m_t_max_msun,rho_t_max_g_cm3,t_edge_k,r_edge_cm,dt_yr,newton_iterations"
    static let profileHeader = "mass_msun,radius_cm,density_g_cm3,temperature_k,pressure_dyn_cm2,luminosity_lsun,eps_3alpha_erg_g_s,eps_nu_erg_g_s,opacity_cm2_g"

    static func e(_ v: Double) -> String { v.isFinite ? String(format: "%.9e", v) : "" }

    static func history(_ rows: [FlashHistoryRow]) -> String {
        var lines = [historyHeader]
        for r in rows {
            let values = [r.age, r.coreMass, r.shellLuminosity, r.heliumLuminosity, r.neutrinoLuminosity, r.edgeLuminosity,
                          r.centralTemperature, r.centralDensity, r.maxTemperature, r.maxTemperatureMass,
                          r.maxTemperatureDensity, r.edgeTemperature, r.edgeRadius, r.timestep]
            lines.append("\(r.step)," + values.map(e).joined(separator: ",") + ",\(r.iterations)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func profile(_ rows: [FlashProfileRow]) -> String {
        var lines = [profileHeader]
        for r in rows {
            let values = [r.mass, r.radius, r.density, r.temperature, r.pressure, r.luminosity, r.epsNuclear, r.epsNeutrino, r.opacity]
            lines.append(values.map(e).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// T_c and T_max (left axis) and L_He (right axis, log) against M_c; the history CSV beside it.
    /// `inputs`: the star's parameters for the title (M, Y, Z, μ₁₂, q).
    static func plot(_ r: FlashResult, inputs: String, to path: String) throws {
        let data = companionCSV(for: path)
        try writeFile(history(r.history), to: data, flag: "--plot")
        let outcome = r.status.isFlashed ? String(format: "flash at M_c = %.4f M_☉", r.coreMass) : "no flash: \(r.status)"
        let title = "Helium core to the flash (\(inputs)): \(outcome)"
        let script = """
        \(try Gnuplot.terminal(for: path))
        set output \(Gnuplot.quoted(path))
        set datafile separator ','
        set key top left
        set title '\(title.replacingOccurrences(of: "'", with: ""))'
        \(r.status.isFlashed ? Gnuplot.verticalLine(at: r.coreMass, colour: "black", width: 1) : "")
        set xlabel 'core mass M_c (M_☉)'
        set ylabel 'temperature (10^7 K)'
        set y2label 'L_{He} (L_☉)'
        set logscale y2
        set format y2 '10^{%L}'
        set y2tics
        set ytics nomirror
        set grid
        plot \(Gnuplot.quoted(data)) using 3:($8/1e7) skip 1 with lines lw 2 title 'central T_c', \\
             '' using 3:($10/1e7) skip 1 with lines lw 2 title 'maximum T_{max}', \\
             '' using 3:($13/1e7) skip 1 with lines lw 1 dt 2 title 'core edge T', \\
             '' using 3:($5 > 1e-12 ? $5 : 1/0) skip 1 axes x1y2 with lines lw 1 lc rgb 'gray30' title 'L_{He} (right)'
        """
        try Gnuplot.render(script: script, output: path)
        FileHandle.standardError.write(Data("wrote \(path) and \(data)\n".utf8))
    }
}
