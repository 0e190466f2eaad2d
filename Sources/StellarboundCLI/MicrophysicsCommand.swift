import ArgumentParser
import Foundation
import Microphysics
import ModelData
import OutputContract
import Plasma
import EnvelopePhysics

/// Every input-physics option of the helium core at one (ρ, T, composition), side by side.
struct MicrophysicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "microphysics",
        abstract: "EOS, opacities, 3α burning and neutrino losses at one point, with each selectable alternative.",
        discussion: """
        Helium-core mode (default): --composition of fully ionised species, T in [1e6, 1e10] K. Envelope mode (with \
        --hydrogen and --metallicity): the whole star's physics at the point — the envelope EOS with H and He \
        partial ionisation, OPAL + Ferguson et al. 2005 radiative opacity with conduction, ∇_rad at --luminosity \
        and --mass-coordinate, pp and CNO burning — for T in [1e3, 3e9] K; a quantity whose model refuses the \
        point is shown as unavailable with the reason (Docs/envelope-*.md).
        """)

    @Option(name: .long, help: "Mass density ρ in g/cm³, in [1e-12, 1e14].")
    var density: Double

    @Option(name: .long, help: "Temperature T in K, in [1e6, 1e10].")
    var temperature: Double

    @Option(help: "Mass fractions, e.g. he4:0.98,c12:0.01,o16:0.01 (species from StellarModels/composition/species.json); must sum to 1.")
    var composition = "he4:1"

    @Option(help: "Envelope mode: hydrogen mass fraction X, in [0, 1] (with --metallicity).")
    var hydrogen: Double?

    @Option(help: "Envelope mode: metal mass fraction Z, in [0, 0.1] (the opacity tables' range), with X + Z ≤ 1.")
    var metallicity: Double?

    @Option(name: .customLong("alpha-fe"), help: "Envelope mode: [α/Fe] of the metal mixture: 0 (GS98) or 0.4 (GS98, α-enhanced opacity tables). Default 0.")
    var alphaFe = 0.0

    @Option(help: "Envelope mode: local luminosity in L☉ for ∇_rad, > 0. Default 1.")
    var luminosity = 1.0

    @Option(name: .customLong("mass-coordinate"), help: "Envelope mode: mass inside the point in M☉ for ∇_rad, > 0. Default 1.")
    var massCoordinate = 1.0

    @Option(name: .customLong("burning-abundances"), help: "Envelope mode: ³He and CNO for the burning rates: equilibrium (local, the default) or initial (the mixture's zero-age abundances).")
    var burningAbundances = EnvelopeMicrophysics.BurningAbundances.equilibrium

    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).")
    var dataDir: String?

    @Flag(help: "One JSON object (keys in Docs/output-contract.md).")
    var json = false

    var envelopeMode: Bool { hydrogen != nil || metallicity != nil }

    /// The density range is the EOS's own (checked there, same message); 3α narrows T to [1e6, 1e10];
    /// the envelope mode takes [1e3, 3e9] K (the envelope EOS's domain).
    func validate() throws {
        if envelopeMode {
            guard let x = hydrogen, let z = metallicity else {
                throw ValidationError("envelope mode needs both --hydrogen and --metallicity")
            }
            guard x.isFinite, x >= 0, x <= 1 else { throw ValidationError("--hydrogen \(x) is outside the allowed range [0, 1]") }
            guard z.isFinite, z >= 0, z <= 0.1 else { throw ValidationError("--metallicity \(z) is outside the allowed range [0, 0.1]") }
            guard x + z <= 1 else { throw ValidationError("--hydrogen + --metallicity = \(x + z) exceeds 1") }
            guard alphaFe == 0 || alphaFe == 0.4 else {
                throw ValidationError("--alpha-fe \(alphaFe) is not one of the opacity tables' mixtures: 0 or 0.4")
            }
            guard luminosity.isFinite, luminosity > 0 else { throw ValidationError("--luminosity \(luminosity) must be > 0 (L☉)") }
            guard massCoordinate.isFinite, massCoordinate > 0 else {
                throw ValidationError("--mass-coordinate \(massCoordinate) must be > 0 (M☉)")
            }
            guard density.isFinite, density >= 1e-14, density <= 1e10 else {
                throw ValidationError("--density \(density) is outside the allowed range [1e-14, 1e10] g/cm³ (envelope mode)")
            }
            guard temperature.isFinite, temperature >= 1e3, temperature <= 3e9 else {
                throw ValidationError("--temperature \(temperature) is outside the allowed range [1e3, 3e9] K (envelope mode)")
            }
            return
        }
        guard temperature.isFinite, temperature >= 1e6, temperature <= 1e10 else {
            throw ValidationError("--temperature \(temperature) is outside the allowed range [1e6, 1e10] K")
        }
    }

    func run() throws {
        if envelopeMode { return try runEnvelope() }
        let catalog = try SpeciesCatalog.load(dataDir: dataDir)
        let catalogDirectory = try DataDirectory.locate(explicit: dataDir)
        let mix = try catalog.parse(composition)
        let comp = try Composition(species: mix)
        let rho = density, t = temperature
        let z = comp.meanCharge, a = comp.meanMass, z2 = comp.meanChargeSquared
        var notes: [String] = []
        /// Evaluates one model; outside its validity range it is reported as unavailable with the reason.
        func optional<T>(_ label: String, _ body: () throws -> T) -> T? {
            do { return try body() } catch {
                notes.append("\(label): \(error)")
                return nil
            }
        }
        // Outside the EOS's range (ions solid, Γ > 175) its rows and those that need it (κ_rad needs η) are
        // unavailable with the reason; the rest of the point is still reported.
        let eos = optional("EOS (PC2000 Coulomb)") { try EquationOfState().state(density: rho, temperature: t, composition: comp) }
        let eosYS = optional("EOS (YS89 Coulomb)") {
            try EquationOfState(coulomb: .yakovlevShalybkov1989).state(density: rho, temperature: t, composition: comp)
        }
        let kCond = optional("κ_cond PBHY99") {
            try ConductiveOpacity.opacity(density: rho, temperature: t, charge: z, mass: a, meanChargeSquared: z2)
        }
        let kYU = optional("κ_cond YU80") {
            try ConductiveOpacity.opacity(density: rho, temperature: t, charge: z, mass: a, meanChargeSquared: z2,
                                          prescription: .yakovlevUrpin1980)
        }
        let kBlouin = optional("κ_cond Blouin") {
            try ConductiveOpacity.opacity(density: rho, temperature: t, charge: z, mass: a, meanChargeSquared: z2,
                                          blouin2020: true)
        }
        let hydrogen = mix.filter { $0.charge == 1 }.reduce(0) { $0 + $1.massFraction }
        let kRad = eos.map {
            RadiativeOpacity.opacity(density: rho, temperature: t, charge: z, mass: a, meanChargeSquared: z2,
                                     hydrogen: hydrogen, degeneracy: $0.degeneracy)
        }
        let kTotal = kCond.flatMap { c in kRad.map { TotalOpacity.harmonic(radiative: $0, conductive: c) } }
        func eps(_ r: TripleAlphaRate, _ s: ScreeningModel) -> Double? {
            optional("ε₃α \(r.rawValue) with \(s.rawValue) screening") {
                try TripleAlpha.energyGeneration(density: rho, temperature: t, composition: comp, rate: r, screening: s)
            }
        }
        let gas = try ElectronGas.state(density: rho, temperature: t, electronFraction: comp.electronFraction)
        let plasma = try PlasmonDecay.point(gas: gas).rates.standard / rho
        let plasmaFit = ItohPlasmaFit.rate(density: rho, temperature: t, electronFraction: comp.electronFraction).itoh / rho
        if gas.positronDensity_cm3 > 0.01 * gas.electronDensity_cm3 {
            notes.append("pairs are \(String(format: "%.2g", gas.positronDensity_cm3 / gas.electronDensity_cm3)) of the electrons: the Itoh plasma fit has no pairs")
        }
        let photo = ItohNeutrinoFits.photo(density: rho, temperature: t, electronFraction: comp.electronFraction) / rho
        let pair = ItohNeutrinoFits.pair(density: rho, temperature: t, electronFraction: comp.electronFraction) / rho
        let brem = ItohNeutrinoFits.bremsstrahlung(density: rho, temperature: t, meanCharge: z, meanMass: a) / rho
        let bremS5 = ItohNeutrinoFits.bremsstrahlung(density: rho, temperature: t, meanCharge: z, meanMass: a, branch: .sneut5Switch) / rho
        let e3aCF88 = eps(.cf88, .chugunov2007), e3aFynbo = eps(.fynbo2005, .chugunov2007), e3aNACRE = eps(.nacre, .chugunov2007)
        let e3aScreen5 = eps(.cf88, .screen5), e3aUnscreened = eps(.cf88, .none)
        let total = plasma + NeutrinoLosses.nonPlasma(density: rho, temperature: t, composition: comp) / rho
        let report = MicrophysicsCoreReport(
            density: rho, temperature: t, composition: composition, ye: comp.electronFraction, abar: a, zbar: z,
            pressure: eos?.pressure, pressureElectrons: eos?.pressureElectrons, pressureIons: eos?.pressureIons,
            pressureCoulomb: eos?.pressureCoulomb, pressureRadiation: eos?.pressureRadiation, pressureYS89: eosYS?.pressure,
            specificEnergy: eos?.specificEnergy, chiT: eos?.chiT, chiRho: eos?.chiRho, cV: eos?.cV, cP: eos?.cP,
            nablaAd: eos?.nablaAdiabatic, gamma1: eos?.gamma1, coulombGamma: eos?.gamma, degeneracy: eos?.degeneracy,
            kappaConductive: kCond, kappaConductiveYU80: kYU, kappaConductiveBlouin: kBlouin, kappaRadiative: kRad,
            kappaTotal: kTotal, eps3Alpha: e3aCF88, eps3AlphaFynbo: e3aFynbo, eps3AlphaNACRE: e3aNACRE,
            eps3AlphaScreen5: e3aScreen5, eps3AlphaUnscreened: e3aUnscreened,
            epsNuPlasma: plasma, epsNuPlasmaItoh: plasmaFit, epsNuPhoto: photo, epsNuPair: pair,
            epsNuBrems: brem, epsNuBremsSneut5: bremS5, epsNuTotal: total, notes: notes)
        try printReport(report, json: json, data: catalogDirectory) { report.text }
    }
}

