import Foundation

/// Tabulated fast path of the envelope EOS (`EnvelopeEOS`) for one metallicity Z and the OPAL metal mixture
/// (`EnvelopeEOSComposition(hydrogen:metals:)`), built from the direct EOS itself (no external data).
///
/// Grid: regular in log R = log ρ − 3 log T + 18 (OPAL's variable, Rogers & Nayfonov 2002, ApJ 576, 1064:
/// a star's run of ρ(T) is close to R = const, and the ion coupling Γ ∝ (ρ/T³)^(1/3) depends on R alone, so
/// the Γ > 175 refusal is one log R cut) and in log T, at a set of hydrogen fractions X.
///
/// Interpolation: bicubic Hermite (Fritsch & Carlson 1980, SIAM J. Numer. Anal. 17, 238; the tensor-product
/// form of e.g. Press et al., Numerical Recipes 3rd ed., §3.6.3) in (ln R, ln T) of ln P, S, E and ∇_ad,
/// from each node's value, exact first derivatives and exact cross derivative (the direct EOS's
/// second-order jets; ∇_ad's cross derivative from centred differences of its exact first derivatives).
/// The surfaces are C¹, and their derivatives are derivatives of the interpolated values, so χ_ρ, χ_T, c_V,
/// c_P, Γ₁ formed from them are thermodynamically consistent to the interpolation error. η and ln νₑ use the
/// same scheme with derivatives from centred differences of the node values. In X: cubic Hermite with node
/// derivatives from the three-point (Lagrange) differences of neighbouring X nodes (one-sided at the ends):
/// C¹ in X, exact at the X nodes, linear when there are only two.
///
/// Refusals: nodes where `EnvelopeEOS` throws (ρ < 10⁻¹⁴ g/cm³, Γ > 175, the cold, dense, partly ionised
/// corner, pairs) are marked; a lookup in a cell with a refused corner (at any X node it uses) is an
/// `EnvelopeEOSError.outOfDomain` naming the point, never a NaN.
///
/// Not covered: C/O-enriched helium cores (the mixture is H, He and Z of the OPAL mixture only), other Z.
/// Numerical traps: Hermite interpolation of ∇_ad across the H and He ionisation dips is less accurate
/// than elsewhere (quoted in Docs/envelope-eos.md); the hot path is allocation-free (flat storage, SIMD8
/// lanes hold the six quantities of a node).
public struct EnvelopeEOSTable: Sendable {
    /// The grid (log₁₀ units; steps > 0).
    public struct Grid: Sendable, Equatable {
        public var logRMin: Double, logRMax: Double, logRStep: Double
        public var logTMin: Double, logTMax: Double, logTStep: Double
        /// Hydrogen mass fractions of the X nodes, strictly increasing, in [0, 1 − Z].
        public var hydrogen: [Double]
        /// Metallicity Z (OPAL mixture, `EnvelopeEOSComposition(hydrogen:metals:)`).
        public var metals: Double
        /// Whether radiation is included (as `EnvelopeEOS.includeRadiation`).
        public var includeRadiation: Bool

        public init(logRMin: Double, logRMax: Double, logRStep: Double, logTMin: Double, logTMax: Double,
                    logTStep: Double, hydrogen: [Double], metals: Double, includeRadiation: Bool = true) {
            self.logRMin = logRMin
            self.logRMax = logRMax
            self.logRStep = logRStep
            self.logTMin = logTMin
            self.logTMax = logTMax
            self.logTStep = logTStep
            self.hydrogen = hydrogen
            self.metals = metals
            self.includeRadiation = includeRadiation
        }

        /// The star's band, photosphere (log T = 3.5, log ρ ≈ −10) to the degenerate helium core at the flash
        /// (log T ≈ 8.1, log ρ ≈ 6): −8 ≤ log R ≤ 2, 3.4 ≤ log T ≤ 8.4, at X = 0, 0.1, …, 0.8 and 1 − Z.
        public static func standard(metals z: Double) -> Grid {
            var x = (0...8).map { Double($0) / 10 }.filter { $0 < 1 - z - 1e-9 }
            if 1 - z > (x.last ?? 0) + 0.05 { x.append(1 - z) }
            return Grid(logRMin: -8, logRMax: 2, logRStep: 0.05, logTMin: 3.4, logTMax: 8.4, logTStep: 0.02,
                        hydrogen: x, metals: z)
        }

