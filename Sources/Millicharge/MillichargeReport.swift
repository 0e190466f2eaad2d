/// The millicharge limits as `stellarbound millicharge --json` writes them: the neutrino-star-turning bound per
/// neutron star with the inputs it used, the red-giant bound when it was computed, and every limit side by side.
///
/// This is the documented output contract (Docs/output-contract.md, "millicharge"): the coding keys are the
/// JSON keys, snake_case with their units, and may be added to but never renamed. Every key is always present
/// (`red_giant` is `null` when the red-giant bound was not computed). Write it with
/// `OutputContract.ContractJSON.encode`, which refuses a non-finite number.
public struct MillichargeReport: Sendable, Encodable {
    public var objects: [Object]
    public var redGiant: RedGiant?
    /// Every limit, the strongest first.
    public var comparison: [Limit]
    /// Wall-clock time (s).
    public var seconds: Double

    public init(objects: [Object], redGiant: RedGiant?, comparison: [ChargeLimitComparison.Row], seconds: Double) {
        self.objects = objects
        self.redGiant = redGiant
        self.comparison = comparison.map(Limit.init)
        self.seconds = seconds
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case command, objects, redGiant = "red_giant", comparison, seconds
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("millicharge", forKey: .command)
        try c.encode(objects, forKey: .objects)
        try c.encode(redGiant, forKey: .redGiant)      // null without the red-giant bound
        try c.encode(comparison, forKey: .comparison)
        try c.encode(seconds, forKey: .seconds)
    }

    /// One neutron star's νST bound (e₀), with what the catalog says about it.
    public struct Object: Sendable, Encodable {
        public var object: String, label: String
        public var qLimit: Double
        public var inputs: Inputs
        /// Ω₀ = 2π/P₀ (rad/s) and the angular momentum a neutrino carries away at q = e₀ (erg s).
        public var angularVelocity: Double, angularMomentumPerNeutrinoPerE0: Double
        /// A command-line flag changed an input.
        public var inputsOverridden: Bool
        public var periodKind: String, fieldKind: String
        public var assumptionsHold: Bool
        public var note: String

        /// The bound of `star` (built from the catalog's `object`, its inputs changed when `overridden`).
        public init(object: NeutronStarCatalog.Object, star: NeutronStarTurning, overridden: Bool) {
            self.object = object.name
            label = object.label
            qLimit = star.chargeLimit
            inputs = Inputs(star)
            angularVelocity = star.angularVelocity
            angularMomentumPerNeutrinoPerE0 = star.angularMomentumPerUnitCharge
            inputsOverridden = overridden
            periodKind = object.periodKind
            fieldKind = object.fieldKind
            assumptionsHold = object.applies
            note = object.note
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case object, label, qLimit = "q_limit_e0", inputs, angularVelocity = "angular_velocity_rad_s"
            case angularMomentumPerNeutrinoPerE0 = "angular_momentum_per_neutrino_per_e0_erg_s"
            case inputsOverridden = "inputs_overridden", periodKind = "period_kind", fieldKind = "field_kind"
            case assumptionsHold = "assumptions_hold", note
        }
    }

    /// The inputs a bound used, after any override: P₀ (s), B (G), M (M☉), R and R_ν (km), I (g cm²), k in
    /// I = k M R² (null when I was given), N, f, the geometry and its κ.
    public struct Inputs: Sendable, Encodable {
        public var period: Double, field: Double, mass: Double, radius: Double, neutrinosphereRadius: Double
        public var momentOfInertia: Double, inertiaCoefficient: Double?
        public var neutrinoNumber: Double, netFraction: Double, geometry: String, geometryKappa: Double

