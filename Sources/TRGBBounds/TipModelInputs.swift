import Foundation

/// The inputs that turn a calibration's population into model stars and a tip magnitude, read from
/// `StellarModels/trgb/model.json` (each number with its source there).
///
///     Z = Z☉ · 10^[Fe/H] · (a f_α + b),  f_α = 10^[α/Fe]           Salaris, Chieffi & Straniero 1993 (ApJ 414, 580) eq. 3
///     M_bol = M_bol,☉ − 2.5 log₁₀(L/L☉)                            IAU 2015 Resolution B2 (M_bol,☉ = 4.74)
///     (V−I)₀,tip = c₀ + c₁[Fe/H] + c₂[Fe/H]²                       tip colour relation (entry `tip_colour`)
public struct TipModelInputs: Decodable, Sendable, Equatable {
    public struct Value: Decodable, Sendable, Equatable {
        public var value: Double
        public var source: String
    }
    public struct Uncertain: Decodable, Sendable, Equatable {
        public var value: Double
        public var error: Double
        public var source: String
    }
    public struct AlphaScaling: Decodable, Sendable, Equatable {
        public var a: Double, b: Double
        public var source: String
    }
    public struct TipColour: Decodable, Sendable, Equatable {
        public var coefficients: [Double]
        public var fehRange: [Double]
        public var scatter: Double
        public var source: String
    }
    public struct Systematics: Decodable, Sendable, Equatable {
        /// Envelope helium added by the first dredge-up in the "mixing" variation.
        public var dredgeUpHelium: Value
        /// Fractional change of the core-edge temperature coefficient c_T.
        public var edgeTemperatureFraction: Value
        /// Factor on the core-edge pressure coefficient c_P.
        public var edgePressureFactor: Value
        /// μ₁₂ at which each variation is evaluated beside μ₁₂ = 0.
        public var referenceMu12: Value
        /// q₁₄ at which each variation is evaluated beside q₁₄ = 0 (the millicharge bound).
        public var referenceQ14: Value
        /// g₁₃ at which each variation is evaluated beside g₁₃ = 0 (the axion–electron bound).
        public var referenceG13: Value

        /// The reference value of a coupling.
        public func reference(_ coupling: Coupling) -> Double {
            coupling.pick(referenceMu12.value, referenceQ14.value, referenceG13.value)
        }
    }

    /// The whole-star engine's tracks (`WholeStarTracks`): its own, shorter coupling grids (a track takes minutes),
    /// Reimers' η of the standard star and of its one-sided variation, and the mixing length's range about the solar
    /// calibration.
    public struct WholeStar: Decodable, Sendable, Equatable {
        public var mu12Grid: [Double], q14Grid: [Double], g13Grid: [Double]
        /// Reimers η of every standard track, and the η of the budget's wind variation.
        public var reimersEta: Value, reimersEtaVariation: Value
        /// α_MLT is the stored solar calibration's; the budget varies it by ± this.
        public var mixingLengthDelta: Value
        public var source: String

        /// The nodes of a coupling's tip curve.
        public func grid(_ coupling: Coupling) -> [Double] {
            coupling.pick(mu12Grid, q14Grid, g13Grid)
        }
    }

    public var description: String
    public var mbolSun: Value
    public var zSun: Value
    public var alphaScaling: AlphaScaling
    public var helium: Uncertain
    public var mass: Uncertain
    public var tipColour: TipColour
    public var bolometricCorrections: String
    public var alternativeBolometricCorrections: String?
    public var systematics: Systematics
    /// μ₁₂ nodes of the tip curve M_I(μ₁₂).
    public var mu12Grid: [Double]
    /// q₁₄ nodes of the tip curve M_I(q₁₄) (the millicharge bound).
    public var q14Grid: [Double]
    /// g₁₃ nodes of the tip curve M_I(g₁₃) (the axion–electron bound).
    public var g13Grid: [Double]

    /// The whole-star engine's settings.
    public var wholeStar: WholeStar

    /// The nodes of a coupling's tip curve.
    public func grid(_ coupling: Coupling) -> [Double] {
        coupling.pick(mu12Grid, q14Grid, g13Grid)
    }

    /// The nodes of a coupling's tip curve for an engine.
    public func grid(_ coupling: Coupling, engine: TrackEngine) -> [Double] {
        engine == .core ? grid(coupling) : wholeStar.grid(coupling)
    }

    public static let relativePath = "trgb/model.json"

