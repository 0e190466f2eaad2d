import Foundation
import TestSupport
import Testing
@testable import Microphysics

@Suite("Triple-alpha rate and screening")
struct TripleAlphaTests {
    @Test("transcriptions reproduce an independent evaluation of the same formulas (T9 = 0.1, 1)")
    func transcription() {
        // Values from a separate Python evaluation of the CF88, fy05 and NACRE formulas (research notes; Tests/Scripts/triple_alpha.py).
        #expect(isClose(TripleAlphaRate.cf88.rate(t9: 0.1), 2.117e-24, rel: 1e-3))
        #expect(isClose(TripleAlphaRate.fynbo2005.rate(t9: 0.1), 2.040e-24, rel: 1e-3))
        #expect(isClose(TripleAlphaRate.nacre.rate(t9: 0.1), 2.481e-24, rel: 1e-3))
        #expect(isClose(TripleAlphaRate.cf88.rate(t9: 1), 3.416e-10, rel: 1e-3))
        #expect(isClose(TripleAlphaRate.fynbo2005.rate(t9: 1), 3.404e-10, rel: 1e-3))
    }

    @Test("near 10⁸ K the rate goes as T^(44.027/T₈ − 3) ≈ T⁴¹ (resonant ⁸Be + ¹²C* path), for every set")
    func temperatureSensitivity() {
        for r in TripleAlphaRate.allCases {
            let h = 1e-4
            let nu = (log(r.rate(t9: 0.1 * exp(h))) - log(r.rate(t9: 0.1 * exp(-h)))) / (2 * h)
            #expect(nu > 39 && nu < 43, "\(r): ν = \(nu)")
        }
    }

    @Test("CF88 and Fynbo agree to a few per cent at 10⁸ K and differ more at 6×10⁷ K")
    func setsCompared() {
        let at1e8 = TripleAlphaRate.fynbo2005.rate(t9: 0.1) / TripleAlphaRate.cf88.rate(t9: 0.1)
        let at6e7 = TripleAlphaRate.fynbo2005.rate(t9: 0.06) / TripleAlphaRate.cf88.rate(t9: 0.06)
        #expect(isClose(at1e8, 1, rel: 0.05))
        #expect(relativeDifference(at6e7, 1) > relativeDifference(at1e8, 1))
    }

    @Test("ε₃α agrees with the textbook ε ≈ 5.09e11 ρ² X³ T₈⁻³ e^(−44.027/T₈) at T₈ = 1 (unscreened)")
    func textbookEnergy() throws {
        let eps = try TripleAlpha.energyGeneration(density: 1e6, temperature: 1e8, screening: .none)
        let textbook = 5.09e11 * 1e12 * exp(-44.027)
        #expect(isClose(eps, textbook, rel: 0.02))
    }

    @Test("CDY07 tends to Debye–Hückel √3 Γ^(3/2) at weak coupling")
    func debyeHuckel() throws {
        let c = Composition.helium
        for rho in [1e-2, 1.0] {
            let t = 1e9
            let h = try Screening.chugunovExponent(z1: 2, a1: 4, z2: 2, a2: 4, rho: rho, t: t, c: c)
            let ne = rho * 0.5 * Screening.avogadro
            let gamma = 4 * pow(Screening.e, 2) * cbrt(4 * Double.pi * ne / 3) / (cbrt(2.0) * Screening.kB * t)
            #expect(isClose(h, 3.0.squareRoot() * pow(gamma, 1.5), rel: 0.02))
        }
    }

    @Test("screen5 weak limit equals Z₁Z₂e²/(λ_D kT) with λ_D from ions and electrons")
    func screen5Weak() {
        let rho = 1.0, t = 1e9
        let h = Screening.screen5Exponent(z1: 2, a1: 4, z2: 2, a2: 4, rho: rho, t: t, c: .helium)
        let nHe = rho / 4 * Screening.avogadro
        let kappa2 = 4 * Double.pi * pow(Screening.e, 2) * (4 * nHe + 2 * nHe) / (Screening.kB * t)
        let expected = 4 * pow(Screening.e, 2) * kappa2.squareRoot() / (Screening.kB * t)
        #expect(isClose(h, expected, rel: 2e-3))
    }

    @Test("3α screening at ρ = 10⁶, T = 10⁸ (He): screen5 ≈ 5.7 (science notes), CDY07 ≈ 4.6; both rise with ρ")
    func redGiantScreening() throws {
        let s5 = try Screening.tripleAlphaEnhancement(density: 1e6, temperature: 1e8, composition: .helium, model: .screen5)
        let cdy = try Screening.tripleAlphaEnhancement(density: 1e6, temperature: 1e8, composition: .helium, model: .chugunov2007)
        #expect(isClose(s5, 5.65, rel: 0.01))
        #expect(isClose(cdy, 4.62, rel: 0.01))
        let lower = try Screening.tripleAlphaEnhancement(density: 1e5, temperature: 1e8, composition: .helium, model: .chugunov2007)
        #expect(lower < cdy && lower > 1)
    }

    @Test("bad input throws with the parameter named")
    func badInput() {
        #expect(throws: MicrophysicsError.self) { try TripleAlpha.energyGeneration(density: -1, temperature: 1e8) }
        #expect(throws: MicrophysicsError.self) { try TripleAlpha.energyGeneration(density: 1e6, temperature: .nan) }
        #expect(throws: MicrophysicsError.self) { try Composition(species: [(0.5, 2, 4)]) }
    }
}
