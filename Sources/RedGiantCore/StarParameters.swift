import Foundation
import Microphysics

/// The star whose core is evolved: total mass, initial helium and metal mass fractions, and the
/// envelope helium enrichment by the first dredge-up. The core is ⁴He with the metals as ¹⁴N (CNO
/// cycled); the envelope above the hydrogen shell keeps X_env = 1 − Y − ΔY_FDU − Z.
public struct StarParameters: Sendable, Equatable {
    /// Total mass in M☉.
    public let mass: Double
    /// Initial helium and metal mass fractions.
    public let helium: Double, metallicity: Double
    /// Helium added to the envelope by the first dredge-up (mass fraction; 0 by default, a mixing knob).
    public let dredgeUpHelium: Double

    /// The largest mass (M☉) where the core-only model's tip follows full evolution codes: above ~1.2 M☉ it is too bright
    /// by 0.1–0.35 dex, its three core-edge relations having lost the mass dependence (measured against whole-star
    /// tracks and full codes, Docs/flash.md §2). Below ~1.1 M☉ its flash core mass does not depend on the mass at all.
    public static let coreModelValidMassLimit = 1.2

    /// The documented standard old metal-poor star: 0.8 M☉, Y = 0.245, Z = 10⁻³ (issue 3 §6).
    public static let standard = try! StarParameters(mass: 0.8, helium: 0.245, metallicity: 1e-3)

    /// Allowed ranges (the mass range also needs the metallicity: `validate(against:)`).
    public static let allowedDredgeUp: ClosedRange<Double> = 0...0.1

    public init(mass: Double, helium: Double, metallicity: Double, dredgeUpHelium: Double = 0) throws {
        guard helium.isFinite, helium >= 0, helium < 1 else {
            throw FlashError.invalidParameter(name: "helium", value: helium, allowed: "[0, 1)")
        }
        guard metallicity.isFinite, metallicity >= 0, metallicity < 1 else {
            throw FlashError.invalidParameter(name: "metallicity", value: metallicity, allowed: "[0, 1)")
        }
        guard 1 - helium - metallicity > 0 else {
            throw FlashError.invalidParameter(name: "helium + metallicity", value: helium + metallicity,
                                              allowed: "< 1 (hydrogen X = 1 − Y − Z must be > 0)")
        }
        guard dredgeUpHelium.isFinite, Self.allowedDredgeUp.contains(dredgeUpHelium),
              1 - helium - dredgeUpHelium - metallicity > 0 else {
            throw FlashError.invalidParameter(name: "dredge-up-helium", value: dredgeUpHelium,
                                              allowed: "[0, 0.1] with X_env = 1 − Y − ΔY − Z > 0")
        }
        guard mass.isFinite, mass > 0 else {
            throw FlashError.invalidParameter(name: "mass", value: mass, allowed: "> 0 M☉")
        }
        self.mass = mass
        self.helium = helium
        self.metallicity = metallicity
        self.dredgeUpHelium = dredgeUpHelium
    }

    /// Envelope hydrogen and helium after the first dredge-up.
    public var envelopeHydrogen: Double { 1 - helium - dredgeUpHelium - metallicity }
    public var envelopeHelium: Double { helium + dredgeUpHelium }

    /// Mean molecular weight of the fully ionised envelope, μ = 1/(2X + 3Y/4 + Z/2)
    /// (metals contribute ≈ A/2 particles per nucleon mass; Kippenhahn & Weigert eq. 4.30 form).
    public var envelopeMeanMolecularWeight: Double {
        1 / (2 * envelopeHydrogen + 0.75 * envelopeHelium + 0.5 * metallicity)
    }

    /// Core composition: ⁴He with the initial metals as ¹⁴N (the CNO cycle turns C and O into N).
    public func coreComposition() throws -> Composition {
        if metallicity == 0 { return .helium }
        return try Composition(species: [(1 - metallicity, 2, 4), (metallicity, 7, 14)])
    }
}
