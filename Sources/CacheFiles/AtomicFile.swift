import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// What `writeNew` did.
    public enum NewFile: Equatable, Sendable {
        case written
        /// The name was taken (another process published first); nothing was changed.
        case exists
        /// The reason it failed.
        case failed(String)
    }

    /// Publishes `data` at `url` only if no file has that name, atomically and without ever replacing one: the bytes
    /// go to a unique hidden temporary file in the same directory, which is published with `link(2)` (it fails if the
    /// name exists) and then removed. A reader sees no file or the whole one; a writer killed midway leaves at most the
    /// hidden `.NAME-PID-RANDOM.tmp` file. Trap: `rename(2)` is atomic too but silently replaces an existing file.
    public static func writeNew(_ data: Data, to url: URL) -> NewFile {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            return .failed("cannot create \(dir.path): \(error.localizedDescription)")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent)-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp")
        guard fm.createFile(atPath: tmp.path, contents: data) else { return .failed("cannot write \(tmp.path)") }
        defer { unlink(tmp.path) }
        guard link(tmp.path, url.path) == 0 else {
            let code = errno
            return code == EEXIST ? .exists : .failed("cannot publish \(url.path): \(String(cString: strerror(code)))")
        }
        return .written
    }

    /// The bytes of `values` as stored in a cache file.
    public static func bytes(of values: [Double]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }
}
