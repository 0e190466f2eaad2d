import Constants
import Foundation
import ModelData

/// Reactor and solar neutrino spectra at the detector, read from `StellarModels/laboratory/spectra.json`.
///
/// Reactor ν̄e per fission, above 2 MeV (Huber 2011, PRC 84, 024617 for ²³⁵U, ²³⁹Pu, ²⁴¹Pu; Mueller et al.
/// 2011, PRC 83, 054615 for ²³⁸U):
///
///     S(E) = Σᵢ fᵢ exp(Σₖ aᵢₖ Eᵏ)      [ν̄ MeV⁻¹ fission⁻¹],
///
/// fᵢ the fission fractions. Below 2 MeV the fits do not apply (neutron-capture ν̄ from ²³⁹U/²³⁹Np also
/// enter); the spectrum there is taken flat, at the level that makes the total ν̄ per fission equal to
/// `neutrinos_per_fission` (an assumption, stated in the data): the fits give 1.6 ν̄ per fission above
/// 2 MeV, so the flat part holds 4.4 of 6, at 2.2 MeV⁻¹, a step up from the fit's 1.25 at 2 MeV. The magnetic
/// signal at T ≪ E weighs every energy alike, so this part sets ~73 % of it: its normalisation is the
/// reactor projections' largest uncertainty.
///
/// Solar νe at the Earth (B16-GS98, Vinyoles et al. 2017, ApJ 835, 202): pp with the allowed β shape
/// φ(E) ∝ E² (Q − E + mₑ) √((Q − E + mₑ)² − mₑ²), Q = 0.420 MeV (no Fermi function, a few per cent); the
/// ⁷Be lines (0.862, 0.384 MeV) and pep (1.442 MeV). ⁸B (flux 10⁻⁴ of pp) is left out of the low-recoil sums.
public struct NeutrinoSources: Decodable, Sendable {
    public struct Isotope: Decodable, Sendable {
        public var name: String
        public var fissionFraction: Double
        public var energyPerFissionMev: Double
        public var coefficients: [Double]
        public var source: String
    }
    public struct Reactor: Decodable, Sendable {
        public var isotopes: [Isotope]
        public var fitFromMev: Double
        public var maxEnergyMev: Double
        public var neutrinosPerFission: Double
        public var source: String
    }
    public struct Line: Decodable, Sendable {
        public var name: String
        public var energyMev: Double
        public var fluxCm2S: Double
        public var source: String
    }
    public struct Solar: Decodable, Sendable {
        public var ppFluxCm2S: Double
        public var ppEndpointMev: Double
        public var lines: [Line]
        public var source: String
    }

    public var description: String
    public var reactor: Reactor
    public var solar: Solar

    public static let relativePath = "laboratory/spectra.json"

    public static func load(from directory: DataDirectory) throws -> NeutrinoSources {
        let s = try directory.load(NeutrinoSources.self, from: relativePath)
        let file = directory.url.appendingPathComponent(relativePath).path
        let sum = s.reactor.isotopes.reduce(0) { $0 + $1.fissionFraction }
        guard abs(sum - 1) < 1e-6 else {
            throw LaboratoryError.invalidData(file: file, entry: "reactor", field: "isotopes[].fission_fraction", reason: "must add up to 1 (they add up to \(sum))")
        }
        guard s.reactor.neutrinosPerFission > s.reactor.aboveFit, s.reactor.fitFromMev > 0 else {
            throw LaboratoryError.invalidData(file: file, entry: "reactor", field: "neutrinos_per_fission",
                                              reason: "must exceed the \(s.reactor.aboveFit) ν̄ per fission above \(s.reactor.fitFromMev) MeV")
        }
        return s
    }
}

extension NeutrinoSources.Reactor {
    /// The fitted spectrum per fission at E ≥ `fitFromMev` (ν̄ MeV⁻¹ fission⁻¹).
    func fitted(_ e: Double) -> Double {
        isotopes.reduce(0) { s, i in
            var p = 0.0
            for c in i.coefficients.reversed() { p = p * e + c }
            return s + i.fissionFraction * exp(p)
        }
    }

    /// ν̄ per fission above the fit's lower edge (Simpson, 400 intervals).
    var aboveFit: Double { Simpson.integrate(fitFromMev, maxEnergyMev, 400) { fitted($0) } }

    /// The flat level below the fit (ν̄ MeV⁻¹ fission⁻¹).
    var lowLevel: Double { (neutrinosPerFission - aboveFit) / fitFromMev }

    /// S(E) in ν̄ MeV⁻¹ fission⁻¹ (integrates the fit for the low level on each call: for loops, pass `lowLevel` once).
    public func perFission(_ e: Double) -> Double { perFission(e, low: lowLevel) }

    func perFission(_ e: Double, low: Double) -> Double {
        e < 0 || e > maxEnergyMev ? 0 : e < fitFromMev ? low : fitted(e)
    }

    /// Mean energy released per fission (MeV).
    public var energyPerFission: Double { isotopes.reduce(0) { $0 + $1.fissionFraction * $1.energyPerFissionMev } }

    /// Total ν̄e flux (cm⁻² s⁻¹) at distance L (m) from a reactor of thermal power P (GW).
    public func flux(powerGW p: Double, distanceM l: Double) -> Double {
        let fissions = p * 1e9 / (energyPerFission * CGS.ergPerMeV * 1e-7)   // W / (J per fission)
        return fissions * neutrinosPerFission / (4 * Double.pi * (l * 100) * (l * 100))
    }
}

extension NeutrinoSources.Solar {
    static let me = ElectronScattering.me

    /// The pp spectrum normalised to 1 (MeV⁻¹).
    public func ppShape(_ e: Double) -> Double { ppShape(e, norm: ppNorm) }

    func ppShape(_ e: Double, norm: Double) -> Double {
        guard e > 0, e < ppEndpointMev else { return 0 }
        return rawPP(e) / norm
    }
    func rawPP(_ e: Double) -> Double {
        let w = ppEndpointMev - e + Self.me
        return e * e * w * max(w * w - Self.me * Self.me, 0).squareRoot()
    }
    /// ∫ of the raw shape; the √ end point limits Simpson's accuracy to ~1e-5 at 2000 intervals.
    var ppNorm: Double { Simpson.integrate(0, ppEndpointMev, 2000) { rawPP($0) } }
}
