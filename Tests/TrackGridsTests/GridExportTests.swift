import Foundation
import Testing
import TRGBBounds
@testable import TrackGrids

/// Status and export over a store filled by hand (no tracks run): states per shard, the CSV's columns and quoting,
/// and the Slurm scripts.
@Suite struct GridExportTests {
    @Test("status per shard and the exported rows: flashed, failed (typed, quoted), missing")
    func statusAndExport() throws {
        let g = try GridSpec(data: Data(#"{"name": "e", "fixed": {"mass": 0.8, "helium": 0.25, "metallicity": 0.001}, "axes": [{"name": "mu12", "values": [0, 1, 2]}]}"#.utf8), file: "e.json")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-grid-export-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try TrackStore(directory: dir)
        var o = TrackOutcome(coreMass: 0.49, logTipLuminosity: 3.31, seconds: 2)
        o.steps = 170
        store.write(identity: store.identity(of: g.points[0], context: "ctx"), spec: g.points[0], result: .flashed(o))
        let f = TrackFailure(kind: "no_flash", message: "no flash within 10 steps (M_c = 0.3000 M☉), \"quoted\"")
        store.write(identity: store.identity(of: g.points[2], context: "ctx"), spec: g.points[2], result: .failed(f))
        let tracks = GridTracks(spec: g, store: store, context: "ctx")
        let status = tracks.status(shards: 2)
        #expect(status[0] == GridTracks.ShardStatus(shard: 0, tracks: 2, flashed: 1, failed: 1, missing: 0))
        #expect(status[1] == GridTracks.ShardStatus(shard: 1, tracks: 1, flashed: 0, failed: 0, missing: 1))
        // Another context (other core-edge relations or settings) sees nothing.
        #expect(GridTracks(spec: g, store: store, context: "other").status(shards: 1)[0].missing == 3)
        let lines = GridExport.csv(tracks.rows()).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == GridExport.columns.joined(separator: ","))
        #expect(lines.count == 5 && lines[4].isEmpty)
        let columns = GridExport.columns
        func field(_ line: Int, _ name: String) -> String {
            // The failure message is the only quoted field; split the rest on commas.
            var fields: [String] = [], current = "", quoted = false
            var chars = Array(lines[line])[...]
            while let c = chars.popFirst() {
                if c == "\"" { if quoted, chars.first == "\"" { current.append("\""); chars.removeFirst() } else { quoted.toggle() } }
                else if c == "," && !quoted { fields.append(current); current = "" }
                else { current.append(c) }
            }
            fields.append(current)
            #expect(fields.count == columns.count)
            return fields[columns.firstIndex(of: name)!]
        }
        #expect(field(1, "status") == "flashed" && field(1, "core_mass_msun") == "0.49" && field(1, "steps") == "170")
        #expect(field(2, "status") == "missing" && field(2, "log_l_tip").isEmpty && field(2, "mu12") == "1.0")
        #expect(field(3, "status") == "failed" && field(3, "failure_kind") == "no_flash" && field(3, "failure_message") == f.message)
        #expect(field(3, "screening") == "chugunov2007" && field(3, "blouin2020") == "false")
    }

    @Test("Slurm scripts: one array task per shard, the export after the array (afterok), absolute paths, checked options")
    func slurm() throws {
        let s = try SlurmScripts(gridName: "g", shards: 4, partition: "debug", time: "1-02:00:00", cpusPerTask: 2,
                                 executable: "/opt/sb/bin/stellarbound", specFile: "/data/g.json", store: "/shared/store",
                                 dataDir: "/opt/sb/share/StellarModels", directory: "/data/slurm-g")
        #expect(s.arrayScript.contains("#SBATCH --array=0-3"))
        #expect(s.arrayScript.contains(#"--shard "${SLURM_ARRAY_TASK_ID}/4""#))
        #expect(s.arrayScript.contains("#SBATCH --partition=debug") && s.arrayScript.contains("#SBATCH --cpus-per-task=2"))
        #expect(s.arrayScript.contains("--store '/shared/store'") && s.arrayScript.contains("'/opt/sb/bin/stellarbound' grid run '/data/g.json'"))
        #expect(s.submitScript.contains(#"--dependency=afterok:"$array""#))
        #expect(s.exportScript.contains("grid export '/data/g.json' --csv") && s.exportScript.contains("--output '/data/slurm-g/g.csv'"))
        for (shards, time, cpus, partition, flag) in [(0, "10", 1, nil, "--shards"), (2, "1:2:3:4", 1, nil, "--time"),
                                                      (2, "abc", 1, nil, "--time"), (2, "10", 0, nil, "--cpus-per-task"),
                                                      (2, "10", 1, "a b", "--partition")] as [(Int, String, Int, String?, String)] {
            do {
                _ = try SlurmScripts(gridName: "g", shards: shards, partition: partition, time: time, cpusPerTask: cpus, executable: "/x",
                                     specFile: "/s", store: "/t", dataDir: "/d", directory: "/o")
                Issue.record("accepted \(flag)")
            } catch {
                #expect(error.description.hasPrefix(flag), "\(error)")
            }
        }
        for ok in ["90", "90:00", "4:00:00", "2-12", "2-12:30", "2-12:30:00"] { #expect(SlurmScripts.validTime(ok), "\(ok)") }
    }
}
