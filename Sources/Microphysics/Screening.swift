import Constants
import Foundation

/// Electron and ion screening of charged-particle reactions: enhancement F = e^h.
public enum ScreeningModel: String, CaseIterable, Sendable {
    /// No screening (F = 1).
    case none
    /// Chugunov, DeWitt & Yakovlev, PRD 76 (2007) 025028: fit eq. 19 with the quantum correction
    /// eqs. 3, 21; mixture rule of Yakovlev et al. 2006 (eq. 10). As in AMReX-Astro `screen.H` and
    /// pynucastro (their code-only clips of t < 0.1 and Γ > 600 are not needed in red-giant cores and
    /// are replaced here by an explicit range error).
    case chugunov2007
    /// Weak (Graboske et al. 1973) / intermediate blend / strong (Alastuey & Jancovici 1978 with
    /// Itoh et al. 1979 parameters), blended linearly for 0.3 < Γ_eff ≤ 0.8, as in Timmes' `screen5`.
    case screen5
}

public enum Screening {
    // CGS constants from `Constants` (CODATA 2018): ħ, k_B, e (esu), m_u, N_A.
    static let hbar = CGS.hbar, kB = CGS.boltzmann, e = CGS.elementaryCharge, mu = CGS.atomicMassUnit
    static let avogadro = CGS.avogadro

    /// F for the reaction (Z₁, A₁) + (Z₂, A₂) in `composition` at (ρ [g cm⁻³], T [K]).
    public static func enhancement(z1: Double, a1: Double, z2: Double, a2: Double, density rho: Double,
                                   temperature t: Double, composition c: Composition,
                                   model: ScreeningModel) throws -> Double {
        switch model {
        case .none: return 1
        case .chugunov2007: return exp(try chugunovExponent(z1: z1, a1: a1, z2: z2, a2: a2, rho: rho, t: t, c: c))
        case .screen5: return exp(screen5Exponent(z1: z1, a1: a1, z2: z2, a2: a2, rho: rho, t: t, c: c))
        }
    }

    /// 3α in two steps: F(α + α) × F(α + ⁸Be).
    public static func tripleAlphaEnhancement(density rho: Double, temperature t: Double,
                                              composition c: Composition, model: ScreeningModel) throws -> Double {
        try enhancement(z1: 2, a1: 4, z2: 2, a2: 4, density: rho, temperature: t, composition: c, model: model)
            * enhancement(z1: 2, a1: 4, z2: 4, a2: 8, density: rho, temperature: t, composition: c, model: model)
    }

    /// CDY07: h = Γ̃^(3/2)[A₁/√(A₂+Γ̃) + A₃/(1+Γ̃)] + B₁Γ̃²/(B₂+Γ̃) + B₃Γ̃²/(B₄+Γ̃²),
    /// Γ̃ = Γ/(1 + 0.022ζ + (0.41 − 0.6/Γ)ζ² + (0.06 + 2.2/Γ)ζ³)^(1/3), ζ = (4/(3π²t²))^(1/3), t = T/T_p.
    /// Weak coupling: h → √3 Γ^(3/2) (Debye–Hückel), since A₃ = √3 − A₁/√A₂.
    static func chugunovExponent(z1: Double, a1: Double, z2: Double, a2: Double, rho: Double, t: Double,
                                 c: Composition) throws -> Double {
        let ne = rho * c.electronFraction * avogadro
        let zt = 0.5 * (cbrt(z1) + cbrt(z2))
        let ni = ne / (zt * zt * zt)
        let mi = 2 * (a1 * a2 / (a1 + a2)) * mu
        let tp = hbar / kB * e * (4 * Double.pi * z1 * z2 * ni / mi).squareRoot()
        let gamma = z1 * z2 * e * e * cbrt(4 * Double.pi * ne / 3) / (zt * kB * t)
        let tt = t / tp
        guard tt >= 0.1 else {
            throw MicrophysicsError.outOfRange(parameter: "T/T_p for CDY07 screening", value: tt,
                                               allowed: "≥ 0.1 (T_p = \(tp) K; quantum ion regime not covered by the fit)")
        }
        guard gamma <= 600 else {
            throw MicrophysicsError.outOfRange(parameter: "Γ for CDY07 screening", value: gamma, allowed: "≤ 600")
        }
        let zeta = cbrt(4 / (3 * Double.pi * Double.pi * tt * tt))
        let poly = 1 + zeta * (0.022 + zeta * ((0.41 - 0.6 / gamma) + (0.06 + 2.2 / gamma) * zeta))
        let g = gamma / cbrt(poly)
        let a1c = 2.7822, a2c = 98.34, a3c = 3.0.squareRoot() - a1c / a2c.squareRoot()
        let b1 = -1.7476, b2 = 66.07, b3 = 1.12, b4 = 65.0
        return g * g.squareRoot() * (a1c / (a2c + g).squareRoot() + a3c / (1 + g))
            + b1 * g * g / (b2 + g) + b3 * g * g / (b4 + g * g)
    }

    /// screen5: weak h_w = Z₁Z₂ · 1.88e8/T · √(ρȲ(⟨Z²⟩ + Z̄)/T) (= Z₁Z₂e²/(λ_D kT), ions and
    /// non-degenerate electrons); strong h_s from Alastuey–Jancovici/Itoh; linear blend between.
    static func screen5Exponent(z1: Double, a1: Double, z2: Double, a2: Double, rho: Double, t: Double,
                                c: Composition) -> Double {
        let ytot = c.ionsPerBaryon, zbar = c.meanCharge, z2bar = c.meanChargeSquared
        let rr = rho * ytot
        let qlam0z = 1.88e8 / t * (rr / t * (z2bar + zbar)).squareRoot()
        let weak = z1 * z2 * qlam0z
        var gammaP = 2.27493e5 / t * cbrt(rr * zbar)
        let zs13 = cbrt(z1 + z2)
        var gammaEff = cbrt(2.0) * z1 * z2 / zs13 * gammaP
        let tau12 = 4.248719e3 / 3 / cbrt(t) * cbrt(z1 * z1 * z2 * z2 * a1 * a2 / (a1 + a2))
        var alpha12 = gammaEff / tau12
        if alpha12 > 1.6 {   // screen5's cap on the strong-screening parameter
            alpha12 = 1.6
            gammaEff = 1.6 * tau12
            gammaP = gammaEff * zs13 / (cbrt(2.0) * z1 * z2)
        }
        guard gammaEff > 0.3 else { return min(max(weak, 0), 300) }
        let zhat = pow(z1 + z2, 5.0 / 3) - pow(z1, 5.0 / 3) - pow(z2, 5.0 / 3)
        let zhat2 = pow(z1 + z2, 5.0 / 12) - pow(z1, 5.0 / 12) - pow(z2, 5.0 / 12)
        let cc = 0.896434 * gammaP * zhat - 3.44740 * pow(gammaP, 0.25) * zhat2
            - 0.5551 * (log(gammaP) + 5.0 / 3 * log(z1 * z2 / (z1 + z2))) - 2.996
        let a3 = alpha12 * alpha12 * alpha12
        let strong = cc - a3 * (tau12 * (5.0 / 32 - alpha12 * (0.014 + 0.0128 * alpha12))
            + gammaEff * alpha12 * (0.0055 + alpha12 * (-0.0098 + 0.0048 * alpha12)))
            + log(max(1 - 0.0562 * a3, 0.77))
        let h = gammaEff <= 0.8 ? weak * (0.8 - gammaEff) / 0.5 + strong * (gammaEff - 0.3) / 0.5 : strong
        return min(max(h, 0), 300)
    }
}
