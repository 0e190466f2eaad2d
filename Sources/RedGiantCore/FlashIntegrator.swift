import Constants
import Foundation
import Henyey
import Microphysics
import Plasma

/// Evolves the degenerate helium core of a red giant to the helium flash.
///
/// Structure and evolution on a Lagrangian mass grid (`CoreMesh`: cells at fixed fractions q of the
/// growing core mass M_c), the equations of `CoreEquations` solved implicitly (backward Euler) by the
/// reusable Newton–Henyey solver (`Henyey.HenyeySolver`), as in MESA (Paxton et al. 2011, ApJS 192, 3,
/// §6) and Kippenhahn & Weigert ch. 11. The core grows by Ṁ_c = L_H/(X E_H) each step (midpoint rule);
/// a parcel keeps its mass coordinate m, so d/dt at fixed m uses the previous model remapped to the new
/// cell centres (semi-Lagrangian). Steps follow `CoreTimestep`; the flash is `FlashDetection`'s crossing.
/// The pieces: mesh (`CoreMesh`), equations (`CoreEquations`), solver (`Henyey`), time step
/// (`CoreTimestep`), starting model (`CoreStartingModel.swift`), flash detection, diagnostics.
///
/// Mass rule (see `Constants.Solar`): M☉ in the public interface, grams inside.
public final class FlashIntegrator {
    public let star: StarParameters
    public let physics: CorePhysics
    public let relations: CoreEdgeRelations
    public let settings: FlashSettings

    let n: Int
    let mesh: CoreMesh
    let equations: CoreEquations
    let solver: HenyeySolver
    let envelopeMu: Double, envelopeX: Double

    /// Progress: (step, core mass M☉, max temperature K, L_He L☉).
    public var progress: ((Int, Double, Double, Double) -> Void)?

    /// Unknowns of the current model, `CoreUnknown.count` per cell (cell-major).
    var x: [Double] = []
    /// Hydrogen-shell luminosity (erg s⁻¹) at the current core mass.
    var shellLuminosity = 0.0

    /// The masses the core model follows: [0.7 M☉, M_HeF(Z)] (a degenerate helium flash; M_HeF of Hurley et al. 2000
    /// eq. 2 from the relations). Throws, naming `mass` and the range, outside it.
    public static func checkMass(_ star: StarParameters, relations: CoreEdgeRelations) throws {
        let limit = relations.flashMassLimit(metallicity: star.metallicity)
        let lower = 0.7
        guard star.mass >= lower, star.mass <= limit else {
            throw FlashError.invalidParameter(
                name: "mass", value: star.mass,
                allowed: String(format: "[%.1f, %.3f] M☉ (degenerate helium flash at Z = %g; upper limit M_HeF of Hurley et al. 2000 eq. 2)",
                                lower, limit, star.metallicity))
        }
    }

    public init(star: StarParameters, physics: CorePhysics = CorePhysics(), relations: CoreEdgeRelations,
                settings: FlashSettings = FlashSettings()) throws {
        try settings.validate()
        try relations.check()
        try Self.checkMass(star, relations: relations)
        self.star = star
        self.physics = physics
        self.relations = relations
        self.settings = settings
        n = settings.cells
        mesh = CoreMesh(cells: settings.cells, crowding: settings.edgeCrowding, epsilon: settings.edgeEpsilon)
        let evaluator = CellPhysicsEvaluator(physics: physics, composition: try star.coreComposition())
        equations = CoreEquations(mesh: mesh, evaluator: evaluator, differenceStep: settings.newton.differenceStep)
        solver = try HenyeySolver(for: equations, settings: settings.newton)
        envelopeMu = star.envelopeMeanMolecularWeight
        envelopeX = star.envelopeHydrogen
    }

    /// Edge-boundary constants for the current core mass: ln T_edge = lnTEdgeConst − ln r,
    /// ln P_edge = lnPEdgeConst + 4 ln T_edge.
    func updateBoundary() {
        let coreMass = equations.coreMass
        shellLuminosity = shellLuminosityAt(coreMass)
        equations.lnTEdgeConst = relations.lnEdgeTemperature(coreMassGrams: coreMass, radius: 1, envelopeMu: envelopeMu)
        equations.lnPEdgeConst = relations.lnEdgePressure(lnEdgeTemperature: 0, coreMassGrams: coreMass,
                                                          shellLuminosity: shellLuminosity, envelopeHydrogen: envelopeX)
    }

    func shellLuminosityAt(_ mcGrams: Double) -> Double {
        relations.shellLuminosity(coreMass: mcGrams / Solar.mass, totalMass: star.mass, metallicity: star.metallicity)
    }

