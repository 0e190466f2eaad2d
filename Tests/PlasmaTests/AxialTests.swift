import Foundation
import GSL
import TestSupport
import Testing
@testable import Plasma

/// The axial polarisation function (derived in Docs/plasma.md §4): exact static limits and the
/// long-wavelength limit through the code path.
@Suite("Axial polarisation")
struct AxialTests {
    /// Π_A(ω, k)/(2α/π) at general ω, k from the derived formula, with the real part of L for vk > ω.
    func formula(omega: Double, k: Double, mu: Double, theta: Double) throws -> Double {
        let q = try Quadrature()
        let k2 = omega * omega - k * k
        let pMax = max(mu, 1) + 60 * theta
        let edge = mu > 1 ? (mu * mu - 1).squareRoot() : 0.5
        // Where v k = ω (p_s ≈ ω/k → 0) the bracket has a principal-value pole; for ω → 0 the integrand is
        // ≈ −(f₋ − f₊) away from it, so starting at 3p_s omits ≈ 3p_s/p_F (5e-5 here) of the result.
        let vs = omega / k, ps = vs / (1 - vs * vs).squareRoot()
        let parts = [3 * ps, edge, (pMax * pMax - 1).squareRoot()].sorted()
        var sum = 0.0
        for (a, b) in zip(parts, parts.dropFirst()) {
            sum += try q.integrateSingular({ p in
                let e = (1 + p * p).squareRoot(), v = p / e, x = v * k / omega
                let l = 0.5 / x * log(abs((1 + x) / (1 - x)))
                guard l.isFinite else { return 0 }   // the integrable log point itself (measure zero)
                return p * p / (e * e) * fermiDifference(x: e / theta, a: mu / theta)
                    * (l - k2 / (omega * omega - v * v * k * k))
            }, from: a, to: b, absoluteTolerance: 1e-14, relativeTolerance: 1e-10).value
        }
        return -(k2 / (k * k)) * sum
    }

    @Test("static limit ω → 0: Π_A = −(2α/π)∫(f₋ − f₊)dp — Pauli paramagnetism e p_F B/(2π²) for a degenerate gas")
    func pauli() throws {
        let mu = 1.2, theta = 1e-4, pF = (mu * mu - 1).squareRoot()
        let value = try formula(omega: 1e-7, k: 0.01, mu: mu, theta: theta)
        #expect(isClose(value, -pF, rel: 1e-4))
    }

    @Test("static limit for nearly massless fermions: the chiral-separation coefficient eμ/(2π²)")
    func chiralSeparation() throws {
        // μ, T ≫ mₑ: ∫(f₋ − f₊)dp → μ; Π_A(0, k) = −(2α/π)μ ⇔ j_A = (eμ/2π²) B.
        let mu = 400.0, theta = 50.0
        let value = try formula(omega: 1e-6, k: 1, mu: mu, theta: theta)
        #expect(isClose(value, -mu, rel: 1e-3))
    }

    @Test("long wavelength through the code path: Π_A → −(2α/π)∫(p²/E²)(1 − 2v²/3)(f₋ − f₊)dp")
    func longWavelength() throws {
        let gas = try ElectronGas.state(density: 1e6, temperature: 1e8, electronFraction: 0.5)
        let me = PhysicalConstants.electronMass_keV
        let mu = gas.chemicalPotential_keV / me, theta = gas.kT_keV / me
        let kernel = AxialKernel(mu: mu, theta: theta, omegaP_keV: gas.omegaP_keV)
        let q = try Quadrature()
        let p0 = (mu * mu - 1).squareRoot()
        var moment = 0.0
        for (a, b) in [(0.0, p0), (p0, p0 + 2)] {
            moment += try q.integrate({ p in
                let e2 = 1 + p * p, v2 = p * p / e2
                return p * p / e2 * (1 - 2 * v2 / 3) * fermiDifference(x: e2.squareRoot() / theta, a: mu / theta)
            }, from: a, to: b, relativeTolerance: 1e-12).value
        }
        let expected = -2 * PhysicalConstants.fineStructure / Double.pi * me / gas.omegaP_keV * moment
        #expect(isClose(kernel.value(t: 1e-4, oneMinusT2: 1 - 1e-8), expected, rel: 1e-6))
        // Adaptive reference of the full t-dependence against the kernel at finite t.
        for t in [0.3, 0.9, 0.999] {
            let ref = try axialPolarizationAdaptive(t: t, oneMinusT2: 1 - t * t, mu: mu, theta: theta, omegaP_keV: gas.omegaP_keV)
            #expect(isClose(kernel.value(t: t, oneMinusT2: 1 - t * t), ref, rel: 1e-8))
        }
    }
}
