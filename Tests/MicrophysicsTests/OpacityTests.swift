import Foundation
import Plasma
import TestSupport
import Testing
@testable import Microphysics

@Suite("Opacities")
struct OpacityTests {
    /// Pure He, κ_cond in cm²/g from Potekhin's public code conduct19 (science notes §3).
    static let reference: [(Double, Double, Double)] = [
        (1e5, 3e7, 8.6e-2), (1e5, 5e7, 0.313), (1e5, 8e7, 0.906), (1e5, 1e8, 1.41),
        (1e6, 3e7, 8.6e-4), (1e6, 5e7, 3.07e-3), (1e6, 8e7, 1.03e-2), (1e6, 1e8, 1.84e-2),
    ]

    @Test("PBHY99 + SY06 reproduce Potekhin's code: 1 % at ρ = 1e6, 15 % at ρ = 1e5 (no thermal averaging)")
    func potekhin() throws {
        for (rho, t, ref) in Self.reference {
            let k = try ConductiveOpacity.opacity(density: rho, temperature: t, charge: 2, mass: 4)
            #expect(isClose(k, ref, rel: rho >= 1e6 ? 0.01 : 0.15), "ρ=\(rho) T=\(t): \(k) vs \(ref)")
        }
    }

    @Test("e–e collisions matter at the factor-2 level for He; the older YU80 logarithm gives 10–35 % higher κ")
    func prescriptions() throws {
        let full = try ConductiveOpacity.opacity(density: 1e6, temperature: 1e8, charge: 2, mass: 4)
        let yu = try ConductiveOpacity.opacity(density: 1e6, temperature: 1e8, charge: 2, mass: 4, prescription: .yakovlevUrpin1980)
        #expect(yu / full > 1.05 && yu / full < 1.35)
        let nuEE = ConductiveOpacity.electronElectronFrequency(x: 1.0088e-2 * cbrt(5e5), t: 1e8)
        #expect(nuEE > 0)
    }

    @Test("Blouin 2020 correction for He: ≈ 0.54 at ρ = 1e6, T = 1e8; ≈ 0.5 at ρ = 1e5 (as in MESA)")
    func blouin() throws {
        let f6 = 1 / (1 + ConductiveOpacity.blouinCorrection(density: 1e6, temperature: 1e8, charge: 2))
        #expect(abs(f6 - 0.54) < 0.02)
        for (t, expected) in [(3e7, 0.59), (5e7, 0.49), (8e7, 0.48), (1e8, 0.49)] {
            let f = 1 / (1 + ConductiveOpacity.blouinCorrection(density: 1e5, temperature: t, charge: 2))
            #expect(abs(f - expected) < 0.02, "T = \(t): \(f)")
        }
        #expect(ConductiveOpacity.blouinCorrection(density: 1e6, temperature: 1e8, charge: 6) == 0)
    }

    @Test("radiative: Thomson 0.2 cm²/g for hot thin He; Kramers-like ρT^(−3.5) free–free; conduction wins at ρ = 1e6")
    func radiative() throws {
        let thin = RadiativeOpacity.opacity(density: 1e-6, temperature: 1e7, charge: 2, mass: 4, degeneracy: -20)
        #expect(isClose(thin, 0.2, rel: 0.05))
        for (rho, t) in [(1e6, 5e7), (1e6, 1e8), (1e5, 3e7)] {
            let eta = try ElectronGas.state(density: rho, temperature: t, electronFraction: 0.5).degeneracy
            let rad = RadiativeOpacity.opacity(density: rho, temperature: t, charge: 2, mass: 4, degeneracy: eta)
            let cond = try ConductiveOpacity.opacity(density: rho, temperature: t, charge: 2, mass: 4)
            #expect(rad > 0.5 && rad < 100)
            if rho >= 1e6 { #expect(cond < rad / 10, "ρ=\(rho) T=\(t)") }
        }
    }

    @Test("bad input throws")
    func badInput() {
        #expect(throws: MicrophysicsError.self) { try ConductiveOpacity.opacity(density: 0, temperature: 1e8, charge: 2, mass: 4) }
        #expect(throws: MicrophysicsError.self) { try ConductiveOpacity.opacity(density: 1e6, temperature: .nan, charge: 2, mass: 4) }
    }
}
