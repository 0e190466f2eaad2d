import Constants
import EnvelopePhysics
import Foundation
import Henyey

/// An evolving star on one Lagrangian mesh from the centre to the photosphere: it starts from its own ZAMS model
/// and takes implicit time steps (KWW 2012 ch. 11; MESA I §6), each one
///
///  1. mixing: the convective zones of the starting model homogenised (`StarMixing`);
///  2. burning: the network abundances advanced over Δt by extrapolated backward Euler (`StarBurningStep`), each
///     convective zone as one unit at its mean rate, each radiative cell alone, at the step's mid-point (ρ, T);
///  3. structure: Newton–Henyey relaxation of the structure equations with ε_grav differenced from the starting model
///     (`StarEquations`), starting from the previous model.
///
/// The splitting of burning from structure is first order in Δt; the time-step controller (`StarEvolutionSettings`) keeps the
/// changes per step small, and the convergence tests halve Δt to measure what it costs. A failed step (Newton or
/// burning) is retried with Δt/2 from the saved state.
public final class StarEvolution {
    /// Inputs: initial mass (M☉), initial X, Z, α_MLT, and the wind.
    public let mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double
    public let massLoss: StarMassLoss
    /// The mass now (M☉): `mass` less what the wind took.
    public private(set) var currentMass: Double
    public let settings: StarEvolutionSettings
    /// The ZAMS model the run started from.
    public let zams: ZAMSModel
    /// The current model's numbers.
    public private(set) var current: StarSnapshot
    /// Every accepted model, from the ZAMS on.
    public private(set) var history: [StarSnapshot] = []

    let micro: EnvelopeMicrophysics
    var equations: StarEquations
    var solver: HenyeySolver
    let henyeySettings: HenyeySettings
    let remesher = StarRemesh()
    var burner: StarBurningStep
    /// The current unknowns, each cell's abundances and the faces' convective flags.
    var x: [Double]
    var abundances: [HydrogenBurningAbundances]
    var convective: [Bool]
    /// The next time step (yr).
    var nextTimestep: Double
    /// The model before the current one (ln ρ, ln T per cell) and the step between them (yr): the burning's
    /// mid-step extrapolation. nil at the ZAMS.
    var lastStep: (lnRho: [Double], lnT: [Double], dt: Double)?

    /// Mix-and-relax passes of the starting model (the convective boundary settles in one or two).
    static let startingModelPasses = 4

