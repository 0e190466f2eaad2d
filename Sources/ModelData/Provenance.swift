import CacheFiles
import Foundation

/// What produced an output (issue 18 item 2): the tool's version, the StellarModels directory and the rule that found
/// it, and a digest of that directory's contents, so that a result can be traced to the data it was computed from
/// (an edited calibration changes the digest). Every `--json` report carries it as `provenance`, every text report as
/// its last line. Commands that read no data file (the plasma module's) give null data fields.
public struct Provenance: Encodable, Sendable, Equatable {
    /// The tool's version (also `stellarbound --version`).
    public static let toolVersion = "0.1.0"

    public var toolVersion: String
    /// Absolute path of the StellarModels directory used, or nil when the command reads no data file.
    public var dataDir: String?
    /// The rule that found it (`DataDirectory.Origin`'s raw value).
    public var dataOrigin: String?
    /// `DataDirectory.digest()`: "fnv1a64w:" and 16 hex digits.
    public var dataDigest: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case toolVersion = "tool_version", dataDir = "data_dir", dataOrigin = "data_origin", dataDigest = "data_digest"
    }

    /// The provenance of a run that used `data` (nil: no data file read).
    public init(data: DataDirectory?) throws {
        toolVersion = Self.toolVersion
        dataDir = data?.url.path
        dataOrigin = data?.origin.rawValue
        dataDigest = try data?.digest()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(toolVersion, forKey: .toolVersion)
        try c.encode(dataDir, forKey: .dataDir)
        try c.encode(dataOrigin, forKey: .dataOrigin)
        try c.encode(dataDigest, forKey: .dataDigest)
    }

    /// The text reports' last line.
    public var text: String {
        guard let dataDir, let dataOrigin, let dataDigest else { return "stellarbound \(toolVersion); no data files read" }
        return "stellarbound \(toolVersion); data \(dataDir) (\(dataOrigin)), digest \(dataDigest)"
    }
}

extension DataDirectory {
    /// A digest of every file under the directory: FNV-1a over 64-bit words (`FNV1a.hashWords`) of each file's
    /// relative path, its length and its bytes, files in sorted path order, hidden files (a leading ".") skipped.
    /// The same data give the same digest on any machine (no dates or absolute paths enter it); any edited, added,
    /// removed or renamed file changes it. It covers the whole directory, more than any one command reads. Not a
    /// defence against deliberate tampering. Computed once per directory and process (~23 MB: ~20 ms in release).
    public func digest() throws -> String {
        if let cached = DigestCache.shared.value(for: url.path) { return cached }
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                         options: [.skipsHiddenFiles]) else {
            throw ModelDataError.unreadable(file: url.path, reason: "cannot list the directory")
        }
        let root = url.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [(String, URL)] = []
        for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let full = file.resolvingSymlinksInPath().standardizedFileURL.path
            let relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : file.lastPathComponent
            files.append((relative, file))
        }
        files.sort { $0.0 < $1.0 }
        var h = FNV1a.offsetBasis
        for (relative, file) in files {
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw ModelDataError.unreadable(file: file.path, reason: error.localizedDescription)
            }
            h = Array(relative.utf8).withUnsafeBytes { FNV1a.hashWords($0, continuing: h) }
            h = withUnsafeBytes(of: UInt64(data.count).littleEndian) { FNV1a.hashWords($0, continuing: h) }
            h = data.withUnsafeBytes { FNV1a.hashWords($0, continuing: h) }
        }
        let text = "fnv1a64w:" + FNV1a.hex(h)
        DigestCache.shared.store(text, for: url.path)
        return text
    }
}

/// Digests computed in this process, by directory path.
private final class DigestCache: @unchecked Sendable {
    static let shared = DigestCache()
    private var values: [String: String] = [:]
    private let lock = NSLock()
    func value(for path: String) -> String? { lock.lock(); defer { lock.unlock() }; return values[path] }
    func store(_ value: String, for path: String) { lock.lock(); values[path] = value; lock.unlock() }
}
