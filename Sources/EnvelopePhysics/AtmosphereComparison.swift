import Foundation

/// The two outer boundary conditions side by side at one (T_eff, g, [Z/Z☉]): the model-atmosphere table at
/// τ = 2/3 and a T(τ) integration with the caller's opacity and EOS closures (so the real low-temperature opacity
/// can replace any stand-in without changing this code).
public enum AtmosphereComparison {
    public struct Result: Sendable {
        public var table: AtmosphereBoundary
        public var integrated: AtmosphereBoundary
        /// P_integrated/P_table (total pressures at each method's base).
        public var pressureRatio: Double { integrated.pressure / table.pressure }
        /// P_gas,integrated/P_gas,table.
        public var gasPressureRatio: Double { integrated.gasPressure / table.gasPressure }
    }

    public static func compare(table: ModelAtmosphereTable, integrator: AtmosphereIntegrator,
                               effectiveTemperature teff: Double, gravity g: Double, metallicity: Double,
                               density: (_ gasPressure: Double, _ temperature: Double) throws -> Double,
                               opacity: (_ density: Double, _ temperature: Double) throws -> Double) throws -> Result {
        let t = try table.boundary(effectiveTemperature: teff, gravity: g, metallicity: metallicity)
        let i = try integrator.boundary(effectiveTemperature: teff, gravity: g, density: density, opacity: opacity)
        return Result(table: t, integrated: i)
    }
}
