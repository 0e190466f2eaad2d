import Foundation
import ModelData
import OutputContract

/// Prints a command's result (issue 18 item 2): with `--json` the report's JSON with its `provenance` object, else
/// the text report and, as its last line, the provenance (tool version, data directory, data digest). `data` is the
/// StellarModels directory the command read, nil when it read no data file.
func printReport<R: Encodable>(_ report: R, json: Bool, data: DataDirectory?, text: () -> String) throws {
    let provenance = try Provenance(data: data)
    if json {
        print(try ContractJSON.encode(report, provenance: provenance))
    } else {
        var t = text()
        while t.hasSuffix("\n") { t.removeLast() }
        print(t)
        print("provenance: " + provenance.text)
    }
}

/// A report as `--json` text with its `provenance` object (`printReport` without the text form).
func contractJSON<R: Encodable>(data: DataDirectory?, _ report: R) throws -> String {
    try ContractJSON.encode(report, provenance: Provenance(data: data))
}

/// The text reports' last line.
func provenanceLine(data: DataDirectory?) throws -> String {
    "provenance: " + (try Provenance(data: data)).text
}