        /// The whole star's band (`star --eos table`): the standard grid's spacing, X = 0, 0.1, …, 0.8 (a star's X is at
        /// most 0.8: the 1 − Z node is dropped) and log T up to 8.2 (160 MK, above any red giant's helium ignition);
        /// 116 × 10⁶ bytes instead of 129, so that a track stays near 200 MB.
        public static func wholeStar(metals z: Double) -> Grid {
            Grid(logRMin: -8, logRMax: 2, logRStep: 0.05, logTMin: 3.4, logTMax: 8.2, logTStep: 0.02,
                 hydrogen: (0...8).map { Double($0) / 10 }.filter { $0 < 1 - z - 1e-9 }, metals: z)
        }

        /// Nodes in log R and log T.
        public var shape: (logR: Int, logT: Int) {
            (Int(((logRMax - logRMin) / logRStep).rounded()) + 1, Int(((logTMax - logTMin) / logTStep).rounded()) + 1)
        }

        func validate() throws {
            let (nr, nt) = shape
            guard logRStep > 0, logTStep > 0, logRMax > logRMin, logTMax > logTMin, nr >= 2, nt >= 2,
                  abs(logRMin + Double(nr - 1) * logRStep - logRMax) < 1e-9 * max(1, abs(logRMax)),
                  abs(logTMin + Double(nt - 1) * logTStep - logTMax) < 1e-9 * max(1, abs(logTMax)) else {
                throw EnvelopeEOSError.outOfDomain(quantity: "table grid (log R, log T ranges and steps)",
                                                   value: logRStep, domain: "steps > 0 dividing max − min, ≥ 2 nodes each")
            }
            guard logTMin >= log10(EnvelopeEOS.temperatureDomain.lowerBound),
                  logTMax <= log10(EnvelopeEOS.temperatureDomain.upperBound) else {
                throw EnvelopeEOSError.outOfDomain(quantity: "table log T range", value: logTMax, domain: "[3, log 3e9]")
            }
            guard metals.isFinite, metals >= 0, metals < 1 else {
                throw EnvelopeEOSError.outOfDomain(quantity: "table metallicity Z", value: metals, domain: "[0, 1)")
            }
            guard !hydrogen.isEmpty, hydrogen.count <= 64 else {
                throw EnvelopeEOSError.outOfDomain(quantity: "number of X nodes", value: Double(hydrogen.count),
                                                   domain: "1…64")
            }
            for (k, x) in hydrogen.enumerated() {
                guard x.isFinite, x >= 0, x <= 1 - metals + 1e-12, k == 0 || x > hydrogen[k - 1] else {
                    throw EnvelopeEOSError.outOfDomain(quantity: "table hydrogen node X[\(k)]", value: x,
                                                       domain: "strictly increasing in [0, 1 − Z]")
                }
            }
        }
    }

    public let grid: Grid
    /// Wall-clock seconds the build (or the cache load) took.
    public let buildSeconds: Double
    /// Nodes the direct EOS refused (over all X nodes).
    public let refusedNodes: Int

    let nR: Int, nT: Int, nX: Int
    /// Per node 4 SIMD8 rows: value, h_w ∂_w, h_u ∂_u, h_w h_u ∂²_wu (w = ln R, u = ln T, h the steps in ln);
    /// lanes 0 ln P, 1 S, 2 E, 3 ∇_ad, 4 η, 5 ln νₑ, 6 zero, 7 of the value row: 1 if the cell (k, j, i)…(k, j+1, i+1)
    /// has four accepted corners, else 0 (lane 7 of the result is ignored). Node (k, j, i) at ((k nT + j) nR + i) · 32.
    let values: [Double]
    /// X node values (= grid.hydrogen).
    let xNodes: [Double]
    /// ν_ion(X) and ν_e,full(X), linear in X.
    let linear: EnvelopeEOSTableLinearX
    /// X-node derivative stencils: node k's ∂/∂X = Σ_c coef[3k + c] f(start[k] + c).
    let xStencilStart: [Int], xStencilCoef: [Double]
    static let stride = 32
    static let ln10 = Foundation.log(10.0)

