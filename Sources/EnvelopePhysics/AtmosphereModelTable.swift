import Foundation
import Constants
import ModelData

/// Model-atmosphere boundary tables: the gas pressure at τ = 2/3 as a function of T_eff, log g and [Z/Z☉]
/// (MESA `atm_data`, "photosphere" tables: PHOENIX/NextGen, Hauschildt et al. 1999, ApJ 512, 377 and 525, 871,
/// and Castelli & Kurucz 2003 for the hotter models; assembled by Paxton et al. 2011, ApJS 192, 3). Format and
/// provenance: `StellarModels/atmosphere/README.md`.
///
/// Convention (MESA `atm/private/table_atm.f90`, `get_table_values`): the tables give only P_gas; the temperature at
/// the table's τ = 2/3 is T_eff itself, and the total pressure is P_gas + aT_eff⁴/3 (`atm_table.f90`,
/// `eval_table`).
///
/// Interpolation: piecewise bicubic Hermite in (T_eff, log g) of ln P_gas, with nodal slopes from three-point
/// non-uniform differences (two-point at a grid edge or next to an invalid node), then cubic Hermite in [Z/Z☉]
/// over the eight tables with the same slope rule: continuous first derivatives in all three variables; nodes
/// reproduced exactly. Validity: each table's header gives, per log g, the index of the hottest valid T_eff
/// ("VALID RANGE"; the numbers past it are filler). Like MESA, the bound used is the minimum over all [Z/Z☉], and a
/// query between two log g nodes takes the lower node's bound; the filler values never enter a slope. Outside the
/// valid range a typed error names the quantity, the value and the range (no silent clipping).
public final class ModelAtmosphereTable: Sendable {
    /// T_eff nodes (K), log g nodes (cgs), [Z/Z☉] nodes.
    public let teff: [Double]
    public let logg: [Double]
    public let metallicities: [Double]
    /// Per log g node: the hottest valid T_eff (K), minimum over metallicities.
    public let teffUpperBound: [Double]
    /// Zero-based index of the last valid T_eff node per log g node (min over metallicities).
    let lastValid: [Int]
    let nT: Int, nG: Int, nZ: Int
    /// ln P_gas and its nodal slopes ∂/∂T_eff, ∂/∂log g, ∂²/∂T_eff∂log g, indexed (z·nT + i)·nG + j.
    let f: [Double], fT: [Double], fG: [Double], fTG: [Double]
    /// The tabulated P_gas as read.
    let raw: [Double]

    /// What a lookup returns.
    public struct Value: Sendable, Equatable {
        /// P_gas at τ = 2/3, dyn cm⁻².
        public var gasPressure: Double
        /// T at τ = 2/3, = T_eff by the tables' convention.
        public var temperature: Double
        /// ∂ln P_gas/∂T_eff (K⁻¹), ∂ln P_gas/∂log g, ∂ln P_gas/∂[Z/Z☉].
        public var dLnPgas_dTeff: Double
        public var dLnPgas_dLogg: Double
        public var dLnPgas_dMetallicity: Double
    }

