import Foundation
import GSL

/// Dimensionless plasmon-decay integrals at γ = ωp/T and v*, over the B&S branches
/// (k̂ = k/ωp, K̂² = (ω² − k²)/ωp², Z covariant residue, n_B = 1/(e^{γŵ} − 1)):
///
///     I_n^T = ∫₀^∞ dk̂ k̂² Z_T K̂^(2n) n_B            I_n^L = ∫₀^{k̂max} dk̂ k̂² Z_L K̂^(2n) n_B
///     I_A   = ∫₀^∞ dk̂ k̂² Z_T K̂² k̂² Π̂_A² n_B        (Π̂_A = Π_A/ωp on the transverse branch)
///
/// n = 3: vector weak coupling; n = 2: magnetic moment; n = 1: millicharge.
/// The emissivities are these times ωp^(2n+3) and the couplings (`PlasmonDecayRates`).
public struct PlasmonIntegrals: Sendable, Equatable {
    public var vectorTransverse = 0.0
    public var vectorLongitudinal = 0.0
    public var axial = 0.0
    public var magneticTransverse = 0.0
    public var magneticLongitudinal = 0.0
    public var chargeTransverse = 0.0
    public var chargeLongitudinal = 0.0

    public init() {}

    /// The channels in a fixed order (table storage).
    var channels: [Double] {
        [vectorTransverse, vectorLongitudinal, axial, magneticTransverse, magneticLongitudinal,
         chargeTransverse, chargeLongitudinal]
    }

    init(channels c: [Double]) {
        vectorTransverse = c[0]; vectorLongitudinal = c[1]; axial = c[2]
        magneticTransverse = c[3]; magneticLongitudinal = c[4]
        chargeTransverse = c[5]; chargeLongitudinal = c[6]
    }

    static let channelCount = 7
}

/// Fast integrals: fixed Gauss–Legendre panels on the explicit t-parametrised branches.
///
/// Transverse: t = tanh y, y ∈ [0, y_max], cosh y_max = 1 + 80/γ (n_B < e⁻⁸⁰ beyond), 10 panels.
/// Longitudinal: t ∈ [0, 1] on panels graded towards the cut-off t = 1 (where G_L has its
/// logarithm as v* → 1). Checked against `PlasmonIntegralsAdaptive` in the tests.
enum PlasmonIntegralsGauss {
    static var rule: GaussLegendreRule { GaussRules.twenty }
    static let transversePanels = 10
    static let longitudinalBreaks: [Double] = [0, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.96, 0.99, 1]

    /// With `scaled`, returns e^γ × the integrals (n_B e^γ = e^{−γ(ŵ−1)}/(1 − e^{−γŵ}), ŵ ≥ 1):
    /// finite for any γ, where the unscaled integrals underflow beyond γ ≈ 745.
    static func compute(gamma: Double, dispersion d: PlasmonDispersion, axial: AxialKernel?,
                        scaled: Bool = false) -> PlasmonIntegrals {
        @inline(__always) func occupation(_ w: Double) -> Double {
            scaled ? exp(-gamma * (w - 1)) / -expm1(-gamma * w) : boseOccupation(gamma * w)
        }
        var r = PlasmonIntegrals()
        let nodes = rule.nodes, weights = rule.weights
        // Transverse branch.
        let yMax = acosh(1 + 80 / gamma)
        let h = yMax / Double(transversePanels)
        // Π_A = scale (1 − t²) S(t): S is O(1) and smooth in y = artanh t (its log at t → 1 for
        // v → 1 becomes linear in y), so S — not Π_A, which spans e^(−2y_max) — is sampled at
        // Chebyshev points and interpolated (checked against the adaptive path in the tests).
        let axialInterpolant = axial.map { kernel in
            ChebyshevInterpolant(on: 0...yMax, points: 24) { y in
                let e2 = exp(-2 * y)
                return kernel.reducedSum(t: tanh(y), oneMinusT2: 4 * e2 / ((1 + e2) * (1 + e2)))
            }
        }
        for j in 0..<transversePanels {
            let a = Double(j) * h
            for i in 0..<nodes.count {
                let y = a + 0.5 * h * (nodes[i] + 1)
                let t = tanh(y)
                let e2 = exp(-2 * y), sech2 = 4 * e2 / ((1 + e2) * (1 + e2))   // 1/cosh² without overflow
                let p = d.transverse(t: t, oneMinusT2: sech2)
                let nB = occupation(p.omega)
                if nB == 0 { continue }
                let base = weights[i] * 0.5 * h * sech2 * p.dkdt * p.k * p.k * p.residueTimesVirtuality * nB
                let k2 = p.virtuality
                r.chargeTransverse += base
                r.magneticTransverse += base * k2
                r.vectorTransverse += base * k2 * k2
                if let axialInterpolant, let axial {
                    let pa = axial.scale * sech2 * axialInterpolant.value(at: y)
                    r.axial += base * p.k * p.k * pa * pa
                }
            }
        }
        // Longitudinal branch.
        let lb = longitudinalBreaks
        for j in 0..<(lb.count - 1) {
            let half = 0.5 * (lb[j + 1] - lb[j]), mid = 0.5 * (lb[j + 1] + lb[j])
            for i in 0..<nodes.count {
                let t = mid + half * nodes[i]
                let p = d.longitudinal(t: t)
                let nB = occupation(p.omega)
                if nB == 0 { continue }
                let base = weights[i] * half * p.dkdt * p.k * p.k * p.residueTimesVirtuality * nB
                let k2 = p.virtuality
                r.chargeLongitudinal += base
                r.magneticLongitudinal += base * k2
                r.vectorLongitudinal += base * k2 * k2
            }
        }
        return r
    }
}

