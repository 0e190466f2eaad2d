import Foundation

/// Neutrino electromagnetic properties that open extra plasmon-decay channels.
public struct NeutrinoProperties: Sendable, Equatable {
    /// Effective magnetic moment μ₁₂ = μν/(10⁻¹² μ_B), μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²) (dimensionless, ≥ 0).
    public let mu12: Double
    /// Effective millicharge q/e, q² = Σᵢ qᵢ² over Dirac species (dimensionless, ≥ 0).
    public let millicharge: Double

    public static let allowedMu12: ClosedRange<Double> = 0...1e6
    public static let allowedMillicharge: ClosedRange<Double> = 0...1

    public init(mu12: Double = 0, millicharge: Double = 0) throws {
        guard mu12.isFinite, Self.allowedMu12.contains(mu12) else {
            throw PlasmaError.outOfRange(parameter: "mu12", value: mu12, allowed: "[0, 1e6] (units of 1e-12 Bohr magnetons)")
        }
        guard millicharge.isFinite, Self.allowedMillicharge.contains(millicharge) else {
            throw PlasmaError.outOfRange(parameter: "millicharge", value: millicharge, allowed: "[0, 1] (units of e)")
        }
        self.mu12 = mu12
        self.millicharge = millicharge
    }

    /// From the moment matrices: μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²), with |μᵢⱼ|, |εᵢⱼ| in units of 10⁻¹² μ_B
    /// (square matrices of moduli, any basis: the sum is the Frobenius norm, unchanged by a unitary
    /// change of basis; Raffelt, "Stars as Laboratories" 1996, §6.5.2). Majorana moments are the
    /// antisymmetric case (both ij and ji entries count, as in the sum).
    public init(magneticMoments mu: [[Double]], electricMoments eps: [[Double]] = [], millicharge: Double = 0) throws {
        func sumSquares(_ m: [[Double]], _ name: String) throws -> Double {
            guard m.allSatisfy({ $0.count == m.count }), m.joined().allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw PlasmaError.outOfRange(parameter: name, value: .nan,
                                             allowed: "a square matrix of finite moduli ≥ 0 (units of 1e-12 μ_B)")
            }
            return m.joined().reduce(0) { $0 + $1 * $1 }
        }
        try self.init(mu12: (try sumSquares(mu, "magnetic-moments") + sumSquares(eps, "electric-moments")).squareRoot(),
                      millicharge: millicharge)
    }

    /// No electromagnetic properties: the standard model.
    public static let none = NeutrinoProperties(uncheckedMu12: 0, millicharge: 0)

    private init(uncheckedMu12 mu12: Double, millicharge: Double) {
        self.mu12 = mu12
        self.millicharge = millicharge
    }
}

/// Plasmon-decay emissivities (energy-loss rates per volume) in erg cm⁻³ s⁻¹, summed over
/// the three neutrino flavours. Per plasmon of energy ω, momentum k, K² = ω² − k², residue Z:
///
///     vector     Γ = C_V² G_F² Z K⁶ / (48π²α ω)        (B&S 1993; re-derived in Docs/plasma.md)
///     axial      Γ = C_A² G_F² Z K² k² Π_A² / (48π²α ω) (transverse only; derived, Docs/plasma.md)
///     magnetic   Γ = μν² Z K⁴ / (24π ω)                 (Raffelt, "Stars as Laboratories" 1996, ch. 6)
///     charge     Γ = q² α Z K² / (3 ω)                  (massless Dirac pair; V → f f̄ width)
///
/// Q = Σ_pol ∫ d³k/(2π)³ ω Γ n_B(ω): two transverse polarisations, one longitudinal.
public struct PlasmonDecayRates: Sendable, Equatable {
    public var vectorTransverse = 0.0
    public var vectorLongitudinal = 0.0
    public var axial = 0.0
    public var magneticTransverse = 0.0
    public var magneticLongitudinal = 0.0
    public var chargeTransverse = 0.0
    public var chargeLongitudinal = 0.0

    public init() {}

    /// Standard-model rate: vector (T + L) + axial.
    public var standard: Double { vectorTransverse + vectorLongitudinal + axial }
    /// Magnetic-moment rate (T + L).
    public var magnetic: Double { magneticTransverse + magneticLongitudinal }
    /// Millicharge rate (T + L).
    public var millicharge: Double { chargeTransverse + chargeLongitudinal }
    /// Everything.
    public var total: Double { standard + magnetic + millicharge }