    /// Runs the track to the flash (or to a failure, reported in the status).
    public func run() -> FlashResult {
        var result = FlashResult(status: .failed(.startingModel("not started")), coreMass: .nan, logTipLuminosity: .nan,
                                 ignitionMass: .nan, ignitionDensity: .nan, ignitionTemperature: .nan,
                                 centralDensity: .nan, centralTemperature: .nan, age: 0, steps: 0, iterations: 0,
                                 retries: 0, startCoreMass: settings.startCoreMass, threshold: settings.flashThreshold,
                                 history: [], profile: [])
        do {
            try buildStartingModel()
        } catch {
            result.status = .failed(.startingModel("\(error)"))
            return result
        }
        let timestep = CoreTimestep(settings: settings)
        let detection = FlashDetection(threshold: settings.flashThreshold)
        let msun = Solar.mass, lsun = Solar.luminosity
        equations.dt = settings.firstTimestepYears * Time.year
        var age = 0.0
        var previous: (lhe: Double, mc: Double)? = nil
        var step = 0
        var previousX: [Double]? = nil
        var lastDt = 0.0
        while step < settings.maxSteps {
            let savedX = x, savedMass = equations.coreMass
            let prevLnRho = (0..<n).map { x[CoreUnknown.lnRho.at($0)] }, prevLnT = (0..<n).map { x[CoreUnknown.lnT.at($0)] }
            // First guess: linear extrapolation in time from the last two models (same q).
            if let lastX = previousX, lastDt > 0 {
                let ratio = min(equations.dt / lastDt, 2)
                for i in 0..<x.count { x[i] += ratio * (x[i] - lastX[i]) }
            }
            var accepted = false
            var iterations = 0
            var lastFailure = StepFailureCause.microphysics("no attempt")
            for _ in 0...settings.maxRetries {
                let dt = equations.dt
                // Grow the core (midpoint rule on dM_c/dt = L_H(M_c)/(X E_H)).
                let mdot0 = relations.growthRate(shellLuminosity: shellLuminosityAt(savedMass), envelopeHydrogen: envelopeX)
                let mdotMid = relations.growthRate(shellLuminosity: shellLuminosityAt(savedMass + 0.5 * mdot0 * dt),
                                                   envelopeHydrogen: envelopeX)
                equations.coreMass = savedMass + mdotMid * dt
                guard equations.coreMass < star.mass * msun else {
                    result.status = .failed(.envelopeExhausted(totalMass: star.mass))
                    return finish(result)
                }
                updateBoundary()
                mesh.remap(prevLnRho: prevLnRho, prevLnT: prevLnT, oldMass: savedMass, newMass: equations.coreMass,
                           lnRho: equations.oldLnRho, lnT: equations.oldLnT)
                do {
                    iterations = try solver.solve(equations, &x)
                    accepted = true
                    break
                } catch {
                    lastFailure = (error as? HenyeyError).map { .solver($0) } ?? .microphysics("\(error)")
                    result.retries += 1
                    x = savedX
                    equations.coreMass = savedMass
                    equations.dt *= settings.retryTimestepFactor
                    previousX = nil
                }
            }
            guard accepted else {
                // The last accepted model's edge, which tells a swelling envelope (too low an edge pressure) at a glance.
                let rEdge = exp(savedX[CoreUnknown.lnR.at(n - 1)])
                let tEdge = exp(relations.lnEdgeTemperature(coreMassGrams: savedMass, radius: rEdge, envelopeMu: envelopeMu))
                result.status = .failed(.stepFailed(step: step + 1, coreMass: savedMass / msun, cause: lastFailure,
                                                    edgeRadius: rEdge, edgeTemperature: tEdge))
                return finish(result)
            }
            let dt = equations.dt, coreMass = equations.coreMass
            previousX = savedX
            lastDt = dt
            step += 1
            age += dt
            result.iterations += iterations
            let row = diagnostics(step: step, age: age, iterations: iterations)
            if settings.keepHistory { result.history.append(row) }
            progress?(step, row.coreMass, row.maxTemperature, row.heliumLuminosity)
            result.steps = step
            result.age = age / Time.year
            if row.heliumLuminosity >= settings.flashThreshold {
                let (l1, m1) = previous.map { ($0.lhe, $0.mc) } ?? (row.heliumLuminosity, row.coreMass)
                let fr = detection.crossingFraction(previous: l1, current: row.heliumLuminosity)
                result.coreMass = m1 + fr * (row.coreMass - m1)
                result.logTipLuminosity = log10(shellLuminosityAt(result.coreMass * msun) / lsun)
                let cells = equations.cells
                let ign = (0..<n).max { cells[$0].epsNuclear < cells[$1].epsNuclear }!
                result.ignitionMass = mesh.qCentre[ign] * coreMass / msun
                result.ignitionDensity = exp(x[CoreUnknown.lnRho.at(ign)])
                result.ignitionTemperature = exp(x[CoreUnknown.lnT.at(ign)])
                result.centralDensity = exp(x[CoreUnknown.lnRho.at(0)])
                result.centralTemperature = exp(x[CoreUnknown.lnT.at(0)])
                result.age = (age - dt * (1 - fr)) / Time.year
                result.status = .flashed
                return finish(result)
            }
            var dlnT = 0.0
            for k in 0..<n { dlnT = max(dlnT, abs(x[CoreUnknown.lnT.at(k)] - equations.oldLnT[k])) }
            let ratio = timestep.nextRatio(maxDeltaLnT: dlnT, massFraction: (coreMass - savedMass) / coreMass,
                                           heliumLuminosity: row.heliumLuminosity, previousHeliumLuminosity: previous?.lhe)
            previous = (row.heliumLuminosity, row.coreMass)
            equations.dt *= ratio
        }
        result.status = .failed(.noFlash(maxSteps: settings.maxSteps, coreMass: equations.coreMass / msun))
        return finish(result)
    }
}