/// Reference integrals: GSL adaptive quadrature over k̂ itself, with ω(k) from Brent root
/// finding on the dispersion relations and B&S's closed-form residues (no t-parametrisation).
/// About 10³–10⁴ times slower than the Gauss path; for tests and `--method quadrature`.
enum PlasmonIntegralsAdaptive {
    static func compute(gamma: Double, dispersion d: PlasmonDispersion,
                        axial: ((Double, Double) throws -> Double)?, relativeTolerance: Double = 1e-10) throws -> PlasmonIntegrals {
        let q = try Quadrature(limit: 4000)
        var failure: Error?
        // Transverse: k̂ up to where γ(ŵ − 1) > 150 (n_B below e⁻¹⁵⁰ of its peak), on panels that
        // double from max(1, 1/γ)/8: one qag over [0, 10⁶] for γ ~ 10⁻³ stalls in roundoff.
        let kMaxT = 1 + 150 / gamma
        var breaks: [Double] = [0]
        var edge = max(1, 1 / gamma) / 8
        while edge < kMaxT { breaks.append(edge); edge *= 2 }
        breaks.append(kMaxT)
        // Absolute tolerance scale: the fixed-rule estimate (only a scale, not the answer).
        let scale = PlasmonIntegralsGauss.compute(gamma: gamma, dispersion: d, axial: nil)
        func transverse(_ n: Int, axialWeight: Bool = false) throws -> Double {
            let size = n == 3 ? scale.vectorTransverse : n == 2 ? scale.magneticTransverse : scale.chargeTransverse
            let absTol = axialWeight ? 0 : 1e-3 * relativeTolerance * size
            var sum = 0.0
            for (a, b) in zip(breaks, breaks.dropFirst()) {
                sum += try q.integrate({ k in
                    do {
                        let (w, k2) = try d.transverseSolution(k: k)
                        let z = d.braatenSegelTransverseResidue(omega: w, k: k, virtuality: k2)
                        var f = k * k * z * pow(k2, Double(n)) * boseOccupation(gamma * w)
                        if axialWeight, let axial {
                            let pa = try axial(k / w, k2 / (w * w))
                            f *= k * k * pa * pa
                        }
                        return f
                    } catch { failure = error; return .nan }
                }, from: a, to: b, absoluteTolerance: absTol, relativeTolerance: relativeTolerance, rule: .gk41,
                   acceptRoundoff: 100 * relativeTolerance).value
            }
            return sum
        }
        let kMaxL = d.longitudinalCutoff
        func longitudinal(_ n: Int) throws -> Double {
            try q.integrate({ k in
                do {
                    let w = try d.longitudinalOmega(k: min(k, kMaxL))
                    let k2 = w * w - k * k
                    // Covariant Z_L K^(2n) = Z_l ω² K^(2n−2) with B&S's ε-convention Z_l.
                    let zl = d.braatenSegelLongitudinalResidue(omega: w, k: k)
                    return k * k * zl * w * w * pow(max(k2, 0), Double(n - 1)) * boseOccupation(gamma * w)
                } catch { failure = error; return .nan }
            }, from: 0, to: kMaxL, absoluteTolerance: 0, relativeTolerance: relativeTolerance, rule: .gk41,
               acceptRoundoff: 100 * relativeTolerance).value
        }
        var r = PlasmonIntegrals()
        do {
            r.vectorTransverse = try transverse(3)
            r.magneticTransverse = try transverse(2)
            r.chargeTransverse = try transverse(1)
            r.vectorLongitudinal = try longitudinal(3)
            r.magneticLongitudinal = try longitudinal(2)
            r.chargeLongitudinal = try longitudinal(1)
            if axial != nil { r.axial = try transverse(1, axialWeight: true) }
        } catch {
            throw PlasmaError.numerical("plasmon integrals (γ = \(gamma), v* = \(d.vStar)): \(failure.map { "\($0)" } ?? "\(error)")")
        }
        return r
    }
}
