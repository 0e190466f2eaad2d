import Constants
import Foundation
import GSL
import Microphysics
import Plasma

/// A hydrostatic, isothermal model of a degenerate core: the starting model of the flash integrator
/// and a check of the EOS in structure. With P as the independent variable (Kippenhahn & Weigert,
/// ch. 9, hydrostatic equilibrium and mass conservation in Eulerian form):
///
///     dr/dln P = −P r² / (G m ρ),     dm/dln P = 4πr²ρ · dr/dln P,
///
/// from the centre (series: m = (4π/3)ρ_c r³, P = P_c − (2π/3)Gρ_c² r²) down to the edge pressure
/// P_edge = max(f·P_c, 10 aT⁴/3): an isothermal model cannot go below the radiation pressure (at 8×10⁷ K,
/// aT⁴/3 = 10¹⁷ dyn cm⁻², 10⁻⁵ of a red-giant core's P_c); the mass beyond the edge is negligible.
/// ρ(P, T) inverts the EOS by Newton in ln ρ (χ_ρ = ∂ln P/∂ln ρ).
public struct HydrostaticCore: Sendable {
    /// Newton's constant in cm³ g⁻¹ s⁻² (CODATA 2018) and the solar mass in g (IAU 2015 nominal GM☉/G).
    public static let gravitational = CGS.gravitational
    public static let solarMass = Solar.mass

    public let centralDensity: Double   // g cm⁻³
    public let temperature: Double      // K
    /// Mass in g and radius in cm where P = edgePressureFraction × P_c.
    public let mass: Double
    public let radius: Double
    public let centralPressure: Double
    /// Profile: (m [g], r [cm], P [dyn cm⁻²], ρ [g cm⁻³]) from the centre outwards.
    public let profile: [(m: Double, r: Double, p: Double, rho: Double)]

    public var massSolar: Double { mass / Self.solarMass }

    /// Integrates the structure for central density ρ_c at uniform temperature T.
    public init(centralDensity rhoC: Double, temperature t: Double, composition: Composition,
                eos: EquationOfState = EquationOfState(), edgePressureFraction f: Double = 1e-6,
                edgePressure: Double? = nil, relativeTolerance: Double = 1e-9) throws {
        guard rhoC.isFinite, rhoC > 0, t.isFinite, t > 0, f > 0, f < 0.1 else {
            throw MicrophysicsError.outOfRange(parameter: "central density / temperature / edge fraction",
                                               value: rhoC, allowed: "ρ_c > 0, T > 0, 0 < f < 0.1")
        }
        let g = Self.gravitational
        let pc = try eos.state(density: rhoC, temperature: t, composition: composition).pressure
        // Start at a small radius where P = P_c(1 − ε): r₀² = 3εP_c/(2πGρ_c²).
        let eps = 1e-8
        let r0 = (3 * eps * pc / (2 * Double.pi * g * rhoC * rhoC)).squareRoot()
        var failure: Error?
        var lastRho = rhoC
        func density(_ p: Double) -> Double {
            do {
                lastRho = try Self.invert(pressure: p, temperature: t, guess: lastRho, composition: composition, eos: eos)
                return lastRho
            } catch { failure = error; return .nan }
        }
        let ode = try ODEIntegrator(dimension: 2, stepper: .rk8pd, initialStep: -1e-3,
                                    absoluteTolerance: 0, relativeTolerance: relativeTolerance) { lnP, y, dy in
            let p = exp(lnP), r = y[0], m = y[1]
            let rho = density(p)
            let drdlnP = -p * r * r / (g * m * rho)
            dy[0] = drdlnP
            dy[1] = 4 * Double.pi * r * r * rho * drdlnP
        }
        var y = [r0, 4 * Double.pi / 3 * rhoC * r0 * r0 * r0]
        var lnP = log(pc * (1 - eps))
        let pRad = EquationOfState.radiationConstant * t * t * t * t / 3
        guard pc > 100 * pRad else {
            throw MicrophysicsError.outOfRange(parameter: "central pressure / radiation pressure", value: pc / pRad,
                                               allowed: "> 100 (the isothermal core must not be radiation dominated)")
        }
        // An explicit edge pressure (the envelope's, from the flash integrator's boundary relations) wins.
        let lnEdge = log(edgePressure.map { max($0, 2 * pRad) } ?? max(f * pc, 10 * pRad))
        guard lnEdge < log(pc) - 1 else {
            throw MicrophysicsError.outOfRange(parameter: "edge pressure / central pressure", value: exp(lnEdge) / pc,
                                               allowed: "< 1/e (the core must span at least one e-fold in P)")
        }
        var rows: [(Double, Double, Double, Double)] = [(0, 0, pc, rhoC)]
        let steps = 200
        for k in 1...steps {
            let target = log(pc * (1 - eps)) + (lnEdge - log(pc * (1 - eps))) * Double(k) / Double(steps)
            do { try ode.evolve(&y, from: lnP, to: target) } catch {
                throw PlasmaError.numerical("hydrostatic core (ρ_c = \(rhoC), T = \(t)): \(failure ?? error)")
            }
            lnP = target
            rows.append((y[1], y[0], exp(lnP), density(exp(lnP))))
        }
        if let failure { throw PlasmaError.numerical("hydrostatic core EOS inversion: \(failure)") }
        centralDensity = rhoC
        temperature = t
        centralPressure = pc
        mass = y[1]
        radius = y[0]
        profile = rows
    }

