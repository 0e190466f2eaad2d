import Foundation

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
