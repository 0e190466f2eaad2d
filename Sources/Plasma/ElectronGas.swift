import Foundation
import GSL

/// The electron–positron gas at any degeneracy and temperature, in chemical equilibrium
/// with pairs (μ₊ = −μ₋), and the plasma frequencies that set the photon dispersion.
///
/// With p, E in units of mₑc², θ = kT/mₑc², f∓(p) = 1/(exp((E ∓ μ)/θ) + 1):
///
///     n₋ − n₊ = (mₑ³/π²) ∫ p² (f₋ − f₊) dp = ρ Yₑ / m_u                     (charge neutrality)
///     ωp² = (4α/π) mₑ² ∫ (p²/E)(1 − v²/3)(f₋ + f₊) dp                        (B&S 1993, §II)
///     ω₁² = (4α/π) mₑ² ∫ (p²/E)(5v²/3 − v⁴)(f₋ + f₊) dp                      (B&S 1993, §II)
///     v* = ω₁/ωp, v = p/E
///
/// Braaten & Segel, Phys. Rev. D 48 (1993) 1478 (hep-ph/9302213). ħ = c = k_B = 1.
public struct ElectronGasState: Sendable, Equatable {
    /// Mass density ρ in g cm⁻³.
    public let density: Double
    /// Temperature T in K.
    public let temperature: Double
    /// Electrons per baryon Yₑ.
    public let electronFraction: Double
    /// Electron chemical potential μ in keV, including the rest mass (μ ≥ 0).
    public let chemicalPotential_keV: Double
    /// Electron number density n₋ in cm⁻³.
    public let electronDensity_cm3: Double
    /// Positron number density n₊ in cm⁻³.
    public let positronDensity_cm3: Double
    /// Plasma frequency ωp in keV.
    public let omegaP_keV: Double
    /// First-moment frequency ω₁ in keV.
    public let omega1_keV: Double

    /// kT in keV.
    public var kT_keV: Double { PhysicalConstants.boltzmann_keV_per_K * temperature }
    /// v* = ω₁/ωp, the typical electron velocity of B&S (0 classical, → 1 relativistic).
    public var vStar: Double { omega1_keV / omegaP_keV }
    /// Degeneracy parameter η = (μ − mₑ)/kT.
    public var degeneracy: Double { (chemicalPotential_keV - PhysicalConstants.electronMass_keV) / kT_keV }
}

/// How the Fermi–Dirac moments are integrated.
public enum QuadratureMethod: Sendable {
    /// Fixed Gauss–Legendre panels placed on the Fermi edge (fast; used to build tables).
    case gaussPanels
    /// GSL adaptive Gauss–Kronrod with error control (reference; slow).
    case adaptive
}

/// Solves the electron gas for (ρ, T, Yₑ).
public enum ElectronGas {
    /// Supported input ranges (outside them the module throws `PlasmaError.outOfRange`).
    public static let densityRange: ClosedRange<Double> = 1e-12...1e14
    public static let temperatureRange: ClosedRange<Double> = 1e4...1e11
    /// Yₑ below 10⁻⁶ is refused: no stellar plasma has it, and it drives ωp/kT below ~10⁻¹⁵⁰ where
    /// the plasmon integrals' variables overflow.
    public static let electronFractionRange = "[1e-6, 1]"

    /// Throws `PlasmaError.outOfRange` naming the parameter unless (ρ, T, Yₑ) are supported.
    public static func validate(density: Double, temperature: Double, electronFraction ye: Double) throws {
        _ = try validated(density: density, temperature: temperature, electronFraction: ye)
    }

    /// Validates (ρ, T, Yₑ) and returns θ = kT/mₑc² and N = π² (ħ/mₑc)³ ρYₑ/m_u (dimensionless).
    static func validated(density: Double, temperature: Double, electronFraction ye: Double) throws
        -> (theta: Double, netNumber: Double) {
        guard density.isFinite, densityRange.contains(density) else {
            throw PlasmaError.outOfRange(parameter: "density", value: density,
                                         allowed: "[1e-12, 1e14] g/cm3")
        }
        guard temperature.isFinite, temperatureRange.contains(temperature) else {
            throw PlasmaError.outOfRange(parameter: "temperature", value: temperature, allowed: "[1e4, 1e11] K")
        }
        guard ye.isFinite, ye >= 1e-6, ye <= 1 else {
            throw PlasmaError.outOfRange(parameter: "ye", value: ye, allowed: electronFractionRange)
        }
        let me = PhysicalConstants.electronMass_keV
        let theta = PhysicalConstants.boltzmann_keV_per_K * temperature / me
        let lambdaC = PhysicalConstants.hbarC_keV_cm / me          // reduced Compton wavelength, cm
        let n = density * ye / PhysicalConstants.atomicMassUnit_g   // cm⁻³
        return (theta, n * lambdaC * lambdaC * lambdaC * Double.pi * Double.pi)
    }

