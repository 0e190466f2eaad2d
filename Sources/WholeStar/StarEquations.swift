import Constants
import EnvelopePhysics
import Foundation
import Henyey

/// The structure equations of a star in hydrostatic and thermal equilibrium on its Lagrangian mesh, as a
/// `HenyeySystem` (Kippenhahn, Weigert & Weiss 2012, eqs. 10.1–10.4 with ∂/∂t = 0; MESA I, Paxton et al. 2011,
/// §6.2 eqs. 8–13). Cell k holds ln ρ, ln T (cell averages) and ln r, L (its outer face, mass mₖ):
///
///     r³ₖ − r³ₖ₋₁ = 3 dmₖ / (4π ρₖ)                                  mass (KWW 10.1)
///     Lₖ − Lₖ₋₁ = dmₖ ε_nuc,k                                        energy (KWW 10.4, ε_grav = 0, ε_ν in ε_nuc)
///     Pₖ₊₁ − Pₖ = −G mₖ dm̄ₖ / (4π rₖ⁴)                                hydrostatic, face k (KWW 10.2)
///     ln Tₖ₊₁ − ln Tₖ = ∇ₖ (ln Pₖ₊₁ − ln Pₖ)                           transport, face k (KWW 10.3)
///
/// with dm̄ₖ = (dmₖ + dmₖ₊₁)/2 and ∇ₖ = ∇_rad = 3κLP/(16πacGmT⁴) where radiative (Schwarzschild: ∇_rad ≤ ∇_ad), the
/// mixing-length ∇ (Cox & Giuli, `MixingLength`) where not; κ combines radiation and conduction. Face values are
/// interpolated linearly in m between the two cell centres (ln P, ln T, ln ρ; κ, c_P, ∇_ad, δ linearly).
/// Centre: r₋₁ = L₋₁ = 0, so cell 0 is the series expansion r³ = 3m/(4πρ_c), L = ε_c m. Surface: face n − 1 is the
/// photosphere, where P and T come from `StarSurface` and dm̄ = dm_{n−1}/2, m = M.
///
/// The hydrostatic equation is differenced in P, not ln P, and divided by P̄: in the outermost cells P changes by a
/// factor of several across a cell, where the ln P form with a mean P is first-order wrong.
///
/// An evolving star (`previous` set) adds ε_grav = −T ds/dt = −c_P T[(1 − ∇_ad χ_T) d ln T/dt − ∇_ad χ_ρ d ln ρ/dt]
/// (KWW eq. 4.27 with ds = c_P(d ln T − ∇_ad d ln P), at fixed composition) to the energy equation, differenced
/// backward in time (implicit Euler) from the previous model's ln ρ, ln T of the same Lagrangian cell. The ρ, T form
/// has no composition term: the composition changes between steps by operator splitting (`StarBurningStep`,
/// `StarMixing`), and a P-based form would read the burning's change of μ as a compression.
final class StarEquations: HenyeySystem {
    let mesh: StarMesh
    let physics: StarCellPhysics
    /// Each cell's composition (fixed during a Newton solve).
    var compositions: [StarCellComposition]
    let surface: StarSurface
    let mixingLength: MixingLength
    let cellCount: Int
    let unknowns = StarUnknown.henyey
    /// Total mass (g).
    let mass: Double
    /// Difference step the cached perturbed states are taken at (the solver's).
    let h: Double
    /// Cell masses (g) and face masses (g).
    let dm: [Double], m: [Double]

    /// The previous model's ln ρ, ln T per cell and the time step Δt (s); nil for thermal equilibrium (ZAMS).
    var previous: (lnRho: [Double], lnT: [Double], dt: Double)?

    /// Cell states at the current iterate, at ln ρ + h, at ln T + h.
    var cells: [StarCellState], cellsRho: [StarCellState], cellsT: [StarCellState]
    var savedCell = StarCellState()

    init(mesh: StarMesh, physics: StarCellPhysics, compositions: [StarCellComposition], surface: StarSurface,
         mixingLength: MixingLength, mass: Double, differenceStep: Double) {
        precondition(compositions.count == mesh.count, "one composition per cell")
        self.mesh = mesh
        self.physics = physics
        self.compositions = compositions
        self.surface = surface
        self.mixingLength = mixingLength
        self.mass = mass
        cellCount = mesh.count
        h = differenceStep
        dm = mesh.dq.map { $0 * mass }
        m = mesh.q.map { $0 * mass }
        cells = [StarCellState](repeating: StarCellState(), count: mesh.count)
        cellsRho = cells
        cellsT = cells
    }

