/// The metal mixture of the opacity tables.
public enum OpacityMixture: String, Sendable, CaseIterable {
    /// Grevesse & Sauval (1998) scaled-solar metals (OPAL `GS98hz`, Ferguson et al. 2005 `gs98`).
    case gs98
    /// The same with α elements (O, Ne, Mg, Si, S, Ar, Ca, Ti) enhanced by [α/Fe] = +0.4 at fixed Z.
    case gs98AlphaEnhanced = "gs98-afe+0.4"

    /// Folder and file prefix of the OPAL and Ferguson families under `StellarModels/opacity/`.
    var opalPrefix: String { self == .gs98 ? "gs98" : "gs98_aFe_p4" }
    var lowTPrefix: String { self == .gs98 ? "lowT_fa05_gs98" : "lowT_fa05_gs98_aFe_p4" }
}

/// An opacity and its logarithmic derivatives at fixed composition.
public struct OpacityValue: Sendable, Equatable {
    /// κ in cm² g⁻¹.
    public var kappa: Double
    /// (∂ ln κ / ∂ ln ρ) at constant T, X, Z.
    public var dlnKappaDlnRho: Double
    /// (∂ ln κ / ∂ ln T) at constant ρ, X, Z.
    public var dlnKappaDlnT: Double
    /// True when log R lay above the tables' top (log R = +1) and κ_rad was continued linearly in log R
    /// (see `OpacityTables.radiative`); the value is then a documented extrapolation, not table data.
    public var extrapolated: Bool

    public init(kappa: Double, dlnKappaDlnRho: Double, dlnKappaDlnT: Double, extrapolated: Bool) {
        self.kappa = kappa
        self.dlnKappaDlnRho = dlnKappaDlnRho
        self.dlnKappaDlnT = dlnKappaDlnT
        self.extrapolated = extrapolated
    }
}

/// Radiative, conductive and combined opacity, 1/κ = 1/κ_rad + 1/κ_cond.
public struct OpacityTotal: Sendable, Equatable {
    /// The combined opacity with its derivatives; `extrapolated` repeats the radiative flag.
    public var total: OpacityValue
    public var radiative: OpacityValue
    /// Electron conduction (Microphysics `ConductiveOpacity`, evaluated by `OpacityConductionIons`); exact derivatives.
    public var conductive: OpacityValue
}

/// Precomputed interpolation weights for one (X, Z), from `OpacityTables.compositionWeights(x:z:)`.
/// In a Newton iteration a shell's (X, Z) is fixed, so the caller can compute these once and reuse them.
/// Sixteen (table, weight) pairs: 4 Z nodes × 4 X nodes, the products of the 1-D Hermite weights.
public struct OpacityCompositionWeights: Sendable, Equatable {
    public let x: Double
    public let z: Double
    var table: SIMD16<Int32>
    var weight: SIMD16<Double>
}
