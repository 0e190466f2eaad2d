import Foundation

/// One MESA-format (kap format version 38) Rosseland-mean opacity table: log₁₀ κ [cm² g⁻¹] on a
/// (log T, log R) grid, log R = log ρ − 3 log T + 18 (ρ in g cm⁻³, T in K), for one (X, Z).
///
/// Layout (checked line by line; see StellarModels/opacity/README.md):
/// line 1 free text; line 2 the column names `form version X Z logRs logR_min logR_max logTs logT_min logT_max`;
/// line 3 their values; line 4 blank; line 5 the axis caption; line 6 the `logRs` values of log R; line 7
/// blank; then `logTs` rows `logT  log κ(logR₁) … log κ(logR_n)`. Trailing blank lines are allowed.
/// Trap: `strtod` skips newlines as white space, so every number is delimited by hand before it is parsed,
/// and "nan"/"inf" (which `strtod` accepts) are refused.
struct OpacityTableFile: Sendable {
    let x: Double
    let z: Double
    let logR: [Double]
    let logT: [Double]
    /// log₁₀ κ, row-major: `logKappa[iT * logR.count + iR]`.
    let logKappa: [Double]

    static let columnNames = ["form", "version", "X", "Z", "logRs", "logR_min", "logR_max", "logTs", "logT_min", "logT_max"]