    /// Builds the interpolant from node values. `gasPressure[z][i][j]` at (metallicities[z], teff[i], logg[j]);
    /// `lastValidIndex[z][j]` the zero-based index of the hottest valid T_eff in table z at logg[j].
    public init(teff: [Double], logg: [Double], metallicities: [Double], gasPressure: [[[Double]]],
                lastValidIndex: [[Int]]) throws(AtmosphereError) {
        let nT = teff.count, nG = logg.count, nZ = metallicities.count
        self.nT = nT; self.nG = nG; self.nZ = nZ
        func bad(_ field: String, _ reason: String) -> AtmosphereError {
            .malformedTable(file: "(in memory)", line: 0, field: field, reason: reason)
        }
        guard nT >= 2, nG >= 2, nZ >= 1 else { throw bad("grid", "needs ≥ 2 T_eff, ≥ 2 log g and ≥ 1 [Z/Z☉] nodes") }
        for (name, x) in [("T_eff", teff), ("log g", logg), ("[Z/Z☉]", metallicities)] where x.count > 1 {
            for k in 1..<x.count where !(x[k] > x[k - 1]) { throw bad(name, "nodes not increasing at index \(k)") }
        }
        guard gasPressure.count == nZ, lastValidIndex.count == nZ else { throw bad("tables", "count ≠ \(nZ)") }
        self.teff = teff; self.logg = logg; self.metallicities = metallicities
        var last = [Int](repeating: nT - 1, count: nG)
        for z in 0..<nZ {
            guard lastValidIndex[z].count == nG else { throw bad("VALID RANGE", "count ≠ \(nG)") }
            for j in 0..<nG {
                guard (1..<nT).contains(lastValidIndex[z][j]) else {
                    throw bad("VALID RANGE", "index \(lastValidIndex[z][j] + 1) outside 2…\(nT)")
                }
                last[j] = min(last[j], lastValidIndex[z][j])
            }
        }
        lastValid = last
        teffUpperBound = last.map { teff[$0] }

        let n = nZ * nT * nG
        var f = [Double](repeating: 0, count: n)
        var raw = f
        for z in 0..<nZ {
            guard gasPressure[z].count == nT else { throw bad("rows", "table \(z): \(gasPressure[z].count) ≠ \(nT)") }
            for i in 0..<nT {
                guard gasPressure[z][i].count == nG else { throw bad("columns", "table \(z) row \(i) ≠ \(nG)") }
                for j in 0..<nG {
                    let p = gasPressure[z][i][j]
                    guard p > 0 && p < .infinity else { throw bad("P_gas", "\(p) at table \(z), row \(i), column \(j)") }
                    f[(z * nT + i) * nG + j] = log(p)
                    raw[(z * nT + i) * nG + j] = p
                }
            }
        }
        // Nodal slopes from each table's valid nodes.
        var fT = f, fG = f, fTG = f
        for z in 0..<nZ {
            let valid = { (i: Int, j: Int) -> Bool in i <= lastValidIndex[z][j] }
            let at = { (i: Int, j: Int) -> Int in (z * nT + i) * nG + j }
            for j in 0..<nG {
                for i in 0..<nT {
                    let c = Self.slopeCoefficients(teff, i, lowOK: i > 0 && valid(i - 1, j),
                                                   highOK: i + 1 < nT && valid(i + 1, j))
                    var s = c.1 * f[at(i, j)]
                    if c.0 != 0 { s += c.0 * f[at(i - 1, j)] }
                    if c.2 != 0 { s += c.2 * f[at(i + 1, j)] }
                    fT[at(i, j)] = s
                }
            }
            for i in 0..<nT {
                for j in 0..<nG {
                    let c = Self.slopeCoefficients(logg, j, lowOK: j > 0 && valid(i, j - 1),
                                                   highOK: j + 1 < nG && valid(i, j + 1))
                    var s = c.1 * f[at(i, j)], sx = c.1 * fT[at(i, j)]
                    if c.0 != 0 { s += c.0 * f[at(i, j - 1)]; sx += c.0 * fT[at(i, j - 1)] }
                    if c.2 != 0 { s += c.2 * f[at(i, j + 1)]; sx += c.2 * fT[at(i, j + 1)] }
                    fG[at(i, j)] = s
                    fTG[at(i, j)] = sx
                }
            }
        }
        self.f = f; self.fT = fT; self.fG = fG; self.fTG = fTG; self.raw = raw
    }

    /// The tabulated P_gas at node (metallicity z, T_eff i, log g j), for tests and diagnostics.
    public func nodeGasPressure(z: Int, i: Int, j: Int) -> Double { raw[(z * nT + i) * nG + j] }

    /// Zero-based index of the hottest valid T_eff node at log g node j (minimum over metallicities).
    public func lastValidTeffIndex(logg j: Int) -> Int { lastValid[j] }