    /// What the step's burning did in one cell: the network's abundances halfway through the step (mean of the mixed
    /// start and the burnt end), the energy it released (erg g⁻¹ s⁻¹, `StarBurningStep.advanceWithEnergy`) and ε_nuc
    /// at those abundances at the end-of-step point its burning point implies (erg g⁻¹ s⁻¹; see `midStepBurning`).
    struct MidStepBurning {
        var abundances: HydrogenBurningAbundances, energyRate: Double, reference: Double
    }

    /// With `previous`, ε_nuc of cell k in the structure is the energy its burning released, scaled by the response of
    /// the rate to the iterate: ε = E/Δt · ε(X_½, ρ, T)/ε(X_½, ρ_e, T_e), with (ρ, T) the iterate (the end of the step)
    /// and ln(ρ_e, T_e) = 2 ln(ρ_b, T_b) − ln(ρ₀, T₀) the end point that the step's burning point (ρ_b, T_b), its
    /// mid-point, implies from the start (ρ₀, T₀) (the corrector of `StarEvolution.attempt` makes them agree). So the
    /// structure releases the energy the burnt fuel paid for, and keeps the implicit ∂ε/∂T that holds a burning shell
    /// thermally stable within the step.
    ///
    /// Why the energy: with ε_nuc at the end-of-step state the upper RGB's CNO shell radiated ~25 % more than the
    /// hydrogen it burnt (ε ∝ T¹⁸ at a Lagrangian cell the shell heats by ~0.02 in ln T per step, and cells that burn
    /// out within a step), which made the tip depend on Δt (M_c 0.4965 vs 0.4885 M☉ at Δt × 0.5).
    /// Why the end point: the response taken at the step's mid-point (ε(X_½, ρ_½, T_½)/ε(X_½, ρ_b, T_b)) is the
    /// trapezoidal rule for the shell's thermal mode, which is stiff on the upper RGB (thermal time ~10³ yr against
    /// Δt ~10⁴ yr): its amplification tends to −1 and the luminosity rang in a 2-step cycle of ±0.01 dex. The end-point
    /// response is backward Euler for that mode (L-stable): on the standard star the cycle's amplitude fell by 15–25 %
    /// and the steps from 5869 to 4569 (Docs/whole-star-evolution.md §8 trap 9).
    /// nil: ε_nuc at the cell's own state (thermal equilibrium, the ZAMS).
    var midStepBurning: [MidStepBurning]?

    /// ε_nuc's evaluation point of cell k at (ln ρ, ln T) (`midStepBurning`).
    @inline(__always) func burningPoint(_ k: Int, lnRho: Double, lnT: Double) -> StarCellPhysics.BurningPoint? {
        guard let mid = midStepBurning, previous != nil else { return nil }
        return StarCellPhysics.BurningPoint(lnRho: lnRho, lnT: lnT, abundances: mid[k].abundances,
                                            energyRate: mid[k].energyRate, reference: mid[k].reference)
    }

    /// The cell states (and the photosphere) at `x`.
    func evaluateCells(_ x: UnsafePointer<Double>) throws {
        for k in 0..<cellCount {
            do {
                let lnRho = x[StarUnknown.lnd.at(k)], lnT = x[StarUnknown.lnT.at(k)]
                cells[k] = try physics.evaluate(lnRho: lnRho, lnT: lnT, eta: cells[k].eta, composition: compositions[k],
                                                burning: burningPoint(k, lnRho: lnRho, lnT: lnT))
            } catch {
                throw cellFailure(k, lnT: x[StarUnknown.lnT.at(k)], error)
            }
        }
        try updateSurface(x)
    }

    /// A cell's microphysics refused its iterate: the cell, where it is and the reason.
    func cellFailure(_ k: Int, lnT: Double, _ error: any Error) -> WholeStarError {
        .notConverged(reason: "cell \(k) of \(cellCount) (1 − m/M = \(mesh.outer[k]), T = \(exp(lnT)) K): \(error)")
    }

