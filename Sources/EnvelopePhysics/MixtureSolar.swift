import Foundation
import ModelData

/// The solar heavy-element mixtures, read from `StellarModels/composition/solar-mixtures.json`
/// (log ε = log₁₀(N/N_H) + 12 for H…Zn with standard atomic weights; sources per number in the file).
public enum SolarMixture: String, CaseIterable, Sendable, Codable {
    /// Grevesse & Sauval 1998, Space Sci. Rev. 85, 161: (Z/X)☉ = 0.0229.
    case gs98
    /// Asplund, Grevesse, Sauval & Scott 2009, ARA&A 47, 481: (Z/X)☉ = 0.0181.
    case agss09

    /// The published present-day photospheric (Z/X)☉, the anchor of the [Fe/H] ↔ Z conversion.
    public var publishedZOverX: Double {
        switch self {
        case .gs98: return 0.0229
        case .agss09: return 0.0181
        }
    }

    /// File holding the element abundances, relative to the data directory.
    public static let file = "composition/solar-mixtures.json"
}

/// One element of the mixture table.
public struct MixtureElement: Sendable, Decodable, Equatable {
    public let name: String
    public let charge: Int
    /// Standard atomic weight (u).
    public let atomicWeight: Double
    public let gs98: Double
    public let gs98Source: String
    public let agss09: Double
    public let agss09Source: String

    /// log ε in `mixture`.
    public func logEps(_ mixture: SolarMixture) -> Double { mixture == .gs98 ? gs98 : agss09 }
}

/// The decoded mixture file.
public struct MixtureTable: Sendable, Decodable {
    public let description: String
    public let sources: [String: String]
    public let publishedZOverX: [String: Double]
    public let elements: [MixtureElement]

    /// Loads and checks the file: H first with log ε = 12, charges 1, 2, 3, … without gaps, weights > 0,
    /// log ε finite; a violation is a `ModelDataError.malformed` naming the file and the entry.
    public static func load(dataDirectory: DataDirectory? = nil) throws -> MixtureTable {
        let dir = try dataDirectory ?? DataDirectory.locate()
        let table = try dir.load(MixtureTable.self, from: SolarMixture.file)
        let path = dir.url.appendingPathComponent(SolarMixture.file).path
        for (i, e) in table.elements.enumerated() {
            guard e.charge == i + 1 else {
                throw ModelDataError.malformed(file: path, field: "elements[\(i)] (\(e.name)).charge",
                                               reason: "expected \(i + 1) (elements in order of Z without gaps)")
            }
            guard e.atomicWeight > 0, e.atomicWeight.isFinite, e.gs98.isFinite, e.agss09.isFinite else {
                throw ModelDataError.malformed(file: path, field: "elements[\(i)] (\(e.name))",
                                               reason: "atomic weight must be > 0 and log eps finite")
            }
        }
        guard let h = table.elements.first, h.gs98 == 12, h.agss09 == 12, table.elements.count >= 26 else {
            throw ModelDataError.malformed(file: path, field: "elements",
                                           reason: "must start with H at log eps = 12 and reach at least Fe")
        }
        return table
    }
}

/// Errors of the mixture conversions: the quantity, its value and the allowed domain.
public enum MixtureError: Error, CustomStringConvertible, Equatable, Sendable {
    case outOfRange(quantity: String, value: Double, allowed: String)

    public var description: String {
        switch self {
        case let .outOfRange(q, v, a): return "\(q) = \(v) is outside the allowed range \(a)"
        }
    }
}