        public init(_ star: NeutronStarTurning) {
            let i = star.inputs
            period = i.periodSeconds
            field = i.fieldGauss
            mass = i.massMsun
            radius = i.radiusKm
            neutrinosphereRadius = i.neutrinosphereRadiusKm ?? i.radiusKm
            momentOfInertia = star.momentOfInertia
            inertiaCoefficient = i.momentOfInertiaGCm2 == nil ? i.inertiaCoefficient : nil
            neutrinoNumber = i.neutrinoNumber
            netFraction = i.netFraction
            geometry = i.geometry.rawValue
            geometryKappa = i.geometry.kappa
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case period = "period_s", field = "field_g", mass = "mass_msun", radius = "radius_km"
            case neutrinosphereRadius = "neutrinosphere_radius_km", momentOfInertia = "moment_of_inertia_g_cm2"
            case inertiaCoefficient = "inertia_coefficient", neutrinoNumber = "neutrino_number", netFraction = "net_fraction"
            case geometry, geometryKappa = "geometry_kappa"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(field, forKey: .field)
            try c.encode(mass, forKey: .mass)
            try c.encode(radius, forKey: .radius)
            try c.encode(neutrinosphereRadius, forKey: .neutrinosphereRadius)
            try c.encode(momentOfInertia, forKey: .momentOfInertia)
            try c.encode(inertiaCoefficient, forKey: .inertiaCoefficient)   // null when I was given
            try c.encode(neutrinoNumber, forKey: .neutrinoNumber)
            try c.encode(netFraction, forKey: .netFraction)
            try c.encode(geometry, forKey: .geometry)
            try c.encode(geometryKappa, forKey: .geometryKappa)
        }
    }

    /// The red-giant bound on the charge (the `bound --coupling millicharge` pipeline), in e₀.
    public struct RedGiant: Sendable, Encodable {
        public var cl: Double
        public var calibrations: [Calibration]
        /// The combined Bayesian limit; nil for one calibration.
        public var combinedQLimit: Double?

        public init(cl: Double, calibrations: [Calibration], combinedQLimit: Double?) {
            self.cl = cl
            self.calibrations = calibrations
            self.combinedQLimit = combinedQLimit
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case cl, calibrations, combinedQLimit = "combined_q_limit_e0"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cl, forKey: .cl)
            try c.encode(calibrations, forKey: .calibrations)
            try c.encode(combinedQLimit, forKey: .combinedQLimit)   // null for one calibration
        }

        /// One calibration's Bayesian, Δχ² and Feldman–Cousins limits (e₀) and its theory error at q = 0 (mag).
        public struct Calibration: Sendable, Encodable {
            public var calibration: String
            public var qLimit: Double, qLimitDeltaChi2: Double, qLimitFeldmanCousins: Double
            public var theoryErrorMI: Double

            public init(calibration: String, qLimit: Double, qLimitDeltaChi2: Double, qLimitFeldmanCousins: Double,
                        theoryErrorMI: Double) {
                self.calibration = calibration
                self.qLimit = qLimit
                self.qLimitDeltaChi2 = qLimitDeltaChi2
                self.qLimitFeldmanCousins = qLimitFeldmanCousins
                self.theoryErrorMI = theoryErrorMI
            }

            public enum CodingKeys: String, CodingKey, CaseIterable {
                case calibration, qLimit = "q_limit_e0", qLimitDeltaChi2 = "q_limit_delta_chi2_e0"
                case qLimitFeldmanCousins = "q_limit_feldman_cousins_e0", theoryErrorMI = "theory_error_m_i"
            }
        }
    }

    /// One limit of the comparison: computed here or published (e₀; `cl` null where none is given, `year`
    /// null for a limit computed now).
    public struct Limit: Sendable, Encodable {
        public var name: String, kind: String, qLimit: Double, cl: Double?, year: Int?
        public var method: String, reference: String
        public var confirmed: Bool, computed: Bool, assumptionsHold: Bool

        public init(_ r: ChargeLimitComparison.Row) {
            name = r.name
            kind = r.kind
            qLimit = r.limit
            cl = r.cl
            year = r.year
            method = r.method
            reference = r.reference
            confirmed = r.confirmed
            computed = r.computed
            assumptionsHold = r.applies
        }

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case name, kind, qLimit = "q_limit_e0", cl, year, method, reference, confirmed, computed
            case assumptionsHold = "assumptions_hold"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(kind, forKey: .kind)
            try c.encode(qLimit, forKey: .qLimit)
            try c.encode(cl, forKey: .cl)         // null: none given
            try c.encode(year, forKey: .year)     // null: computed now
            try c.encode(method, forKey: .method)
            try c.encode(reference, forKey: .reference)
            try c.encode(confirmed, forKey: .confirmed)
            try c.encode(computed, forKey: .computed)
            try c.encode(assumptionsHold, forKey: .assumptionsHold)
        }
    }
}
