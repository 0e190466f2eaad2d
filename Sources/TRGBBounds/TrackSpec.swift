import CacheFiles
import Foundation
import Microphysics
import Plasma
import RedGiantCore

/// One flash track to compute: the star, the new-physics coupling (μ₁₂ or q₁₄) and every physics choice
/// the systematics vary. The physics is one `PhysicsSpecification`; the accessors below read and write
/// it, so there is one place that says which physics a track uses.
public struct TrackSpec: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Version of `canonicalEncoding` beyond the physics specification's own.
    public static let encodingVersion = 1

    public var mass: Double
    public var helium: Double
    public var metallicity: Double
    public var dredgeUpHelium = 0.0
    /// Every physics choice, the couplings included.
    public var physics = PhysicsSpecification()
    public var edgeTemperatureFactor = 1.0
    public var edgePressureFactor = 1.0
    /// Whole-star engine only (`WholeStarTracks`): the mixing length α_MLT (nil: the stored solar calibration's) and
    /// Reimers' η (nil: 0). Optional so that they are left out of the identity of a core track when not set
    /// (a core track refuses them: its core-edge relations carry no envelope).
    public var mixingLength: Double?
    public var reimersEta: Double?

    public init(mass: Double, helium: Double, metallicity: Double) {
        self.mass = mass
        self.helium = helium
        self.metallicity = metallicity
    }

    /// μν in 10⁻¹² μ_B.
    public var mu12: Double {
        get { physics.mu12 }
        set { physics.mu12 = newValue }
    }
    /// Neutrino millicharge in 10⁻¹⁴ e.
    public var q14: Double {
        get { physics.millicharge / Coupling.millicharge.scale }
        set { physics.millicharge = newValue * Coupling.millicharge.scale }
    }
    /// Axion–electron coupling g_ae in 10⁻¹³.
    public var g13: Double {
        get { physics.axionElectron }
        set { physics.axionElectron = newValue }
    }
    public var conduction: ConductiveOpacity.Prescription {
        get { physics.conduction }
        set { physics.conduction = newValue }
    }
    public var blouin2020: Bool {
        get { physics.blouin2020 }
        set { physics.blouin2020 = newValue }
    }
    public var tripleAlpha: TripleAlphaRate {
        get { physics.tripleAlpha }
        set { physics.tripleAlpha = newValue }
    }
    public var screening: ScreeningModel {
        get { physics.screening }
        set { physics.screening = newValue }
    }
    public var plasmaNeutrinos: CorePhysics.PlasmaNeutrinos {
        get { physics.plasmaNeutrinos }
        set { physics.plasmaNeutrinos = newValue }
    }

    /// A readable label (messages only; identity is `canonicalEncoding`).
    public var description: String {
        String(format: "M=%.6g Y=%.6g Z=%.6g dY=%.6g mu12=%.6g ", mass, helium, metallicity, dredgeUpHelium, mu12)
            + "cond=\(conduction.rawValue) blouin=\(blouin2020) 3a=\(tripleAlpha.rawValue) scr=\(screening.rawValue) "
            + "plasma=\(plasmaNeutrinos.rawValue) " + String(format: "cT=%.6g cP=%.6g", edgeTemperatureFactor, edgePressureFactor)
            + (q14 == 0 ? "" : String(format: " q14=%.6g", q14)) + (g13 == 0 ? "" : String(format: " g13=%.6g", g13))
            + (mixingLength.map { String(format: " alpha=%.6g", $0) } ?? "") + (reimersEta.map { String(format: " eta=%.6g", $0) } ?? "")
    }

    /// The identity of the track: every field in sorted-key JSON behind both encoding versions.
    public var canonicalEncoding: String {
        "track-" + PhysicsSpecification.canonical(self, version: Self.encodingVersion)
            + " physics-v\(PhysicsSpecification.encodingVersion)"
    }

    /// A short stable key for stores and caches: FNV-1a (64 bit) of `canonicalEncoding`, in hex.
    /// Entries keep the full encoding beside the key, so a collision can be detected, never used.
    public var cacheKey: String { FNV1a.hexKey(canonicalEncoding) }

    /// The same star with another value of a coupling.
    public func with(_ coupling: Coupling, _ value: Double) -> TrackSpec {
        var s = self
        switch coupling {
        case .magneticMoment: s.mu12 = value
        case .millicharge: s.q14 = value
        case .axionElectron: s.g13 = value
        }
        return s
    }

    /// The value of a coupling in this spec.
    public func value(of coupling: Coupling) -> Double {
        coupling.pick(mu12, q14, g13)
    }

    /// The same star with another μ₁₂.
    public func with(mu12 value: Double) -> TrackSpec {
        with(.magneticMoment, value)
    }

    /// Builds the integrator (throws with the parameter named on bad input).
    public func integrator(relations base: CoreEdgeRelations, settings: FlashSettings) throws -> FlashIntegrator {
        if let a = mixingLength {
            throw TRGBError.invalidParameter(name: "mixing length (core engine)", value: a,
                                             allowed: "none: the core-only engine has no envelope; use the whole-star engine")
        }
        if let e = reimersEta {
            throw TRGBError.invalidParameter(name: "Reimers eta (core engine)", value: e,
                                             allowed: "none: the core-only engine has no envelope; use the whole-star engine")
        }
        let star = try StarParameters(mass: mass, helium: helium, metallicity: metallicity, dredgeUpHelium: dredgeUpHelium)
        let physics = try CorePhysics(self.physics)
        var relations = base
        relations.temperature.coefficient *= edgeTemperatureFactor
        relations.pressure.coefficient *= edgePressureFactor
        var s = settings
        s.keepHistory = false
        return try FlashIntegrator(star: star, physics: physics, relations: relations, settings: s)
    }
}
