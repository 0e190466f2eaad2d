import Foundation
import Microphysics
import Plasma
import RedGiantCore

/// One flash track to compute: the star, the new-physics coupling (μ₁₂ or q₁₄) and every physics choice
/// the systematics vary.
public struct TrackSpec: Hashable, Sendable, CustomStringConvertible {
    public var mass: Double
    public var helium: Double
    public var metallicity: Double
    public var dredgeUpHelium = 0.0
    /// μν in 10⁻¹² μ_B.
    public var mu12 = 0.0
    /// Neutrino millicharge in 10⁻¹⁴ e.
    public var q14 = 0.0
    public var conduction = ConductiveOpacity.Prescription.potekhin1999
    public var blouin2020 = false
    public var tripleAlpha = TripleAlphaRate.fynbo2005
    public var screening = ScreeningModel.chugunov2007
    public var plasmaNeutrinos = CorePhysics.PlasmaNeutrinos.exact
    public var edgeTemperatureFactor = 1.0
    public var edgePressureFactor = 1.0

    public init(mass: Double, helium: Double, metallicity: Double) {
        self.mass = mass
        self.helium = helium
        self.metallicity = metallicity
    }

    /// A stable text key (also the disk-cache key).
    public var description: String {
        String(format: "M=%.6g Y=%.6g Z=%.6g dY=%.6g mu12=%.6g ", mass, helium, metallicity, dredgeUpHelium, mu12)
            + "cond=\(conduction.rawValue) blouin=\(blouin2020) 3a=\(tripleAlpha.rawValue) scr=\(screening.rawValue) "
            + "plasma=\(plasmaNeutrinos.rawValue) " + String(format: "cT=%.6g cP=%.6g", edgeTemperatureFactor, edgePressureFactor)
            + (q14 == 0 ? "" : String(format: " q14=%.6g", q14))
    }

    /// The same star with another value of a coupling.
    public func with(_ coupling: Coupling, _ value: Double) -> TrackSpec {
        var s = self
        switch coupling {
        case .magneticMoment: s.mu12 = value
        case .millicharge: s.q14 = value
        }
        return s
    }

    /// The value of a coupling in this spec.
    public func value(of coupling: Coupling) -> Double {
        coupling == .magneticMoment ? mu12 : q14
    }

    /// The same star with another μ₁₂.
    public func with(mu12 value: Double) -> TrackSpec {
        with(.magneticMoment, value)
    }

    /// Builds the integrator (throws with the parameter named on bad input).
    public func integrator(relations base: CoreEdgeRelations, settings: FlashSettings) throws -> FlashIntegrator {
        let star = try StarParameters(mass: mass, helium: helium, metallicity: metallicity, dredgeUpHelium: dredgeUpHelium)
        var physics = CorePhysics()
        physics.conduction = conduction
        physics.blouin2020 = blouin2020
        physics.tripleAlpha = tripleAlpha
        physics.screening = screening
        physics.plasmaNeutrinos = plasmaNeutrinos
        physics.neutrino = try NeutrinoProperties(mu12: mu12, millicharge: q14 * Coupling.millicharge.scale)
        var relations = base
        relations.temperature.coefficient *= edgeTemperatureFactor
        relations.pressure.coefficient *= edgePressureFactor
        var s = settings
        s.keepHistory = false
        return try FlashIntegrator(star: star, physics: physics, relations: relations, settings: s)
    }
}

/// What the bound extractor keeps of a track.
public struct TrackOutcome: Sendable, Equatable {
    public var coreMass: Double
    public var logTipLuminosity: Double
    public var seconds: Double
}