    /// Builds the table from `EnvelopeEOS` (rows in parallel on all cores).
    public init(grid: Grid) throws {
        try grid.validate()
        let start = DispatchTime.now().uptimeNanoseconds
        let compositions = try grid.hydrogen.map {
            try EnvelopeEOSComposition(hydrogen: min($0, 1 - grid.metals), metals: grid.metals)
        }
        let (nr, nt) = grid.shape
        let nx = grid.hydrogen.count
        let raw = UnsafeMutableBufferPointer<Double>.allocate(capacity: nx * nt * nr * Self.rawStride)
        raw.initialize(repeating: 0)
        let ok = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: nx * nt * nr)
        ok.initialize(repeating: 0)
        defer {
            raw.deallocate()
            ok.deallocate()
        }
        let shared = EnvelopeEOSTableBuffers(raw: raw, ok: ok)
        let eos = EnvelopeEOS(includeRadiation: grid.includeRadiation)
        DispatchQueue.concurrentPerform(iterations: nx * nt) { row in
            let k = row / nt, j = row % nt
            let logT = grid.logTMin + Double(j) * grid.logTStep
            let t = Foundation.pow(10, logT)
            var guess: Double?
            for i in 0..<nr {
                let logRho = grid.logRMin + Double(i) * grid.logRStep + 3 * logT - 18
                let node = row * nr + i
                guard let s = try? eos.state(density: Foundation.pow(10, logRho), temperature: t,
                                             composition: compositions[k], guess: guess),
                      Self.store(s, into: shared.raw.baseAddress! + node * Self.rawStride) else {
                    guess = nil
                    continue
                }
                shared.ok[node] = 1
                guess = s.eta
            }
        }
        self.init(grid: grid, raw: UnsafeBufferPointer(raw), ok: UnsafeBufferPointer(ok), compositions: compositions,
                  start: start)
    }

    /// Raw node record: ln P, S, E as (f, f_w, f_u, f_wu) in natural-log coordinates, ∇_ad (f, f_w, f_u), η, ln νₑ.
    static let rawStride = 17

    /// Converts a direct state's derivatives from (ln ρ, ln T) to (w = ln R, u = ln T):
    /// ∂_w = ∂_lnρ, ∂_u = ∂_lnT + 3∂_lnρ, ∂²_wu = ∂²_lnρlnT + 3∂²_lnρ². Returns false for a non-finite record.
    static func store(_ s: EnvelopeEOSState, into p: UnsafeMutablePointer<Double>) -> Bool {
        func put(_ d: EnvelopeEOSDerivatives, _ o: Int) {
            p[o] = d.value
            p[o + 1] = d.dLnRho
            p[o + 2] = d.dLnT + 3 * d.dLnRho
            p[o + 3] = d.dLnRhoLnT + 3 * d.dLnRho2
        }
        put(s.lnPressure, 0)
        put(s.entropy, 4)
        put(s.energy, 8)
        let g = s.gradAdDerivatives
        p[12] = s.gradAd
        p[13] = g.dLnRho
        p[14] = g.dLnT + 3 * g.dLnRho
        p[15] = s.eta
        p[16] = Foundation.log(s.freeElectronsPerBaryon)
        for c in 0..<rawStride where !p[c].isFinite { return false }
        return true
    }

    /// Assembles the interpolation records from raw nodes (also used by the disk cache).
    init(grid: Grid, raw: UnsafeBufferPointer<Double>, ok: UnsafeBufferPointer<UInt8>,
         compositions: [EnvelopeEOSComposition], start: UInt64) {
        let (nr, nt) = grid.shape
        let nx = grid.hydrogen.count
        let hw = grid.logRStep * Self.ln10, hu = grid.logTStep * Self.ln10
        let rs = Self.rawStride
        func valid(_ k: Int, _ j: Int, _ i: Int) -> Bool {
            i >= 0 && i < nr && j >= 0 && j < nt && ok[(k * nt + j) * nr + i] != 0
        }
        /// Centred (or one-sided) difference of the raw component c along w (axis 0) or u (axis 1), per unit ln.
        func difference(_ k: Int, _ j: Int, _ i: Int, _ c: Int, axis: Int) -> Double {
            let (di, dj, h) = axis == 0 ? (1, 0, hw) : (0, 1, hu)
            let here = raw[((k * nt + j) * nr + i) * rs + c]
            let up = valid(k, j + dj, i + di), down = valid(k, j - dj, i - di)
            let fUp = up ? raw[((k * nt + j + dj) * nr + i + di) * rs + c] : 0
            let fDown = down ? raw[((k * nt + j - dj) * nr + i - di) * rs + c] : 0
            switch (up, down) {
            case (true, true): return (fUp - fDown) / (2 * h)
            case (true, false): return (fUp - here) / h
            case (false, true): return (here - fDown) / h
            case (false, false): return 0
            }
        }
        let linear = Self.linearX(grid)
        var v = [Double](repeating: 0, count: nx * nt * nr * Self.stride)
        var refused = 0
        // First differences of η and ln νₑ along w, for their cross derivatives (∂_u of ∂_w).
        var dw = [Double](repeating: 0, count: nx * nt * nr * 2)
        for k in 0..<nx { for j in 0..<nt { for i in 0..<nr where valid(k, j, i) {
            let n = (k * nt + j) * nr + i
            dw[2 * n] = difference(k, j, i, 15, axis: 0)
            dw[2 * n + 1] = difference(k, j, i, 16, axis: 0)
        } } }
        for k in 0..<nx {
            for j in 0..<nt {
                for i in 0..<nr {
                    let n = (k * nt + j) * nr + i
                    guard valid(k, j, i) else {
                        refused += 1
                        continue
                    }
                    let r = n * rs, o = n * Self.stride
                    for q in 0..<3 {
                        v[o + q] = raw[r + 4 * q]
                        v[o + 8 + q] = hw * raw[r + 4 * q + 1]
                        v[o + 16 + q] = hu * raw[r + 4 * q + 2]
                        v[o + 24 + q] = hw * hu * raw[r + 4 * q + 3]
                    }
                    // ∇_ad: cross derivative = mean of ∂_u(∂_w ∇_ad) and ∂_w(∂_u ∇_ad), differences of exact slopes.
                    v[o + 3] = raw[r + 12]
                    v[o + 11] = hw * raw[r + 13]
                    v[o + 19] = hu * raw[r + 14]
                    v[o + 27] = hw * hu * 0.5 * (difference(k, j, i, 13, axis: 1) + difference(k, j, i, 14, axis: 0))
                    for (lane, c) in [(4, 15), (5, 16)] {
                        v[o + lane] = raw[r + c]
                        v[o + 8 + lane] = hw * difference(k, j, i, c, axis: 0)
                        v[o + 16 + lane] = hu * difference(k, j, i, c, axis: 1)
                        // ∂_u of the stored ∂_w differences.
                        let up = valid(k, j + 1, i), down = valid(k, j - 1, i)
                        let here = dw[2 * n + lane - 4]
                        let fUp = up ? dw[2 * (n + nr) + lane - 4] : 0, fDown = down ? dw[2 * (n - nr) + lane - 4] : 0
                        let cross: Double = up && down ? (fUp - fDown) / (2 * hu)
                            : up ? (fUp - here) / hu : down ? (here - fDown) / hu : 0
                        v[o + 24 + lane] = hw * hu * cross
                    }
                    // X-smoothing: ln P − ln(ν_ion + ν_e,full), η − ln ν_e,full, ln νₑ − ln ν_e,full (added back at lookup).
                    let (lnTotal, lnElectrons) = linear.logs(grid.hydrogen[k])
                    v[o] -= lnTotal.value
                    v[o + 4] -= lnElectrons.value
                    v[o + 5] -= lnElectrons.value
                }
            }
        }
        for k in 0..<nx { for j in 0..<(nt - 1) { for i in 0..<(nr - 1) {
            if valid(k, j, i), valid(k, j, i + 1), valid(k, j + 1, i), valid(k, j + 1, i + 1) {
                v[((k * nt + j) * nr + i) * Self.stride + 7] = 1
            }
        } } }
        self.init(grid: grid, values: v, refused: refused, start: start)
    }

    /// The table from its interpolation records (`values`, as built or as read back from the disk cache).
    init(grid: Grid, values v: [Double], refused: Int, start: UInt64) {
        let (nr, nt) = grid.shape
        let nx = grid.hydrogen.count
        var stencilStart = [Int](repeating: 0, count: nx), stencilCoef = [Double](repeating: 0, count: 3 * nx)
        let xs = grid.hydrogen
        for k in 0..<nx where nx >= 2 {
            if nx == 2 {
                let d = xs[1] - xs[0]
                stencilCoef[3 * k] = -1 / d
                stencilCoef[3 * k + 1] = 1 / d
                continue
            }
            // Derivative at x_k of the parabola through three neighbouring nodes (Lagrange form).
            let m = min(max(k - 1, 0), nx - 3)
            let a = xs[m], b = xs[m + 1], c = xs[m + 2], e = xs[k]
            stencilStart[k] = m
            stencilCoef[3 * k] = ((e - b) + (e - c)) / ((a - b) * (a - c))
            stencilCoef[3 * k + 1] = ((e - a) + (e - c)) / ((b - a) * (b - c))
            stencilCoef[3 * k + 2] = ((e - a) + (e - b)) / ((c - a) * (c - b))
        }
        xStencilStart = stencilStart
        xStencilCoef = stencilCoef
        self.grid = grid
        nR = nr
        nT = nt
        nX = nx
        values = v
        xNodes = grid.hydrogen
        refusedNodes = refused
        linear = Self.linearX(grid)
        buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }

    /// ν_ion(X) and ν_e,full(X) of the grid's Z (linear in X).
    static func linearX(_ grid: Grid) -> EnvelopeEOSTableLinearX {
        let m0 = try? EnvelopeEOSComposition(hydrogen: 0, metals: grid.metals).mixture
        let m1 = try? EnvelopeEOSComposition(hydrogen: 1 - grid.metals, metals: grid.metals).mixture
        let perX = grid.metals < 1 ? 1 / (1 - grid.metals) : 0
        let ion0 = m0?.nuIon ?? 1, ion1 = m1?.nuIon ?? 1, full0 = m0?.nuFull ?? 1, full1 = m1?.nuFull ?? 1
        return EnvelopeEOSTableLinearX(ionsAtZero: ion0, ionsPerX: (ion1 - ion0) * perX, electronsAtZero: full0,
                                       electronsPerX: (full1 - full0) * perX)
    }

    // MARK: Lookup

    /// The state at ln ρ (ρ in g cm⁻³), ln T (T in K) and hydrogen fraction X. Allocation-free.
    /// Throws `EnvelopeEOSError.outOfDomain` outside the grid, outside the X nodes' range, or in a cell
    /// with a node the direct EOS refused.
    @inline(__always)
    public func state(lnDensity lnRho: Double, lnTemperature lnT: Double, hydrogen x: Double) throws -> EnvelopeEOSTableState {
        let r = try interpolate(lnRho, lnT, x, curvature: false, hydrogenDerivative: true)
        return makeState(value: r.value, ds: r.ds, dt: r.dt, dx: r.dx, x: x)
    }

    /// The state at (ln ρ, ln T, X) with the second derivatives of ln P and S in (ln ρ, ln T), for a Newton Jacobian
    /// that moves (ρ, T) at fixed X: the ∂/∂X of the state are zero here (not formed), and
    /// `EnvelopeEOSTableState.shifted(dLnRho:dLnT:curvature:)` gives the state at a nearby point to first order
    /// (χ_ρ, χ_T, c_P included, through the curvature). The second derivatives are those of the bicubic Hermite
    /// interpolant inside its cell (the interpolant is C¹: they jump at cell edges, by the interpolation error).
    @inline(__always)
    public func stateAndCurvature(lnDensity lnRho: Double, lnTemperature lnT: Double, hydrogen x: Double) throws
        -> (state: EnvelopeEOSTableState, curvature: EnvelopeEOSTableCurvature) {
        let r = try interpolate(lnRho, lnT, x, curvature: true, hydrogenDerivative: false)
        let hw = grid.logRStep * Self.ln10, hu = grid.logTStep * Self.ln10
        // ∂_lnρ = ∂_w, ∂_lnT = ∂_u − 3∂_w: ∂²_lnρ = ∂_ww, ∂_lnρ∂_lnT = ∂_wu − 3∂_ww, ∂²_lnT = ∂_uu − 6∂_wu + 9∂_ww.
        let ww = r.ss / (hw * hw), wu = r.st / (hw * hu), uu = r.tt / (hu * hu)
        let rr = ww, rt = wu - 3 * ww, tt = uu - 6 * wu + 9 * ww
        let curvature = EnvelopeEOSTableCurvature(lnPressure: (rr[0], rt[0], tt[0]), entropy: (rr[1], rt[1], tt[1]))
        return (makeState(value: r.value, ds: r.ds, dt: r.dt, dx: r.dx, x: x), curvature)
    }

    /// The bicubic Hermite lookup in (log R, log T), cubic in X: the value and its s, t, X derivatives per lane, and
    /// with `curvature` the ss, st, tt second derivatives (grid units). Without `hydrogenDerivative` the X nodes
    /// whose value weight is zero (X on a node: the helium core's X = 0) are skipped and `dx` is zero.
    @inline(__always)
    func interpolate(_ lnRho: Double, _ lnT: Double, _ x: Double, curvature: Bool, hydrogenDerivative: Bool) throws
        -> (value: SIMD8<Double>, ds: SIMD8<Double>, dt: SIMD8<Double>, dx: SIMD8<Double>,
            ss: SIMD8<Double>, st: SIMD8<Double>, tt: SIMD8<Double>) {
        let logT = lnT / Self.ln10
        let logR = (lnRho - 3 * lnT) / Self.ln10 + 18
        // Points within 10⁻⁹ of a cell of the grid's edge (node coordinates after rounding) are on the edge.
        var fr = (logR - grid.logRMin) / grid.logRStep, ft = (logT - grid.logTMin) / grid.logTStep
        if fr < 0 && fr > -1e-9 { fr = 0 } else if fr > Double(nR - 1) && fr < Double(nR - 1) + 1e-9 { fr = Double(nR - 1) }
        if ft < 0 && ft > -1e-9 { ft = 0 } else if ft > Double(nT - 1) && ft < Double(nT - 1) + 1e-9 { ft = Double(nT - 1) }
        guard fr >= 0, fr <= Double(nR - 1) else {
            throw EnvelopeEOSError.outOfDomain(quantity: "table log R = log ρ − 3 log T + 18", value: logR,
                                               domain: "[\(grid.logRMin), \(grid.logRMax)]")
        }
        guard ft >= 0, ft <= Double(nT - 1) else {
            throw EnvelopeEOSError.outOfDomain(quantity: "table log T", value: logT,
                                               domain: "[\(grid.logTMin), \(grid.logTMax)]")
        }
        let wx = try weights(hydrogen: x)
        let i = min(Int(fr), nR - 2), j = min(Int(ft), nT - 2)
        let s = fr - Double(i), t = ft - Double(j)
        // Cubic Hermite basis h00, h10, h01, h11, first and second derivatives (Fritsch & Carlson 1980).
        let s2 = s * s, t2 = t * t, s1 = 1 - s, t1 = 1 - t
        let a0 = (1 + 2 * s) * s1 * s1, a1 = s * s1 * s1, a2 = s2 * (3 - 2 * s), a3 = s2 * (s - 1)
        let da0 = 6 * s * (s - 1), da1 = s1 * (1 - 3 * s), da2 = -da0, da3 = s * (3 * s - 2)
        let dda0 = 12 * s - 6, dda1 = 6 * s - 4, dda2 = -dda0, dda3 = 6 * s - 2
        let b0 = (1 + 2 * t) * t1 * t1, b1 = t * t1 * t1, b2 = t2 * (3 - 2 * t), b3 = t2 * (t - 1)
        let db0 = 6 * t * (t - 1), db1 = t1 * (1 - 3 * t), db2 = -db0, db3 = t * (3 * t - 2)
        let ddb0 = 12 * t - 6, ddb1 = 6 * t - 4, ddb2 = -ddb0, ddb3 = 6 * t - 2
        var value = SIMD8<Double>(), ds = SIMD8<Double>(), dt = SIMD8<Double>(), dx = SIMD8<Double>()
        var ss = SIMD8<Double>(), st = SIMD8<Double>(), tt = SIMD8<Double>()
        try values.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            for m in 0..<wx.count {
                let w = wx.w[m], dw = hydrogenDerivative ? wx.dw[m] : 0
                if w == 0 && dw == 0 { continue }
                let k = wx.start + m
                let cell = (k * nT + j) * nR + i
                let origin = base + cell * Self.stride * 8
                guard origin.loadUnaligned(fromByteOffset: 56, as: Double.self) != 0 else {
                    throw EnvelopeEOSError.outOfDomain(
                        quantity: "table cell at log R = \(logR), log T = \(logT), X node \(xNodes[k])",
                        value: logR, domain: "cells whose four nodes the direct EOS accepts (Γ ≤ 175, not the cold dense corner)")
                }
                // Corner with s-basis (A, A1) for (value, slope), their s-derivatives (dA, dA1), and t-basis
                // (B, B1), (dB, dB1): value += A(f B + f_u B1) + A1(f_s B + f_su B1), and so on. An X node with
                // zero value weight (X on a node) contributes to ∂/∂X only: its value alone is formed.
                let full = w != 0
                let r = nR * Self.stride * 8
                let c00 = Self.corner(origin, full, a0, a1, da0, da1, b0, b1, db0, db1)
                let c10 = Self.corner(origin + Self.stride * 8, full, a2, a3, da2, da3, b0, b1, db0, db1)
                let c01 = Self.corner(origin + r, full, a0, a1, da0, da1, b2, b3, db2, db3)
                let c11 = Self.corner(origin + r + Self.stride * 8, full, a2, a3, da2, da3, b2, b3, db2, db3)
                let cv = (c00.v + c10.v) + (c01.v + c11.v)
                dx += dw * cv
                if full {
                    value += w * cv
                    ds += w * ((c00.s + c10.s) + (c01.s + c11.s))
                    dt += w * ((c00.t + c10.t) + (c01.t + c11.t))
                    if curvature {
                        let k00 = Self.cornerCurvature(origin, a0, a1, da0, da1, dda0, dda1, b0, b1, db0, db1, ddb0, ddb1)
                        let k10 = Self.cornerCurvature(origin + Self.stride * 8, a2, a3, da2, da3, dda2, dda3, b0, b1, db0, db1, ddb0, ddb1)
                        let k01 = Self.cornerCurvature(origin + r, a0, a1, da0, da1, dda0, dda1, b2, b3, db2, db3, ddb2, ddb3)
                        let k11 = Self.cornerCurvature(origin + r + Self.stride * 8, a2, a3, da2, da3, dda2, dda3, b2, b3, db2, db3, ddb2, ddb3)
                        ss += w * ((k00.ss + k10.ss) + (k01.ss + k11.ss))
                        st += w * ((k00.st + k10.st) + (k01.st + k11.st))
                        tt += w * ((k00.tt + k10.tt) + (k01.tt + k11.tt))
                    }
                }
            }
        }
        return (value, ds, dt, dx, ss, st, tt)
    }

    /// A node's four rows of 8 lanes: the value f, the slopes f_s, f_u (grid units) and the cross derivative f_su.
    @inline(__always)
    static func node(_ p: UnsafeRawPointer) -> (f: SIMD8<Double>, fs: SIMD8<Double>, fu: SIMD8<Double>, fsu: SIMD8<Double>) {
        (p.loadUnaligned(as: SIMD8<Double>.self), p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self),
         p.loadUnaligned(fromByteOffset: 128, as: SIMD8<Double>.self), p.loadUnaligned(fromByteOffset: 192, as: SIMD8<Double>.self))
    }

    /// A node's rows against a t-basis pair (B, B1): (f B + f_u B1, f_s B + f_su B1).
    @inline(__always)
    static func along(_ n: (f: SIMD8<Double>, fs: SIMD8<Double>, fu: SIMD8<Double>, fsu: SIMD8<Double>), _ b: Double,
                      _ b1: Double) -> (SIMD8<Double>, SIMD8<Double>) {
        (n.f * b + n.fu * b1, n.fs * b + n.fsu * b1)
    }

    /// One corner's share of the second derivatives ss, st, tt of the bicubic Hermite interpolant (the corner's
    /// rows are re-read: they are in cache from `corner`).
    @inline(__always)
    static func cornerCurvature(_ p: UnsafeRawPointer, _ sA: Double, _ sA1: Double, _ sdA: Double, _ sdA1: Double,
                                _ sddA: Double, _ sddA1: Double, _ tB: Double, _ tB1: Double, _ tdB: Double,
                                _ tdB1: Double, _ tddB: Double, _ tddB1: Double)
        -> (ss: SIMD8<Double>, st: SIMD8<Double>, tt: SIMD8<Double>) {
        let n = node(p)
        let (g0, g1) = along(n, tB, tB1), (gd0, gd1) = along(n, tdB, tdB1), (gdd0, gdd1) = along(n, tddB, tddB1)
        return (g0 * sddA + g1 * sddA1, gd0 * sdA + gd1 * sdA1, gdd0 * sA + gdd1 * sA1)
    }

    /// One corner's share of the bicubic Hermite value and (if `full`) its s and t derivatives.
    @inline(__always)
    static func corner(_ p: UnsafeRawPointer, _ full: Bool, _ sA: Double, _ sA1: Double, _ sdA: Double, _ sdA1: Double,
                       _ tB: Double, _ tB1: Double, _ tdB: Double, _ tdB1: Double)
        -> (v: SIMD8<Double>, s: SIMD8<Double>, t: SIMD8<Double>) {
        let n = node(p)
        let (g0, g1) = along(n, tB, tB1)
        guard full else { return (g0 * sA + g1 * sA1, SIMD8(), SIMD8()) }
        let (gd0, gd1) = along(n, tdB, tdB1)
        return (g0 * sA + g1 * sA1, g0 * sdA + g1 * sdA1, gd0 * sA + gd1 * sA1)
    }

    /// Weights of the X nodes start..<start+count for the value (w) and ∂/∂X (dw) at X: cubic Hermite on
    /// [x_k, x_k+1] with the stencil derivatives at both ends.
    struct XWeights {
        var start: Int, count: Int
        var w: SIMD4<Double>, dw: SIMD4<Double>
    }

    @inline(__always)
    func weights(hydrogen x: Double) throws -> XWeights {
        let xs = xNodes
        let n = nX
        guard x >= xs[0] - 1e-12, x <= xs[n - 1] + 1e-12 else {
            throw EnvelopeEOSError.outOfDomain(quantity: "table hydrogen fraction X", value: x,
                                               domain: "[\(xs[0]), \(xs[n - 1])] (the table's X nodes)")
        }
        if n == 1 { return XWeights(start: 0, count: 1, w: SIMD4(1, 0, 0, 0), dw: SIMD4()) }
        var k = 0
        while k < n - 2 && x >= xs[k + 1] { k += 1 }
        let d = xs[k + 1] - xs[k]
        let t = min(max((x - xs[k]) / d, 0), 1), t1 = 1 - t
        let start = n >= 4 ? min(max(k - 1, 0), n - 4) : 0
        var w = SIMD4<Double>(), dw = SIMD4<Double>()
        w[k - start] += (1 + 2 * t) * t1 * t1
        w[k + 1 - start] += t * t * (3 - 2 * t)
        dw[k - start] += 6 * t * (t - 1) / d
        dw[k + 1 - start] += 6 * t * t1 / d
        @inline(__always) func slope(_ node: Int, _ hv: Double, _ hd: Double) {
            let m = xStencilStart[node]
            for c in 0..<min(3, n) {
                let coef = xStencilCoef[3 * node + c]
                w[m + c - start] += hv * coef
                dw[m + c - start] += hd * coef
            }
        }
        slope(k, d * t * t1 * t1, t1 * (1 - 3 * t))
        slope(k + 1, d * t * t * (t - 1), t * (3 * t - 2))
        return XWeights(start: start, count: min(n, 4), w: w, dw: dw)
    }

    func makeState(value: SIMD8<Double>, ds: SIMD8<Double>, dt: SIMD8<Double>, dx: SIMD8<Double>, x: Double)
        -> EnvelopeEOSTableState {
        let hw = grid.logRStep * Self.ln10, hu = grid.logTStep * Self.ln10
        // ∂_lnρ = ∂_w, ∂_lnT = ∂_u − 3∂_w.
        func q(_ l: Int) -> EnvelopeEOSTableState.Value {
            let fw = ds[l] / hw, fu = dt[l] / hu
            return .init(value: value[l], dLnRho: fw, dLnT: fu - 3 * fw, dHydrogen: dx[l])
        }
        let (lnTotal, lnElectrons) = linear.logs(x)
        var p = q(0), eta = q(4), ne = q(5)
        p.value += lnTotal.value
        p.dHydrogen += lnTotal.slope
        eta.value += lnElectrons.value
        eta.dHydrogen += lnElectrons.slope
        ne.value += lnElectrons.value
        ne.dHydrogen += lnElectrons.slope
        return EnvelopeEOSTableState(lnPressure: p, entropy: q(1), energy: q(2), gradAd: q(3), eta: eta,
                                     lnFreeElectrons: ne, ionsPerBaryon: linear.ionsAtZero + linear.ionsPerX * x)
    }
}

