import EnvelopePhysics
import Foundation

/// Advances one cell's network abundances over a time step at fixed (ρ, T) by the implicit (backward) Euler method,
///
///     X − X⁰ − Δt f(X) = 0,    f = dX/dt of `HydrogenBurning` (pp chains + CNO cycles, 9 species),
///
/// solved by Newton's method with the network's analytic Jacobian ((I − Δt ∂f/∂X) δX = −residual). Backward Euler is
/// L-stable: over steps much longer than a species' burning time (¹³C, ¹⁵N, ³He in a hot core) it goes to the local
/// equilibrium instead of oscillating, which is what an evolution code with steps of 10⁷–10⁸ yr needs (MESA II,
/// Paxton et al. 2013, §3; the operator splitting of burning and structure: KWW 2012 ch. 11.3). The step conserves
/// Σ Xᵢ exactly, since the network's f conserves mass number.
///
/// Backward Euler alone is first order: for the pp chains (rate ∝ X²) it under-burns by ~ΔX/X per step, which at the
/// main-sequence steps (ΔX ≈ 0.01) left the Sun's central X at 4.57 Gyr 0.011 too high and L 0.9 % too low against
/// halved steps. `advance` therefore takes the Richardson extrapolation of two half steps and one full step,
/// X = 2 X_{h/2∘h/2} − X_h (the extrapolated implicit Euler method: second order, and still L-stable, since its
/// stability function 2/(1 − z/2)² − 1/(1 − z) → 0 as z → −∞; Hairer & Wanner 1996, §IV.9). Negatives of the
/// extrapolation are clipped and the fractions renormalised to a sum of 1.
///
/// Trap: near hydrogen exhaustion one Euler step can overshoot X(¹H) below zero, and a species far from equilibrium
/// can make Newton wander: the step is then split in two halves, recursively (at most `maximumDepth` levels, so
/// at most 2⁸ sub-steps), and a genuinely failing cell ends in a typed error instead of a hang.
struct StarBurningStep {
    let burning: HydrogenBurning
    var result = HydrogenBurningResult()
    /// Newton iterations per (sub)step before it is split; convergence tolerance on max |δX|.
    static let maximumIterations = 12
    static let tolerance = 1e-13
    /// Corrections below this that stop shrinking (by half per iteration) are round-off: converged.
    static let roundOffFloor = 1e-10
    /// Recursive halvings allowed.
    static let maximumDepth = 8

    init(burning: HydrogenBurning) { self.burning = burning }

    /// A point the composition burns at: density (g cm⁻³), temperature (K) and its weight (mass fraction of the zone).
    struct Point { var density: Double, temperature: Double, weight: Double }

    /// The abundances after `dt` seconds at (ρ [g cm⁻³], T [K]).
    mutating func advance(_ x0: HydrogenBurningAbundances, density rho: Double, temperature t: Double,
                          dt: Double) throws -> HydrogenBurningAbundances {
        try advance(x0, at: [Point(density: rho, temperature: t, weight: 1)], dt: dt)
    }

    /// As `advance(_:at:dt:)`, with the nuclear energy each point released over the step (erg g⁻¹, net of the
    /// reactions' neutrinos): Δt · ε(X_end) of every backward-Euler (sub)step summed, combined like the abundances
    /// (2 E_{h/2∘h/2} − E_h). It is the energy of the composition change itself (backward Euler's X − X⁰ = Δt f(X) and
    /// ε(X) come from the same reaction rates), so the structure can release exactly what the fuel paid for.
    mutating func advanceWithEnergy(_ x0: HydrogenBurningAbundances, at points: [Point],
                                    dt: Double) throws -> (abundances: HydrogenBurningAbundances, energy: [Double]) {
        var energy = [Double](repeating: 0, count: points.count)
        let hot = points.indices.filter { points[$0].temperature >= HydrogenBurning.minimumTemperature && points[$0].weight > 0 }
        guard !hot.isEmpty, dt > 0, x0[.h1] > 0 else { return (x0, energy) }
        let burning = hot.map { points[$0] }
        energyLog = [Double](repeating: 0, count: burning.count)
        let full = try advance(x0, burning, dt, depth: 0)
        let eFull = energyLog
        energyLog = [Double](repeating: 0, count: burning.count)
        let half = try advance(try advance(x0, burning, dt / 2, depth: 0), burning, dt / 2, depth: 0)
        for (j, k) in hot.enumerated() { energy[k] = 2 * energyLog[j] - eFull[j] }
        energyLog = []
        return (try Self.extrapolate(half: half, full: full), energy)
    }

