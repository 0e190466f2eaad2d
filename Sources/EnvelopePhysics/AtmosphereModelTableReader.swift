import Foundation

/// Reads MESA's `atm_data` photosphere tables (table version 5). Layout, as documented in
/// `table_summary.txt` itself and read by MESA's `atm/private/table_atm.f90`:
///
/// `table_summary.txt`: a text line; "nZ nT ng"; a text line; per table three lines (file name, the table's
/// "#Table Version" line, its header line); "Teff_array(1:nT)" then nT numbers (13 a line); "logg_array(1:ng)"
/// then ng numbers; notes.
///
/// `Z*.tbl`: "#Table Version   5"; "#[Z/Z_SOLAR]=-4.00 [A/Fe]= 0.0 GN93     | VALID RANGE:  50 …" (ng one-based
/// indices of the hottest valid T_eff per log g); "#Teff(K)| Pgas@  log g =-0.50   log g = 0.00 …"; then nT rows
/// "T_eff P_gas(log g₁) … P_gas(log g_ng)" in dyn cm⁻².
///
/// Every inconsistency (counts, versions, grids that differ between the summary and a table, a non-numeric or
/// non-positive entry) throws `AtmosphereError.malformedTable` naming the file, the 1-based line and the field.
enum ModelAtmosphereTableReader {
    static let supportedVersion = 5

    struct Lines {
        let file: String
        let lines: [Substring]
        func line(_ n: Int, _ field: String) throws -> Substring {
            guard n >= 1 && n <= lines.count else {
                throw AtmosphereError.malformedTable(file: file, line: n, field: field, reason: "file ends early")
            }
            return lines[n - 1]
        }
        func fail(_ n: Int, _ field: String, _ reason: String) -> AtmosphereError {
            .malformedTable(file: file, line: n, field: field, reason: reason)
        }
    }

