import Foundation
import Constants

/// The photospheric boundary condition from a T(τ) relation: integrates hydrostatic equilibrium
/// dP/dτ = g/κ (KWW 2012 ch. 10; P total, τ the Rosseland optical depth, g constant across the thin
/// atmosphere) from a small τ_top down to the base τ_b, with T(τ) given by the relation.
///
/// The opacity and equation of state are the caller's: `density(P_gas, T)` → ρ and `opacity(ρ, T)` → κ
/// (composition fixed inside the closures); an error a closure throws propagates unchanged. P_gas = P − aT⁴/3
/// when `includeRadiationPressure` (radiation in LTE, the grey diffusion value; MESA's `atm_T_tau_varying` makes
/// the same split), otherwise P_gas = P.
///
/// Numerics. The variable is y = ln P against s = ln τ: dy/ds = τ g/(κ P), which tends to 1/(1+a) for κ ∝ P_gas^a
/// at the top, so it is smooth over the many decades of τ (a linear-τ integration from τ = 0 is singular there
/// when a > 0, as for H⁻). Classical fourth-order Runge–Kutta with `steps` fixed steps: fixed, not adaptive, so
/// that P_b is a smooth function of (T_eff, g) and the finite-difference derivatives for the Henyey Jacobian are
/// clean (an adaptive step controller makes P_b piecewise-smooth). The top gas pressure solves
/// P_gas = (1+a) τ_top (g/κ(P_gas) − σT_eff⁴(1+q′)/c) — the exact small-τ solution for κ ∝ P_gas^a at the top
/// temperature, with the radiative acceleration of the grey flux (a = ∂ln κ/∂ln P_gas from a difference) — so
/// the start error is O(τ_top) relative in P at τ_top and O(τ_top²/τ_b) at the base.
public struct AtmosphereIntegrator: Sendable {
    public var relation: TauRelation
    /// Base optical depth; nil means where T = T_eff (2/3 for Eddington, 0.3122 for Krishna Swamy).
    public var tauBase: Double?
    /// Optical depth where the integration starts.
    public var tauTop: Double
    /// Number of RK4 steps in ln τ.
    public var steps: Int
    public var includeRadiationPressure: Bool
    /// Step in ln T_eff and ln g of the central differences for the derivatives.
    public var derivativeStep: Double

    public init(relation: TauRelation = .eddington, tauBase: Double? = nil, tauTop: Double = 1e-6,
                steps: Int = 200, includeRadiationPressure: Bool = true, derivativeStep: Double = 1e-4) {
        self.relation = relation
        self.tauBase = tauBase
        self.tauTop = tauTop
        self.steps = steps
        self.includeRadiationPressure = includeRadiationPressure
        self.derivativeStep = derivativeStep
    }

    /// The base optical depth in use.
    public var resolvedTauBase: Double { tauBase ?? relation.photosphericTau }

    /// P, P_gas and T at the base with ∂/∂ln T_eff and ∂/∂ln g (central differences of four more integrations;
    /// T_b = T_eff·[¾(τ_b + q(τ_b))]^{1/4} has analytic derivatives 1 and 0).
    public func boundary(effectiveTemperature teff: Double, gravity g: Double,
                         density: (_ gasPressure: Double, _ temperature: Double) throws -> Double,
                         opacity: (_ density: Double, _ temperature: Double) throws -> Double) throws -> AtmosphereBoundary {
        let base = try integrate(effectiveTemperature: teff, gravity: g, density: density, opacity: opacity)
        let h = derivativeStep
        let pTp = try integrate(effectiveTemperature: teff * exp(h), gravity: g, density: density, opacity: opacity)
        let pTm = try integrate(effectiveTemperature: teff * exp(-h), gravity: g, density: density, opacity: opacity)
        let pGp = try integrate(effectiveTemperature: teff, gravity: g * exp(h), density: density, opacity: opacity)
        let pGm = try integrate(effectiveTemperature: teff, gravity: g * exp(-h), density: density, opacity: opacity)
        return AtmosphereBoundary(
            tau: resolvedTauBase, pressure: base.pressure, gasPressure: base.gasPressure,
            temperature: base.temperature,
            dLnPressure_dLnTeff: log(pTp.pressure / pTm.pressure) / (2 * h),
            dLnPressure_dLnGravity: log(pGp.pressure / pGm.pressure) / (2 * h),
            dLnTemperature_dLnTeff: 1, dLnTemperature_dLnGravity: 0)
    }

