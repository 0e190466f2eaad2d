import Foundation

/// An observed absolute I-band magnitude of the red-giant-branch tip, with the population it applies to.
/// Read from `StellarModels/trgb/calibrations.json`; adding a calibration is adding an entry there.
public struct Calibration: Decodable, Sendable, Equatable {
    /// Short name used on the command line (`--calibration m5`).
    public var name: String
    /// What was observed (cluster or galaxy) and how the distance was set.
    public var object: String
    public var summary: String
    /// Observed M_I^TRGB (mag), its statistical and systematic errors (mag).
    public var mI: Double
    public var statError: Double
    public var sysError: Double
    /// Metallicity [Fe/H] of the tip stars, its uncertainty, and [α/Fe] (dex).
    public var feh: Double
    public var fehError: Double
    public var alphaFe: Double
    /// Observed (V−I)₀ of the tip, if given; otherwise the tip-colour relation of the model file is used.
    public var tipColourVI: Double?
    /// Where the number comes from; whether it was read in that paper (`confirmed`) or second-hand.
    public var source: String
    public var confirmed: Bool
    public var note: String?
    /// A published bound derived from this calibration, to reproduce (optional).
    public var publishedLimits: [PublishedLimit]?
    /// A published bound on the axion–electron coupling from this calibration (g₁₃ at its CL; optional).
    public var publishedAxionLimits: [PublishedAxionLimit]?

    public struct PublishedLimit: Decodable, Sendable, Equatable {
        public var cl: Double
        public var mu12: Double
        public var source: String
    }

    public struct PublishedAxionLimit: Decodable, Sendable, Equatable {
        public var cl: Double
        public var g13: Double
        public var source: String
    }

    /// The published limits on a coupling's x, as (CL, x, source); none for the millicharge.
    public func published(_ coupling: Coupling) -> [(cl: Double, x: Double, source: String)] {
        switch coupling {
        case .magneticMoment: (publishedLimits ?? []).map { ($0.cl, $0.mu12, $0.source) }
        case .millicharge: []
        case .axionElectron: (publishedAxionLimits ?? []).map { ($0.cl, $0.g13, $0.source) }
        }
    }

    /// σ_obs = √(stat² + sys²) in mag.
    public var observedError: Double { (statError * statError + sysError * sysError).squareRoot() }

    /// The file's top level.
    public struct File: Decodable, Sendable {
        public var description: String
        public var defaultCalibrations: [String]
        public var calibrations: [Calibration]

        public var names: [String] { calibrations.map(\.name) }

        /// Entries by name, in any case ("all" gives every entry); unknown names list the valid ones.
        public func select(_ name: String) throws -> [Calibration] {
            if name.lowercased() == "all" { return calibrations }
            if name.lowercased() == "default" { return try defaultCalibrations.flatMap { try select($0) } }
            guard let c = calibrations.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw TRGBError.unknownCalibration(name: name, available: names)
            }
            return [c]
        }

        /// Checks every entry; errors name the file, the entry and the field.
        public func check(file: String) throws {
            var seen = Set<String>()
            for c in calibrations {
                func need(_ ok: Bool, _ field: String, _ reason: String) throws {
                    if !ok { throw TRGBError.invalidData(file: file, entry: c.name, field: field, reason: reason) }
                }
                try need(!c.name.isEmpty && !seen.contains(c.name), "name", "must be non-empty and unique")
                seen.insert(c.name)
                try need(c.mI.isFinite && c.mI > -6 && c.mI < -2, "m_i", "must lie in (−6, −2) mag")
                try need(c.statError.isFinite && c.statError >= 0 && c.statError < 1, "stat_error", "must lie in [0, 1) mag")
                try need(c.sysError.isFinite && c.sysError >= 0 && c.sysError < 1, "sys_error", "must lie in [0, 1) mag")
                try need(c.observedError > 0, "stat_error", "stat_error and sys_error cannot both be 0")
                try need(c.feh.isFinite && c.feh >= -3 && c.feh <= 0.5, "feh", "must lie in [−3, 0.5] dex")
                try need(c.fehError.isFinite && c.fehError >= 0 && c.fehError <= 1, "feh_error", "must lie in [0, 1] dex")
                try need(c.alphaFe.isFinite && c.alphaFe >= -0.2 && c.alphaFe <= 0.8, "alpha_fe", "must lie in [−0.2, 0.8] dex")
                if let v = c.tipColourVI { try need(v.isFinite && v > 0.8 && v < 3.5, "tip_colour_vi", "must lie in (0.8, 3.5) mag") }
                try need(!c.source.isEmpty, "source", "must name the paper")
                for (i, p) in (c.publishedLimits ?? []).enumerated() {
                    try need(p.cl > 0 && p.cl < 1, "published_limits[\(i)].cl", "must lie in (0, 1)")
                    try need(p.mu12 > 0 && p.mu12.isFinite, "published_limits[\(i)].mu12", "must be > 0")
                }
                for (i, p) in (c.publishedAxionLimits ?? []).enumerated() {
                    try need(p.cl > 0 && p.cl < 1, "published_axion_limits[\(i)].cl", "must lie in (0, 1)")
                    try need(p.g13 > 0 && p.g13.isFinite, "published_axion_limits[\(i)].g13", "must be > 0")
                }
            }
            for d in defaultCalibrations where !seen.contains(d) {
                throw TRGBError.invalidData(file: file, entry: "default_calibrations", field: d, reason: "names no calibration")
            }
        }
    }

    public static let relativePath = "trgb/calibrations.json"
}
