import Dispatch
import Foundation
import RedGiantCore

/// Runs tracks to helium ignition on every core, each once, on one of two engines (`TrackEngine`: the core-only
/// flash integrator, or whole stars through `wholeStar`; the engine is part of every stored track's context): results are remembered by `TrackSpec` for the runner's lifetime
/// (the systematics and the tip curves share their standard tracks) and, with a `TrackStore`, on disk across runs:
/// a stored track is read instead of computed, and each computed track is stored as soon as it finishes (so a
/// killed run keeps what it finished).
public final class TrackRunner: @unchecked Sendable {
    public let relations: CoreEdgeRelations
    public let settings: FlashSettings
    /// Worker threads (default: the active processor count).
    public let threads: Int
    /// The disk store (nil: memory only).
    public let store: TrackStore?
    /// Called after each finished track with (finished, total) of the current batch's computed tracks.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Notes about the store (a damaged entry recomputed, an entry that could not be written).
    public var warn: (@Sendable (String) -> Void)?

    private let lock = NSLock()
    private var memo: [TrackSpec: TrackResult] = [:]
    /// Tracks computed (not taken from memory or the store) and their summed run time (s).
    public private(set) var computed = 0
    public private(set) var trackSeconds = 0.0
    /// Tracks read from the store.
    public private(set) var fromStore = 0
    private var storeProblemReported = false

    /// The whole-star engine (nil: the core-only flash integrator with `relations` and `settings`).
    public let wholeStar: WholeStarTracks?

    public init(relations: CoreEdgeRelations, settings: FlashSettings = FlashSettings(),
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, store: TrackStore? = nil,
                wholeStar: WholeStarTracks? = nil) {
        self.relations = relations
        self.settings = settings
        self.threads = max(1, threads)
        self.store = store
        self.wholeStar = wholeStar
    }

    /// A runner with the same engine, threads and store and an empty memory.
    public func sibling() -> TrackRunner {
        let r = TrackRunner(relations: relations, settings: settings, threads: threads, store: store, wholeStar: wholeStar)
        r.warn = warn
        r.progress = progress
        return r
    }

    /// Which engine runs the tracks: `core` or `whole-star` (`TrackEngine`).
    public var engine: TrackEngine { wholeStar == nil ? .core : .wholeStar }

    /// The engine context of a track's store identity: everything besides the `TrackSpec` that sets its numbers.
    public var context: String {
        if let wholeStar { return wholeStar.context }
        var s = settings
        s.keepHistory = false
        return "engine core-flash; relations " + PhysicsSpecification.canonical(relations, version: 1)
            + "; settings " + PhysicsSpecification.canonical(s, version: 1)
    }

    /// Results for every spec, in order; throws the first failure (with the track named).
    public func run(_ specs: [TrackSpec]) throws -> [TrackOutcome] {
        let results = try runAll(specs)
        for (spec, result) in zip(specs, results) {
            if case let .failed(f) = result { throw TRGBError.computation("track \(spec) did not reach the flash: \(f.message)") }
        }
        return results.map { $0.outcome! }
    }

    /// Results for every spec, in order, failures included (typed); throws only on bad input, before any work.
    public func runAll(_ specs: [TrackSpec]) throws -> [TrackResult] {
        var unique: [TrackSpec] = []
        var seen = Set<TrackSpec>()
        lock.lock()
        for s in specs where memo[s] == nil && !seen.contains(s) {
            unique.append(s)
            seen.insert(s)
        }
        lock.unlock()
        // From the store first.
        let context = self.context
        var identities: [TrackSpec: String] = [:]
        var storable = Set<TrackSpec>()
        if let store {
            var missing: [TrackSpec] = []
            for s in unique {
                let id = store.identity(of: s, context: context)
                identities[s] = id
                switch store.read(identity: id) {
                case let .hit(result):
                    lock.lock()
                    memo[s] = result
                    fromStore += 1
                    lock.unlock()
                    continue
                case .miss:
                    storable.insert(s)
                case let .damaged(reason):
                    warn?("track store: \(store.url(forIdentity: id).path) is damaged (\(reason)); recomputing it")
                    store.discardIfDamaged(identity: id)
                    storable.insert(s)
                case .collision:
                    warn?("track store: \(store.url(forIdentity: id).path) holds another track with the same key; computing this one without storing it")
                }
                missing.append(s)
            }
            unique = missing
        }
        // Build every job first so that bad input fails before any work.
        let batch = Batch(specs: unique, jobs: try unique.map { try job($0) })
        let total = unique.count
        let (toStore, ids) = (storable, identities)
        if total > 0 { progress?(0, total) }
        let workers = min(threads, max(total, 1))
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) { [self] in
                while let i = batch.take() {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let result = batch.jobs[i]()
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
                    let spec = batch.specs[i]
                    if let store, toStore.contains(spec), let id = ids[spec],
                       let problem = store.write(identity: id, spec: spec, result: result) {
                        lock.lock()
                        let first = !storeProblemReported
                        storeProblemReported = true
                        lock.unlock()
                        if first { warn?("track store: \(problem); later problems are not reported") }
                    }
                    lock.lock()
                    memo[spec] = result
                    computed += 1
                    trackSeconds += seconds
                    batch.finished += 1
                    let done = batch.finished
                    lock.unlock()
                    progress?(done, total)
                }
            }
        }
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return specs.map { memo[$0]! }
    }

    /// The work of one track, checked (bad input throws, naming the field) before any work.
    func job(_ spec: TrackSpec) throws -> @Sendable () -> TrackResult {
        if let wholeStar { return try wholeStar.job(spec) }
        let integrator = SingleOwner(try spec.integrator(relations: relations, settings: settings))
        return {
            let start = DispatchTime.now().uptimeNanoseconds
            let flash = integrator.value.run()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            if case let .failed(reason) = flash.status { return .failed(TrackFailure(reason)) }
            return .flashed(TrackOutcome(flash, seconds: seconds))
        }
    }

    /// Seeds the memory with known outcomes.
    public func remember(_ outcomes: [TrackSpec: TrackOutcome]) {
        lock.lock()
        memo.merge(outcomes.mapValues { .flashed($0) }) { a, _ in a }
        lock.unlock()
    }

    /// Every flashed track computed, read or remembered so far.
    public var known: [TrackSpec: TrackOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return memo.compactMapValues(\.outcome)
    }
}

/// One batch of tracks shared by the workers: each job is taken by exactly one worker;
/// `finished` is written under the runner's lock.
private final class Batch: @unchecked Sendable {
    let specs: [TrackSpec]
    let jobs: [@Sendable () -> TrackResult]
    var finished = 0
    private let lock = NSLock()
    private var next = 0

    init(specs: [TrackSpec], jobs: [@Sendable () -> TrackResult]) {
        self.specs = specs
        self.jobs = jobs
    }

    /// The next unclaimed index, or nil when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < specs.count else { return nil }
        next += 1
        return next - 1
    }
}

/// A value handed to exactly one worker (a batch's job runs once), so it may cross threads unchecked.
private final class SingleOwner<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The engine that computes bound tracks.
public enum TrackEngine: String, Sendable, CaseIterable, Codable {
    /// The helium core alone to the flash, the envelope through core-edge relations (`FlashIntegrator`): seconds
    /// per track; valid near 0.8–0.9 M☉ (Docs/whole-star-evolution.md §6).
    case core
    /// The whole star from its ZAMS to helium ignition (`WholeStarTracks`): minutes per track; every mass, the
    /// mixing length and the wind act, and the tip's T_eff comes from the model.
    case wholeStar = "whole-star"
}
