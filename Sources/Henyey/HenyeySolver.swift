/// Newton–Henyey relaxation of one implicit step (Henyey, Forbes & Gould 1964; Kippenhahn & Weigert
/// ch. 11.2; MESA I, Paxton et al. 2011, §6.3): iterate x ← x + λ δ with J δ = −F(x), J the
/// block-tridiagonal Jacobian built by forward differences, λ the damping of `HenyeySettings`.
///
/// With `HenyeySettings.jacobianReuseBelow` > 0, iterations after a small correction reuse the last Jacobian (the
/// chord method) and ask the system only for its residual caches (`HenyeySystem.prepareResiduals`).
///
/// The solver allocates its workspace once (for n cells of m unknowns) and nothing per iteration.
/// Convergence: max over cells of |δ| for logarithmic unknowns and |δ| / max(1, max|x|) for linear
/// ones below the tolerance.
public final class HenyeySolver {
    public let settings: HenyeySettings
    public let cellCount: Int
    public let unknownsPerCell: Int
    /// Where the last iteration's largest scaled correction was (cell, unknown index): the diagnosis of a failure.
    public private(set) var worstCell = 0, worstUnknown = 0
    let logarithmic: [Bool]
    let jacA, jacB, jacC, rhs, res, tmp, work, linearScale: UnsafeMutablePointer<Double>
    /// The last built Jacobian's blocks, kept for chord iterations (`HenyeySettings.jacobianReuseBelow`; the solve
    /// overwrites jacB and jacC).
    let savedA, savedB, savedC: UnsafeMutablePointer<Double>
    /// Jacobians built and chord iterations taken, over the solver's life.
    public private(set) var jacobianBuilds = 0, chordIterations = 0

    /// Workspace for `system`'s size and unknowns; throws on invalid settings.
    public init(for system: some HenyeySystem, settings: HenyeySettings = HenyeySettings()) throws {
        try settings.validate()
        self.settings = settings
        let n = system.cellCount, m = system.unknowns.count
        cellCount = n
        unknownsPerCell = m
        logarithmic = system.unknowns.map { $0.kind == .logarithmic }
        func doubles(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            return p
        }
        jacA = doubles(m * m * n); jacB = doubles(m * m * n); jacC = doubles(m * m * n)
        rhs = doubles(m * n); res = doubles(m * n); tmp = doubles(m); work = doubles(m * m); linearScale = doubles(m)
        let reuse = settings.jacobianReuseBelow > 0
        savedA = doubles(reuse ? m * m * n : 1); savedB = doubles(reuse ? m * m * n : 1); savedC = doubles(reuse ? m * m * n : 1)
    }

    deinit {
        for p in [jacA, jacB, jacC, rhs, res, tmp, work, linearScale, savedA, savedB, savedC] { p.deallocate() }
    }

    /// Relaxes `x` (n·m unknowns, cell-major) in place to the solution of `system`; returns the
    /// iterations used. On failure `x` holds the last iterate (callers restore their own copy).
    public func solve(_ system: some HenyeySystem, _ x: inout [Double]) throws -> Int {
        precondition(system.cellCount == cellCount && system.unknowns.count == unknownsPerCell && x.count == cellCount * unknownsPerCell,
                     "HenyeySolver: system or unknowns do not match the workspace")
        var last = Double.infinity
        var haveJacobian = false
        for iteration in 1...settings.maximumIterations {
            // A chord iteration once the previous correction was small (and the Jacobian of this solve is kept).
            let chord = haveJacobian && last < settings.jacobianReuseBelow
            if chord {
                try x.withUnsafeBufferPointer { try system.prepareResiduals($0.baseAddress!) }
            } else {
                try x.withUnsafeBufferPointer { try system.prepare($0.baseAddress!) }
            }
            last = try x.withUnsafeMutableBufferPointer { try update(system, $0.baseAddress!, reuseJacobian: chord) }
            haveJacobian = settings.jacobianReuseBelow > 0
            if last < settings.tolerance { return iteration }
        }
        throw HenyeyError.notConverged(iterations: settings.maximumIterations, lastCorrection: last)
    }

