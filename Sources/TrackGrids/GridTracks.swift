import Foundation
import TRGBBounds

/// A grid spec read against a track store: which tracks are done, failed or missing, shard by shard, and one row
/// per track for export. The store identities come from a `TrackRunner`'s context (the core-edge relations and
/// numerical settings), so `grid status` and `grid export` see exactly what `grid run` with the same data wrote.
public struct GridTracks {
    public let spec: GridSpec
    public let store: TrackStore
    public let context: String

    public init(spec: GridSpec, store: TrackStore, context: String) {
        self.spec = spec
        self.store = store
        self.context = context
    }

    /// A track's state in the store (a damaged entry counts as missing: `grid run` recomputes it).
    public enum State: Sendable, Equatable {
        case flashed(TrackOutcome)
        case failed(TrackFailure)
        case missing
    }

    public func state(_ index: Int) -> State {
        switch store.read(identity: store.identity(of: spec.points[index], context: context)) {
        case let .hit(.flashed(o)): return .flashed(o)
        case let .hit(.failed(f)): return .failed(f)
        case .miss, .damaged, .collision: return .missing
        }
    }

    /// Counts of one shard.
    public struct ShardStatus: Sendable, Equatable, Encodable {
        public var shard: Int, tracks: Int, flashed: Int, failed: Int, missing: Int
        public var complete: Bool { missing == 0 }
        public enum CodingKeys: String, CodingKey, CaseIterable { case shard, tracks, flashed, failed, missing }
    }

    /// Per shard of `shards`, in shard order.
    public func status(shards: Int) -> [ShardStatus] {
        let states = (0..<spec.points.count).map(state)
        return (0..<shards).map { k in
            var s = ShardStatus(shard: k, tracks: 0, flashed: 0, failed: 0, missing: 0)
            for i in spec.indices(shard: k, of: shards) {
                s.tracks += 1
                switch states[i] {
                case .flashed: s.flashed += 1
                case .failed: s.failed += 1
                case .missing: s.missing += 1
                }
            }
            return s
        }
    }

    /// Every track's row: its index, every input parameter (an axis or fixed value as the spec gives it, so that
    /// `q14 = 0.9` is not printed as the round trip through e, 0.8999999999999999), and its state.
    public func rows() -> [GridRow] {
        let fixed = Dictionary(spec.fixed, uniquingKeysWith: { a, _ in a })
        return spec.points.indices.map { i in
            let given = fixed.merging(spec.axisValues(i), uniquingKeysWith: { _, b in b })
            return GridRow(index: i, inputs: GridParameter.all.map { ($0.name, given[$0.name] ?? $0.get(spec.points[i])) }, state: state(i))
        }
    }
}

/// One exported track.
public struct GridRow: Sendable {
    public var index: Int
    /// (parameter name, value) in `GridParameter.all` order.
    public var inputs: [(String, GridValue)]
    public var state: GridTracks.State

    public var status: String {
        switch state {
        case .flashed: return "flashed"
        case .failed: return "failed"
        case .missing: return "missing"
        }
    }
}
