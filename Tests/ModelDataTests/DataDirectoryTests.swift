import Foundation
import TestSupport
import Testing
@testable import ModelData

@Suite("StellarModels lookup")
struct DataDirectoryTests {
    func scratch() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("sb-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    func makeModels(at url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try "x".write(to: url.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    }

    @Test("order: explicit, then environment, then installed share/, then beside the executable, then the source tree")
    func order() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let exe = root.appendingPathComponent("prefix/bin/stellarbound")
        try FileManager.default.createDirectory(at: exe.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Nothing installed yet: the source tree.
        #expect(try DataDirectory.locate(environment: [:], executable: exe).origin == .sourceTree)
        // Beside the executable.
        try makeModels(at: root.appendingPathComponent("prefix/bin/StellarModels"))
        #expect(try DataDirectory.locate(environment: [:], executable: exe).origin == .besideExecutable)
        // Installed share/ wins over beside.
        let share = root.appendingPathComponent("prefix/share/stellarbound/StellarModels")
        try makeModels(at: share)
        let installed = try DataDirectory.locate(environment: [:], executable: exe)
        #expect(installed.origin == .installed && installed.url.path == share.standardizedFileURL.path)
        // Environment wins over installed; explicit over environment.
        let env = root.appendingPathComponent("env")
        try makeModels(at: env)
        #expect(try DataDirectory.locate(environment: ["STELLARBOUND_DATA": env.path], executable: exe).origin == .environment)
        #expect(try DataDirectory.locate(explicit: share.path, environment: ["STELLARBOUND_DATA": env.path], executable: exe).origin == .explicit)
    }

    @Test("an explicit directory without data is an error that names it")
    func notFound() throws {
        #expect(throws: ModelDataError.unusableLocation(path: "/nonexistent/StellarModels", source: "--data-dir")) {
            _ = try DataDirectory.locate(explicit: "/nonexistent/StellarModels")
        }
    }

    /// Issue 18 (2): a wrong $STELLARBOUND_DATA used to fall back to the stock data silently.
    @Test("a STELLARBOUND_DATA without data is refused, not replaced by the stock data")
    func environmentNotFound() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ModelDataError.unusableLocation(path: "/nonexistent/data", source: "STELLARBOUND_DATA")) {
            _ = try DataDirectory.locate(environment: ["STELLARBOUND_DATA": "/nonexistent/data"])
        }
        // A directory that exists but lacks README.md is refused too.
        #expect(throws: ModelDataError.self) {
            _ = try DataDirectory.locate(environment: ["STELLARBOUND_DATA": root.path])
        }
        // Empty means unset.
        #expect(try DataDirectory.locate(environment: ["STELLARBOUND_DATA": ""]).origin != .environment)
    }

    struct Species: Decodable {
        struct Entry: Decodable { let name: String; let charge: Double; let massNumber: Double }
        let species: [Entry]
    }

    @Test("a malformed file names the file and the field (entry index and name included)")
    func malformed() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try makeModels(at: root)
        try #"{"species": [{"name": "he4", "charge": 2, "mass_number": 4}, {"name": "c12", "mass_number": 12}]}"#
            .write(to: root.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        let dir = try DataDirectory.locate(explicit: root.path)
        do {
            _ = try dir.load(Species.self, from: "s.json")
            Issue.record("accepted a missing field")
        } catch let ModelDataError.malformed(file, field, _) {
            #expect(file.hasSuffix("s.json"))
            #expect(field == "species[1] (c12).charge")
        }
        #expect(throws: ModelDataError.self) { try dir.load(Species.self, from: "absent.json") }
    }

    @Test("the repository's own data decodes")
    func repositoryData() throws {
        let dir = try DataDirectory.locate(environment: [:], executable: nil)
        #expect(dir.origin == .sourceTree && dir.url == StellarModelsFixture.directory.url)   // the tests' one fixture
        let s = try dir.load(Species.self, from: "composition/species.json")
        #expect(s.species.contains { $0.name == "he4" && $0.charge == 2 && $0.massNumber == 4 })
    }
}
