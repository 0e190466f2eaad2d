import Foundation

/// Bolometric corrections BC_V, BC_I on a (T_eff, log g, [Fe/H]) grid, read from
/// `StellarModels/bolometric-corrections/<name>.json`; interpolated trilinearly.
///
///     M_I = M_bol − BC_I,   (V − I)₀ = BC_I − BC_V
///
/// M_bol must be on the table's own solar scale (`mbol_sun`: 4.75 for Casagrande & VandenBerg 2014,
/// 4.74 for IAU 2015); mixing scales shifts M_I by the difference (the trap named in science notes §4).
public struct BolometricCorrectionTable: Decodable, Sendable, Equatable {
    public var name: String
    public var description: String
    public var source: String
    public var mbolSun: Double
    public var teffK: [Double]
    public var logg: [Double]
    public var feh: [Double]
    /// [feh][logg][teff]
    public var bcV: [[[Double]]]
    public var bcI: [[[Double]]]

    public static func relativePath(_ name: String) -> String { "bolometric-corrections/\(name).json" }

    public func check(file: String) throws {
        func need(_ ok: Bool, _ field: String, _ reason: String) throws {
            if !ok { throw TRGBError.invalidData(file: file, entry: name, field: field, reason: reason) }
        }
        for (axis, values) in [("teff_k", teffK), ("logg", logg), ("feh", feh)] {
            try need(values.count >= 2 && zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, axis, "needs ≥ 2 increasing values")
        }
        for (field, grid) in [("bc_v", bcV), ("bc_i", bcI)] {
            try need(grid.count == feh.count, field, "needs \(feh.count) [Fe/H] blocks")
            for (i, block) in grid.enumerated() {
                try need(block.count == logg.count, "\(field)[\(i)]", "needs \(logg.count) log g rows")
                for (j, row) in block.enumerated() {
                    try need(row.count == teffK.count && row.allSatisfy(\.isFinite), "\(field)[\(i)][\(j)]",
                             "needs \(teffK.count) finite values")
                }
            }
        }
        try need(mbolSun > 4 && mbolSun < 5.5, "mbol_sun", "must lie in (4, 5.5)")
    }

    public var teffRange: ClosedRange<Double> { teffK.first!...teffK.last! }

    /// BC_I (mag).
    public func bcI(teff: Double, logg g: Double, feh z: Double) throws -> Double {
        try interpolate(bcI, teff, g, z)
    }

    /// (V − I)₀ = BC_I − BC_V (mag).
    public func colourVI(teff: Double, logg g: Double, feh z: Double) throws -> Double {
        try interpolate(bcI, teff, g, z) - interpolate(bcV, teff, g, z)
    }

    /// T_eff whose (V − I)₀ equals `colour` (V − I falls monotonically with T_eff on giant grids).
    public func teff(colourVI colour: Double, logg g: Double, feh z: Double) throws -> Double {
        var lo = teffK.first!, hi = teffK.last!
        let cLo = try colourVI(teff: lo, logg: g, feh: z), cHi = try colourVI(teff: hi, logg: g, feh: z)
        guard colour <= cLo, colour >= cHi else {
            throw TRGBError.outsideTable(table: "bolometric corrections \(name)", quantity: "(V−I)₀", value: colour, range: cHi...cLo)
        }
        for _ in 0..<80 {
            let mid = 0.5 * (lo + hi)
            if try colourVI(teff: mid, logg: g, feh: z) > colour { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    private func bracket(_ axis: [Double], _ x: Double, _ quantity: String) throws -> (Int, Double) {
        let lo = axis.first!, hi = axis.last!
        guard x.isFinite, x >= lo - 1e-9, x <= hi + 1e-9 else {
            throw TRGBError.outsideTable(table: "bolometric corrections \(name)", quantity: quantity, value: x, range: lo...hi)
        }
        var i = 0
        while i < axis.count - 2 && x > axis[i + 1] { i += 1 }
        return (i, min(max((x - axis[i]) / (axis[i + 1] - axis[i]), 0), 1))
    }

    private func interpolate(_ grid: [[[Double]]], _ t: Double, _ g: Double, _ z: Double) throws -> Double {
        let (it, ft) = try bracket(teffK, t, "T_eff")
        let (ig, fg) = try bracket(logg, g, "log g")
        let (iz, fz) = try bracket(feh, z, "[Fe/H]")
        var v = 0.0
        for dz in 0...1 {
            for dg in 0...1 {
                for dt in 0...1 {
                    let w = (dz == 0 ? 1 - fz : fz) * (dg == 0 ? 1 - fg : fg) * (dt == 0 ? 1 - ft : ft)
                    if w != 0 { v += w * grid[iz + dz][ig + dg][it + dt] }
                }
            }
        }
        return v
    }
}
