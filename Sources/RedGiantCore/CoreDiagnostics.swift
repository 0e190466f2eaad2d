import Constants
import Foundation

/// What a track reports of its models: one history row per accepted step and the final profile,
/// in the public units of `FlashHistoryRow` and `FlashProfileRow` (M☉, L☉, yr, cgs).
extension FlashIntegrator {
    func diagnostics(step: Int, age: Double, iterations: Int) -> FlashHistoryRow {
        let cells = equations.cells, coreMass = equations.coreMass
        var lhe = 0.0, lnu = 0.0, kMax = 0
        for k in 0..<n {
            let dm = mesh.dq[k] * coreMass
            lhe += dm * cells[k].epsNuclear
            lnu += dm * cells[k].epsNeutrino
            if x[CoreUnknown.lnT.at(k)] > x[CoreUnknown.lnT.at(kMax)] { kMax = k }
        }
        let rEdge = exp(x[CoreUnknown.lnR.at(n - 1)])
        let msun = Solar.mass, lsun = Solar.luminosity
        let mMax = mesh.qCentre[kMax] * coreMass / msun
        let tEdge = exp(equations.lnTEdgeConst) / rEdge
        var row = FlashHistoryRow(step: step, age: age / Time.year, coreMass: coreMass / msun,
                                  shellLuminosity: shellLuminosity / lsun, heliumLuminosity: lhe / lsun,
                                  neutrinoLuminosity: lnu / lsun, edgeLuminosity: x[CoreUnknown.luminosity.at(n - 1)],
                                  centralTemperature: exp(x[CoreUnknown.lnT.at(0)]), centralDensity: exp(x[CoreUnknown.lnRho.at(0)]),
                                  maxTemperature: exp(x[CoreUnknown.lnT.at(kMax)]), maxTemperatureMass: mMax,
                                  maxTemperatureDensity: exp(x[CoreUnknown.lnRho.at(kMax)]), edgeTemperature: tEdge, edgeRadius: rEdge,
                                  timestep: 0, iterations: iterations)
        row.timestep = equations.dt / Time.year
        return row
    }

    func finish(_ r: FlashResult) -> FlashResult {
        var r = r
        guard settings.keepHistory, x.count == CoreUnknown.count * n else { return r }
        let cells = equations.cells, coreMass = equations.coreMass
        r.profile = (0..<n).map { k in
            FlashProfileRow(mass: mesh.qCentre[k] * coreMass / Solar.mass, radius: exp(x[CoreUnknown.lnR.at(k)]),
                            density: exp(x[CoreUnknown.lnRho.at(k)]), temperature: exp(x[CoreUnknown.lnT.at(k)]),
                            pressure: exp(cells[k].lnP), luminosity: x[CoreUnknown.luminosity.at(k)],
                            epsNuclear: cells[k].epsNuclear, epsNeutrino: cells[k].epsNeutrino, opacity: cells[k].kappa)
        }
        return r
    }
}
