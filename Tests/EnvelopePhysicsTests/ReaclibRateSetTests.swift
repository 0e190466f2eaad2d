import Testing
import Foundation
@testable import EnvelopePhysics

@Suite struct ReaclibRateSetTests {
    @Test func loadsTheHydrogenBurningSets() throws {
        let set = try ReaclibRateSet.hydrogenBurning()
        #expect(try set.reaction(["p", "n14"], ["o15"]).sets.count == 4)
        #expect(try set.reaction(["p", "p"], ["d"], electronCapture: true).isElectronCapture)
    }
}
