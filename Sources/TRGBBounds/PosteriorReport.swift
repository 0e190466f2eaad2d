import RedGiantCore
/// A posterior of a coupling's x (μ₁₂ by default; q₁₄, g₁₃) for one calibration as `stellarbound posterior --json` writes it: the limits, the priors,
/// each sampled parameter's quantiles and convergence diagnostics, and the interpolation grid's measured error.
///
/// This is the documented output contract (Docs/output-contract.md, "posterior"): the coding keys are the JSON
/// keys, snake_case with their units, and may be added to but never renamed. Keys in x are spelled with the
/// coupling's key (`mu12_limit`, `g13_limit`, `priors.g13`, …), as in `BoundReport`. Write it with
/// `OutputContract.ContractJSON.encode`, which refuses a non-finite number.
public struct PosteriorReport: Sendable, Encodable {
    public var calibration: String
    public var cl: Double
    public var coupling: Coupling
    /// The `cl` quantile of the MCMC samples of x, and the same by quadrature of the marginal posterior.
    public var limit: Double, limitQuadrature: Double
    /// Observed M_I and σ = √(stat² + sys²) (mag).
    public var observedMI: Double, observedMIError: Double
    public var priors: Priors
    /// One entry per sampled parameter, in the order of `PosteriorAnalysis.Result.names`.
    public var parameters: [Parameter]
    public var converged: Bool
    public var walkers: Int, steps: Int, burnIn: Int
    public var acceptance: Double
    /// Theory error at μ₁₂ = 0 of the inputs not sampled (mag).
    public var theoryErrorRestMI: Double
    public var gridStars: Int, interpolationCheckTracks: Int
    /// max |ΔM_I| and rms ΔM_I, interpolated − computed, at the check tracks (mag).
    public var interpolationMaxAbsDeltaMI: Double, interpolationRMSDeltaMI: Double
    public var tracksComputed: Int, threads: Int
    /// Tracks read from the track store instead of computed.
    public var tracksFromStore: Int
    /// With `--grid`: the grid's name and its held-back interpolation error (mag), added to τ in quadrature.
    public var trackGrid: String?, gridInterpolationError: Double?
    /// Wall-clock time (s).
    public var seconds: Double
    /// False when the mass prior reaches above `StarParameters.coreModelValidMassLimit`, where the core-only model's
    /// tip is too bright (the posterior then marginalises over masses the model does not follow).
    public var coreModelMassValid: Bool

