import ArgumentParser
import Foundation
import ModelData
import OutputContract
import Plasma

/// How `plasma` evaluates the rates.
enum RateMethod: String, PhysicsChoiceArgument {
    /// Integrals over the exact dispersion at this point with fixed Gauss panels (default).
    case direct
    /// The interpolated fast path (what an evolution code calls).
    case table
    /// GSL adaptive quadrature throughout (reference; ~0.1 s).
    case quadrature
}

struct PlasmaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plasma",
        abstract: "Electron gas, plasmon dispersion and plasmon-decay emissivities at one (ρ, T, Yₑ).")

    @OptionGroup var state: StateOptions
    @OptionGroup var particles: ParticleOptions

    @Option(help: "Rate evaluation: direct (integrals at this point), table (the interpolated fast path; gas quantities stay exact), quadrature (adaptive reference).")
    var method: RateMethod = .direct

    @Flag(help: "One JSON object with the keys documented in Docs/output-contract.md.")
    var json = false

    func run() throws {
        let report = try PlasmaReport(density: state.density, temperature: state.temperature, ye: state.ye,
                                      neutrino: try particles.neutrino(), couplings: try particles.couplings(),
                                      method: method, json: json)
        // The plasma module reads no data file.
        try printReport(report.contract, json: json, data: nil) { report.table() }
    }
}

/// Everything `plasma` prints, computed once.
struct PlasmaReport {
    let gas: ElectronGasState
    let dispersion: PlasmonDispersion
    let rates: PlasmonDecayRates
    let fit: ItohPlasmaFit.Result
    let neutrino: NeutrinoProperties
    let couplings: ElectroweakCouplings
    let method: RateMethod

    init(density: Double, temperature: Double, ye: Double, neutrino: NeutrinoProperties,
         couplings: ElectroweakCouplings, method: RateMethod, json: Bool) throws {
        self.neutrino = neutrino
        self.couplings = couplings
        self.method = method
        switch method {
        case .direct, .quadrature:
            let point = try PlasmonDecay.point(density: density, temperature: temperature, electronFraction: ye,
                                               neutrino: neutrino, couplings: couplings,
                                               method: method == .quadrature ? .adaptive : .gaussPanels)
            gas = point.gas
            rates = point.rates
        case .table:
            // Emissivities from the fast path; the gas quantities reported beside them are exact.
            gas = try ElectronGas.state(density: density, temperature: temperature, electronFraction: ye)
            rates = try sharedTable(json: json).rates(density: density, temperature: temperature, electronFraction: ye,
                                                      neutrino: neutrino, couplings: couplings)
        }
        dispersion = try PlasmonDispersion(vStar: gas.vStar)
        fit = ItohPlasmaFit.rate(density: density, temperature: temperature, electronFraction: ye, couplings: couplings)
    }

    var gamma: Double { gas.omegaP_keV / gas.kT_keV }

    /// The documented report (Docs/output-contract.md, "plasma").
    var contract: PlasmaPointReport {
        PlasmaPointReport(gas: gas, dispersion: dispersion, rates: rates, fit: fit, neutrino: neutrino, couplings: couplings,
                          method: method.rawValue)
    }

    func table() -> String {
        func e(_ v: Double) -> String { String(format: "%.5e", v) }
        func f(_ v: Double, _ d: Int = 4) -> String { String(format: "%.\(d)f", v) }
        let rows: [(String, String, String)] = [
            ("density", e(gas.density), "g/cm3"),
            ("temperature", e(gas.temperature), "K"),
            ("Ye", f(gas.electronFraction), ""),
            ("kT", f(gas.kT_keV), "keV"),
            ("chemical potential μ (incl. mₑ)", f(gas.chemicalPotential_keV, 3), "keV"),
            ("degeneracy η = (μ − mₑ)/kT", f(gas.degeneracy, 3), ""),
            ("electrons", e(gas.electronDensity_cm3), "cm⁻³"),
            ("positrons", e(gas.positronDensity_cm3), "cm⁻³"),
            ("ωp (plasma frequency)", f(gas.omegaP_keV), "keV"),
            ("ω₁", f(gas.omega1_keV), "keV"),
            ("v* = ω₁/ωp", f(gas.vStar), ""),
            ("γ = ωp/kT", f(gamma), ""),
            ("k_max (longitudinal cut-off)", f(dispersion.longitudinalCutoff * gas.omegaP_keV), "keV"),
            ("m∞ (transverse asymptotic mass)", f(dispersion.transverseAsymptoticMass * gas.omegaP_keV), "keV"),
        ]
        let q: [(String, String, String)] = [
            ("transverse (vector)", e(rates.vectorTransverse), ""),
            ("longitudinal (vector)", e(rates.vectorLongitudinal), ""),
            ("axial", e(rates.axial), String(format: "%.1e of standard", rates.standard > 0 ? rates.axial / rates.standard : 0)),
            ("standard (sum)", e(rates.standard), ""),
            ("magnetic moment μ₁₂ = \(neutrino.mu12)", e(rates.magnetic), rates.standard > 0 ? String(format: "%.4f × standard", rates.magnetic / rates.standard) : ""),
            ("millicharge q = \(neutrino.millicharge) e", e(rates.millicharge), ""),
            ("Itoh et al. 1996 fit", e(fit.itoh), rates.standard > 0 ? String(format: "exact/fit = %.4f", rates.standard / fit.itoh) : ""),
            ("HRW 1994 fit (f_xy = 1)", e(fit.hrw), rates.standard > 0 ? String(format: "exact/fit = %.4f", rates.standard / fit.hrw) : ""),
        ]
        var out = "Electron–positron gas and plasmon dispersion (Braaten & Segel 1993)\n"
        out += formatRows(rows)
        out += "\nPlasmon decay into ν ν̄, three flavours, sin²θ_W = \(couplings.sin2ThetaW) — erg cm⁻³ s⁻¹ (method: \(method.rawValue))\n"
        out += formatRows(q)
        return out
    }
}

func formatRows(_ rows: [(String, String, String)]) -> String {
    let w0 = rows.map { $0.0.count }.max() ?? 0, w1 = rows.map { $0.1.count }.max() ?? 0
    return rows.map { r in
        "  " + r.0.padding(toLength: w0, withPad: " ", startingAt: 0) + "  "
            + String(repeating: " ", count: w1 - r.1.count) + r.1 + (r.2.isEmpty ? "" : "  " + r.2)
    }.joined(separator: "\n") + "\n"
}
