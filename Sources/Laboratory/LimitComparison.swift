import Foundation

/// Every magnetic-moment limit side by side, with what each constrains, and, for a moment matrix, whether
/// the matrix passes it and how far each laboratory reaches compared with the stellar limit.
///
/// A matrix direction λ̂ (normalised to Σ(|μ|² + |ε|²) = 1) scaled by s gives each experiment
/// μ_eff = s μ_eff(λ̂), so its limit L bounds s < L / μ_eff(λ̂); the stars bound s < L_star directly. The
/// reach ratio (L / μ_eff(λ̂)) / L_star is > 1 where the laboratory is weaker than the stars for that
/// direction, and infinite where the experiment does not see the direction at all.
public struct LimitComparison: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var experiment: String
        public var year: Int?
        public var kind: String
        public var beam: EffectiveMoments.Beam
        /// Upper limit in μ_B.
        public var limit: Double
        public var cl: Double?
        public var reference: String
        public var confirmed: Bool
        public var computed: Bool
        /// For a matrix: its effective moment for this beam (μ_B), whether it is below the limit, and the
        /// reach ratio defined above (nil for the stellar rows themselves or without a matrix).
        public var matrixMoment: Double?
        public var passes: Bool?
        public var reachRatio: Double?
    }

    public var rows: [Row]
    /// The stellar limit the reach ratios refer to (μ_B).
    public var stellarReference: Double?

    /// - Parameters:
    ///   - computedStellar: this tool's limit on μν (μ_B) with its label, or nil.
    ///   - moments: a moment matrix (units of 10⁻¹² μ_B), or nil.
    public init(catalog: MomentLimitCatalog, computedStellar: (name: String, limit: Double, cl: Double?)?, moments: EffectiveMoments?) {
        var rows = catalog.limits.map { e in
            Row(name: e.name, experiment: e.experiment, year: e.year, kind: e.kind, beam: e.beamKind ?? .stellar, limit: e.limitMuB,
                cl: e.cl, reference: e.reference, confirmed: e.confirmed, computed: false)
        }
        if let s = computedStellar {
            rows.append(Row(name: s.name, experiment: "stellarbound: TRGB, this tool's bound extractor", year: nil, kind: "astrophysical",
                            beam: .stellar, limit: s.limit, cl: s.cl, reference: "computed (stellarbound bound)", confirmed: true, computed: true))
        }
        stellarReference = computedStellar?.limit
        if let m = moments {
            let norm = m.squared(.stellar).squareRoot()
            for i in rows.indices {
                let e = catalog.limits.first { $0.name == rows[i].name }
                let solar = catalog.solarComponent(e?.solarComponent)
                let value = m.value(rows[i].beam, energyMeV: solar?.energyMev ?? 0.862, electronDensityNA: solar?.electronDensityNa ?? 90) * 1e-12
                rows[i].matrixMoment = value
                rows[i].passes = value < rows[i].limit
                if let star = stellarReference, rows[i].beam != .stellar, norm > 0 {
                    let unit = value / (norm * 1e-12)   // μ_eff(λ̂) per unit stellar norm
                    rows[i].reachRatio = unit > 0 ? (rows[i].limit / unit) / star : .infinity
                }
            }
        }
        self.rows = rows.sorted { $0.limit < $1.limit }
    }
}
