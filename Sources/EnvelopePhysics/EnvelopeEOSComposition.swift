import Constants
import Foundation

/// The composition the envelope EOS is evaluated for: mass fractions of H, He and the metals C, N, O, Ne
/// (heavier metals lumped into Ne, as in the OPAL 2001 EOS tables; README of Rogers & Nayfonov 2002).
/// H, He and the metals ionise stage by stage (Saha with pressure ionisation; `EnvelopeEOS`).
///
/// Atomic masses: IUPAC standard atomic weights (Wieser et al., Pure Appl. Chem. 85 (2013) 1047),
/// H 1.00794, He 4.002602, C 12.0107, N 14.0067, O 15.9994, Ne 20.1797 (u); particle numbers per gram
/// are N_A Xᵢ/Aᵢ, the convention of `Microphysics.Composition`.
public struct EnvelopeEOSComposition: Sendable, Equatable {
    /// Mass fractions.
    public let hydrogen: Double, helium: Double, carbon: Double, nitrogen: Double, oxygen: Double, neon: Double

    /// Atomic masses in u (IUPAC 2013 standard atomic weights, see the type's comment).
    public static let massH = 1.00794, massHe = 4.002602, massC = 12.0107, massN = 14.0067, massO = 15.9994,
                      massNe = 20.1797

    /// Number fractions of C, N, O, Ne within the metals of the OPAL 2001 tables (Grevesse 1991, A&A 242,
    /// 488, heavier elements added to Ne; from the tables' README).
    public static let opalMetalNumberFractions = (carbon: 0.2471362, nitrogen: 0.0620778, oxygen: 0.528368,
                                                  neon: 0.1624178)

    /// General mixture; mass fractions must lie in [0, 1] and sum to 1 within 10⁻⁸.
    public init(hydrogen: Double, helium: Double, carbon: Double = 0, nitrogen: Double = 0,
                oxygen: Double = 0, neon: Double = 0) throws {
        let all = [("hydrogen", hydrogen), ("helium", helium), ("carbon", carbon), ("nitrogen", nitrogen),
                   ("oxygen", oxygen), ("neon", neon)]
        for (name, x) in all where !(x.isFinite && x >= 0 && x <= 1) {
            throw EnvelopeEOSError.outOfDomain(quantity: "\(name) mass fraction", value: x, domain: "[0, 1]")
        }
        let sum = all.reduce(0) { $0 + $1.1 }
        guard abs(sum - 1) <= 1e-8 else {
            throw EnvelopeEOSError.outOfDomain(quantity: "sum of mass fractions", value: sum, domain: "1 ± 1e-8")
        }
        self.hydrogen = hydrogen
        self.helium = helium
        self.carbon = carbon
        self.nitrogen = nitrogen
        self.oxygen = oxygen
        self.neon = neon
        mixture = EnvelopeEOS.Mixture(hydrogen: hydrogen, helium: helium, carbon: carbon, nitrogen: nitrogen,
                                      oxygen: oxygen, neon: neon)
    }

    /// The per-composition constants of the EOS, computed once here (no work per call).
    let mixture: EnvelopeEOS.Mixture

    /// X, Z with Y = 1 − X − Z and the metals split as in the OPAL 2001 tables (Grevesse 1991 by number).
    public init(hydrogen x: Double, metals z: Double) throws {
        guard x.isFinite, z.isFinite, x >= 0, z >= 0, x + z <= 1 else {
            throw EnvelopeEOSError.outOfDomain(quantity: "X + Z (X = \(x), Z = \(z))", value: x + z,
                                               domain: "X, Z ≥ 0 and X + Z ≤ 1")
        }
        let f = Self.opalMetalNumberFractions
        let m = f.carbon * Self.massC + f.nitrogen * Self.massN + f.oxygen * Self.massO + f.neon * Self.massNe
        try self.init(hydrogen: x, helium: max(0, 1 - x - z), carbon: z * f.carbon * Self.massC / m,
                      nitrogen: z * f.nitrogen * Self.massN / m, oxygen: z * f.oxygen * Self.massO / m,
                      neon: z * f.neon * Self.massNe / m)
    }

    /// The metals' total mass fraction Z.
    public var metals: Double { carbon + nitrogen + oxygen + neon }

    /// (mass fraction, charge, mass in u) of every species, for `Microphysics.Composition`.
    public var species: [(massFraction: Double, charge: Double, mass: Double)] {
        [(hydrogen, 1, Self.massH), (helium, 2, Self.massHe), (carbon, 6, Self.massC), (nitrogen, 7, Self.massN),
         (oxygen, 8, Self.massO), (neon, 10, Self.massNe)].filter { $0.0 > 0 }
    }
}

/// Errors of the envelope EOS: every one names the quantity, its value and the allowed domain.
public enum EnvelopeEOSError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An input or an intermediate state outside the EOS's domain.
    case outOfDomain(quantity: String, value: Double, domain: String)
    /// The η iteration did not converge (should not happen inside the domain).
    case notConverged(density: Double, temperature: Double, residual: Double)
    /// A data file that does not follow its format.
    case malformedTable(file: String, line: Int, field: String)

    public var description: String {
        switch self {
        case let .outOfDomain(q, v, d): return "envelope EOS: \(q) = \(v) is outside the domain \(d)"
        case let .notConverged(r, t, res):
            return "envelope EOS: the degeneracy iteration did not converge at ρ = \(r) g/cm³, T = \(t) K (residual \(res))"
        case let .malformedTable(f, l, field): return "envelope EOS: \(f), line \(l): malformed \(field)"
        }
    }
}
