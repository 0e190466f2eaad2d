import Foundation

/// One OPAL 2001 EOS table (Rogers & Nayfonov 2002, ApJ 576, 1064; files `IEOS<Z>z<X>x`, text after
/// gunzip), read for comparisons. Layout (LLNL README): a composition header, then blocks of constant
/// density, each opened by a line holding `density(g/cc)=` and two column-title lines, with rows
///
///     T6  log R  P [Mbar]  E [10¹² erg/g]  S [10¹² erg/g/(eV)]  C_V  χ_ρ  χ_T  Γ₁  Γ₂/(Γ₂−1)  Γ₃−1
///
/// (T6 = T/10⁶ K, R = ρ/T6³; ∇_ad = (Γ₂−1)/Γ₂). Only the columns this package compares are kept.
/// A malformed line throws `EnvelopeEOSError.malformedTable` naming the file, the line and the field.
public struct EnvelopeEOSOPALTable: Sendable {
    public struct Row: Sendable, Equatable {
        /// log₁₀ ρ [g cm⁻³], log₁₀ T [K], P [dyn cm⁻²].
        public let log10Density: Double, log10Temperature: Double, pressure: Double
        public let chiRho: Double, chiT: Double, gamma1: Double, gradAd: Double
    }

    /// The X and Z of the header line.
    public let hydrogen: Double, metals: Double
    public let rows: [Row]

    /// Parses the decompressed text of a table; `file` names it in errors.
    public init(text: String, file: String) throws {
        var x = Double.nan, z = Double.nan
        var density = Double.nan
        var rows: [Row] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("X=") {
                let f = line.split(separator: " ", omittingEmptySubsequences: true)
                guard f.count >= 4, let xv = Double(f[1]), let zv = Double(f[3]) else {
                    throw EnvelopeEOSError.malformedTable(file: file, line: lineNumber, field: "X/Z header")
                }
                x = xv
                z = zv
                continue
            }
            if let r = line.range(of: "density(g/cc)=") {
                let rest = line[r.upperBound...].split(separator: " ", omittingEmptySubsequences: true)
                guard let d = rest.first.flatMap({ Double($0) }), d > 0 else {
                    throw EnvelopeEOSError.malformedTable(file: file, line: lineNumber, field: "density(g/cc)")
                }
                density = d
                continue
            }
            if line.hasPrefix("Number") || line.hasPrefix("T6") { continue }
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            if f.count == 2, f[0] == "0", f[1] == "0" { break }   // the files' terminator line
            let names = ["T6", "log R", "P", "E", "S", "Cv", "chir", "chit", "g1", "g2/(g2-1)", "g3-1"]
            guard f.count == names.count else {
                throw EnvelopeEOSError.malformedTable(file: file, line: lineNumber,
                                                      field: "row (\(f.count) fields, expected \(names.count))")
            }
            var v = [Double](repeating: 0, count: names.count)
            for i in 0..<names.count {
                guard let d = Double(f[i]), d.isFinite else {
                    throw EnvelopeEOSError.malformedTable(file: file, line: lineNumber, field: names[i])
                }
                v[i] = d
            }
            guard density.isFinite else {
                throw EnvelopeEOSError.malformedTable(file: file, line: lineNumber, field: "row before any density(g/cc) block")
            }
            guard v[0] > 0, v[2] > 0, v[9] > 1 else {
                throw EnvelopeEOSError.malformedTable(file: file, line: lineNumber, field: v[0] <= 0 ? "T6" : (v[2] <= 0 ? "P" : "g2/(g2-1)"))
            }
            rows.append(Row(log10Density: log10(density), log10Temperature: log10(v[0]) + 6, pressure: v[2] * 1e12,
                            chiRho: v[6], chiT: v[7], gamma1: v[8], gradAd: 1 / v[9]))
        }
        guard x.isFinite, z.isFinite else {
            throw EnvelopeEOSError.malformedTable(file: file, line: 1, field: "X/Z header (missing)")
        }
        guard !rows.isEmpty else {
            throw EnvelopeEOSError.malformedTable(file: file, line: lineNumber, field: "rows (none found)")
        }
        hydrogen = x
        metals = z
        self.rows = rows
    }
}
