import Foundation
import GSL
import TestSupport
import Testing
@testable import Plasma

/// e± gas thermodynamics: textbook limits and finite-difference derivatives.
@Suite("Electron-gas thermodynamics")
struct ThermodynamicsTests {
    let me = PhysicalConstants.electronMass_keV
    let hc = PhysicalConstants.hbarC_keV_cm
    let erg = PhysicalConstants.erg_per_keV

    @Test("classical: P = n kT, U = (3/2) n kT (θ ≪ 1)")
    func classical() throws {
        let g = try ElectronGasThermodynamics(density: 1e-3, temperature: 1e6, electronFraction: 0.5)
        let nkT = g.state.electronDensity_cm3 * g.state.kT_keV * erg
        #expect(isClose(g.pressure, nkT, rel: 1e-3))
        #expect(isClose(g.energyDensity, 1.5 * nkT, rel: 1e-3))
        #expect(isClose(g.dlnPdlnT, 1, rel: 1e-3) && isClose(g.dlnPdlnRho, 1, rel: 1e-3))
    }

    @Test("degenerate non-relativistic: P = (3π²)^(2/3) ħ² n^(5/3) / (5mₑ)")
    func degenerateNR() throws {
        let g = try ElectronGasThermodynamics(density: 2e2, temperature: 1e4, electronFraction: 1)
        let n = g.state.electronDensity_cm3
        let expected = pow(3 * Double.pi * Double.pi, 2.0 / 3) * hc * hc * pow(n, 5.0 / 3) / (5 * me) * erg
        let pF = hc * cbrt(3 * Double.pi * Double.pi * n) / me
        #expect(isClose(g.pressure, expected, rel: pF * pF))   // relativistic correction O(p_F²)
        #expect(abs(g.dlnPdlnRho - 5.0 / 3) < pF * pF)
    }

    @Test("degenerate relativistic: P = (3π²)^(1/3) ħc n^(4/3)/4")
    func degenerateUR() throws {
        let g = try ElectronGasThermodynamics(density: 1e13, temperature: 1e7, electronFraction: 0.5)
        let n = g.state.electronDensity_cm3
        let expected = pow(3 * Double.pi * Double.pi, 1.0 / 3) * hc * pow(n, 4.0 / 3) / 4 * erg
        #expect(isClose(g.pressure, expected, rel: 0.01))
        #expect(abs(g.dlnPdlnRho - 4.0 / 3) < 0.01)
    }

    @Test("hot pair plasma: P = 7π²T⁴/180 (ħc)⁻³, U = 3P")
    func pairs() throws {
        let g = try ElectronGasThermodynamics(density: 1e-6, temperature: 1e11, electronFraction: 0.5)
        let kT = g.state.kT_keV
        let expected = 7 * Double.pi * Double.pi / 180 * pow(kT, 4) / (hc * hc * hc) * erg
        #expect(isClose(g.pressure, expected, rel: 0.01))
        #expect(isClose(g.energyDensity, 3 * g.pressure, rel: 0.01))
        #expect(isClose(g.entropyDensity * g.state.temperature, 4 * g.pressure, rel: 0.01))
    }

    @Test("derivatives equal finite differences at fixed ρYₑ / fixed T", arguments: [(1e6, 1e8), (1e4, 5e7), (1e9, 3e9), (1.0, 1e9)])
    func derivatives(rho: Double, t: Double) throws {
        let h = 1e-5
        let g = try ElectronGasThermodynamics(density: rho, temperature: t, electronFraction: 0.5)
        let tp = try ElectronGasThermodynamics(density: rho, temperature: t * exp(h), electronFraction: 0.5)
        let tm = try ElectronGasThermodynamics(density: rho, temperature: t * exp(-h), electronFraction: 0.5)
        let rp = try ElectronGasThermodynamics(density: rho * exp(h), temperature: t, electronFraction: 0.5)
        let rm = try ElectronGasThermodynamics(density: rho * exp(-h), temperature: t, electronFraction: 0.5)
        #expect(isClose((log(tp.pressure) - log(tm.pressure)) / (2 * h), g.dlnPdlnT, rel: 1e-6))
        // In a pair plasma P hardly depends on ρ (dln P/dln ρ ~ 1e-7): finite differences at h = 1e-5
        // carry ~2e-10 of rounding noise, hence the absolute floor.
        #expect(abs((log(rp.pressure) - log(rm.pressure)) / (2 * h) - g.dlnPdlnRho) < 1e-6 * g.dlnPdlnRho + 1e-9)
        #expect(isClose((tp.energyDensity - tm.energyDensity) / (tp.state.temperature - tm.state.temperature), g.dUdT, rel: 1e-6))
        #expect(isClose((rp.energyDensity - rm.energyDensity) / (2 * h), g.dUdlnRho, rel: 1e-5))
        // Maxwell: (∂u/∂ln ρ)_T = u + P(1 − χ_T) (rest mass of the net electrons cancels).
        #expect(abs(g.dUdlnRho - (g.energyDensity + g.pressure * (1 - g.dlnPdlnT))) < 1e-9 * (g.energyDensity + g.pressure))
        // Thermodynamic consistency: (∂S/∂T)_V = (∂U/∂T)_V / T.
        let dSdT = (tp.entropyDensity - tm.entropyDensity) / (tp.state.temperature - tm.state.temperature)
        #expect(isClose(dSdT * t, g.dUdT, rel: 1e-5))
    }
}
