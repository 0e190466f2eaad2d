import Foundation
import Testing
import Constants
@testable import EnvelopePhysics

/// Ideal gas ρ = μ m_u P_gas/(kT).
func atmosphereIdealGasDensity(mu: Double) -> (Double, Double) -> Double {
    { p, t in mu * CGS.atomicMassUnit * p / (CGS.boltzmann * t) }
}

@Suite struct AtmosphereIntegratorTests {
    let g = 1e4, teff = 5000.0

    @Test func tauRelations() {
        // Eddington: T = T_eff at τ = 2/3 exactly.
        #expect(TauRelation.eddington.temperatureRatio(2.0 / 3.0) == 1)
        #expect(TauRelation.eddington.photosphericTau == 2.0 / 3.0)
        // Krishna Swamy: T = T_eff at MESA's tau_base = 0.3121563 (atm_T_tau_relations.f90).
        let ks = TauRelation.krishnaSwamy
        #expect(abs(ks.photosphericTau - 0.3121563) < 5e-8)
        #expect(abs(ks.temperatureRatio(ks.photosphericTau) - 1) < 1e-15)
        // q′ against a difference.
        let h = 1e-6
        #expect(abs((ks.q(0.1 + h) - ks.q(0.1 - h)) / (2 * h) - ks.dqdtau(0.1)) < 1e-8)
    }

    /// κ constant: P = gτ/κ exactly without radiation; with it, P = gτ/κ + (2/3)σT_eff⁴/c and
    /// P_gas = (g/κ − σT_eff⁴/c)τ for the Eddington relation.
    @Test(arguments: TauRelation.allCases)
    func constantOpacityClosedForm(relation: TauRelation) throws {
        let kappa = 0.3
        let noRad = AtmosphereIntegrator(relation: relation, includeRadiationPressure: false)
        let b = try noRad.boundary(effectiveTemperature: teff, gravity: g,
                                   density: atmosphereIdealGasDensity(mu: 1.3), opacity: { _, _ in kappa })
        let tau = relation.photosphericTau
        #expect(abs(b.pressure / (g * tau / kappa) - 1) < 1e-12)
        #expect(abs(b.temperature / teff - 1) < 1e-14)
        #expect(abs(b.dLnPressure_dLnGravity - 1) < 1e-8 && abs(b.dLnPressure_dLnTeff) < 1e-8)
        if relation == .eddington {
            // Not exact under RK4 (dln P/dln τ is no longer constant): converged with 4000 steps.
            let rad = AtmosphereIntegrator(relation: relation, steps: 4000)
            let teffHot = 3e4
            let r = try rad.integrate(effectiveTemperature: teffHot, gravity: g,
                                      density: atmosphereIdealGasDensity(mu: 0.6), opacity: { _, _ in kappa })
            let s = CGS.stefanBoltzmann * pow(teffHot, 4) / CGS.speedOfLight
            #expect(abs(r.pressure / (g * tau / kappa + 2 * s / 3) - 1) < 1e-12)
            #expect(abs(r.gasPressure / ((g / kappa - s) * tau) - 1) < 1e-12)
        }
    }

    /// κ = κ₀ P^a T^b with the Eddington T(τ) and no radiation pressure:
    /// P^{1+a}(τ) = (1+a)(g/κ₀)(¾T_eff⁴)^{−b/4}[(τ+⅔)^{1−b/4} − (⅔)^{1−b/4}]/(1 − b/4).
    @Test func powerLawOpacityClosedForm() throws {
        let a = 0.5, b = 8.5, k0 = 1e-36
        func closed(_ teff: Double, _ g: Double, _ tau: Double) -> Double {
            let e = 1 - b / 4
            let integral = pow(0.75 * pow(teff, 4), -b / 4) * (pow(tau + 2.0 / 3.0, e) - pow(2.0 / 3.0, e)) / e
            return pow((1 + a) * g / k0 * integral, 1 / (1 + a))
        }
        let mu = 1.3
        let opacity = { (rho: Double, t: Double) -> Double in
            let p = rho * CGS.boltzmann * t / (mu * CGS.atomicMassUnit)
            return k0 * pow(p, a) * pow(t, b)
        }
        var errors: [Int: Double] = [:]
        for steps in [50, 200, 800] {
            let integ = AtmosphereIntegrator(relation: .eddington, steps: steps, includeRadiationPressure: false)
            let r = try integ.integrate(effectiveTemperature: teff, gravity: g,
                                        density: atmosphereIdealGasDensity(mu: mu), opacity: opacity)
            errors[steps] = abs(r.pressure / closed(teff, g, 2.0 / 3.0) - 1)
        }
        print("power-law κ: relative error of P(τ=2/3) for 50/200/800 RK4 steps:", errors[50]!, errors[200]!, errors[800]!)
        #expect(errors[200]! < 1e-8)
        #expect(errors[800]! < 1e-10)
        // Derivatives: P ∝ g^{1/(1+a)} T_eff^{−b/(1+a)}.
        let bnd = try AtmosphereIntegrator(relation: .eddington, includeRadiationPressure: false)
            .boundary(effectiveTemperature: teff, gravity: g, density: atmosphereIdealGasDensity(mu: mu), opacity: opacity)
        #expect(abs(bnd.dLnPressure_dLnGravity - 1 / (1 + a)) < 1e-7)
        #expect(abs(bnd.dLnPressure_dLnTeff + b / (1 + a)) < 1e-6)
        // (L, R, M) chain: ∂ln P/∂ln R = −½∂/∂ln T_eff − 2∂/∂ln g.
        #expect(abs(bnd.dLnPressure_dLnR - (0.5 * b - 2) / (1 + a)) < 1e-6)
        #expect(abs(bnd.dLnPressure_dLnL + 0.25 * b / (1 + a)) < 1e-6)
    }

    @Test func krishnaSwamyConverges() throws {
        let opacity = { (rho: Double, t: Double) -> Double in 2.5e-31 * rho.squareRoot() * pow(t, 9) }
        var last = 0.0
        var diffs: [Double] = []
        for steps in [100, 400, 1600] {
            let r = try AtmosphereIntegrator(relation: .krishnaSwamy, steps: steps)
                .integrate(effectiveTemperature: 4500, gravity: 100, density: atmosphereIdealGasDensity(mu: 1.3), opacity: opacity)
            if last > 0 { diffs.append(abs(r.pressure / last - 1)) }
            last = r.pressure
        }
        #expect(diffs[1] < 1e-9 && diffs[1] < diffs[0])
    }

    @Test func badInputsAndSuperEddington() {
        let integ = AtmosphereIntegrator()
        #expect(throws: AtmosphereError.self) {
            _ = try integ.integrate(effectiveTemperature: -5, gravity: 1e4, density: atmosphereIdealGasDensity(mu: 1),
                                    opacity: { _, _ in 1 })
        }
        // g/κ below σT_eff⁴/c: radiation outweighs gravity.
        do {
            _ = try integ.integrate(effectiveTemperature: 5e4, gravity: 1, density: atmosphereIdealGasDensity(mu: 0.6),
                                    opacity: { _, _ in 0.34 })
            Issue.record("expected a super-Eddington failure")
        } catch let AtmosphereError.integrationFailed(_, reason) {
            #expect(reason.contains("radiation"))
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: AtmosphereError.self) {
            _ = try AtmosphereIntegrator(tauTop: 1).integrate(effectiveTemperature: 5000, gravity: 1e4,
                                                               density: atmosphereIdealGasDensity(mu: 1), opacity: { _, _ in 1 })
        }
    }
}
