import Constants
import Foundation

/// Boundary conditions at the edge of the helium core (the base of the hydrogen shell), read from
/// `StellarModels/core-edge/relations.json` (one entry per swappable set).
///
/// With M_c the core mass, r the radius of the core's outer face, μ the envelope's mean molecular
/// weight and L_H the shell luminosity (Docs/flash.md derives each line):
///
///     T_edge = c_T μ m_u G M_c / ((n+1) k r)                  radiative-zero homology (Refsdal & Weigert 1970)
///     P_edge = c_P (L_Edd / L_H) a T_edge⁴ / 3,  L_Edd = 4πcGM_c/κ_es,  κ_es = 0.2(1 + X)
///     L_H    = min(B M_c^q, D M_c^p),  log D = log D₀ + s ζ,  ζ = log₁₀(Z/Z_ref)   (Hurley et al. 2000)
///     Ṁ_c    = L_H / (X E_H),  E_H = (Q − ⟨E_ν⟩_CNO)/(4 m_H)
///
/// The numerical trap: T_edge depends on r, which the integrator is solving for; the Newton step
/// therefore carries ∂ln T_edge/∂ln r = −1 and ∂ln P_edge/∂ln r = −4.
public struct CoreEdgeRelations: Codable, Sendable, Equatable {
    public struct Temperature: Codable, Sendable, Equatable {
        public var coefficient: Double
        public var polytropicNPlusOne: Double
        public var source: String
    }
    public struct Pressure: Codable, Sendable, Equatable {
        public var coefficient: Double
        public var source: String
    }
    public struct Luminosity: Codable, Sendable, Equatable {
        public var logD0: Double, logD0PerZeta: Double, exponentP: Double
        public var bFloor: Double, bOffset: Double, bScale: Double, bMassExponent: Double, exponentQ: Double
        public var zReference: Double
        public var source: String
    }
    public struct FlashMassLimit: Codable, Sendable, Equatable {
        public var constant: Double, perZeta: Double, perZetaSquared: Double
        public var source: String
    }
    public struct Growth: Codable, Sendable, Equatable {
        public var qHydrogenBurningMev: Double, cnoNeutrinoLossMev: Double
        public var source: String
    }

    public var name: String
    public var summary: String
    public var temperature: Temperature
    public var pressure: Pressure
    public var luminosity: Luminosity
    public var heliumFlashMassLimit: FlashMassLimit
    public var growth: Growth

    /// The file's top level.
    public struct File: Decodable, Sendable {
        public var description: String
        public var relations: [CoreEdgeRelations]

        /// The entry called `name`, checked; unknown names list the available ones.
        public func entry(named name: String) throws -> CoreEdgeRelations {
            guard let e = relations.first(where: { $0.name == name }) else {
                throw FlashError.unknownRelations(name: name, available: relations.map(\.name))
            }
            try e.check()
            return e
        }
    }

    /// The file's path below `StellarModels/`, and the default entry.
    public static let relativePath = "core-edge/relations.json"
    public static let defaultName = "rw70-hpt00"

    /// Physical sanity of the numbers (a malformed entry is refused with its field named).
    public func check() throws {
        func need(_ ok: Bool, _ field: String, _ reason: String) throws {
            if !ok { throw FlashError.invalidData(field: "\(name).\(field)", reason: reason) }
        }
        try need(temperature.coefficient > 0 && temperature.coefficient.isFinite, "temperature.coefficient", "must be > 0")
        try need(temperature.polytropicNPlusOne > 1, "temperature.polytropic_n_plus_one", "must be > 1")
        try need(pressure.coefficient > 0 && pressure.coefficient.isFinite, "pressure.coefficient", "must be > 0")
        try need(luminosity.exponentP > 0 && luminosity.exponentQ > 0, "luminosity.exponent_p/q", "must be > 0")
        try need(luminosity.zReference > 0, "luminosity.z_reference", "must be > 0")
        try need(growth.qHydrogenBurningMev > growth.cnoNeutrinoLossMev && growth.cnoNeutrinoLossMev >= 0,
                 "growth", "need q_hydrogen_burning_mev > cno_neutrino_loss_mev ≥ 0")
    }

    // Constants: the Constants module (CODATA 2018; IAU 2015 nominal M☉, L☉; m_H = 1.007825 u, AME 2016).
    static let g = CGS.gravitational, kB = CGS.boltzmann, mu = CGS.atomicMassUnit, c = CGS.speedOfLight
    static let a = CGS.radiation, mevToErg = CGS.ergPerMeV, hydrogenMass = CGS.hydrogenAtomMass
    /// L☉ in erg s⁻¹ (IAU 2015 nominal; `Constants.Solar.luminosity`, kept here for existing callers).
    public static let solarLuminosity = Solar.luminosity
    /// M☉ in g (IAU 2015 nominal GM☉/G; `Constants.Solar.mass`, kept here for existing callers).
    public static let solarMass = Solar.mass

    /// ζ = log₁₀(Z/Z_ref), with Z floored at 10⁻⁸ (Z = 0 is outside the fit's calibration).
    func zeta(_ z: Double) -> Double { log10(max(z, 1e-8) / luminosity.zReference) }

    /// Hydrogen-shell luminosity in erg s⁻¹ for core mass `mc` (M☉), total mass `m` (M☉), metallicity z.
    public func shellLuminosity(coreMass mc: Double, totalMass m: Double, metallicity z: Double) -> Double {
        let l = luminosity
        let d = pow(10, l.logD0 + l.logD0PerZeta * zeta(z))
        let b = max(l.bFloor, l.bOffset + l.bScale * pow(m, l.bMassExponent))
        return min(b * pow(mc, l.exponentQ), d * pow(mc, l.exponentP)) * Self.solarLuminosity
    }

    /// The largest initial mass (M☉) with a degenerate helium flash at metallicity z.
    public func flashMassLimit(metallicity z: Double) -> Double {
        let f = heliumFlashMassLimit, x = zeta(z)
        return f.constant + f.perZeta * x + f.perZetaSquared * x * x
    }

    /// Energy released per gram of hydrogen burnt (erg g⁻¹), CNO neutrinos removed.
    public var energyPerGramHydrogen: Double {
        (growth.qHydrogenBurningMev - growth.cnoNeutrinoLossMev) * Self.mevToErg / (4 * Self.hydrogenMass)
    }

    /// dM_c/dt in g s⁻¹ = L_H/(X E_H).
    public func growthRate(shellLuminosity lh: Double, envelopeHydrogen x: Double) -> Double {
        lh / (x * energyPerGramHydrogen)
    }

    /// ln T_edge (K) at core mass `mcGrams` and edge radius r (cm); ∂/∂ln r = −1.
    public func lnEdgeTemperature(coreMassGrams mc: Double, radius r: Double, envelopeMu: Double) -> Double {
        log(temperature.coefficient * envelopeMu * Self.mu * Self.g * mc / (temperature.polytropicNPlusOne * Self.kB * r))
    }

    /// ln P_edge (dyn cm⁻²) given ln T_edge; ∂ln P/∂ln T_edge = 4.
    public func lnEdgePressure(lnEdgeTemperature lnT: Double, coreMassGrams mc: Double, shellLuminosity lh: Double,
                               envelopeHydrogen x: Double) -> Double {
        let kappa = 0.2 * (1 + x)
        let lEdd = 4 * Double.pi * Self.c * Self.g * mc / kappa
        return log(pressure.coefficient * lEdd / lh * Self.a / 3) + 4 * lnT
    }
}