    /// Builds the ZAMS (³He in equilibrium above 6–8 MK, CNO at the mixture's initial abundances:
    /// `.he3EquilibriumCNOInitial`) and prepares the evolution. Inputs are checked first (ranges of `ZAMSModel`).
    /// `energy`: thermal neutrinos (with the neutrino's μν, millicharge), the extra-loss hook and 3α.
    public init(mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double = 2.0,
                settings: StarEvolutionSettings = StarEvolutionSettings(), energy: StarEnergyPhysics = StarEnergyPhysics(),
                massLoss: StarMassLoss = StarMassLoss(eta: 0), microphysics micro: EnvelopeMicrophysics) throws {
        try ZAMSModel.validate(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength,
                               cells: settings.cells)
        try settings.validate()
        guard massLoss.eta.isFinite, massLoss.eta >= 0, massLoss.eta <= 2 else {
            throw WholeStarError.outOfRange(parameter: "reimers-eta", value: massLoss.eta, allowed: "[0, 2]")
        }
        self.mass = mass
        currentMass = mass
        self.massLoss = massLoss
        self.hydrogen = hydrogen
        self.metallicity = metallicity
        self.mixingLength = mixingLength
        self.settings = settings
        self.micro = micro
        zams = try ZAMSModel.build(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength,
                                   cells: settings.cells, burning: .he3EquilibriumCNOInitial, microphysics: micro)
        // The ZAMS's burning abundances become each cell's own: the evolution starts exactly where the ZAMS is.
        let zamsPhysics = StarCellPhysics(micro: micro, burning: zams.burning)
        let homogeneous = try zamsPhysics.homogeneous(hydrogen: hydrogen, metals: metallicity)
        var abundances = [HydrogenBurningAbundances]()
        for k in 0..<zams.cells {
            abundances.append(try zamsPhysics.burningAbundances(density: zams.density[k], temperature: zams.temperature[k],
                                                                composition: homogeneous))
        }
        self.abundances = abundances
        let compositions = try abundances.map { try StarCellComposition($0, micro: micro) }
        let physics = StarCellPhysics(micro: micro, burning: .initial, energy: energy)
        let massG = mass * Solar.mass
        let surface = StarSurface(physics: physics, composition: compositions[zams.cells - 1], mass: massG, steps: 60)
        var henyey = HenyeySettings()
        henyey.maximumIterations = settings.newtonIterations
        henyey.maximumLogChange = 0.3
        henyey.tolerance = settings.newtonTolerance
        equations = StarEquations(mesh: zams.mesh, physics: physics, compositions: compositions, surface: surface,
                                  mixingLength: MixingLength(alpha: mixingLength), mass: massG,
                                  differenceStep: henyey.differenceStep)
        solver = try HenyeySolver(for: equations, settings: henyey)
        henyeySettings = henyey
        burner = StarBurningStep(burning: micro.burning)
        x = zams.unknowns
        convective = zams.convective
        nextTimestep = settings.initialTimestep
        current = StarSnapshot()
        // The starting model: the ZAMS builder gives each cell its local ³He equilibrium, also inside convective zones
        // (a small convective core burns the initial ¹²C), and has no thermal neutrinos nor 3α. Its convective zones
        // are mixed here as every step mixes them, and the model is relaxed in thermal equilibrium (no ε_grav) with
        // the evolution's own physics, so that the first step starts from a consistent state (without it the mixing
        // jumped L by 4 × 10⁻⁴ and the central ³He by 5 % on the first step, whatever its length). The relaxed model's
        // convective boundary may move by a cell: mixing and relaxing repeat until it stays.
        var relaxIterations = 0
        for _ in 0..<Self.startingModelPasses {
            StarMixing.mix(&self.abundances, zones: StarMixing.zones(convective: convective, mesh: zams.mesh),
                           dm: equations.dm)
            let mixed = try self.abundances.map { try StarCellComposition($0, micro: micro) }
            equations.compositions = mixed
            equations.surface.composition = mixed[zams.cells - 1]
            var relaxed = x
            do {
                relaxIterations += try solver.solve(equations, &relaxed)
            } catch {
                throw WholeStarError.notConverged(reason: "the mixed starting model did not relax from the ZAMS: \(error)")
            }
            guard relaxed.allSatisfy(\.isFinite) else {
                throw WholeStarError.notConverged(reason: "the mixed starting model has non-finite unknowns")
            }
            x = relaxed
            try x.withUnsafeBufferPointer { try equations.evaluateCells($0.baseAddress!) }
            let flags = equations.convectiveFlags(x)
            if flags == convective { break }
            convective = flags
        }
        current = snapshot(model: 0, age: 0, timestep: 0, iterations: zams.iterations + relaxIterations, retries: 0)
        history = [current]
    }

    /// Takes one accepted step (retrying with halved Δt on failure), no longer than `limit` years if given.
    /// Throws `WholeStarError.notConverged` after `maximumRetries` failed halvings.
    @discardableResult
    public func step(limit: Double? = nil) throws -> StarSnapshot {
        var dt = min(nextTimestep, settings.maximumTimestep, limit ?? .infinity)
        var retries = 0
        let previousCore = current.heliumCoreMass
        while true {
            do {
                let (iterations, changes) = try attempt(dt: dt)
                current = snapshot(model: current.model + 1, age: current.age + dt, timestep: dt,
                                   iterations: iterations, retries: retries)
                history.append(current)
                try loseMass(years: dt)
                if settings.rezone { try rezone() }
                var factor = settings.maximumFactor
                factor = min(factor, settings.structureChange / max(changes.structure, 1e-30))
                factor = min(factor, settings.hydrogenChange / max(changes.hydrogen, 1e-30))
                factor = min(factor, settings.shellHydrogenChange / max(changes.shellHydrogen, 1e-30))
                if previousCore > 0 {
                    factor = min(factor, settings.coreMassChange / max(abs(current.heliumCoreMass / previousCore - 1), 1e-30))
                }
                factor = min(factor, settings.surfaceChange / max(changes.surface, 1e-30))
                // A step shortened by `limit` (landing on a target age) does not shrink the next one.
                let base = max(dt, limit == nil ? dt : nextTimestep)
                nextTimestep = min(settings.maximumTimestep, base * max(settings.minimumFactor, factor))
                return current
            } catch let error as WholeStarError where error.failureKind == .badInput {
                throw error
            } catch {
                retries += 1
                guard retries <= settings.maximumRetries else {
                    throw WholeStarError.notConverged(
                        reason: "step \(current.model + 1) at age \(current.age) yr failed \(retries) times, last Δt = \(dt) yr: \(error)")
                }
                dt /= 2
            }
        }
    }

