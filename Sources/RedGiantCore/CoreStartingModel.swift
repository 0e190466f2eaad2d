import Constants
import Foundation
import Microphysics

/// The starting model of the core integrator: an isothermal hydrostatic core (`HydrostaticCore`) of
/// `FlashSettings.startCoreMass` at T₀ = factor × T_edge, with the edge pressure of the core-edge
/// relations, interpolated onto the mesh. Two passes make T_edge consistent with the model's radius.
/// Cores of 0.1–0.3 M☉ have ρ_c ≈ 10⁴·⁵–10⁵·⁵ g cm⁻³, so the search for the degenerate branch starts
/// at 10⁸. Trap: a low edge pressure can leave no degenerate isothermal model at T₀ (its thermally
/// supported envelope is too heavy); the start is then built with the edge pressure raised ×10, ×100,
/// and the first implicit steps relax it to the true boundary (the start is forgotten: tests).
extension FlashIntegrator {
    /// Sets `x` and the core mass to the starting model.
    func buildStartingModel() throws {
        let mc = settings.startCoreMass
        equations.coreMass = mc * Solar.mass
        updateBoundary()
        let eos = EquationOfState(coulomb: physics.coulomb, method: .table)
        let composition = try star.coreComposition()
        var radius = 1.5e9
        var model: HydrostaticCore?
        for pass in 0..<2 {
            let lnTEdge = equations.lnTEdgeConst - log(radius)
            let t0 = settings.startTemperatureFactor * exp(lnTEdge)
            let pEdge = exp(equations.lnPEdgeConst + 4 * lnTEdge)
            // The first pass only estimates the radius: a loose tolerance is enough.
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
        x = [Double](repeating: 0, count: CoreUnknown.count * n)
        let total = core.mass
        for k in 0..<n {
            let mCentre = total * mesh.qCentre[k]
            let mFace = total * mesh.q[k]
            x[CoreUnknown.lnRho.at(k)] = interp(mCentre, { log(prof[$0].rho) }, logM: false)
            x[CoreUnknown.lnT.at(k)] = log(t0)
            x[CoreUnknown.lnR.at(k)] = interp(mFace, { log(max(prof[$0].r, 1)) }, logM: true)
            x[CoreUnknown.luminosity.at(k)] = 0
        }
        equations.coreMass = total
        updateBoundary()
    }
}
