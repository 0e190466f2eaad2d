import ArgumentParser
import Foundation
import ModelData

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
        if json {
            var o = JSONObject()
            o.add("data_dir", d.url.path)
            o.add("origin", d.origin.rawValue)
            print(o.text)
        } else {
            print("\(d.url.path)  (\(d.origin.rawValue))")
        }
    }
}
