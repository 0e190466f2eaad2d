import Foundation
import ModelData
import TestSupport
import Testing
@testable import Millicharge

/// The shipped catalogs load, every νST object gives a finite bound, and the data carry their sources.
@Suite struct CatalogTests {
    static let directory = StellarModelsFixture.directory

    @Test func neutronStarsLoadAndGiveFiniteBounds() throws {
        let c = try NeutronStarCatalog.load(from: Self.directory)
        #expect(c.names.contains(c.defaultObject))
        for o in c.objects {
            let q = try NeutronStarTurning(o.inputs()).chargeLimit
            #expect(q.isFinite && q > 0 && q < 1, "\(o.name)")
            #expect(!o.note.isEmpty)
        }
        // The default object is the published bound's star.
        let st = try c.select(c.defaultObject)[0]
        #expect(isClose(try NeutronStarTurning(st.inputs()).chargeLimit, 1.3e-19, rel: 0.04))
        // The Crab's birth period, integrated back with braking index 2.5 from P = 33.39 ms, Ṗ = 4.21e-13 over 937 yr.
        let n = 2.5, p = 0.0333924, pdot = 4.2097e-13, t = 937 * 3.15576e7
        let p0 = pow(pow(p, n - 1) - (n - 1) * pdot * pow(p, n - 2) * t, 1 / (n - 1))
        #expect(isClose(try c.select("crab")[0].periodS, p0, rel: 0.01), "P₀ = \(p0)")
        #expect(throws: MillichargeError.self) { try c.select("vela") }
    }

    @Test func chargeLimitsLoadWithReferences() throws {
        let c = try ChargeLimitCatalog.load(from: Self.directory)
        #expect(c.limits.count >= 8)
        for kind in ["laboratory", "astrophysical", "projection"] { #expect(c.limits.contains { $0.kind == kind }) }
        for name in ["neutrality-of-matter", "gemma-2014", "texono-2014", "lz-data-2022", "sn1987a-dispersion", "gemma-ii-projection"] {
            #expect(c.limits.contains { $0.name == name }, "\(name)")
        }
    }

    @Test func badDataNamesTheEntryAndField() throws {
        var c = try NeutronStarCatalog.load(from: Self.directory)
        c.objects[2].fieldG = 0
        do {
            try c.check(file: "ns.json")
            Issue.record("accepted a zero field")
        } catch let e as MillichargeError {
            #expect(e.description.contains("objects[2] (crab)") && e.description.contains("magnetic field"), "\(e)")
        }
        var d = try NeutronStarCatalog.load(from: Self.directory)
        d.objects[0].geometry = "toroidal"
        #expect(throws: MillichargeError.self) { try d.check(file: "ns.json") }
        var e = try NeutronStarCatalog.load(from: Self.directory)
        e.objects[0].sources = [:]
        #expect(throws: MillichargeError.self) { try e.check(file: "ns.json") }
    }
}
