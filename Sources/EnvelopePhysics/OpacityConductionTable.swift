import Foundation
import Constants
import ModelData

/// MESA's `condtabl.data`: electron thermal conductivities K [erg cm⁻¹ s⁻¹ K⁻¹] from Potekhin's
/// `condall11.f`/`conduct08.f` (the Cassisi et al. 2007, ApJ 661, 1094 tables). It has 15 blocks, one per
/// ion charge Z_ion ∈ {1, 2, 3, 4, 6, 8, 12, …, 60}, each on 71 log ρ (−6…11.5) × 29 log T (3…10). The
/// opacity is κ_cond = 16σT³/(3ρK).
///
/// Used only to check the project's `ConductiveOpacity` (tests, Docs/envelope-opacity.md). It evaluates
/// at the table's own (log ρ, log T) nodes, and between charge blocks linearly in log Z_ion as MESA does
/// (`kap/private/condint.f90`).
struct OpacityConductionTable: Sendable {
    let charges: [Double]
    let logT: [Double]
    let logRho: [Double]
    /// log₁₀ K, `logK[block][iRho * logT.count + iT]`.
    let logK: [[Double]]

    static let blocks = 15, nT = 29, nRho = 71

    init(dataDirectory: DataDirectory) throws {
        try self.init(url: dataDirectory.url.appendingPathComponent("opacity/condtabl.data"))
    }

    init(url: URL) throws {
        let file = url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw OpacityError.malformed(file: file, line: 0, field: "file", reason: "cannot read: \(error.localizedDescription)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func numbers(_ i: Int, _ field: String) throws -> [Double] {
            guard i < lines.count else { throw OpacityError.malformed(file: file, line: i + 1, field: field, reason: "file ends early") }
            return try lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map {
                guard let v = Double($0), v.isFinite else {
                    throw OpacityError.malformed(file: file, line: i + 1, field: field, reason: "'\($0)' is not a finite number")
                }
                return v
            }
        }
        var charges: [Double] = [], logK: [[Double]] = [], logT: [Double] = [], logRho: [Double] = []
        var line = 1
        for b in 0..<Self.blocks {
            let head = try numbers(line, "block \(b + 1) header (Z_ion, log T)")
            guard head.count == Self.nT + 1 else {
                throw OpacityError.malformed(file: file, line: line + 1, field: "block \(b + 1) header",
                                             reason: "expected Z_ion and \(Self.nT) log T, found \(head.count) numbers")
            }
            if b == 0 { logT = Array(head[1...]) } else if Array(head[1...]) != logT {
                throw OpacityError.malformed(file: file, line: line + 1, field: "log T", reason: "differs from block 1")
            }
            charges.append(head[0])
            line += 1
            var block: [Double] = []
            var rhos: [Double] = []
            for r in 0..<Self.nRho {
                let row = try numbers(line, "log K row \(r + 1) of block \(b + 1)")
                guard row.count == Self.nT + 1 else {
                    throw OpacityError.malformed(file: file, line: line + 1, field: "log K row \(r + 1) of block \(b + 1)",
                                                 reason: "expected log rho and \(Self.nT) values, found \(row.count)")
                }
                rhos.append(row[0])
                block.append(contentsOf: row[1...])
                line += 1
            }
            if b == 0 { logRho = rhos } else if rhos != logRho {
                throw OpacityError.malformed(file: file, line: line, field: "log rho", reason: "differs from block 1")
            }
            logK.append(block)
        }
        self.charges = charges
        self.logT = logT
        self.logRho = logRho
        self.logK = logK
    }

    /// κ_cond [cm² g⁻¹] at the node (iRho, iT) for ion charge `charge`, linear in log Z_ion between blocks.
    func kappa(iRho: Int, iT: Int, charge: Double) -> Double {
        let lz = log10(charge)
        var b = 0
        while b < charges.count - 2, log10(charges[b + 1]) < lz { b += 1 }
        let z0 = log10(charges[b]), z1 = log10(charges[b + 1])
        let a = min(max((lz - z0) / (z1 - z0), 0), 1)
        let k = iRho * logT.count + iT
        let lk = (1 - a) * logK[b][k] + a * logK[b + 1][k]
        let t = pow(10, logT[iT]), rho = pow(10, logRho[iRho])
        return 16 * CGS.stefanBoltzmann * t * t * t / (3 * rho * pow(10, lk))
    }
}
