import Constants
import EnvelopePhysics
import Foundation
import Henyey
import ModelData

/// A zero-age main-sequence model: a chemically homogeneous star in hydrostatic and thermal equilibrium
/// (ε_grav = 0), relaxed by Newton–Henyey iteration from an n = 3 polytrope on one mesh from the centre to the
/// photosphere (`StarEquations`; KWW 2012 ch. 10–11; MESA I §6). Quantities in cgs unless the name says L☉, R☉, M☉.
public struct ZAMSModel: Sendable {
    /// Inputs: mass (M☉), X, Z, α_MLT, cells, the burning abundances.
    public let mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double, cells: Int
    public let burning: ZAMSBurningAbundances
    /// Surface luminosity (L☉), photospheric radius (R☉), T_eff (K), log g (cgs).
    public let luminosity: Double, radius: Double, effectiveTemperature: Double, logGravity: Double
    /// Centre (the innermost cell, mass fraction ~5 × 10⁻⁷): T (K), ρ (g cm⁻³), P (dyn cm⁻²).
    public let centralTemperature: Double, centralDensity: Double, centralPressure: Double
    /// Mass (M☉) of the convective core (0 if none) and of the outer convective envelope (from its base to the
    /// surface; 0 if none), and the envelope base's radius (R☉). Schwarzschild criterion at the faces.
    public let convectiveCoreMass: Double, convectiveEnvelopeMass: Double, convectiveEnvelopeBaseRadius: Double
    /// ∫ε_nuc dm over the model (L☉), from the physics re-evaluated on the converged profile.
    public let nuclearLuminosity: Double
    /// Virial check: ∫3P/ρ dm and ∫Gm/r dm (erg) — equal, up to the surface term 4πR³P_ph, for a static star.
    public let virialThermal: Double, virialGravitational: Double
    /// Newton iterations used and the build's wall time (s).
    public let iterations: Int, seconds: Double
    /// Profiles from the centre out. Per cell (centre): m (M☉, cell centre), ρ, T, P, ε. Per face: m (M☉), r (R☉),
    /// L (L☉), ∇, ∇_rad, ∇_ad, and whether convective.
    public let cellMass: [Double], density: [Double], temperature: [Double], pressure: [Double], epsilon: [Double]
    public let faceMass: [Double], faceRadius: [Double], faceLuminosity: [Double]
    public let gradient: [Double], radiativeGradient: [Double], adiabaticGradient: [Double], convective: [Bool]
    /// The converged unknowns (cell-major, `StarUnknown` order) and the mesh: the evolution stage starts from these.
    public let unknowns: [Double]
    public let mesh: StarMesh

    /// Allowed ranges of the inputs (checked before anything is computed).
    public static let massRange: ClosedRange<Double> = 0.5...3
    public static let hydrogenRange: ClosedRange<Double> = 0.5...0.8
    public static let metallicityRange: ClosedRange<Double> = 0...0.06
    public static let mixingLengthRange: ClosedRange<Double> = 0.5...3
    public static let cellRange: ClosedRange<Int> = 100...5000

    /// Builds the ZAMS model of `mass` M☉ with hydrogen X, metallicity Z and α_MLT (default 2.0, MESA r12778's and
    /// Pols et al. 1998's value; the solar calibration of stage 4 will replace it), on `cells` cells, with the
    /// microphysics `micro` (its tables loaded once; GS98 by default). Throws `WholeStarError.outOfRange` naming the
    /// parameter for bad input, `.notConverged` if Newton fails.
    ///
    /// Strategy: Newton from the n = 3 polytrope; if that fails (the polytrope lies outside the basin of hot, massive
    /// or metal-poor stars), continuation from the 1 M☉, X = 0.70, Z = 0.02, α = 2.0 model along a straight path in
    /// (ln M, X, Z, α), each step starting from the previous converged model; a failed step is halved (at most
    /// `continuationMaximumSteps` steps in all), so the build always ends, converged or with a typed error.
    public static func build(mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double = 2.0,
                             cells: Int = 400, burning: ZAMSBurningAbundances = .equilibrium,
                             microphysics micro: EnvelopeMicrophysics) throws -> ZAMSModel {
        try validate(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength, cells: cells)
        let start = Date()
        let mesh = StarMesh(cells: cells)
        let target = Parameters(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength)
        var x = StarStartingModel.guess(mesh: mesh, mass: mass * Solar.mass, hydrogen: hydrogen, metals: metallicity)
        var iterations = 0
        var equations: StarEquations
        do {
            (equations, iterations) = try relax(target, mesh: mesh, burning: burning, micro: micro, x: &x,
                                                maximumIterations: 60)
        } catch {
            // Continuation from the reference model.
            let reference = Parameters(mass: 1, hydrogen: 0.70, metallicity: 0.02, mixingLength: 2.0)
            x = StarStartingModel.guess(mesh: mesh, mass: Solar.mass, hydrogen: 0.70, metals: 0.02)
            do {
                (equations, iterations) = try relax(reference, mesh: mesh, burning: burning, micro: micro, x: &x,
                                                    maximumIterations: 60)
                var done = 0.0, step = 0.125, steps = 0
                while done < 1 {
                    let next = min(1, done + step)
                    var trial = x
                    do {
                        let (e, it) = try relax(reference.interpolated(to: target, fraction: next), mesh: mesh,
                                                burning: burning, micro: micro, x: &trial, maximumIterations: 25)
                        equations = e
                        iterations += it
                        x = trial
                        done = next
                        step = min(0.25, 1.5 * step)
                    } catch {
                        step /= 2
                    }
                    steps += 1
                    guard steps < continuationMaximumSteps, step > 1e-3 else {
                        throw WholeStarError.notConverged(
                            reason: "continuation from 1 M☉ stalled at \(done) of the way (\(steps) steps): \(error)")
                    }
                }
            } catch let e as WholeStarError {
                throw e
            } catch {
                throw WholeStarError.notConverged(reason: "\(error)")
            }
        }
        try x.withUnsafeBufferPointer { try equations.evaluateCells($0.baseAddress!) }
        return try diagnose(equations: equations, x: x, mass: mass, hydrogen: hydrogen, metallicity: metallicity,
                            mixingLength: mixingLength, burning: burning, iterations: iterations,
                            seconds: Date().timeIntervalSince(start))
    }