    /// The wind over the last `years` (`StarMassLoss`): the outer layers compressed in mass, the equations rebuilt
    /// on the new mesh and mass. The cut is halfway between the helium core and the surface.
    func loseMass(years: Double) throws {
        guard massLoss.applies(to: current) else { return }
        let lost = massLoss.rate(luminosity: current.luminosity, radius: current.radius, mass: currentMass) * years
        let cut = current.heliumCoreMass + 0.5 * (currentMass - current.heliumCoreMass)
        guard lost > 0 else { return }
        guard let mesh = StarMassLoss.compress(equations.mesh, mass: currentMass, lost: lost, cut: cut) else {
            throw WholeStarError.notConverged(reason: "the wind would take \(lost) Msun in one step, more than half the envelope above \(cut) Msun")
        }
        currentMass -= lost
        equations.surface.mass = currentMass * Solar.mass
        try rebuild(mesh: mesh, x: x, abundances: abundances, previous: lastStep.map { ($0.lnRho, $0.lnT) })
        current.mass = currentMass
        history[history.count - 1].mass = currentMass
    }

    /// Splits and merges cells (`StarRemesh`) and rebuilds the equations and the solver's workspace on the new mesh.
    func rezone() throws {
        let state = StarRemesh.State(mesh: equations.mesh, x: x, abundances: abundances, lnP: equations.cells.map(\.lnP),
                                     previous: lastStep.map { ($0.lnRho, $0.lnT) })
        guard let new = remesher.adapt(state, mass: equations.mass) else { return }
        try rebuild(mesh: new.mesh, x: new.x, abundances: new.abundances, previous: new.previous)
    }

    /// New equations and solver workspace for a new mesh (and the current mass), the EOS warm-started from the old
    /// cell nearest in mass, the cells evaluated and the convective flags set.
    func rebuild(mesh: StarMesh, x newX: [Double], abundances newAbundances: [HydrogenBurningAbundances],
                 previous: (lnRho: [Double], lnT: [Double])?) throws {
        let new = (mesh: mesh, x: newX, abundances: newAbundances, previous: previous)
        let compositions = try new.abundances.map { try StarCellComposition($0, micro: micro) }
        let rebuilt = StarEquations(mesh: new.mesh, physics: equations.physics, compositions: compositions,
                                    surface: equations.surface, mixingLength: equations.mixingLength,
                                    mass: currentMass * Solar.mass, differenceStep: henyeySettings.differenceStep)
        let solver = try HenyeySolver(for: rebuilt, settings: henyeySettings)
        let n = new.mesh.count
        // Warm-start the EOS with the degeneracy of the old cell nearest in mass.
        let oldQ = equations.mesh.qCentre, oldCells = equations.cells
        var j = 0
        for k in 0..<n {
            while j + 1 < oldQ.count && abs(oldQ[j + 1] - new.mesh.qCentre[k]) <= abs(oldQ[j] - new.mesh.qCentre[k]) { j += 1 }
            rebuilt.cells[k].eta = oldCells[j].eta
        }
        try new.x.withUnsafeBufferPointer { try rebuilt.evaluateCells($0.baseAddress!) }
        let flags = rebuilt.convectiveFlags(new.x)
        equations = rebuilt
        self.solver = solver
        x = new.x
        abundances = new.abundances
        convective = flags
        if let p = new.previous, let dt = lastStep?.dt { lastStep = (p.lnRho, p.lnT, dt) }
    }

    /// The largest changes of one step.
    struct Changes { var structure = 0.0, hydrogen = 0.0, shellHydrogen = 0.0, surface = 0.0 }

