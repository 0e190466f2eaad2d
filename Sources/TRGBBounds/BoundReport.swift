import NeutrinoMixing

/// The limits of a bound analysis as `stellarbound bound --json` writes them: per calibration and combined, with
/// the standard tip, the tip curve and the systematics budget, and an optional tested hypothesis.
///
/// This is the documented output contract (Docs/output-contract.md, "bound"): the coding keys are the JSON keys,
/// snake_case with their units, and may be added to but never renamed. Keys in the coupling's x are spelled
/// with `mu12` for the magnetic moment, `q14` for the millicharge and `g13` for the axion–electron coupling
/// (`mu12_limit` / `q14_limit` / `g13_limit`, and the physical limit `mu_nu_limit_mu_b` / `q_limit_e0` /
/// `g_ae_limit`): every spelling is a coding key, and the report writes the one of its coupling. `combined` is `null` for one calibration; `tested` is present only when a
/// hypothesis was tested. Write it with `OutputContract.ContractJSON.encode`, which refuses a non-finite number.
public struct BoundReport: Sendable, Encodable {
    public var coupling: Coupling
    public var cl: Double
    /// What the limit is on, in words.
    public var quantity: String
    public var calibrations: [CalibrationEntry]
    public var combined: Combined?
    public var tested: Tested?
    /// The x (μ₁₂ or q₁₄) at which every variation is evaluated besides x = 0.
    public var reference: Double
    public var tracksComputed: Int, threads: Int
    /// Tracks read from the track store instead of computed.
    public var tracksFromStore: Int
    /// With `--grid`: the grid's name and its held-back interpolation error (mag), added to τ in quadrature.
    public var trackGrid: String?, gridInterpolationError: Double?
    /// Wall-clock time (s).
    public var seconds: Double
    /// The engine that computed the tracks: `core` or `whole-star`.
    public var engine: TrackEngine

    /// The report of `report`, with `tests` of `hypothesis` when one was tested, run on `threads` threads in
    /// `seconds` of wall time.
    public init(_ report: BoundAnalysis.Report, hypothesis: MomentHypothesis? = nil, tests: [HypothesisTest]? = nil,
                threads: Int, seconds: Double) {
        coupling = report.coupling
        cl = report.cl
        quantity = Self.quantity(report.coupling)
        calibrations = report.results.map { r in
            var e = CalibrationEntry(r, cl: report.cl, coupling: report.coupling)
            e.limitWithPublishedTheoryError = BoundAnalysis.bayesianLimit(r, grid: report.muGrid, cl: report.cl,
                                                                          theoryError: BoundAnalysis.publishedTheoryError)
            return e
        }
        combined = report.combined.map {
            Combined(calibrations: report.results.map(\.calibration.name), limits: Limits($0, coupling: report.coupling))
        }
        if let hypothesis, let tests { tested = Tested(hypothesis, tests: tests) }
        reference = report.referenceMu12
        tracksComputed = report.tracksComputed
        tracksFromStore = report.tracksFromStore
        trackGrid = report.gridName
        gridInterpolationError = report.gridInterpolationError
        engine = report.engine
        self.threads = threads
        self.seconds = seconds
    }

