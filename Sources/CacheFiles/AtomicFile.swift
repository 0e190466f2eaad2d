import Foundation

/// Writes a file so that no reader ever sees it half-written: the bytes go to a unique temporary name in
/// the same directory and are renamed into place (rename is atomic within a file system), so concurrent
/// processes read either the old file or the whole new one.
public enum AtomicFile {
    /// Writes `data` to `url`, creating its directory; returns what went wrong (for a note), or nil.
    public static func write(_ data: Data, to url: URL) -> String? {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            return "cannot create the directory: \(error.localizedDescription)"
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).tmp")
        do { try data.write(to: tmp) } catch { return "cannot write: \(error.localizedDescription)" }
        _ = try? fm.removeItem(at: url)
        do { try fm.moveItem(at: tmp, to: url) } catch {
            try? fm.removeItem(at: tmp)
            return "cannot rename into place: \(error.localizedDescription)"
        }
        return nil
    }

    /// The bytes of `values` as stored in a cache file.
    public static func bytes(of values: [Double]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }
}
