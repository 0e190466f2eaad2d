import Constants
import Foundation
import GSL

/// Electron thermal conduction in degenerate, fully ionised matter, as an opacity
/// κ_cond = 16σT³/(3ρK) [cm² g⁻¹], K = π²k²T nₑ/(3m*(ν_ei + ν_ee)), m* = mₑ√(1+x²), x = p_F/mₑc.
///
/// Electron–ion collisions ν_ei = 4πZ²e⁴nᵢΛ/(p_F²v_F) = 1.7546×10¹⁶ Z Λ √(1+x²) s⁻¹ with a
/// Coulomb logarithm Λ from one of the `Prescription`s; electron–electron collisions from
/// Shternin & Yakovlev, PRD 74 (2006) 043004 (their fit as coded in Potekhin's `conduct19`).
/// Transcriptions: Potekhin's public `conduct19.f` (routines COUL19/COULAN3/TAUEESY, citing
/// Potekhin et al. 1999, A&A 346, 345, Appendix). Simplified for B = 0, point nuclei, no thermal
/// averaging: reproduces Potekhin's code for He to 0.4 % at ρ = 10⁶ and to 1–13 % at ρ = 10⁵
/// (T = 3–10×10⁷ K; tests), where T/T_F = 0.08–0.25 makes the thermal averaging matter.
public enum ConductiveOpacity {
    public enum Prescription: String, CaseIterable, Sendable {
        /// Potekhin, Baiko, Haensel & Yakovlev 1999 Coulomb logarithm (the method behind the
        /// Cassisi et al. 2007 tables) + Shternin & Yakovlev 2006 e–e.
        case potekhin1999
        /// The older Yakovlev & Urpin 1980 logarithm Λ = ln[(2πZ/3)^(1/3)(3/2 + 3/Γ)^(1/2)] − v²/2,
        /// + the same e–e term.
        case yakovlevUrpin1980
    }

    // CGS constants from `Constants` (CODATA 2018).
    static let kB = CGS.boltzmann, me = CGS.electronMass, c = CGS.speedOfLight, hbar = CGS.hbar
    static let alpha = CGS.fineStructure, avogadro = CGS.avogadro
    /// 16σ/3 in erg cm⁻² s⁻¹ K⁻⁴.
    static let sixteenSigmaOverThree = 16 * CGS.stefanBoltzmann / 3

    /// κ_cond in cm² g⁻¹ for a plasma of ions (Z, A) at (ρ [g cm⁻³], T [K]); with `blouin2020`
    /// the Blouin et al. (2020, ApJ 899, 46) He/H correction (as used in MESA) divides it by 1 + gH.
    ///
    /// For a mixture pass Z̄, Ā and ⟨Z²⟩: electron–ion collisions scale with ⟨Z²⟩/Z̄ per electron
    /// (the Coulomb logarithm is evaluated with Z̄). Refused above Γ = 175: the fits are for the liquid.
    public static func opacity(density rho: Double, temperature t: Double, charge z: Double, mass a: Double,
                               meanChargeSquared z2: Double? = nil,
                               prescription: Prescription = .potekhin1999, blouin2020: Bool = false) throws -> Double {
        guard rho.isFinite, rho > 0, t.isFinite, t > 0, z >= 1, a >= 1 else {
            throw MicrophysicsError.outOfRange(parameter: rho > 0 ? "temperature" : "density",
                                               value: rho > 0 ? t : rho, allowed: "(0, ∞)")
        }
        let ye = z / a
        let ne = rho * ye * avogadro
        let x = hbar * cbrt(3 * Double.pi * Double.pi * ne) / (me * c)
        let e = (1 + x * x).squareRoot(), v = x / e
        let gamma = CoulombModel.gamma(charge: z, mass: a, density: rho, temperature: t)
        guard gamma <= 175 else {
            throw MicrophysicsError.outOfRange(parameter: "ion coupling Γ (conduction)", value: gamma,
                                               allowed: "≤ 175 (liquid; solid-phase conduction is not modelled)")
        }
        let lambda: Double
        switch prescription {
        case .potekhin1999: lambda = try potekhinLogarithm(x: x, v: v, z: z, a: a, ne: ne, gamma: gamma, t: t)
        case .yakovlevUrpin1980:
            lambda = max(log(cbrt(2 * Double.pi * z / 3) * (1.5 + 3 / gamma).squareRoot()) - v * v / 2, 0.1)
        }
        let nuEI = 1.7546e16 * (z2 ?? z * z) / z * lambda * e
        let nuEE = electronElectronFrequency(x: x, t: t)
        let k = Double.pi * Double.pi * kB * kB * t * ne / (3 * me * e * (nuEI + nuEE))
        var kappa = sixteenSigmaOverThree * t * t * t / (rho * k)
        if blouin2020 { kappa *= blouinFactor(density: rho, temperature: t, charge: z) }
        return kappa
    }

