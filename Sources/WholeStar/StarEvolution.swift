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
    let remesher: StarRemesh
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

    /// |ΔX| by mixing above which a cell counts as newly mixed in a step (left out of the structure target).
    static let remixedHydrogen = 1e-3

    /// Mix-and-relax passes of the starting model (the convective boundary settles in one or two).
    static let startingModelPasses = 4

    /// Builds the ZAMS (³He in equilibrium above 6–8 MK, CNO at the mixture's initial abundances:
    /// `.he3EquilibriumCNOInitial`) and prepares the evolution. Inputs are checked first (ranges of `ZAMSModel`).
    /// `energy`: thermal neutrinos (with the neutrino's μν, millicharge), the extra-loss hook and 3α.
    /// `eosTable`: the tabulated EOS for this Z (`EnvelopeEOSTable`, e.g. `.standard(metals: Z)`) for the evolution's
    /// cells wherever it covers them (the direct EOS elsewhere, and always for the ZAMS and the atmosphere); nil: the
    /// direct EOS everywhere. The table's metals are the OPAL mixture at the star's Z, so the CNO cycle's conversion of
    /// C and O into N is not seen by the EOS (Docs/whole-star-evolution.md §2 quotes what that and the interpolation
    /// move); a table for another Z is refused.
    public init(mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double = 2.0,
                settings: StarEvolutionSettings = StarEvolutionSettings(), energy: StarEnergyPhysics = StarEnergyPhysics(),
                massLoss: StarMassLoss = StarMassLoss(eta: 0), eosTable: EnvelopeEOSTable? = nil,
                microphysics micro: EnvelopeMicrophysics) throws {
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
        remesher = StarRemesh(resolution: settings.meshResolution)
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
        let compositions = try abundances.map {
            try StarCellComposition($0, micro: micro, conduction: energy.conduction, blouin2020: energy.blouin2020,
                                    eosMixture: eosTable == nil)
        }
        if let table = eosTable, abs(table.grid.metals - metallicity) > 1e-12 * max(1, metallicity) {
            throw WholeStarError.outOfRange(parameter: "EOS table metallicity", value: table.grid.metals,
                                            allowed: "the star's Z = \(metallicity)")
        }
        let physics = StarCellPhysics(micro: micro, burning: .initial, energy: energy, eosTable: eosTable)
        let massG = mass * Solar.mass
        let surface = StarSurface(physics: physics, composition: compositions[zams.cells - 1], mass: massG, steps: 60)
        var henyey = HenyeySettings()
        henyey.maximumIterations = settings.newtonIterations
        henyey.maximumLogChange = 0.3
        henyey.tolerance = settings.newtonTolerance
        henyey.jacobianReuseBelow = settings.jacobianReuseBelow
        equations = StarEquations(mesh: zams.mesh, physics: physics, compositions: compositions, surface: surface,
                                  mixingLength: MixingLength(alpha: mixingLength), mass: massG,
                                  differenceStep: henyey.differenceStep)
        equations.jacobian = settings.jacobian
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
            let mixed = try self.abundances.map { try composition($0) }
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
                var limiter = StarTimestepLimit.growth
                func cap(_ f: Double, _ why: StarTimestepLimit) { if f < factor { factor = f; limiter = why } }
                cap(settings.structureChange / max(changes.structure, 1e-30), changes.structureInShell ? .shellStructure : .structure)
                cap(settings.hydrogenChange / max(changes.hydrogen, 1e-30), .centralHydrogen)
                cap(settings.shellHydrogenChange / max(changes.shellHydrogen, 1e-30), .shellHydrogen)
                if previousCore > 0 {
                    cap(settings.coreMassChange / max(abs(current.heliumCoreMass / previousCore - 1), 1e-30), .coreMass)
                }
                cap(settings.surfaceChange / max(changes.surface, 1e-30), .surface)
                current.timestepLimit = limiter
                current.structureChangeMass = changes.structureMass
                history[history.count - 1].timestepLimit = limiter
                history[history.count - 1].structureChangeMass = changes.structureMass
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
        // Cells the rezoning copied or split keep their parent's abundances exactly: their composition objects are
        // reused (the search runs forward, both meshes being ordered in mass); merged cells get new ones.
        let oldAbundances = abundances, oldCompositions = equations.compositions
        var parent = 0
        let compositions = try new.abundances.map { a in
            for c in parent..<min(parent + 4, oldAbundances.count) where oldAbundances[c] == a {
                parent = c
                return oldCompositions[c]
            }
            return try composition(a)
        }
        let rebuilt = StarEquations(mesh: new.mesh, physics: equations.physics, compositions: compositions,
                                    surface: equations.surface, mixingLength: equations.mixingLength,
                                    mass: currentMass * Solar.mass, differenceStep: henyeySettings.differenceStep)
        rebuilt.jacobian = settings.jacobian
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
        retiredJacobianBuilds += self.solver.jacobianBuilds
        retiredChordIterations += self.solver.chordIterations
        self.solver = solver
        x = new.x
        abundances = new.abundances
        convective = flags
        if let p = new.previous, let dt = lastStep?.dt { lastStep = (p.lnRho, p.lnT, dt) }
    }

    /// The largest changes of one step.
    struct Changes {
        var structure = 0.0, hydrogen = 0.0, shellHydrogen = 0.0, surface = 0.0
        /// Where the structure change peaked (mass coordinate, M☉) and whether that is in the hydrogen shell
        /// (0.01 < X < X_surface − 0.01).
        var structureMass = 0.0, structureInShell = false
    }

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
        let mixed = burnt
        // Cells whose composition the mixing changed (a convective boundary advancing into a composition gradient, as
        // in the first dredge-up): their ρ jumps with μ whatever Δt is, so they are left out of the structure target.
        let remixed = (0..<n).map { abs(burnt[$0][.h1] - abundances[$0][.h1]) > Self.remixedHydrogen }
        let previousStep = lastStep
        // The burning point of each cell: the step's mid-point (ρ, T), first extrapolated from the last step's rate of
        // change (capped), then — if the solved structure's mid-point moved away from it — the solved one.
        var burnLnRho = [Double](repeating: 0, count: n), burnLnT = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var lnRho = x[StarUnknown.lnd.at(k)], lnT = x[StarUnknown.lnT.at(k)]
            if let p = previousStep, p.dt > 0 {
                let f = 0.5 * years / p.dt
                lnRho += max(-0.05, min(0.05, f * (lnRho - p.lnRho[k])))
                lnT += max(-0.05, min(0.05, f * (lnT - p.lnT[k])))
            }
            burnLnRho[k] = lnRho
            burnLnT[k] = lnT
        }
        /// Burns every cell (each convective zone as one unit) from the mixed composition at the burning points; the
        /// abundances at the end and the energy rate released (erg g⁻¹ s⁻¹).
        func burn() throws -> ([HydrogenBurningAbundances], [Double]) {
            let points = (0..<n).map { StarBurningStep.Point(density: exp(burnLnRho[$0]), temperature: exp(burnLnT[$0]),
                                                             weight: equations.dm[$0]) }
            var out = mixed, rate = [Double](repeating: 0, count: n)
            var inZone = [Bool](repeating: false, count: n)
            for zone in zones where zone.count > 1 {
                let r = try burner.advanceWithEnergy(mixed[zone.lowerBound], at: Array(points[zone]), dt: dt)
                for (j, k) in zone.enumerated() { out[k] = r.abundances; rate[k] = r.energy[j] / dt; inZone[k] = true }
            }
            for k in 0..<n where !inZone[k] {
                let r = try burner.advanceWithEnergy(mixed[k], at: [points[k]], dt: dt)
                out[k] = r.abundances
                rate[k] = r.energy[0] / dt
            }
            return (out, rate)
        }
        var burnRate: [Double]
        (burnt, burnRate) = try burn()
        // Once there is a helium core, the cells the hydrogen shell is burning through (|ΔX| > 10⁻³ this step) are left
        // out of the structure target too: their ρ follows μ as X falls, a change the shell-hydrogen target (ΔX ≤ 0.2
        // per step) already bounds; measured in the shell's frame they still held Δt to ~10⁴ yr at L = 200 Lsun.
        let mesh = equations.mesh
        let oldCore = Self.coreMass(abundances, mesh: mesh, mass: currentMass)
        // 3. Structure.
        let savedCompositions = equations.compositions, savedSurface = equations.surface.composition
        let savedCells = equations.cells
        equations.previous = ((0..<n).map { x[StarUnknown.lnd.at($0)] }, (0..<n).map { x[StarUnknown.lnT.at($0)] }, dt)
        /// Hands the burning's outcome to the structure: the new compositions, and ε_nuc as the energy the burning
        /// released, scaled by the rate's response to the iterate (`StarEquations.midStepBurning`).
        func handOver() throws {
            // A cell neither mixed nor burnt keeps its composition object (its EOS mixture and opacity weights): most of
            // the helium core and the cool envelope, 12 % of a step's time when rebuilt.
            let compositions = try (0..<n).map { k in
                burnt[k] == abundances[k] ? savedCompositions[k] : try composition(burnt[k])
            }
            equations.compositions = compositions
            equations.surface.composition = compositions[n - 1]
            var mid = [StarEquations.MidStepBurning]()
            mid.reserveCapacity(n)
            for k in 0..<n {
                var a = mixed[k]
                for sp in HydrogenBurningSpecies.allCases { a[sp] = 0.5 * (mixed[k][sp] + burnt[k][sp]) }
                a.otherMetals = 0.5 * (mixed[k].otherMetals + burnt[k].otherMetals)
                var reference = 0.0
                if burnRate[k] != 0 {
                    // The end-of-step point the burning point (the step's mid-point) implies.
                    let lnRhoEnd = 2 * burnLnRho[k] - x[StarUnknown.lnd.at(k)], lnTEnd = 2 * burnLnT[k] - x[StarUnknown.lnT.at(k)]
                    try micro.burning.evaluate(density: exp(lnRhoEnd), temperature: exp(lnTEnd), abundances: a,
                                               into: &referenceResult)
                    reference = referenceResult.epsTotal
                }
                mid.append(StarEquations.MidStepBurning(abundances: a, energyRate: burnRate[k], reference: reference))
            }
            equations.midStepBurning = mid
        }
        var trial = x
        // The first guess: ln ρ and ln T continued along the last step's rate of change (linear in time, capped at
        // `guessExtrapolationCap`), so that Newton starts O(Δt²) rather than O(Δt) from the new model.
        if settings.extrapolateGuess, let p = previousStep, p.dt > 0 {
            let f = years / p.dt, cap = Self.guessExtrapolationCap
            for k in 0..<n {
                for (v, old) in [(StarUnknown.lnd.at(k), p.lnRho[k]), (StarUnknown.lnT.at(k), p.lnT[k])] {
                    trial[v] += max(-cap, min(cap, f * (x[v] - old)))
                }
            }
        }
        var iterations = 0
        // The last pass that converged (a corrector pass that fails falls back to it rather than failing the step).
        var accepted: (trial: [Double], burnt: [HydrogenBurningAbundances], rate: [Double], lnRho: [Double], lnT: [Double])?
        do {
            for pass in 0...settings.burningCorrections {
                try handOver()
                do {
                    iterations += try solver.solve(equations, &trial)
                    guard trial.allSatisfy(\.isFinite) else { throw WholeStarError.notConverged(reason: "non-finite unknowns") }
                } catch {
                    if let a = accepted {
                        // The corrector's pass did not converge: keep the previous pass's model (its burning consistent
                        // with it to the extrapolated mid-point) and go on.
                        (trial, burnt, burnRate, burnLnRho, burnLnT) = a
                        try handOver()
                        correctorFallbacks += 1
                        break
                    }
                    if let e = error as? HenyeyError {
                        let k = solver.worstCell
                        throw WholeStarError.notConverged(reason: "\(e); largest correction in cell \(k) of \(n) (m/M = \(equations.mesh.qCentre[k]), 1 − m/M = \(equations.mesh.outer[k])), unknown \(StarUnknown.henyey[solver.worstUnknown].name)")
                    }
                    throw error
                }
                accepted = (trial, burnt, burnRate, burnLnRho, burnLnT)
                // The corrector: where the solved mid-point temperature of a burning cell left the one it burnt at by
                // more than `burningMidpointTolerance`, burn again at the solved mid-points and solve again.
                guard pass < settings.burningCorrections else { break }
                var worst = 0.0
                for k in 0..<n where burnRate[k] > 0 {
                    let lnTMid = 0.5 * (x[StarUnknown.lnT.at(k)] + trial[StarUnknown.lnT.at(k)])
                    worst = max(worst, abs(lnTMid - burnLnT[k]))
                }
                guard worst > settings.burningMidpointTolerance else { break }
                for k in 0..<n {
                    burnLnRho[k] = 0.5 * (x[StarUnknown.lnd.at(k)] + trial[StarUnknown.lnd.at(k)])
                    burnLnT[k] = 0.5 * (x[StarUnknown.lnT.at(k)] + trial[StarUnknown.lnT.at(k)])
                }
                (burnt, burnRate) = try burn()
                corrections += 1
            }
            try trial.withUnsafeBufferPointer { try equations.evaluateCells($0.baseAddress!) }
        } catch {
            equations.compositions = savedCompositions
            equations.surface.composition = savedSurface
            equations.cells = savedCells
            equations.previous = nil
            equations.midStepBurning = nil
            throw error
        }
        var shellBurning = [Bool](repeating: false, count: n)
        if oldCore > 0 {
            for k in 0..<n { shellBurning[k] = abs(burnt[k][.h1] - abundances[k][.h1]) > Self.remixedHydrogen }
        }
        var changes = Changes()
        let xSurface = burnt[n - 1][.h1]
        // Below the convective envelope a cell's structure change is the smaller of its Lagrangian change and its change
        // in the shell's frame, against the old model at m − ΔM_c: the shell's steady profile moves outward by ΔM_c, and a
        // Lagrangian cell it passes heats by the whole shell contrast, which would hold the step to one cell's crossing
        // (~10⁴ yr on the upper RGB); a composition step left by the dredge-up stays put in mass, and the comoving
        // comparison across it would see the step itself. In the convective envelope the change is Lagrangian.
        let shift = oldCore > 0 ? max(0, Self.shellMass(burnt, mesh: mesh, mass: currentMass)
                                             - Self.shellMass(abundances, mesh: mesh, mass: currentMass)) : 0
        var base = 0
        while base < n && mesh.q[base] * currentMass <= oldCore { base += 1 }
        while base < n && !convective[base] { base += 1 }
        let envelopeBase = base < n ? mesh.qCentre[base] * currentMass : currentMass
        var j = 0
        for k in 0..<n where !remixed[k] {
            let m = mesh.qCentre[k] * currentMass
            let lagrangian = max(abs(trial[StarUnknown.lnd.at(k)] - x[StarUnknown.lnd.at(k)]),
                                 abs(trial[StarUnknown.lnT.at(k)] - x[StarUnknown.lnT.at(k)]))
            var d = lagrangian
            if shift > 0, m < envelopeBase {
                let target = m - shift
                while j + 1 < n && mesh.qCentre[j + 1] * currentMass < target { j += 1 }
                let j1 = min(j + 1, n - 1)
                let m0 = mesh.qCentre[j] * currentMass, m1 = mesh.qCentre[j1] * currentMass
                let w = m1 > m0 ? max(0, min(1, (target - m0) / (m1 - m0))) : 0
                let oldLnRho = x[StarUnknown.lnd.at(j)] + w * (x[StarUnknown.lnd.at(j1)] - x[StarUnknown.lnd.at(j)])
                let oldLnT = x[StarUnknown.lnT.at(j)] + w * (x[StarUnknown.lnT.at(j1)] - x[StarUnknown.lnT.at(j)])
                let comoving = max(abs(trial[StarUnknown.lnd.at(k)] - oldLnRho), abs(trial[StarUnknown.lnT.at(k)] - oldLnT))
                // The smaller of the two: the shell and the layers around it move with the shell (comoving small),
                // a composition step the dredge-up left stays where it is in mass (Lagrangian small).
                d = min(lagrangian, comoving)
            }
            if d > changes.structure && !shellBurning[k] {
                changes.structure = d
                changes.structureMass = equations.mesh.qCentre[k] * currentMass
                changes.structureInShell = burnt[k][.h1] > 0.01 && burnt[k][.h1] < xSurface - 0.01
            }
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

    /// A cell's composition with the star's conduction prescription.
    func composition(_ a: HydrogenBurningAbundances) throws -> StarCellComposition {
        let physics = equations.physics, e = physics.energy
        return try StarCellComposition(a, micro: micro, conduction: e?.conduction ?? .potekhin1999,
                                       blouin2020: e?.blouin2020 ?? false, eosMixture: physics.eosTable == nil)
    }

    /// Scratch result for the burning reference rates.
    var referenceResult = HydrogenBurningResult()
    /// Burning corrector passes taken, and those that did not converge and fell back to the pass before (over the run).
    public private(set) var corrections = 0, correctorFallbacks = 0
    /// Jacobians built and chord iterations taken by the solvers of earlier meshes (each rezoning makes a new solver).
    var retiredJacobianBuilds = 0, retiredChordIterations = 0
    /// Newton's work over the run: Jacobians built and chord iterations (the same Jacobian reused), all solvers.
    public var jacobianBuilds: Int { retiredJacobianBuilds + solver.jacobianBuilds }
    public var chordIterations: Int { retiredChordIterations + solver.chordIterations }

    /// Largest change of ln ρ or ln T the extrapolated first guess makes in one cell.
    static let guessExtrapolationCap = 0.05

    /// The helium-core mass (M☉): the mass inside the outermost face below which every cell has X < 0.1.
    static func coreMass(_ abundances: [HydrogenBurningAbundances], mesh: StarMesh, mass: Double) -> Double {
        var top = -1
        while top + 1 < abundances.count && abundances[top + 1][.h1] < StarSnapshot.heliumCoreHydrogen { top += 1 }
        return top >= 0 ? mesh.q[top] * mass : 0
    }

    /// The hydrogen shell's position (M☉) to a fraction of a cell: where X first reaches the core's threshold 0.1,
    /// interpolated linearly between the cell centres either side (the core mass moves by whole cells; the shell-frame
    /// structure target needs the sub-cell motion). 0 if the centre already has X ≥ 0.1.
    static func shellMass(_ abundances: [HydrogenBurningAbundances], mesh: StarMesh, mass: Double) -> Double {
        let half = StarSnapshot.heliumCoreHydrogen
        guard let k = abundances.firstIndex(where: { $0[.h1] >= half }), k > 0 else { return 0 }
        let x0 = abundances[k - 1][.h1], x1 = abundances[k][.h1]
        let w = x1 > x0 ? (half - x0) / (x1 - x0) : 1
        return (mesh.qCentre[k - 1] + w * (mesh.qCentre[k] - mesh.qCentre[k - 1])) * mass
    }

    /// c*/c_P = 1 − ∇_ad 4δ/(4α − 3), α = 1/χ_ρ, δ = χ_T/χ_ρ: the gravothermal specific heat of a central region
    /// perturbed homologously, in units of c_P (KWW 2012 §25.3; `StarSnapshot.maximumTemperatureGravothermalHeat`).
    /// Trap: 4α − 3 passes through 0 (χ_ρ = 4/3) between the ideal gas (α = 1) and strong degeneracy (α → 3/5), where
    /// c* jumps from −∞ to +∞: the sign is what counts, and there it is that of −∇_ad δ/(4α − 3) alone, so 4α − 3 = 0
    /// itself (a cell with χ_ρ = 4/3 exactly) is reported as unstable (+∞ clamped to 1e30, never NaN).
    static func gravothermalHeat(_ c: StarCellState) -> Double {
        let alpha = 1 / c.chiRho, delta = c.chiT / c.chiRho
        let d = 4 * alpha - 3
        guard abs(d) > 1e-30 else { return 1e30 }
        return max(-1e30, min(1e30, 1 - c.gradAd * 4 * delta / d))
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
        s.maximumTemperatureGravothermalHeat = Self.gravothermalHeat(equations.cells[kMax])
        s.heliumCoreMass = Self.coreMass(abundances, mesh: mesh, mass: mass)
        // Convective core and envelope as in the ZAMS diagnostics (the skin below the photosphere is radiative).
        var convTop = -1
        while convTop + 1 < n && convective[convTop + 1] { convTop += 1 }
        s.convectiveCoreMass = convTop >= 0 ? mesh.q[convTop] * mass : 0
        // The outermost convective zone (on the upper RGB the radiative layer under the photosphere grows beyond the
        // mixing's surface skin, so the zone is found from the top down whatever its distance from the surface).
        var k = n - 1
        while k > convTop && !convective[k] { k -= 1 }
        if k > convTop && convective[k] {
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
