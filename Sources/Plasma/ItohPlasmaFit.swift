import Foundation

/// The Itoh et al. (1996) plasma-neutrino fitting formula, as a named comparison model.
///
/// Itoh, Hayashi, Nishikawa & Kohyama, ApJS 102 (1996) 411, eqs. (4.1), (4.5)–(4.11) as labelled in the
/// codes that implement it (the paper itself was not read here), the form
/// used by Timmes' `sneut5` and MESA's `neu` module (transcription checked against both):
///
///     λ = T/5.9302×10⁹ K,   γ² = 1.1095×10¹¹ (ρ/μₑ) / (T² [1 + (1.019×10⁻⁶ ρ/μₑ)^(2/3)]^(1/2))
///     f_T = 2.4 + 0.6γ^½ + 0.51γ + 1.25γ^(3/2)
///     f_L = (8.6γ² + 1.35γ^(7/2)) / (225 − 17γ + γ²)
///     Q_V = 3.00×10²¹ λ⁹ γ⁶ e^(−γ) (f_T + f_L)  erg cm⁻³ s⁻¹               (= HRW 1994 form)
///     x = [17.5 + log₁₀(2ρ/μₑ) − 3 log₁₀T]/6,  y = [−24.5 + log₁₀(2ρ/μₑ) + 3 log₁₀T]/6
///     f_xy = 1 if |x| > 0.7 or y < 0, else
///            1.05 + [0.39 − 1.25x − 0.35 sin 4.5x − 0.3 e^(−(4.5x+0.9)²)] e^(−[min(0, y − 1.6 + 1.25x)/(0.57 − 0.25x)]²)
///     Q_plasma = (C_V² + 2C_V′²) Q_V f_xy
///
/// ρ/μₑ = ρYₑ. The fit's own sin²θ_W is 0.2319 (ΣC_V² = 0.93153); `couplings` rescales it.
/// HRW (Haft, Raffelt & Weiss, ApJ 425 (1994) 222) is the same without f_xy.
public enum ItohPlasmaFit {
    public struct Result: Sendable, Equatable {
        /// Itoh et al. (1996) rate, with f_xy, erg cm⁻³ s⁻¹.
        public let itoh: Double
        /// HRW form (f_xy = 1), erg cm⁻³ s⁻¹.
        public let hrw: Double
        /// γ of the fit (its approximation to ωp/T).
        public let gamma: Double
        /// f_xy.
        public let fxy: Double
    }

    /// The fits at (ρ [g cm⁻³], T [K], Yₑ), with the flavour sum of `couplings`.
    @inline(__always)
    public static func rate(density rho: Double, temperature t: Double, electronFraction ye: Double,
                            couplings: ElectroweakCouplings = .standard) -> Result {
        let rhoYe = rho * ye
        let lambda = t / 5.9302e9
        let gamma2 = 1.1095e11 * rhoYe / (t * t * (1 + pow(1.019e-6 * rhoYe, 2.0 / 3.0)).squareRoot())
        let g = gamma2.squareRoot()
        let gh = g.squareRoot()
        let ft = 2.4 + 0.6 * gh + 0.51 * g + 1.25 * g * gh
        let fl = (8.6 * gamma2 + 1.35 * gamma2 * g * gh) / (225 - 17 * g + gamma2)
        let l3 = lambda * lambda * lambda
        let qv = 3.00e21 * l3 * l3 * l3 * gamma2 * gamma2 * gamma2 * exp(-g) * (ft + fl)
        let lg = log10(2 * rhoYe), lt = log10(t)
        let x = (17.5 + lg - 3 * lt) / 6
        let y = (-24.5 + lg + 3 * lt) / 6
        var fxy = 1.0
        if abs(x) <= 0.7 && y >= 0 {
            let z = min(0, y - 1.6 + 1.25 * x) / (0.57 - 0.25 * x)
            fxy = 1.05 + (0.39 - 1.25 * x - 0.35 * sin(4.5 * x) - 0.3 * exp(-(4.5 * x + 0.9) * (4.5 * x + 0.9))) * exp(-z * z)
        }
        let hrw = couplings.sumCV2 * qv
        return Result(itoh: hrw * fxy, hrw: hrw, gamma: g, fxy: fxy)
    }

    /// The HRW/Raffelt magnetic-moment ratio Q_μ/Q_ν = 0.318 μ₁₂² (10 keV/ωp)²
    /// (2πα μν²/(G_F² ΣC_V² ωp²) at ΣC_V² = 0.93153), with ωp in keV.
    public static func magneticRatio(mu12: Double, omegaP_keV: Double) -> Double {
        0.318 * mu12 * mu12 * (10 / omegaP_keV) * (10 / omegaP_keV)
    }
}
