import Foundation
import Testing
import Constants
import ModelData
@testable import EnvelopePhysics

/// The two outer boundary conditions at a red-giant tip (T_eff = 4000 K, log g = 0.5) with the real
/// low-temperature opacity (Ferguson et al. 2005, blended into OPAL: `OpacityTables`) and a neutral ideal
/// gas (μ = 1/(X + Y/4): at 4000 K and P ~ 10³ dyn cm⁻² hydrogen and helium are atomic and neutral).
/// The grey T(τ) relations and the PHOENIX/Kurucz tables are different physics (non-grey, molecules, line
/// blanketing), so they are not expected to agree exactly; full-code studies quote boundary-condition
/// effects on the RGB T_eff of ~50–100 K. Measured (Docs/envelope-convection-atmosphere.md): the grey
/// relations give 1.20 (Krishna Swamy) and 1.36–1.39 (Eddington) times the tables' pressure at τ = 2/3, at
/// [Fe/H] = −1.5 and 0. The test asserts the relations lie within +0…60 % of the tables, Krishna Swamy (the
/// empirical solar T(τ)) closer than Eddington, and both pressures falling with T_eff at fixed g.
@Suite struct AtmosphereRealOpacityTests {
    @Test func redGiantTipWithFergusonOpacity() throws {
        let atmospheres = try ModelAtmosphereTable.load(directory: DataDirectory.locate().url.appendingPathComponent("atmosphere"))
        let opacities = try #require(OpacityTestData.gs98)
        let mix = try MetalMixture(solar: .gs98, alphaFe: 0)
        let g = pow(10, 0.5), x = 0.75
        for feh in [-1.5, 0.0] {
            let z = try mix.z(fromFeH: feh, hydrogen: x)
            let mu = 1 / (x + (1 - x - z) / 4)
            // Above τ ≈ 10⁻³ the gas is thinner than the tables' lowest log R = −8: there κ is taken at
            // log R = −8 (the table edge, as MESA clips), which changes P at the base by < 10⁻³.
            let opacity = { (rho: Double, t: Double) throws -> Double in
                let logT = log10(t)
                let logRho = max(log10(rho), -8 + 3 * logT - 18)
                return try opacities.radiative(logRho: logRho, logT: logT, x: x, z: z).kappa
            }
            var ratios: [Double] = []
            for integrator in [AtmosphereIntegrator(relation: .eddington), AtmosphereIntegrator(relation: .krishnaSwamy, tauBase: 2.0 / 3.0)] {
                let r = try AtmosphereComparison.compare(
                    table: atmospheres, integrator: integrator, effectiveTemperature: 4000, gravity: g, metallicity: feh,
                    density: atmosphereIdealGasDensity(mu: mu), opacity: opacity)
                print("RGB tip [Fe/H] = \(feh), Z = \(z), \(integrator.relation): P_table = \(r.table.pressure), P_T(τ) = \(r.integrated.pressure), ratio \(r.pressureRatio); dlnP/dlnTeff table \(r.table.dLnPressure_dLnTeff), T(τ) \(r.integrated.dLnPressure_dLnTeff)")
                #expect(r.pressureRatio > 1.0 && r.pressureRatio < 1.6, "[Fe/H] = \(feh): ratio \(r.pressureRatio)")
                #expect(r.table.dLnPressure_dLnTeff < 0 && r.integrated.dLnPressure_dLnTeff < 0)
                ratios.append(r.pressureRatio)
            }
            // Krishna Swamy's relation (T⁴ ∝ τ + 1.39 − …) is hotter than Eddington's at τ = 2/3: the base is
            // hotter, the opacity higher, the pressure lower, and closer to the non-grey tables.
            #expect(ratios[1] < ratios[0])
        }
    }
}
