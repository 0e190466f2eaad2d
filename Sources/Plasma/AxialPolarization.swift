import Foundation
import GSL

/// The axial-vector–vector mixing of the photon in the electron gas, which lets transverse
/// plasmons decay through the electrons' axial coupling C_A.
///
/// Π_AV^{μν}(K) = i ε^{μναβ} K_α u_β Π_A(ω, k) (u = plasma rest frame). One loop, to leading
/// order in K²/(2P·K) as for the B&S vector functions (derivation: Docs/plasma.md §4):
///
///     Π_A = −(2α/π) (K²/k²) ∫ dp (p²/E²)(f₋ − f₊) [ L(v k/ω) − (ω² − k²)/(ω² − v²k²) ]
///
/// With t = k/ω it depends on t only: (K²/k²) = (1 − t²)/t², (ω² − k²)/(ω² − v²k²) = (1 − t²)/(1 − v²t²).
/// Exact checks (tests): static limit Π_A(ω → 0) = −(2α/π) ∫ (f₋ − f₊) dp, i.e. Pauli spin
/// paramagnetism e p_F B/(2π²) for a degenerate gas and the chiral-separation coefficient
/// eμ/(2π²) for massless fermions. Long-wavelength limit t → 0:
///     Π_A → −(2α/π) ∫ dp (p²/E²)(1 − 2v²/3)(f₋ − f₊), so the axial/vector amplitude ratio is
///     k Π_A/K² ≈ k/(2mₑ) for non-relativistic electrons (a magneton-sized spin effect).
/// No source with the published formula could be read here; it is derived, not copied.
struct AxialKernel: Sendable {
    /// Quadrature weights × (p²/E²)(f₋ − f₊) (dimensionless p in mₑ).
    let weights: [Double]
    /// Electron velocities v = p/E at the nodes.
    let velocities: [Double]
    /// −(2α/π) mₑ/ωp: converts the p-integral to Π_A/ωp.
    let scale: Double

    static var rule: GaussLegendreRule { GaussRules.eight }

    /// Builds the kernel at chemical potential μ and θ (both in mₑ), for plasma frequency ωp (keV).
    init(mu: Double, theta: Double, omegaP_keV: Double) {
        var w: [Double] = [], v: [Double] = []
        forEachFermiNode(mu: mu, theta: theta, rule: Self.rule) { p, weight in
            let e2 = 1 + p * p
            let d = fermiDifference(x: e2.squareRoot() / theta, a: mu / theta)
            w.append(weight * p * p / e2 * d)
            v.append(p / e2.squareRoot())
        }
        weights = w
        velocities = v
        scale = Self.scale(omegaP_keV: omegaP_keV)
    }

    /// −(2α/π) mₑ/ωp: the p-integral (p in mₑ) times this is Π_A/ωp.
    static func scale(omegaP_keV: Double) -> Double {
        -2 * PhysicalConstants.fineStructure / Double.pi * PhysicalConstants.electronMass_keV / omegaP_keV
    }

    /// Π_A/ωp at t = k/ω: `scale` × (1 − t²) × `reducedSum`.
    @inline(__always)
    func value(t: Double, oneMinusT2: Double) -> Double {
        scale * oneMinusT2 * reducedSum(t: t, oneMinusT2: oneMinusT2)
    }

    /// Σᵢ Wᵢ [L(vᵢt) − (1 − t²)/(1 − vᵢ²t²)]/t²: the O(1), smooth factor of Π_A (finite at t → 1).
    @inline(__always)
    func reducedSum(t: Double, oneMinusT2: Double) -> Double {
        var s = 0.0
        for i in 0..<weights.count { s += weights[i] * axialBracketOverT2(v: velocities[i], t: t, oneMinusT2: oneMinusT2) }
        return s
    }
}

/// [L(vt) − (1 − t²)/(1 − v²t²)] / t².
/// Trap: the bracket cancels like t²; below t = 0.2 its series
/// Σⱼ≥₁ t^(2j−2) [v^(2j−2) − (2j/(2j+1)) v^(2j)] is used (to t²⁶).
@inline(__always)
func axialBracketOverT2(v: Double, t: Double, oneMinusT2: Double) -> Double {
    if t < 0.2 {
        let v2 = v * v, t2 = t * t
        var s = 0.0, tp = 1.0, vp = 1.0
        for j in 1...14 {
            let vNext = vp * v2
            s += tp * (vp - Double(2 * j) / Double(2 * j + 1) * vNext)
            tp *= t2
            vp = vNext
        }
        return s
    }
    let x = v * t
    return (artanhOverX(x) - oneMinusT2 / (1 - x * x)) / (t * t)
}

/// Reference Π_A/ωp at t by GSL adaptive quadrature over p (tests and the direct path).
func axialPolarizationAdaptive(t: Double, oneMinusT2: Double, mu: Double, theta: Double,
                                omegaP_keV: Double) throws -> Double {
    let q = try Quadrature(limit: 4000)
    let bp = fermiBreakpoints(mu: mu, theta: theta)
    let points = FermiMomentsAdaptive.adaptiveBreakpoints(mu: mu, theta: theta, all: bp)
    var sum = 0.0
    for (a, b) in zip(points, points.dropFirst()) where b > a {
        sum += try numerical("axial polarisation at t = \(t)") { try q.integrate({ p in
            let e2 = 1 + p * p, e = e2.squareRoot()
            return p * p / e2 * fermiDifference(x: e / theta, a: mu / theta)
                * axialBracketOverT2(v: p / e, t: t, oneMinusT2: oneMinusT2)
        }, from: a, to: b, absoluteTolerance: 0, relativeTolerance: 1e-11, rule: .gk41, acceptRoundoff: 1e-9).value }
    }
    return AxialKernel.scale(omegaP_keV: omegaP_keV) * oneMinusT2 * sum
}
