import CacheFiles
import Foundation

/// One stored track, as written to its file: the identity it answers (so a key collision is detected, never used),
/// the code that computed it, the star and physics, and the result (outcome or typed failure).
///
/// File format (`TrackStore.formatVersion` 1): the entry as JSON with sorted keys, a newline, then the line
/// `fnv1a64 <16 hex digits>` holding the FNV-1a (64 bit) digest of the JSON bytes. A file whose digest line is
/// missing or disagrees (truncated, damaged) is rejected as a whole.
public struct TrackStoreEntry: Codable, Sendable, Equatable {
    public var format: Int
    public var codeVersion: String
    public var identity: String
    public var spec: TrackSpec
    public var outcome: TrackOutcome?
    public var failure: TrackFailure?

    public enum CodingKeys: String, CodingKey {
        case format, codeVersion = "code_version", identity, spec, outcome, failure
    }

    public init(codeVersion: String, identity: String, spec: TrackSpec, result: TrackResult) {
        format = TrackStore.formatVersion
        self.codeVersion = codeVersion
        self.identity = identity
        self.spec = spec
        switch result {
        case let .flashed(o): outcome = o
        case let .failed(f): failure = f
        }
    }

    /// The result; nil when the entry holds neither (a malformed file).
    public var result: TrackResult? {
        if let outcome { return .flashed(outcome) }
        if let failure { return .failed(failure) }
        return nil
    }

    static let digestPrefix = "fnv1a64 "

    /// The file's bytes.
    public func fileData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(self)
        var data = json
        data.append(Data("\n\(Self.digestPrefix)\(FNV1a.hex(FNV1a.hash(bytes: json)))\n".utf8))
        return data
    }

    /// Parses a file's bytes; throws a reason (for the note) when the digest or the JSON is bad.
    public static func parse(_ data: Data) throws(TrackStoreError) -> TrackStoreEntry {
        let bytes = [UInt8](data)
        let marker = Array("\n\(digestPrefix)".utf8)
        guard bytes.count > marker.count + 16,
              let at = lastIndex(of: marker, in: bytes) else {
            throw .damaged("no digest line (truncated?)")
        }
        let json = bytes[..<at]
        let tail = String(decoding: bytes[(at + marker.count)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard tail == FNV1a.hex(FNV1a.hash(bytes: json)) else {
            throw .damaged("digest mismatch (the file was damaged or truncated)")
        }
        let entry: TrackStoreEntry
        do { entry = try JSONDecoder().decode(TrackStoreEntry.self, from: Data(json)) } catch {
            throw .damaged("unreadable entry: \(error)")
        }
        guard entry.format == TrackStore.formatVersion else { throw .damaged("format \(entry.format), expected \(TrackStore.formatVersion)") }
        guard entry.result != nil else { throw .damaged("neither an outcome nor a failure") }
        return entry
    }

    private static func lastIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        var i = bytes.count - marker.count
        while i >= 0 {
            if bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker { return i }
            i -= 1
        }
        return nil
    }
}

/// What can go wrong with the track store. An unusable directory is bad input (the CLI names the flag or variable
/// that chose it, exit 2); a damaged entry is never an error to the caller: it is reported and recomputed.
public enum TrackStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory cannot be created or written: the path, who chose it (`--store`, `STELLARBOUND_STORE`, …), why.
    case unwritable(path: String, chosenBy: String, reason: String)
    /// An entry that cannot be used (the reason; the caller names the file).
    case damaged(String)

    public var description: String {
        switch self {
        case let .unwritable(path, chosenBy, reason):
            return "\(chosenBy) \(path): the track store directory is not writable (\(reason)); give a writable directory, or 'off' for no store"
        case let .damaged(reason): return reason
        }
    }
}
