import Constants
import EnvelopePhysics
import Foundation

/// The photospheric boundary: T = T_eff and P = P_ph(T_eff, g) at τ = 2/3 of the Eddington grey T(τ) relation,
/// from the hydrostatic integration of the atmosphere above (`AtmosphereIntegrator`, KWW 2012 ch. 10;
/// MESA I §5.3 "atm_option = T_tau"), with the star's own EOS and radiative opacity; T_eff = (L/(4πσR²))^¼ and
/// g = GM/R².
///
/// P_ph is linearised in ln T_eff and ln g about an anchor where the atmosphere was integrated
/// (ln P_ph = ln P_a + ∂ln P/∂ln T_eff · Δln T_eff + ∂ln P/∂ln g · Δln g, the derivatives from the integrator's
/// central differences), and the anchor is kept while the iterate stays inside a trust box around it
/// (|Δln T_eff| ≤ `anchorRadiusLnTeff`, |Δln g| ≤ `anchorRadiusLnGravity`, surface X and Y within
/// `anchorCompositionTolerance`). The error of the linearisation inside the box is second order,
/// ½ ∂²ln P/∂ln T_eff² Δ² + …; `StarTrackPiecesTests.anchoredAtmosphere` measures it below 5 × 10⁻⁴ in ln P_ph at the
/// box's corners for a dwarf and two giant atmospheres (3.7 × 10⁻⁴ at 3000 K, log g = 0). Why: each integration costs five
/// RK4 passes of 60 steps, ~1200 EOS inversions, three times the interior's 400 cells; integrating at every Newton
/// iterate took 59 % of a main-sequence run, and T_eff and g move by less than the box over several steps.
/// Trap: the closures must not include radiation pressure in the gas EOS (the integrator splits P_gas itself).
final class StarSurface: @unchecked Sendable {
    let integrator: AtmosphereIntegrator
    let gasEOS = EnvelopeEOS(includeRadiation: false)
    let physics: StarCellPhysics
    /// The atmosphere's composition: the outermost cell's (set by the evolution after mixing).
    var composition: StarCellComposition
    /// Total mass (g); the evolution updates it with mass loss.
    var mass: Double
    /// The anchor: where the atmosphere was last integrated (ln T_eff, ln g, surface X and Y) and its ln P_ph with the
    /// derivatives; nil until the first `update`.
    struct Anchor {
        var lnTeff: Double, lnGravity: Double, hydrogen: Double, helium: Double
        var lnP: Double, dLnPdLnTeff: Double, dLnPdLnGravity: Double
    }
    private(set) var anchor: Anchor?
    /// Integrations done (for the benchmark and the tests).
    private(set) var integrations = 0

    /// The trust box of the anchored linearisation (see the type's comment).
    static let anchorRadiusLnTeff = 0.002, anchorRadiusLnGravity = 0.01, anchorCompositionTolerance = 1e-4
    /// ln(4πσ) with σ in cgs: ln T_eff = ¼(ln L − 2 ln R − ln 4πσ).
    static let lnFourPiSigma = log(4 * Double.pi * CGS.stefanBoltzmann)

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

    /// Makes sure the anchor's trust box holds (L [erg/s], R [cm]) at the current mass and surface composition;
    /// integrates the atmosphere there (a new anchor) when it does not.
    func update(luminosity l: Double, radius r: Double) throws {
        let lnTeff = 0.25 * (log(l) - 2 * log(r) - Self.lnFourPiSigma)
        let lnG = log(CGS.gravitational * mass) - 2 * log(r)
        if let a = anchor, abs(lnTeff - a.lnTeff) <= Self.anchorRadiusLnTeff,
           abs(lnG - a.lnGravity) <= Self.anchorRadiusLnGravity,
           abs(composition.hydrogen - a.hydrogen) <= Self.anchorCompositionTolerance,
           abs(composition.helium - a.helium) <= Self.anchorCompositionTolerance {
            return
        }
        let b = try integrate(effectiveTemperature: exp(lnTeff), gravity: exp(lnG))
        integrations += 1
        anchor = Anchor(lnTeff: lnTeff, lnGravity: lnG, hydrogen: composition.hydrogen, helium: composition.helium,
                        lnP: log(b.pressure), dLnPdLnTeff: b.dLnPressure_dLnTeff,
                        dLnPdLnGravity: b.dLnPressure_dLnGravity)
    }

    /// The atmosphere integrated at (T_eff [K], g [cm s⁻²]) with this surface's composition: P_ph and its derivatives.
    func integrate(effectiveTemperature teff: Double, gravity g: Double) throws -> AtmosphereBoundary {
        let comp = composition.eos, w = composition.weights, eos = gasEOS, tables = physics.micro.opacities
        let lowestLogR = tables.logRRange.lowerBound
        return try integrator.boundary(
            effectiveTemperature: teff, gravity: g,
            density: { pGas, t in try Self.density(eos, pGas: pGas, temperature: t, composition: comp) },
            opacity: { rho, t in
                // The top of a metal-poor giant's atmosphere (τ ~ 10⁻⁵, log g ≈ 1) lies below the tables' lowest
                // log R = −8: κ is taken at that edge there (those layers carry < 10⁻⁴ of P_ph).
                let logT = log10(t), logRho = max(log10(rho), lowestLogR + 3 * logT - 18 + 1e-12)
                return try tables.radiative(logRho: logRho, logT: logT, weights: w).kappa
            })
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

    /// ln P_ph at (ln L, ln R) and the current mass from the anchored linearisation (`update` first).
    @inline(__always) func lnPressure(lnL: Double, lnR: Double) -> Double {
        guard let a = anchor else { return .nan }
        let lnTeff = 0.25 * (lnL - 2 * lnR - Self.lnFourPiSigma)
        let lnG = log(CGS.gravitational * mass) - 2 * lnR
        return a.lnP + a.dLnPdLnTeff * (lnTeff - a.lnTeff) + a.dLnPdLnGravity * (lnG - a.lnGravity)
    }
}
