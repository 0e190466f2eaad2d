import Foundation
import TestSupport
import Testing
@testable import TRGBBounds

/// The track store (issue 16 item 1): identity, atomic no-clobber writes, checked reads, maintenance; and the runner
/// reading and filling it with a real track.
@Suite struct TrackStoreTests {
    static func scratch(_ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-store-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.removeItem(at: dir)
        return dir
    }

    static let spec = TrackSpec(mass: 0.8, helium: 0.245, metallicity: 0.001)
    static let outcome: TrackOutcome = {
        var o = TrackOutcome(coreMass: 0.48, logTipLuminosity: 3.3, seconds: 1.5)
        o.age = 2.9e8
        o.steps = 172
        return o
    }()

    @Test("a stored result reads back equal; another spec, context or code version is another key")
    func roundTrip() throws {
        let store = try TrackStore(directory: Self.scratch("rt"))
        let id = store.identity(of: Self.spec, context: "ctx")
        #expect(store.read(identity: id) == .miss)
        #expect(store.write(identity: id, spec: Self.spec, result: .flashed(Self.outcome)) == nil)
        #expect(store.read(identity: id) == .hit(.flashed(Self.outcome)))
        let failure = TrackFailure(kind: "no_flash", message: "no flash within 10 steps")
        let other = Self.spec.with(mu12: 2)
        let otherID = store.identity(of: other, context: "ctx")
        store.write(identity: otherID, spec: other, result: .failed(failure))
        #expect(store.read(identity: otherID) == .hit(.failed(failure)))
        // Any change of spec, context or code version changes the key.
        var physics = Self.spec
        physics.screening = .screen5
        let keys = [id, otherID, store.identity(of: physics, context: "ctx"), store.identity(of: Self.spec, context: "ctx2"),
                    try TrackStore(directory: store.directory, codeVersion: "9.9.9+r9").identity(of: Self.spec, context: "ctx")]
            .map { store.url(forIdentity: $0).lastPathComponent }
        #expect(Set(keys).count == keys.count)
        let s = store.summary()
        #expect(s.entries == 2 && s.flashed == 1 && s.failed == 1 && s.damaged == 0)
        try? FileManager.default.removeItem(at: store.directory)
    }

    @Test("an existing entry is never overwritten (link, not rename)")
    func noClobber() throws {
        let store = try TrackStore(directory: Self.scratch("nc"))
        let id = store.identity(of: Self.spec, context: "ctx")
        store.write(identity: id, spec: Self.spec, result: .flashed(Self.outcome))
        var second = Self.outcome
        second.seconds = 99
        #expect(store.write(identity: id, spec: Self.spec, result: .flashed(second)) == nil)
        #expect(store.read(identity: id) == .hit(.flashed(Self.outcome)))
        #expect(store.files().temporary.isEmpty, "no temporary file left behind")
        try? FileManager.default.removeItem(at: store.directory)
    }

    @Test("damaged, truncated, renamed and colliding entries are detected, never used")
    func damage() throws {
        let store = try TrackStore(directory: Self.scratch("dm"))
        let id = store.identity(of: Self.spec, context: "ctx")
        store.write(identity: id, spec: Self.spec, result: .flashed(Self.outcome))
        let url = store.url(forIdentity: id)
        let good = try Data(contentsOf: url)
        // One changed digit inside the JSON.
        var bytes = [UInt8](good)
        let at = bytes.firstIndex(of: UInt8(ascii: "4"))!
        bytes[at] = UInt8(ascii: "5")
        try Data(bytes).write(to: url)
        guard case .damaged = store.read(identity: id) else { Issue.record("a changed digit was read"); return }
        // Truncated (a writer killed without the atomic publish would leave this).
        try good.prefix(good.count / 2).write(to: url)
        guard case .damaged = store.read(identity: id) else { Issue.record("a truncated file was read"); return }
        #expect(store.summary().damaged == 1)
        store.discardIfDamaged(identity: id)
        #expect(store.read(identity: id) == .miss)
        // Another identity under this key: a collision, left alone.
        let other = store.identity(of: Self.spec.with(mu12: 1), context: "ctx")
        store.write(identity: other, spec: Self.spec, result: .flashed(Self.outcome))
        try FileManager.default.copyItem(at: store.url(forIdentity: other), to: url)
        #expect(store.read(identity: id) == .collision)
        // `scan` sees that the copied file's name is not its identity's key.
        #expect(store.scan().filter { if case .failure = $0.entry { return true }; return false }.count == 1)
        try? FileManager.default.removeItem(at: store.directory)
    }

