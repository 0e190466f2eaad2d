import CacheFiles
import Foundation
import Testing
@testable import ModelData

/// Issue 18 item 2: results say what produced them; the data digest follows the data, not the machine.
@Suite("Provenance and the data digest")
struct ProvenanceTests {
    /// A small data directory: README.md, a table in a subdirectory, a hidden file.
    func makeData(_ tableText: String, readme: String = "models") throws -> DataDirectory {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("sb-prov-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d.appendingPathComponent("trgb"), withIntermediateDirectories: true)
        try readme.write(to: d.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try tableText.write(to: d.appendingPathComponent("trgb/calibrations.json"), atomically: true, encoding: .utf8)
        try "editor state".write(to: d.appendingPathComponent(".swp"), atomically: true, encoding: .utf8)
        return try DataDirectory.locate(explicit: d.path)
    }

    @Test("the same files give the same digest anywhere; an edited byte, a renamed or an added file changes it")
    func digestFollowsTheData() throws {
        let a = try makeData(#"{"m_i": -4.05}"#), b = try makeData(#"{"m_i": -4.05}"#)
        let edited = try makeData(#"{"m_i": -4.06}"#)
        let other = try makeData(#"{"m_i": -4.05}"#, readme: "models ")
        defer { for d in [a, b, edited, other] { try? FileManager.default.removeItem(at: d.url) } }
        let da = try a.digest()
        #expect(da.hasPrefix("fnv1a64w:") && da.count == 9 + 16)
        #expect(try b.digest() == da, "same content, other path")
        #expect(try edited.digest() != da)
        #expect(try other.digest() != da)
        // A hidden file does not count; an added file does (a fresh path: digests are cached per directory).
        let c = try makeData(#"{"m_i": -4.05}"#)
        defer { try? FileManager.default.removeItem(at: c.url) }
        try "changed".write(to: c.url.appendingPathComponent(".swp"), atomically: true, encoding: .utf8)
        #expect(try c.digest() == da)
        let added = try makeData(#"{"m_i": -4.05}"#)
        defer { try? FileManager.default.removeItem(at: added.url) }
        try "{}".write(to: added.url.appendingPathComponent("trgb/extra.json"), atomically: true, encoding: .utf8)
        #expect(try added.digest() != da)
    }

    @Test("hashWords: word steps, the tail zero-padded, one changed word always changes the hash")
    func hashWords() {
        let bytes: [UInt8] = Array(0..<20)
        let h = bytes.withUnsafeBytes { FNV1a.hashWords($0) }
        // By hand: two little-endian words and a 4-byte tail.
        var ref = FNV1a.offsetBasis
        for w: UInt64 in [0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908, 0x1312_1110] {
            ref ^= w
            ref &*= FNV1a.prime
        }
        #expect(h == ref)
        var changed = bytes
        changed[13] ^= 0x80
        #expect(changed.withUnsafeBytes { FNV1a.hashWords($0) } != h)
        #expect(FNV1a.hex(0xAB) == "00000000000000ab")
    }

    @Test("the provenance line and object: version, directory, origin, digest; null data when none was read")
    func provenance() throws {
        let d = try makeData("{}")
        defer { try? FileManager.default.removeItem(at: d.url) }
        let p = try Provenance(data: d)
        #expect(p.toolVersion == Provenance.toolVersion && p.dataDir == d.url.path && p.dataOrigin == "explicit")
        #expect(p.dataDigest == (try d.digest()))
        #expect(p.text.contains(d.url.path) && p.text.contains(p.dataDigest!) && p.text.hasPrefix("stellarbound 0.1.0"))
        let none = try Provenance(data: nil)
        #expect(none.dataDir == nil && none.dataDigest == nil && none.text.contains("no data files read"))
    }
}
