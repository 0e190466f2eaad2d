/// The envelope physics at one point, as `stellarbound microphysics --hydrogen … --json` writes it. The
/// coding keys are the documented contract (Docs/output-contract.md, "microphysics, envelope mode"); a
/// quantity whose model refuses the point is null, and `unavailable` says why.
public struct EnvelopePointReport: Sendable, Encodable {
    public var density: Double, temperature: Double, hydrogen: Double, metallicity: Double, alphaFe: Double
    public var opacityMixture: String
    public var luminosity: Double, massCoordinate: Double
    public var pressure: Double?, gradAd: Double?, gamma1: Double?, chiRho: Double?, chiT: Double?, cP: Double?
    public var meanMolecularWeight: Double?, freeElectronsPerBaryon: Double?, hydrogenIonised: Double?, degeneracy: Double?
    public var kappaRad: Double?, kappaCond: Double?, kappaTotal: Double?, dlnKappaDlnRho: Double?, dlnKappaDlnT: Double?
    public var gradRad: Double?
    public var epsPP: Double?, epsCNO: Double?, epsNuclear: Double?, epsNeutrinoNuclear: Double?
    /// "equilibrium" (³He and CNO in local equilibrium) or "initial" (the mixture's initial abundances).
    public var burningAbundances = "equilibrium"
    public var unavailable: [String] = []

    public init(density: Double, temperature: Double, hydrogen: Double, metallicity: Double, alphaFe: Double,
                opacityMixture: String, luminosity: Double, massCoordinate: Double) {
        self.density = density
        self.temperature = temperature
        self.hydrogen = hydrogen
        self.metallicity = metallicity
        self.alphaFe = alphaFe
        self.opacityMixture = opacityMixture
        self.luminosity = luminosity
        self.massCoordinate = massCoordinate
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case density = "density_g_cm3", temperature = "temperature_k", hydrogen, metallicity, alphaFe = "alpha_fe"
        case opacityMixture = "opacity_mixture", luminosity = "luminosity_lsun", massCoordinate = "mass_coordinate_msun"
        case pressure = "pressure_dyn_cm2", gradAd = "grad_ad", gamma1, chiRho = "chi_rho", chiT = "chi_t", cP = "cp_erg_g_k"
        case meanMolecularWeight = "mean_molecular_weight", freeElectronsPerBaryon = "free_electrons_per_baryon"
        case hydrogenIonised = "hydrogen_ionised_fraction", degeneracy = "degeneracy_eta"
        case kappaRad = "kappa_rad_cm2_g", kappaCond = "kappa_cond_cm2_g", kappaTotal = "kappa_total_cm2_g"
        case dlnKappaDlnRho = "dlnkappa_dlnrho", dlnKappaDlnT = "dlnkappa_dlnt", gradRad = "grad_rad"
        case epsPP = "eps_pp_erg_g_s", epsCNO = "eps_cno_erg_g_s", epsNuclear = "eps_nuclear_erg_g_s"
        case epsNeutrinoNuclear = "eps_nu_nuclear_erg_g_s", burningAbundances = "burning_abundances", unavailable
    }

    /// Nulls are written (a missing quantity is part of the contract, not an absent key).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(density, forKey: .density)
        try c.encode(temperature, forKey: .temperature)
        try c.encode(hydrogen, forKey: .hydrogen)
        try c.encode(metallicity, forKey: .metallicity)
        try c.encode(alphaFe, forKey: .alphaFe)
        try c.encode(opacityMixture, forKey: .opacityMixture)
        try c.encode(luminosity, forKey: .luminosity)
        try c.encode(massCoordinate, forKey: .massCoordinate)
        let optionals: [(Double?, CodingKeys)] = [
            (pressure, .pressure), (gradAd, .gradAd), (gamma1, .gamma1), (chiRho, .chiRho), (chiT, .chiT), (cP, .cP),
            (meanMolecularWeight, .meanMolecularWeight), (freeElectronsPerBaryon, .freeElectronsPerBaryon),
            (hydrogenIonised, .hydrogenIonised), (degeneracy, .degeneracy), (kappaRad, .kappaRad), (kappaCond, .kappaCond),
            (kappaTotal, .kappaTotal), (dlnKappaDlnRho, .dlnKappaDlnRho), (dlnKappaDlnT, .dlnKappaDlnT), (gradRad, .gradRad),
            (epsPP, .epsPP), (epsCNO, .epsCNO), (epsNuclear, .epsNuclear), (epsNeutrinoNuclear, .epsNeutrinoNuclear),
        ]
        for (value, key) in optionals {
            if let value, value.isFinite { try c.encode(value, forKey: key) } else { try c.encodeNil(forKey: key) }
        }
        try c.encode(burningAbundances, forKey: .burningAbundances)
        try c.encode(unavailable, forKey: .unavailable)
    }
}
