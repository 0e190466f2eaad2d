import Foundation

/// The nuclei the hydrogen-burning network follows explicitly. The short-lived ones (²H, ⁷Be, ⁷Li, ⁸B, ¹³N,
/// ¹⁵O, ¹⁷F: lifetimes ≤ ~1 yr in burning regions) are in equilibrium; ¹³C, ¹⁵N and ¹⁷O are explicit because
/// their proton-capture lifetimes exceed evolutionary time steps below ~1.5×10⁷ K (¹²C/¹³C and ¹⁷O after dredge-up).
public enum HydrogenBurningSpecies: Int, CaseIterable, Sendable {
    case h1, he3, he4, c12, c13, n14, n15, o16, o17

    /// Proton number Z.
    public var charge: Double { Self.charges[rawValue] }
    /// Mass number A (Yᵢ = Xᵢ/Aᵢ, the convention of `Microphysics.Composition`).
    public var massNumber: Double { Self.massNumbers[rawValue] }

    static let charges: [Double] = [1, 2, 2, 6, 6, 7, 7, 8, 8]
    static let massNumbers: [Double] = [1, 3, 4, 12, 13, 14, 15, 16, 17]
    static let count = 9
}

/// Mass fractions of the network's nuclei plus the mass fraction of the other metals (not burnt; counted
/// with Z/A = 1/2 in Yₑ). The mass fractions should sum with `otherMetals` to 1 (checked to 10⁻⁶ in `evaluate`).
public struct HydrogenBurningAbundances: Sendable, Equatable {
    public var massFractions: InlineArray<9, Double>
    public var otherMetals: Double

    public init(h1: Double, he3: Double = 0, he4: Double, c12: Double, c13: Double = 0, n14: Double, n15: Double = 0,
                o16: Double, o17: Double = 0, otherMetals: Double) {
        massFractions = [h1, he3, he4, c12, c13, n14, n15, o16, o17]
        self.otherMetals = otherMetals
    }

    public subscript(_ s: HydrogenBurningSpecies) -> Double {
        get { massFractions[s.rawValue] }
        set { massFractions[s.rawValue] = newValue }
    }

    /// Electrons per baryon Yₑ = Σ ZᵢXᵢ/Aᵢ + X_other/2.
    public var electronFraction: Double {
        var ye = 0.5 * otherMetals
        for i in 0..<HydrogenBurningSpecies.count {
            ye += massFractions[i] * HydrogenBurningSpecies.charges[i] / HydrogenBurningSpecies.massNumbers[i]
        }
        return ye
    }

    public static func == (l: Self, r: Self) -> Bool {
        guard l.otherMetals == r.otherMetals else { return false }
        for i in 0..<HydrogenBurningSpecies.count where l.massFractions[i] != r.massFractions[i] { return false }
        return true
    }
}

/// Errors of the hydrogen-burning physics: the quantity, its value and the allowed domain.
public enum HydrogenBurningError: Error, CustomStringConvertible, Equatable, Sendable {
    case outOfRange(quantity: String, value: Double, allowed: String)
    case unsupportedScreening(String)

    public var description: String {
        switch self {
        case let .outOfRange(q, v, a): return "\(q) = \(v) is outside the allowed range \(a)"
        case let .unsupportedScreening(m): return "screening model \(m) is not available in the hydrogen-burning hot path (use chugunov2007 or none)"
        }
    }
}