    /// The `quantity` text of each coupling.
    public static func quantity(_ c: Coupling) -> String {
        c.pick("mu_nu^2 = sum_ij (|mu_ij|^2 + |eps_ij|^2): basis independent (unchanged by any unitary change of the mass or flavour basis); Dirac or Majorana",
               "q_nu^2 = sum_i q_i^2 over Dirac species, q in units of the elementary charge e0",
               "g_ae: the axion-electron Yukawa coupling (alpha_a = g_ae^2/4pi); bremsstrahlung on ions and Compton axions")
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case command, coupling, cl, quantity, calibrations, combined, tested
        case referenceMu12 = "reference_mu12", referenceQ14 = "reference_q14", referenceG13 = "reference_g13"
        case tracksComputed = "tracks_computed", tracksFromStore = "tracks_from_store", threads, seconds
        case trackGrid = "track_grid", gridInterpolationError = "grid_interpolation_error_m_i"
        case engine
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("bound", forKey: .command)
        try c.encode(coupling.rawValue, forKey: .coupling)
        try c.encode(engine.rawValue, forKey: .engine)
        try c.encode(cl, forKey: .cl)
        try c.encode(quantity, forKey: .quantity)
        try c.encode(calibrations, forKey: .calibrations)
        try c.encode(combined, forKey: .combined)             // null for one calibration
        try c.encodeIfPresent(tested, forKey: .tested)       // present only with a tested hypothesis
        try c.encode(reference, forKey: coupling.pick(.referenceMu12, .referenceQ14, .referenceG13))
        try c.encode(tracksComputed, forKey: .tracksComputed)
        try c.encode(tracksFromStore, forKey: .tracksFromStore)
        try c.encodeIfPresent(trackGrid, forKey: .trackGrid)                        // only with --grid
        try c.encodeIfPresent(gridInterpolationError, forKey: .gridInterpolationError)
        try c.encode(threads, forKey: .threads)
        try c.encode(seconds, forKey: .seconds)
    }

    /// The three limits in x and the Bayesian one in physical units (μ_B or e). They are written into the
    /// object that holds them (a calibration, or the combination), not as an object of their own.
    public struct Limits: Sendable, Encodable {
        public var coupling: Coupling
        public var bayesian: Double, deltaChiSquared: Double, feldmanCousins: Double

