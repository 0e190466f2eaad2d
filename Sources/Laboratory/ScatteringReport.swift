/// ν–e elastic scattering as `stellarbound scattering --json` writes it: the source, target and couplings, the
/// counting projection at each threshold, and the recoil spectra.
///
/// This is the documented output contract (Docs/output-contract.md, "scattering"): the coding keys are the JSON
/// keys, snake_case with their units, and may be added to but never renamed. Every key is always present
/// (`flux_cm2_s` is `null` for the solar source). Write it with `OutputContract.ContractJSON.encode`, which
/// refuses a non-finite number.
public struct ScatteringReport: Sendable, Encodable {
    /// `reactor` or `solar`; `ge`, `xe` or `free`.
    public var source: String, target: String
    /// Total reactor ν̄e flux (cm⁻² s⁻¹); nil for the solar source.
    public var flux: Double?
    /// The spectra's magnetic moment (10⁻¹² μ_B), charge (e) and charge radius ⟨r²⟩ (cm²).
    public var mu12: Double, charge: Double, chargeRadius: Double
    /// The projection's window top (keV), exposure (kg day), flat background (counts keV⁻¹ kg⁻¹ day⁻¹) and CL.
    public var windowMax: Double, exposure: Double, background: Double, cl: Double
    public var projections: [Projection]
    public var spectrum: [SpectrumPoint]

    public init(source: String, target: String, flux: Double?, mu12: Double, charge: Double, chargeRadius: Double,
                windowMax: Double, exposure: Double, background: Double, cl: Double,
                projections: [Projection], spectrum: [SpectrumPoint]) {
        self.source = source
        self.target = target
        self.flux = flux
        self.mu12 = mu12
        self.charge = charge
        self.chargeRadius = chargeRadius
        self.windowMax = windowMax
        self.exposure = exposure
        self.background = background
        self.cl = cl
        self.projections = projections
        self.spectrum = spectrum
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case command, source, target, flux = "flux_cm2_s", mu12, charge = "charge_e", chargeRadius = "charge_radius_cm2"
        case windowMax = "window_max_kev", exposure = "exposure_kg_day", background = "background_per_kev_kg_day", cl
        case projections, spectrum
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("scattering", forKey: .command)
        try c.encode(source, forKey: .source)
        try c.encode(target, forKey: .target)
        try c.encode(flux, forKey: .flux)             // null for the solar source
        try c.encode(mu12, forKey: .mu12)
        try c.encode(charge, forKey: .charge)
        try c.encode(chargeRadius, forKey: .chargeRadius)
        try c.encode(windowMax, forKey: .windowMax)
        try c.encode(exposure, forKey: .exposure)
        try c.encode(background, forKey: .background)
        try c.encode(cl, forKey: .cl)
        try c.encode(projections, forKey: .projections)
        try c.encode(spectrum, forKey: .spectrum)
    }

    /// The counting projection at one threshold (keV): weak, background and magnetic counts at the reference
    /// moment (μ_B), and the reach on μν (μ_B).
    public struct Projection: Sendable, Encodable {
        public var threshold: Double
        public var weakCounts: Double, backgroundCounts: Double, magneticCountsReference: Double
        public var referenceMoment: Double, reach: Double

        public init(threshold: Double, _ r: CountingProjection.Result) {
            self.threshold = threshold
            weakCounts = r.weakCounts
            backgroundCounts = r.backgroundCounts
            magneticCountsReference = r.magneticCountsReference
            referenceMoment = r.referenceMoment
            reach = r.reach
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case threshold = "threshold_kev", weakCounts = "weak_counts", backgroundCounts = "background_counts"
            case magneticCountsReference = "magnetic_counts_reference", referenceMoment = "reference_moment_mu_b"
            case reach = "reach_mu_b"
        }
    }

    /// dR/dT (counts keV⁻¹ kg⁻¹ day⁻¹) at one recoil energy T (keV): weak, magnetic, and weak with the charge.
    public struct SpectrumPoint: Sendable, Encodable {
        public var recoil: Double, weak: Double, magnetic: Double, weakWithCharge: Double

        public init(recoil: Double, weak: Double, magnetic: Double, weakWithCharge: Double) {
            self.recoil = recoil
            self.weak = weak
            self.magnetic = magnetic
            self.weakWithCharge = weakWithCharge
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case recoil = "recoil_kev", weak = "weak_per_kev_kg_day", magnetic = "magnetic_per_kev_kg_day"
            case weakWithCharge = "weak_with_charge_per_kev_kg_day"
        }
    }
}