extension MicrophysicsCommand {
    /// The envelope mode: one library call, printed.
    func runEnvelope() throws {
        let dir = try DataDirectory.locate(explicit: dataDir)
        let physics = try EnvelopeMicrophysics(mixture: alphaFe == 0 ? .gs98 : .gs98AlphaEnhanced, dataDirectory: dir)
        let r = try physics.point(density: density, temperature: temperature, hydrogen: hydrogen!, metals: metallicity!,
                                  luminosity: luminosity, massCoordinate: massCoordinate, burningAbundances: burningAbundances)
        if json {
            print(try ContractJSON.encode(r, provenance: Provenance(data: dir)))
            return
        }
        defer { if let p = try? Provenance(data: dir) { print("provenance: " + p.text) } }
        print(String(format: "Envelope physics at ρ = %.4g g/cm³, T = %.4g K, X = %.4g, Z = %.4g, [α/Fe] = %.1f (%@ tables)\n",
                     density, temperature, r.hydrogen, r.metallicity, r.alphaFe, r.opacityMixture))
        let rows: [(String, Double?, String)] = [
            ("P", r.pressure, "dyn/cm²"), ("∇_ad", r.gradAd, ""), ("Γ₁", r.gamma1, ""), ("χ_ρ", r.chiRho, ""), ("χ_T", r.chiT, ""),
            ("c_P", r.cP, "erg/g/K"), ("μ", r.meanMolecularWeight, ""), ("free electrons per baryon", r.freeElectronsPerBaryon, ""),
            ("H ionised fraction", r.hydrogenIonised, ""), ("η (electron degeneracy)", r.degeneracy, ""),
            ("κ_rad (OPAL/Ferguson)", r.kappaRad, "cm²/g"), ("κ_cond", r.kappaCond, "cm²/g"), ("κ total", r.kappaTotal, "cm²/g"),
            ("∂ln κ/∂ln ρ", r.dlnKappaDlnRho, ""), ("∂ln κ/∂ln T", r.dlnKappaDlnT, ""),
            (String(format: "∇_rad (L = %g L☉, m = %g M☉)", luminosity, massCoordinate), r.gradRad, ""),
            ("ε_pp (net of ν)", r.epsPP, "erg/g/s"), ("ε_CNO (net of ν)", r.epsCNO, "erg/g/s"),
            ("ε_nuclear", r.epsNuclear, "erg/g/s"), ("ε_ν of the reactions", r.epsNeutrinoNuclear, "erg/g/s"),
        ]
        print("burning at \(r.burningAbundances) ³He and CNO abundances")
        print(formatTable(header: ["quantity", "value", "unit"],
                          rows: rows.map { [$0.0, $0.1.map { String(format: "%.5g", $0) } ?? "unavailable", $0.2] }), terminator: "")
        for note in r.unavailable { print("unavailable: \(note)") }
    }
}