        public init(_ l: BoundAnalysis.Limits, coupling: Coupling) {
            self.coupling = coupling
            bayesian = l.bayesian
            deltaChiSquared = l.deltaChiSquared
            feldmanCousins = l.feldmanCousins
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case mu12Limit = "mu12_limit", mu12LimitDeltaChi2 = "mu12_limit_delta_chi2"
            case mu12LimitFeldmanCousins = "mu12_limit_feldman_cousins", muNuLimit = "mu_nu_limit_mu_b"
            case q14Limit = "q14_limit", q14LimitDeltaChi2 = "q14_limit_delta_chi2"
            case q14LimitFeldmanCousins = "q14_limit_feldman_cousins", qLimit = "q_limit_e0"
            case g13Limit = "g13_limit", g13LimitDeltaChi2 = "g13_limit_delta_chi2"
            case g13LimitFeldmanCousins = "g13_limit_feldman_cousins", gLimit = "g_ae_limit"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bayesian, forKey: coupling.pick(.mu12Limit, .q14Limit, .g13Limit))
            try c.encode(deltaChiSquared, forKey: coupling.pick(.mu12LimitDeltaChi2, .q14LimitDeltaChi2, .g13LimitDeltaChi2))
            try c.encode(feldmanCousins,
                         forKey: coupling.pick(.mu12LimitFeldmanCousins, .q14LimitFeldmanCousins, .g13LimitFeldmanCousins))
            try c.encode(bayesian * coupling.scale, forKey: coupling.pick(.muNuLimit, .qLimit, .gLimit))
        }
    }

    /// One calibration: its limits, the observation, the standard-model tip, the tip curve and the budget.
    public struct CalibrationEntry: Sendable, Encodable {
        public var calibration: String
        public var cl: Double
        public var limits: Limits
        /// Observed M_I and σ = √(stat² + sys²), the model M_I at x = 0 (mag).
        public var observedMI: Double, observedMIError: Double, predictedMIStandard: Double
        /// Theory error τ at x = 0 and at the reference x (mag).
        public var theoryErrorMI: Double, theoryErrorMIReference: Double
        /// The population: [Fe/H] (dex), Z, Y, M (M☉).
        public var feh: Double, metallicityZ: Double, heliumY: Double, mass: Double
        /// The standard tip: core mass (M☉), log₁₀ L (L☉), M_bol, (V−I)₀ (mag), T_eff (K), log g (cgs), BC_I (mag).
        public var coreMassStandard: Double, logLTipStandard: Double, mBolStandard: Double, tipColourVI: Double
        public var teffTip: Double, loggTip: Double, bcI: Double
        /// Where T_eff came from: `model` (whole star: (V−I)₀ is the model's), `observed` (the calibration's tip
        /// colour) or `relation` (the empirical tip colour at [Fe/H]); and the colour the core engine would assume
        /// (observed, else the relation's; nil outside the relation's range): the cross-check of a model's colour.
        public var tipColourSource: String, tipColourVIRelation: Double?
        /// Whole-star engine only (nil otherwise): the standard track's surface at the tip and its age (Gyr).
        public var surface: TipSurface?, ageTipGyr: Double?
        public var calibrationConfirmed: Bool, source: String
        public var publishedLimits: [PublishedLimit]
        /// The Bayesian limit recomputed from this tip curve with the full-code theory error
        /// `BoundAnalysis.publishedTheoryError` (0.07 mag, Viaux et al. 2013) in place of the budget: the number to set
        /// beside `published_limits` (issue 18 item 9); nil beyond the grid.
        public var limitWithPublishedTheoryError: Double?
        public var tipCurve: [TipPoint]
        public var budget: [BudgetEntry]

        public init(_ r: BoundAnalysis.CalibrationResult, cl: Double, coupling: Coupling) {
            calibration = r.calibration.name
            self.cl = cl
            limits = Limits(r.limits, coupling: coupling)
            observedMI = r.calibration.mI
            observedMIError = r.calibration.observedError
            predictedMIStandard = r.standard.mI
            theoryErrorMI = r.theoryError0
            theoryErrorMIReference = r.theoryErrorRef
            feh = r.photometry.feh
            metallicityZ = r.spec.metallicity
            heliumY = r.spec.helium
            mass = r.spec.mass
            coreMassStandard = r.coreMassStandard
            logLTipStandard = r.logLStandard
            mBolStandard = r.standard.mBol
            tipColourVI = r.standard.colourVI
            teffTip = r.standard.teff
            loggTip = r.standard.logg
            bcI = r.standard.bcI
            tipColourSource = r.surface != nil ? "model" : (r.photometry.colourVI != nil ? "observed" : "relation")
            tipColourVIRelation = r.relationColourVI
            surface = r.surface
            ageTipGyr = r.surface != nil ? r.ageStandard / 1e9 : nil
            calibrationConfirmed = r.calibration.confirmed
            source = r.calibration.source
            // The calibrations' published limits on this coupling (none for the millicharge).
            publishedLimits = r.calibration.published(coupling).map { PublishedLimit(cl: $0.cl, x: $0.x, source: $0.source, coupling: coupling) }
            tipCurve = zip(r.curve.mu12, r.curve.values).map { TipPoint(x: $0, mI: $1, coupling: coupling) }
            budget = r.budget.map { BudgetEntry($0, coupling: coupling) }
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case calibration, cl, observedMI = "observed_m_i", observedMIError = "observed_m_i_error"
            case predictedMIStandard = "predicted_m_i_standard", theoryErrorMI = "theory_error_m_i"
            case theoryErrorMIReferenceMu12 = "theory_error_m_i_reference_mu12"
            case theoryErrorMIReferenceQ14 = "theory_error_m_i_reference_q14"
            case theoryErrorMIReferenceG13 = "theory_error_m_i_reference_g13"
            case feh, metallicityZ = "metallicity_z", heliumY = "helium_y", mass = "mass_msun"
            case coreMassStandard = "core_mass_standard_msun", logLTipStandard = "log_l_tip_standard_lsun"
            case mBolStandard = "m_bol_standard", tipColourVI = "tip_colour_vi", teffTip = "teff_tip_k"
            case loggTip = "logg_tip_cgs", bcI = "bc_i", calibrationConfirmed = "calibration_confirmed", source
            case tipColourSource = "tip_colour_source", tipColourVIRelation = "tip_colour_vi_relation"
            case surface = "whole_star_tip", ageTipGyr = "age_tip_gyr"
            case publishedLimits = "published_limits", tipCurve = "tip_curve", budget
            case mu12LimitPublishedTheoryError = "mu12_limit_published_theory_error"
            case q14LimitPublishedTheoryError = "q14_limit_published_theory_error"
            case g13LimitPublishedTheoryError = "g13_limit_published_theory_error"
            case publishedTheoryErrorMI = "published_theory_error_m_i"
        }

        public func encode(to encoder: any Encoder) throws {
            try limits.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(calibration, forKey: .calibration)
            try c.encode(cl, forKey: .cl)
            try c.encode(observedMI, forKey: .observedMI)
            try c.encode(observedMIError, forKey: .observedMIError)
            try c.encode(predictedMIStandard, forKey: .predictedMIStandard)
            try c.encode(theoryErrorMI, forKey: .theoryErrorMI)
            try c.encode(theoryErrorMIReference,
                         forKey: limits.coupling.pick(.theoryErrorMIReferenceMu12, .theoryErrorMIReferenceQ14,
                                                      .theoryErrorMIReferenceG13))
            try c.encode(feh, forKey: .feh)
            try c.encode(metallicityZ, forKey: .metallicityZ)
            try c.encode(heliumY, forKey: .heliumY)
            try c.encode(mass, forKey: .mass)
            try c.encode(coreMassStandard, forKey: .coreMassStandard)
            try c.encode(logLTipStandard, forKey: .logLTipStandard)
            try c.encode(mBolStandard, forKey: .mBolStandard)
            try c.encode(tipColourVI, forKey: .tipColourVI)
            try c.encode(teffTip, forKey: .teffTip)
            try c.encode(loggTip, forKey: .loggTip)
            try c.encode(bcI, forKey: .bcI)
            try c.encode(tipColourSource, forKey: .tipColourSource)
            try c.encode(tipColourVIRelation, forKey: .tipColourVIRelation)
            try c.encode(surface, forKey: .surface)                // null for the core engine
            try c.encode(ageTipGyr, forKey: .ageTipGyr)            // null for the core engine
            try c.encode(calibrationConfirmed, forKey: .calibrationConfirmed)
            try c.encode(source, forKey: .source)
            try c.encode(publishedLimits, forKey: .publishedLimits)
            try c.encode(limitWithPublishedTheoryError, forKey: limits.coupling.pick(.mu12LimitPublishedTheoryError,
                                                                                   .q14LimitPublishedTheoryError,
                                                                                   .g13LimitPublishedTheoryError))
            try c.encode(BoundAnalysis.publishedTheoryError, forKey: .publishedTheoryErrorMI)
            try c.encode(tipCurve, forKey: .tipCurve)
            try c.encode(budget, forKey: .budget)
        }
    }

    /// A published bound from a calibration (x at its CL: `mu12` or `g13`, and the reference).
    public struct PublishedLimit: Sendable, Encodable {
        public var cl: Double, x: Double, source: String
        public var coupling: Coupling

        public enum CodingKeys: String, CodingKey, CaseIterable { case cl, mu12, q14, g13, source }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cl, forKey: .cl)
            try c.encode(x, forKey: coupling.pick(.mu12, .q14, .g13))
            try c.encode(source, forKey: .source)
        }
    }

    /// A node of the tip curve: M_I (mag) at x.
    public struct TipPoint: Sendable, Encodable {
        public var x: Double, mI: Double
        public var coupling: Coupling

        public enum CodingKeys: String, CodingKey, CaseIterable { case mu12, q14, g13, mI = "m_i" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(x, forKey: coupling.pick(.mu12, .q14, .g13))
            try c.encode(mI, forKey: .mI)
        }
    }

    /// One variation of the systematics budget: ΔM_I at x = 0 and at the reference x (mag), and the shift of
    /// the Bayesian limit (`null` when the varied likelihood has not fallen off within the grid).
    public struct BudgetEntry: Sendable, Encodable {
        public var variation: String, input: String
        public var deltaMI0: Double, deltaMIReference: Double, limitShift: Double?
        public var coupling: Coupling

        public init(_ b: BoundAnalysis.BudgetRow, coupling: Coupling) {
            variation = b.name
            input = b.category.rawValue
            deltaMI0 = b.deltaMI0
            deltaMIReference = b.deltaMIRef
            limitShift = b.limitShift
            self.coupling = coupling
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case variation, input
            case deltaMIMu12Zero = "delta_m_i_mu12_0", deltaMIReferenceMu12 = "delta_m_i_reference_mu12"
            case limitShiftMu12 = "limit_shift_mu12"
            case deltaMIQ14Zero = "delta_m_i_q14_0", deltaMIReferenceQ14 = "delta_m_i_reference_q14"
            case limitShiftQ14 = "limit_shift_q14"
            case deltaMIG13Zero = "delta_m_i_g13_0", deltaMIReferenceG13 = "delta_m_i_reference_g13"
            case limitShiftG13 = "limit_shift_g13"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(variation, forKey: .variation)
            try c.encode(input, forKey: .input)
            try c.encode(deltaMI0, forKey: coupling.pick(.deltaMIMu12Zero, .deltaMIQ14Zero, .deltaMIG13Zero))
            try c.encode(deltaMIReference, forKey: coupling.pick(.deltaMIReferenceMu12, .deltaMIReferenceQ14, .deltaMIReferenceG13))
            try c.encode(limitShift, forKey: coupling.pick(.limitShiftMu12, .limitShiftQ14, .limitShiftG13))
        }
    }

    /// The calibrations combined (theory errors fully correlated) and their limits.
    public struct Combined: Sendable, Encodable {
        public var calibrations: [String]
        public var limits: Limits

        public enum CodingKeys: String, CodingKey, CaseIterable { case calibrations }

        public func encode(to encoder: any Encoder) throws {
            try limits.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(calibrations, forKey: .calibrations)
        }
    }

    /// A tested μ₁₂ (from `--mu12` or a moment matrix) against every calibration.
    public struct Tested: Sendable, Encodable {
        public var mu12: Double, description: String
        /// Σ(|μ|² + |ε|²) in the file's basis and after the PMNS change of basis; nil for a bare μ₁₂.
        public var sumSquaredGivenBasis: Double?, sumSquaredOtherBasis: Double?
        public var results: [Outcome]

        public init(_ h: MomentHypothesis, tests: [HypothesisTest]) {
            mu12 = h.mu12
            description = h.description
            sumSquaredGivenBasis = h.sumGivenBasis
            sumSquaredOtherBasis = h.sumOtherBasis
            results = tests.map { Outcome(calibration: $0.calibration, predictedMI: $0.predictedMI, excluded: $0.excluded) }
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case mu12, description, sumSquaredGivenBasis = "sum_squared_given_basis"
            case sumSquaredOtherBasis = "sum_squared_other_basis", results
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mu12, forKey: .mu12)
            try c.encode(description, forKey: .description)
            try c.encode(sumSquaredGivenBasis, forKey: .sumSquaredGivenBasis)
            try c.encode(sumSquaredOtherBasis, forKey: .sumSquaredOtherBasis)
            try c.encode(results, forKey: .results)
        }

        /// One calibration's verdict: M_I predicted at the tested μ₁₂ (mag), and whether its limit excludes it.
        public struct Outcome: Sendable, Encodable {
            public var calibration: String, predictedMI: Double, excluded: Bool

            public enum CodingKeys: String, CodingKey, CaseIterable {
                case calibration, predictedMI = "predicted_m_i", excluded
            }
        }
    }
}