    /// The gas state at (ρ [g cm⁻³], T [K], Yₑ).
    public static func state(density: Double, temperature: Double, electronFraction ye: Double,
                             method: QuadratureMethod = .gaussPanels) throws -> ElectronGasState {
        let (theta, target) = try validated(density: density, temperature: temperature, electronFraction: ye)
        let mu: Double
        let m: FermiMoments
        switch method {
        case .gaussPanels:
            mu = try FermiMomentsGauss.solveChemicalPotential(netNumber: target, theta: theta)
            m = FermiMomentsGauss.moments(mu: mu, theta: theta)
        case .adaptive:
            mu = try numerical("chemical potential") { try FermiMomentsAdaptive.solveChemicalPotential(netNumber: target, theta: theta) }
            m = try numerical("Fermi–Dirac moments") { try FermiMomentsAdaptive.moments(mu: mu, theta: theta) }
        }
        return makeState(density: density, temperature: temperature, ye: ye, mu: mu, moments: m)
    }

    static func makeState(density: Double, temperature: Double, ye: Double, mu: Double,
                          moments m: FermiMoments) -> ElectronGasState {
        let me = PhysicalConstants.electronMass_keV
        let numberScale = PhysicalConstants.keV3_to_per_cm3 * me * me * me / (Double.pi * Double.pi)
        let freqScale = 4 * PhysicalConstants.fineStructure / Double.pi * me * me
        return ElectronGasState(
            density: density, temperature: temperature, electronFraction: ye,
            chemicalPotential_keV: mu * me,
            electronDensity_cm3: (m.net + m.positrons) * numberScale,
            positronDensity_cm3: m.positrons * numberScale,
            omegaP_keV: (freqScale * m.plasma).squareRoot(),
            omega1_keV: (freqScale * m.omega1).squareRoot())
    }
}

/// Dimensionless momentum moments of the pair gas (p, E in mₑc²).
struct FermiMoments {
    /// ∫ p² (f₋ − f₊) dp
    var net = 0.0
    /// ∫ p² f₊ dp (positrons alone: n₊ from n₋ − n₊ and n₋ + n₊ would cancel when degenerate)
    var positrons = 0.0
    /// ∫ (p²/E)(1 − v²/3)(f₋ + f₊) dp
    var plasma = 0.0
    /// ∫ (p²/E)(5v²/3 − v⁴)(f₋ + f₊) dp
    var omega1 = 0.0
    /// d(net)/dμ = (1/θ) ∫ p² [f₋(1 − f₋) + f₊(1 − f₊)] dp
    var dNetdMu = 0.0
}

/// Calls `body(p, w)` for every node of `rule` on the panels of `fermiBreakpoints(mu:theta:)`, with w the
/// node's weight on its panel: Σ w f(p) is the fixed-rule ∫ f dp over the distribution's support.
@inline(__always)
func forEachFermiNode(mu: Double, theta: Double, rule: GaussLegendreRule, _ body: (Double, Double) -> Void) {
    let bp = fermiBreakpoints(mu: mu, theta: theta)
    let nodes = rule.nodes, weights = rule.weights
    for j in 0..<(bp.count - 1) {
        let half = 0.5 * (bp[j + 1] - bp[j]), mid = 0.5 * (bp[j] + bp[j + 1])
        for i in 0..<nodes.count { body(mid + half * nodes[i], weights[i] * half) }
    }
}

/// Breakpoints in p for integrals over the Fermi–Dirac distributions at (μ, θ).
///
/// Numerical trap: for a degenerate gas the occupation drops from 1 to 0 over
/// δp = θE₀/p₀ around p₀ = √(μ² − 1); a rule that straddles the edge with panels much
/// wider than δp converges only geometrically with ratio ~ 1 + πδp/width. Panels are
/// therefore graded geometrically away from the edge and away from p = 0.
func fermiBreakpoints(mu: Double, theta: Double) -> [Double] {
    let eMax = max(mu, 1) + 60 * theta
    let pMax = (eMax * eMax - 1).squareRoot()
    var points: [Double] = [0, pMax]
    // Thermal scale (momentum where E − 1 = θ) for the non-degenerate part.
    let pTh = (theta * (theta + 2)).squareRoot()
    var s = pTh / 8
    while s < pMax {
        points.append(s)
        s *= 2
    }
    if mu > 1 {
        let p0 = (mu * mu - 1).squareRoot()
        let width = theta * mu / p0
        for offset in [0.0, 1.5, 4, 10, 25, 60] {
            points.append(p0 - offset * width)
            points.append(p0 + offset * width)
        }
        // Interior of the Fermi sea: a few panels graded towards the edge.
        for frac in [0.25, 0.5, 0.75, 0.9] { points.append(frac * p0) }
    }
    let sorted = points.filter { $0 >= 0 && $0 <= pMax }.sorted()
    var result: [Double] = []
    for p in sorted where result.isEmpty || p - result[result.count - 1] > 1e-12 * pMax {
        result.append(p)
    }
    return result
}
