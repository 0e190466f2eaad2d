import Dispatch
import Foundation

/// The fast path: the plasma tabulated once over (x, z) and interpolated with tensor-product
/// Lagrange polynomials of `order` points per axis, x = log₁₀(ρYₑ / g cm⁻³) and
///
///     z(T) = log₁₀ T + (κ/θ_s) arctan(θ/θ_s),    θ = kT/mₑc²,
///     dz/d ln T = 1/ln 10 + κ θ/(θ² + θ_s²)   (→ κ/θ above θ_s).
///
/// Numerical trap: at fixed ρYₑ, e⁺e⁻ pairs switch on like e^(−1/θ), i.e. over Δln T ≈ θ; in
/// (log ρYₑ, log T) the fields bend within ~0.03 dex and a 0.1-dex grid is wrong by tens of per
/// cent. The stretched axis z spreads every onset over ≈ κ units of z, while well below θ_s it
/// is plain log T. The switch itself must have bounded derivatives in ln T: switches of the form
/// e^(−θ_s/θ) or e^(−(θ_s/θ)²) (essential singularity at θ = 0) cost 5×10⁻⁴ and 2×10⁻³ near
/// 3×10⁷ and 10⁸ K through the map's own curvature; the rational switch does not.
///
/// Stored per node: ln ωp, v*, and for each channel c the scaled integral J_c = ln(e^γ I_c)
/// (e^γ factored out so the Boltzmann suppression is exact, not interpolated). At evaluation
/// γ = ωp/T uses the interpolated ωp, and Q_c ∝ ωp^(2n+3) exp(J_c − γ). The interpolation error
/// is measured against the direct computation in the tests and by `stellarbound bench plasma`;
/// outside the grid the direct computation is used.
public final class PlasmaRateTable: Sendable {
    /// Grid geometry.
    public struct Grid: Sendable, Equatable {
        public var xMin = -2.4, xMax = 10.9     // log₁₀(ρYₑ / g cm⁻³)
        public var tMin = 4e6, tMax = 6e9       // K
        public var step = 0.1                   // in x and in z
        public var order = 6                    // Lagrange points per axis (4: cubic, 6: quintic)
        public var kappa = 0.8                  // z-units per pair onset
        public var thetaS = 0.05                // θ scale where the stretch switches on
        public init() {}

        /// The stretched temperature coordinate z(T).
        @inline(__always)
        public func z(temperature: Double) -> Double {
            let theta = PhysicalConstants.boltzmann_keV_per_K * temperature / PhysicalConstants.electronMass_keV
            return log10(temperature) + kappa / thetaS * atan(theta / thetaS)
        }

        /// T(z) by bisection on the monotone z(T) (table construction only).
        func temperature(z target: Double) -> Double {
            var lo = log10(tMin) - 1, hi = log10(tMax) + 1
            for _ in 0..<200 {
                let mid = 0.5 * (lo + hi)
                if z(temperature: pow(10, mid)) < target { lo = mid } else { hi = mid }
            }
            return pow(10, 0.5 * (lo + hi))
        }
    }

    public let grid: Grid
    let nx: Int, ny: Int
    let zMin: Double
    /// Node-major storage: `stride` values per node.
    let values: [Double]
    /// Padded to 16 doubles (128 bytes, two cache lines) per node: at 15 the plasma lookup measured
    /// 10 % slower (3.0 vs 3.4 ×10⁶/s), its 9 fields straddling cache lines more often.
    static let stride = 16
    /// Fields 0…8: ln ωp, v*, ln(e^γ I_c) for the 7 channels.
    static let plasmaFields = 0..<(2 + PlasmonIntegrals.channelCount)
    /// Fields 9…14: e± gas thermodynamics — ln P, ln U, χ_T, χ_ρ, (T/U)∂U/∂T, η. (∂U/∂ln ρ)_T is not
    /// stored: it follows exactly from (∂u/∂ln ρ)_T = u + P(1 − χ_T) (the net electrons' rest mass
    /// cancels), and it crosses zero at the pair onset, where a tabulated ratio to U interpolated poorly.
    static let thermoFieldCount = 6
    static var thermoFields: Range<Int> { plasmaFields.upperBound..<(plasmaFields.upperBound + thermoFieldCount) }
    /// Seconds spent building (for the benchmark report).
    public let buildSeconds: Double

