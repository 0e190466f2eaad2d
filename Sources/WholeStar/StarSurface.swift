import Constants
import EnvelopePhysics
import Foundation

/// The photospheric boundary: T = T_eff and P = P_ph(T_eff, g) at τ = 2/3 of the Eddington grey T(τ) relation,
/// from the hydrostatic integration of the atmosphere above (`AtmosphereIntegrator`, KWW 2012 ch. 10;
/// MESA I §5.3 "atm_option = T_tau"), with the star's own EOS and radiative opacity; T_eff = (L/(4πσR²))^¼ and
/// g = GM/R².
///
/// For the Henyey Jacobian P_ph is linearised in ln L and ln R about the iterate of `prepare`
/// (ln P_ph = ln P₀ + ∂ln P/∂ln L · Δln L + ∂ln P/∂ln R · Δln R, the derivatives from the integrator's central
/// differences in T_eff and g): exact at the iterate, so the converged model is the nonlinear one, and the
/// atmosphere is integrated once per iteration rather than once per perturbed unknown.
/// Trap: the closures must not include radiation pressure in the gas EOS (the integrator splits P_gas itself).
final class StarSurface: @unchecked Sendable {
    let integrator: AtmosphereIntegrator
    let gasEOS = EnvelopeEOS(includeRadiation: false)
    let physics: StarCellPhysics
    /// The atmosphere's composition: the outermost cell's (set by the evolution after mixing).
    var composition: StarCellComposition
    /// Total mass (g); the evolution updates it with mass loss.
    var mass: Double
    var lnL0 = 0.0, lnR0 = 0.0, lnP0 = 0.0, dLnPdLnL = 0.0, dLnPdLnR = 0.0

    init(physics: StarCellPhysics, composition: StarCellComposition, mass: Double, steps: Int) {
        self.physics = physics
        self.composition = composition
        self.mass = mass
        integrator = AtmosphereIntegrator(relation: .eddington, tauTop: 1e-5, steps: steps, includeRadiationPressure: true)
    }

    /// T_eff (K) from L (erg/s) and R (cm).
    static func effectiveTemperature(luminosity l: Double, radius r: Double) -> Double {
        pow(l / (4 * Double.pi * CGS.stefanBoltzmann * r * r), 0.25)
    }

    /// Integrates the atmosphere at (L [erg/s], R [cm]) and stores the linearisation.
    func update(luminosity l: Double, radius r: Double) throws {
        let teff = Self.effectiveTemperature(luminosity: l, radius: r)
        let g = CGS.gravitational * mass / (r * r)
        let comp = composition.eos, w = composition.weights, eos = gasEOS, tables = physics.micro.opacities
        let lowestLogR = tables.logRRange.lowerBound
        let b = try integrator.boundary(
            effectiveTemperature: teff, gravity: g,
            density: { pGas, t in try Self.density(eos, pGas: pGas, temperature: t, composition: comp) },
            opacity: { rho, t in
                // The top of a metal-poor giant's atmosphere (τ ~ 10⁻⁵, log g ≈ 1) lies below the tables' lowest
                // log R = −8: κ is taken at that edge there (those layers carry < 10⁻⁴ of P_ph).
                let logT = log10(t), logRho = max(log10(rho), lowestLogR + 3 * logT - 18 + 1e-12)
                return try tables.radiative(logRho: logRho, logT: logT, weights: w).kappa
            })
        lnL0 = log(l)
        lnR0 = log(r)
        lnP0 = log(b.pressure)
        dLnPdLnL = b.dLnPressure_dLnL
        dLnPdLnR = b.dLnPressure_dLnR
    }

    /// Lowest density of the envelope EOS (g cm⁻³).
    static let eosMinimumDensity = EnvelopeEOS.densityDomain.lowerBound

    /// ρ(P_gas, T) from the EOS; below the EOS's lowest density (the top of a giant's atmosphere, τ ~ 10⁻⁵ at
    /// log g ≲ 2.5) the gas is ideal at fixed ionisation, so ρ scales with P_gas from the state at that density
    /// (continuous there; the inversion is tried first). Those layers carry < 10⁻⁴ of P_ph.
    static func density(_ eos: EnvelopeEOS, pGas: Double, temperature t: Double,
                        composition comp: EnvelopeEOSComposition) throws -> Double {
        do {
            return try eos.state(pressure: pGas, temperature: t, composition: comp).density
        } catch {
            let floor = try eos.state(density: eosMinimumDensity, temperature: t, composition: comp)
            let pFloor = exp(floor.lnPressure.value)
            // (The inversion's bracket also fails just above the floor: within a factor 2 the ideal-gas scaling is used.)
            guard pGas <= 2 * pFloor else { throw error }
            return eosMinimumDensity * pGas / pFloor
        }
    }

    /// ln P_ph at (ln L, ln R) from the linearisation.
    @inline(__always) func lnPressure(lnL: Double, lnR: Double) -> Double {
        lnP0 + dLnPdLnL * (lnL - lnL0) + dLnPdLnR * (lnR - lnR0)
    }
}
