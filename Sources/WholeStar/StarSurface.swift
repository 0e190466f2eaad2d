import Constants
import EnvelopePhysics
import Foundation

/// The photospheric boundary: T = T_eff and P = P_ph(T_eff, g) at τ = 2/3 of the Eddington grey T(τ) relation,
/// from the hydrostatic integration of the atmosphere above (`AtmosphereIntegrator`, KWW 2012 ch. 10;
/// MESA I §5.3 "atm_option = T_tau"), with the star's own EOS and radiative opacity; T_eff = (L/(4πσR²))^¼ and
/// g = GM/R².
///
/// P_ph is a quadratic in ln T_eff and ln g about an anchor where the atmosphere was integrated,
/// ln P_ph = ln P_a + P_T Δ_T + P_g Δ_g + ½ P_TT Δ_T² + P_Tg Δ_T Δ_g + ½ P_gg Δ_g² (Δ_T = Δln T_eff, Δ_g = Δln g), its
/// coefficients from seven integrations (the anchor, ±h_T, ±h_g and the corners ±(h_T, h_g): central first, second and
/// cross differences; h half the box), and the anchor is kept while the iterate stays inside a
/// trust box around it (|Δ_T| ≤ `anchorRadiusLnTeff`, |Δ_g| ≤ `anchorRadiusLnGravity`, surface X and Y within
/// `anchorCompositionTolerance`). The error inside the box is third order; `StarTrackPiecesTests.anchoredAtmosphere`
/// measures it at the box's corners for a dwarf and three giant atmospheres: ≤ 2.7 × 10⁻⁵ in ln P_ph. The quadratic
/// matters: at 3000 K (molecular opacity) ∂ln P/∂ln T_eff = +7.3 and ∂²ln P/∂ln T_eff ∂ln g ≈ 15, so a linear model
/// errs by 4 × 10⁻⁴ already at (0.002, 0.01). Why: each integration is a 60-step RK4 pass, ~240 EOS inversions; at
/// every Newton iterate the five of a linearisation took 59 % of a main-sequence run, while on the upper RGB ln g
/// falls by ~0.004 and ln T_eff by ~10⁻⁴ per step, so one anchor serves ~10 steps.
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
        var lnP: Double, pT: Double, pG: Double, pTT: Double, pTG: Double, pGG: Double
    }
    private(set) var anchor: Anchor?
    /// Integrations done (for the benchmark and the tests).
    private(set) var integrations = 0

    /// The trust box of the anchored linearisation (see the type's comment).
    static let anchorRadiusLnTeff = 0.005, anchorRadiusLnGravity = 0.05, anchorCompositionTolerance = 1e-4
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
        let hT = 0.5 * Self.anchorRadiusLnTeff, hG = 0.5 * Self.anchorRadiusLnGravity
        func p(_ dT: Double, _ dG: Double) throws -> Double {
            try log(pressure(effectiveTemperature: exp(lnTeff + dT), gravity: exp(lnG + dG)))
        }
        let p0 = try p(0, 0), pTp = try p(hT, 0), pTm = try p(-hT, 0), pGp = try p(0, hG), pGm = try p(0, -hG)
        let pPP = try p(hT, hG), pMM = try p(-hT, -hG)
        integrations += 1
        anchor = Anchor(lnTeff: lnTeff, lnGravity: lnG, hydrogen: composition.hydrogen, helium: composition.helium,
                        lnP: p0, pT: (pTp - pTm) / (2 * hT), pG: (pGp - pGm) / (2 * hG),
                        pTT: (pTp - 2 * p0 + pTm) / (hT * hT), pTG: (pPP - pTp - pGp + 2 * p0 - pTm - pGm + pMM) / (2 * hT * hG),
                        pGG: (pGp - 2 * p0 + pGm) / (hG * hG))
    }

    /// P_ph (dyn cm⁻²) from one integration of the atmosphere at (T_eff [K], g [cm s⁻²]).
    func pressure(effectiveTemperature teff: Double, gravity g: Double) throws -> Double {
        let comp = try composition.eos(), w = composition.weights, eos = gasEOS, tables = physics.micro.opacities
        let lowestLogR = tables.logRRange.lowerBound
        return try integrator.integrate(
            effectiveTemperature: teff, gravity: g,
            density: { pGas, t in try Self.density(eos, pGas: pGas, temperature: t, composition: comp) },
            opacity: { rho, t in
                let logT = log10(t), logRho = max(log10(rho), lowestLogR + 3 * logT - 18 + 1e-12)
                return try tables.radiative(logRho: logRho, logT: logT, weights: w).kappa
            }).pressure
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

    /// ln P_ph at (ln L, ln R) and the current mass from the anchor's quadratic (`update` first).
    @inline(__always) func lnPressure(lnL: Double, lnR: Double) -> Double {
        guard let a = anchor else { return .nan }
        let dT = 0.25 * (lnL - 2 * lnR - Self.lnFourPiSigma) - a.lnTeff
        let dG = log(CGS.gravitational * mass) - 2 * lnR - a.lnGravity
        return a.lnP + a.pT * dT + a.pG * dG + 0.5 * a.pTT * dT * dT + a.pTG * dT * dG + 0.5 * a.pGG * dG * dG
    }
}