    /// ρ with P(ρ, T) = p, by Newton in ln ρ from `guess` (bisection-safe: steps limited to a factor e).
    static func invert(pressure p: Double, temperature t: Double, guess: Double, composition c: Composition,
                       eos: EquationOfState) throws -> Double {
        let pRad = EquationOfState.radiationConstant * t * t * t * t / 3
        guard p > pRad else {
            throw PlasmaError.numerical("P = \(p) is below the radiation pressure \(pRad) at T = \(t): no density")
        }
        var lnRho = log(guess)
        for iteration in 0..<60 {
            let s = try eos.state(density: exp(lnRho), temperature: t, composition: c)
            let step = (log(p) - log(s.pressure)) / s.chiRho
            lnRho += max(-1, min(1, step))
            // The EOS pressure is exact to ~5e-12 in stellar conditions and ~1e-10 at 10⁴ K (μ solve, quadrature
            // panels): accept 1e-10, or 1e-7 once the steps have stopped shrinking at that noise floor.
            if abs(step) < 1e-10 || (iteration >= 8 && abs(step) < 1e-7) { return exp(lnRho) }
        }
        throw PlasmaError.numerical("EOS inversion for P = \(p), T = \(t) did not converge")
    }

    /// The isothermal model of total mass M (in M☉) at temperature T: ρ_c found by Brent in ln ρ_c.
    public static func model(massSolar target: Double, temperature t: Double, composition: Composition,
                             eos: EquationOfState = EquationOfState(), edgePressureFraction f: Double = 1e-6,
                             edgePressure: Double? = nil, relativeTolerance: Double = 1e-9,
                             maximumCentralDensity: Double = 1e10) throws -> HydrostaticCore {
        guard target.isFinite, target > 0.01, target < 1.4 else {
            throw MicrophysicsError.outOfRange(parameter: "core mass", value: target, allowed: "(0.01, 1.4) M☉")
        }
        // M(ρ_c) at fixed T is not monotonic: thermal support makes low-ρ_c models heavy, then the
        // degenerate branch rises towards the Chandrasekhar mass. Scan down from `maximumCentralDensity`
        // (10¹⁰: above any core the flash integrator starts from) in 0.25 dex for the
        // highest-density crossing (the degenerate, stable branch), then refine by Brent.
        var failure: Error?
        func excess(_ lnRho: Double) -> Double {
            do {
                return try HydrostaticCore(centralDensity: exp(lnRho), temperature: t, composition: composition,
                                           eos: eos, edgePressureFraction: f, edgePressure: edgePressure,
                                           relativeTolerance: relativeTolerance).massSolar - target
            } catch { failure = error; return .nan }
        }
        var upper = log(maximumCentralDensity), fUpper = excess(upper)
        var lower = upper
        var found = false
        while upper > log(1e3) && fUpper.isFinite && fUpper > 0 {
            lower = upper - 0.25 * log(10.0)
            let fLower = excess(lower)
            if fLower.isFinite && fLower <= 0 { found = true; break }
            if !fLower.isFinite { break }
            upper = lower
            fUpper = fLower
        }
        guard found else {
            // Isothermal models have a minimum mass at given T: their thermally supported outer layers carry
            // mass (0.25 M☉ is below it at 4×10⁷ K). Real cores that light are cooler and not isothermal.
            throw PlasmaError.numerical("no degenerate isothermal core of \(target) M☉ at T = \(t) K: "
                + (failure.map { "\($0)" } ?? "the minimum isothermal mass at this T is larger; use a lower T or a higher edge pressure"))
        }
        failure = nil
        let lnRhoC = try RootFinding.brent(excess, lower: lower, upper: upper, absoluteTolerance: 1e-9,
                                           relativeTolerance: 1e-10, maxIterations: 200)
        if let failure { throw PlasmaError.numerical("core of \(target) M☉: \(failure)") }
        return try HydrostaticCore(centralDensity: exp(lnRhoC), temperature: t, composition: composition,
                                   eos: eos, edgePressureFraction: f, edgePressure: edgePressure,
                                   relativeTolerance: relativeTolerance)
    }
}
