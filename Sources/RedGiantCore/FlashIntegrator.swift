import Foundation
import Microphysics
import Plasma

/// Evolves the degenerate helium core of a red giant to the helium flash.
///
/// Structure and evolution on a Lagrangian mass grid (cells at fixed fractions q of the growing core
/// mass M_c), solved implicitly (backward Euler) by Henyey–Newton relaxation, as in MESA (Paxton et al.
/// 2011, ApJS 192, 3, §6) and Kippenhahn & Weigert ch. 11. Cell k holds ln ρ, ln T (cell averages) and
/// ln r, L (its outer face). The equations (Kippenhahn & Weigert eqs. 10.1–10.4; MESA I eq. 12):
///
///     r³ₖ − r³ₖ₋₁ = 3 dmₖ / (4π ρₖ)                                   mass
///     Lₖ − Lₖ₋₁ = dmₖ (ε_3α − ε_ν − ε_x + ε_grav)                      energy
///     ln Pₖ₊₁ − ln Pₖ = −G mₖ dm̄ₖ / (4π rₖ⁴ P̄ₖ)                        hydrostatic (face k)
///     T⁴ₖ₊₁ − T⁴ₖ = −3 κ̄ₖ Lₖ dm̄ₖ / (a c (4π rₖ²)²)                      diffusion, 1/κ = 1/κ_rad + 1/κ_cond
///     ε_grav = −c_P T [(1 − ∇_ad χ_T) d ln T/dt − ∇_ad χ_ρ d ln ρ/dt]
///
/// with r = L = 0 at the centre and T, P at the edge from `CoreEdgeRelations`. The core grows by
/// Ṁ_c = L_H/(X E_H) each step; a parcel keeps its mass coordinate m, so d/dt at fixed m uses the
/// previous model interpolated to the new cell centres (semi-Lagrangian). The Jacobian is built by
/// finite differences (forward, h = 10⁻⁷) with the microphysics cached per cell, and the 4×4
/// block-tridiagonal system is solved by `BlockTridiagonal4`.
///
/// Time steps follow targets scaled by `FlashSettings.timestepFactor`: max |Δln T| ≤ 0.04,
/// ΔM_c/M_c ≤ 0.008, Δlog L_He ≤ 0.1 once L_He > 10⁻³ L☉, growth ≤ ×1.25 per step.
/// The flash is L_He = ∫ε_3α dm crossing `FlashSettings.flashThreshold`.
public final class FlashIntegrator {
    public let star: StarParameters
    public let physics: CorePhysics
    public let relations: CoreEdgeRelations
    public let settings: FlashSettings

    let evaluator: CellPhysicsEvaluator
    let n: Int
    /// Outer-face mass fractions qₖ (q_{n−1} = 1) and cell fractions dqₖ.
    let q: [Double], dq: [Double]
    /// Cell-centre fractions qₖ − dqₖ/2 (where ln ρ, ln T live).
    let qCentre: [Double]
    let envelopeMu: Double, envelopeX: Double

    // Constants (CODATA 2018; IAU 2015 nominal M☉, L☉; Julian year).
    static let g = 6.674_30e-8, a = 7.565_733_250e-15, c = 2.997_924_58e10
    static let msun = CoreEdgeRelations.solarMass, lsun = CoreEdgeRelations.solarLuminosity
    static let year = 3.155_76e7

    // Time-step targets at timestepFactor = 1.
    static let targetLnT = 0.04, targetMassFraction = 0.008, targetLogLHe = 0.1

    /// Progress: (step, core mass M☉, max temperature K, L_He L☉).
    public var progress: ((Int, Double, Double, Double) -> Void)?

