/// A plain text table: first column left-aligned, the others right-aligned.
func formatTable(header: [String], rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = (0..<header.count).map { c in all.map { $0[c].count }.max() ?? 0 }
    return all.map { row in
        "  " + row.enumerated().map { i, cell in
            i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                   : String(repeating: " ", count: widths[i] - cell.count) + cell
        }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
