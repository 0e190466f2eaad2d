import Constants
import Foundation
import Henyey

/// The structure and energy equations of the helium core on its Lagrangian mesh, one implicit
/// (backward-Euler) step at a time, as a `HenyeySystem` (Kippenhahn & Weigert eqs. 10.1–10.4; MESA I,
/// Paxton et al. 2011, eq. 12). Cell k holds ln ρ, ln T (cell averages) and ln r, L (its outer face):
///
///     r³ₖ − r³ₖ₋₁ = 3 dmₖ / (4π ρₖ)                                   mass
///     Lₖ − Lₖ₋₁ = dmₖ (ε_3α − ε_ν − ε_x + ε_grav)                      energy
///     ln Pₖ₊₁ − ln Pₖ = −G mₖ dm̄ₖ / (4π rₖ⁴ P̄ₖ)                        hydrostatic (face k)
///     T⁴ₖ₊₁ − T⁴ₖ = −3 κ̄ₖ Lₖ dm̄ₖ / (a c (4π rₖ²)²)                      diffusion, 1/κ = 1/κ_rad + 1/κ_cond
///     ε_grav = −c_P T [(1 − ∇_ad χ_T) d ln T/dt − ∇_ad χ_ρ d ln ρ/dt]
///
/// with r = L = 0 at the centre and T, P at the edge from `CoreEdgeRelations` (ln T_edge =
/// `lnTEdgeConst` − ln r, ln P_edge = `lnPEdgeConst` + 4 ln T_edge). d/dt at fixed m uses the previous
/// model remapped to the current cell centres (`oldLnRho`, `oldLnT`). The microphysics of every cell is
/// cached once per iteration, together with its states at ln ρ + h and ln T + h for the Jacobian.
final class CoreEquations: HenyeySystem {
    let mesh: CoreMesh
    let evaluator: CellPhysicsEvaluator
    let cellCount: Int
    let unknowns = CoreUnknown.henyey
    /// Difference step the cached perturbed states are taken at (the solver's step).
    let h: Double

    /// Core mass (g), time step (s) and the edge-boundary constants of the current step.
    var coreMass = 0.0, dt = 0.0
    var lnTEdgeConst = 0.0, lnPEdgeConst = 0.0
    /// The previous model at the current cell centres (fixed buffers of `cellCount`: Swift arrays stored in a
    /// class and written from outside cost a dynamic exclusivity check per access in the residual).
    let oldLnRho: UnsafeMutableBufferPointer<Double>, oldLnT: UnsafeMutableBufferPointer<Double>

    /// Cell microphysics at the current iterate, and at ln ρ + h, ln T + h.
    let cells, cellsRho, cellsT: UnsafeMutablePointer<CellState>
    var savedCell = CellState()

    init(mesh: CoreMesh, evaluator: CellPhysicsEvaluator, differenceStep: Double) {
        self.mesh = mesh
        self.evaluator = evaluator
        cellCount = mesh.q.count
        h = differenceStep
        oldLnRho = .allocate(capacity: cellCount)
        oldLnRho.initialize(repeating: 0)
        oldLnT = .allocate(capacity: cellCount)
        oldLnT.initialize(repeating: 0)
        func states(_ n: Int) -> UnsafeMutablePointer<CellState> {
            let p = UnsafeMutablePointer<CellState>.allocate(capacity: n)
            p.initialize(repeating: CellState(), count: n)
            return p
        }
        cells = states(cellCount); cellsRho = states(cellCount); cellsT = states(cellCount)
    }

    deinit {
        for p in [cells, cellsRho, cellsT] { p.deallocate() }
        oldLnRho.deallocate()
        oldLnT.deallocate()
    }

    /// The cell states at `x` (the diagnostics read them after a converged step).
    func evaluateCells(_ x: UnsafePointer<Double>) throws {
        for k in 0..<cellCount {
            cells[k] = try evaluator.evaluate(lnRho: x[CoreUnknown.lnRho.at(k)], lnT: x[CoreUnknown.lnT.at(k)])
        }
    }

    func prepare(_ x: UnsafePointer<Double>) throws {
        try evaluateCells(x)
        for k in 0..<cellCount {
            let lnRho = x[CoreUnknown.lnRho.at(k)], lnT = x[CoreUnknown.lnT.at(k)]
            cellsRho[k] = try evaluator.evaluate(lnRho: lnRho + h, lnT: lnT)
            cellsT[k] = try evaluator.evaluate(lnRho: lnRho, lnT: lnT + h)
        }
    }

    func perturb(cell j: Int, unknown v: Int, _ x: UnsafePointer<Double>) {
        savedCell = cells[j]
        if v == CoreUnknown.lnRho.rawValue { cells[j] = cellsRho[j] } else if v == CoreUnknown.lnT.rawValue { cells[j] = cellsT[j] }
    }

    func restore(cell j: Int) { cells[j] = savedCell }

    func residual(cell k: Int, _ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let n = cellCount, b = CoreUnknown.count * k
        let lsun = Solar.luminosity
        let lnRho = x[b], lnT = x[b + 1], lnR = x[b + 2], lum = x[b + 3] * lsun
        let s = cells[k]
        let dm = mesh.dq[k] * coreMass
        let rPrev3 = k > 0 ? exp(3 * x[b - 2]) : 0
        let lPrev = k > 0 ? x[b - 1] * lsun : 0
        out[0] = lnR - log(rPrev3 + 3 * dm / (4 * Double.pi * exp(lnRho))) / 3
        let t = exp(lnT)
        let dlnT = (lnT - oldLnT[k]) / dt, dlnRho = (lnRho - oldLnRho[k]) / dt
        let epsGrav = -s.cP * t * ((1 - s.nablaAd * s.chiT) * dlnT - s.nablaAd * s.chiRho * dlnRho)
        out[1] = (lum - lPrev - dm * (s.epsNuclear - s.epsNeutrino + epsGrav)) / lsun
        let r = exp(lnR), r2 = r * r
        let m = mesh.q[k] * coreMass
        var w: Double, dmBar: Double, lnP1: Double, t1: Double, kappa1: Double
        if k < n - 1 {
            let dm1 = mesh.dq[k + 1] * coreMass
            w = dm1 / (dm + dm1)
            dmBar = 0.5 * (dm + dm1)
            lnP1 = cells[k + 1].lnP
            t1 = exp(x[b + 5])
            kappa1 = cells[k + 1].kappa
        } else {
            w = 0.5
            dmBar = 0.5 * dm
            let lnTs = lnTEdgeConst - lnR
            lnP1 = lnPEdgeConst + 4 * lnTs
            t1 = exp(lnTs)
            kappa1 = s.kappa
        }
        let lnPBar = w * s.lnP + (1 - w) * lnP1
        out[2] = lnP1 - s.lnP + CGS.gravitational * m * dmBar / (4 * Double.pi * r2 * r2) * exp(-lnPBar)
        let t4 = t * t * t * t, t41 = t1 * t1 * t1 * t1
        let t4Bar = w * t4 + (1 - w) * t41, kappaBar = w * s.kappa + (1 - w) * kappa1
        let area = 4 * Double.pi * r2
        out[3] = (t41 - t4) / t4Bar + 3 * kappaBar * lum * dmBar / (CGS.radiation * CGS.speedOfLight * area * area * t4Bar)
    }
}