    /// PBHY99 Λ_ei (Appendix, as in COULAN3): screening by ions (C q_i², C = (1+0.06Γ)e^(−√Γ)) and
    /// degenerate electrons (Thomas–Fermi), structure-factor parameter u₋₂ = 12.972.
    static func potekhinLogarithm(x: Double, v: Double, z: Double, a: Double, ne: Double, gamma: Double,
                                  t: Double) throws -> Double {
        let compton = me * c / hbar                          // cm⁻¹
        let ni = ne / z
        let ai = cbrt(3 / (4 * Double.pi * ni))
        let qi2 = 3 * gamma / (ai * ai)
        let qe2 = 4 * alpha / Double.pi * x * (1 + x * x).squareRoot() * compton * compton
        let beta = Double.pi * alpha * z * v
        let cIon = (1 + 0.06 * gamma) * exp(-gamma.squareRoot())
        let qs2 = (cIon * qi2 + qe2) * exp(-beta)
        let kF2 = 4 * x * x * compton * compton              // (2k_F)²
        let xs = qs2 / kF2
        let w = 12.972 * kF2 * (1 + beta / 3) / qi2
        let b = xs * w
        let el = try SpecialFunctions.expIntE1Scaled(b) - exp(-w) * SpecialFunctions.expIntE1Scaled(b + w)
        let l1 = 0.5 * (log(1 + 1 / xs) + xs * (1 - exp(-w)) / (1 + xs) - (1 + b) * el)
        let l2 = 0.5 * ((w - 1 + exp(-w)) / w - xs * xs * (1 - exp(-w)) / (1 + xs) - 2 * xs * log(1 + 1 / xs)
            + xs * (2 + b) * el)
        // Quantum ion-motion factor G₀ = t/√(t² + T₀²)(1 + (Z/125)²), t = T/T_pi, T₀ = 0.19 Z^(−1/6).
        let mi = a / avogadro
        let tpi = hbar * (4 * Double.pi * z * z * CGS.elementaryCharge * CGS.elementaryCharge * ni / mi).squareRoot() / kB
        let tt = t / tpi, t0 = 0.19 * pow(z, -1.0 / 6)
        let g0 = tt / (tt * tt + t0 * t0).squareRoot() * (1 + pow(z / 125, 2))
        return (l1 - v * v * l2) * g0
    }

    /// Effective e–e collision frequency 1/τ_ee in s⁻¹ (Shternin & Yakovlev 2006 fit with the
    /// non-degenerate interpolation of `conduct19`'s TAUEESY; ħ = mₑ = c = 1 inside, time unit ħ/(mₑc²) = 1.288e-21 s).
    /// The fit's temperature unit 5.930e9 K is mₑc²/k_B as rounded in `conduct19` (exact: 5.92989e9 K); it is
    /// kept as part of the transcribed fit.
    static func electronElectronFrequency(x: Double, t: Double) -> Double {
        let tr = t / 5.930e9
        let e = (1 + x * x).squareRoot(), u = x / e
        let th = 0.0963913 * x * u.squareRoot() / tr
        let c1 = 0.123636 + 0.016234 * u * u, c2 = 0.0762 + 0.05714 * u * u * u * u
        let aa = 12.2 + 25.2 * u * u * u, cc = aa * exp(c1 / c2)
        let iL = log(1 + 128.56 / (37.1 * th + 10.83 * th * th + th * th * th)) * (0.1587 - 0.02538 / (1 + 0.0435 * th)) / u
        let tu = th * u
        let iT = u * u * u * log(1 + cc / (aa * tu + tu * tu)) * (2.404 / cc + (c2 - 2.404 / cc) / (1 + 0.1 * tu))
        let iLT = u * log(1 + cc / (aa * th + 10.83 * tu * tu + pow(tu, 8.0 / 3)))
            * (18.52 * u * u / cc + (c2 - 18.52 * u * u / cc) / (1 + 0.1558 * pow(th, 1 - 0.75 * u)))
        let nu = 2.1381e-4 * x * th * u.squareRoot() * (iL + iT + iLT)
        let theta = tr * (1 + e) / (x * x), tt = 25 * theta   // tr/(e − 1) without cancellation
        let tau = (1 + tt + 0.4342 * theta.squareRoot() * tt * tt) / ((1 + tt * tt) * nu)
        return 1 / (tau * (hbar / (me * c * c)))
    }

    /// Blouin et al. 2020 correction as a factor F = 1/(1 + gH) on κ_cond (MESA `kap/private/condint.f90`):
    /// F_H for Z̄ ≤ 1, F_He at Z̄ = 2, ln F blended linearly in log Z̄ between them, and the He correction
    /// faded to none between Z̄ = 2 and 3 (likewise in ln F and log Z̄); F = 1 for Z̄ ≥ 3.
    public static func blouinFactor(density rho: Double, temperature t: Double, charge z: Double) -> Double {
        func lnF(_ p: (alpha: Double, a: Double, b: Double, lr0: Double, lt0: Double, sr: Double, st: Double)) -> Double {
            let rs = log10(rho) - p.lr0, ts = log10(t) - p.lt0
            let g = p.a * exp(-pow(ts * cos(p.alpha) + rs * sin(p.alpha), 2) / (p.st * p.st)
                              - pow(ts * sin(p.alpha) - rs * cos(p.alpha), 2) / (p.sr * p.sr))
            return -log1p(g * (0.5 * tanh(p.b * (g - 0.5)) + 0.5))
        }
        let hydrogen = (alpha: -0.52, a: 2.0, b: 10.0, lr0: 5.45, lt0: 8.40, sr: 5.14, st: 0.45)
        let helium = (alpha: -0.46, a: 1.25, b: 2.5, lr0: 6.50, lt0: 8.57, sr: 6.20, st: 0.55)
        if z <= 1 { return exp(lnF(hydrogen)) }
        if z >= 3 { return 1 }
        if z <= 2 {
            let f = log(z) / log(2.0)
            return exp((1 - f) * lnF(hydrogen) + f * lnF(helium))
        }
        let f = log(z / 2) / log(1.5)
        return exp((1 - f) * lnF(helium))
    }

    /// g·H of the Blouin correction (F = 1/(1 + gH)); see `blouinFactor`.
    public static func blouinCorrection(density rho: Double, temperature t: Double, charge z: Double) -> Double {
        1 / blouinFactor(density: rho, temperature: t, charge: z) - 1
    }
}
