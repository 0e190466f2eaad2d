import ArgumentParser
import Foundation
import ModelData
import OutputContract

/// Which StellarModels directory this binary uses, and why.
struct DataDirCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data-dir",
        abstract: "Show the StellarModels data directory in use and the rule that found it.")

    @Option(help: "Use this StellarModels directory.")
    var dataDir: String?

    @Flag(help: "JSON (keys: data_dir, origin).")
    var json = false

    func run() throws {
        let d = try DataDirectory.locate(explicit: dataDir)
        try printReport(DataDirReport(dataDir: d.url.path, origin: d.origin.rawValue), json: json, data: d) {
            "\(d.url.path)  (\(d.origin.rawValue))"
        }
    }
}

/// `data-dir --json`: its coding keys are the documented contract (Docs/output-contract.md, "data-dir").
struct DataDirReport: Encodable {
    /// Absolute path of the StellarModels directory in use.
    var dataDir: String
    /// The rule that found it (`DataDirectory.Origin`'s raw value).
    var origin: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dataDir = "data_dir", origin
    }
}
