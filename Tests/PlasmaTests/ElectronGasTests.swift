import Foundation
import GSL
import TestSupport
import Testing
@testable import Plasma

/// Electron gas: known limits and the fast (Gauss) solver against the adaptive reference.
@Suite("Electron gas")
struct ElectronGasTests {
    let alpha = PhysicalConstants.fineStructure
    let me = PhysicalConstants.electronMass_keV

    /// ωp² (keV²) and n (cm⁻³) helpers.
    func nDimensionless(_ s: ElectronGasState) -> Double {
        let l = PhysicalConstants.hbarC_keV_cm / me
        return (s.electronDensity_cm3 - s.positronDensity_cm3) * l * l * l   // (n λ_C³)
    }

    @Test("charge neutrality: n₋ − n₊ = ρYₑ/m_u", arguments: [(1.0, 1e7), (1e6, 1e8), (1e10, 3e9), (1.0, 3e9), (1e3, 1e5)])
    func neutrality(rho: Double, t: Double) throws {
        let s = try ElectronGas.state(density: rho, temperature: t, electronFraction: 0.5)
        let n = rho * 0.5 / PhysicalConstants.atomicMassUnit_g
        // n₋ and n₊ are reported separately; their difference cancels by (n₋ + n₊)/n in the test itself.
        let cancellation = (s.electronDensity_cm3 + s.positronDensity_cm3) / n
        #expect(isClose(s.electronDensity_cm3 - s.positronDensity_cm3, n, rel: 1e-12 * cancellation + 1e-11))
    }

    @Test("fast Gauss panels agree with adaptive quadrature to 1e-10 (μ, ωp, ω₁)",
          arguments: [(1.0, 1e7), (1e6, 1e8), (1e4, 5e7), (1e10, 1e7), (1e10, 3e9), (1.0, 3e9), (1e-6, 1e9), (1e13, 1e6)])
    func gaussAgainstAdaptive(rho: Double, t: Double) throws {
        let a = try ElectronGas.state(density: rho, temperature: t, electronFraction: 0.5)
        let b = try ElectronGas.state(density: rho, temperature: t, electronFraction: 0.5, method: .adaptive)
        #expect(isClose(a.chemicalPotential_keV, b.chemicalPotential_keV, rel: 1e-10))
        #expect(isClose(a.omegaP_keV, b.omegaP_keV, rel: 1e-10))
        #expect(isClose(a.omega1_keV, b.omega1_keV, rel: 1e-10))
        #expect(abs(a.positronDensity_cm3 - b.positronDensity_cm3) <= 1e-9 * b.positronDensity_cm3 + 1e-300)
    }

    @Test("classical limit: ωp² → 4παnₑ/mₑ (1 − O(θ)), v*² → 5θ")
    func classical() throws {
        for t in [1e5, 1e6, 1e7] {
            let s = try ElectronGas.state(density: 1e-9, temperature: t, electronFraction: 0.5)
            let theta = s.kT_keV / me
            let n = nDimensionless(s) // n λ_C³ ; ωp² classical = 4πα n/mₑ → (ωp/mₑ)² = 4πα n λ_C³
            let classical = 4 * Double.pi * alpha * n
            let ratio = pow(s.omegaP_keV / me, 2) / classical
            #expect(isClose(ratio, 1, rel: 3 * theta), "θ = \(theta), ratio \(ratio)")
            #expect(isClose(s.vStar * s.vStar, 5 * theta, rel: 10 * theta))
            #expect(s.degeneracy < -5)
        }
    }

    /// T = 0 integrals by an independent quadrature (no Fermi function): ωp² = (4α/π)∫₀^{p_F}(p²/E)(1 − v²/3)dp.
    func zeroTemperature(pF: Double) throws -> (wp2: Double, w12: Double) {
        let q = try Quadrature()
        let p = try q.integrate({ p in let e = (1 + p * p).squareRoot(); return p * p / e * (1 - p * p / (3 * e * e)) }, from: 0, to: pF).value
        let w = try q.integrate({ p in let e2 = 1 + p * p; let v2 = p * p / e2; return p * p / e2.squareRoot() * (5 * v2 / 3 - v2 * v2) }, from: 0, to: pF).value
        return (4 * alpha / Double.pi * p, 4 * alpha / Double.pi * w)
    }

