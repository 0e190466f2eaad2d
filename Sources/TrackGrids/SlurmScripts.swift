import Foundation

/// `grid slurm`: an `sbatch` job array (one task per shard, each running `grid run --shard $SLURM_ARRAY_TASK_ID/n`),
/// an export job that runs when the whole array has succeeded (`--dependency=afterok`), and a submit script that
/// submits both (Docs/grids.md §3). Every path written into them is absolute, so the jobs run from any directory;
/// the store must be on a file system every node sees.
public struct SlurmScripts: Sendable, Equatable {
    public var shards: Int
    public var partition: String?
    /// `--time` as Slurm takes it (minutes, or [days-]hours:minutes:seconds).
    public var time: String
    public var cpusPerTask: Int
    /// Absolute paths: the `stellarbound` executable, the spec, the store, the data directory, the output directory.
    public var executable: String, specFile: String, store: String, dataDir: String, directory: String
    public var gridName: String

    public init(gridName: String, shards: Int, partition: String?, time: String, cpusPerTask: Int, executable: String,
                specFile: String, store: String, dataDir: String, directory: String) throws(GridError) {
        guard shards >= 1, shards <= 100_000 else {
            throw .invalidOption(flag: "--shards", value: "\(shards)", allowed: "an integer in [1, 100000]")
        }
        guard cpusPerTask >= 1, cpusPerTask <= 256 else {
            throw .invalidOption(flag: "--cpus-per-task", value: "\(cpusPerTask)", allowed: "an integer in [1, 256]")
        }
        guard Self.validTime(time) else {
            throw .invalidOption(flag: "--time", value: time, allowed: "minutes (e.g. 90), or [days-]hours:minutes[:seconds] (e.g. 1-12:00:00)")
        }
        // #SBATCH lines are not parsed by a shell: a path with a space, '%' (a Slurm pattern) or a quote would break.
        for (flag, path) in [("--output-dir", directory), ("--store", store), ("the spec file", specFile), ("the executable", executable),
                             ("--data-dir", dataDir)] where path.contains(where: { " %'\"\\\n\t".contains($0) }) {
            throw .invalidOption(flag: flag, value: path, allowed: "a path without spaces, '%', quotes or backslashes (it goes into #SBATCH lines and job scripts)")
        }
        if let partition, partition.isEmpty || !partition.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            throw .invalidOption(flag: "--partition", value: partition, allowed: "a partition name (letters, digits, '-', '_', '.')")
        }
        self.gridName = gridName
        self.shards = shards
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.executable = executable
        self.specFile = specFile
        self.store = store
        self.dataDir = dataDir
        self.directory = directory
    }

    /// Slurm's time formats: "M", "M:S", "H:M:S", "D-H", "D-H:M", "D-H:M:S".
    static func validTime(_ t: String) -> Bool {
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        let clock = parts.last!.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count <= 3, clock.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        if parts.count == 2 { return parts[0].allSatisfy(\.isNumber) }
        return true
    }

    public var arrayFile: String { "\(directory)/\(gridName)-array.sbatch" }
    public var exportFile: String { "\(directory)/\(gridName)-export.sbatch" }
    public var submitFile: String { "\(directory)/\(gridName)-submit.sh" }
    public var csvFile: String { "\(directory)/\(gridName).csv" }

    static func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    var header: String {
        """
        #SBATCH --cpus-per-task=\(cpusPerTask)
        #SBATCH --time=\(time)
        \(partition.map { "#SBATCH --partition=\($0)\n" } ?? "")
        """
    }

    /// The job array: task k computes shard k of n and skips what the store holds, so a resubmitted task resumes.
    public var arrayScript: String {
        """
        #!/bin/bash
        # Grid '\(gridName)': \(shards) shards as a Slurm job array (stellarbound grid slurm; Docs/grids.md §3).
        #SBATCH --job-name=sb-\(gridName)
        #SBATCH --array=0-\(shards - 1)
        \(header)#SBATCH --output=\(directory)/logs/\(gridName)-%A_%a.out
        set -euo pipefail
        exec \(Self.q(executable)) grid run \(Self.q(specFile)) --shard "${SLURM_ARRAY_TASK_ID}/\(shards)" \\
            --store \(Self.q(store)) --data-dir \(Self.q(dataDir)) --threads "${SLURM_CPUS_PER_TASK:-\(cpusPerTask)}"

        """
    }

    /// The export, run after every array task succeeded.
    public var exportScript: String {
        """
        #!/bin/bash
        # Grid '\(gridName)': export when the array has finished (submitted with --dependency=afterok).
        #SBATCH --job-name=sb-\(gridName)-export
        #SBATCH --cpus-per-task=1
        #SBATCH --time=\(time)
        \(partition.map { "#SBATCH --partition=\($0)\n" } ?? "")#SBATCH --output=\(directory)/logs/\(gridName)-export-%j.out
        set -euo pipefail
        \(Self.q(executable)) grid export \(Self.q(specFile)) --csv --store \(Self.q(store)) --data-dir \(Self.q(dataDir)) \\
            --output \(Self.q(csvFile))

        """
    }

    /// Submits the array, then the export with a dependency on it; prints both job ids.
    public var submitScript: String {
        """
        #!/bin/bash
        # Submits grid '\(gridName)': the job array, then its export (afterok: only if every task succeeded).
        set -euo pipefail
        mkdir -p \(Self.q(directory + "/logs"))
        array=$(sbatch --parsable \(Self.q(arrayFile)))
        array=${array%%;*}
        export_job=$(sbatch --parsable --dependency=afterok:"$array" \(Self.q(exportFile)))
        echo "array job $array (\(shards) tasks); export job ${export_job%%;*} -> \(csvFile)"

        """
    }

    /// Writes the three files (the submit script executable) and the logs directory.
    public func write() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory + "/logs", withIntermediateDirectories: true)
        for (path, text) in [(arrayFile, arrayScript), (exportFile, exportScript), (submitFile, submitScript)] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
    }
}