/// The nuclides `--composition` accepts, read from StellarModels/composition/species.json.
struct SpeciesCatalog {
    struct File: Decodable {
        struct Entry: Decodable { let name: String; let charge: Double; let massNumber: Double }
        let source: String
        let species: [Entry]
    }

    let entries: [File.Entry]
    let file: String

    static func load(dataDir: String?) throws -> SpeciesCatalog {
        let dir = try DataDirectory.locate(explicit: dataDir)
        let f = try dir.load(File.self, from: "composition/species.json")
        let path = dir.url.appendingPathComponent("composition/species.json").path
        for (i, e) in f.species.enumerated() where !(e.charge >= 1 && e.massNumber >= e.charge && !e.name.isEmpty) {
            throw ModelDataError.malformed(file: path, field: "species[\(i)] (\(e.name))",
                                           reason: "need a name, charge ≥ 1 and mass_number ≥ charge")
        }
        return SpeciesCatalog(entries: f.species, file: path)
    }

    var names: String { entries.map(\.name).joined(separator: ", ") }

    /// "he4:0.98,c12:0.02" → [(X, Z, A)].
    func parse(_ text: String) throws -> [(massFraction: Double, charge: Double, mass: Double)] {
        var out: [(Double, Double, Double)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":")
            guard parts.count == 2, let x = Double(parts[1]), x.isFinite, x >= 0, x <= 1 else {
                throw InputError(message: "--composition: '\(item)' is not name:fraction with 0 ≤ fraction ≤ 1")
            }
            guard let s = entries.first(where: { $0.name == parts[0].lowercased() }) else {
                throw InputError(message: "--composition: unknown species '\(parts[0])' (known: \(names); add one to \(file))")
            }
            out.append((x, s.charge, s.massNumber))
        }
        let total = out.reduce(0) { $0 + $1.0 }
        guard !out.isEmpty, abs(total - 1) < 1e-6 else {
            throw InputError(message: "--composition: mass fractions sum to \(total), must sum to 1")
        }
        return out
    }
}
