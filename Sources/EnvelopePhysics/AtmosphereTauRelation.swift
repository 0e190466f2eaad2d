import Foundation

/// A temperature–optical-depth relation of the form T⁴ = ¾ T_eff⁴ [τ + q(τ)].
///
/// - `eddington`: the grey Eddington approximation, q = 2/3 (e.g. Mihalas 1978, *Stellar Atmospheres*, §3-3;
///   KWW 2012 ch. 4); T = T_eff exactly at τ = 2/3.
/// - `krishnaSwamy`: Krishna Swamy (1966, ApJ 145, 174), a fit to the solar (non-grey) T(τ):
///   q(τ) = 1.39 − 0.815 e^{−2.54τ} − 0.025 e^{−30τ}. The coefficients are those in MESA's
///   `atm/private/atm_T_tau_relations.f90` (`eval_Krishna_Swamy`, Q1…Q5 = 1.39, −0.815, 2.54, −0.025, 30), which
///   cites the same paper; T = T_eff at τ ≈ 0.3122 (MESA's `tau_base` 0.3121563, reproduced in the tests).
public enum TauRelation: Sendable, Hashable, CaseIterable {
    case eddington
    case krishnaSwamy

    /// q(τ), the Hopf-like function of the relation.
    @inlinable
    public func q(_ tau: Double) -> Double {
        switch self {
        case .eddington: return 2.0 / 3.0
        case .krishnaSwamy: return 1.39 - 0.815 * exp(-2.54 * tau) - 0.025 * exp(-30 * tau)
        }
    }

    /// dq/dτ.
    @inlinable
    public func dqdtau(_ tau: Double) -> Double {
        switch self {
        case .eddington: return 0
        case .krishnaSwamy: return 0.815 * 2.54 * exp(-2.54 * tau) + 0.025 * 30 * exp(-30 * tau)
        }
    }

    /// T/T_eff at optical depth τ: [¾(τ + q(τ))]^{1/4}.
    @inlinable
    public func temperatureRatio(_ tau: Double) -> Double {
        (0.75 * (tau + q(tau))).squareRoot().squareRoot()
    }

    /// The optical depth at which T = T_eff, i.e. τ + q(τ) = 4/3 (Newton's method; τ + q is increasing).
    public var photosphericTau: Double {
        switch self {
        case .eddington: return 2.0 / 3.0
        case .krishnaSwamy:
            var tau = 2.0 / 3.0
            for _ in 0..<50 {
                let f = tau + q(tau) - 4.0 / 3.0
                let step = f / (1 + dqdtau(tau))
                tau -= step
                if abs(step) < 1e-16 { break }
            }
            return tau
        }
    }
}