    static func open(_ url: URL) throws -> Lines {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw AtmosphereError.malformedTable(file: url.path, line: 0, field: "file", reason: "unreadable: \(error.localizedDescription)")
        }
        return Lines(file: url.path, lines: text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 })
    }

    static func numbers(_ s: Substring) -> [Substring] {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// The header line's [Z/Z_SOLAR] and VALID RANGE.
    static func header(_ s: Substring, ng: Int, in f: Lines, line n: Int) throws -> (z: Double, bounds: [Int]) {
        guard let zr = s.range(of: "[Z/Z_SOLAR]=") else { throw f.fail(n, "[Z/Z_SOLAR]", "missing") }
        let zText = s[zr.upperBound...].drop(while: { $0 == " " }).prefix(while: { $0 != " " })
        guard let z = Double(zText), z.isFinite else { throw f.fail(n, "[Z/Z_SOLAR]", "'\(zText)' is not a number") }
        guard let vr = s.range(of: "VALID RANGE:") else { throw f.fail(n, "VALID RANGE", "missing") }
        let fields = numbers(s[vr.upperBound...])
        guard fields.count == ng else { throw f.fail(n, "VALID RANGE", "\(fields.count) entries, expected \(ng)") }
        var bounds: [Int] = []
        for (k, t) in fields.enumerated() {
            guard let b = Int(t) else { throw f.fail(n, "VALID RANGE entry \(k + 1)", "'\(t)' is not an integer") }
            bounds.append(b)
        }
        return (z, bounds)
    }

    static func read(directory: URL) throws -> ModelAtmosphereTable {
        let summary = try open(directory.appendingPathComponent("table_summary.txt"))
        _ = try summary.line(1, "title")
        let dims = numbers(try summary.line(2, "nZ nT ng"))
        guard dims.count >= 3, let nZ = Int(dims[0]), let nT = Int(dims[1]), let ng = Int(dims[2]),
              nZ >= 1, nT >= 2, ng >= 2 else {
            throw summary.fail(2, "nZ nT ng", "expected three positive integers")
        }
        var names: [String] = [], versions: [Int] = [], zs: [Double] = [], summaryBounds: [[Int]] = []
        var n = 4
        for _ in 0..<nZ {
            let name = try summary.line(n, "file name").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains("/") else { throw summary.fail(n, "file name", "'\(name)' is not a file name") }
            names.append(name)
            versions.append(try version(try summary.line(n + 1, "#Table Version"), in: summary, line: n + 1))
            let h = try header(try summary.line(n + 2, "header"), ng: ng, in: summary, line: n + 2)
            zs.append(h.z); summaryBounds.append(h.bounds)
            n += 3
        }
        func array(named label: String, count: Int) throws -> [Double] {
            guard try summary.line(n, label).hasPrefix(label) else {
                throw summary.fail(n, label, "expected a line starting '\(label)'")
            }
            n += 1
            var out: [Double] = []
            while out.count < count {
                let first = n
                for t in numbers(try summary.line(n, label)) {
                    guard let v = Double(t), v.isFinite else { throw summary.fail(first, label, "'\(t)' is not a number") }
                    out.append(v)
                }
                n += 1
            }
            guard out.count == count else { throw summary.fail(n - 1, label, "\(out.count) values, expected \(count)") }
            return out
        }
        let teff = try array(named: "Teff_array", count: nT)
        let logg = try array(named: "logg_array", count: ng)

        var pressures: [[[Double]]] = [], lastValid: [[Int]] = []
        for (k, name) in names.enumerated() {
            let t = try open(directory.appendingPathComponent(name))
            let v = try version(try t.line(1, "#Table Version"), in: t, line: 1)
            guard v == supportedVersion, v == versions[k] else {
                throw t.fail(1, "#Table Version", "\(v); expected \(supportedVersion) as in table_summary.txt")
            }
            let h = try header(try t.line(2, "header"), ng: ng, in: t, line: 2)
            guard h.z == zs[k] else { throw t.fail(2, "[Z/Z_SOLAR]", "\(h.z) ≠ \(zs[k]) in table_summary.txt") }
            guard h.bounds == summaryBounds[k] else { throw t.fail(2, "VALID RANGE", "differs from table_summary.txt") }
            for (j, b) in h.bounds.enumerated() where !(2...nT).contains(b) {
                throw t.fail(2, "VALID RANGE entry \(j + 1)", "\(b) outside 2…\(nT)")
            }
            // Column header: the ng "log g =" values.
            let columns = try t.line(3, "column header")
            var parts = columns.components(separatedBy: "log g =")
            guard parts.count == ng + 1 else {
                throw t.fail(3, "column header", "\(parts.count - 1) 'log g =' columns, expected \(ng)")
            }
            parts.removeFirst()
            for (j, p) in parts.enumerated() {
                let token = p.trimmingCharacters(in: .whitespaces)
                guard let g = Double(token), abs(g - logg[j]) <= 1e-10 * max(1, abs(g)) else {
                    throw t.fail(3, "log g column \(j + 1)", "'\(token)' ≠ \(logg[j]) in table_summary.txt")
                }
            }
            var rows: [[Double]] = []
            for i in 0..<nT {
                let ln = 4 + i
                let fields = numbers(try t.line(ln, "row T_eff = \(teff[i])"))
                guard fields.count == ng + 1 else {
                    throw t.fail(ln, "row T_eff = \(teff[i])", "\(fields.count) fields, expected \(ng + 1)")
                }
                guard let te = Double(fields[0]), abs(te - teff[i]) <= 1e-10 * teff[i] else {
                    throw t.fail(ln, "Teff (column 1)", "'\(fields[0])' ≠ \(teff[i]) in table_summary.txt")
                }
                var row: [Double] = []
                for j in 0..<ng {
                    guard let p = Double(fields[j + 1]), p > 0, p.isFinite else {
                        throw t.fail(ln, "Pgas at log g = \(logg[j]) (column \(j + 2))", "'\(fields[j + 1])' is not a positive number")
                    }
                    row.append(p)
                }
                rows.append(row)
            }
            for ln in (4 + nT)...max(4 + nT, t.lines.count) where ln <= t.lines.count {
                if !t.lines[ln - 1].trimmingCharacters(in: .whitespaces).isEmpty {
                    throw t.fail(ln, "rows", "more than nT = \(nT) rows")
                }
            }
            pressures.append(rows)
            lastValid.append(h.bounds.map { $0 - 1 })
        }
        return try ModelAtmosphereTable(teff: teff, logg: logg, metallicities: zs, gasPressure: pressures,
                                        lastValidIndex: lastValid)
    }

    static func version(_ s: Substring, in f: Lines, line n: Int) throws -> Int {
        guard s.hasPrefix("#Table Version"), let v = Int(s.dropFirst("#Table Version".count).trimmingCharacters(in: .whitespaces)) else {
            throw f.fail(n, "#Table Version", "'\(s)' is not '#Table Version <integer>'")
        }
        return v
    }
}
