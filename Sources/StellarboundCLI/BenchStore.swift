import ArgumentParser
import Foundation
import TRGBBounds
import TrackGrids

/// `bench store`: the track store's costs for a large grid (Docs/grids.md §5): a grid of `--tracks` points over four
/// axes is written to a temporary store with synthetic outcomes (the I/O does not depend on the numbers), then read
/// back by `grid status`, turned into rows and exported as CSV and JSON. Reports entries per second for each, and the
/// store's size per track (apparent and allocated).
struct BenchStore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Track store: write, status, export and load times for a large grid.")

    @Option(help: "Tracks in the synthetic grid, in [16, 1000000]. Default 10000.") var tracks = 10_000
    @Option(help: "Scratch directory for the temporary store (default: the system's temporary directory).") var scratch: String?
    @Flag(help: "JSON output (keys documented in Docs/output-contract.md).") var json = false

    func validate() throws {
        guard (16...1_000_000).contains(tracks) else { throw ValidationError("--tracks \(tracks) is outside the allowed range [16, 1000000]") }
    }

    struct Report: Encodable {
        var tracks: Int, bytesPerTrack: Double, allocatedBytesPerTrack: Double
        var writeSeconds: Double, statusSeconds: Double, rowsSeconds: Double, csvSeconds: Double, jsonSeconds: Double
        var build: String
        enum CodingKeys: String, CodingKey, CaseIterable {
            case command, tracks, bytesPerTrack = "bytes_per_track", allocatedBytesPerTrack = "allocated_bytes_per_track"
            case writeSeconds = "write_seconds", statusSeconds = "status_seconds", rowsSeconds = "load_seconds"
            case csvSeconds = "export_csv_seconds", jsonSeconds = "export_json_seconds", build
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("bench store", forKey: .command)
            try c.encode(tracks, forKey: .tracks)
            try c.encode(bytesPerTrack, forKey: .bytesPerTrack)
            try c.encode(allocatedBytesPerTrack, forKey: .allocatedBytesPerTrack)
            try c.encode(writeSeconds, forKey: .writeSeconds)
            try c.encode(statusSeconds, forKey: .statusSeconds)
            try c.encode(rowsSeconds, forKey: .rowsSeconds)
            try c.encode(csvSeconds, forKey: .csvSeconds)
            try c.encode(jsonSeconds, forKey: .jsonSeconds)
            try c.encode(build, forKey: .build)
        }
    }

    func run() throws {
        if !json { warnIfDebug("store") }
        // A grid of ~`tracks` points: four axes of n ≈ tracks^¼ values each, trimmed along μ₁₂.
        let n = max(2, Int(pow(Double(tracks), 0.25).rounded(.up)))
        let mu = max(2, Int((Double(tracks) / Double(n * n * n)).rounded(.up)))
        let text = """
            {"name": "bench", "axes": [{"name": "mass", "from": 0.75, "to": 1.0, "count": \(n)},
             {"name": "helium", "from": 0.24, "to": 0.30, "count": \(n)},
             {"name": "metallicity", "from": 1e-4, "to": 1e-2, "count": \(n), "scale": "log"},
             {"name": "mu12", "from": 0, "to": 4, "count": \(mu)}]}
            """
        let spec = try GridSpec(data: Data(text.utf8), file: "(bench store)")
        let dir = URL(fileURLWithPath: scratch ?? FileManager.default.temporaryDirectory.path)
            .appendingPathComponent("stellarbound-bench-store-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try TrackStore(directory: dir, chosenBy: "--scratch")
        let context = "bench"
        func clock() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }
        var t = clock()
        for (i, s) in spec.points.enumerated() {
            var o = TrackOutcome(coreMass: 0.48 + 1e-6 * Double(i), logTipLuminosity: 3.3, seconds: 1.3)
            o.age = 3e8
            o.steps = 170
            if let problem = store.write(identity: store.identity(of: s, context: context), spec: s, result: .flashed(o)) {
                throw GridError.invalidOption(flag: "--scratch", value: dir.path, allowed: "a writable directory (\(problem))")
            }
        }
        let write = clock() - t
        let tracks = GridTracks(spec: spec, store: store, context: context)
        t = clock(); let status = tracks.status(shards: 100); let statusTime = clock() - t
        t = clock(); let rows = tracks.rows(); let rowsTime = clock() - t
        t = clock(); let csv = GridExport.csv(rows); let csvTime = clock() - t
        t = clock(); let jsonText = try contractJSON(data: nil, GridExport.Report(spec: spec, store: store, rows: rows)); let jsonTime = clock() - t
        guard status.allSatisfy(\.complete), !csv.isEmpty, !jsonText.isEmpty else {
            throw TrackStoreError.damaged("the synthetic grid did not read back complete")
        }
        var apparent = 0, allocated = 0
        for url in store.files().entries {
            var st = stat()
            if stat(url.path, &st) == 0 {
                apparent += Int(st.st_size)
                allocated += Int(st.st_blocks) * 512
            }
        }
        let count = spec.points.count
        let r = Report(tracks: count, bytesPerTrack: Double(apparent) / Double(count), allocatedBytesPerTrack: Double(allocated) / Double(count),
                       writeSeconds: write, statusSeconds: statusTime, rowsSeconds: rowsTime, csvSeconds: csvTime, jsonSeconds: jsonTime,
                       build: buildKind)
        try printReport(r, json: json, data: nil) {
            String(format: """
                track store, %d tracks (synthetic outcomes; %@ build):
                  size        %.0f bytes per track (%.0f allocated on this file system)
                  write       %.2f s  (%.0f tracks/s)
                  status      %.2f s  (read and check every entry)
                  load rows   %.2f s
                  export CSV  %.2f s  (from loaded rows)
                  export JSON %.2f s  (from loaded rows)
                """, count, buildKind, r.bytesPerTrack, r.allocatedBytesPerTrack, write, Double(count) / write, statusTime, rowsTime, csvTime, jsonTime)
        }
    }
}
