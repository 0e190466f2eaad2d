import Dispatch
import Foundation
import RedGiantCore

/// Runs flash tracks on every core, each once: results are remembered by `TrackSpec` for the
/// runner's lifetime (the systematics and the tip curves share their standard tracks).
public final class TrackRunner: @unchecked Sendable {
    public let relations: CoreEdgeRelations
    public let settings: FlashSettings
    /// Worker threads (default: the active processor count).
    public let threads: Int
    /// Called after each finished track with (finished, total) of the current batch.
    public var progress: (@Sendable (Int, Int) -> Void)?

    private let lock = NSLock()
    private var memo: [TrackSpec: TrackOutcome] = [:]
    /// Tracks computed (not taken from memory) and their summed run time (s).
    public private(set) var computed = 0
    public private(set) var trackSeconds = 0.0

    public init(relations: CoreEdgeRelations, settings: FlashSettings = FlashSettings(),
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.relations = relations
        self.settings = settings
        self.threads = max(1, threads)
    }

    /// Results for every spec, in order; throws the first failure (with the track named).
    public func run(_ specs: [TrackSpec]) throws -> [TrackOutcome] {
        var unique: [TrackSpec] = []
        lock.lock()
        for s in specs where memo[s] == nil && !unique.contains(s) { unique.append(s) }
        lock.unlock()
        // Build every integrator first so that bad input fails before any work.
        let batch = Batch(specs: unique, integrators: try unique.map { try $0.integrator(relations: relations, settings: settings) })
        let total = unique.count
        let workers = min(threads, max(total, 1))
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) { [self] in
                while let i = batch.take() {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let result = batch.integrators[i].run()
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
                    lock.lock()
                    if case let .failed(reason) = result.status {
                        batch.failures[i] = "track \(batch.specs[i]) did not reach the flash: \(reason)"
                    } else {
                        memo[batch.specs[i]] = TrackOutcome(coreMass: result.coreMass, logTipLuminosity: result.logTipLuminosity, seconds: seconds)
                        computed += 1
                        trackSeconds += seconds
                    }
                    batch.finished += 1
                    let done = batch.finished
                    lock.unlock()
                    progress?(done, total)
                }
            }
        }
        group.wait()
        let failures = batch.failures
        if let failure = failures.compactMap({ $0 }).first { throw TRGBError.computation(failure) }
        lock.lock()
        defer { lock.unlock() }
        return specs.map { memo[$0]! }
    }

    /// Seeds the memory with known outcomes (the posterior's disk cache).
    public func remember(_ outcomes: [TrackSpec: TrackOutcome]) {
        lock.lock()
        memo.merge(outcomes) { a, _ in a }
        lock.unlock()
    }

    /// Everything computed or remembered so far.
    public var known: [TrackSpec: TrackOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return memo
    }
}

/// One batch of tracks shared by the workers: each integrator is taken by exactly one worker;
/// `failures` and `finished` are written under the runner's lock.
private final class Batch: @unchecked Sendable {
    let specs: [TrackSpec]
    let integrators: [FlashIntegrator]
    var failures: [String?]
    var finished = 0
    private let lock = NSLock()
    private var next = 0

    init(specs: [TrackSpec], integrators: [FlashIntegrator]) {
        self.specs = specs
        self.integrators = integrators
        failures = Array(repeating: nil, count: specs.count)
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