    /// Residuals, finite-difference Jacobian (or the saved one, `reuseJacobian`), block solve and damped update;
    /// returns the largest scaled correction (before damping).
    func update(_ system: some HenyeySystem, _ xp: UnsafeMutablePointer<Double>, reuseJacobian: Bool = false) throws -> Double {
        let n = cellCount, m = unknownsPerCell, mm = m * m
        for k in 0..<n { system.residual(cell: k, xp, into: res + m * k) }
        if reuseJacobian {
            chordIterations += 1
            jacA.update(from: savedA, count: mm * n)
            jacB.update(from: savedB, count: mm * n)
            jacC.update(from: savedC, count: mm * n)
        } else {
            buildJacobian(system, xp)
        }
        for i in 0..<(m * n) { rhs[i] = -res[i] }
        try BlockTridiagonal.solve(a: jacA, b: jacB, c: jacC, r: rhs, n: n, m: m, work: work)
        // Damped update: no logarithmic unknown moves by more than maximumLogChange per iteration.
        var big = 0.0
        for v in 0..<m { linearScale[v] = 1 }
        for k in 0..<n {
            for v in 0..<m {
                if logarithmic[v] { big = max(big, abs(rhs[m * k + v])) } else { linearScale[v] = max(linearScale[v], abs(xp[m * k + v])) }
            }
        }
        guard big.isFinite else { throw HenyeyError.nonFiniteCorrection }
        let limit = settings.maximumLogChange
        let damp = big > limit ? limit / big : 1
        var bigLinear = 0.0
        for i in 0..<(m * n) { xp[i] += damp * rhs[i] }
        var worst = 0.0
        for k in 0..<n {
            for v in 0..<m {
                let c = logarithmic[v] ? abs(rhs[m * k + v]) : abs(rhs[m * k + v]) / linearScale[v]
                if !logarithmic[v] { bigLinear = max(bigLinear, c) }
                if c > worst { worst = c; worstCell = k; worstUnknown = v }
            }
        }
        guard bigLinear.isFinite else { throw HenyeyError.nonFiniteCorrection }
        return max(big, bigLinear)
    }

    /// The forward-difference Jacobian at `xp` (its residuals already in `res`) into jacA, jacB, jacC (and the
    /// saved copy when chord iterations are on).
    func buildJacobian(_ system: some HenyeySystem, _ xp: UnsafeMutablePointer<Double>) {
        let n = cellCount, m = unknownsPerCell, mm = m * m
        let h = settings.differenceStep
        // Which neighbour residuals each unknown can reach (asked once per build, not per cell).
        let below = (0..<m).map { system.neighbourResiduals(offset: -1, dependOn: $0) }
        let above = (0..<m).map { system.neighbourResiduals(offset: 1, dependOn: $0) }
        for j in 0..<n {
            for v in 0..<m {
                let saved = xp[m * j + v]
                let step = logarithmic[v] ? h : h * max(1, abs(saved))
                xp[m * j + v] = saved + step
                system.perturb(cell: j, unknown: v, xp)
                for k in max(0, j - 1)...min(n - 1, j + 1) {
                    // Block of equation k, column v of cell j: A (k = j + 1), B (k = j), C (k = j − 1).
                    let block: UnsafeMutablePointer<Double> = k == j ? jacB : (k == j - 1 ? jacC : jacA)
                    let target = block + mm * k
                    if (k == j - 1 && !below[v]) || (k == j + 1 && !above[v]) {
                        for row in 0..<m { target[m * row + v] = 0 }
                        continue
                    }
                    system.residual(cell: k, xp, into: tmp)
                    for row in 0..<m { target[m * row + v] = (tmp[row] - res[m * k + row]) / step }
                }
                xp[m * j + v] = saved
                system.restore(cell: j)
            }
        }
        jacobianBuilds += 1
        if settings.jacobianReuseBelow > 0 {
            savedA.update(from: jacA, count: mm * n)
            savedB.update(from: jacB, count: mm * n)
            savedC.update(from: jacC, count: mm * n)
        }
    }
}
