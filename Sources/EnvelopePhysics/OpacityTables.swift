import Foundation
import ModelData

/// Rosseland-mean radiative opacity κ_rad(ρ, T, X, Z) for the whole star. It combines the OPAL tables
/// (Iglesias & Rogers 1996, ApJ 464, 943) for log T ≥ 3.88 with the Ferguson et al. (2005, ApJ 623, 585)
/// low-temperature tables (molecules, grains) for log T ≤ 3.80. Both use Grevesse & Sauval (1998) metals,
/// scaled-solar or [α/Fe] = +0.4, in MESA's kap format (Paxton et al. 2011).
///
/// Interpolation (Docs/envelope-opacity.md):
/// - (log R, log T) on each table: the natural bicubic spline, which is C²;
/// - X: C¹ piecewise-cubic Hermite in ξ = X/(1−Z), with 3-point parabolic slopes. Every Z has a table at
///   ξ = 0 and at ξ = 1 (Y = 0), so the grids in ξ all span [0, 1], and at fixed ξ the H/He ratio is kept
///   as Z varies;
/// - Z: the same Hermite scheme in ζ = log₁₀(Z + 10⁻⁴). The 13 nodes 0…0.1 are nearly evenly spaced in ζ
///   (steps 0.1–0.3), log κ ≈ log(a + bZ) is close to linear in ζ at large Z and flat at small Z, and
///   Z = 0 is a regular node;
/// - OPAL–Ferguson blend: log κ = (1−s) log κ_F + s log κ_OPAL with s = 3u² − 2u³,
///   u = (log T − 3.80)/0.08. These are the MESA defaults `kap_blend_logT_lower/upper_bdy`. ds/dlogT vanishes
///   at both ends, so the blend is C¹.
///
/// Domain: 2.70 ≤ log T ≤ 8.70, −8 ≤ log R ≤ 1, 0 ≤ Z ≤ 0.1, 0 ≤ X ≤ 1−Z. Above log R = 1 (cool, dense
/// degenerate matter, where conduction carries the heat) κ_rad is continued linearly in log R from the
/// table's edge up to log R = 3, with the result flagged `extrapolated`. Outside all this the call throws
/// `OpacityError.outOfDomain`.
///
/// Immutable after `init`, hence `Sendable`. Threads may share one instance. Loading one mixture (252 files,
/// 2.5 MB of text each family) takes the time measured in `loadSeconds` (Docs quote it).
public final class OpacityTables: Sendable {
    public let mixture: OpacityMixture
    /// Wall-clock seconds spent reading and preparing the tables.
    public let loadSeconds: Double

    let opal: OpacityFamily
    let lowT: OpacityFamily
    /// Z nodes and their ζ stencil; per Z node the ξ stencil and the index of its first table.
    let zNodes: [Double]
    let zStencil: OpacityHermiteStencil
    let xStencils: [OpacityHermiteStencil]
    let xNodes: [[Double]]
    let zStart: [Int]

    /// The OPAL–Ferguson blend window in log T (MESA defaults).
    public static let blendLowerLogT = 3.80
    public static let blendUpperLogT = 3.88
    /// ζ = log₁₀(Z + zOffset) is the Z coordinate of the interpolation.
    public static let zOffset = 1e-4
    /// κ_rad is continued linearly in log R up to this value (the tables stop at log R = 1).
    public static let maxExtrapolatedLogR = 3.0

    public var logTRange: ClosedRange<Double> { lowT.logT[0]...opal.logT[opal.nT - 1] }
    public var logRRange: ClosedRange<Double> {
        max(opal.logR[0], lowT.logR[0])...min(opal.logR[opal.nR - 1], lowT.logR[lowT.nR - 1])
    }
    public var zRange: ClosedRange<Double> { zNodes[0]...zNodes[zNodes.count - 1] }

    /// Loads both families of `mixture` from `dataDirectory/opacity/`.
    public convenience init(mixture: OpacityMixture, dataDirectory: DataDirectory) throws {
        let root = dataDirectory.url.appendingPathComponent("opacity")
        try self.init(mixture: mixture,
                      opalDirectory: root.appendingPathComponent(mixture.opalPrefix),
                      lowTDirectory: root.appendingPathComponent(mixture.lowTPrefix))
    }

