import Foundation
import TestSupport
import Testing
import TRGBBounds
import TrackGrids
@testable import StellarboundCLI

/// `grid` and `store` from the command line (issue 16 items 1, 2 and 4): bad input, the JSON keys against the
/// contract, a shard killed with SIGKILL and resumed, and two processes computing the same tracks at once.
@Suite("grid and store commands", .serialized)
struct GridCLITests {
    static func scratch(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-grid-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Three tracks of the standard star at μ₁₂ = 0, 2, 4.
    static let specText = #"{"name": "faults", "fixed": {"mass": 0.8, "helium": 0.245, "metallicity": 0.001}, "axes": [{"name": "mu12", "values": [0, 2, 4]}]}"#

    static func keys(_ json: String) throws -> Set<String> {
        try JSONValue.parse(json).allKeys.subtracting(OutputContractTests.common)
    }

    @Test("bad input: exit 2 naming the file and field, or the flag", arguments: [
        (["grid", "run", "SPEC", "--shard", "2/2"], "--shard"),
        (["grid", "run", "SPEC", "--shard", "0/0"], "--shard"),
        (["grid", "run", "SPEC", "--shard", "one/2"], "--shard"),
        (["grid", "run", "SPEC", "--threads", "0"], "--threads"),
        (["grid", "run", "BADSPEC"], "axes[0].values[1]"),
        (["grid", "status", "SPEC", "--shards", "0"], "--shards"),
        (["grid", "run", "SPEC", "--store", "UNWRITABLE"], "--store"),
        (["store", "prune", "--store", "UNWRITABLE"], "--store"),
        (["grid", "run", "SPEC", "--shard", "-1/3"], "--shard"),
        (["grid", "slurm", "SPEC", "--shards", "4", "--output-dir", "/tmp/with space"], "--output-dir"),
        (["grid", "slurm", "SPEC", "--shards", "4", "--time", "soon"], "--time"),
        (["grid", "export", "SPEC", "--csv", "--json"], "--csv or --json"),
        (["grid", "plan", "/nonexistent/spec.json"], "/nonexistent/spec.json"),
    ])
    func badInput(args: [String], expected: String) throws {
        let dir = try Self.scratch("bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("g.json"), bad = dir.appendingPathComponent("bad.json")
        try Self.specText.write(to: spec, atomically: true, encoding: .utf8)
        try #"{"fixed": {"mass": 0.8, "helium": 0.245, "metallicity": 0.001}, "axes": [{"name": "screening", "values": ["none", "bogus"]}]}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("plain-file")
        try Data().write(to: file)
        let argv = args.map { $0 == "SPEC" ? spec.path : $0 == "BADSPEC" ? bad.path : $0 == "UNWRITABLE" ? file.path + "/store" : $0 }
        let (code, out, err) = try CLITests.run(argv, environment: ["STELLARBOUND_STORE": dir.appendingPathComponent("store").path])
        #expect(code == 2, "\(argv): \(err)")
        #expect(err.contains(expected), "\(argv): \(err)")
        #expect(out.isEmpty)
        if argv.contains(bad.path) { #expect(err.contains(bad.path) && err.contains("chugunov2007"), "the allowed values: \(err)") }
    }

    @Test("SIGKILL mid-run leaves only whole entries; a rerun completes the grid; two writers of the same tracks leave one valid entry each; keys as documented")
    func faultsAndResume() throws {
        let dir = try Self.scratch("faults")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("g.json")
        try Self.specText.write(to: spec, atomically: true, encoding: .utf8)
        let store = dir.appendingPathComponent("store")
        let env = ["STELLARBOUND_STORE": store.path]

        // A one-thread run, killed once its first track is stored.
        let p = Process()
        p.executableURL = try CLITests.binary()
        p.arguments = ["grid", "run", spec.path, "--threads", "1", "--quiet"]
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let tracks = store.appendingPathComponent("tracks")
        func entries() -> [String] {
            let e = FileManager.default.enumerator(atPath: tracks.path)
            return (e?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".track") && !$0.contains("/.") }
        }
        let deadline = Date().addingTimeInterval(600)
        while entries().isEmpty && p.isRunning && Date() < deadline { usleep(50_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "killed, not finished")
        let (vCode, vOut, vErr) = try CLITests.run(["store", "verify", "--json"], environment: env)
        #expect(vCode == 0, "every entry left by the killed run is whole: \(vOut) \(vErr)")
        // `code_versions` is an object keyed by version, not by contract keys.
        #expect(try Self.keys(vOut).subtracting([TrackStore.codeVersion]) == OutputContractTests.codingKeysOwn["store info|verify|prune"]!.subtracting(["removed_other_versions", "removed_damaged", "removed_temporary"]))
        let (sCode, sOut, _) = try CLITests.run(["grid", "status", spec.path, "--shards", "2", "--json"], environment: env)
        #expect(sCode == 0)
        #expect(try Self.keys(sOut) == OutputContractTests.codingKeysOwn["grid status"]!)
        let status = try #require(try JSONSerialization.jsonObject(with: Data(sOut.utf8)) as? [String: Any])
        let missing = status["missing"] as? Int ?? -1
        #expect(missing >= 1 && missing <= 2, "the kill came after the first track: \(sOut)")

        // The rerun computes only what is missing.
        let (rCode, rOut, rErr) = try CLITests.run(["grid", "run", spec.path, "--json"], environment: env)
        #expect(rCode == 0, "\(rErr)")
        #expect(try Self.keys(rOut) == OutputContractTests.codingKeysOwn["grid run"]!)
        let run = try #require(try JSONSerialization.jsonObject(with: Data(rOut.utf8)) as? [String: Any])
        #expect(run["computed"] as? Int == missing && run["from_store"] as? Int == 3 - missing, "\(rOut)")
        #expect(entries().count == 3, "one entry per track, no duplicate: \(entries())")
        let (_, done, _) = try CLITests.run(["grid", "status", spec.path, "--json"], environment: env)
        #expect(done.contains("\"complete\": true"), "\(done)")

        // Two processes computing the same grid into a fresh store at once.
        let store2 = dir.appendingPathComponent("store2")
        let env2 = ["STELLARBOUND_STORE": store2.path]
        let pair = (0..<2).map { _ -> Process in
            let q = Process()
            q.executableURL = p.executableURL
            q.arguments = ["grid", "run", spec.path, "--threads", "1", "--quiet"]
            q.environment = ProcessInfo.processInfo.environment.merging(env2) { $1 }
            q.standardOutput = FileHandle.nullDevice
            q.standardError = FileHandle.nullDevice
            return q
        }
        for q in pair { try q.run() }
        for q in pair { q.waitUntilExit() }
        #expect(pair.allSatisfy { $0.terminationStatus == 0 })
        let (v2, v2Out, _) = try CLITests.run(["store", "verify", "--json"], environment: env2)
        #expect(v2 == 0 && v2Out.contains("\"entries\": 3") && v2Out.contains("\"temporary_files\": 0"), "\(v2Out)")

        // The same grid from both stores exports identically (but for run times).
        func export(_ e: [String: String]) throws -> [String] {
            let (code, out, err) = try CLITests.run(["grid", "export", spec.path, "--csv"], environment: e)
            #expect(code == 0, "\(err)")
            let header = out.split(separator: "\n").first.map { $0.split(separator: ",", omittingEmptySubsequences: false) } ?? []
            let drop = header.firstIndex(of: "wall_time_s") ?? -1
            return out.split(separator: "\n").map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != drop }.map { String($0.element) }.joined(separator: ",")
            }
        }
        let a = try export(env), b = try export(env2)
        #expect(a.count == 4 && a == b)
        let (jCode, jOut, _) = try CLITests.run(["grid", "export", spec.path, "--json"], environment: env)
        #expect(jCode == 0)
        #expect(try Self.keys(jOut) == OutputContractTests.codingKeysOwn["grid export"]!)
        let (pCode, pOut, pErr) = try CLITests.run(["grid", "plan", spec.path, "--shards", "2", "--json"], environment: env)
        #expect(pCode == 0, "\(pErr)")
        #expect(try Self.keys(pOut) == OutputContractTests.codingKeysOwn["grid plan"]!)
        #expect(pOut.contains("\"missing\": 0"))
        let (iCode, iOut, _) = try CLITests.run(["store", "prune", "--json"], environment: env)
        #expect(iCode == 0 && iOut.contains("\"removed_damaged\": 0") && iOut.contains("\"entries\": 3"), "\(iOut)")

        // Analyses on the grid: refused before any track runs when it does not cover what they need (exit 2, naming
        // what the grid fixes), or when it is not finished (exit 1, saying how to finish it).
        let (bCode, bOut, bErr) = try CLITests.run(["bound", "--grid", spec.path, "--calibration", "m5-viaux2013", "--no-systematics"], environment: env)
        #expect(bCode == 2 && bOut.isEmpty && bErr.contains("fixes metallicity = 0.001"), "\(bErr)")
        let (qCode, _, qErr) = try CLITests.run(["posterior", "--grid", spec.path, "--calibration", "m5-viaux2013"], environment: env)
        #expect(qCode == 2 && qErr.contains("does not cover"), "\(qErr)")
        let unfinished = dir.appendingPathComponent("u.json")
        try Self.specText.replacingOccurrences(of: "[0, 2, 4]", with: "[0, 2, 4, 6]").write(to: unfinished, atomically: true, encoding: .utf8)
        let (uCode, _, uErr) = try CLITests.run(["bound", "--grid", unfinished.path, "--no-systematics"], environment: env)
        #expect(uCode == 1 && uErr.contains("1 of 4 tracks missing") && uErr.contains("grid run"), "\(uErr)")
    }
}
