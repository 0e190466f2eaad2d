import Constants
import Foundation
import Microphysics
import ModelData

/// The whole star's input physics at one point of its envelope (or interior), from one call: the
/// envelope EOS, the tabulated radiative opacity combined with conduction, and hydrogen burning, for a
/// composition (X, Z) of one metal mixture. What `stellarbound microphysics --hydrogen X --metallicity Z`
/// prints and `stellarbound bench microphysics` times.
///
/// The radiative gradient needs the local luminosity and mass: ∇_rad = 3κLP / (16πacGmT⁴)
/// (Kippenhahn & Weigert eq. 5.28); a point has none of its own, so they are inputs.
public final class EnvelopeMicrophysics: Sendable {
    public let mixture: OpacityMixture
    public let opacities: OpacityTables
    public let eos: EnvelopeEOS
    public let burning: HydrogenBurning
    public let metals: MetalMixture

    /// [α/Fe] of each opacity mixture (the tables exist for 0 and +0.4 only).
    public static func alphaFe(of mixture: OpacityMixture) -> Double { mixture == .gs98 ? 0 : 0.4 }

    /// Loads the tables of `mixture` (~1 s release) and the reaction network.
    public init(mixture: OpacityMixture = .gs98, dataDirectory: DataDirectory) throws {
        self.mixture = mixture
        opacities = try OpacityTables(mixture: mixture, dataDirectory: dataDirectory)
        eos = EnvelopeEOS()
        burning = try HydrogenBurning.standard(screening: .chugunov2007)
        metals = try MetalMixture(solar: .gs98, alphaFe: Self.alphaFe(of: mixture), dataDirectory: dataDirectory)
    }

    /// Fully ionised ions for the conductive opacity: H, ⁴He, and the metals as ¹⁴N-like (Z̄ = 7, Ā = 14, the
    /// mass-weighted CNO mean; conduction matters only in dense cores, where Z ≪ Y).
    public static func ions(hydrogen x: Double, metals z: Double) throws -> Composition {
        try Composition(species: [(x, 1, 1.007_825), (1 - x - z, 2, 4.002_603), (z, 7, 14.003_074)].filter { $0.0 > 0 })
    }

    /// Which abundances the burning rates are evaluated at.
    public enum BurningAbundances: String, Sendable, CaseIterable {
        /// ³He and the CNO isotopes in local equilibrium at (ρ, T) (what ε(ρ, T, X, Z) means in a
        /// hydrogen-burning core in steady state; the standard-solar-model values are of this kind).
        case equilibrium
        /// The mixture's initial abundances (terrestrial CNO isotope ratios, protosolar ³He): a zero-age model.
        case initial
    }