    /// Loads from explicit folders (tests use this with edited copies).
    init(mixture: OpacityMixture, opalDirectory: URL, lowTDirectory: URL) throws {
        let start = Date()
        self.mixture = mixture
        let opalFiles = try Self.loadFamily(opalDirectory, prefix: mixture.opalPrefix)
        let lowTFiles = try Self.loadFamily(lowTDirectory, prefix: mixture.lowTPrefix)
        guard opalFiles.count == lowTFiles.count,
              zip(opalFiles, lowTFiles).allSatisfy({ abs($0.x - $1.x) < 1e-9 && abs($0.z - $1.z) < 1e-9 }) else {
            throw OpacityError.inconsistentTables(
                family: mixture.rawValue, reason: "the OPAL and low-T families do not hold the same (X, Z) tables")
        }
        opal = try OpacityFamily(name: mixture.opalPrefix, tables: opalFiles)
        lowT = try OpacityFamily(name: mixture.lowTPrefix, tables: lowTFiles)
        guard lowT.logT[lowT.nT - 1] >= Self.blendUpperLogT, opal.logT[0] <= Self.blendLowerLogT else {
            throw OpacityError.inconsistentTables(family: mixture.rawValue, reason: "the families do not overlap over the blend window")
        }
        // The (X, Z) grid: files sorted by Z then X.
        var zs: [Double] = [], starts: [Int] = [], xs: [[Double]] = []
        for (k, f) in opalFiles.enumerated() {
            if let last = zs.last, abs(f.z - last) < 1e-12 { xs[xs.count - 1].append(f.x) } else {
                zs.append(f.z); starts.append(k); xs.append([f.x])
            }
        }
        guard zs.count >= 4 else {
            throw OpacityError.inconsistentTables(family: mixture.opalPrefix, reason: "\(zs.count) values of Z; need ≥ 4")
        }
        for (z, x) in zip(zs, xs) {
            guard x.count >= 4, x[0] == 0, abs(x[x.count - 1] - (1 - z)) < 1e-6 else {
                throw OpacityError.inconsistentTables(
                    family: mixture.opalPrefix,
                    reason: "at Z = \(z) the X nodes \(x) must number ≥ 4 and run from 0 to 1 − Z (Y = 0)")
            }
        }
        zNodes = zs
        zStart = starts
        xNodes = xs
        zStencil = OpacityHermiteStencil(nodes: zs.map { log10($0 + Self.zOffset) })
        xStencils = zip(zs, xs).map { z, x in OpacityHermiteStencil(nodes: x.map { $0 / (1 - z) }) }
        loadSeconds = Date().timeIntervalSince(start)
    }