    /// Coefficients (c₋, c₀, c₊) of f_{k−1}, f_k, f_{k+1} in the slope at node k: the three-point non-uniform
    /// derivative (exact for a parabola) when both neighbours may be used, else the two-point one, else 0.
    static func slopeCoefficients(_ x: [Double], _ k: Int, lowOK: Bool, highOK: Bool) -> (Double, Double, Double) {
        if lowOK && highOK {
            let h0 = x[k] - x[k - 1], h1 = x[k + 1] - x[k]
            let cm = -h1 / (h0 * (h0 + h1)), cp = h0 / (h1 * (h0 + h1))
            return (cm, -(cm + cp), cp)
        } else if highOK {
            let h = x[k + 1] - x[k]
            return (0, -1 / h, 1 / h)
        } else if lowOK {
            let h = x[k] - x[k - 1]
            return (-1 / h, 1 / h, 0)
        }
        return (0, 0, 0)
    }

    /// Reads `table_summary.txt` and the tables it names from `directory` (e.g. StellarModels/atmosphere).
    /// Throws `AtmosphereError.malformedTable` naming the file, the line and the field.
    public static func load(directory: URL) throws -> ModelAtmosphereTable {
        try ModelAtmosphereTableReader.read(directory: directory)
    }

    /// The installed tables: `DataDirectory.locate()` + `atmosphere/`.
    public static func load() throws -> ModelAtmosphereTable {
        try load(directory: DataDirectory.locate().url.appendingPathComponent("atmosphere"))
    }