    /// The process-wide table with the default grid, made on first use: from the cache directory given
    /// to `configureShared(cacheDirectory:)` before that (verified; rebuilt and rewritten when damaged),
    /// otherwise built in memory (both cores, ~3 s in release). A library does no disk I/O unasked.
    public static var shared: PlasmaRateTable { SharedTable.table }

    /// Where `shared` may cache itself; call before its first use. Returns nothing; the notes of the
    /// eventual load (a rejected or unwritable cache) are in `sharedNotes`.
    public static func configureShared(cacheDirectory: URL?) {
        SharedTable.lock.lock()
        SharedTable.directory = cacheDirectory
        SharedTable.lock.unlock()
    }

    /// What happened to the cache when `shared` was made (empty when it was used or written cleanly).
    public static var sharedNotes: [String] {
        _ = shared
        SharedTable.lock.lock()
        defer { SharedTable.lock.unlock() }
        return SharedTable.notes
    }

    /// The default cache directory: `$STELLARBOUND_CACHE_DIR` (`off`: none), `$XDG_CACHE_HOME/stellarbound`,
    /// or `~/.cache/stellarbound`.
    public static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        PlasmaRateTableCache.defaultDirectory(environment: environment)
    }

    /// A table with the default grid from `cacheDirectory` (or built, and written there), with notes on
    /// a rejected or unwritable cache.
    public static func load(cacheDirectory: URL?) -> (table: PlasmaRateTable, notes: [String]) {
        PlasmaRateTableCache.loadOrBuild(grid: Grid(), directory: cacheDirectory)
    }

    /// Where the table came from.
    public enum Origin: String, Sendable { case built, cache }
    public let origin: Origin

    init(grid: Grid, values: [Double], buildSeconds: Double) {
        self.grid = grid
        let (nx, ny, zMin) = Self.shape(grid)
        self.nx = nx
        self.ny = ny
        self.zMin = zMin
        self.values = values
        self.buildSeconds = buildSeconds
        origin = .cache
    }

    static func shape(_ grid: Grid) -> (nx: Int, ny: Int, zMin: Double) {
        let nx = Int(((grid.xMax - grid.xMin) / grid.step).rounded()) + 1
        let zMin = grid.z(temperature: grid.tMin)
        let ny = Int(((grid.z(temperature: grid.tMax) - zMin) / grid.step).rounded(.up)) + 1
        return (nx, ny, zMin)
    }

    /// (ρYₑ, T) of node (i, j).
    func nodeCoordinates(i: Int, j: Int) -> (rhoYe: Double, temperature: Double) {
        (pow(10, grid.xMin + Double(i) * grid.step), grid.temperature(z: zMin + Double(j) * grid.step))
    }

    /// Builds the table from scratch. The grid must have order 4 or 6, a positive step, and
    /// increasing ranges (an odd or larger order would read past the grid).
    public convenience init(validating grid: Grid) throws {
        guard grid.order == 4 || grid.order == 6 else {
            throw PlasmaError.outOfRange(parameter: "grid order", value: Double(grid.order), allowed: "4 or 6")
        }
        guard grid.step.isFinite, grid.step >= 0.01, grid.step <= 1, grid.xMax > grid.xMin + 4 * grid.step,
              grid.tMin >= ElectronGas.temperatureRange.lowerBound, grid.tMax <= ElectronGas.temperatureRange.upperBound,
              grid.tMax > grid.tMin, grid.kappa >= 0, grid.thetaS > 0 else {
            throw PlasmaError.outOfRange(parameter: "grid", value: grid.step, allowed: "step in [0.01, 1], increasing ranges inside the supported ρ, T")
        }
        self.init(grid: grid)
    }

    /// Builds the table from scratch (grid assumed valid: see `init(validating:)`).
    init(grid: Grid) {
        self.grid = grid
        let (nx, ny, zMin) = Self.shape(grid)
        self.zMin = zMin
        origin = .built
        self.nx = nx
        self.ny = ny
        let start = Date()
        let stride = Self.stride
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: nx * ny * stride)
        buffer.initialize(repeating: .nan)
        let shared = SendableBuffer(buffer: buffer)
        DispatchQueue.concurrentPerform(iterations: ny) { j in
            let temperature = grid.temperature(z: zMin + Double(j) * grid.step)
            for i in 0..<nx {
                let rhoYe = pow(10, grid.xMin + Double(i) * grid.step)
                let node = Self.computeNode(rhoYe: rhoYe, temperature: temperature)
                for c in 0..<stride { shared.buffer[(j * nx + i) * stride + c] = node[c] }
            }
        }
        values = Array(buffer)
        buffer.deallocate()
        buildSeconds = Date().timeIntervalSince(start)
    }

    /// Exact node values at (ρYₑ, T) (computed with Yₑ = 1, ρ = ρYₑ); NaN where unsupported.
    static func computeNode(rhoYe: Double, temperature: Double) -> [Double] {
        var out = [Double](repeating: .nan, count: stride)
        guard let gas = try? ElectronGas.state(density: rhoYe, temperature: temperature, electronFraction: 1),
              let d = try? PlasmonDispersion(vStar: gas.vStar) else { return out }
        let me = PhysicalConstants.electronMass_keV
        let kernel = AxialKernel(mu: gas.chemicalPotential_keV / me, theta: gas.kT_keV / me, omegaP_keV: gas.omegaP_keV)
        let integrals = PlasmonIntegralsGauss.compute(gamma: gas.omegaP_keV / gas.kT_keV, dispersion: d,
                                                      axial: kernel, scaled: true)
        out[0] = log(gas.omegaP_keV)
        out[1] = gas.vStar
        for (c, v) in integrals.channels.enumerated() { out[2 + c] = log(v) }
        let thermo = ElectronGasThermodynamics(state: gas, mu: gas.chemicalPotential_keV / me, theta: gas.kT_keV / me)
        let b = plasmaFields.upperBound
        out[b] = log(thermo.pressure)
        out[b + 1] = log(thermo.energyDensity)
        out[b + 2] = thermo.dlnPdlnT
        out[b + 3] = thermo.dlnPdlnRho
        out[b + 4] = thermo.dUdT * temperature / thermo.energyDensity
        out[b + 5] = gas.degeneracy
        return out
    }

    /// Grid coordinates (s, y) in units of the step, or nil where the stencil leaves the grid.
    @inline(__always)
    func gridCoordinates(rhoYe: Double, temperature: Double) -> (Double, Double)? {
        guard rhoYe > 0, temperature > 0 else { return nil }
        let fx = (log10(rhoYe) - grid.xMin) / grid.step
        let fy = (grid.z(temperature: temperature) - zMin) / grid.step
        let half = Double(grid.order / 2)
        guard fx >= half - 1, fx < Double(nx) - half, fy >= half - 1, fy < Double(ny) - half else { return nil }
        return (fx, fy)
    }

    /// Whether (ρYₑ, T) lies where the interpolation stencil fits inside the grid.
    public func covers(rhoYe: Double, temperature: Double) -> Bool {
        gridCoordinates(rhoYe: rhoYe, temperature: temperature) != nil
    }

    /// Interpolates the node fields `fields` at (ρYₑ, T) into `out` (count ≥ fields.count).
    /// Returns false outside the grid or if any interpolated field is not finite.
    @inline(__always)
    func interpolate(rhoYe: Double, temperature: Double, fields: Range<Int>,
                     into out: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard let (fx, fy) = gridCoordinates(rhoYe: rhoYe, temperature: temperature) else { return false }
        let n = grid.order, half = n / 2
        let i0 = Int(fx.rounded(.down)) - (half - 1), j0 = Int(fy.rounded(.down)) - (half - 1)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 12) { w in
            let wx = UnsafeMutableBufferPointer(rebasing: w[0..<6]), wy = UnsafeMutableBufferPointer(rebasing: w[6..<12])
            lagrangeWeights(fx - Double(i0), n, wx)
            lagrangeWeights(fy - Double(j0), n, wy)
            let count = fields.count, first = fields.lowerBound, stride = Self.stride
            for c in 0..<count { out[c] = 0 }
            values.withUnsafeBufferPointer { v in
                for jj in 0..<n {
                    let rowBase = ((j0 + jj) * nx + i0) * stride + first
                    for ii in 0..<n {
                        let weight = wx[ii] * wy[jj]
                        let base = rowBase + ii * stride
                        for c in 0..<count { out[c] += weight * v[base + c] }
                    }
                }
            }
            for c in 0..<count where !out[c].isFinite { return false }
            return true
        }
    }

    /// Interpolated (ωp [keV], v*, integrals) at (ρYₑ, T), or nil outside the grid or where a
    /// stencil node is unsupported.
    @inline(__always)
    public func lookup(rhoYe: Double, temperature: Double) -> (omegaP_keV: Double, vStar: Double, integrals: PlasmonIntegrals)? {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.plasmaFields.count) { a in
            guard interpolate(rhoYe: rhoYe, temperature: temperature, fields: Self.plasmaFields, into: a) else { return nil }
            let wp = exp(a[0])
            let gamma = wp / (PhysicalConstants.boltzmann_keV_per_K * temperature)
            var integrals = PlasmonIntegrals()
            integrals.vectorTransverse = exp(a[2] - gamma)
            integrals.vectorLongitudinal = exp(a[3] - gamma)
            integrals.axial = exp(a[4] - gamma)
            integrals.magneticTransverse = exp(a[5] - gamma)
            integrals.magneticLongitudinal = exp(a[6] - gamma)
            integrals.chargeTransverse = exp(a[7] - gamma)
            integrals.chargeLongitudinal = exp(a[8] - gamma)
            return (wp, a[1], integrals)
        }
    }

    /// Thermodynamics of the e± gas from the table (fields as in `ElectronGasThermodynamics`).
    public struct GasThermodynamics: Sendable {
        /// P [dyn cm⁻²], U [erg cm⁻³], χ_T, χ_ρ, ∂U/∂T [erg cm⁻³ K⁻¹], ∂U/∂ln ρ [erg cm⁻³], η = (μ − mₑ)/kT.
        public let pressure: Double, energyDensity: Double, dlnPdlnT: Double, dlnPdlnRho: Double
        public let dUdT: Double, dUdlnRho: Double, degeneracy: Double
    }

    /// Interpolated e± thermodynamics at (ρYₑ, T), or nil outside the grid.
    @inline(__always)
    public func gasThermodynamics(rhoYe: Double, temperature: Double) -> GasThermodynamics? {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.thermoFieldCount) { a in
            guard interpolate(rhoYe: rhoYe, temperature: temperature, fields: Self.thermoFields, into: a) else { return nil }
            let p = exp(a[0]), u = exp(a[1])
            return GasThermodynamics(pressure: p, energyDensity: u, dlnPdlnT: a[2], dlnPdlnRho: a[3],
                                     dUdT: a[4] * u / temperature, dUdlnRho: u + p * (1 - a[2]), degeneracy: a[5])
        }
    }

    /// Emissivities at (ρ, T, Yₑ) from the table; direct computation where the grid ends.
    public func rates(density: Double, temperature: Double, electronFraction ye: Double,
                      neutrino: NeutrinoProperties = .none,
                      couplings: ElectroweakCouplings = .standard) throws -> PlasmonDecayRates {
        _ = try ElectronGas.validated(density: density, temperature: temperature, electronFraction: ye)
        if let hit = lookup(rhoYe: density * ye, temperature: temperature) {
            return PlasmonDecayRates(integrals: hit.integrals, omegaP_keV: hit.omegaP_keV,
                                     couplings: couplings, neutrino: neutrino)
        }
        return try PlasmonDecay.point(density: density, temperature: temperature, electronFraction: ye,
                                      neutrino: neutrino, couplings: couplings).rates
    }
}

/// Lagrange weights for n equally spaced nodes 0…n−1 at position s (n ≤ 6).
@inline(__always)
func lagrangeWeights(_ s: Double, _ n: Int, _ w: UnsafeMutableBufferPointer<Double>) {
    for k in 0..<n {
        var num = 1.0, den = 1.0
        for m in 0..<n where m != k {
            num *= s - Double(m)
            den *= Double(k - m)
        }
        w[k] = num / den
    }
}

/// A buffer written from `concurrentPerform` at disjoint indices.
private struct SendableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
}

/// The storage behind `PlasmaRateTable.shared`: the configured directory (read once, at first use,
/// under the lock) and the notes of that load.
private enum SharedTable {
    static let lock = NSLock()
    nonisolated(unsafe) static var directory: URL?
    nonisolated(unsafe) static var notes: [String] = []
    static let table: PlasmaRateTable = {
        lock.lock()
        let dir = directory
        lock.unlock()
        let (table, notes) = PlasmaRateTableCache.loadOrBuild(grid: PlasmaRateTable.Grid(), directory: dir)
        lock.lock()
        SharedTable.notes = notes
        lock.unlock()
        return table
    }()
}