    /// Parses `url`; errors name the file's path, the 1-based line and the field.
    static func load(_ url: URL) throws -> OpacityTableFile {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OpacityError.malformed(file: file, line: 0, field: "file", reason: "cannot read: \(error.localizedDescription)")
        }
        return try parse(bytes: [UInt8](data), file: file)
    }

    /// Parses the bytes of a table (exposed for the loader tests).
    static func parse(bytes input: [UInt8], file: String) throws -> OpacityTableFile {
        var bytes = input
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buf -> OpacityTableFile in
            let lines = Lines(buf: buf, count: input.count)
            func fail(_ line: Int, _ field: String, _ reason: String) -> OpacityError {
                .malformed(file: file, line: line, field: field, reason: reason)
            }
            guard lines.count >= 7 else { throw fail(lines.count, "header", "file has \(lines.count) lines, a table needs at least 8") }
            // Line 2: column names.
            let names = lines.words(1)
            guard names == columnNames else {
                throw fail(2, "column names", "expected '\(columnNames.joined(separator: " "))', found '\(names.joined(separator: " "))'")
            }
            // Line 3: header values.
            let header = try lines.numbers(2, fields: columnNames, file: file)
            guard header.count == columnNames.count else {
                throw fail(3, "header", "expected \(columnNames.count) numbers, found \(header.count)")
            }
            guard header[0] == 1 else { throw fail(3, "form", "expected 1, found \(header[0])") }
            guard header[1] == 38 else { throw fail(3, "version", "expected kap format version 38, found \(header[1])") }
            let x = header[2], z = header[3]
            guard x >= 0, x <= 1 else { throw fail(3, "X", "\(x) is not a mass fraction in [0, 1]") }
            guard z >= 0, z <= 1, x + z <= 1 + 1e-9 else { throw fail(3, "Z", "\(z) is not in [0, 1 − X]") }
            guard let nR = Int(exactly: header[4]), nR >= 4 else { throw fail(3, "logRs", "\(header[4]) is not an integer ≥ 4") }
            guard let nT = Int(exactly: header[7]), nT >= 4 else { throw fail(3, "logTs", "\(header[7]) is not an integer ≥ 4") }
            let rMin = header[5], rMax = header[6], tMin = header[8], tMax = header[9]
            guard rMin < rMax else { throw fail(3, "logR_max", "\(rMax) is not above logR_min = \(rMin)") }
            guard tMin < tMax else { throw fail(3, "logT_max", "\(tMax) is not above logT_min = \(tMin)") }
            guard lines.isBlank(3) else { throw fail(4, "separator", "expected a blank line") }
            guard lines.words(4).contains("logT") else { throw fail(5, "axis caption", "expected the 'logT … logR = …' caption") }
            // Line 6: the log R axis.
            let logR = try lines.numbers(5, fields: (0..<nR).map { "logR[\($0 + 1)]" }, file: file)
            guard logR.count == nR else { throw fail(6, "logR axis", "expected \(nR) values (header logRs), found \(logR.count)") }
            guard abs(logR[0] - rMin) < 1e-9 else { throw fail(6, "logR[1]", "\(logR[0]) differs from logR_min = \(rMin)") }
            guard abs(logR[nR - 1] - rMax) < 1e-9 else { throw fail(6, "logR[\(nR)]", "\(logR[nR - 1]) differs from logR_max = \(rMax)") }
            for i in 1..<nR where !(logR[i] > logR[i - 1]) {
                throw fail(6, "logR[\(i + 1)]", "\(logR[i]) does not increase from \(logR[i - 1])")
            }
            guard lines.isBlank(6) else { throw fail(7, "separator", "expected a blank line") }
            // Data rows.
            var logT = [Double](), kappa = [Double]()
            logT.reserveCapacity(nT)
            kappa.reserveCapacity(nT * nR)
            var line = 7
            while logT.count < nT {
                guard line < lines.count else {
                    throw fail(line, "logT row \(logT.count + 1)", "file ends after \(logT.count) of \(nT) rows (header logTs)")
                }
                if lines.isBlank(line) { throw fail(line + 1, "logT row \(logT.count + 1)", "unexpected blank line") }
                let row = try lines.numbers(line, fields: nil, file: file, rowAxis: logR)
                guard row.count == nR + 1 else {
                    throw fail(line + 1, "logT row \(logT.count + 1)", "expected logT and \(nR) values of log kappa, found \(row.count) numbers")
                }
                if let last = logT.last, !(row[0] > last) {
                    throw fail(line + 1, "logT", "\(row[0]) does not increase from \(last)")
                }
                logT.append(row[0])
                kappa.append(contentsOf: row[1...])
                line += 1
            }
            guard abs(logT[0] - tMin) < 1e-9 else { throw fail(8, "logT", "\(logT[0]) differs from logT_min = \(tMin)") }
            guard abs(logT[nT - 1] - tMax) < 1e-9 else {
                throw fail(line, "logT", "\(logT[nT - 1]) differs from logT_max = \(tMax)")
            }
            while line < lines.count {
                guard lines.isBlank(line) else {
                    throw fail(line + 1, "trailing data", "more rows than the header's logTs = \(nT)")
                }
                line += 1
            }
            return OpacityTableFile(x: x, z: z, logR: logR, logT: logT, logKappa: kappa)
        }
    }

    /// Line ranges over a NUL-terminated byte buffer.
    private struct Lines {
        let buf: UnsafeBufferPointer<UInt8>
        var starts: [Int] = []
        var ends: [Int] = []
        var count: Int { starts.count }

        init(buf: UnsafeBufferPointer<UInt8>, count n: Int) {
            self.buf = buf
            var s = 0
            for i in 0..<n where buf[i] == 10 {
                starts.append(s); ends.append(i); s = i + 1
            }
            if s < n { starts.append(s); ends.append(n) }
        }

        static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }

        func isBlank(_ i: Int) -> Bool {
            for k in starts[i]..<ends[i] where !Self.isSpace(buf[k]) { return false }
            return true
        }

        /// Token ranges of line `i`.
        func tokens(_ i: Int) -> [Range<Int>] {
            var out: [Range<Int>] = []
            var k = starts[i]
            let e = ends[i]
            while k < e {
                while k < e, Self.isSpace(buf[k]) { k += 1 }
                if k == e { break }
                let s = k
                while k < e, !Self.isSpace(buf[k]) { k += 1 }
                out.append(s..<k)
            }
            return out
        }

        func words(_ i: Int) -> [String] {
            tokens(i).map { String(decoding: UnsafeBufferPointer(rebasing: buf[$0]), as: UTF8.self) }
        }

        /// The numbers of line `i`; a token that is not a finite decimal number is an error naming the field
        /// (`fields[k]`, or "logT" / "log kappa at logR = …" for a data row).
        func numbers(_ i: Int, fields: [String]?, file: String, rowAxis: [Double] = []) throws -> [Double] {
            let toks = tokens(i)
            var out = [Double]()
            out.reserveCapacity(toks.count)
            for (k, t) in toks.enumerated() {
                let start = buf.baseAddress! + t.lowerBound
                var end: UnsafeMutablePointer<CChar>? = nil
                let v = start.withMemoryRebound(to: CChar.self, capacity: t.count + 1) { strtod($0, &end) }
                let consumed = end.map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? 0
                if consumed != t.count || !v.isFinite || !Self.isDecimal(buf, t) {
                    let field: String
                    if let fields { field = k < fields.count ? fields[k] : "extra value \(k + 1)" }
                    else if k == 0 { field = "logT" }
                    else { field = k - 1 < rowAxis.count ? "log kappa at logR = \(rowAxis[k - 1])" : "extra value \(k + 1)" }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: buf[t]), as: UTF8.self)
                    throw OpacityError.malformed(file: file, line: i + 1, field: field, reason: "'\(text)' is not a finite number")
                }
                out.append(v)
            }
            return out
        }

        /// Only the characters of a decimal number (digits, sign, point, exponent): refuses what `strtod`
        /// would also accept ("nan", "inf", hexadecimal).
        static func isDecimal(_ buf: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
            for k in t {
                let c = buf[k]
                if !(c == 43 || c == 45 || c == 46 || c == 69 || c == 101 || (c >= 48 && c <= 57)) { return false }
            }
            return true
        }
    }
}