    /// Locates the interval [x_k, x_{k+1}] holding v (the last interval for v = x_last).
    @inline(__always)
    static func interval(_ x: [Double], _ v: Double) -> Int {
        var lo = 0, hi = x.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if x[mid] <= v { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// P_gas at τ = 2/3 and its derivatives. Throws `AtmosphereError.outOfDomain` naming the quantity, the value
    /// and the valid range.
    public func value(teff t: Double, logg g: Double, metallicity z: Double) throws(AtmosphereError) -> Value {
        guard g >= logg[0] && g <= logg[nG - 1] else {
            throw .outOfDomain(quantity: "log g", value: g, domain: "[\(logg[0]), \(logg[nG - 1])]")
        }
        guard z >= metallicities[0] && z <= metallicities[nZ - 1] else {
            throw .outOfDomain(quantity: "[Z/Z☉]", value: z, domain: "[\(metallicities[0]), \(metallicities[nZ - 1])]")
        }
        let j = Self.interval(logg, g)
        let tMax = teff[g > logg[j] ? min(lastValid[j], lastValid[j + 1]) : lastValid[j]]
        guard t >= teff[0] && t <= tMax else {
            throw .outOfDomain(quantity: "T_eff", value: t,
                               domain: "[\(teff[0]), \(tMax)] K (VALID RANGE at log g = \(logg[j]))")
        }
        let i = Self.interval(teff, t)
        let hT = teff[i + 1] - teff[i], hG = logg[j + 1] - logg[j]
        let u = (t - teff[i]) / hT, w = (g - logg[j]) / hG
        // 1-D Hermite bases: value φ, slope ψ at the interval's two ends, and their derivatives.
        let (pu, qu, dpu, dqu) = Self.hermite(u)
        let (pw, qw, dpw, dqw) = Self.hermite(w)

        func eval2D(_ zk: Int) -> (Double, Double, Double) {
            var v = 0.0, dv = 0.0, dg = 0.0
            for a in 0..<2 {
                for b in 0..<2 {
                    let n = (zk * nT + i + a) * nG + j + b
                    let va = pu[a], sa = qu[a] * hT, dva = dpu[a] / hT, dsa = dqu[a]
                    let vb = pw[b], sb = qw[b] * hG, dvb = dpw[b] / hG, dsb = dqw[b]
                    v += va * vb * f[n] + sa * vb * fT[n] + va * sb * fG[n] + sa * sb * fTG[n]
                    dv += dva * vb * f[n] + dsa * vb * fT[n] + dva * sb * fG[n] + dsa * sb * fTG[n]
                    dg += va * dvb * f[n] + sa * dvb * fT[n] + va * dsb * fG[n] + sa * dsb * fTG[n]
                }
            }
            return (v, dv, dg)
        }

        var lnP = 0.0, dT = 0.0, dG = 0.0, dZ = 0.0
        if nZ == 1 {
            (lnP, dT, dG) = eval2D(0)
        } else {
            let k = Self.interval(metallicities, z)
            let hZ = metallicities[k + 1] - metallicities[k]
            let (pz, qz, dpz, dqz) = Self.hermite((z - metallicities[k]) / hZ)
            // Weights on tables k−1 … k+2 for the value and for ∂/∂[Z/Z☉].
            var ws = SIMD4<Double>(), dws = SIMD4<Double>()
            let c0 = Self.slopeCoefficients(metallicities, k, lowOK: k > 0, highOK: true)
            let c1 = Self.slopeCoefficients(metallicities, k + 1, lowOK: true, highOK: k + 2 < nZ)
            // f = pz0 f_k + pz1 f_{k+1} + hZ (qz0 s_k + qz1 s_{k+1}); s_k = c0 · (f_{k−1}, f_k, f_{k+1}).
            ws[0] = hZ * qz[0] * c0.0
            ws[1] = pz[0] + hZ * (qz[0] * c0.1 + qz[1] * c1.0)
            ws[2] = pz[1] + hZ * (qz[0] * c0.2 + qz[1] * c1.1)
            ws[3] = hZ * qz[1] * c1.2
            dws[0] = dqz[0] * c0.0
            dws[1] = dpz[0] / hZ + dqz[0] * c0.1 + dqz[1] * c1.0
            dws[2] = dpz[1] / hZ + dqz[0] * c0.2 + dqz[1] * c1.1
            dws[3] = dqz[1] * c1.2
            for m in 0..<4 {
                let zk = k - 1 + m
                guard zk >= 0 && zk < nZ && (ws[m] != 0 || dws[m] != 0) else { continue }
                let (v, dv, dg) = eval2D(zk)
                lnP += ws[m] * v; dT += ws[m] * dv; dG += ws[m] * dg; dZ += dws[m] * v
            }
        }
        return Value(gasPressure: exp(lnP), temperature: t, dLnPgas_dTeff: dT, dLnPgas_dLogg: dG,
                     dLnPgas_dMetallicity: dZ)
    }

    /// The outer boundary (τ = 2/3, T = T_eff, P = P_gas + aT_eff⁴/3) for T_eff (K), g (cm s⁻²) and [Z/Z☉].
    public func boundary(effectiveTemperature t: Double, gravity g: Double, metallicity z: Double)
    throws(AtmosphereError) -> AtmosphereBoundary {
        guard g > 0 && g < .infinity else { throw .outOfDomain(quantity: "g", value: g, domain: "(0, ∞) cm s⁻²") }
        let v = try value(teff: t, logg: log10(g), metallicity: z)
        let t2 = t * t
        let pRad = CGS.radiation * t2 * t2 / 3
        let p = v.gasPressure + pRad
        return AtmosphereBoundary(
            tau: 2.0 / 3.0, pressure: p, gasPressure: v.gasPressure, temperature: t,
            dLnPressure_dLnTeff: (v.gasPressure * v.dLnPgas_dTeff * t + 4 * pRad) / p,
            dLnPressure_dLnGravity: v.gasPressure * v.dLnPgas_dLogg / log(10.0) / p,
            dLnTemperature_dLnTeff: 1, dLnTemperature_dLnGravity: 0)
    }

    /// Cubic Hermite bases on [0, 1] at s: value bases (φ₀, φ₁), slope bases (ψ₀, ψ₁) and their s-derivatives.
    @inline(__always)
    static func hermite(_ s: Double) -> (SIMD2<Double>, SIMD2<Double>, SIMD2<Double>, SIMD2<Double>) {
        let s2 = s * s, s3 = s2 * s
        return (SIMD2(2 * s3 - 3 * s2 + 1, -2 * s3 + 3 * s2), SIMD2(s3 - 2 * s2 + s, s3 - s2),
                SIMD2(6 * s2 - 6 * s, -6 * s2 + 6 * s), SIMD2(3 * s2 - 4 * s + 1, 3 * s2 - 2 * s))
    }
}
