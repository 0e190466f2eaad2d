import Foundation
import Testing
import RedGiantCore
import TestSupport
import TRGBBounds
@testable import TrackGrids

/// Grid specs (issue 16 item 2): the format, the order of points, shards, and every malformed spec refused with the
/// file, the field and the allowed values.
@Suite struct GridSpecTests {
    static func spec(_ json: String) throws(GridError) -> GridSpec {
        try GridSpec(data: Data(json.utf8), file: "test.json")
    }

    @Test("lists and ranges (linear, log), fixed values, file order with the last axis fastest")
    func expansion() throws {
        let g = try Self.spec("""
            { "name": "demo", "fixed": {"helium": 0.245, "screening": "CHUGUNOV-2007"},
              "axes": [ {"name": "mass", "values": [0.8, 0.9]},
                        {"name": "metallicity", "from": 1e-4, "to": 1e-2, "count": 3, "scale": "log"},
                        {"name": "mu12", "from": 0, "to": 3, "count": 4} ] }
            """)
        #expect(g.name == "demo" && g.points.count == 24)
        #expect(g.points[0].mass == 0.8 && g.points[0].metallicity == 1e-4 && g.points[0].mu12 == 0)
        #expect(g.points[1].mu12 == 1 && g.points[3].mu12 == 3 && g.points[4].metallicity.isApproximatelyEqual(to: 1e-3, relativeTolerance: 1e-12))
        #expect(g.points[12].mass == 0.9 && g.points[23].metallicity == 1e-2)
        #expect(g.points.allSatisfy { $0.helium == 0.245 && $0.screening == .chugunov2007 })
        #expect(Set(g.points).count == 24)
    }

    @Test("a mass outside the core model's range (M_HeF from the relations) is refused, naming the point")
    func massRange() throws {
        let g = try Self.spec(#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mu12", "values": [0, 1]}, {"name": "mass", "values": [0.8, 2.5]}]}"#)
        do {
            try g.check(relations: TestRelations.standard)
            Issue.record("accepted a 2.5 M☉ point")
        } catch {
            #expect(error.description.hasPrefix("test.json: point 1 (mu12 = 0.0, mass = 2.5): --mass 2.5"), "\(error)")
        }
    }

    @Test("shards: round robin, every point in exactly one shard")
    func shards() throws {
        let g = try Self.spec(#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "from": 0.7, "to": 1.0, "count": 7}]}"#)
        for n in [1, 2, 3, 7, 10] {
            let all = (0..<n).flatMap { g.indices(shard: $0, of: n) }
            #expect(all.sorted() == Array(0..<7), "n = \(n)")
        }
        #expect(g.indices(shard: 1, of: 3) == [1, 4])
        #expect(g.name == "grid")
    }

    @Test("every malformed spec names the file, the field and what is allowed", arguments: [
        ("{", "(file)", "JSON"),
        (#"[1]"#, "(top level)", "object"),
        (#"{"axes": [], "fixed": {}}"#, "axes", "non-empty"),
        (#"{"axis": []}"#, "axis", "allowed: name, fixed, axes"),
        (#"{"name": "a b", "axes": [{"name": "mass", "values": [1]}]}"#, "name", "A–Z"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "massa", "values": [1]}]}"#, "axes[0].name", "mass, helium"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "screening", "values": ["none", "nonsense"]}]}"#, "axes[0].values[1]", "chugunov2007"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "values": [0.8, "x"]}]}"#, "axes[0].values[1]", "finite number"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "values": [0.8, 0.8]}]}"#, "axes[0].values[1]", "twice"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "from": 0.8, "to": 0.9, "count": 1}]}"#, "axes[0].count", "[2, 10000]"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "from": 0.9, "to": 0.8, "count": 2}]}"#, "axes[0].to", "above 'from'"),
        (#"{"fixed": {"helium": 0.25, "mass": 1}, "axes": [{"name": "metallicity", "from": 0, "to": 0.01, "count": 3, "scale": "log"}]}"#, "axes[0].from", "> 0"),
        (#"{"fixed": {"helium": 0.25, "mass": 1}, "axes": [{"name": "metallicity", "from": 0.001, "to": 0.01, "count": 3, "scale": "cubic"}]}"#, "axes[0].scale", "linear"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "values": [1], "from": 1}]}"#, "axes[0]", "not both"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "screening", "from": 1, "to": 2, "count": 2}]}"#, "axes[0]", "takes a list"),
        (#"{"fixed": {"helium": 0.25}, "axes": [{"name": "mass", "values": [1]}]}"#, "metallicity", "must be fixed or an axis"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001, "mass": 1}, "axes": [{"name": "mass", "values": [1]}]}"#, "axes[0].name", "also in 'fixed'"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "values": [1]}, {"name": "mass", "values": [2]}]}"#, "axes[1].name", "already an axis"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mass", "values": [0.8, -1]}]}"#, "point 1 (mass = -1.0)", "--mass"),
        (#"{"fixed": {"mass": 1, "metallicity": 0.001}, "axes": [{"name": "helium", "values": [0.25, 1.2]}]}"#, "point 1 (helium = 1.2)", "--helium"),
        (#"{"fixed": {"helium": 0.25, "metallicity": 0.001, "blouin2020": 1}, "axes": [{"name": "mass", "values": [1]}]}"#, "fixed.blouin2020", "true or false"),
    ])
    func malformed(json: String, field: String, allowed: String) {
        do {
            _ = try Self.spec(json)
            Issue.record("accepted: \(json)")
        } catch {
            #expect(error.failureKind == .badInput)
            #expect(error.description.hasPrefix("test.json: \(field)"), "\(error.description)")
            #expect(error.description.contains(allowed), "\(error.description)")
        }
    }
}

extension Double {
    func isApproximatelyEqual(to other: Double, relativeTolerance: Double) -> Bool {
        abs(self - other) <= relativeTolerance * max(abs(self), abs(other))
    }
}

/// The shipped core-edge relations.
enum TestRelations {
    static let standard: CoreEdgeRelations = try! StellarModelsFixture.directory
        .load(CoreEdgeRelations.File.self, from: CoreEdgeRelations.relativePath).entry(named: CoreEdgeRelations.defaultName)
}
