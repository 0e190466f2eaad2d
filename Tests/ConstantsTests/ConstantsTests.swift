import TestSupport
import Testing
@testable import Constants

/// The derived constants against the CODATA 2018 values they must reproduce (not typed in `Sources/`).
@Suite struct ConstantsTests {
    @Test func derivedRadiationConstants() {
        // CODATA 2018: σ = 5.670 374 419 × 10⁻⁸ W m⁻² K⁻⁴ (exact to the digits shown), a = 4σ/c = 7.565 733 250 × 10⁻¹⁶ J m⁻³ K⁻⁴.
        #expect(isClose(CGS.stefanBoltzmann, 5.670_374_419e-5, rel: 1e-9))
        #expect(isClose(CGS.radiation, 7.565_733_250e-15, rel: 1e-9))
    }

    @Test func derivedChargeAndMass() {
        // CODATA 2018: e = 4.803 204 71 × 10⁻¹⁰ esu; ħ = 1.054 571 817 × 10⁻²⁷ erg s.
        #expect(isClose(CGS.elementaryCharge, 4.803_204_713e-10, rel: 1e-9))
        #expect(isClose(CGS.hbar, 1.054_571_817e-27, rel: 1e-9))
        // IAU 2015: M☉ = GM☉/G ≈ 1.988 409 87 × 10³³ g.
        #expect(isClose(Solar.mass, 1.988_409_87e33, rel: 1e-8))
    }

    @Test func naturalAgreesWithCGS() {
        // ħc from the cgs constants: ħ c / (keV in erg) in keV cm.
        let hbarC = CGS.hbar * CGS.speedOfLight / CGS.ergPerKeV
        #expect(isClose(hbarC, Natural.hbarC_keV_cm, rel: 1e-9))
        // k_B in keV/K.
        #expect(isClose(CGS.boltzmann / CGS.ergPerKeV, Natural.boltzmann_keV_per_K, rel: 1e-9))
        // mₑc² in keV from the cgs electron mass.
        let me = CGS.electronMass * CGS.speedOfLight * CGS.speedOfLight / CGS.ergPerKeV
        #expect(isClose(me, Natural.electronMass_keV, rel: 1e-9))
    }
}
