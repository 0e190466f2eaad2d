import Foundation
import TestSupport
import Testing
@testable import Microphysics

/// Coefficient-level checks: values from separate Python evaluations of the same published formulas
/// (written from the research notes, not from this code). A changed digit, sign or exponent in the
/// Swift transcription fails here; agreement is limited only by floating-point (1e-6).
/// Scripts: Tests/Scripts/triple_alpha.py, itoh_neutrinos.py (photo, pair), screening.py; the radiative
/// values are not scripted yet (Tests/Scripts/README.md).
@Suite("Transcriptions against independent evaluations")
struct TranscriptionTests {
    @Test("3α below T9 = 0.08 (CF88's low-temperature factor) and the NACRE low-T prefactor")
    func tripleAlphaLowT() {
        for (t9, cf, fy, na) in [(0.05, 6.0771e-37, 8.9620e-37, 9.9811e-37), (0.08, 7.6927e-29, 8.3297e-29, 9.9838e-29),
                                 (0.3, 4.3717e-13, 4.3838e-13, 4.6005e-13), (3.0, 2.3882e-10, 2.4358e-10, 3.9506e-10)] {
            #expect(isClose(TripleAlphaRate.cf88.rate(t9: t9), cf, rel: 1e-4), "CF88 \(t9)")
            #expect(isClose(TripleAlphaRate.fynbo2005.rate(t9: t9), fy, rel: 1e-4), "FY05 \(t9)")
            #expect(isClose(TripleAlphaRate.nacre.rate(t9: t9), na, rel: 1e-4), "NACRE \(t9)")
        }
    }

    @Test("photo-neutrinos on all three coefficient sets")
    func photo() {
        for (rho, t, q) in [(1e4, 5e7, 8.578406e+00), (1e6, 1.5e8, 4.051501e+05), (1e3, 5e8, 5.274803e+07),
                            (1e5, 2e9, 1.163201e+14)] {
            #expect(isClose(ItohNeutrinoFits.photo(density: rho, temperature: t, electronFraction: 0.5), q, rel: 1e-6),
                    "ρ=\(rho) T=\(t)")
        }
    }

    @Test("pair neutrinos")
    func pair() {
        for (rho, t, q) in [(1e4, 2e9, 7.323262e+17), (1e6, 5e9, 6.065393e+21), (1e2, 1e9, 9.041231e+13)] {
            #expect(isClose(ItohNeutrinoFits.pair(density: rho, temperature: t, electronFraction: 0.5), q, rel: 1e-6),
                    "ρ=\(rho) T=\(t)")
        }
    }

    @Test("radiative opacity: Compton + free–free Gaunt factor + non-additivity")
    func radiative() {
        for (rho, t, eta, k) in [(1e5, 5e7, 5.0, 8.470516e-01), (1e3, 1e8, -2.0, 1.771617e-01), (1e6, 1e8, 16.59, 8.304709e-01)] {
            #expect(isClose(RadiativeOpacity.opacity(density: rho, temperature: t, charge: 2, mass: 4, degeneracy: eta), k, rel: 1e-6))
        }
    }

    @Test("screening at ρ = 1e7, T = 1e8 (He): screen5 34.0 (strong branch), CDY07 35.7")
    func strongerScreening() throws {
        let s5 = try Screening.tripleAlphaEnhancement(density: 1e7, temperature: 1e8, composition: .helium, model: .screen5)
        let cdy = try Screening.tripleAlphaEnhancement(density: 1e7, temperature: 1e8, composition: .helium, model: .chugunov2007)
        #expect(isClose(s5, 34.0, rel: 0.01))
        #expect(isClose(cdy, 35.7, rel: 0.01))
    }

    @Test("CDY07 refuses T < 0.1 T_p naming T/T_p; ε₃α is 0 without helium, whatever the screening")
    func screeningRange() throws {
        do {
            _ = try Screening.tripleAlphaEnhancement(density: 1e12, temperature: 1e6, composition: .helium, model: .chugunov2007)
            Issue.record("accepted T < 0.1 T_p")
        } catch let MicrophysicsError.outOfRange(parameter, _, _) {
            #expect(parameter.contains("T/T_p"))
        }
        let carbon = try Composition(species: [(1, 6, 12)])
        #expect(try TripleAlpha.energyGeneration(density: 1e12, temperature: 1e6, composition: carbon) == 0)
    }
}

@Suite("Mixtures and validity ranges")
struct MixtureTests {
    @Test("Blouin correction fades to none between Z̄ = 2 and 3 (never amplifies κ); Z̄ = 2.5 ≈ 0.73 as in MESA")
    func blouinMixture() {
        let f = ConductiveOpacity.blouinFactor(density: 1e5, temperature: 1e8, charge: 2.5)
        #expect(abs(f - 0.728) < 0.01)
        for z in [1.0, 1.5, 2.0, 2.5, 2.99, 3.0, 6.0] {
            for (rho, t) in [(1e5, 1e8), (1e7, pow(10, 9.5)), (1e3, 1e7)] {
                let g = ConductiveOpacity.blouinFactor(density: rho, temperature: t, charge: z)
                #expect(g > 0 && g <= 1, "Z̄=\(z) ρ=\(rho) T=\(t): \(g)")
            }
        }
        #expect(ConductiveOpacity.blouinFactor(density: 1e5, temperature: 1e8, charge: 3) == 1)
    }

    @Test("mixtures use ⟨Z²⟩: conductive and free–free opacities grow with it at fixed Z̄, Ā")
    func meanChargeSquared() throws {
        let pure = try ConductiveOpacity.opacity(density: 1e6, temperature: 1e8, charge: 2.5, mass: 5)
        let same = try ConductiveOpacity.opacity(density: 1e6, temperature: 1e8, charge: 2.5, mass: 5, meanChargeSquared: 6.25)
        let mixed = try ConductiveOpacity.opacity(density: 1e6, temperature: 1e8, charge: 2.5, mass: 5, meanChargeSquared: 9)
        #expect(pure == same)
        #expect(mixed > pure)   // more collisions: lower conductivity, higher conductive opacity
        let ffPure = RadiativeOpacity.opacity(density: 1e6, temperature: 5e7, charge: 2.5, mass: 5, degeneracy: 10)
        let ffMixed = RadiativeOpacity.opacity(density: 1e6, temperature: 5e7, charge: 2.5, mass: 5, meanChargeSquared: 9, degeneracy: 10)
        #expect(ffMixed > ffPure)
        let c = try Composition(species: [(0.7, 2, 4), (0.3, 6, 12)])
        #expect(abs(c.meanChargeSquared - 5 * (0.7 * 4 / 4 + 0.3 * 36 / 12)) < 1e-12)
    }

    @Test("the liquid fits are refused in the solid (Γ > 175): EOS and conduction")
    func solid() throws {
        #expect(throws: MicrophysicsError.self) { try EquationOfState().state(density: 1e9, temperature: 1e6, composition: .helium) }
        #expect(throws: MicrophysicsError.self) { try ConductiveOpacity.opacity(density: 1e14, temperature: 1e6, charge: 2, mass: 4) }
    }

    @Test("mixture Γ reduces to Z²e²/(a kT) for one species")
    func mixtureGamma() {
        let one = CoulombModel.mixtureGamma(composition: .helium, density: 1e6, temperature: 1e8)
        let direct = CoulombModel.gamma(charge: 2, mass: 4, density: 1e6, temperature: 1e8)
        #expect(isClose(one, direct, rel: 1e-12))
    }
}
