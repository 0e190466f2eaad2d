import ArgumentParser
import Foundation
import ModelData
import OutputContract
import Plasma

/// The README's main job for now: the plasma at red-giant core conditions.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Plasmon decay at red-giant core conditions (the default job).")

    @Option(name: .long, help: "Magnetic moment for the comparison column, units of 1e-12 μ_B.")
    var mu12 = 1.0

    @Flag(help: "JSON array, one object per point (keys as in `plasma --json`).")
    var json = false

    /// Helium core (Yₑ = 0.5) near the flash: centre and off-centre ignition region
    /// (Straniero et al. 2020, A&A 644, A166), and the lower-density shell region.
    static let points: [(String, Double, Double)] = [
        ("RG centre at the flash", 1e6, 8e7),
        ("off-centre T_max", 2e5, 1e8),
        ("core, mid-mass", 1e5, 9e7),
        ("outer core", 1e4, 6e7),
    ]

    func run() throws {
        var objects: [PlasmaPointReport] = []
        var rows: [[String]] = []
        for (label, rho, t) in Self.points {
            let r = try PlasmaReport(density: rho, temperature: t, ye: 0.5, neutrino: try NeutrinoProperties(mu12: mu12),
                                     couplings: .standard, method: .direct, json: json)
            if json { objects.append(r.contract) }
            rows.append([label, String(format: "%.0e", rho), String(format: "%.1e", t),
                         String(format: "%.3f", r.gas.omegaP_keV), String(format: "%.4e", r.rates.standard),
                         String(format: "%.4f", r.rates.standard / r.fit.itoh),
                         String(format: "%.4f", r.rates.standard / r.fit.hrw),
                         String(format: "%.4f", r.rates.magnetic / r.rates.standard)])
        }
        if json {
            // An array (the contract since the first release), so it carries no `provenance` object.
            print(try ContractJSON.encode(objects))
            return
        }
        print("stellarbound — plasmon decay in a red-giant helium core (Yₑ = 0.5, sin²θ_W = 0.2319)\n")
        print(formatTable(header: ["point", "ρ g/cm3", "T K", "ωp keV", "Q_std erg/cm3/s", "exact/Itoh", "exact/HRW",
                                   "Q_μ/Q_std (μ₁₂=\(mu12))"], rows: rows), terminator: "")
        print("\nExact: integrals over the Braaten & Segel dispersion relations (Docs/plasma.md).")
        print("More: stellarbound plasma --density 1e6 --temperature 1e8 [--json], stellarbound --help")
        print("provenance: " + (try Provenance(data: nil)).text)
    }
}
