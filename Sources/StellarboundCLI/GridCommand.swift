import ArgumentParser
import Foundation
import ModelData
import TRGBBounds
import TrackGrids

/// `stellarbound grid plan|run|status|export|slurm`: a grid of tracks described in a JSON file, computed in shards
/// (one process, many, or a Slurm job array) into the track store, and exported (Docs/grids.md).
struct GridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid",
        abstract: "Grids of flash tracks: plan, run a shard, status, export, and Slurm job arrays (Docs/grids.md).",
        discussion: """
        A grid spec (JSON) names axes over mass, helium, metallicity, μ₁₂, q₁₄, g₁₃ and the physics choices \
        (Docs/grids.md §1). `grid run SPEC --shard i/n` computes shard i of n into the track store and skips what \
        is stored, so a rerun resumes; `grid status` and `grid export` read the store; `grid slurm` writes a job \
        array with one task per shard and an export job that runs when the array succeeds.
        """,
        subcommands: [Plan.self, Run.self, Status.self, Export.self, Slurm.self])

    // MARK: plan

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The grid's size, what the store holds, and the CPU time left, from a measured track time.",
            discussion: "The track time is the mean of this grid's stored tracks; when none is stored, the grid's first track is computed (and stored) to measure it.")
        @OptionGroup var grid: GridDataOptions
        @Option(help: "Shards to plan for, in [1, 100000]. Default 1.") var shards = 1
        @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

        func validate() throws {
            guard (1...100_000).contains(shards) else { throw ValidationError("--shards \(shards) is outside the allowed range [1, 100000]") }
        }

        struct Report: Encodable {
            var grid: String, tracks: Int, stored: Int, missing: Int, shards: Int
            var trackSeconds: Double, measuredFrom: String, cpuHours: Double, hoursPerShard: Double
            enum CodingKeys: String, CodingKey, CaseIterable {
                case command, grid, tracks, stored, missing, shards, trackSeconds = "track_seconds"
                case measuredFrom = "track_seconds_from", cpuHours = "cpu_hours_missing", hoursPerShard = "hours_per_shard"
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode("grid plan", forKey: .command)
                try c.encode(grid, forKey: .grid); try c.encode(tracks, forKey: .tracks); try c.encode(stored, forKey: .stored)
                try c.encode(missing, forKey: .missing); try c.encode(shards, forKey: .shards)
                try c.encode(trackSeconds, forKey: .trackSeconds); try c.encode(measuredFrom, forKey: .measuredFrom)
                try c.encode(cpuHours, forKey: .cpuHours); try c.encode(hoursPerShard, forKey: .hoursPerShard)
            }
        }

        func run() throws {
            let (spec, store, runner, data) = try grid.load()
            let tracks = GridTracks(spec: spec, store: store, context: runner.context)
            let states = spec.points.indices.map(tracks.state)
            let times = states.compactMap { s -> Double? in if case let .flashed(o) = s { return o.seconds }; return nil }
            var seconds = 0.0, from = "nothing to measure: every track is stored, none flashed"
            var left = states.filter { $0 == .missing }.count
            if !times.isEmpty {
                seconds = times.reduce(0, +) / Double(times.count)
                from = "mean of \(times.count) stored tracks"
            } else if let first = states.firstIndex(of: .missing) {
                _ = sharedTable(json: json)
                progress("measuring: computing track \(first) (\(spec.describe(first)))…", json: json)
                let result = try runner.runAll([spec.points[first]])[0]
                seconds = runner.trackSeconds
                from = "track \(first), computed now" + (result.outcome == nil ? " (it failed)" : "")
                left -= runner.computed
            }
            let cpu = Double(max(left, 0)) * seconds / 3600
            let perShard = Double((max(left, 0) + shards - 1) / shards) * seconds / 3600
            let r = Report(grid: spec.name, tracks: spec.points.count, stored: spec.points.count - max(left, 0), missing: max(left, 0),
                           shards: shards, trackSeconds: seconds, measuredFrom: from, cpuHours: cpu, hoursPerShard: perShard)
            try printReport(r, json: json, data: data) {
                """
                grid '\(spec.name)' (\(spec.file)): \(spec.points.count) tracks over \(spec.axes.map { "\($0.name) ×\($0.values.count)" }.joined(separator: ", "))
                  in the store \(store.directory.path): \(r.stored); to compute: \(r.missing)
                  track time \(String(format: "%.2f", seconds)) s (\(from)); CPU time left \(String(format: "%.3g", cpu)) core-hours
                  with \(shards) shard(s) of 1 core: \(String(format: "%.3g", perShard)) h each (a shard with --threads k takes ~1/k of that)
                """
            }
        }
    }

    // MARK: run

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Computes shard i of n into the track store, skipping stored tracks (a rerun resumes).",
            discussion: "Point p of the grid belongs to shard p mod n. Each track is stored as soon as it finishes; a killed run loses only the tracks in flight. Failed tracks are stored with their typed reason and exported as such.")
        @OptionGroup var grid: GridDataOptions
        @Option(help: "The shard: i/n with n ≥ 1 and 0 ≤ i < n. Default 0/1 (the whole grid).") var shard = "0/1"
        @Option(help: "Worker threads, in [1, 256] (default: every core).") var threads: Int?
        @Flag(help: "No progress notes on standard error.") var quiet = false
        @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

        func validate() throws {
            _ = try Self.parseShard(shard)
            if let threads, !(1...256).contains(threads) { throw ValidationError("--threads \(threads) is outside the allowed range [1, 256]") }
        }

        static func parseShard(_ s: String) throws -> (Int, Int) {
            let parts = s.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
                throw ValidationError("--shard '\(s)' is not of the form i/n (e.g. 3/10)")
            }
            guard n >= 1 else { throw ValidationError("--shard \(s): the shard count n = \(n) must be ≥ 1") }
            guard i >= 0 && i < n else { throw ValidationError("--shard \(s): the index i = \(i) is outside the allowed range [0, \(n - 1)]") }
            return (i, n)
        }

        struct Report: Encodable {
            var grid: String, shard: Int, shards: Int, tracks: Int, computed: Int, fromStore: Int, flashed: Int, failed: Int
            var trackSeconds: Double, seconds: Double, store: String
            enum CodingKeys: String, CodingKey, CaseIterable {
                case command, grid, shard, shards, tracks, computed, fromStore = "from_store", flashed, failed
                case trackSeconds = "track_seconds", seconds, store = "track_store"
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode("grid run", forKey: .command)
                try c.encode(grid, forKey: .grid); try c.encode(shard, forKey: .shard); try c.encode(shards, forKey: .shards)
                try c.encode(tracks, forKey: .tracks); try c.encode(computed, forKey: .computed); try c.encode(fromStore, forKey: .fromStore)
                try c.encode(flashed, forKey: .flashed); try c.encode(failed, forKey: .failed)
                try c.encode(trackSeconds, forKey: .trackSeconds); try c.encode(seconds, forKey: .seconds); try c.encode(store, forKey: .store)
            }
        }

        func run() throws {
            let start = DispatchTime.now().uptimeNanoseconds
            let (i, n) = try Self.parseShard(shard)
            let (spec, store, runner, data) = try grid.load(threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            let silent = json || quiet
            _ = sharedTable(json: silent)
            showProgress(of: runner, label: "  grid '\(spec.name)' shard \(i)/\(n)", silent: silent)
            let specs = spec.indices(shard: i, of: n).map { spec.points[$0] }
            let results = try runner.runAll(specs)
            let failed = results.filter { $0.outcome == nil }.count
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            let r = Report(grid: spec.name, shard: i, shards: n, tracks: specs.count, computed: runner.computed, fromStore: runner.fromStore,
                           flashed: specs.count - failed, failed: failed, trackSeconds: runner.trackSeconds, seconds: seconds,
                           store: store.directory.path)
            try printReport(r, json: json, data: data) {
                String(format: "grid '%@' shard %d/%d: %d tracks (%d computed, %d from the store), %d flashed, %d failed; %.1f s of track time on %d threads, wall time %.1f s",
                       spec.name, i, n, specs.count, runner.computed, runner.fromStore, specs.count - failed, failed, runner.trackSeconds, runner.threads, seconds)
                    + "\n  store: \(store.directory.path)"
            }
        }
    }

    // MARK: status

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Done, failed and missing tracks, per shard.")
        @OptionGroup var grid: GridDataOptions
        @Option(help: "Shards to report, in [1, 100000] (as given to grid run). Default 1.") var shards = 1
        @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

        func validate() throws {
            guard (1...100_000).contains(shards) else { throw ValidationError("--shards \(shards) is outside the allowed range [1, 100000]") }
        }

        struct Report: Encodable {
            var grid: String, shards: [GridTracks.ShardStatus]
            enum CodingKeys: String, CodingKey, CaseIterable { case command, grid, tracks, flashed, failed, missing, complete, shards }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode("grid status", forKey: .command)
                try c.encode(grid, forKey: .grid)
                try c.encode(shards.reduce(0) { $0 + $1.tracks }, forKey: .tracks)
                try c.encode(shards.reduce(0) { $0 + $1.flashed }, forKey: .flashed)
                try c.encode(shards.reduce(0) { $0 + $1.failed }, forKey: .failed)
                try c.encode(shards.reduce(0) { $0 + $1.missing }, forKey: .missing)
                try c.encode(shards.allSatisfy(\.complete), forKey: .complete)
                try c.encode(shards, forKey: .shards)
            }
        }

        func run() throws {
            let (spec, store, runner, data) = try grid.load(readOnly: true)
            let status = GridTracks(spec: spec, store: store, context: runner.context).status(shards: shards)
            let r = Report(grid: spec.name, shards: status)
            try printReport(r, json: json, data: data) {
                let missing = status.reduce(0) { $0 + $1.missing }
                var lines = ["grid '\(spec.name)': \(spec.points.count) tracks, \(status.reduce(0) { $0 + $1.flashed }) flashed, \(status.reduce(0) { $0 + $1.failed }) failed, \(missing) missing"
                             + (missing == 0 ? " (complete)" : ""), "  store: \(store.directory.path)"]
                let table = status.map { s in [String(s.shard), String(s.tracks), String(s.flashed), String(s.failed), String(s.missing), s.complete ? "done" : "incomplete"] }
                lines.append(formatTable(header: ["shard", "tracks", "flashed", "failed", "missing", ""], rows: table))
                return lines.joined(separator: "\n")
            }
        }
    }

    // MARK: export

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One row per track with every input and output (CSV or JSON); failures with their typed reason.",
            discussion: "Tracks not yet computed are exported with status 'missing' (a warning says how many). Columns: Docs/output-contract.md, \"grid export\".")
        @OptionGroup var grid: GridDataOptions
        @Flag(help: "CSV (the default).") var csv = false
        @Flag(help: "One JSON object with the rows (keys in Docs/output-contract.md).") var json = false
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            if csv && json { throw ValidationError("give --csv or --json, not both") }
        }

        func run() throws {
            let (spec, store, runner, data) = try grid.load(readOnly: true)
            let rows = GridTracks(spec: spec, store: store, context: runner.context).rows()
            let text: String
            if json {
                text = try contractJSON(data: data, GridExport.Report(spec: spec, store: store, rows: rows)) + "\n"
            } else {
                text = GridExport.csv(rows)
            }
            let missing = rows.filter { $0.status == "missing" }.count
            if missing > 0 { warning("grid '\(spec.name)': \(missing) of \(rows.count) tracks are missing (grid run has not finished); exported with status 'missing'") }
            if let output {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                    throw GridError.invalidOption(flag: "--output", value: output, allowed: "a writable file (\(error.localizedDescription))")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    // MARK: slurm

    struct Slurm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes a Slurm job array (one task per shard) and an export job that runs when it succeeds.",
            discussion: "Writes DIR/NAME-array.sbatch, DIR/NAME-export.sbatch and DIR/NAME-submit.sh (run it to submit both, the export with --dependency=afterok). The store must be on a file system every node sees.")
        @OptionGroup var grid: GridDataOptions
        @Option(help: "Shards (array tasks), in [1, 100000].") var shards: Int
        @Option(help: "Slurm partition (default: the cluster's default).") var partition: String?
        @Option(help: "Time limit per task, as Slurm takes it (minutes, or [days-]hours:minutes:seconds). Default 4:00:00.") var time = "4:00:00"
        @Option(help: "CPUs per task (the task's --threads), in [1, 256]. Default 1.") var cpusPerTask = 1
        @Option(help: "Directory for the scripts, the logs and the exported CSV (default: ./slurm-NAME).") var outputDir: String?

        func run() throws {
            let (spec, store, _, data) = try grid.load()
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
            let dir = URL(fileURLWithPath: outputDir ?? "slurm-\(spec.name)").standardizedFileURL.path
            let specPath = URL(fileURLWithPath: grid.spec).standardizedFileURL.path
            let scripts = try SlurmScripts(gridName: spec.name, shards: shards, partition: partition, time: time, cpusPerTask: cpusPerTask,
                                           executable: exe, specFile: specPath, store: store.directory.path, dataDir: data.url.path,
                                           directory: dir)
            do { try scripts.write() } catch {
                throw GridError.invalidOption(flag: "--output-dir", value: dir, allowed: "a writable directory (\(error.localizedDescription))")
            }
            print("""
                grid '\(spec.name)': \(spec.points.count) tracks in \(shards) array tasks (\(cpusPerTask) CPU each)
                  \(scripts.arrayFile)
                  \(scripts.exportFile)
                  \(scripts.submitFile)   <- run this to submit the array and the export
                  store: \(store.directory.path); CSV when done: \(scripts.csvFile)
                """)
            if shards > 1000 {
                warning("\(shards) array tasks: Slurm's default MaxArraySize is 1001 (`scontrol show config | grep MaxArraySize`); use fewer shards with more --cpus-per-task if sbatch refuses")
            }
        }
    }
}
