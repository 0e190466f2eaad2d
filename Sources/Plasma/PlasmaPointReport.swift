/// The plasma at one (ρ, T, Yₑ) as `stellarbound plasma --json` writes it: the gas, the Braaten & Segel (1993)
/// dispersion, the plasmon-decay emissivities and the Itoh et al. (1996) / HRW (1994) fits beside them.
///
/// This is the documented output contract (Docs/output-contract.md, "plasma"): the coding keys are the JSON
/// keys, snake_case with their units, and may be added to but never renamed. Write it with
/// `OutputContract.ContractJSON.encode`, which refuses a non-finite number instead of printing it.
public struct PlasmaPointReport: Sendable, Encodable {
    public var density: Double, temperature: Double, electronFraction: Double
    public var mu12: Double, millicharge: Double, sin2ThetaW: Double
    /// How the emissivities were evaluated, as the caller names it (the CLI: `direct`, `table`, `quadrature`).
    public var method: String
    public var kT: Double, chemicalPotential: Double, degeneracy: Double
    public var electronDensity: Double, positronDensity: Double
    public var omegaP: Double, omega1: Double, vStar: Double, gamma: Double
    public var longitudinalCutoff: Double, transverseAsymptoticMass: Double
    public var vectorTransverse: Double, vectorLongitudinal: Double, axial: Double, standard: Double
    public var magnetic: Double, magneticTransverse: Double, magneticLongitudinal: Double
    public var millichargeRate: Double, millichargeTransverse: Double, millichargeLongitudinal: Double
    public var total: Double, itohFit: Double, hrwFit: Double
    /// The one-line HRW estimate of the magnetic rate: 0.318 μ₁₂²(10 keV/ωp)² × Q_standard
    /// (`ItohPlasmaFit.magneticRatio`, Haft, Raffelt & Weiss 1994).
    public var magneticHRWEstimate: Double

    /// The report of a point: its gas state, dispersion, rates (from any evaluation method), the fit at the
    /// same point and couplings, and the neutrino properties the rates were computed with.
    public init(gas: ElectronGasState, dispersion: PlasmonDispersion, rates: PlasmonDecayRates, fit: ItohPlasmaFit.Result,
                neutrino: NeutrinoProperties, couplings: ElectroweakCouplings, method: String) {
        density = gas.density
        temperature = gas.temperature
        electronFraction = gas.electronFraction
        mu12 = neutrino.mu12
        millicharge = neutrino.millicharge
        sin2ThetaW = couplings.sin2ThetaW
        self.method = method
        kT = gas.kT_keV
        chemicalPotential = gas.chemicalPotential_keV
        degeneracy = gas.degeneracy
        electronDensity = gas.electronDensity_cm3
        positronDensity = gas.positronDensity_cm3
        omegaP = gas.omegaP_keV
        omega1 = gas.omega1_keV
        vStar = gas.vStar
        gamma = gas.omegaP_keV / gas.kT_keV
        longitudinalCutoff = dispersion.longitudinalCutoff * gas.omegaP_keV
        transverseAsymptoticMass = dispersion.transverseAsymptoticMass * gas.omegaP_keV
        vectorTransverse = rates.vectorTransverse
        vectorLongitudinal = rates.vectorLongitudinal
        axial = rates.axial
        standard = rates.standard
        magnetic = rates.magnetic
        magneticTransverse = rates.magneticTransverse
        magneticLongitudinal = rates.magneticLongitudinal
        millichargeRate = rates.millicharge
        millichargeTransverse = rates.chargeTransverse
        millichargeLongitudinal = rates.chargeLongitudinal
        total = rates.total
        itohFit = fit.itoh
        hrwFit = fit.hrw
        magneticHRWEstimate = ItohPlasmaFit.magneticRatio(mu12: neutrino.mu12, omegaP_keV: gas.omegaP_keV) * rates.standard
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case density = "density_g_cm3", temperature = "temperature_k", electronFraction = "ye"
        case mu12, millicharge = "millicharge_e", sin2ThetaW = "sin2_theta_w", method
        case kT = "kT_keV", chemicalPotential = "chemical_potential_keV", degeneracy = "degeneracy_eta"
        case electronDensity = "electron_density_cm3", positronDensity = "positron_density_cm3"
        case omegaP = "omega_p_keV", omega1 = "omega_1_keV", vStar = "v_star", gamma = "gamma_omega_p_over_kT"
        case longitudinalCutoff = "k_max_longitudinal_keV", transverseAsymptoticMass = "m_infinity_transverse_keV"
        case vectorTransverse = "q_transverse_erg_cm3_s", vectorLongitudinal = "q_longitudinal_erg_cm3_s"
        case axial = "q_axial_erg_cm3_s", standard = "q_standard_erg_cm3_s"
        case magnetic = "q_magnetic_erg_cm3_s", magneticTransverse = "q_magnetic_transverse_erg_cm3_s"
        case magneticLongitudinal = "q_magnetic_longitudinal_erg_cm3_s"
        case millichargeRate = "q_millicharge_erg_cm3_s", millichargeTransverse = "q_millicharge_transverse_erg_cm3_s"
        case millichargeLongitudinal = "q_millicharge_longitudinal_erg_cm3_s"
        case total = "q_total_erg_cm3_s", itohFit = "q_itoh_fit_erg_cm3_s", hrwFit = "q_hrw_fit_erg_cm3_s"
        case magneticHRWEstimate = "q_magnetic_hrw_estimate_erg_cm3_s"
    }
}