    /// The photosphere's P and T for the surface luminosity and radius in `x`.
    func updateSurface(_ x: UnsafePointer<Double>) throws {
        let top = cellCount - 1
        let l = x[StarUnknown.luminosity.at(top)] * Solar.luminosity
        guard l > 0, l.isFinite else { throw WholeStarError.unphysicalIterate(quantity: "surface luminosity [erg/s]", value: l) }
        try surface.update(luminosity: l, radius: exp(x[StarUnknown.lnR.at(top)]))
    }

    /// How the perturbed cell states of the Jacobian are formed (`StarJacobian`). `.linearised` applies only to an
    /// evolving star (`physics.burningMode == .initial`); the ZAMS always differences.
    var jacobian = StarJacobian.differenced

    func prepare(_ x: UnsafePointer<Double>) throws {
        if jacobian == .linearised && physics.burningMode == .initial {
            for k in 0..<cellCount {
                let lnRho = x[StarUnknown.lnd.at(k)], lnT = x[StarUnknown.lnT.at(k)]
                do {
                    (cells[k], cellsRho[k], cellsT[k]) = try physics.evaluateLinearised(
                        lnRho: lnRho, lnT: lnT, eta: cells[k].eta, composition: compositions[k],
                        burning: burningPoint(k, lnRho: lnRho, lnT: lnT), step: h)
                } catch {
                    throw cellFailure(k, lnT: lnT, error)
                }
            }
            try updateSurface(x)
            return
        }
        try evaluateCells(x)
        for k in 0..<cellCount {
            let lnRho = x[StarUnknown.lnd.at(k)], lnT = x[StarUnknown.lnT.at(k)], eta = cells[k].eta
            cellsRho[k] = try physics.evaluate(lnRho: lnRho + h, lnT: lnT, eta: eta, composition: compositions[k],
                                               burning: burningPoint(k, lnRho: lnRho + h, lnT: lnT))
            cellsT[k] = try physics.evaluate(lnRho: lnRho, lnT: lnT + h, eta: eta, composition: compositions[k],
                                             burning: burningPoint(k, lnRho: lnRho, lnT: lnT + h))
        }
    }

    /// Cell k's residuals read cell k − 1's ln r and L only (the mass and energy equations) and cell k + 1's ln ρ and
    /// ln T only (through the face between them): the other neighbour columns of the Jacobian are exactly zero.
    func neighbourResiduals(offset: Int, dependOn unknown: Int) -> Bool {
        switch offset {
        case 1: return unknown == StarUnknown.lnR.rawValue || unknown == StarUnknown.luminosity.rawValue
        case -1: return unknown == StarUnknown.lnd.rawValue || unknown == StarUnknown.lnT.rawValue
        default: return true
        }
    }

    /// A chord iteration needs only the unperturbed cell states.
    func prepareResiduals(_ x: UnsafePointer<Double>) throws { try evaluateCells(x) }

    func perturb(cell j: Int, unknown v: Int, _ x: UnsafePointer<Double>) {
        savedCell = cells[j]
        if v == StarUnknown.lnd.rawValue { cells[j] = cellsRho[j] } else if v == StarUnknown.lnT.rawValue { cells[j] = cellsT[j] }
    }

    func restore(cell j: Int) { cells[j] = savedCell }

    /// The temperature gradient at face k (between cell k and k + 1, or cell n − 1 and the photosphere).
    struct FaceGradient {
        var gradient = 0.0, radiative = 0.0, adiabatic = 0.0, convective = false
        /// ln P and ln T on the outer side (cell k + 1 or the photosphere).
        var lnPOuter = 0.0, lnTOuter = 0.0
    }

    /// Whether each face is convective (Schwarzschild, `face(k, x).convective`) for unknowns `x`; the cells' states
    /// must already be evaluated at `x`.
    func convectiveFlags(_ x: [Double]) -> [Bool] {
        x.withUnsafeBufferPointer { xp in (0..<cellCount).map { face($0, xp.baseAddress!).convective } }
    }