    /// The report of `r`, run on `threads` threads in `seconds` of wall time.
    public init(_ r: PosteriorAnalysis.Result, threads: Int, seconds: Double) {
        calibration = r.calibration.name
        cl = r.cl
        coupling = r.coupling
        limit = r.limit
        limitQuadrature = r.limitQuadrature
        observedMI = r.calibration.mI
        observedMIError = r.calibration.observedError
        priors = Priors(r.priors, coupling: r.coupling)
        parameters = r.summaries.indices.map { i in
            let s = r.summaries[i]
            return Parameter(name: s.name, median: s.median, lower68: s.lower68, upper68: s.upper68,
                             autocorrelationSteps: r.autocorrelation[i], rHat: r.rHat[i], effectiveSamples: r.effectiveSamples[i])
        }
        converged = r.converged
        walkers = r.walkers
        steps = r.steps
        burnIn = r.burnIn
        acceptance = r.acceptance
        theoryErrorRestMI = r.theoryErrorRest0
        gridStars = r.gridStars
        interpolationCheckTracks = r.checkTracks
        interpolationMaxAbsDeltaMI = r.interpolationMaxError
        interpolationRMSDeltaMI = r.interpolationRMSError
        tracksComputed = r.tracksComputed
        tracksFromStore = r.tracksFromStore
        trackGrid = r.gridName
        gridInterpolationError = r.gridInterpolationError
        self.threads = threads
        self.seconds = seconds
        coreModelMassValid = r.priors.mass.upperBound <= StarParameters.coreModelValidMassLimit
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case command, calibration, cl, coupling, mu12Limit = "mu12_limit", mu12LimitQuadrature = "mu12_limit_quadrature"
        case q14Limit = "q14_limit", q14LimitQuadrature = "q14_limit_quadrature"
        case g13Limit = "g13_limit", g13LimitQuadrature = "g13_limit_quadrature"
        case observedMI = "observed_m_i", observedMIError = "observed_m_i_error", priors, parameters, converged
        case walkers, steps, burnIn = "burn_in", acceptance, theoryErrorRestMI = "theory_error_rest_m_i"
        case gridStars = "grid_stars", interpolationCheckTracks = "interpolation_check_tracks"
        case interpolationMaxAbsDeltaMI = "interpolation_max_abs_delta_m_i", interpolationRMSDeltaMI = "interpolation_rms_delta_m_i"
        case trackGrid = "track_grid", gridInterpolationError = "grid_interpolation_error_m_i"
        case tracksComputed = "tracks_computed", tracksFromStore = "tracks_from_store", threads, seconds, coreModelMassValid = "core_model_mass_valid"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("posterior", forKey: .command)
        try c.encode(calibration, forKey: .calibration)
        try c.encode(cl, forKey: .cl)
        try c.encode(coreModelMassValid, forKey: .coreModelMassValid)
        try c.encode(coupling.rawValue, forKey: .coupling)
        try c.encode(limit, forKey: coupling.pick(.mu12Limit, .q14Limit, .g13Limit))
        try c.encode(limitQuadrature, forKey: coupling.pick(.mu12LimitQuadrature, .q14LimitQuadrature, .g13LimitQuadrature))
        try c.encode(observedMI, forKey: .observedMI)
        try c.encode(observedMIError, forKey: .observedMIError)
        try c.encode(priors, forKey: .priors)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(converged, forKey: .converged)
        try c.encode(walkers, forKey: .walkers)
        try c.encode(steps, forKey: .steps)
        try c.encode(burnIn, forKey: .burnIn)
        try c.encode(acceptance, forKey: .acceptance)
        try c.encode(theoryErrorRestMI, forKey: .theoryErrorRestMI)
        try c.encode(gridStars, forKey: .gridStars)
        try c.encode(interpolationCheckTracks, forKey: .interpolationCheckTracks)
        try c.encode(interpolationMaxAbsDeltaMI, forKey: .interpolationMaxAbsDeltaMI)
        try c.encode(interpolationRMSDeltaMI, forKey: .interpolationRMSDeltaMI)
        try c.encode(tracksComputed, forKey: .tracksComputed)
        try c.encode(tracksFromStore, forKey: .tracksFromStore)
        try c.encodeIfPresent(trackGrid, forKey: .trackGrid)                        // only with --grid
        try c.encodeIfPresent(gridInterpolationError, forKey: .gridInterpolationError)
        try c.encode(threads, forKey: .threads)
        try c.encode(seconds, forKey: .seconds)
    }

    /// The flat prior ranges, each `[lower, upper]`, and whether Z is flat in log Z or in Z.
    public struct Priors: Sendable, Encodable {
        public var x: [Double], mass: [Double], helium: [Double], metallicity: [Double], dredgeUp: [Double]
        public var coupling: Coupling
        /// `log` (flat in log Z) or `linear` (flat in Z).
        public var zPrior: String

        public init(_ p: PosteriorPriors, coupling: Coupling) {
            func range(_ r: ClosedRange<Double>) -> [Double] { [r.lowerBound, r.upperBound] }
            self.coupling = coupling
            x = range(p.x)
            mass = range(p.mass)
            helium = range(p.helium)
            metallicity = range(p.metallicity)
            dredgeUp = range(p.dredgeUp)
            zPrior = p.zFlat ? "linear" : "log"
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case mu12, q14, g13, mass = "mass_msun", helium = "helium_y", metallicity = "metallicity_z"
            case dredgeUp = "dredge_up_helium", zPrior = "z_prior"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(x, forKey: coupling.pick(.mu12, .q14, .g13))
            try c.encode(mass, forKey: .mass)
            try c.encode(helium, forKey: .helium)
            try c.encode(metallicity, forKey: .metallicity)
            try c.encode(dredgeUp, forKey: .dredgeUp)
            try c.encode(zPrior, forKey: .zPrior)
        }
    }

    /// One sampled parameter: its 16/50/84 % quantiles (in its own units), τ_int (steps), R̂ and the
    /// effective sample size.
    public struct Parameter: Sendable, Encodable {
        public var name: String
        public var median: Double, lower68: Double, upper68: Double
        public var autocorrelationSteps: Double, rHat: Double, effectiveSamples: Double

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case name, median, lower68 = "lower_68", upper68 = "upper_68", autocorrelationSteps = "autocorrelation_steps"
            case rHat = "r_hat", effectiveSamples = "effective_samples"
        }
    }
}
