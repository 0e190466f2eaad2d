import Foundation
import Testing
import TRGBBounds
@testable import TrackGrids

/// `GridInterpolator` (issue 16 item 5) on grids filled with analytic "tracks": exact where the scheme is exact,
/// the held-back error equal to its closed form, and every uncovered request refused naming the axis.
@Suite struct GridInterpolatorTests {
    /// log L = 3.3 + a (log₁₀ Z + 3)² + b (M − 0.8) + c μ₁₂²; M_c = 0.48 + 0.001 μ₁₂².
    static func fill(_ json: String, a: Double, b: Double = 0.1, c: Double = 0.01, skip: Int? = nil) throws -> (GridSpec, GridTracks) {
        let g = try GridSpec(data: Data(json.utf8), file: "i.json")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-interp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let store = try TrackStore(directory: dir)
        for (i, s) in g.points.enumerated() where i != skip {
            let lz = log10(s.metallicity) + 3
            let o = TrackOutcome(coreMass: 0.48 + 0.001 * s.mu12 * s.mu12,
                                 logTipLuminosity: 3.3 + a * lz * lz + b * (s.mass - 0.8) + c * s.mu12 * s.mu12, seconds: 1)
            store.write(identity: store.identity(of: s, context: "ctx"), spec: s, result: .flashed(o))
        }
        return (g, GridTracks(spec: g, store: store, context: "ctx"))
    }

    static let json = #"{"name": "i", "fixed": {"helium": 0.245}, "axes": [{"name": "metallicity", "from": 1e-4, "to": 1e-2, "count": 5, "scale": "log"}, {"name": "mass", "values": [0.8, 0.9]}, {"name": "mu12", "values": [0, 1, 2, 3, 4, 6]}]}"#

    @Test("exact for a function linear in log Z, M and μ₁₂²; zero held-back error")
    func exactWhereLinear() throws {
        let (g, tracks) = try Self.fill(Self.json, a: 0)
        defer { try? FileManager.default.removeItem(at: tracks.store.directory) }
        let i = try GridInterpolator(tracks, coupling: .magneticMoment)
        #expect(i.heldBackError < 1e-12 && i.heldBackCount > 0)
        var s = TrackSpec(mass: 0.83, helium: 0.245, metallicity: 7.7e-4)
        s.mu12 = 2.6
        let o = try i.interpolate(s)
        let expected = 3.3 + 0.1 * 0.03 + 0.01 * 2.6 * 2.6
        #expect(abs(o.logTipLuminosity - expected) < 1e-12, "\(o.logTipLuminosity) vs \(expected)")
        #expect(abs(o.coreMass - (0.48 + 0.001 * 6.76)) < 1e-12)
        #expect(g.points.count == 60)
    }

    @Test("held-back error: a (log Z)² term gives 2.5 a h² at every interior node")
    func heldBackClosedForm() throws {
        let a = 0.05
        let (_, tracks) = try Self.fill(Self.json, a: a)
        defer { try? FileManager.default.removeItem(at: tracks.store.directory) }
        let i = try GridInterpolator(tracks, coupling: .magneticMoment)
        let h = 0.5   // the log Z spacing of 5 nodes over two decades
        #expect(abs(i.heldBackMax - 2.5 * a * h * h) < 1e-12, "\(i.heldBackMax)")
        // 3 interior Z nodes × 2 masses × 6 μ nodes, each error 2.5 a h²; the μ-curve checks are exact (0); the mass
        // axis has 2 nodes (no estimate). Per axis RMS, in quadrature: 2.5 a h².
        let zCount = 3 * 2 * 6, muCount = 5 * 2 * 4
        #expect(i.heldBackCount == zCount + muCount && abs(i.heldBackError - 2.5 * a * h * h) < 1e-12, "\(i.heldBackError)")
        #expect(i.perAxisError["mu12"].map { $0 < 1e-12 } == true && i.unestimatedAxes == ["mass"])
    }

    @Test("refused, naming the axis and its range or the fixed value; an unfinished grid is refused")
    func refusals() throws {
        let (_, tracks) = try Self.fill(Self.json, a: 0)
        defer { try? FileManager.default.removeItem(at: tracks.store.directory) }
        let i = try GridInterpolator(tracks, coupling: .magneticMoment)
        func refusal(_ s: TrackSpec) -> String {
            do { _ = try i.interpolate(s); return "accepted" } catch { return "\(error)" }
        }
        var s = TrackSpec(mass: 0.75, helium: 0.245, metallicity: 1e-3)
        #expect(refusal(s).contains("axis 'mass' spans [0.8, 0.9]"))
        s.mass = 0.85
        s.metallicity = 0.02
        #expect(refusal(s).contains("axis 'metallicity' spans [0.0001, 0.01]"))
        s.metallicity = 1e-3
        s.mu12 = 7
        #expect(refusal(s).contains("axis 'mu12' spans [0.0, 6.0]"))
        s.mu12 = 1
        s.helium = 0.25
        #expect(refusal(s).contains("fixes helium = 0.245"))
        s.helium = 0.245
        s.screening = .none
        #expect(refusal(s).contains("fixes screening = chugunov2007"))
        let (_, partial) = try Self.fill(Self.json, a: 0, skip: 7)
        defer { try? FileManager.default.removeItem(at: partial.store.directory) }
        #expect(throws: GridError.self) { _ = try GridInterpolator(partial, coupling: .magneticMoment) }
    }
}
