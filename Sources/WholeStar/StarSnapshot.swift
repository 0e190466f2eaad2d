import Foundation

/// Which time-step target set the next Δt (`StarEvolutionSettings`): the history's `timestep_limit` column.
public enum StarTimestepLimit: String, Sendable, Equatable, CaseIterable {
    /// None: Δt grew by the largest factor allowed.
    case growth
    /// |Δ ln T| or |Δ ln ρ| of a cell (in the hydrogen shell: `shellStructure`).
    case structure, shellStructure = "shell_structure"
    /// ΔX at the centre; ΔX of the cell that changed most (the shell crossing a cell); the core mass; L and R.
    case centralHydrogen = "central_hydrogen", shellHydrogen = "shell_hydrogen", coreMass = "core_mass", surface
}

/// One model of an evolving star: the numbers a history row and a track's summary read. Units in the names'
/// doc comments (L☉, R☉, M☉ as stated; cgs otherwise).
public struct StarSnapshot: Sendable, Equatable {
    /// Model number (0 = the ZAMS) and age since the ZAMS (yr).
    public var model = 0, age = 0.0
    /// Time step that led to this model (yr; 0 for the ZAMS).
    public var timestep = 0.0
    /// The star's mass (M☉; less than the initial one once the wind blows).
    public var mass = 0.0
    /// Surface luminosity (L☉), photospheric radius (R☉), T_eff (K), log₁₀ g (cgs).
    public var luminosity = 0.0, radius = 0.0, effectiveTemperature = 0.0, logGravity = 0.0
    /// ∫ε_nuc dm of hydrogen burning (L☉, net of its neutrinos) and ∫ε_grav dm (L☉).
    public var nuclearLuminosity = 0.0, gravothermalLuminosity = 0.0
    /// ∫ε_3α dm (L☉) and the thermal neutrino losses ∫ε_ν dm (L☉). L = L_nuc + L_He − L_ν + L_grav.
    public var heliumLuminosity = 0.0, neutrinoLuminosity = 0.0
    /// Centre (innermost cell): T (K), ρ (g cm⁻³), X, Y.
    public var centralTemperature = 0.0, centralDensity = 0.0, centralHydrogen = 0.0, centralHelium = 0.0
    /// Maximum temperature (K) and its mass coordinate (M☉).
    public var maximumTemperature = 0.0, maximumTemperatureMass = 0.0
    /// Density (g cm⁻³) and electron degeneracy η = μ_e/kT where T peaks (helium ignites there).
    public var maximumTemperatureDensity = 0.0, maximumTemperatureDegeneracy = 0.0
    /// The gravothermal specific heat where T peaks, in units of c_P: c*/c_P = 1 − ∇_ad 4δ/(4α − 3) with
    /// α = 1/χ_ρ, δ = χ_T/χ_ρ (Kippenhahn, Weigert & Weiss 2012, §25.3, the central region perturbed homologously).
    /// Negative: heating expands the region and cools it, burning is stable (ideal gas: 1 − 1.6 = −0.6); positive:
    /// heating raises T, burning runs away (degenerate electrons: α → 3/5, δ → 0, c*/c_P → 1).
    public var maximumTemperatureGravothermalHeat = 0.0
    /// Helium-core mass (M☉): the mass inside the outermost face below which every cell has X < `heliumCoreHydrogen`.
    public var heliumCoreMass = 0.0
    /// Convective core mass (M☉; 0 if none); the outer convective zone's base: mass coordinate (M☉) and radius (R☉)
    /// (both 0 if there is none).
    public var convectiveCoreMass = 0.0, convectiveEnvelopeBaseMass = 0.0, convectiveEnvelopeBaseRadius = 0.0
    /// Surface mass fractions X, Y, Z and the surface ¹²C/¹⁴N by number.
    public var surfaceHydrogen = 0.0, surfaceHelium = 0.0, surfaceMetals = 0.0, surfaceCarbonToNitrogen = 0.0
    /// Total hydrogen (¹H) mass (M☉): the burning's bookkeeping (its loss times the energy per gram is ∫L_nuc dt).
    public var hydrogenMass = 0.0
    /// Cells of the mesh after the step (before rezoning).
    public var cells = 0
    /// What limited the next time step after this model, and where the structure changed most (M☉).
    public var timestepLimit = StarTimestepLimit.growth
    public var structureChangeMass = 0.0
    /// Newton iterations of this step and retries (halved steps) before it succeeded.
    public var iterations = 0, retries = 0

    /// X below which a cell belongs to the helium core: 0.1 (MESA's default `he_core_boundary_h1_fraction`).
    public static let heliumCoreHydrogen = 0.1

    public init() {}

    /// The real-valued fields (everything but the model number, cells, iterations and retries).
    static var interpolated: [WritableKeyPath<StarSnapshot, Double>] { [
        \.age, \.timestep, \.mass, \.luminosity, \.radius, \.effectiveTemperature, \.logGravity, \.nuclearLuminosity,
        \.gravothermalLuminosity, \.heliumLuminosity, \.neutrinoLuminosity, \.centralTemperature, \.centralDensity,
        \.centralHydrogen, \.centralHelium, \.maximumTemperature, \.maximumTemperatureMass, \.maximumTemperatureDensity,
        \.maximumTemperatureDegeneracy, \.maximumTemperatureGravothermalHeat, \.heliumCoreMass, \.convectiveCoreMass, \.convectiveEnvelopeBaseMass,
        \.convectiveEnvelopeBaseRadius, \.surfaceHydrogen, \.surfaceHelium, \.surfaceMetals, \.surfaceCarbonToNitrogen,
        \.hydrogenMass,
    ] }
}