    /// Reads every `prefix_z*_x*.data` in `dir`, checks that the header's X and Z match the file name,
    /// and returns them sorted by (Z, X).
    static func loadFamily(_ dir: URL, prefix: String) throws -> [OpacityTableFile] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir.path) } catch {
            throw OpacityError.malformed(file: dir.path, line: 0, field: "directory", reason: "cannot list: \(error.localizedDescription)")
        }
        var files: [OpacityTableFile] = []
        for name in names.sorted() where name.hasPrefix(prefix + "_z") && name.hasSuffix(".data") {
            let url = dir.appendingPathComponent(name)
            let table = try OpacityTableFile.load(url)
            let stem = name.dropFirst(prefix.count + 2).dropLast(5)   // "0.02_x0.7"
            let parts = stem.components(separatedBy: "_x")
            guard parts.count == 2, let zName = Double(parts[0]), let xName = Double(parts[1]) else {
                throw OpacityError.malformed(file: url.path, line: 0, field: "file name", reason: "expected \(prefix)_z<Z>_x<X>.data")
            }
            guard abs(zName - table.z) < 1e-6 else {
                throw OpacityError.malformed(file: url.path, line: 3, field: "Z", reason: "header Z = \(table.z) differs from the file name's \(zName)")
            }
            guard abs(xName - table.x) < 1e-6 else {
                throw OpacityError.malformed(file: url.path, line: 3, field: "X", reason: "header X = \(table.x) differs from the file name's \(xName)")
            }
            files.append(table)
        }
        guard !files.isEmpty else {
            throw OpacityError.inconsistentTables(family: prefix, reason: "no \(prefix)_z*_x*.data files in \(dir.path)")
        }
        return files.sorted { ($0.z, $0.x) < ($1.z, $1.x) }
    }

    /// The (X, Z) interpolation weights; throws for X ∉ [0, 1−Z] or Z ∉ [0, 0.1] (10⁻⁹ tolerance for rounding).
    public func compositionWeights(x: Double, z: Double) throws -> OpacityCompositionWeights {
        let zMax = zNodes[zNodes.count - 1]
        guard z.isFinite, z >= -1e-9, z <= zMax + 1e-9 else {
            throw OpacityError.outOfDomain(quantity: "Z", value: z, domain: "[0, \(zMax)]")
        }
        let zc = min(max(z, 0), zMax)
        guard x.isFinite, x >= -1e-9, x <= 1 - zc + 1e-9 else {
            throw OpacityError.outOfDomain(quantity: "X", value: x, domain: "[0, 1 − Z] = [0, \(1 - zc)]")
        }
        let xi = min(max(x, 0), 1 - zc) / (1 - zc)
        let (zFirst, wz) = zStencil.weights(at: log10(zc + Self.zOffset))
        var table = SIMD16<Int32>(repeating: 0), weight = SIMD16<Double>(repeating: 0)
        let wzs = SIMD4<Double>(wz.0, wz.1, wz.2, wz.3)
        xStencils.withUnsafeBufferPointer { stencils in
            for a in 0..<4 {
                let k = zFirst + a
                let (xFirst, wx) = stencils[k].weights(at: xi, clamped: true)
                let wxs = SIMD4<Double>(wx.0, wx.1, wx.2, wx.3)
                for b in 0..<4 {
                    table[4 * a + b] = Int32(zStart[k] + xFirst + b)
                    weight[4 * a + b] = wzs[a] * wxs[b]
                }
            }
        }
        return OpacityCompositionWeights(x: x, z: z, table: table, weight: weight)
    }

    /// κ_rad and its derivatives at (log₁₀ ρ [g cm⁻³], log₁₀ T [K], X, Z).
    public func radiative(logRho: Double, logT: Double, x: Double, z: Double) throws -> OpacityValue {
        try radiative(logRho: logRho, logT: logT, weights: compositionWeights(x: x, z: z))
    }

    /// κ_rad with precomputed composition weights (the fast path: no allocation, no logarithm of Z).
    public func radiative(logRho: Double, logT: Double, weights w: OpacityCompositionWeights) throws -> OpacityValue {
        guard logRho.isFinite else { throw OpacityError.outOfDomain(quantity: "log rho", value: logRho, domain: "finite") }
        let tLo = lowT.logT[0], tHi = opal.logT[opal.nT - 1]
        guard logT.isFinite, logT >= tLo, logT <= tHi else {
            throw OpacityError.outOfDomain(quantity: "log T", value: logT, domain: "[\(tLo), \(tHi)]")
        }
        let logR = logRho - 3 * logT + 18
        let rLo = max(opal.logR[0], lowT.logR[0]), rHi = min(opal.logR[opal.nR - 1], lowT.logR[lowT.nR - 1])
        guard logR >= rLo, logR <= Self.maxExtrapolatedLogR else {
            throw OpacityError.outOfDomain(
                quantity: "log R", value: logR,
                domain: "[\(rLo), \(rHi)] (tables), continued linearly up to \(Self.maxExtrapolatedLogR)")
        }
        let extrapolated = logR > rHi
        let r = extrapolated ? rHi : logR
        let dr = logR - r
        var f: Double, fR: Double, fT: Double
        if logT >= Self.blendUpperLogT {
            let e = opal.evaluate(logR: r, logT: logT, weights: w)
            (f, fR, fT) = (e.f + e.fR * dr, e.fR, e.fT + e.fRT * dr)
        } else if logT <= Self.blendLowerLogT {
            let e = lowT.evaluate(logR: r, logT: logT, weights: w)
            (f, fR, fT) = (e.f + e.fR * dr, e.fR, e.fT + e.fRT * dr)
        } else {
            let h = opal.evaluate(logR: r, logT: logT, weights: w)
            let l = lowT.evaluate(logR: r, logT: logT, weights: w)
            let fh = h.f + h.fR * dr, fl = l.f + l.fR * dr
            let width = Self.blendUpperLogT - Self.blendLowerLogT
            let u = (logT - Self.blendLowerLogT) / width
            let s = u * u * (3 - 2 * u), ds = 6 * u * (1 - u) / width
            f = (1 - s) * fl + s * fh
            fR = (1 - s) * l.fR + s * h.fR
            fT = (1 - s) * (l.fT + l.fRT * dr) + s * (h.fT + h.fRT * dr) + ds * (fh - fl)
        }
        // log R = log ρ − 3 log T + 18: ∂/∂ln ρ|_T = ∂/∂log R, ∂/∂ln T|_ρ = ∂/∂log T|_R − 3 ∂/∂log R.
        return OpacityValue(kappa: exp(f * M_LN10), dlnKappaDlnRho: fR, dlnKappaDlnT: fT - 3 * fR, extrapolated: extrapolated)
    }
}