    /// Every quantity at (ρ [g cm⁻³], T [K]) for X, Z; ∇_rad at luminosity L (L☉) and mass coordinate m (M☉).
    /// A quantity whose model refuses the point is nil, with the reason in `unavailable`.
    public func point(density rho: Double, temperature t: Double, hydrogen x: Double, metals z: Double,
                      luminosity: Double = 1, massCoordinate: Double = 1,
                      burningAbundances: BurningAbundances = .equilibrium) throws -> EnvelopePointReport {
        guard x.isFinite, z.isFinite, x >= 0, z >= 0, x + z <= 1 else {
            throw MixtureError.outOfRange(quantity: "hydrogen + metallicity", value: x + z, allowed: "X, Z ≥ 0, X + Z ≤ 1")
        }
        guard luminosity.isFinite, luminosity > 0, massCoordinate.isFinite, massCoordinate > 0 else {
            throw MixtureError.outOfRange(quantity: "luminosity, mass coordinate", value: min(luminosity, massCoordinate),
                                          allowed: "> 0 (L☉, M☉)")
        }
        var r = EnvelopePointReport(density: rho, temperature: t, hydrogen: x, metallicity: z,
                                    alphaFe: Self.alphaFe(of: mixture), opacityMixture: mixture.rawValue,
                                    luminosity: luminosity, massCoordinate: massCoordinate)
        func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
            do { return try body() } catch {
                r.unavailable.append("\(what): \(error)")
                return nil
            }
        }
        if let s = attempt("EOS", { try eos.state(density: rho, temperature: t, hydrogen: x, metals: z) }) {
            r.pressure = s.pressure
            r.gradAd = s.gradAd
            r.gamma1 = s.gamma1
            r.chiRho = s.chiRho
            r.chiT = s.chiT
            r.cP = s.cP
            r.meanMolecularWeight = s.meanMolecularWeight
            r.freeElectronsPerBaryon = s.freeElectronsPerBaryon
            r.hydrogenIonised = s.hydrogenIonised
            r.degeneracy = s.eta
        }
        let ions = try Self.ions(hydrogen: x, metals: z)
        if let k = attempt("opacity", { try opacities.total(logRho: log10(rho), logT: log10(t), x: x, z: z, ions: ions) }) {
            r.kappaRad = k.radiative.kappa
            r.kappaCond = k.conductive.kappa
            r.kappaTotal = k.total.kappa
            r.dlnKappaDlnRho = k.total.dlnKappaDlnRho
            r.dlnKappaDlnT = k.total.dlnKappaDlnT
            if k.radiative.extrapolated { r.unavailable.append("opacity: κ_rad continued beyond the tables' log R (flagged)") }
        }
        if let p = r.pressure, let k = r.kappaTotal {
            let l = luminosity * Solar.luminosity, m = massCoordinate * Solar.mass
            r.gradRad = 3 * k * l * p / (16 * Double.pi * CGS.radiation * CGS.speedOfLight * CGS.gravitational * m * t * t * t * t)
        }
        r.burningAbundances = burningAbundances.rawValue
        if let abundances = attempt("burning", { () throws -> HydrogenBurningAbundances in
            let initial = try metals.networkAbundances(hydrogen: x, metals: z)
            guard burningAbundances == .equilibrium, t >= HydrogenBurning.minimumTemperature else { return initial }
            let he3 = try burning.equilibriumHe3(density: rho, temperature: t, abundances: initial)
            return try burning.equilibriumCNO(density: rho, temperature: t, abundances: he3)
        }),
           let b = attempt("burning", { try burning.evaluate(density: rho, temperature: t, abundances: abundances) }) {
            r.epsPP = b.epsPP
            r.epsCNO = b.epsCNO
            r.epsNuclear = b.epsTotal
            r.epsNeutrinoNuclear = b.epsNeutrino
        }
        // Nothing non-finite leaves: a model that returned one is reported as unavailable, never printed.
        let fields: [(WritableKeyPath<EnvelopePointReport, Double?>, String)] = [
            (\.pressure, "pressure"), (\.gradAd, "∇_ad"), (\.gamma1, "Γ₁"), (\.chiRho, "χ_ρ"), (\.chiT, "χ_T"), (\.cP, "c_P"),
            (\.meanMolecularWeight, "μ"), (\.freeElectronsPerBaryon, "free electrons"), (\.hydrogenIonised, "H ionised"),
            (\.degeneracy, "η"), (\.kappaRad, "κ_rad"), (\.kappaCond, "κ_cond"), (\.kappaTotal, "κ"),
            (\.dlnKappaDlnRho, "∂lnκ/∂lnρ"), (\.dlnKappaDlnT, "∂lnκ/∂lnT"), (\.gradRad, "∇_rad"), (\.epsPP, "ε_pp"),
            (\.epsCNO, "ε_CNO"), (\.epsNuclear, "ε_nuc"), (\.epsNeutrinoNuclear, "ε_ν,nuc"),
        ]
        for (path, name) in fields where r[keyPath: path].map({ !$0.isFinite }) == true {
            r[keyPath: path] = nil
            r.unavailable.append("\(name): not finite at this point")
        }
        return r
    }
}
