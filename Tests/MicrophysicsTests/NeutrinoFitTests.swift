import Foundation
import Plasma
import TestSupport
import Testing
@testable import Microphysics

@Suite("Itoh 1996 pair, photo and bremsstrahlung fits")
struct NeutrinoFitTests {
    @Test("couplings: ΣC_V²+C_A² = 1.6815313, ΣC_V²−C_A² = 0.1815313 at sin²θ_W = 0.2319")
    func couplings() {
        #expect(abs(ItohNeutrinoFits.sumPlus - 1.6815313) < 1e-7)
        #expect(abs(ItohNeutrinoFits.sumMinus - 0.1815313) < 1e-7)
    }

    @Test("bremsstrahlung branches reproduce an independent evaluation (He; erg/g/s): weak and liquid")
    func bremValues() {
        // (ρ, T, weak, liquid) from a separate evaluation of the same formulas (research notes;
        // the liquid column is reproduced by Tests/Scripts/itoh_neutrinos.py).
        for (rho, t, weak, liquid) in [(1e5, 1e8, 0.097, 0.216), (1e6, 1e8, 0.316, 0.229), (1e6, 1.5e8, 2.95, 2.76)] {
            #expect(isClose(ItohNeutrinoFits.bremWeak(rho, t, 2, 4) / rho, weak, rel: 0.01), "weak \(rho) \(t)")
            #expect(isClose(ItohNeutrinoFits.bremLiquid(rho, t, 2, 4) / rho, liquid, rel: 0.01), "liquid \(rho) \(t)")
        }
    }

    @Test("the smooth blend is continuous where sneut5 jumps by ~2.8× (ρ = 1e5, T ≈ 1.19e8 K)")
    func bremContinuity() {
        let tf = ItohNeutrinoFits.fermiTemperature(density: 1e5, electronFraction: 0.5)
        let below = 0.3 * tf * (1 - 1e-9), above = 0.3 * tf * (1 + 1e-9)
        let s5 = ItohNeutrinoFits.bremsstrahlung(density: 1e5, temperature: above, meanCharge: 2, meanMass: 4, branch: .sneut5Switch)
            / ItohNeutrinoFits.bremsstrahlung(density: 1e5, temperature: below, meanCharge: 2, meanMass: 4, branch: .sneut5Switch)
        #expect(s5 < 0.5)   // the hard switch: weak/liquid ≈ 0.36 there
        for x in [0.05, 0.3] {
            let a = ItohNeutrinoFits.bremsstrahlung(density: 1e5, temperature: x * tf * (1 - 1e-9), meanCharge: 2, meanMass: 4)
            let b = ItohNeutrinoFits.bremsstrahlung(density: 1e5, temperature: x * tf * (1 + 1e-9), meanCharge: 2, meanMass: 4)
            #expect(isClose(a, b, rel: 1e-6))
        }
    }

    @Test("the liquid fit's negative values are floored at 0 (He, ρ = 1e8, T = 5e9: Γ ≈ 0.05)")
    func bremFloor() {
        #expect(ItohNeutrinoFits.bremLiquid(1e8, 5e9, 2, 4) == 0)
    }

    @Test("pair emission is negligible in red-giant cores (e^(−2/λ)) and dominant in hot thin plasma")
    func pairs() throws {
        #expect(ItohNeutrinoFits.pair(density: 1e6, temperature: 1.5e8, electronFraction: 0.5) < 1e-20)
        let hot = ItohNeutrinoFits.pair(density: 1e4, temperature: 3e9, electronFraction: 0.5)
        let photo = ItohNeutrinoFits.photo(density: 1e4, temperature: 3e9, electronFraction: 0.5)
        #expect(hot > 10 * photo)
    }

    @Test("red-giant centre: plasmon decay dominates photo and pair; brems is a minor channel")
    func redGiantBudget() throws {
        let rho = 1e6, t = 8e7
        let plasma = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: 0.5).rates.standard
        let photo = ItohNeutrinoFits.photo(density: rho, temperature: t, electronFraction: 0.5)
        let brem = ItohNeutrinoFits.bremsstrahlung(density: rho, temperature: t, meanCharge: 2, meanMass: 4)
        #expect(plasma > 10 * photo)
        #expect(plasma > 10 * brem && brem > 0)
    }

    @Test("photo: positive on each range; the coefficient-set switches at 1e8 and 1e9 K jump by less than 5 %")
    func photoSwitches() {
        for t in [1e8, 1e9] {
            let a = ItohNeutrinoFits.photo(density: 1e4, temperature: t * (1 - 1e-9), electronFraction: 0.5)
            let b = ItohNeutrinoFits.photo(density: 1e4, temperature: t * (1 + 1e-9), electronFraction: 0.5)
            #expect(a > 0 && b > 0)
            #expect(isClose(a, b, rel: 0.05), "jump at \(t): \(a / b)")
        }
        #expect(ItohNeutrinoFits.photo(density: 1e4, temperature: 5e6, electronFraction: 0.5) == 0)
    }
}
