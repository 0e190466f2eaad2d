import Foundation
import ModelData

/// Published limits on the neutrino magnetic moment, read from
/// `StellarModels/laboratory/magnetic-moment-limits.json`: laboratory (reactor, solar, accelerator) and
/// astrophysical, each with experiment, year, neutrino source, baseline, threshold, CL and reference.
public struct MomentLimitCatalog: Decodable, Sendable {
    public struct Entry: Decodable, Sendable {
        public var name: String
        public var experiment: String
        public var year: Int
        /// laboratory, astrophysical or projection.
        public var kind: String
        /// The neutrinos seen (`EffectiveMoments.Beam` raw value).
        public var beam: String
        /// For solar experiments: the component dominating the signal (pp, 7be, 8b).
        public var solarComponent: String?
        public var baselineM: Double?
        public var thresholdKev: Double?
        public var target: String?
        /// Upper limit on μ_eff (or on μν for astrophysical limits) in μ_B.
        public var limitMuB: Double
        /// Confidence level in (0, 1), or nil where none is given.
        public var cl: Double?
        public var reference: String
        /// Whether the number was read in the source itself.
        public var confirmed: Bool
        public var note: String?

        public var beamKind: EffectiveMoments.Beam? { EffectiveMoments.Beam(rawValue: beam) }
    }

    /// A solar component's representative energy (MeV) and production electron density (N_A cm⁻³).
    public struct SolarComponent: Decodable, Sendable {
        public var name: String
        public var energyMev: Double
        public var electronDensityNa: Double
        public var source: String
    }

    public var description: String
    public var solarComponents: [SolarComponent]
    public var limits: [Entry]

    public static let relativePath = "laboratory/magnetic-moment-limits.json"
    public static let kinds = ["laboratory", "astrophysical", "projection"]

    public var names: [String] { limits.map(\.name) }

    public func solarComponent(_ name: String?) -> SolarComponent? {
        solarComponents.first { $0.name == (name ?? "7be") }
    }

    public func check(file: String) throws {
        for (i, e) in limits.enumerated() {
            let entry = "limits[\(i)] (\(e.name))"
            func need(_ ok: Bool, _ field: String, _ reason: String) throws {
                if !ok { throw LaboratoryError.invalidData(file: file, entry: entry, field: field, reason: reason) }
            }
            try need(names.filter { $0 == e.name }.count == 1, "name", "must be unique")
            try need(e.limitMuB.isFinite && e.limitMuB > 0 && e.limitMuB < 1e-5, "limit_mu_b", "must lie in (0, 1e-5) μ_B")
            try need(Self.kinds.contains(e.kind), "kind", "must be one of \(Self.kinds.joined(separator: ", "))")
            try need(e.beamKind != nil, "beam", "must be one of \(EffectiveMoments.Beam.allCases.map(\.rawValue).joined(separator: ", "))")
            try need(e.beamKind != .solarNuE || solarComponent(e.solarComponent) != nil, "solar_component",
                     "must name one of \(solarComponents.map(\.name).joined(separator: ", "))")
            try need(e.cl.map { $0 > 0 && $0 < 1 } ?? true, "cl", "must lie in (0, 1) or be null")
            try need((1950...2100).contains(e.year), "year", "must lie in [1950, 2100]")
            try need(e.baselineM.map { $0.isFinite && $0 > 0 } ?? true, "baseline_m", "must be > 0")
            try need(e.thresholdKev.map { $0.isFinite && $0 >= 0 } ?? true, "threshold_kev", "must be ≥ 0")
            try need(!e.reference.isEmpty, "reference", "must not be empty")
        }
    }

    public static func load(from directory: DataDirectory) throws -> MomentLimitCatalog {
        let c = try directory.load(MomentLimitCatalog.self, from: relativePath)
        try c.check(file: directory.url.appendingPathComponent(relativePath).path)
        return c
    }
}
