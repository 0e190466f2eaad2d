import Foundation
import Microphysics
import RedGiantCore
import Testing
@testable import StellarboundCLI
@testable import TRGBBounds

/// One physics specification: the CLI fills it in, the library builds its physics from it, and its
/// canonical encoding identifies a track.
@Suite("Physics specification")
struct PhysicsSpecificationTests {
    @Test("choices parse in kebab-case, any case, and the old camelCase spellings")
    func spellings() throws {
        for spelling in ["yakovlev-shalybkov1989", "YAKOVLEV-SHALYBKOV-1989", "yakovlevShalybkov1989", "yakovlev_shalybkov_1989"] {
            let o = try FlashOptions.parse(["--coulomb", spelling, "--conduction", "Yakovlev-Urpin1980", "--screening", "SCREEN5"])
            let spec = o.specification()
            #expect(spec.coulomb == .yakovlevShalybkov1989, "\(spelling)")
            #expect(spec.conduction == .yakovlevUrpin1980 && spec.screening == .screen5)
        }
        #expect(throws: (any Error).self) { try FlashOptions.parse(["--coulomb", "debye"]) }
        #expect(CoulombModel.allValueStrings == ["potekhin-chabrier2000", "yakovlev-shalybkov1989", "none"])
    }

    @Test("--help lists every value of a choice")
    func helpListsValues() throws {
        let (code, out, _) = try CLITests.run(["flash", "--help"])
        #expect(code == 0)
        for value in ["potekhin-chabrier2000", "yakovlev-urpin1980", "fynbo2005", "nacre", "cf88", "chugunov2007", "screen5", "itoh1996"] {
            #expect(out.contains(value), "\(value) missing from flash --help")
        }
    }

    @Test("CorePhysics from a specification carries every choice and coupling")
    func corePhysics() throws {
        var spec = PhysicsSpecification()
        spec.screening = .screen5
        spec.tripleAlpha = .nacre
        spec.mu12 = 3
        spec.millicharge = 2e-14
        spec.conductiveOpacityFactor = 0.8
        let p = try CorePhysics(spec)
        #expect(p.screening == .screen5 && p.tripleAlpha == .nacre && p.conductiveOpacityFactor == 0.8)
        #expect(p.neutrino.mu12 == 3 && p.neutrino.millicharge == 2e-14)
        spec.mu12 = -1
        #expect(throws: (any Error).self) { _ = try CorePhysics(spec) }
    }

    @Test("the track key changes with every field and survives an encode–decode round trip")
    func trackKey() throws {
        let base = TrackSpec(mass: 0.8, helium: 0.245, metallicity: 0.001)
        var variants: [TrackSpec] = []
        var s = base; s.mass = 0.81; variants.append(s)
        s = base; s.dredgeUpHelium = 0.01; variants.append(s)
        s = base; s.mu12 = 1; variants.append(s)
        s = base; s.q14 = 1; variants.append(s)
        s = base; s.blouin2020 = true; variants.append(s)
        s = base; s.physics.coulomb = .none; variants.append(s)
        s = base; s.physics.bremsstrahlung = .sneut5Switch; variants.append(s)
        s = base; s.physics.sin2ThetaW = 0.2229; variants.append(s)
        s = base; s.physics.neutrinoLossFactor = 1.1; variants.append(s)
        s = base; s.edgePressureFactor = 2; variants.append(s)
        let keys = Set(([base] + variants).map(\.cacheKey))
        #expect(keys.count == variants.count + 1, "a field change must change the key")
        #expect(base.cacheKey.count == 16)
        let decoded = try JSONDecoder().decode(TrackSpec.self, from: JSONEncoder().encode(variants[3]))
        #expect(decoded == variants[3] && decoded.cacheKey == variants[3].cacheKey)
        #expect(base.canonicalEncoding.hasPrefix("track-v\(TrackSpec.encodingVersion):{"))
    }
}
