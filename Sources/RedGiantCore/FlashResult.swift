import Foundation

/// One accepted time step of a track (for `--history`).
public struct FlashHistoryRow: Sendable, Equatable {
    public var step: Int
    /// Time since the starting model, yr.
    public var age: Double
    /// Core mass, M☉.
    public var coreMass: Double
    /// Hydrogen-shell luminosity, helium-burning luminosity, neutrino luminosity of the core, and the
    /// luminosity leaving the core at its edge, all in L☉.
    public var shellLuminosity: Double, heliumLuminosity: Double, neutrinoLuminosity: Double, edgeLuminosity: Double
    /// Central temperature (K) and density (g cm⁻³).
    public var centralTemperature: Double, centralDensity: Double
    /// Maximum temperature (K), its mass coordinate (M☉) and the density there.
    public var maxTemperature: Double, maxTemperatureMass: Double, maxTemperatureDensity: Double
    /// Temperature (K) and radius (cm) of the core edge.
    public var edgeTemperature: Double, edgeRadius: Double
    /// Time step (yr) and Newton iterations.
    public var timestep: Double, iterations: Int
}

/// One cell of the final profile (for `--profile`).
public struct FlashProfileRow: Sendable, Equatable {
    /// Mass at the cell centre (M☉), radius of the outer face (cm), density (g cm⁻³), temperature (K),
    /// pressure (dyn cm⁻²), luminosity through the outer face (L☉), ε_3α and ε_ν (erg g⁻¹ s⁻¹), opacity (cm² g⁻¹).
    public var mass: Double, radius: Double, density: Double, temperature: Double, pressure: Double
    public var luminosity: Double, epsNuclear: Double, epsNeutrino: Double, opacity: Double
}

/// The outcome of one track.
public struct FlashResult: Sendable {
    public enum Status: Sendable, Equatable, CustomStringConvertible {
        case flashed
        case failed(FlashFailure)
        public var description: String {
            switch self {
            case .flashed: return "flashed"
            case let .failed(reason): return "failed: \(reason)"
            }
        }
        public var isFlashed: Bool { self == .flashed }
    }

    public var status: Status
    /// Core mass (M☉) when L_He crossed the flash threshold (interpolated in log L_He between steps).
    public var coreMass: Double
    /// log₁₀(L/L☉) at the tip: the shell luminosity at that core mass.
    public var logTipLuminosity: Double
    /// Where helium ignites: the cell of largest ε_3α at the flash (mass in M☉, ρ in g cm⁻³, T in K).
    public var ignitionMass: Double, ignitionDensity: Double, ignitionTemperature: Double
    /// Centre at the flash.
    public var centralDensity: Double, centralTemperature: Double
    /// Time from the starting model to the flash, yr.
    public var age: Double
    /// Accepted steps, Newton iterations and retried (rejected) steps.
    public var steps: Int, iterations: Int, retries: Int
    /// Starting core mass (M☉) and the threshold used (L☉).
    public var startCoreMass: Double, threshold: Double
    public var history: [FlashHistoryRow]
    public var profile: [FlashProfileRow]
}