    @Test("prune removes other code versions, damaged entries and stale temporary files, and keeps this version's")
    func prune() throws {
        let dir = Self.scratch("pr")
        let old = try TrackStore(directory: dir, codeVersion: "0.0.1+r0")
        old.write(identity: old.identity(of: Self.spec, context: "c"), spec: Self.spec, result: .flashed(Self.outcome))
        let store = try TrackStore(directory: dir)
        let id = store.identity(of: Self.spec, context: "c")
        store.write(identity: id, spec: Self.spec, result: .flashed(Self.outcome))
        let damagedID = store.identity(of: Self.spec.with(mu12: 3), context: "c")
        store.write(identity: damagedID, spec: Self.spec, result: .flashed(Self.outcome))
        try Data("{}".utf8).write(to: store.url(forIdentity: damagedID))
        let tmp = store.url(forIdentity: id).deletingLastPathComponent().appendingPathComponent(".x.track-1-2.tmp")
        try Data("partial".utf8).write(to: tmp)
        #expect(store.summary().codeVersions == ["0.0.1+r0": 1, TrackStore.codeVersion: 1])
        let removed = store.prune(staleAfter: 3600)
        #expect(removed.otherVersions == 1 && removed.damaged == 1 && removed.temporary == 0)
        let s = store.summary()
        #expect(s.entries == 1 && s.damaged == 0 && s.codeVersions == [TrackStore.codeVersion: 1])
        #expect(s.temporary == 1, "a young temporary file may belong to a running writer")
        #expect(store.prune(staleAfter: -1).temporary == 1)
        #expect(store.read(identity: id) == .hit(.flashed(Self.outcome)))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("the location: --store, then STELLARBOUND_STORE, then the user cache; 'off' disables; unwritable is an error naming its source")
    func location() throws {
        #expect(TrackStoreLocation.resolve(explicit: "/a", environment: ["STELLARBOUND_STORE": "/b"])?.url.path == "/a")
        #expect(TrackStoreLocation.resolve(explicit: nil, environment: ["STELLARBOUND_STORE": "/b"])?.origin == .environment)
        #expect(TrackStoreLocation.resolve(explicit: "off", environment: [:]) == nil)
        #expect(TrackStoreLocation.resolve(explicit: nil, environment: ["STELLARBOUND_STORE": "off"]) == nil)
        #expect(TrackStoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/u"])?.url.path == "/home/u/.cache/stellarbound/tracks")
        #expect(TrackStoreLocation.resolve(explicit: nil, environment: ["STELLARBOUND_CACHE_DIR": "/c"])?.url.path == "/c/tracks")
        // A directory below a regular file cannot be created, even by root.
        let file = Self.scratch("file")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = file.appendingPathComponent("store").path
        #expect(throws: TrackStoreError.self) { try TrackStoreLocation.resolve(explicit: bad)!.open() }
        do { _ = try TrackStoreLocation.resolve(explicit: bad)!.open() } catch {
            #expect(error.description.hasPrefix("--store \(bad)"))
        }
        // The default location only costs the store.
        var notes: [String] = []
        let fallback = TrackStoreLocation(url: URL(fileURLWithPath: bad), origin: .userCache)
        #expect(try fallback.open(note: { notes.append($0) }) == nil)
        #expect(notes.count == 1)
    }

    /// The standard track, and one with every non-default choice the budget uses and all three couplings, at
    /// `resultsRevision`. If a code change moves these numbers, bump `TrackStore.resultsRevision` (stores then
    /// recompute) and record the new values here.
    static let revision = (number: 1, coreMass: 0.48838981685477856, logL: 3.326960551388487)
    static let revisionOther = (coreMass: 0.5075551807495122, logL: 3.4678995905530927)
    static let other: TrackSpec = {
        var s = TrackSpec(mass: 0.9, helium: 0.25, metallicity: 0.002)
        s.mu12 = 2
        s.q14 = 0.5
        s.g13 = 1
        s.conduction = .yakovlevUrpin1980
        s.blouin2020 = true
        s.tripleAlpha = .nacre
        s.screening = .screen5
        s.physics.neutrinoLossFactor = 1.1
        s.edgeTemperatureFactor = 1.02
        return s
    }()

    @Test("runner + store: computed once, then read back identical; a damaged entry is reported and recomputed; the revision guard")
    func runnerUsesTheStore() throws {
        let dir = Self.scratch("runner")
        defer { try? FileManager.default.removeItem(at: dir) }
        let relations = TestData.data.relations
        let first = TrackRunner(relations: relations, threads: 1, store: try TrackStore(directory: dir))
        let both = try first.run([Self.spec, Self.other])
        let computed = both[0], other = both[1]
        #expect(first.computed == 2 && first.fromStore == 0)
        // The code-version guard: a change of the standard track's numbers needs a new results revision.
        #expect(TrackStore.resultsRevision == Self.revision.number
                    && abs(computed.coreMass - Self.revision.coreMass) <= 1e-9 * Self.revision.coreMass
                    && abs(computed.logTipLuminosity - Self.revision.logL) <= 1e-9 * Self.revision.logL,
                "the standard track is M_c = \(computed.coreMass), log L = \(computed.logTipLuminosity) at results revision \(TrackStore.resultsRevision): bump TrackStore.resultsRevision and record these numbers in TrackStoreTests.revision")
        #expect(abs(other.coreMass - Self.revisionOther.coreMass) <= 1e-9 * Self.revisionOther.coreMass
                    && abs(other.logTipLuminosity - Self.revisionOther.logL) <= 1e-9 * Self.revisionOther.logL,
                "the non-default track is M_c = \(other.coreMass), log L = \(other.logTipLuminosity) at results revision \(TrackStore.resultsRevision): bump TrackStore.resultsRevision and record these numbers in TrackStoreTests.revisionOther")
        let second = TrackRunner(relations: relations, threads: 1, store: try TrackStore(directory: dir))
        #expect(try second.run([Self.spec])[0] == computed)
        #expect(second.computed == 0 && second.fromStore == 1)
        // Damage the entry: the next runner warns once, recomputes, and leaves a valid entry.
        let store = try TrackStore(directory: dir)
        let url = store.url(forIdentity: store.identity(of: Self.spec, context: second.context))
        try Data("garbage".utf8).write(to: url)
        let third = TrackRunner(relations: relations, threads: 1, store: store)
        let warnings = WarningLog()
        third.warn = { warnings.append($0) }
        let again = try third.run([Self.spec])[0]
        #expect(third.computed == 1 && warnings.lines.count == 1 && warnings.lines[0].contains("damaged"))
        #expect(again.coreMass == computed.coreMass && again.logTipLuminosity == computed.logTipLuminosity)
        #expect(store.scan().allSatisfy { if case .success = $0.entry { return true }; return false })
    }
}

/// Warnings collected from the runner's workers.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ s: String) { lock.lock(); stored.append(s); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}
