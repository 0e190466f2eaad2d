import CacheFiles
import Foundation
import ModelData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store of finished tracks on disk, one file per track, so that no run computes a track twice (issue 16 item 1).
///
/// Layout: `DIR/tracks/<k₀k₁>/<key>.track`, where `key` is the FNV-1a (64 bit, hex) of the track's identity: the
/// store format, the code version, the engine context (core-edge relations and numerical settings) and
/// `TrackSpec.canonicalEncoding` (the star and the full physics specification). Any field change gives another key;
/// a new format or code version gives other keys by itself, and `prune` removes what older versions left.
///
/// Guarantees:
/// - Atomic, no-clobber writes (`AtomicFile.writeNew`: a hidden temporary file published with `link(2)`). A reader
///   sees no file or a whole one; a killed writer leaves at most a temporary file that no reader opens; an existing
///   entry is never overwritten, so two processes writing the same key leave the first one's (identical but for its
///   run time).
/// - Checked reads: the digest line must match the bytes and the stored identity must equal the one asked for;
///   anything else is reported and the track recomputed (a damaged file is removed first, a collision is left).
/// The code version is `Provenance.toolVersion` plus `resultsRevision`, which a change of any track's numbers must
/// bump (`TrackStoreTests.runnerUsesTheStore` recomputes two reference tracks, the standard one and one with every
/// non-default choice and coupling, and fails until it is bumped).
public final class TrackStore: Sendable {
    /// Version of the file format and of the identity string.
    public static let formatVersion = 1
    /// Bumped whenever a code change alters the numbers of any track (see the type's doc comment).
    public static let resultsRevision = 1
    /// The code version written into identities and entries.
    public static var codeVersion: String { "\(Provenance.toolVersion)+r\(resultsRevision)" }

    public let directory: URL
    public let codeVersion: String

    /// Opens (creating) the store at `directory`; throws `.unwritable` (naming `chosenBy`) when it cannot be written.
    /// `readOnly` (for commands that only read: `grid status`, `grid export`, `store info`, `store verify`) neither
    /// creates nor probes it, so a finished store on a read-only file system can be read; a missing one reads empty.
    public init(directory: URL, chosenBy: String = "--store", codeVersion: String = TrackStore.codeVersion,
                readOnly: Bool = false) throws(TrackStoreError) {
        self.directory = directory.standardizedFileURL
        self.codeVersion = codeVersion
        if readOnly { return }
        let tracks = self.directory.appendingPathComponent("tracks")
        let fm = FileManager.default
        do { try fm.createDirectory(at: tracks, withIntermediateDirectories: true) } catch {
            throw .unwritable(path: directory.path, chosenBy: chosenBy, reason: "cannot create it: \(error.localizedDescription)")
        }
        let probe = tracks.appendingPathComponent(".probe-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        guard fm.createFile(atPath: probe.path, contents: Data()) else {
            throw .unwritable(path: directory.path, chosenBy: chosenBy, reason: "cannot create a file in it")
        }
        try? fm.removeItem(at: probe)
    }

    /// The identity of a track under an engine context (what its key hashes). The context (the core-edge relations
    /// with their source notes, the numerical settings: ~3 kB, the same for every track of a run) enters as its
    /// FNV-1a digest, which keeps entries small; the spec enters in full.
    public func identity(of spec: TrackSpec, context: String) -> String {
        "stellarbound-track format \(Self.formatVersion); code \(codeVersion); context fnv1a64:\(FNV1a.hexKey(context)); \(spec.canonicalEncoding)"
    }

    /// The file of an identity.
    public func url(forIdentity identity: String) -> URL {
        let key = FNV1a.hexKey(identity)
        return directory.appendingPathComponent("tracks").appendingPathComponent(String(key.prefix(2)))
            .appendingPathComponent(key + ".track")
    }

    /// What a read found.
    public enum Lookup: Sendable, Equatable {
        case miss
        case hit(TrackResult)
        /// The file exists but cannot be used (the reason); it should be recomputed.
        case damaged(String)
        /// The file holds another identity with the same 64-bit key: compute, do not store.
        case collision
    }

