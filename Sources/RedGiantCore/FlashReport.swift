/// One helium-flash track as `stellarbound flash --json` writes it: the outcome, the star, the physics choices
/// and the numerics that produced it.
///
/// This is the documented output contract (Docs/output-contract.md, "flash"): the coding keys are the JSON
/// keys, snake_case with their units, and may be added to but never renamed. Every key is always present;
/// the results at the flash are `null` when the track failed (`status` `failed`, the reason in
/// `failure_reason`). Write it with `OutputContract.ContractJSON.encode`, which refuses a non-finite number.
public struct FlashReport: Sendable, Encodable {
    /// `flashed` or `failed`.
    public var status: String
    /// Why the track failed; nil when it flashed.
    public var failureReason: String?
    /// Results at the flash (nil when the track failed): M☉, log₁₀ L☉, M☉, g cm⁻³, K, g cm⁻³, K.
    public var coreMass: Double?, logTipLuminosity: Double?
    public var ignitionMass: Double?, ignitionDensity: Double?, ignitionTemperature: Double?
    public var centralDensity: Double?, centralTemperature: Double?
    /// Time from the starting model (yr), accepted steps, Newton iterations, retried steps, wall time (s).
    public var age: Double, steps: Int, newtonIterations: Int, retries: Int, wallTime: Double
    /// The star (M☉, mass fractions).
    public var mass: Double, helium: Double, metallicity: Double, dredgeUpHelium: Double
    /// False when the mass lies above `StarParameters.coreModelValidMassLimit` (the tip is then too bright).
    public var coreModelMassValid: Bool
    /// Non-standard neutrino properties: μ₁₂ (10⁻¹² μ_B) and the millicharge (e).
    public var mu12: Double, millicharge: Double
    /// The axion–electron coupling g_ae in 10⁻¹³ (0: no axions).
    public var axionElectron: Double
    /// Physics choices, by their raw names.
    public var conduction: String, blouin2020: Bool, tripleAlpha: String, screening: String
    public var plasmaNeutrinos: String, coulomb: String, edgeRelations: String
    /// The flash criterion (L☉) and the starting core mass (M☉).
    public var flashThreshold: Double, startCoreMass: Double
    /// Numerics.
    public var cells: Int, timestepFactor: Double

    /// The report of `result`, the track of `star` with `physics`, the edge relations named `edgeRelations`
    /// and `settings`, computed in `wallTime` seconds.
    public init(_ result: FlashResult, star: StarParameters, physics: CorePhysics, edgeRelations: String,
                settings: FlashSettings, wallTime: Double) {
        let flashed = result.status.isFlashed
        status = flashed ? "flashed" : "failed"
        if case let .failed(reason) = result.status { failureReason = reason.description }
        func atFlash(_ v: Double) -> Double? { flashed ? v : nil }
        coreMass = atFlash(result.coreMass)
        logTipLuminosity = atFlash(result.logTipLuminosity)
        ignitionMass = atFlash(result.ignitionMass)
        ignitionDensity = atFlash(result.ignitionDensity)
        ignitionTemperature = atFlash(result.ignitionTemperature)
        centralDensity = atFlash(result.centralDensity)
        centralTemperature = atFlash(result.centralTemperature)
        age = result.age
        steps = result.steps
        newtonIterations = result.iterations
        retries = result.retries
        self.wallTime = wallTime
        mass = star.mass
        coreModelMassValid = star.mass <= StarParameters.coreModelValidMassLimit
        helium = star.helium
        metallicity = star.metallicity
        dredgeUpHelium = star.dredgeUpHelium
        mu12 = physics.neutrino.mu12
        millicharge = physics.neutrino.millicharge
        axionElectron = physics.axionElectron
        conduction = physics.conduction.rawValue
        blouin2020 = physics.blouin2020
        tripleAlpha = physics.tripleAlpha.rawValue
        screening = physics.screening.rawValue
        plasmaNeutrinos = physics.plasmaNeutrinos.rawValue
        coulomb = physics.coulomb.rawValue
        self.edgeRelations = edgeRelations
        flashThreshold = result.threshold
        startCoreMass = result.startCoreMass
        cells = settings.cells
        timestepFactor = settings.timestepFactor
    }

    /// The report of a track run by `integrator`.
    public init(_ result: FlashResult, integrator: FlashIntegrator, wallTime: Double) {
        self.init(result, star: integrator.star, physics: integrator.physics, edgeRelations: integrator.relations.name,
                  settings: integrator.settings, wallTime: wallTime)
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case status, failureReason = "failure_reason", coreMass = "core_mass_msun", logTipLuminosity = "log_l_tip"
        case ignitionMass = "ignition_mass_msun", ignitionDensity = "ignition_density_g_cm3"
        case ignitionTemperature = "ignition_temperature_k", centralDensity = "central_density_g_cm3"
        case centralTemperature = "central_temperature_k", age = "age_yr", steps, newtonIterations = "newton_iterations"
        case retries, wallTime = "wall_time_s", mass = "mass_msun", helium, metallicity, dredgeUpHelium = "dredge_up_helium"
        case mu12, millicharge, axionElectron = "axion_electron_g13", conduction, blouin2020, tripleAlpha = "triple_alpha", screening
        case plasmaNeutrinos = "plasma_neutrinos", coulomb, edgeRelations = "edge_relations"
        case flashThreshold = "flash_threshold_lsun", startCoreMass = "start_core_mass_msun", cells
        case timestepFactor = "timestep_factor", coreModelMassValid = "core_model_mass_valid"
    }

    /// Every key present: a result the track did not reach is `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(failureReason, forKey: .failureReason)
        try c.encode(coreMass, forKey: .coreMass)
        try c.encode(logTipLuminosity, forKey: .logTipLuminosity)
        try c.encode(ignitionMass, forKey: .ignitionMass)
        try c.encode(ignitionDensity, forKey: .ignitionDensity)
        try c.encode(ignitionTemperature, forKey: .ignitionTemperature)
        try c.encode(centralDensity, forKey: .centralDensity)
        try c.encode(centralTemperature, forKey: .centralTemperature)
        try c.encode(age, forKey: .age)
        try c.encode(steps, forKey: .steps)
        try c.encode(newtonIterations, forKey: .newtonIterations)
        try c.encode(retries, forKey: .retries)
        try c.encode(wallTime, forKey: .wallTime)
        try c.encode(mass, forKey: .mass)
        try c.encode(coreModelMassValid, forKey: .coreModelMassValid)
        try c.encode(helium, forKey: .helium)
        try c.encode(metallicity, forKey: .metallicity)
        try c.encode(dredgeUpHelium, forKey: .dredgeUpHelium)
        try c.encode(mu12, forKey: .mu12)
        try c.encode(millicharge, forKey: .millicharge)
        try c.encode(axionElectron, forKey: .axionElectron)
        try c.encode(conduction, forKey: .conduction)
        try c.encode(blouin2020, forKey: .blouin2020)
        try c.encode(tripleAlpha, forKey: .tripleAlpha)
        try c.encode(screening, forKey: .screening)
        try c.encode(plasmaNeutrinos, forKey: .plasmaNeutrinos)
        try c.encode(coulomb, forKey: .coulomb)
        try c.encode(edgeRelations, forKey: .edgeRelations)
        try c.encode(flashThreshold, forKey: .flashThreshold)
        try c.encode(startCoreMass, forKey: .startCoreMass)
        try c.encode(cells, forKey: .cells)
        try c.encode(timestepFactor, forKey: .timestepFactor)
    }
}
