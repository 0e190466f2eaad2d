import Foundation
import Testing
@testable import WholeStar

@Suite struct ZAMSSpeedTests {
    /// Prints the build time of a 1 M☉ model (quoted in Docs/whole-star.md from a release build); the bound is only
    /// a hang guard for debug builds on a loaded machine.
    @Test func buildTime() throws {
        let micro = try #require(zamsMicrophysics)
        let s = try ZAMSBenchmark.secondsPerModel(mass: 1, cells: 400, repeats: 1, microphysics: micro)
        print("ZAMS build time (1 M☉, 400 cells): \(s) s")
        #expect(s < 300)
    }
}