    /// Energy per point (erg g⁻¹) accumulated by `newton` while `advanceWithEnergy` runs.
    private var energyLog = [Double]()

    /// The abundances of a homogeneous (convectively mixed) zone after `dt` seconds, burning at the mass-weighted mean
    /// rate of its cells: dX/dt = Σ wₖ f(X; ρₖ, Tₖ). Burning the zone as one unit is the limit of instantaneous mixing;
    /// burning each cell alone and mixing afterwards (operator splitting) under-burns whenever Δt exceeds a species'
    /// burning time at the zone's hottest point (¹²C in the transient convective core of a 1 M☉ ZAMS star: its lifetime
    /// changed from 0.35 to 0.6 Gyr between steps ×0.25 and ×1).
    mutating func advance(_ x0: HydrogenBurningAbundances, at points: [Point],
                          dt: Double) throws -> HydrogenBurningAbundances {
        let hot = points.filter { $0.temperature >= HydrogenBurning.minimumTemperature && $0.weight > 0 }
        guard !hot.isEmpty, dt > 0, x0[.h1] > 0 else { return x0 }
        energyLog = []
        let full = try advance(x0, hot, dt, depth: 0)
        let half = try advance(try advance(x0, hot, dt / 2, depth: 0), hot, dt / 2, depth: 0)
        return try Self.extrapolate(half: half, full: full)
    }

    /// 2 X_half − X_full, negatives clipped and renormalised.
    static func extrapolate(half: HydrogenBurningAbundances, full: HydrogenBurningAbundances) throws -> HydrogenBurningAbundances {
        var x = half
        var sum = x.otherMetals
        for i in 0..<9 {
            x.massFractions[i] = max(0, 2 * half.massFractions[i] - full.massFractions[i])
            sum += x.massFractions[i]
        }
        // Clipping a negative extrapolate adds its |value| to the sum; in a hot shell (X → 0 at 50 MK) that drift
        // accumulated over ~10³ steps past the network's 10⁻⁶ check and stopped a track. Renormalise.
        guard sum.isFinite, sum > 0 else { throw WholeStarError.unphysicalIterate(quantity: "sum of mass fractions", value: sum) }
        for i in 0..<9 { x.massFractions[i] /= sum }
        x.otherMetals /= sum
        return x
    }

    private mutating func advance(_ x0: HydrogenBurningAbundances, _ points: [Point], _ dt: Double,
                                  depth: Int) throws -> HydrogenBurningAbundances {
        let why: String
        do { return try newton(x0, points, dt) } catch { why = (error as? Failed)?.why ?? "\(error)" }
        guard depth < Self.maximumDepth else {
            let p = points[0]
            throw WholeStarError.notConverged(
                reason: "burning step did not converge at ρ = \(p.density) g/cm³, T = \(p.temperature) K (\(points.count) points) over Δt = \(dt) s (after \(depth) halvings): \(why)")
        }
        let half = try advance(x0, points, dt / 2, depth: depth + 1)
        return try advance(half, points, dt / 2, depth: depth + 1)
    }

    private struct Failed: Error { var why: String }