    @Test("degenerate non-relativistic limit: T → 0 integrals, and ωp² → 4παn/mₑ as p_F → 0")
    func degenerateNonRelativistic() throws {
        let s = try ElectronGas.state(density: 2e2, temperature: 1e4, electronFraction: 1)
        let pF = cbrt(3 * Double.pi * Double.pi * nDimensionless(s))
        let zero = try zeroTemperature(pF: pF)
        #expect(isClose(pow(s.omegaP_keV / me, 2), zero.wp2, rel: 1e-6))
        #expect(isClose(s.chemicalPotential_keV / me, (1 + pF * pF).squareRoot(), rel: 1e-6))
        #expect(s.degeneracy > 50)
        // NR: ωp² = 4παn/mₑ up to O(p_F²); v*² = ω₁²/ωp² → (5/3)⟨v²⟩ = (5/3)(3/5)v_F² = v_F².
        #expect(isClose(pow(s.omegaP_keV / me, 2), 4 * Double.pi * alpha * nDimensionless(s), rel: pF * pF))
        #expect(isClose(s.vStar, pF, rel: pF * pF))
    }

    @Test("degenerate relativistic limit: ωp² → (4α/3π)μ², v* → 1")
    func degenerateRelativistic() throws {
        let s = try ElectronGas.state(density: 1e13, temperature: 1e7, electronFraction: 0.5)
        let pF = cbrt(3 * Double.pi * Double.pi * nDimensionless(s))
        let zero = try zeroTemperature(pF: pF)
        #expect(isClose(pow(s.omegaP_keV / me, 2), zero.wp2, rel: 1e-7))
        #expect(isClose(pow(s.omega1_keV / me, 2), zero.w12, rel: 1e-7))
        let mu = s.chemicalPotential_keV / me
        #expect(isClose(pow(s.omegaP_keV / me, 2), 4 * alpha / (3 * Double.pi) * mu * mu, rel: 2 / (pF * pF)))
        #expect(s.vStar > 0.999)
    }

    @Test("hot pair plasma: ωp² → 4παT²/9, n± → 3ζ(3)T³/(2π²)")
    func hotPairPlasma() throws {
        let s = try ElectronGas.state(density: 1e-6, temperature: 1e11, electronFraction: 0.5)
        let kT = s.kT_keV
        #expect(isClose(pow(s.omegaP_keV, 2), 4 * Double.pi * alpha * kT * kT / 9, rel: 0.01))
        let zeta3 = try SpecialFunctions.zeta(3)
        let nPair = 3 * zeta3 * pow(kT / PhysicalConstants.hbarC_keV_cm, 3) / (2 * Double.pi * Double.pi)
        #expect(isClose(s.positronDensity_cm3, nPair, rel: 0.01))
        #expect(isClose(s.electronDensity_cm3, s.positronDensity_cm3, rel: 1e-6))
        #expect(s.vStar > 0.99)
    }

    @Test("bad input: non-positive or non-finite ρ, T; Yₑ outside (0, 1] — errors name the parameter")
    func badInput() {
        for (rho, t, ye, name) in [(0.0, 1e8, 0.5, "density"), (-1.0, 1e8, 0.5, "density"), (.nan, 1e8, 0.5, "density"),
                                   (1e6, 0.0, 0.5, "temperature"), (1e6, .infinity, 0.5, "temperature"),
                                   (1e6, 1e8, 0.0, "ye"), (1e6, 1e8, 1.5, "ye"), (1e6, 1e8, .nan, "ye")] {
            do {
                _ = try ElectronGas.state(density: rho, temperature: t, electronFraction: ye)
                Issue.record("accepted \(rho), \(t), \(ye)")
            } catch let PlasmaError.outOfRange(parameter, _, _) {
                #expect(parameter == name)
            } catch { Issue.record("unexpected \(error)") }
        }
    }
}