    /// Continuation steps allowed in all (successful and halved).
    public static let continuationMaximumSteps = 60

    /// The inputs a continuation interpolates.
    struct Parameters {
        var mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double
        /// Linear in ln M, X, Z and α.
        func interpolated(to t: Parameters, fraction f: Double) -> Parameters {
            Parameters(mass: exp(log(mass) + f * (log(t.mass) - log(mass))),
                       hydrogen: hydrogen + f * (t.hydrogen - hydrogen),
                       metallicity: metallicity + f * (t.metallicity - metallicity),
                       mixingLength: mixingLength + f * (t.mixingLength - mixingLength))
        }
    }

    /// Newton–Henyey relaxation of `x` (in place) for one parameter set; returns the system and the iterations.
    static func relax(_ p: Parameters, mesh: StarMesh, burning: ZAMSBurningAbundances, micro: EnvelopeMicrophysics,
                      x: inout [Double], maximumIterations: Int) throws -> (StarEquations, Int) {
        let massG = p.mass * Solar.mass
        let physics = StarCellPhysics(micro: micro, burning: burning)
        let composition = try physics.homogeneous(hydrogen: p.hydrogen, metals: p.metallicity)
        let surface = StarSurface(physics: physics, composition: composition, mass: massG, steps: 60)
        var settings = HenyeySettings()
        settings.maximumIterations = maximumIterations
        settings.maximumLogChange = 0.3
        settings.tolerance = 1e-8
        let equations = StarEquations(mesh: mesh, physics: physics,
                                      compositions: [StarCellComposition](repeating: composition, count: mesh.count),
                                      surface: surface,
                                      mixingLength: MixingLength(alpha: p.mixingLength), mass: massG,
                                      differenceStep: settings.differenceStep)
        let solver = try HenyeySolver(for: equations, settings: settings)
        let iterations = try solver.solve(equations, &x)
        guard x.allSatisfy(\.isFinite) else { throw WholeStarError.notConverged(reason: "non-finite unknowns") }
        return (equations, iterations)
    }