    public init(star: StarParameters, physics: CorePhysics = CorePhysics(), relations: CoreEdgeRelations,
                settings: FlashSettings = FlashSettings()) throws {
        try settings.validate()
        try relations.check()
        let limit = relations.flashMassLimit(metallicity: star.metallicity)
        let lower = 0.7
        guard star.mass >= lower, star.mass <= limit else {
            throw FlashError.invalidParameter(
                name: "mass", value: star.mass,
                allowed: String(format: "[%.1f, %.3f] M☉ (degenerate helium flash at Z = %g; upper limit M_HeF of Hurley et al. 2000 eq. 2)",
                                lower, limit, star.metallicity))
        }
        self.star = star
        self.physics = physics
        self.relations = relations
        self.settings = settings
        evaluator = CellPhysicsEvaluator(physics: physics, composition: try star.coreComposition())
        n = settings.cells
        (q, dq) = Self.mesh(cells: settings.cells, crowding: settings.edgeCrowding, epsilon: settings.edgeEpsilon)
        qCentre = zip(q, dq).map { $0 - 0.5 * $1 }
        envelopeMu = star.envelopeMeanMolecularWeight
        envelopeX = star.envelopeHydrogen
        let cellCount = settings.cells
        func doubles(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }
        func states() -> UnsafeMutablePointer<CellState> {
            let p = UnsafeMutablePointer<CellState>.allocate(capacity: cellCount)
            p.initialize(repeating: CellState(), count: cellCount)
            return p
        }
        jacA = doubles(16 * cellCount); jacB = doubles(16 * cellCount); jacC = doubles(16 * cellCount)
        rhs = doubles(4 * cellCount); res = doubles(4 * cellCount); tmp = doubles(4)
        cells = states(); cellsRho = states(); cellsT = states()
    }