    /// Converts dimensionless integrals at plasma frequency ωp (keV) into emissivities.
    init(integrals i: PlasmonIntegrals, omegaP_keV wp: Double, couplings c: ElectroweakCouplings,
         neutrino nu: NeutrinoProperties) {
        let pi = Double.pi, alpha = PhysicalConstants.fineStructure
        let gf2 = PhysicalConstants.fermiConstant_per_keV2 * PhysicalConstants.fermiConstant_per_keV2
        let conv = PhysicalConstants.keV5_to_erg_cm3_s
        let wp2 = wp * wp, wp5 = wp2 * wp2 * wp, wp7 = wp5 * wp2, wp9 = wp7 * wp2
        let weak = gf2 / (48 * pi * pi * pi * pi * alpha) * wp9 * conv
        vectorTransverse = c.sumCV2 * weak * i.vectorTransverse
        vectorLongitudinal = c.sumCV2 * weak * 0.5 * i.vectorLongitudinal
        axial = c.sumCA2 * weak * i.axial
        let mu = nu.mu12 * 1e-12 * PhysicalConstants.bohrMagneton_per_keV
        let mag = mu * mu / (24 * pi * pi * pi) * wp7 * conv
        magneticTransverse = mag * i.magneticTransverse
        magneticLongitudinal = mag * 0.5 * i.magneticLongitudinal
        let ch = nu.millicharge * nu.millicharge * alpha / (3 * pi * pi) * wp5 * conv
        chargeTransverse = ch * i.chargeTransverse
        chargeLongitudinal = ch * 0.5 * i.chargeLongitudinal
    }
}

/// The plasma at one (ρ, T, Yₑ): gas state, dispersion and emissivities.
public struct PlasmaPoint: Sendable {
    public let gas: ElectronGasState
    public let dispersion: PlasmonDispersion
    public let integrals: PlasmonIntegrals
    public let rates: PlasmonDecayRates
}

/// Plasmon decay computed directly (no table) at one point.
public enum PlasmonDecay {
    /// Direct evaluation. `.gaussPanels`: fixed rules (~0.1 ms); `.adaptive`: GSL adaptive
    /// quadrature throughout with root-found dispersion (~0.1–1 s), the accuracy reference.
    public static func point(density: Double, temperature: Double, electronFraction: Double,
                             neutrino: NeutrinoProperties = .none,
                             couplings: ElectroweakCouplings = .standard,
                             method: QuadratureMethod = .gaussPanels,
                             includeAxial: Bool = true) throws -> PlasmaPoint {
        let gas = try ElectronGas.state(density: density, temperature: temperature,
                                        electronFraction: electronFraction, method: method)
        return try point(gas: gas, neutrino: neutrino, couplings: couplings, method: method, includeAxial: includeAxial)
    }

    /// Direct evaluation on an already solved gas state.
    public static func point(gas: ElectronGasState, neutrino: NeutrinoProperties = .none,
                             couplings: ElectroweakCouplings = .standard,
                             method: QuadratureMethod = .gaussPanels,
                             includeAxial: Bool = true) throws -> PlasmaPoint {
        let d = try PlasmonDispersion(vStar: gas.vStar)
        let gamma = gas.omegaP_keV / gas.kT_keV
        let me = PhysicalConstants.electronMass_keV
        let mu = gas.chemicalPotential_keV / me, theta = gas.kT_keV / me
        let integrals: PlasmonIntegrals
        switch method {
        case .gaussPanels:
            let kernel = includeAxial ? AxialKernel(mu: mu, theta: theta, omegaP_keV: gas.omegaP_keV) : nil
            integrals = PlasmonIntegralsGauss.compute(gamma: gamma, dispersion: d, axial: kernel)
        case .adaptive:
            let axial: ((Double, Double) throws -> Double)? = includeAxial ? { t, oneMinusT2 in
                try axialPolarizationAdaptive(t: t, oneMinusT2: oneMinusT2, mu: mu, theta: theta,
                                              omegaP_keV: gas.omegaP_keV)
            } : nil
            integrals = try PlasmonIntegralsAdaptive.compute(gamma: gamma, dispersion: d, axial: axial)
        }
        return PlasmaPoint(gas: gas, dispersion: d, integrals: integrals,
                           rates: PlasmonDecayRates(integrals: integrals, omegaP_keV: gas.omegaP_keV,
                                                    couplings: couplings, neutrino: neutrino))
    }
}