    /// Loads the GS98 microphysics from `StellarModels/` and builds the model (the tables take ~1 s to load; pass
    /// an `EnvelopeMicrophysics` to the other `build` to reuse them).
    public static func build(mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double = 2.0,
                             cells: Int = 400) throws -> ZAMSModel {
        try validate(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength, cells: cells)
        let micro = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: DataDirectory.locate())
        return try build(mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength,
                         cells: cells, microphysics: micro)
    }

    /// The input ranges, checked before any table is loaded (errors name the CLI flag and the range).
    public static func validate(mass: Double, hydrogen: Double, metallicity: Double, mixingLength: Double, cells: Int) throws {
        func need(_ ok: Bool, _ key: String, _ value: Double, _ allowed: String) throws {
            if !ok { throw WholeStarError.outOfRange(parameter: key, value: value, allowed: allowed) }
        }
        try need(mass.isFinite && massRange.contains(mass), "mass", mass, "[0.5, 3] M☉")
        try need(hydrogen.isFinite && hydrogenRange.contains(hydrogen), "hydrogen", hydrogen, "[0.5, 0.8]")
        try need(metallicity.isFinite && metallicityRange.contains(metallicity), "metallicity", metallicity, "[0, 0.06]")
        try need(hydrogen + metallicity <= 1, "hydrogen + metallicity", hydrogen + metallicity, "X + Z ≤ 1")
        try need(mixingLength.isFinite && mixingLengthRange.contains(mixingLength), "mixing-length", mixingLength, "[0.5, 3]")
        try need(cellRange.contains(cells), "cells", Double(cells), "[100, 5000]")
    }

    /// The model's numbers and profiles from the converged unknowns (cell states already at `x`).
    static func diagnose(equations eq: StarEquations, x: [Double], mass: Double, hydrogen: Double, metallicity: Double,
                         mixingLength: Double, burning: ZAMSBurningAbundances, iterations: Int,
                         seconds: Double) throws -> ZAMSModel {
        let n = eq.cellCount
        var gradient = [Double](), gradRad = [Double](), gradAd = [Double](), conv = [Bool]()
        var nuclear = 0.0, thermal = 0.0, grav = 0.0
        x.withUnsafeBufferPointer { xp in
            for k in 0..<n {
                let f = eq.face(k, xp.baseAddress!)
                gradient.append(f.gradient); gradRad.append(f.radiative); gradAd.append(f.adiabatic); conv.append(f.convective)
            }
        }
        let rho = (0..<n).map { exp(x[StarUnknown.lnd.at($0)]) }
        let t = (0..<n).map { exp(x[StarUnknown.lnT.at($0)]) }
        let r = (0..<n).map { exp(x[StarUnknown.lnR.at($0)]) }
        let lum = (0..<n).map { x[StarUnknown.luminosity.at($0)] }
        let p = eq.cells.map { exp($0.lnP) }
        // ε re-evaluated from scratch (not the solver's caches): the energy check is then independent.
        var eps = [Double]()
        for k in 0..<n {
            let s = try eq.physics.evaluate(lnRho: log(rho[k]), lnT: log(t[k]), eta: nil, composition: eq.compositions[k])
            eps.append(s.eps)
            nuclear += s.eps * eq.dm[k]
            thermal += 3 * p[k] / rho[k] * eq.dm[k]
            // G m/r at the cell centre: m at the centre, r³ midway in volume between the faces.
            let rIn3 = k > 0 ? r[k - 1] * r[k - 1] * r[k - 1] : 0
            let rC = cbrt(0.5 * (rIn3 + r[k] * r[k] * r[k]))
            grav += CGS.gravitational * eq.mesh.qCentre[k] * eq.mass / rC * eq.dm[k]
        }
        // Convective core: the faces from the centre out that are convective; envelope: from the surface in.
        var coreTop = -1
        while coreTop + 1 < n && conv[coreTop + 1] { coreTop += 1 }
        // The photosphere and the layers just below it are radiative (∇_rad < ∇_ad at τ ≲ 1): skip radiative faces
        // in the outer 10⁻⁶ of the mass before looking for the envelope's convective zone.
        var top = n - 1
        while top >= 0 && !conv[top] && eq.mesh.outer[top] < 1e-6 { top -= 1 }
        var envBase = top + 1
        if top >= 0 && conv[top] {
            envBase = top
            while envBase - 1 > coreTop && conv[envBase - 1] { envBase -= 1 }
        }
        let coreMass = coreTop >= 0 ? eq.mesh.q[coreTop] * mass : 0
        let hasEnvelope = envBase <= top && envBase > 0
        let envMass = hasEnvelope ? eq.mesh.outer[envBase - 1] * mass : 0
        let envRadius = hasEnvelope ? r[envBase - 1] / Solar.radius : 0
        let lSurf = lum[n - 1], rSurf = r[n - 1]
        let teff = StarSurface.effectiveTemperature(luminosity: lSurf * Solar.luminosity, radius: rSurf)
        return ZAMSModel(
            mass: mass, hydrogen: hydrogen, metallicity: metallicity, mixingLength: mixingLength, cells: n, burning: burning,
            luminosity: lSurf, radius: rSurf / Solar.radius, effectiveTemperature: teff,
            logGravity: log10(CGS.gravitational * eq.mass / (rSurf * rSurf)),
            centralTemperature: t[0], centralDensity: rho[0], centralPressure: p[0],
            convectiveCoreMass: coreMass, convectiveEnvelopeMass: envMass, convectiveEnvelopeBaseRadius: envRadius,
            nuclearLuminosity: nuclear / Solar.luminosity, virialThermal: thermal, virialGravitational: grav,
            iterations: iterations, seconds: seconds,
            cellMass: eq.mesh.qCentre.map { $0 * mass }, density: rho, temperature: t, pressure: p, epsilon: eps,
            faceMass: eq.mesh.q.map { $0 * mass }, faceRadius: r.map { $0 / Solar.radius }, faceLuminosity: lum,
            gradient: gradient, radiativeGradient: gradRad, adiabaticGradient: gradAd, convective: conv,
            unknowns: x, mesh: eq.mesh)
    }
}
