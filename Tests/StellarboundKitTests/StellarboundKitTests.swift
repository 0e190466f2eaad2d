import Testing
import StellarboundKit

/// One import gives a library user every public module: a flash track's inputs, the constants, the
/// whole-star physics and the data locator, all reachable through `StellarboundKit` alone.
@Suite struct StellarboundKitTests {
    @Test func oneImportReachesEveryModule() throws {
        #expect(Solar.mass > 1.9e33 && Solar.mass < 2.0e33)
        #expect(StarParameters.standard.mass == 0.8)
        #expect(HenyeySettings().tolerance == 1e-8)
        #expect(PhysicsSpecification().screening == .chugunov2007)
        #expect(OpacityMixture.allCases.count == 2)
        let dir = try DataDirectory.locate()
        #expect(dir.url.lastPathComponent == "StellarModels")
        let e: any ClassifiedFailure = FlashError.invalidParameter(name: "mass", value: 3, allowed: "[0.7, 1.8]")
        #expect(e.failureKind == .badInput && e.message.hasPrefix("--mass 3.0"))
    }
}
