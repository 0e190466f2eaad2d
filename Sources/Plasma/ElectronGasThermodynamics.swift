import Foundation

/// Thermodynamics of the electron–positron gas (ideal, any degeneracy and temperature), the
/// electron part of a stellar equation of state. With p, E in mₑc², θ = kT/mₑc², f∓ as in
/// `ElectronGasState`:
///
///     P = (mₑ⁴/3π²) ∫ (p⁴/E)(f₋ + f₊) dp
///     U = (mₑ⁴/π²) ∫ p² [(E − 1) f₋ + (E + 1) f₊] dp        (excludes the rest mass of the net
///                                                            electrons, includes that of pairs)
///     T S = U + P − (μ − mₑ) (n₋ − n₊)                      (Gibbs–Duhem)
///
/// Derivatives at fixed ρYₑ follow from ∂f₋/∂μ = f₋(1−f₋)/θ, ∂f₋/∂θ = f₋(1−f₋)(E−μ)/θ² (and
/// the mirror for f₊) with (∂μ/∂θ)_N = −N_θ/N_μ. Ideal gas: the Coulomb corrections belong to
/// the ions' part of the EOS. Cross-checked in the tests against the classical, degenerate
/// non-relativistic, degenerate relativistic and hot-pair limits, and by finite differences.
public struct ElectronGasThermodynamics: Sendable {
    public let state: ElectronGasState
    /// Pressure P in dyn cm⁻² (= erg cm⁻³).
    public let pressure: Double
    /// Internal energy density U in erg cm⁻³ (see above for the rest-mass convention).
    public let energyDensity: Double
    /// Entropy density S in erg cm⁻³ K⁻¹.
    public let entropyDensity: Double
    /// (∂ln P/∂ln T) at fixed ρYₑ.
    public let dlnPdlnT: Double
    /// (∂ln P/∂ln ρ) at fixed T.
    public let dlnPdlnRho: Double
    /// (∂U/∂T) at fixed ρYₑ, erg cm⁻³ K⁻¹ (heat capacity per volume).
    public let dUdT: Double
    /// (∂U/∂ln ρ) at fixed T, erg cm⁻³.
    public let dUdlnRho: Double

    /// Solves the gas at (ρ [g cm⁻³], T [K], Yₑ) and evaluates its thermodynamics.
    public init(density: Double, temperature: Double, electronFraction ye: Double) throws {
        let (theta, target) = try ElectronGas.validated(density: density, temperature: temperature, electronFraction: ye)
        let mu = try FermiMomentsGauss.solveChemicalPotential(netNumber: target, theta: theta)
        let m = FermiMomentsGauss.moments(mu: mu, theta: theta)
        self.init(state: ElectronGas.makeState(density: density, temperature: temperature, ye: ye, mu: mu, moments: m),
                  mu: mu, theta: theta)
    }

    /// From a solved gas state (μ and θ in mₑc²).
    init(state: ElectronGasState, mu: Double, theta: Double) {
        self.state = state
        let temperature = state.temperature
        let t = ThermoMoments(mu: mu, theta: theta)
        let me = PhysicalConstants.electronMass_keV
        let lambdaC = PhysicalConstants.hbarC_keV_cm / me
        // Energy density scale mₑ⁴/(π² (ħc)³) in erg cm⁻³.
        let scale = me * PhysicalConstants.erg_per_keV / (Double.pi * Double.pi * lambdaC * lambdaC * lambdaC)
        pressure = scale * t.p / 3
        energyDensity = scale * t.u
        let netNumber = t.n / (Double.pi * Double.pi * lambdaC * lambdaC * lambdaC)   // cm⁻³
        entropyDensity = (energyDensity + pressure - (mu - 1) * me * PhysicalConstants.erg_per_keV * netNumber)
            / temperature
        // Fixed N: dμ/dθ = −N_θ/N_μ.
        let dmu = -t.nTheta / t.nMu
        let dPdTheta = scale / 3 * (t.pTheta + t.pMu * dmu)
        let dUdTheta = scale * (t.uTheta + t.uMu * dmu)
        dlnPdlnT = dPdTheta * theta / pressure
        dUdT = dUdTheta * theta / temperature
        // d/dln N at fixed θ: dμ/dlnN = N/N_μ.
        dlnPdlnRho = scale / 3 * t.pMu * (t.n / t.nMu) / pressure
        dUdlnRho = scale * t.uMu * (t.n / t.nMu)
    }
}

/// Dimensionless moments and their μ, θ derivatives (Gauss panels of `fermiBreakpoints`).
struct ThermoMoments {
    var n = 0.0, nMu = 0.0, nTheta = 0.0
    var p = 0.0, pMu = 0.0, pTheta = 0.0     // p = ∫ (p⁴/E)(f₋ + f₊)
    var u = 0.0, uMu = 0.0, uTheta = 0.0     // u = ∫ p²[(E−1)f₋ + (E+1)f₊]

    init(mu: Double, theta: Double) {
        let inv = 1 / theta
        forEachFermiNode(mu: mu, theta: theta, rule: FermiMomentsGauss.rule) { q, w in
            let p2 = q * q, e = (1 + p2).squareRoot()
            let fm = fermiOccupation((e - mu) * inv), fp = fermiOccupation((e + mu) * inv)
            let gm = fm * (1 - fm) * inv, gp = fp * (1 - fp) * inv          // ∂f/∂(±μ)
            let tm = gm * (e - mu) * inv, tp = gp * (e + mu) * inv          // ∂f/∂θ
            n += w * p2 * fermiDifference(x: e * inv, a: mu * inv)
            nMu += w * p2 * (gm + gp)
            nTheta += w * p2 * (tm - tp)
            let pw = w * p2 * p2 / e
            p += pw * (fm + fp)
            pMu += pw * (gm - gp)
            pTheta += pw * (tm + tp)
            let um = w * p2 * (e - 1), up = w * p2 * (e + 1)
            u += um * fm + up * fp
            uMu += um * gm - up * gp
            uTheta += um * tm + up * tp
        }
    }
}
