import Foundation
import ModelData

/// Published limits on the neutrino millicharge, read from `StellarModels/millicharge/charge-limits.json`,
/// each with its method, year, confidence level and reference; shown beside the limits this tool computes.
public struct ChargeLimitCatalog: Decodable, Sendable {
    public struct Entry: Decodable, Sendable {
        public var name: String
        /// laboratory, astrophysical or projection.
        public var kind: String
        /// |q_ν| < limit, in units of e₀.
        public var limitE0: Double
        /// Confidence level in (0, 1), or nil where the source gives none.
        public var cl: Double?
        public var year: Int
        /// What is measured or argued.
        public var method: String
        public var reference: String
        /// Whether the number was read in the source itself (false: second-hand, see the note).
        public var confirmed: Bool
        public var note: String?
    }

    public var description: String
    public var limits: [Entry]

    public static let relativePath = "millicharge/charge-limits.json"
    public static let kinds = ["laboratory", "astrophysical", "projection"]

    public func check(file: String) throws {
        for (i, e) in limits.enumerated() {
            let entry = "limits[\(i)] (\(e.name))"
            func need(_ ok: Bool, _ field: String, _ reason: String) throws {
                if !ok { throw MillichargeError.invalidData(file: file, entry: entry, field: field, reason: reason) }
            }
            try need(e.limitE0.isFinite && e.limitE0 > 0 && e.limitE0 < 1, "limit_e0", "must lie in (0, 1)")
            try need(Self.kinds.contains(e.kind), "kind", "must be one of \(Self.kinds.joined(separator: ", "))")
            try need(e.cl.map { $0 > 0 && $0 < 1 } ?? true, "cl", "must lie in (0, 1) or be null")
            try need((1900...2100).contains(e.year), "year", "must lie in [1900, 2100]")
            try need(!e.reference.isEmpty, "reference", "must not be empty")
        }
    }

    public static func load(from directory: DataDirectory) throws -> ChargeLimitCatalog {
        let c = try directory.load(ChargeLimitCatalog.self, from: relativePath)
        try c.check(file: directory.url.appendingPathComponent(relativePath).path)
        return c
    }
}