    /// One step of `dt` years from the current model; on failure the current model is left untouched.
    func attempt(dt years: Double) throws -> (Int, Changes) {
        let dt = years * Time.year
        let n = equations.cellCount
        // 1. Mixing over the starting model's convective zones, then
        // 2. burning: each convective zone as one homogeneous unit at its cells' mass-weighted mean rate, each radiative
        //    cell alone; at the step's mid-point (ρ, T), extrapolated from the last step's rate of change (second order
        //    in Δt; the starting values alone under-burn by ½ Δln ε per step as the core heats up), the extrapolated
        //    change capped at 0.05 in ln ρ and ln T.
        var burnt = abundances
        let zones = StarMixing.zones(convective: convective, mesh: equations.mesh)
        StarMixing.mix(&burnt, zones: zones, dm: equations.dm)
        let previousStep = lastStep
        var points = [StarBurningStep.Point]()
        for k in 0..<n {
            var lnRho = x[StarUnknown.lnd.at(k)], lnT = x[StarUnknown.lnT.at(k)]
            if let p = previousStep, p.dt > 0 {
                let f = 0.5 * years / p.dt
                lnRho += max(-0.05, min(0.05, f * (lnRho - p.lnRho[k])))
                lnT += max(-0.05, min(0.05, f * (lnT - p.lnT[k])))
            }
            points.append(StarBurningStep.Point(density: exp(lnRho), temperature: exp(lnT), weight: equations.dm[k]))
        }
        var inZone = [Bool](repeating: false, count: n)
        for zone in zones where zone.count > 1 {
            let mixed = try burner.advance(burnt[zone.lowerBound], at: Array(points[zone]), dt: dt)
            for k in zone { burnt[k] = mixed; inZone[k] = true }
        }
        for k in 0..<n where !inZone[k] {
            burnt[k] = try burner.advance(burnt[k], density: points[k].density, temperature: points[k].temperature, dt: dt)
        }
        let compositions = try burnt.map { try StarCellComposition($0, micro: micro) }
        // 3. Structure.
        let savedCompositions = equations.compositions, savedSurface = equations.surface.composition
        let savedCells = equations.cells
        equations.compositions = compositions
        equations.surface.composition = compositions[n - 1]
        equations.previous = ((0..<n).map { x[StarUnknown.lnd.at($0)] }, (0..<n).map { x[StarUnknown.lnT.at($0)] }, dt)
        var trial = x
        let iterations: Int
        do {
            do {
                iterations = try solver.solve(equations, &trial)
            } catch let e as HenyeyError {
                let k = solver.worstCell
                throw WholeStarError.notConverged(reason: "\(e); largest correction in cell \(k) of \(n) (m/M = \(equations.mesh.qCentre[k]), 1 − m/M = \(equations.mesh.outer[k])), unknown \(StarUnknown.henyey[solver.worstUnknown].name)")
            }
            guard trial.allSatisfy(\.isFinite) else { throw WholeStarError.notConverged(reason: "non-finite unknowns") }
            try trial.withUnsafeBufferPointer { try equations.evaluateCells($0.baseAddress!) }
        } catch {
            equations.compositions = savedCompositions
            equations.surface.composition = savedSurface
            equations.cells = savedCells
            equations.previous = nil
            throw error
        }
        var changes = Changes()
        for k in 0..<n {
            changes.structure = max(changes.structure, abs(trial[StarUnknown.lnd.at(k)] - x[StarUnknown.lnd.at(k)]),
                                    abs(trial[StarUnknown.lnT.at(k)] - x[StarUnknown.lnT.at(k)]))
            changes.shellHydrogen = max(changes.shellHydrogen, abs(burnt[k][.h1] - abundances[k][.h1]))
        }
        changes.hydrogen = abs(burnt[0][.h1] - abundances[0][.h1])
        let top = n - 1
        changes.surface = max(abs(log10(trial[StarUnknown.luminosity.at(top)] / x[StarUnknown.luminosity.at(top)])),
                              abs(trial[StarUnknown.lnR.at(top)] - x[StarUnknown.lnR.at(top)]) / M_LN10)
        lastStep = ((0..<n).map { x[StarUnknown.lnd.at($0)] }, (0..<n).map { x[StarUnknown.lnT.at($0)] }, years)
        x = trial
        abundances = burnt
        convective = equations.convectiveFlags(trial)
        return (iterations, changes)
    }

