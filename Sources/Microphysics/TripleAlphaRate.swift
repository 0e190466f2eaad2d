import Constants
import Foundation

/// Thermonuclear rate of 3 ⁴He → ¹²C + γ (Q = 7.275 MeV), N_A²⟨ααα⟩ in cm⁶ mol⁻² s⁻¹, unscreened.
///
/// Transcriptions were read in public codes that cite the papers and agree with each other:
/// Timmes' `aprox` rates and the `triple_alpha_plus_cago` network in AMReX-Astro/Microphysics,
/// MESA `rates/private/ratelib.f90`, and pynucastro's REACLIB file `he4-aag-c12-fy05`.
public enum TripleAlphaRate: String, CaseIterable, Sendable {
    /// Caughlan & Fowler, ADNDT 40 (1988) 283: two-step ⁸Be form, with the T9 ≤ 0.08 correction.
    case cf88
    /// Fynbo et al., Nature 433 (2005) 136, as the three REACLIB sets "fy05".
    case fynbo2005
    /// NACRE, Angulo et al., Nucl. Phys. A 656 (1999) 3, as transcribed in MESA (not checked against the paper).
    case nacre

    /// N_A²⟨ααα⟩ [cm⁶ mol⁻² s⁻¹] at T9 = T/10⁹ K, 10⁻³ ≤ T9 ≤ 10 (0 below the range's underflow).
    public func rate(t9 t: Double) -> Double {
        switch self {
        case .cf88: return Self.cf88(t)
        case .fynbo2005: return Self.fy05.reduce(0) { $0 + Self.reaclib($1, t) }
        case .nacre: return Self.nacre(t)
        }
    }

    /// CF88: R_αα (⁸Be formation) × R_αBe × 2.90e-16, plus 0.1 × 1.35e-7 T9^(−3/2) e^(−24.811/T9)
    /// (the factor 0.1 as in Timmes' and MESA's transcriptions); below T9 = 0.08 the first term is
    /// multiplied by F = 0.01 + [0.2 + 0.8 e^(−(0.025/T9)^3.263)] / [1 + 4 e^(−(T9/0.025)^9.227)].
    static func cf88(_ t: Double) -> Double {
        let t13 = cbrt(t), t23 = t13 * t13, t43 = t * t13, t53 = t * t23, t32 = t * t.squareRoot()
        let rAA = 7.40e5 / t32 * exp(-1.0663 / t)
            + 4.164e9 / t23 * exp(-13.49 / t13 - t * t / 0.009604)
            * (1 + 0.031 * t13 + 8.009 * t23 + 1.732 * t + 49.883 * t43 + 27.426 * t53)
        let rABe = 130 / t32 * exp(-3.3364 / t)
            + 2.510e7 / t23 * exp(-23.57 / t13 - t * t / 0.055225)
            * (1 + 0.018 * t13 + 5.249 * t23 + 0.650 * t + 19.176 * t43 + 6.034 * t53)
        var first = 2.90e-16 * rAA * rABe
        if t <= 0.08 {
            first *= 0.01 + (0.2 + 0.8 * exp(-pow(0.025 / t, 3.263))) / (1 + 4 * exp(-pow(t / 0.025, 9.227)))
        }
        return first + 0.1 * 1.35e-7 / t32 * exp(-24.811 / t)
    }

    /// REACLIB form λ = exp(a₀ + a₁/T9 + a₂T9^(−1/3) + a₃T9^(1/3) + a₄T9 + a₅T9^(5/3) + a₆ ln T9).
    static func reaclib(_ a: [Double], _ t: Double) -> Double {
        let t13 = cbrt(t)
        return exp(a[0] + a[1] / t + a[2] / t13 + a[3] * t13 + a[4] * t + a[5] * t * t13 * t13 + a[6] * log(t))
    }

    /// fy05: two resonant sets and one non-resonant set (pynucastro and MESA agree).
    static let fy05: [[Double]] = [
        [-24.3505, -4.12656, -13.49, 21.4259, -1.34769, 0.0879816, -13.1653],
        [-11.7884, -1.02446, -23.57, 20.4886, -12.9882, -20.0, -2.16667],
        [-0.971052, 0.0, -37.06, 29.3493, -115.507, -10.0, -1.33333],
    ]

    static func nacre(_ t: Double) -> Double {
        let t13 = cbrt(t), t23 = t13 * t13, t32 = t * t.squareRoot()
        let rAA = 2.43e9 / t23 * exp(-13.490 / t13 - pow(t / 0.15, 2)) * (1 + 74.5 * t)
            + 6.09e5 / t32 * exp(-1.054 / t)
        let rABe = 2.76e7 / t23 * exp(-23.570 / t13 - pow(t / 0.4, 2)) * (1 + 5.47 * t + 326 * t * t)
            + 130.7 / t32 * exp(-3.338 / t) + 2.51e4 / t32 * exp(-20.307 / t)
        let b = t <= 0.03 ? max(0, 3.07e-16 * (1 - 29.1 * t + 1308 * t * t)) : 3.44e-16 * (1 + 0.0158 * pow(t, -0.65))
        return b * rAA * rABe
    }
}
