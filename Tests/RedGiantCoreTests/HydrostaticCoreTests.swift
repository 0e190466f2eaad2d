import Foundation
import TestSupport
import Testing
@testable import Microphysics
@testable import RedGiantCore

@Suite("Hydrostatic degenerate cores")
struct HydrostaticCoreTests {
    let cold = EquationOfState(coulomb: .none)
    let hbar = 1.054_571_817e-27, me = 9.109_383_7015e-28, mu = 1.660_539_066_60e-24

    /// Lane–Emden n = 3/2 with P = K ρ^(5/3), K = (3π²)^(2/3) ħ²/(5mₑ) (μₑm_u)^(−5/3):
    /// R = ξ₁a, M = 4πa³ρ_c ξ₁²|θ′(ξ₁)|, a² = (5/2)Kρ_c^(−1/3)/(4πG), ξ₁ = 3.65375, ξ₁²|θ′| = 2.71406.
    func laneEmden(rhoC: Double) -> (m: Double, r: Double) {
        let k = pow(3 * Double.pi * Double.pi, 2.0 / 3) * hbar * hbar / (5 * me) * pow(2 * mu, -5.0 / 3)
        let a = (2.5 * k * pow(rhoC, -1.0 / 3) / (4 * Double.pi * HydrostaticCore.gravitational)).squareRoot()
        return (4 * Double.pi * a * a * a * rhoC * 2.71406, 3.65375 * a)
    }

    @Test("cold non-relativistic limit: the n = 3/2 polytrope's mass and radius (relativistic and ion corrections < 1 %)")
    func polytrope() throws {
        let core = try HydrostaticCore(centralDensity: 1e2, temperature: 1e4, composition: .helium, eos: cold,
                                       edgePressureFraction: 1e-5, relativeTolerance: 1e-7)
        let le = laneEmden(rhoC: 1e2)
        #expect(isClose(core.mass, le.m, rel: 0.01), "M = \(core.mass) vs \(le.m)")
        #expect(isClose(core.radius, le.r, rel: 0.02), "R = \(core.radius) vs \(le.r)")
    }

    @Test("relativistic limit: the mass approaches (from below) the Chandrasekhar mass 5.836/μₑ² M☉ = 1.459 M☉")
    func chandrasekhar() throws {
        var previous = 0.0
        // T = 5×10⁶ K is deep in degeneracy at these densities (T_F > 10¹⁰ K); the table EOS keeps it fast.
        let coldTable = EquationOfState(coulomb: .none, method: .table)
        for rhoC in [1e9, 1e10, 1e11] {
            let m = try HydrostaticCore(centralDensity: rhoC, temperature: 5e6, composition: .helium, eos: coldTable).massSolar
            #expect(m > previous && m < 1.459)
            previous = m
        }
        #expect(previous > 1.40)
    }

    @Test("a 0.48 M☉ helium core at 8×10⁷ K has ρ_c ≈ 10⁶ g/cm³ (as near the flash in full models)")
    func redGiantCore() throws {
        let core = try HydrostaticCore.model(massSolar: 0.48, temperature: 8e7, composition: .helium,
                                             eos: EquationOfState(method: .table))
        #expect(abs(core.massSolar - 0.48) < 1e-6)
        #expect(core.centralDensity > 5e5 && core.centralDensity < 3e6, "ρ_c = \(core.centralDensity)")
        #expect(core.radius > 5e8 && core.radius < 3e9, "R = \(core.radius)")
        // The direct (exact Fermi–Dirac) EOS at the same ρ_c gives the same mass to 1e-4.
        let direct = try HydrostaticCore(centralDensity: core.centralDensity, temperature: 8e7, composition: .helium)
        #expect(isClose(direct.massSolar, 0.48, rel: 1e-4))
    }

    @Test("bad input: masses outside (0.01, 1.4) M☉ and non-positive ρ_c are refused")
    func badInput() {
        #expect(throws: MicrophysicsError.self) { try HydrostaticCore.model(massSolar: 2, temperature: 1e8, composition: .helium) }
        #expect(throws: MicrophysicsError.self) { try HydrostaticCore(centralDensity: -1, temperature: 1e8, composition: .helium) }
    }
}