    /// Face fractions uniform in s(q) = q − a ln((1 − q + ε)/(1 + ε)), found by bisection.
    static func mesh(cells n: Int, crowding a: Double, epsilon e: Double) -> ([Double], [Double]) {
        func s(_ q: Double) -> Double { q - a * log((1 - q + e) / (1 + e)) }
        let top = s(1)
        var q = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let target = top * Double(k + 1) / Double(n)
            var lo = 0.0, hi = 1.0
            for _ in 0..<80 { let mid = 0.5 * (lo + hi); if s(mid) < target { lo = mid } else { hi = mid } }
            q[k] = 0.5 * (lo + hi)
        }
        q[n - 1] = 1
        var dq = [Double](repeating: 0, count: n)
        for k in 0..<n { dq[k] = q[k] - (k > 0 ? q[k - 1] : 0) }
        return (q, dq)
    }

    // MARK: - State of the current model

    /// Unknowns, 4 per cell: ln ρ, ln T, ln r, L/L☉.
    var x: [Double] = []
    var coreMass = 0.0        // g
    /// Previous model interpolated to the current cell centres (ln ρ, ln T at fixed m).
    var oldLnRho: [Double] = [], oldLnT: [Double] = []
    var dt = 0.0              // s
    var shellLuminosity = 0.0 // erg/s at the current core mass
    var lnTEdgeConst = 0.0, lnPEdgeConst = 0.0

    /// Edge-boundary constants for the current core mass: ln T_edge = lnTEdgeConst − ln r,
    /// ln P_edge = lnPEdgeConst + 4 ln T_edge.
    func updateBoundary() {
        shellLuminosity = shellLuminosityAt(coreMass)
        lnTEdgeConst = relations.lnEdgeTemperature(coreMassGrams: coreMass, radius: 1, envelopeMu: envelopeMu)
        lnPEdgeConst = relations.lnEdgePressure(lnEdgeTemperature: 0, coreMassGrams: coreMass,
                                                shellLuminosity: shellLuminosity, envelopeHydrogen: envelopeX)
    }

    // MARK: - Residuals

    /// The four residuals of block k into `out[0..<4]`, with the cell states `st` (st[k] may be perturbed).
    @inline(__always)
    func residual(_ k: Int, _ x: UnsafePointer<Double>, _ st: UnsafePointer<CellState>, _ out: UnsafeMutablePointer<Double>) {
        let b = 4 * k
        let lnRho = x[b], lnT = x[b + 1], lnR = x[b + 2], lum = x[b + 3] * Self.lsun
        let s = st[k]
        let dm = dq[k] * coreMass
        let rPrev3 = k > 0 ? exp(3 * x[b - 2]) : 0
        let lPrev = k > 0 ? x[b - 1] * Self.lsun : 0
        out[0] = lnR - log(rPrev3 + 3 * dm / (4 * Double.pi * exp(lnRho))) / 3
        let t = exp(lnT)
        let dlnT = (lnT - oldLnT[k]) / dt, dlnRho = (lnRho - oldLnRho[k]) / dt
        let epsGrav = -s.cP * t * ((1 - s.nablaAd * s.chiT) * dlnT - s.nablaAd * s.chiRho * dlnRho)
        out[1] = (lum - lPrev - dm * (s.epsNuclear - s.epsNeutrino + epsGrav)) / Self.lsun
        let r = exp(lnR), r2 = r * r
        let m = q[k] * coreMass
        var w: Double, dmBar: Double, lnP1: Double, t1: Double, kappa1: Double
        if k < n - 1 {
            let dm1 = dq[k + 1] * coreMass
            w = dm1 / (dm + dm1)
            dmBar = 0.5 * (dm + dm1)
            lnP1 = st[k + 1].lnP
            t1 = exp(x[b + 5])
            kappa1 = st[k + 1].kappa
        } else {
            w = 0.5
            dmBar = 0.5 * dm
            let lnTs = lnTEdgeConst - lnR
            lnP1 = lnPEdgeConst + 4 * lnTs
            t1 = exp(lnTs)
            kappa1 = s.kappa
        }
        let lnPBar = w * s.lnP + (1 - w) * lnP1
        out[2] = lnP1 - s.lnP + Self.g * m * dmBar / (4 * Double.pi * r2 * r2) * exp(-lnPBar)
        let t4 = t * t * t * t, t41 = t1 * t1 * t1 * t1
        let t4Bar = w * t4 + (1 - w) * t41, kappaBar = w * s.kappa + (1 - w) * kappa1
        let area = 4 * Double.pi * r2
        out[3] = (t41 - t4) / t4Bar + 3 * kappaBar * lum * dmBar / (Self.a * Self.c * area * area * t4Bar)
    }

    // MARK: - Newton

    enum StepFailure: Error { case notConverged(String) }

    /// Workspace for the Newton solve (allocated once per integrator).
    var jacA, jacB, jacC, rhs, res, tmp: UnsafeMutablePointer<Double>
    var cells, cellsRho, cellsT: UnsafeMutablePointer<CellState>

    deinit {
        for p in [jacA, jacB, jacC, rhs, res, tmp] { p.deallocate() }
        for p in [cells, cellsRho, cellsT] { p.deallocate() }
    }

    func evaluateCells() throws {
        for k in 0..<n { cells[k] = try evaluator.evaluate(lnRho: x[4 * k], lnT: x[4 * k + 1]) }
    }

    /// Solves the implicit step in place; returns the iterations used.
    func newton(maxIterations: Int = 14) throws -> Int {
        for iteration in 1...maxIterations {
            try evaluateCells()
            for k in 0..<n {
                cellsRho[k] = try evaluator.evaluate(lnRho: x[4 * k] + Self.h, lnT: x[4 * k + 1])
                cellsT[k] = try evaluator.evaluate(lnRho: x[4 * k], lnT: x[4 * k + 1] + Self.h)
            }
            let correction = try x.withUnsafeMutableBufferPointer { xb in try newtonUpdate(xb.baseAddress!) }
            // The cell states stay those of the last iteration's start: the correction since is < 1e-8
            // in every ln variable, far below what the diagnostics resolve (saves one sweep per step).
            if correction < 1e-8 { return iteration }
        }
        throw StepFailure.notConverged("Newton did not converge in \(maxIterations) iterations")
    }

    static let h = 1e-7

    /// Residuals, finite-difference Jacobian, block solve and damped update; returns the largest correction.
    func newtonUpdate(_ xp: UnsafeMutablePointer<Double>) throws -> Double {
        let h = Self.h
        for k in 0..<n { residual(k, xp, cells, res + 4 * k) }
        for j in 0..<n {
            for v in 0..<4 {
                let saved = xp[4 * j + v], savedCell = cells[j]
                let step = v == 3 ? h * max(1, abs(saved)) : h
                xp[4 * j + v] = saved + step
                if v == 0 { cells[j] = cellsRho[j] } else if v == 1 { cells[j] = cellsT[j] }
                for k in max(0, j - 1)...min(n - 1, j + 1) {
                    residual(k, xp, cells, tmp)
                    // Block of equation k, column v of cell j: A (k = j + 1), B (k = j), C (k = j − 1).
                    let block: UnsafeMutablePointer<Double> = k == j ? jacB : (k == j - 1 ? jacC : jacA)
                    let target = block + 16 * k
                    for row in 0..<4 { target[4 * row + v] = (tmp[row] - res[4 * k + row]) / step }
                }
                xp[4 * j + v] = saved
                cells[j] = savedCell
            }
        }
        for i in 0..<(4 * n) { rhs[i] = -res[i] }
        do {
            try BlockTridiagonal4.solve(a: jacA, b: jacB, c: jacC, r: rhs, n: n)
        } catch {
            throw StepFailure.notConverged("singular Jacobian block")
        }
        // Damped update: no ln-variable moves by more than 0.5 per iteration.
        var big = 0.0, lScale = 1.0
        for k in 0..<n {
            for v in 0..<3 { big = max(big, abs(rhs[4 * k + v])) }
            lScale = max(lScale, abs(xp[4 * k + 3]))
        }
        guard big.isFinite else { throw StepFailure.notConverged("non-finite correction") }
        let damp = big > 0.5 ? 0.5 / big : 1
        var bigL = 0.0
        for i in 0..<(4 * n) { xp[i] += damp * rhs[i] }
        for k in 0..<n { bigL = max(bigL, abs(rhs[4 * k + 3]) / lScale) }
        return max(big, bigL)
    }

    // MARK: - Starting model

    /// An isothermal hydrostatic core of `startCoreMass` at T₀ = factor × T_edge (two passes make
    /// T_edge consistent with the model's radius), with the edge pressure of the relations. Cores of
    /// 0.1–0.3 M☉ have ρ_c ≈ 10⁴·⁵–10⁵·⁵ g cm⁻³, so the search for the degenerate branch starts at 10⁸.
    func buildStartingModel() throws {
        let mc = settings.startCoreMass
        coreMass = mc * Self.msun
        updateBoundary()
        let eos = EquationOfState(coulomb: physics.coulomb, method: .table)
        let composition = try star.coreComposition()
        var radius = 1.5e9
        var model: HydrostaticCore?
        for pass in 0..<2 {
            let lnTEdge = lnTEdgeConst - log(radius)
            let t0 = settings.startTemperatureFactor * exp(lnTEdge)
            let pEdge = exp(lnPEdgeConst + 4 * lnTEdge)
            // The first pass only estimates the radius: a loose tolerance is enough. A low edge pressure
            // can leave no degenerate isothermal model at T₀ (its thermally supported envelope is too
            // heavy); the start is then built with the edge pressure raised ×10, ×100, and the first
            // implicit steps relax it to the true boundary (the start is forgotten: tests).
            var lastError: Error?
            model = nil
            for boost in [1.0, 10, 100] {
                do {
                    model = try HydrostaticCore.model(massSolar: mc, temperature: t0, composition: composition, eos: eos,
                                                      edgePressure: boost * pEdge, relativeTolerance: pass == 0 ? 1e-5 : 1e-8,
                                                      maximumCentralDensity: 1e8)
                    break
                } catch { lastError = error }
            }
            guard let built = model else { throw lastError! }
            radius = built.radius
        }
        let core = model!
        let t0 = core.temperature
        // Interpolate the profile (m, r, ρ) to the mesh: ln ρ linear in m at cell centres, ln r linear
        // in ln m at faces (r ∝ m^(1/3) near the centre).
        let prof = core.profile
        func interp(_ m: Double, _ value: (Int) -> Double, logM: Bool) -> Double {
            var i = 1
            while i < prof.count - 1 && prof[i].m < m { i += 1 }
            let m0 = prof[i - 1].m, m1 = prof[i].m
            if logM && i == 1 { return value(1) + log(m / m1) / 3 }
            let f = logM ? (log(m) - log(max(m0, 1e-300))) / (log(m1) - log(max(m0, 1e-300))) : (m - m0) / (m1 - m0)
            return value(i - 1) + max(0, min(1, f)) * (value(i) - value(i - 1))
        }
        x = [Double](repeating: 0, count: 4 * n)
        let total = core.mass
        for k in 0..<n {
            let mCentre = total * qCentre[k]
            let mFace = total * q[k]
            x[4 * k] = interp(mCentre, { log(prof[$0].rho) }, logM: false)
            x[4 * k + 1] = log(t0)
            x[4 * k + 2] = interp(mFace, { log(max(prof[$0].r, 1)) }, logM: true)
            x[4 * k + 3] = 0
        }
        coreMass = total
        updateBoundary()
    }

    // MARK: - Evolution

    /// Runs the track to the flash (or to a failure, reported in the status).
    public func run() -> FlashResult {
        var result = FlashResult(status: .failed("not started"), coreMass: .nan, logTipLuminosity: .nan,
                                 ignitionMass: .nan, ignitionDensity: .nan, ignitionTemperature: .nan,
                                 centralDensity: .nan, centralTemperature: .nan, age: 0, steps: 0, iterations: 0,
                                 retries: 0, startCoreMass: settings.startCoreMass, threshold: settings.flashThreshold,
                                 history: [], profile: [])
        do {
            try buildStartingModel()
        } catch {
            result.status = .failed("starting model: \(error)")
            return result
        }
        oldLnRho = [Double](repeating: 0, count: n)
        oldLnT = oldLnRho

        let f = settings.timestepFactor
        dt = 1e3 * Self.year
        var age = 0.0
        var previous: (lhe: Double, mc: Double)? = nil
        var step = 0
        var previousX: [Double]? = nil
        var lastDt = 0.0
        while step < settings.maxSteps {
            let savedX = x, savedMass = coreMass
            let prevLnRho = (0..<n).map { x[4 * $0] }, prevLnT = (0..<n).map { x[4 * $0 + 1] }
            // First guess: linear extrapolation in time from the last two models (same q).
            if let lastX = previousX, lastDt > 0 {
                let ratio = min(dt / lastDt, 2)
                for i in 0..<(4 * n) { x[i] += ratio * (x[i] - lastX[i]) }
            }
            var accepted = false
            var iterations = 0
            var lastFailure = ""
            for _ in 0...settings.maxRetries {
                // Grow the core (midpoint rule on dM_c/dt = L_H(M_c)/(X E_H)).
                let mdot0 = relations.growthRate(shellLuminosity: shellLuminosityAt(savedMass), envelopeHydrogen: envelopeX)
                let mdotMid = relations.growthRate(shellLuminosity: shellLuminosityAt(savedMass + 0.5 * mdot0 * dt),
                                                   envelopeHydrogen: envelopeX)
                coreMass = savedMass + mdotMid * dt
                guard coreMass < star.mass * Self.msun else {
                    result.status = .failed("the core reached the total mass \(star.mass) M☉ before the flash (envelope exhausted)")
                    return finish(result)
                }
                updateBoundary()
                interpolateOld(prevLnRho: prevLnRho, prevLnT: prevLnT, oldMass: savedMass)
                do {
                    iterations = try newton()
                    accepted = true
                    break
                } catch {
                    lastFailure = "\(error)"
                    result.retries += 1
                    x = savedX
                    coreMass = savedMass
                    dt *= 0.3
                    previousX = nil
                }
            }
            guard accepted else {
                // The last accepted model's edge, which tells a swelling envelope (too low an edge pressure) at a glance.
                let rEdge = exp(savedX[4 * (n - 1) + 2])
                let tEdge = exp(relations.lnEdgeTemperature(coreMassGrams: savedMass, radius: rEdge, envelopeMu: envelopeMu))
                let edge = String(format: "last model: r_edge = %.3e cm, T_edge = %.3e K", rEdge, tEdge)
                result.status = .failed("step \(step + 1) at M_c = \(String(format: "%.4f", savedMass / Self.msun)) M☉: \(lastFailure) (\(edge))")
                return finish(result)
            }
            previousX = savedX
            lastDt = dt
            step += 1
            age += dt
            result.iterations += iterations
            let row = diagnostics(step: step, age: age, iterations: iterations)
            if settings.keepHistory { result.history.append(row) }
            progress?(step, row.coreMass, row.maxTemperature, row.heliumLuminosity)
            result.steps = step
            result.age = age / Self.year
            if row.heliumLuminosity >= settings.flashThreshold {
                let (l1, m1) = previous.map { ($0.lhe, $0.mc) } ?? (row.heliumLuminosity, row.coreMass)
                let l2 = row.heliumLuminosity, m2 = row.coreMass
                let frac = l2 > l1 && l1 > 0 ? (log(settings.flashThreshold) - log(l1)) / (log(l2) - log(l1)) : 1
                let fr = max(0, min(1, frac))
                result.coreMass = m1 + fr * (m2 - m1)
                result.logTipLuminosity = log10(shellLuminosityAt(result.coreMass * Self.msun) / Self.lsun)
                let ign = (0..<n).max { cells[$0].epsNuclear < cells[$1].epsNuclear }!
                result.ignitionMass = qCentre[ign] * coreMass / Self.msun
                result.ignitionDensity = exp(x[4 * ign])
                result.ignitionTemperature = exp(x[4 * ign + 1])
                result.centralDensity = exp(x[0])
                result.centralTemperature = exp(x[1])
                result.age = (age - dt * (1 - fr)) / Self.year
                result.status = .flashed
                return finish(result)
            }
            // Next step from the targets.
            var ratio = 1.25
            var dlnT = 0.0
            for k in 0..<n { dlnT = max(dlnT, abs(x[4 * k + 1] - oldLnT[k])) }
            ratio = min(ratio, f * Self.targetLnT / max(dlnT, 1e-12))
            let dmFrac = (coreMass - savedMass) / coreMass
            ratio = min(ratio, f * Self.targetMassFraction / max(dmFrac, 1e-15))
            if let prev = previous, row.heliumLuminosity > 1e-3 {
                let dlog = abs(log10(row.heliumLuminosity / max(prev.lhe, 1e-30)))
                ratio = min(ratio, f * Self.targetLogLHe / max(dlog, 1e-12))
            }
            previous = (row.heliumLuminosity, row.coreMass)
            dt *= max(0.2, ratio)
        }
        result.status = .failed("no flash within \(settings.maxSteps) steps (M_c = \(String(format: "%.4f", coreMass / Self.msun)) M☉)")
        return finish(result)
    }

    func shellLuminosityAt(_ mcGrams: Double) -> Double {
        relations.shellLuminosity(coreMass: mcGrams / Self.msun, totalMass: star.mass, metallicity: star.metallicity)
    }

    /// The previous model's ln ρ, ln T at the new cell centres (same m), linear in m; matter added
    /// this step (beyond the old outermost centre) takes the old outermost cell's state.
    func interpolateOld(prevLnRho: [Double], prevLnT: [Double], oldMass: Double) {
        var j = 0
        for k in 0..<n {
            let m = qCentre[k] * coreMass
            while j < n - 1 && qCentre[j + 1] * oldMass < m { j += 1 }
            let m0 = qCentre[j] * oldMass
            if j == n - 1 || m <= m0 {
                oldLnRho[k] = prevLnRho[j]
                oldLnT[k] = prevLnT[j]
                if m < m0 && j > 0 {
                    let mm = qCentre[j - 1] * oldMass
                    let f = (m - mm) / (m0 - mm)
                    oldLnRho[k] = prevLnRho[j - 1] + f * (prevLnRho[j] - prevLnRho[j - 1])
                    oldLnT[k] = prevLnT[j - 1] + f * (prevLnT[j] - prevLnT[j - 1])
                }
            } else {
                let m1 = qCentre[j + 1] * oldMass
                let f = (m - m0) / (m1 - m0)
                oldLnRho[k] = prevLnRho[j] + f * (prevLnRho[j + 1] - prevLnRho[j])
                oldLnT[k] = prevLnT[j] + f * (prevLnT[j + 1] - prevLnT[j])
            }
        }
    }

    func diagnostics(step: Int, age: Double, iterations: Int) -> FlashHistoryRow {
        var lhe = 0.0, lnu = 0.0, kMax = 0
        for k in 0..<n {
            let dm = dq[k] * coreMass
            lhe += dm * cells[k].epsNuclear
            lnu += dm * cells[k].epsNeutrino
            if x[4 * k + 1] > x[4 * kMax + 1] { kMax = k }
        }
        let rEdge = exp(x[4 * (n - 1) + 2])
        let msun = Self.msun, lsun = Self.lsun
        let mMax = qCentre[kMax] * coreMass / msun
        let tEdge = exp(lnTEdgeConst) / rEdge
        var row = FlashHistoryRow(step: step, age: age / Self.year, coreMass: coreMass / msun,
                                  shellLuminosity: shellLuminosity / lsun, heliumLuminosity: lhe / lsun,
                                  neutrinoLuminosity: lnu / lsun, edgeLuminosity: x[4 * (n - 1) + 3],
                                  centralTemperature: exp(x[1]), centralDensity: exp(x[0]),
                                  maxTemperature: exp(x[4 * kMax + 1]), maxTemperatureMass: mMax,
                                  maxTemperatureDensity: exp(x[4 * kMax]), edgeTemperature: tEdge, edgeRadius: rEdge,
                                  timestep: 0, iterations: iterations)
        row.timestep = dt / Self.year
        return row
    }

    func finish(_ r: FlashResult) -> FlashResult {
        var r = r
        guard settings.keepHistory, x.count == 4 * n else { return r }
        r.profile = (0..<n).map { k in
            FlashProfileRow(mass: qCentre[k] * coreMass / Self.msun, radius: exp(x[4 * k + 2]),
                            density: exp(x[4 * k]), temperature: exp(x[4 * k + 1]), pressure: exp(cells[k].lnP),
                            luminosity: x[4 * k + 3], epsNuclear: cells[k].epsNuclear,
                            epsNeutrino: cells[k].epsNeutrino, opacity: cells[k].kappa)
        }
        return r
    }
}