    /// P, P_gas and T at the base (no derivatives).
    public func integrate(effectiveTemperature teff: Double, gravity g: Double,
                          density: (_ gasPressure: Double, _ temperature: Double) throws -> Double,
                          opacity: (_ density: Double, _ temperature: Double) throws -> Double)
    throws -> (pressure: Double, gasPressure: Double, temperature: Double) {
        guard teff > 0 && teff < .infinity else {
            throw AtmosphereError.outOfDomain(quantity: "T_eff", value: teff, domain: "(0, ∞) K")
        }
        guard g > 0 && g < .infinity else {
            throw AtmosphereError.outOfDomain(quantity: "g", value: g, domain: "(0, ∞) cm s⁻²")
        }
        let tauB = resolvedTauBase
        guard tauB > 0 && tauB < .infinity else {
            throw AtmosphereError.outOfDomain(quantity: "τ_base", value: tauB, domain: "(0, ∞)")
        }
        guard tauTop > 0 && tauTop < tauB else {
            throw AtmosphereError.outOfDomain(quantity: "τ_top", value: tauTop, domain: "(0, τ_base = \(tauB))")
        }
        guard steps >= 1 else {
            throw AtmosphereError.outOfDomain(quantity: "steps", value: Double(steps), domain: "≥ 1")
        }
        let radiationA = includeRadiationPressure ? CGS.radiation / 3 : 0
        let teff4 = teff * teff * teff * teff
        let relation = self.relation

        // Top: solve F(u) = u − ln[(1+a) τ_top (g/κ − g_rad/κ)] = 0 for u = ln P_gas, g_rad/κ = σT_eff⁴(1+q′)/c.
        let tTop = teff * relation.temperatureRatio(tauTop)
        let radiativeTerm = includeRadiationPressure
            ? CGS.stefanBoltzmann * teff4 * (1 + relation.dqdtau(tauTop)) / CGS.speedOfLight : 0
        func kappaAt(_ u: Double) throws -> Double {
            let rho = try density(exp(u), tTop)
            let kappa = try opacity(rho, tTop)
            guard rho > 0 && rho < .infinity && kappa > 0 && kappa < .infinity else {
                throw AtmosphereError.integrationFailed(
                    tau: tauTop, reason: "closure gave ρ = \(rho), κ = \(kappa) at P_gas = \(exp(u)), T = \(tTop)")
            }
            return kappa
        }
        var u = log(g * tauTop)
        var converged = false
        let du = 1e-3
        // a is re-estimated until the steps are small, then frozen (its difference noise would otherwise keep
        // the last digits moving and make P_b a noisy function of T_eff and g).
        var frozenA: Double? = nil
        for _ in 0..<100 {
            let k0 = try kappaAt(u)
            let a = try frozenA ?? (log(kappaAt(u + du)) - log(k0)) / du
            let gEff = g / k0 - radiativeTerm
            guard gEff > 0 else {
                throw AtmosphereError.integrationFailed(
                    tau: tauTop, reason: "g/κ = \(g / k0) ≤ σT_eff⁴/c = \(radiativeTerm): radiation exceeds gravity")
            }
            guard 1 + a > 0 else {
                throw AtmosphereError.integrationFailed(
                    tau: tauTop, reason: "∂ln κ/∂ln P_gas = \(a) ≤ −1: no hydrostatic top layer")
            }
            let f = u - log((1 + a) * tauTop * gEff)
            let df = 1 + a * (g / k0) / gEff
            var step = f / max(df, 0.1)
            step = min(max(step, -5), 5)
            u -= step
            if abs(step) < 1e-13 { converged = true; break }
            if abs(step) < 1e-7 && frozenA == nil { frozenA = a }
        }
        guard converged else {
            throw AtmosphereError.integrationFailed(tau: tauTop, reason: "top gas pressure did not converge")
        }

        // dy/ds with y = ln P, s = ln τ.
        func rhs(_ s: Double, _ y: Double) throws -> Double {
            let tau = exp(s)
            let t = teff * relation.temperatureRatio(tau)
            let p = exp(y)
            let t2 = t * t
            let pGas = p - radiationA * t2 * t2
            guard pGas > 0 else {
                throw AtmosphereError.integrationFailed(tau: tau, reason: "P_gas = \(pGas) ≤ 0 (radiation pressure exceeds P)")
            }
            let rho = try density(pGas, t)
            let kappa = try opacity(rho, t)
            guard rho > 0 && rho < .infinity && kappa > 0 && kappa < .infinity else {
                throw AtmosphereError.integrationFailed(tau: tau, reason: "closure gave ρ = \(rho), κ = \(kappa) at P_gas = \(pGas), T = \(t)")
            }
            return tau * g / (kappa * p)
        }
        let t2Top = tTop * tTop
        var y = log(exp(u) + radiationA * t2Top * t2Top)
        let s0 = log(tauTop), s1 = log(tauB)
        let h = (s1 - s0) / Double(steps)
        for i in 0..<steps {
            let s = s0 + Double(i) * h
            let k1 = try rhs(s, y)
            let k2 = try rhs(s + 0.5 * h, y + 0.5 * h * k1)
            let k3 = try rhs(s + 0.5 * h, y + 0.5 * h * k2)
            let k4 = try rhs(s + h, y + h * k3)
            y += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6
        }
        let tB = teff * relation.temperatureRatio(tauB)
        let p = exp(y)
        let t2B = tB * tB
        return (p, p - radiationA * t2B * t2B, tB)
    }
}