    public func read(identity: String) -> Lookup {
        let url = url(forIdentity: identity)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .miss }
        let entry: TrackStoreEntry
        do throws(TrackStoreError) { entry = try TrackStoreEntry.parse(data) } catch { return .damaged(error.description) }
        guard entry.identity == identity else { return .collision }
        return entry.result.map { .hit($0) } ?? .damaged("no result")
    }

    /// Stores a result unless an entry is already there; returns a problem for a note, or nil.
    @discardableResult
    public func write(identity: String, spec: TrackSpec, result: TrackResult) -> String? {
        let url = url(forIdentity: identity)
        let entry = TrackStoreEntry(codeVersion: codeVersion, identity: identity, spec: spec, result: result)
        let data: Data
        do { data = try entry.fileData() } catch { return "cannot encode the entry: \(error)" }
        switch AtomicFile.writeNew(data, to: url) {
        case .written, .exists: return nil   // .exists: another process stored it first; theirs stays
        case let .failed(reason): return reason
        }
    }

    /// Removes a damaged entry without ever removing a valid one: the file is first renamed aside (atomic), then the
    /// renamed file is checked; were it valid (another process replaced the damaged entry in between), it is linked
    /// back (no clobber), and the aside name is removed.
    public func discardIfDamaged(identity: String) {
        guard case .damaged = read(identity: identity) else { return }
        let url = url(forIdentity: identity)
        let aside = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp")
        guard rename(url.path, aside.path) == 0 else { return }
        defer { unlink(aside.path) }
        if let data = FileManager.default.contents(atPath: aside.path), (try? TrackStoreEntry.parse(data)) != nil {
            _ = link(aside.path, url.path)
        }
    }

    // MARK: - Maintenance (`stellarbound store info|verify|prune`)

    /// One file found under `tracks/`.
    public struct Scanned: Sendable {
        public var url: URL
        public var bytes: Int
        /// The entry, or why it cannot be used.
        public var entry: Result<TrackStoreEntry, TrackStoreError>
    }

    /// Entry files (`*.track`) and temporary files left by killed writers (`.*.tmp`).
    public func files() -> (entries: [URL], temporary: [URL]) {
        let root = directory.appendingPathComponent("tracks")
        var entries: [URL] = [], temporary: [URL] = []
        let fm = FileManager.default
        for sub in (try? fm.contentsOfDirectory(atPath: root.path))?.sorted() ?? [] {
            let dir = root.appendingPathComponent(sub)
            for name in (try? fm.contentsOfDirectory(atPath: dir.path))?.sorted() ?? [] {
                if name.hasSuffix(".track") && !name.hasPrefix(".") { entries.append(dir.appendingPathComponent(name)) }
                else if name.hasPrefix(".") && name.hasSuffix(".tmp") { temporary.append(dir.appendingPathComponent(name)) }
            }
        }
        return (entries, temporary)
    }

    /// Every entry, read and checked.
    public func scan() -> [Scanned] {
        files().entries.map { url in
            let data = FileManager.default.contents(atPath: url.path) ?? Data()
            let entry: Result<TrackStoreEntry, TrackStoreError>
            do throws(TrackStoreError) { entry = .success(try TrackStoreEntry.parse(data)) } catch { entry = .failure(error) }
            // A name that is not the key of the identity inside is damage too (a renamed or copied file).
            if case let .success(e) = entry, self.url(forIdentity: e.identity).lastPathComponent != url.lastPathComponent {
                return Scanned(url: url, bytes: data.count, entry: .failure(.damaged("the file name is not the key of its identity")))
            }
            return Scanned(url: url, bytes: data.count, entry: entry)
        }
    }

    /// Counts for `store info`.
    public struct Summary: Sendable, Equatable {
        public var entries = 0, bytes = 0, flashed = 0, failed = 0, damaged = 0, temporary = 0
        /// Entries per code version.
        public var codeVersions: [String: Int] = [:]
    }

    public func summary() -> Summary {
        var s = Summary()
        for item in scan() {
            s.entries += 1
            s.bytes += item.bytes
            switch item.entry {
            case let .success(e):
                s.codeVersions[e.codeVersion, default: 0] += 1
                if e.outcome != nil { s.flashed += 1 } else { s.failed += 1 }
            case .failure: s.damaged += 1
            }
        }
        s.temporary = files().temporary.count
        return s
    }

    /// Removes entries of other code versions, damaged entries, and temporary files older than `staleAfter` seconds
    /// (younger ones may belong to a running writer); returns how many of each went.
    public func prune(staleAfter: TimeInterval = 600) -> (otherVersions: Int, damaged: Int, temporary: Int) {
        var other = 0, damaged = 0, temporary = 0
        for item in scan() {
            switch item.entry {
            case let .success(e) where e.codeVersion != codeVersion:
                if unlink(item.url.path) == 0 { other += 1 }
            case .failure:
                if unlink(item.url.path) == 0 { damaged += 1 }
            default: break
            }
        }
        let now = Date()
        for url in files().temporary {
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now
            if now.timeIntervalSince(modified) > staleAfter, unlink(url.path) == 0 { temporary += 1 }
        }
        return (other, damaged, temporary)
    }
}