    /// Metal mass fraction for [Fe/H] and [α/Fe] (Salaris et al. 1993).
    public func metallicity(feh: Double, alphaFe: Double) -> Double {
        zSun.value * pow(10, feh) * (alphaScaling.a * pow(10, alphaFe) + alphaScaling.b)
    }

    /// (V−I)₀ of the tip from [Fe/H] (throws outside the relation's range).
    public func tipColour(feh: Double) throws -> Double {
        let r = tipColour.fehRange
        guard feh >= r[0] - 1e-12, feh <= r[1] + 1e-12 else {
            throw TRGBError.outsideTable(table: "tip colour relation (trgb/model.json, tip_colour)", quantity: "[Fe/H]", value: feh, range: r[0]...r[1])
        }
        var v = 0.0
        for c in tipColour.coefficients.reversed() { v = v * feh + c }
        return v
    }

    public func check(file: String) throws {
        func need(_ ok: Bool, _ field: String, _ reason: String) throws {
            if !ok { throw TRGBError.invalidData(file: file, entry: "model", field: field, reason: reason) }
        }
        try need(mbolSun.value > 4 && mbolSun.value < 5.5, "mbol_sun.value", "must lie in (4, 5.5)")
        try need(zSun.value > 0.005 && zSun.value < 0.03, "z_sun.value", "must lie in (0.005, 0.03)")
        try need(helium.value > 0.2 && helium.value < 0.4 && helium.error >= 0, "helium", "value in (0.2, 0.4), error ≥ 0")
        try need(mass.value >= 0.7 && mass.value < 2 && mass.error >= 0, "mass", "value in [0.7, 2), error ≥ 0")
        try need(!tipColour.coefficients.isEmpty && tipColour.fehRange.count == 2 && tipColour.fehRange[0] < tipColour.fehRange[1],
                 "tip_colour", "needs coefficients and feh_range [low, high]")
        try need(tipColour.scatter >= 0, "tip_colour.scatter", "must be ≥ 0")
        for (g, key) in [(mu12Grid, "mu12_grid"), (q14Grid, "q14_grid"), (g13Grid, "g13_grid")] {
            try need(g.count >= 4 && g.first == 0 && zip(g, g.dropFirst()).allSatisfy { $0 < $1 },
                     key, "needs ≥ 4 increasing nodes starting at 0")
        }
        for (g, key) in [(wholeStar.mu12Grid, "whole_star.mu12_grid"), (wholeStar.q14Grid, "whole_star.q14_grid"),
                         (wholeStar.g13Grid, "whole_star.g13_grid")] {
            try need(g.count >= 4 && g.first == 0 && zip(g, g.dropFirst()).allSatisfy { $0 < $1 },
                     key, "needs ≥ 4 increasing nodes starting at 0")
        }
        for c in Coupling.allCases {
            try need(wholeStar.grid(c).contains(systematics.reference(c)), "whole_star.\(c.pick("mu12", "q14", "g13"))_grid",
                     "must contain the reference value \(systematics.reference(c)) (its track is a node, not an extra track)")
        }
        try need(wholeStar.reimersEta.value >= 0 && wholeStar.reimersEta.value <= 2, "whole_star.reimers_eta", "must lie in [0, 2]")
        try need(wholeStar.reimersEtaVariation.value >= 0 && wholeStar.reimersEtaVariation.value <= 2
                 && wholeStar.reimersEtaVariation.value != wholeStar.reimersEta.value,
                 "whole_star.reimers_eta_variation", "must lie in [0, 2] and differ from reimers_eta")
        try need(wholeStar.mixingLengthDelta.value > 0 && wholeStar.mixingLengthDelta.value < 1,
                 "whole_star.mixing_length_delta", "must lie in (0, 1)")
        try need(systematics.referenceMu12.value > 0 && systematics.referenceMu12.value <= mu12Grid.last!,
                 "systematics.reference_mu12", "must lie in (0, last mu12_grid node]")
        try need(systematics.referenceQ14.value > 0 && systematics.referenceQ14.value <= q14Grid.last!,
                 "systematics.reference_q14", "must lie in (0, last q14_grid node]")
        try need(systematics.referenceG13.value > 0 && systematics.referenceG13.value <= g13Grid.last!,
                 "systematics.reference_g13", "must lie in (0, last g13_grid node]")
        try need(systematics.edgePressureFactor.value > 0, "systematics.edge_pressure_factor", "must be > 0")
    }
}