    /// The numbers of the current model (cell states already at `x`; `equations.previous` set for ε_grav).
    func snapshot(model: Int, age: Double, timestep: Double, iterations: Int, retries: Int) -> StarSnapshot {
        let n = equations.cellCount, mesh = equations.mesh, mass = currentMass
        var s = StarSnapshot()
        s.mass = mass
        s.model = model
        s.age = age
        s.timestep = timestep
        s.iterations = iterations
        s.retries = retries
        s.cells = n
        let top = n - 1
        let l = x[StarUnknown.luminosity.at(top)], r = exp(x[StarUnknown.lnR.at(top)])
        s.luminosity = l
        s.radius = r / Solar.radius
        s.effectiveTemperature = StarSurface.effectiveTemperature(luminosity: l * Solar.luminosity, radius: r)
        s.logGravity = log10(CGS.gravitational * equations.mass / (r * r))
        var nuclear = 0.0, grav = 0.0, helium = 0.0, neutrino = 0.0
        x.withUnsafeBufferPointer { xp in
            for k in 0..<n {
                nuclear += equations.dm[k] * equations.cells[k].eps
                helium += equations.dm[k] * equations.cells[k].epsHelium
                neutrino += equations.dm[k] * equations.cells[k].epsNeutrino
                grav += equations.dm[k] * equations.gravothermal(k, lnRho: xp[StarUnknown.lnd.at(k)],
                                                                 lnT: xp[StarUnknown.lnT.at(k)])
            }
        }
        s.nuclearLuminosity = nuclear / Solar.luminosity
        s.gravothermalLuminosity = grav / Solar.luminosity
        s.heliumLuminosity = helium / Solar.luminosity
        s.neutrinoLuminosity = neutrino / Solar.luminosity
        s.centralTemperature = exp(x[StarUnknown.lnT.at(0)])
        s.centralDensity = exp(x[StarUnknown.lnd.at(0)])
        s.centralHydrogen = abundances[0][.h1]
        s.centralHelium = abundances[0][.he3] + abundances[0][.he4]
        var kMax = 0
        for k in 1..<n where x[StarUnknown.lnT.at(k)] > x[StarUnknown.lnT.at(kMax)] { kMax = k }
        s.maximumTemperature = exp(x[StarUnknown.lnT.at(kMax)])
        s.maximumTemperatureMass = mesh.qCentre[kMax] * mass
        s.maximumTemperatureDensity = exp(x[StarUnknown.lnd.at(kMax)])
        s.maximumTemperatureDegeneracy = equations.cells[kMax].eta
        var coreTop = -1
        while coreTop + 1 < n && abundances[coreTop + 1][.h1] < StarSnapshot.heliumCoreHydrogen { coreTop += 1 }
        s.heliumCoreMass = coreTop >= 0 ? mesh.q[coreTop] * mass : 0
        // Convective core and envelope as in the ZAMS diagnostics (the skin below the photosphere is radiative).
        var convTop = -1
        while convTop + 1 < n && convective[convTop + 1] { convTop += 1 }
        s.convectiveCoreMass = convTop >= 0 ? mesh.q[convTop] * mass : 0
        var k = n - 1
        while k >= 0 && !convective[k] && mesh.outer[k] < StarMixing.surfaceSkin { k -= 1 }
        if k >= 0 && convective[k] {
            var base = k
            while base - 1 > convTop && convective[base - 1] { base -= 1 }
            if base > 0 {
                s.convectiveEnvelopeBaseMass = mesh.q[base - 1] * mass
                s.convectiveEnvelopeBaseRadius = exp(x[StarUnknown.lnR.at(base - 1)]) / Solar.radius
            }
        }
        s.hydrogenMass = (0..<n).reduce(0) { $0 + abundances[$1][.h1] * equations.dm[$1] } / Solar.mass
        let surf = abundances[n - 1]
        s.surfaceHydrogen = surf[.h1]
        s.surfaceHelium = surf[.he3] + surf[.he4]
        s.surfaceMetals = max(0, 1 - s.surfaceHydrogen - s.surfaceHelium)
        let carbon = surf[.c12] / 12, nitrogen = surf[.n14] / 14
        s.surfaceCarbonToNitrogen = nitrogen > 0 ? carbon / nitrogen : 0
        return s
    }
}