    /// One backward-Euler step by Newton; throws `Failed` when it does not converge or leaves [0, 1].
    private mutating func newton(_ x0: HydrogenBurningAbundances, _ points: [Point],
                                 _ dt: Double) throws -> HydrogenBurningAbundances {
        var x = x0
        let n = 9   // HydrogenBurningSpecies.allCases.count
        var total = 0.0
        for p in points { total += p.weight }
        var previous = Double.infinity
        let logEnergy = !energyLog.isEmpty
        var eps = [Double](repeating: 0, count: logEnergy ? points.count : 0)
        for _ in 0..<Self.maximumIterations {
            var a = InlineArray<81, Double>(repeating: 0)
            var b = InlineArray<9, Double>(repeating: 0)
            for i in 0..<n {
                b[i] = -(x.massFractions[i] - x0.massFractions[i])
                a[n * i + i] = 1
            }
            for (ip, p) in points.enumerated() {
                if p.temperature < HydrogenBurning.minimumTemperature || p.weight <= 0 { continue }
                do {
                    try burning.evaluate(density: p.density, temperature: p.temperature, abundances: x, into: &result)
                } catch { throw Failed(why: "\(error)") }
                if logEnergy { eps[ip] = result.epsTotal }
                let w = dt * p.weight / total
                for i in 0..<n {
                    b[i] += w * result.dXdt[i]
                    for j in 0..<n { a[n * i + j] -= w * result.jacobian[n * i + j] }
                }
            }
            guard Self.solve(&a, &b, n) else { throw Failed(why: "singular Newton matrix") }
            var largest = 0.0
            for i in 0..<n {
                x.massFractions[i] += b[i]
                largest = max(largest, abs(b[i]))
            }
            for i in 0..<n where x.massFractions[i] < 0 {
                // Round-off below zero is clipped; a real overshoot fails the step (it is then halved).
                guard x.massFractions[i] > -1e-12 else {
                    throw Failed(why: "\(HydrogenBurningSpecies(rawValue: i).map { "\($0)" } ?? "species \(i)") overshot to \(x.massFractions[i])")
                }
                x.massFractions[i] = 0
            }
            guard largest.isFinite else { throw Failed(why: "non-finite Newton correction") }
            // The round-off floor: with stiff CNO rates (Δt/τ ~ 10³–10⁶ in a 50 MK shell) the corrections stall near
            // ε·cond(I − Δt J) above the absolute tolerance; a correction that no longer halves below 10⁻¹⁰ is done.
            if largest < Self.tolerance || (largest < Self.roundOffFloor && largest > 0.5 * previous) {
                if logEnergy { for ip in points.indices { energyLog[ip] += dt * eps[ip] } }
                return x
            }
            previous = largest
        }
        throw Failed(why: "no convergence in \(Self.maximumIterations) iterations (last correction \(previous))")
    }

    /// Solves a·y = b in place (b ← y) by Gaussian elimination with partial pivoting; false if singular.
    static func solve(_ a: inout InlineArray<81, Double>, _ b: inout InlineArray<9, Double>, _ n: Int) -> Bool {
        for c in 0..<n {
            var p = c
            for r in (c + 1)..<n where abs(a[n * r + c]) > abs(a[n * p + c]) { p = r }
            guard a[n * p + c] != 0, a[n * p + c].isFinite else { return false }
            if p != c {
                for j in 0..<n { a.swapAt(n * p + j, n * c + j) }
                b.swapAt(p, c)
            }
            let inv = 1 / a[n * c + c]
            for r in (c + 1)..<n {
                let f = a[n * r + c] * inv
                if f == 0 { continue }
                for j in c..<n { a[n * r + j] -= f * a[n * c + j] }
                b[r] -= f * b[c]
            }
        }
        for c in stride(from: n - 1, through: 0, by: -1) {
            var s = b[c]
            for j in (c + 1)..<n { s -= a[n * c + j] * b[j] }
            b[c] = s / a[n * c + c]
        }
        return true
    }
}