    func face(_ k: Int, _ x: UnsafePointer<Double>) -> FaceGradient {
        let b = StarUnknown.count * k
        let s = cells[k]
        let lnR = x[b + 2], lum = x[b + 3] * Solar.luminosity
        let r = exp(lnR)
        var out = FaceGradient()
        var w: Double, lnRhoOut: Double, kappaOut: Double, cPOut: Double, gradAdOut: Double, deltaOut: Double
        if k < cellCount - 1 {
            let o = cells[k + 1]
            w = dm[k + 1] / (dm[k] + dm[k + 1])
            out.lnPOuter = o.lnP
            out.lnTOuter = x[b + 5]
            lnRhoOut = x[b + 4]
            kappaOut = o.kappa; cPOut = o.cP; gradAdOut = o.gradAd; deltaOut = o.chiT / o.chiRho
        } else {
            w = 0.5
            out.lnPOuter = surface.lnPressure(lnL: log(max(lum, 1e-300)), lnR: lnR)
            out.lnTOuter = log(StarSurface.effectiveTemperature(luminosity: max(lum, 1e-300), radius: r))
            // The photosphere's ρ, κ, c_P are not unknowns: the outer cell's stand in (its centre is ~10⁻¹³ M below).
            lnRhoOut = x[b]
            kappaOut = s.kappa; cPOut = s.cP; gradAdOut = s.gradAd; deltaOut = s.chiT / s.chiRho
        }
        let lnP = w * s.lnP + (1 - w) * out.lnPOuter, lnT = w * x[b + 1] + (1 - w) * out.lnTOuter
        let rho = exp(w * x[b] + (1 - w) * lnRhoOut), p = exp(lnP), t = exp(lnT)
        let kappa = w * s.kappa + (1 - w) * kappaOut
        let gradAd = w * s.gradAd + (1 - w) * gradAdOut
        let cP = w * s.cP + (1 - w) * cPOut
        let delta = w * s.chiT / s.chiRho + (1 - w) * deltaOut
        let mk = m[k]
        let t2 = t * t
        out.radiative = 3 * kappa * lum * p / (16 * Double.pi * CGS.radiation * CGS.speedOfLight * CGS.gravitational * mk * t2 * t2)
        out.adiabatic = gradAd
        out.gradient = out.radiative
        if out.radiative > gradAd {
            let g = CGS.gravitational * mk / (r * r)
            let input = MixingLengthInput(gradRadiative: out.radiative, gradAdiabatic: gradAd, density: rho, temperature: t,
                                          opacity: kappa, heatCapacityP: cP, gravity: g, delta: delta,
                                          pressureScaleHeight: p / (rho * g))
            if let res = try? mixingLength.gradient(input) {
                out.gradient = res.gradient
                out.convective = true
            }
        }
        return out
    }

    /// ε_grav of cell k (erg g⁻¹ s⁻¹) at (ln ρ, ln T) from the previous model; 0 in thermal equilibrium.
    @inline(__always) func gravothermal(_ k: Int, lnRho: Double, lnT: Double) -> Double {
        guard let p = previous else { return 0 }
        let s = cells[k]
        let dlnT = lnT - p.lnT[k], dlnRho = lnRho - p.lnRho[k]
        return -s.cP * exp(lnT) * ((1 - s.gradAd * s.chiT) * dlnT - s.gradAd * s.chiRho * dlnRho) / p.dt
    }

    func residual(cell k: Int, _ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let b = StarUnknown.count * k
        let lnRho = x[b], lnT = x[b + 1], lnR = x[b + 2], lum = x[b + 3] * Solar.luminosity
        let s = cells[k]
        let rPrev3 = k > 0 ? exp(3 * x[b - 2]) : 0
        let lPrev = k > 0 ? x[b - 1] * Solar.luminosity : 0
        out[0] = lnR - log(rPrev3 + 3 * dm[k] / (4 * Double.pi * exp(lnRho))) / 3
        out[1] = (lum - lPrev - dm[k] * (s.epsNet + gravothermal(k, lnRho: lnRho, lnT: lnT))) / Solar.luminosity
        let f = face(k, x)
        let r = exp(lnR), r2 = r * r
        let dmBar = k < cellCount - 1 ? 0.5 * (dm[k] + dm[k + 1]) : 0.5 * dm[k]
        let w = k < cellCount - 1 ? dm[k + 1] / (dm[k] + dm[k + 1]) : 0.5
        let p = exp(s.lnP), p1 = exp(f.lnPOuter)
        let pBar = w * p + (1 - w) * p1
        out[2] = (p1 - p + CGS.gravitational * m[k] * dmBar / (4 * Double.pi * r2 * r2)) / pBar
        out[3] = f.lnTOuter - lnT - f.gradient * (f.lnPOuter - s.lnP)
    }
}
