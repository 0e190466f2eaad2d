import Foundation
import TestSupport
import Testing
@testable import Microphysics

@Suite("Equation of state")
struct EquationOfStateTests {
    /// Values: Tests/Scripts/coulomb_pc2000.py.
    @Test("PC2000 reproduces an independent evaluation of the fit at Γ = 1, 10, 100")
    func pc2000Values() {
        for (g, f, u) in [(1.0, -0.43729, -0.57204), (10.0, -7.10478, -7.99874), (100.0, -84.333, -87.526)] {
            let r = CoulombModel.potekhinChabrier2000.freeAndInternalEnergy(gamma: g)
            #expect(isClose(r.f, f, rel: 1e-4) && isClose(r.u, u, rel: 1e-4), "Γ = \(g)")
        }
    }

    @Test("u = Γ df/dΓ (thermodynamic consistency) for both fits", arguments: [CoulombModel.potekhinChabrier2000, .yakovlevShalybkov1989])
    func consistency(model: CoulombModel) {
        for g in [0.05, 0.5, 2.0, 20.0, 150.0] {
            let h = 1e-6
            let dfdlnG = (model.freeAndInternalEnergy(gamma: g * exp(h)).f - model.freeAndInternalEnergy(gamma: g * exp(-h)).f) / (2 * h)
            #expect(abs(dfdlnG - model.freeAndInternalEnergy(gamma: g).u) < 1e-6 * max(1, abs(dfdlnG)), "\(model) Γ = \(g)")
        }
    }

    @Test("Debye–Hückel limit u → −(√3/2)Γ^(3/2); strong coupling u/Γ → A₁ ≈ −0.9")
    func limits() {
        let g = 1e-6
        let u = CoulombModel.potekhinChabrier2000.freeAndInternalEnergy(gamma: g).u
        #expect(isClose(u, -3.0.squareRoot() / 2 * pow(g, 1.5), rel: 1e-3))
        let strong = CoulombModel.potekhinChabrier2000.freeAndInternalEnergy(gamma: 1e4).u / 1e4
        #expect(strong > -0.91 && strong < -0.89)
    }

    @Test("the two fits (independent sources) agree to 0.5 % for Γ ≥ 1; YS89 is continuous at Γ = 1")
    func fitsAgree() {
        for g in [1.0, 3.0, 10.0, 50.0, 170.0] {
            let a = CoulombModel.potekhinChabrier2000.freeAndInternalEnergy(gamma: g).u
            let b = CoulombModel.yakovlevShalybkov1989.freeAndInternalEnergy(gamma: g).u
            #expect(isClose(a, b, rel: 0.005), "Γ = \(g)")
        }
        let below = CoulombModel.yakovlevShalybkov1989.freeAndInternalEnergy(gamma: 1 - 1e-12)
        let above = CoulombModel.yakovlevShalybkov1989.freeAndInternalEnergy(gamma: 1 + 1e-12)
        #expect(abs(below.u - above.u) < 1e-3)
    }

    @Test("red-giant centre (He, ρ = 1e6, T = 1e8): Coulomb lowers P by ≈ 0.7 %; Γ ≈ 0.57 (science notes)")
    func redGiantCentre() throws {
        let s = try EquationOfState().state(density: 1e6, temperature: 1e8, composition: .helium)
        #expect(isClose(s.gamma, 0.57, rel: 0.03))
        let fraction = -s.pressureCoulomb / s.pressure
        #expect(fraction > 0.004 && fraction < 0.010)
        #expect(s.pressureElectrons / s.pressure > 0.9)   // degenerate electrons carry the pressure
    }

    @Test("ideal limit: P = (nₑ + nᵢ)kT + aT⁴/3 in a thin hot gas")
    func idealLimit() throws {
        let rho = 1e-4, t = 1e7
        let s = try EquationOfState(coulomb: .none).state(density: rho, temperature: t, composition: .helium)
        let n = rho * 6.022_140_76e23 * (0.5 + 0.25)
        let expected = n * 1.380_649e-16 * t + EquationOfState.radiationConstant * pow(t, 4) / 3
        #expect(isClose(s.pressure, expected, rel: 1e-3))
    }

    @Test("the fast (table) EOS agrees with the direct one to 1e-4 in P, e, χ_T, χ_ρ, c_V over red-giant cores")
    func fastPath() throws {
        let direct = EquationOfState(), fast = EquationOfState(method: .table)
        for rho in [1e2, 1e4, 1e5, 1e6, 3e6] {
            for t in [3e7, 6e7, 1e8, 2e8] {
                let a = try direct.state(density: rho, temperature: t, composition: .helium)
                let b = try fast.state(density: rho, temperature: t, composition: .helium)
                for (x, y) in [(a.pressure, b.pressure), (a.specificEnergy, b.specificEnergy), (a.chiT, b.chiT),
                               (a.chiRho, b.chiRho), (a.cV, b.cV)] {
                    #expect(isClose(y, x, rel: 1e-4), "ρ=\(rho) T=\(t): \(x) vs \(y)")
                }
            }
        }
    }

    @Test("χ_T, χ_ρ, c_V equal finite differences", arguments: [(1e6, 1e8), (1e4, 5e7), (1e5, 3e8)])
    func derivatives(rho: Double, t: Double) throws {
        let eos = EquationOfState(), c = Composition.helium, h = 1e-5
        let s = try eos.state(density: rho, temperature: t, composition: c)
        let tp = try eos.state(density: rho, temperature: t * exp(h), composition: c)
        let tm = try eos.state(density: rho, temperature: t * exp(-h), composition: c)
        let rp = try eos.state(density: rho * exp(h), temperature: t, composition: c)
        let rm = try eos.state(density: rho * exp(-h), temperature: t, composition: c)
        #expect(isClose((log(tp.pressure) - log(tm.pressure)) / (2 * h), s.chiT, rel: 1e-5))
        #expect(isClose((log(rp.pressure) - log(rm.pressure)) / (2 * h), s.chiRho, rel: 1e-5))
        #expect(isClose((tp.specificEnergy - tm.specificEnergy) / (tp.temperature - tm.temperature), s.cV, rel: 1e-5))
        #expect(s.nablaAdiabatic > 0 && s.nablaAdiabatic < 0.5 && s.gamma1 > 1)
    }
}
