import Foundation
import GSL
import TestSupport
import Testing
@testable import Plasma

/// Absolute emissivities in the classical limit v* → 0, computed here independently of the module
/// (its rate assembly, dispersion and residues): there G_T = G_L = 1 and Z_T = Z_ε = 1, so
///   transverse:   ω² = k² + ωp²,  Z_T K^(2n) = ωp^(2n)
///   longitudinal: ω = ωp for k ≤ ωp,  Z_L K^(2n) = ωp² (ωp² − k²)^(n−1)
/// and Q = Σ_pol ∫ d³k/(2π)³ ω Γ n_B with Γ per plasmon as in Docs/plasma.md §3. A wrong prefactor,
/// polarisation count or unit conversion fails here (mutations ×2 of any channel were not caught before).
@Suite("Absolute rates, v* → 0")
struct AbsoluteRateTests {
    let alpha = 1 / 137.035_999_084, gf = 1.166_378_8e-17   // keV⁻²
    let keV5 = 1.602_176_634e-9 / (pow(1.973_269_804e-8, 3) * 6.582_119_569e-19)  // keV⁵ → erg cm⁻³ s⁻¹

    @Test("vector, magnetic and millicharge, T and L, to 1e-4 (v*² ≈ 3e-5 corrections)")
    func classicalLimit() throws {
        let nu = try NeutrinoProperties(mu12: 1, millicharge: 1e-14)
        let p = try PlasmonDecay.point(density: 1e-3, temperature: 3e4, electronFraction: 1, neutrino: nu)
        #expect(p.gas.vStar < 0.01)
        let wp = p.gas.omegaP_keV, kT = p.gas.kT_keV
        let mu = 1e-12 * (4 * Double.pi * alpha).squareRoot() / (2 * 510.998_950_00), q = 1e-14
        let sumCV2 = pow(0.5 + 2 * 0.2319, 2) + 2 * pow(2 * 0.2319 - 0.5, 2)
        let quad = try Quadrature()
        func nB(_ w: Double) -> Double { 1 / expm1(w / kT) }
        // Transverse: ∫₀^∞ k² n_B(√(k² + ωp²)) dk (two polarisations in the prefactors below).
        let iT = try quad.integrate({ k in k * k * nB((k * k + wp * wp).squareRoot()) }, fromToInfinity: 0,
                                    relativeTolerance: 1e-10).value
        let nBp = nB(wp)
        // Longitudinal: n_B(ωp) ∫₀^ωp k² ωp² (ωp² − k²)^(n−1) dk = n_B ωp^(2n+3) × {1/3, 2/15, 8/105}.
        let expected: [(String, Double, Double)] = [
            ("vector T", sumCV2 * gf * gf / (48 * pow(Double.pi, 4) * alpha) * pow(wp, 6) * iT * keV5, p.rates.vectorTransverse),
            ("vector L", sumCV2 * gf * gf / (96 * pow(Double.pi, 4) * alpha) * pow(wp, 9) * 8 / 105 * nBp * keV5, p.rates.vectorLongitudinal),
            ("magnetic T", mu * mu / (24 * pow(Double.pi, 3)) * pow(wp, 4) * iT * keV5, p.rates.magneticTransverse),
            ("magnetic L", mu * mu / (48 * pow(Double.pi, 3)) * pow(wp, 7) * 2 / 15 * nBp * keV5, p.rates.magneticLongitudinal),
            ("charge T", q * q * alpha / (3 * Double.pi * Double.pi) * pow(wp, 2) * iT * keV5, p.rates.chargeTransverse),
            ("charge L", q * q * alpha / (6 * Double.pi * Double.pi) * pow(wp, 5) / 3 * nBp * keV5, p.rates.chargeLongitudinal),
        ]
        for (name, e, got) in expected {
            #expect(isClose(got, e, rel: 1e-4), "\(name): \(got) vs \(e)")
        }
    }
}
