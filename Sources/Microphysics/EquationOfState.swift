import Constants
import Foundation
import Plasma

/// Equation of state of a fully ionised stellar plasma: electron–positron gas at any degeneracy
/// (Plasma module, exact Fermi–Dirac integrals), ideal ions plus ion–ion Coulomb corrections, and
/// radiation (P = aT⁴/3, U = aT⁴). Derivatives are at fixed composition.
public struct EquationOfState: Sendable {
    /// How the e± part is evaluated.
    public enum Method: String, Sendable {
        /// Exact Fermi–Dirac integrals at the point (~30 µs).
        case direct
        /// The interpolated fast path (`PlasmaRateTable.shared`, < 10⁻⁴ of direct); direct outside its grid.
        case table
    }

    public var coulomb: CoulombModel = .potekhinChabrier2000
    public var method: Method = .direct
    public init(coulomb: CoulombModel = .potekhinChabrier2000, method: Method = .direct) {
        self.coulomb = coulomb
        self.method = method
    }

    /// Radiation constant a = 4σ/c in erg cm⁻³ K⁻⁴ (CODATA 2018): `CGS.radiation` from `Constants`.
    public static let radiationConstant = CGS.radiation
    static let kB = CGS.boltzmann, avogadro = CGS.avogadro

    public struct State: Sendable {
        /// Electron degeneracy η = (μ − mₑ)/kT.
        public let degeneracy: Double
        /// Total pressure, dyn cm⁻².
        public let pressure: Double
        /// Parts of the pressure: electrons, ions (ideal), Coulomb, radiation.
        public let pressureElectrons: Double, pressureIons: Double, pressureCoulomb: Double, pressureRadiation: Double
        /// Specific internal energy, erg g⁻¹ (electron rest mass of the net electrons excluded).
        public let specificEnergy: Double
        /// Γ of the ion plasma.
        public let gamma: Double
        /// (∂ln P/∂ln T)_ρ and (∂ln P/∂ln ρ)_T.
        public let chiT: Double, chiRho: Double
        /// c_V = (∂e/∂T)_ρ in erg g⁻¹ K⁻¹.
        public let cV: Double
        /// c_P, ∇_ad = (∂ln T/∂ln P)_s and Γ₁ from the standard relations.
        public var cP: Double { cV + pressure / (density * temperature) * chiT * chiT / chiRho }
        public var nablaAdiabatic: Double { pressure * chiT / (density * temperature * cP * chiRho) }
        public var gamma1: Double { chiRho * cP / cV }
        public let density: Double, temperature: Double
    }

    /// The state at (ρ [g cm⁻³], T [K]) for `composition`.
    public func state(density rho: Double, temperature t: Double, composition c: Composition) throws -> State {
        let e = try electrons(density: rho, temperature: t, electronFraction: c.electronFraction)
        let ni = rho * Self.avogadro / c.meanMass
        let pIon = ni * Self.kB * t
        // Coulomb: ion-sphere coupling of the mixture Γ = ⟨Z^(5/3)⟩ e² (4πnₑ/3)^(1/3)/kT (= Z²e²/(akT) for
        // one species), used in the one-component fit: linear mixing in its mean-coupling form.
        let g = CoulombModel.mixtureGamma(composition: c, density: rho, temperature: t)
        guard coulomb == .none || g <= 175 else {
            throw MicrophysicsError.outOfRange(parameter: "ion coupling Γ", value: g,
                                               allowed: "≤ 175 (liquid; the solid phase is not modelled)")
        }
        let (_, u) = coulomb.freeAndInternalEnergy(gamma: g)
        // du/dlnΓ by a centred difference in ln Γ (the fits are smooth; h = 1e-5).
        let h = 1e-5
        let dudlnG = (coulomb.freeAndInternalEnergy(gamma: g * exp(h)).u - coulomb.freeAndInternalEnergy(gamma: g * exp(-h)).u) / (2 * h)
        let pCoul = pIon * u / 3
        let pRad = Self.radiationConstant * t * t * t * t / 3
        let p = e.pressure + pIon + pCoul + pRad
        // Γ ∝ ρ^(1/3) T⁻¹: ∂lnΓ/∂lnρ = 1/3, ∂lnΓ/∂lnT = −1.
        let dpCoulT = pIon / 3 * (u - dudlnG)           // ∂P_C/∂lnT
        let dpCoulRho = pIon / 3 * (u + dudlnG / 3)      // ∂P_C/∂lnρ
        let chiT = (e.dlnPdlnT * e.pressure + pIon + dpCoulT + 4 * pRad) / p
        let chiRho = (e.dlnPdlnRho * e.pressure + pIon + dpCoulRho) / p
        // Specific energy and c_V: ions 3/2 kT + Coulomb u kT per ion; radiation aT⁴/ρ.
        let energy = (e.energyDensity + ni * Self.kB * t * (1.5 + u) + 3 * pRad) / rho
        let cv = (e.dUdT + ni * Self.kB * (1.5 + u - dudlnG) + 12 * pRad / t) / rho
        return State(degeneracy: e.degeneracy, pressure: p, pressureElectrons: e.pressure, pressureIons: pIon,
                     pressureCoulomb: pCoul, pressureRadiation: pRad, specificEnergy: energy, gamma: g,
                     chiT: chiT, chiRho: chiRho, cV: cv, density: rho, temperature: t)
    }
}

extension EquationOfState {
    /// The e± quantities the EOS needs, from the chosen method.
    struct Electrons {
        let pressure: Double, energyDensity: Double, dlnPdlnT: Double, dlnPdlnRho: Double
        let dUdT: Double, dUdlnRho: Double, degeneracy: Double
    }

    func electrons(density rho: Double, temperature t: Double, electronFraction ye: Double) throws -> Electrons {
        if method == .table {
            try ElectronGas.validate(density: rho, temperature: t, electronFraction: ye)
            if let g = PlasmaRateTable.shared.gasThermodynamics(rhoYe: rho * ye, temperature: t) {
                return Electrons(pressure: g.pressure, energyDensity: g.energyDensity, dlnPdlnT: g.dlnPdlnT,
                                 dlnPdlnRho: g.dlnPdlnRho, dUdT: g.dUdT, dUdlnRho: g.dUdlnRho, degeneracy: g.degeneracy)
            }
        }
        let e = try ElectronGasThermodynamics(density: rho, temperature: t, electronFraction: ye)
        return Electrons(pressure: e.pressure, energyDensity: e.energyDensity, dlnPdlnT: e.dlnPdlnT,
                         dlnPdlnRho: e.dlnPdlnRho, dUdT: e.dUdT, dUdlnRho: e.dUdlnRho, degeneracy: e.state.degeneracy)
    }
}
