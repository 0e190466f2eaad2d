import Constants
import Foundation
import Testing
@testable import WholeStar

@Suite struct ZAMSSpeedTests {
    /// Prints the build time of a 1 M☉ model and where it goes (quoted in Docs/whole-star.md from a release build); the
    /// bound is only a hang guard for debug builds on a loaded machine.
    @Test func buildTime() throws {
        let micro = try #require(zamsMicrophysics)
        let s = try ZAMSBenchmark.secondsPerModel(mass: 1, cells: 400, repeats: 1, microphysics: micro)
        print("ZAMS build time (1 M☉, 400 cells): \(s) s")
        #expect(s < 300)
        // Where it goes: one cell state (EOS + κ + ε with equilibrium ³He and CNO) and one photosphere update.
        let physics = try StarCellPhysics(micro: micro, hydrogen: 0.70, metals: 0.02, burning: .equilibrium)
        var t0 = Date()
        var eta = 0.0
        for i in 0..<2000 {
            eta = try physics.evaluate(lnRho: log(50) + 1e-6 * Double(i), lnT: log(1.2e7), eta: eta).eta
        }
        let cell = Date().timeIntervalSince(t0) / 2000
        let surface = StarSurface(physics: physics, mass: Solar.mass, steps: 60)
        t0 = Date()
        for i in 0..<5 { try surface.update(luminosity: (0.7 + 0.001 * Double(i)) * Solar.luminosity, radius: 0.87 * Solar.radius) }
        let atm = Date().timeIntervalSince(t0) / 5
        print("ZAMS cost: cell state \(cell * 1e6) µs (×1200 per iteration = \(cell * 1200) s), photosphere update \(atm) s per iteration")
    }
}