/// The particle numbers per baryon that are linear in X at fixed Z: nuclei ν_ion and electrons of full
/// ionisation ν_e,full. ln P − ln(ν_ion + ν_e,full) is X-independent for a fully ionised ideal gas and
/// η − ln ν_e,full for a non-degenerate one (η ≈ ln(nₑλ³/2)); interpolating those in X leaves only the
/// non-ideal X-dependence to the cubic (the Hermite X derivatives from differences are O(ΔX³) otherwise).
struct EnvelopeEOSTableLinearX: Sendable {
    let ionsAtZero: Double, ionsPerX: Double, electronsAtZero: Double, electronsPerX: Double

    /// ln(ν_ion + ν_e,full) and ln ν_e,full with their X derivatives.
    @inline(__always)
    func logs(_ x: Double) -> (total: (value: Double, slope: Double), electrons: (value: Double, slope: Double)) {
        let total = ionsAtZero + electronsAtZero + (ionsPerX + electronsPerX) * x
        let electrons = electronsAtZero + electronsPerX * x
        return ((Foundation.log(total), (ionsPerX + electronsPerX) / total),
                (Foundation.log(electrons), electronsPerX / electrons))
    }
}

/// Buffers written from `concurrentPerform` at disjoint indices.
struct EnvelopeEOSTableBuffers: @unchecked Sendable {
    let raw: UnsafeMutableBufferPointer<Double>
    let ok: UnsafeMutableBufferPointer<UInt8>
}
