import ArgumentParser
import Foundation
import TRGBBounds

/// `stellarbound store info|verify|prune`: the track store's size, a check of every entry, and removal of what
/// other code versions (or damage, or killed writers) left (Docs/grids.md §2).
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The track store: size and count, a check of every entry, removal of other code versions' entries.",
        subcommands: [Info.self, Verify.self, Prune.self])

    struct Report: Encodable {
        var command: String, store: String, codeVersion: String
        var summary: TrackStore.Summary
        var removed: (otherVersions: Int, damaged: Int, temporary: Int)?
        var damagedFiles: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case command, store = "track_store", codeVersion = "code_version", entries, bytes, flashed, failed, damaged
            case temporary = "temporary_files", codeVersions = "code_versions", removedOtherVersions = "removed_other_versions"
            case removedDamaged = "removed_damaged", removedTemporary = "removed_temporary", damagedFiles = "damaged_files"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(command, forKey: .command)
            try c.encode(store, forKey: .store)
            try c.encode(codeVersion, forKey: .codeVersion)
            try c.encode(summary.entries, forKey: .entries)
            try c.encode(summary.bytes, forKey: .bytes)
            try c.encode(summary.flashed, forKey: .flashed)
            try c.encode(summary.failed, forKey: .failed)
            try c.encode(summary.damaged, forKey: .damaged)
            try c.encode(summary.temporary, forKey: .temporary)
            try c.encode(summary.codeVersions, forKey: .codeVersions)
            if let removed {
                try c.encode(removed.otherVersions, forKey: .removedOtherVersions)
                try c.encode(removed.damaged, forKey: .removedDamaged)
                try c.encode(removed.temporary, forKey: .removedTemporary)
            }
            try c.encodeIfPresent(damagedFiles, forKey: .damagedFiles)
        }

        var text: String {
            var lines = ["track store \(store) (this code: \(codeVersion))",
                         "  \(summary.entries) entries, \(summary.bytes) bytes (\(summary.entries > 0 ? summary.bytes / summary.entries : 0) per entry): \(summary.flashed) flashed, \(summary.failed) failed, \(summary.damaged) damaged; \(summary.temporary) temporary files"]
            for (version, n) in summary.codeVersions.sorted(by: { $0.key < $1.key }) {
                lines.append("  code version \(version): \(n)\(version == codeVersion ? " (this code)" : " (prune removes them)")")
            }
            if let removed {
                lines.append("  removed: \(removed.otherVersions) of other code versions, \(removed.damaged) damaged, \(removed.temporary) stale temporary files")
            }
            for f in damagedFiles ?? [] { lines.append("  damaged: \(f)") }
            return lines.joined(separator: "\n")
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Size, count and code versions of the stored tracks.")
        @OptionGroup var storeOption: RequiredStoreOption
        @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

        func run() throws {
            let store = try storeOption.open(readOnly: true)
            let r = Report(command: "store info", store: store.directory.path, codeVersion: store.codeVersion, summary: store.summary())
            try printReport(r, json: json, data: nil) { r.text }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reads and checks every entry (digest, format, key); exit 1 when any is damaged.",
            discussion: "Damaged entries are never used (a run recomputes them); `store prune` removes them.")
        @OptionGroup var storeOption: RequiredStoreOption
        @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

        func run() throws {
            let store = try storeOption.open(readOnly: true)
            let scanned = store.scan()
            let damaged = scanned.compactMap { s -> String? in
                if case let .failure(e) = s.entry { return "\(s.url.path): \(e.description)" }
                return nil
            }
            let r = Report(command: "store verify", store: store.directory.path, codeVersion: store.codeVersion,
                           summary: store.summary(), damagedFiles: damaged)
            try printReport(r, json: json, data: nil) { r.text }
            if !damaged.isEmpty { throw TrackStoreError.damaged("\(damaged.count) damaged entries in \(store.directory.path) (never used; `stellarbound store prune` removes them)") }
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Removes entries of other code versions, damaged entries, and temporary files left by killed runs.")
        @OptionGroup var storeOption: RequiredStoreOption
        @Option(help: "Temporary files younger than this many seconds are kept (a running writer may own them), in [0, 1e7]. Default 600.")
        var staleAfter = 600.0
        @Flag(help: "One JSON object (keys in Docs/output-contract.md).") var json = false

        func validate() throws {
            guard staleAfter.isFinite, staleAfter >= 0, staleAfter <= 1e7 else {
                throw ValidationError("--stale-after \(staleAfter) is outside the allowed range [0, 1e7] s")
            }
        }

        func run() throws {
            let store = try storeOption.open()
            let removed = store.prune(staleAfter: staleAfter)
            let r = Report(command: "store prune", store: store.directory.path, codeVersion: store.codeVersion,
                           summary: store.summary(), removed: removed)
            try printReport(r, json: json, data: nil) { r.text }
        }
    }
}
