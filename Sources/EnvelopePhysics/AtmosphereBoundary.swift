import Foundation
import Constants

/// The outer boundary values of a stellar model: the total pressure and temperature at the base of the
/// atmosphere, with the derivatives a Henyey solver's outer rows need.
///
/// Both methods (`AtmosphereIntegrator`, `ModelAtmosphereTable`) compute them as functions of (T_eff, g); the
/// (L, R, M) derivatives follow from T_eff⁴ = L/(4πR²σ) and g = GM/R² (Stefan–Boltzmann law; Newton):
/// ∂ln T_eff/∂ln L = 1/4, ∂ln T_eff/∂ln R = −1/2, ∂ln g/∂ln R = −2, ∂ln g/∂ln M = 1.
public struct AtmosphereBoundary: Sendable, Equatable {
    /// Optical depth of the base.
    public var tau: Double
    /// Total pressure P = P_gas + aT⁴/3 at the base, dyn cm⁻².
    public var pressure: Double
    /// Gas pressure at the base, dyn cm⁻².
    public var gasPressure: Double
    /// Temperature at the base, K.
    public var temperature: Double
    /// ∂ln P/∂ln T_eff at fixed g.
    public var dLnPressure_dLnTeff: Double
    /// ∂ln P/∂ln g at fixed T_eff.
    public var dLnPressure_dLnGravity: Double
    /// ∂ln T/∂ln T_eff at fixed g.
    public var dLnTemperature_dLnTeff: Double
    /// ∂ln T/∂ln g at fixed T_eff.
    public var dLnTemperature_dLnGravity: Double

    public init(tau: Double, pressure: Double, gasPressure: Double, temperature: Double,
                dLnPressure_dLnTeff: Double, dLnPressure_dLnGravity: Double,
                dLnTemperature_dLnTeff: Double, dLnTemperature_dLnGravity: Double) {
        self.tau = tau
        self.pressure = pressure
        self.gasPressure = gasPressure
        self.temperature = temperature
        self.dLnPressure_dLnTeff = dLnPressure_dLnTeff
        self.dLnPressure_dLnGravity = dLnPressure_dLnGravity
        self.dLnTemperature_dLnTeff = dLnTemperature_dLnTeff
        self.dLnTemperature_dLnGravity = dLnTemperature_dLnGravity
    }

    /// ∂ln P/∂ln L at fixed R, M.
    public var dLnPressure_dLnL: Double { 0.25 * dLnPressure_dLnTeff }
    /// ∂ln P/∂ln R at fixed L, M.
    public var dLnPressure_dLnR: Double { -0.5 * dLnPressure_dLnTeff - 2 * dLnPressure_dLnGravity }
    /// ∂ln P/∂ln M at fixed L, R.
    public var dLnPressure_dLnM: Double { dLnPressure_dLnGravity }
    /// ∂ln T/∂ln L at fixed R, M.
    public var dLnTemperature_dLnL: Double { 0.25 * dLnTemperature_dLnTeff }
    /// ∂ln T/∂ln R at fixed L, M.
    public var dLnTemperature_dLnR: Double { -0.5 * dLnTemperature_dLnTeff - 2 * dLnTemperature_dLnGravity }
    /// ∂ln T/∂ln M at fixed L, R.
    public var dLnTemperature_dLnM: Double { dLnTemperature_dLnGravity }

    /// T_eff = [L/(4πR²σ)]^{1/4} in K from L (erg s⁻¹) and R (cm).
    public static func effectiveTemperature(luminosity: Double, radius: Double) -> Double {
        (luminosity / (4 * Double.pi * radius * radius * CGS.stefanBoltzmann)).squareRoot().squareRoot()
    }

    /// g = GM/R² in cm s⁻² from M (g) and R (cm).
    public static func surfaceGravity(mass: Double, radius: Double) -> Double {
        CGS.gravitational * mass / (radius * radius)
    }
}

/// A bad atmosphere input or a failed integration: names the quantity, the value and the allowed domain.
public enum AtmosphereError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input outside its domain (e.g. T_eff ≤ 0, a table's T_eff above its VALID RANGE).
    case outOfDomain(quantity: String, value: Double, domain: String)
    /// The integration met a non-physical state (e.g. P_gas ≤ 0 because g < g_rad: super-Eddington).
    case integrationFailed(tau: Double, reason: String)
    /// A model-atmosphere table file that cannot be read as documented (names file, 1-based line, field).
    case malformedTable(file: String, line: Int, field: String, reason: String)

    public var description: String {
        switch self {
        case let .outOfDomain(q, v, d): return "atmosphere: \(q) = \(v) is outside \(d)"
        case let .integrationFailed(tau, reason): return "atmosphere integration failed at τ = \(tau): \(reason)"
        case let .malformedTable(file, line, field, reason):
            return "atmosphere table \(file), line \(line), \(field): \(reason)"
        }
    }
}
