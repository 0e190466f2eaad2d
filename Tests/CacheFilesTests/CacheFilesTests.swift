import Foundation
import Testing
@testable import CacheFiles

@Suite struct CacheFilesTests {
    /// The reference vectors of the FNV specification (draft-eastlake-fnv, test suite for FNV-1a 64).
    @Test func fnv1aReferenceVectors() {
        #expect(FNV1a.hash(bytes: Array("".utf8)) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash(bytes: Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash(bytes: Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        #expect(FNV1a.hexKey("") == "cbf29ce484222325")
        // One flipped bit anywhere changes the digest of a payload.
        var values = (0..<1000).map(Double.init)
        let before = FNV1a.hash(values)
        values[500] = Double(bitPattern: values[500].bitPattern ^ 1)
        #expect(FNV1a.hash(values) != before)
    }

    @Test func atomicWriteAndFailure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-atomic-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("sub/x.bin")
        #expect(AtomicFile.write(AtomicFile.bytes(of: [1, 2, 3]), to: file) == nil)
        #expect(try Data(contentsOf: file).count == 24)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["x.bin"], "no temporary file left behind")
        // A regular file where a directory should be: the write fails with a reason, never a crash.
        #expect(AtomicFile.write(Data([0]), to: file.appendingPathComponent("y.bin")) != nil)
    }

    @Test("writeNew publishes once and never replaces: a second writer finds the name taken")
    func writeNewNeverReplaces() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-writenew-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("e.track")
        #expect(AtomicFile.writeNew(Data("first".utf8), to: file) == .written)
        #expect(AtomicFile.writeNew(Data("second".utf8), to: file) == .exists)
        #expect(try String(contentsOf: file, encoding: .utf8) == "first")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["e.track"], "no temporary file left behind")
        guard case .failed = AtomicFile.writeNew(Data([0]), to: file.appendingPathComponent("under-a-file")) else {
            Issue.record("a regular file where a directory should be must fail with a reason"); return
        }
    }
}
