/// Laboratory against stellar limits on the neutrino magnetic moment as `stellarbound compare --json` writes
/// them: the stellar limit the reach ratios refer to, the tested moment matrix, and every limit, strongest first.
///
/// This is the documented output contract (Docs/output-contract.md, "compare"): the coding keys are the JSON
/// keys, snake_case with their units, and may be added to but never renamed. Every key is always present
/// (`null` where the documentation says so). Write it with `OutputContract.ContractJSON.encode`, which refuses
/// a non-finite number.
public struct CompareReport: Sendable, Encodable {
    /// The stellar limit on μ₁₂ (10⁻¹² μ_B) and its CL (nil when given on the command line).
    public var stellarLimitMu12: Double, stellarCL: Double?
    /// Computed by the bound extractor now (true) or given (false).
    public var stellarLimitComputed: Bool
    public var stellarCalibrations: [StellarCalibration]
    /// The PMNS entry used.
    public var pmns: String
    public var matrix: Matrix?
    public var limits: [Limit]
    /// 3eG_F/(8√2π²) in μ_B per eV of neutrino mass (Fujikawa & Shrock 1980).
    public var standardModelDiracMoment: Double
    /// Wall-clock time (s).
    public var seconds: Double

    /// The report of `comparison` against the stellar limit `stellarLimitMu12` (per calibration when computed),
    /// for the moment matrix `moments` described by `description` (nil: no matrix).
    public init(_ comparison: LimitComparison, stellarLimitMu12: Double, stellarCL: Double?, stellarLimitComputed: Bool,
                stellarCalibrations: [StellarCalibration], moments: EffectiveMoments?, description: String?, pmns: String,
                standardModelDiracMoment: Double, seconds: Double) {
        self.stellarLimitMu12 = stellarLimitMu12
        self.stellarCL = stellarCL
        self.stellarLimitComputed = stellarLimitComputed
        self.stellarCalibrations = stellarCalibrations
        self.pmns = pmns
        matrix = moments.map {
            Matrix(description: description ?? "", majorana: $0.majorana, muNuStellar: $0.squared(.stellar).squareRoot() * 1e-12)
        }
        limits = comparison.rows.map(Limit.init)
        self.standardModelDiracMoment = standardModelDiracMoment
        self.seconds = seconds
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case command, stellarLimitMu12 = "stellar_limit_mu12", stellarLimitMuB = "stellar_limit_mu_b", stellarCL = "stellar_cl"
        case stellarLimitComputed = "stellar_limit_computed", stellarCalibrations = "stellar_calibrations", pmns, matrix
        case limits, standardModelDiracMoment = "standard_model_dirac_moment_mu_b_per_ev", seconds
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("compare", forKey: .command)
        try c.encode(stellarLimitMu12, forKey: .stellarLimitMu12)
        try c.encode(stellarLimitMu12 * 1e-12, forKey: .stellarLimitMuB)   // μ₁₂ is in units of 10⁻¹² μ_B
        try c.encode(stellarCL, forKey: .stellarCL)                         // null when given
        try c.encode(stellarLimitComputed, forKey: .stellarLimitComputed)
        try c.encode(stellarCalibrations, forKey: .stellarCalibrations)
        try c.encode(pmns, forKey: .pmns)
        try c.encode(matrix, forKey: .matrix)                               // null without a matrix
        try c.encode(limits, forKey: .limits)
        try c.encode(standardModelDiracMoment, forKey: .standardModelDiracMoment)
        try c.encode(seconds, forKey: .seconds)
    }

    /// One calibration's Bayesian limit on μ₁₂ (10⁻¹² μ_B) behind a computed stellar limit.
    public struct StellarCalibration: Sendable, Encodable {
        public var calibration: String, mu12Limit: Double

        public init(calibration: String, mu12Limit: Double) {
            self.calibration = calibration
            self.mu12Limit = mu12Limit
        }

        public enum CodingKeys: String, CodingKey, CaseIterable { case calibration, mu12Limit = "mu12_limit" }
    }

    /// The tested moment matrix: where it comes from, its type, and the μν stars see (μ_B).
    public struct Matrix: Sendable, Encodable {
        public var description: String, majorana: Bool, muNuStellar: Double

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case description, majorana, muNuStellar = "mu_nu_stellar_mu_b"
        }
    }

    /// One limit (μ_B) with what its experiment sees, and, for a matrix, what the matrix gives there.
    public struct Limit: Sendable, Encodable {
        public var name: String, experiment: String, year: Int?, kind: String
        /// The beam's raw name and the formula of the effective moment it constrains.
        public var beam: String, constrains: String
        public var limit: Double, cl: Double?, reference: String
        public var confirmed: Bool, computed: Bool
        /// nil without a matrix; the reach ratio is also nil for the stellar rows and for a blind experiment.
        public var matrixMoment: Double?, passes: Bool?, reachRatio: Double?

        public init(_ r: LimitComparison.Row) {
            name = r.name
            experiment = r.experiment
            year = r.year
            kind = r.kind
            beam = r.beam.rawValue
            constrains = r.beam.quantity
            limit = r.limit
            cl = r.cl
            reference = r.reference
            confirmed = r.confirmed
            computed = r.computed
            matrixMoment = r.matrixMoment
            passes = r.passes
            reachRatio = r.reachRatio.flatMap { $0.isFinite ? $0 : nil }   // infinite: the experiment is blind to it
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case name, experiment, year, kind, beam, constrains, limit = "limit_mu_b", cl, reference, confirmed, computed
            case matrixMoment = "matrix_moment_mu_b", passes, reachRatio = "reach_ratio"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(experiment, forKey: .experiment)
            try c.encode(year, forKey: .year)
            try c.encode(kind, forKey: .kind)
            try c.encode(beam, forKey: .beam)
            try c.encode(constrains, forKey: .constrains)
            try c.encode(limit, forKey: .limit)
            try c.encode(cl, forKey: .cl)
            try c.encode(reference, forKey: .reference)
            try c.encode(confirmed, forKey: .confirmed)
            try c.encode(computed, forKey: .computed)
            try c.encode(matrixMoment, forKey: .matrixMoment)
            try c.encode(passes, forKey: .passes)
            try c.encode(reachRatio, forKey: .reachRatio)
        }
    }
}
