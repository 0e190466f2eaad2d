import Constants
import Foundation

/// Ion–ion Coulomb (one-component plasma) corrections to the equation of state, per ion in units
/// of kT, as functions of Γ = Z²e²/(aₖT), a = (3/(4πnᵢ))^(1/3) (= 2.275×10⁵ Z²(ρ/A)^(1/3)/T, T in K).
/// P_ii = nᵢkT u/3, E_ii = nᵢkT u, S_ii = nᵢk(u − f). Electron–ion polarisation is not included
/// (small for helium at ρ ≤ 10⁶; Docs/microphysics.md).
public enum CoulombModel: String, CaseIterable, Sendable {
    /// Potekhin & Chabrier, PRE 62 (2000) 8554, liquid fit (fitted to DeWitt & Slattery 1999), as
    /// used in MESA's Skye EOS: f = A₁[√(Γ(A₂+Γ)) − A₂ ln(√(Γ/A₂) + √(1+Γ/A₂))] + 2A₃[√Γ − arctan√Γ]
    /// + B₁[Γ − B₂ ln(1 + Γ/B₂)] + (B₃/2) ln(1 + Γ²/B₄).
    case potekhinChabrier2000
    /// Yakovlev & Shalybkov 1989 fits as used in the Helmholtz EOS (Timmes & Swesty 2000):
    /// Γ ≥ 1: u = a₁Γ + b₁Γ^(1/4) + c₁Γ^(−1/4) + d₁; Γ < 1: u = −3(c₂Γ^(3/2) − (a₂/3)Γ^(b₂)).
    case yakovlevShalybkov1989
    /// No Coulomb correction.
    case none

    /// Γ for ions of charge Z and mass number A at (ρ [g cm⁻³], T [K]) (a from nᵢ = ρN_A/A).
    public static func gamma(charge z: Double, mass a: Double, density rho: Double, temperature t: Double) -> Double {
        let e = CGS.elementaryCharge, k = CGS.boltzmann, na = CGS.avogadro
        let ni = rho * na / a
        return z * z * e * e * cbrt(4 * Double.pi * ni / 3) / (k * t)
    }

    /// Mean ion-sphere coupling of a mixture, Γ = ⟨Z^(5/3)⟩ e² (4πnₑ/3)^(1/3)/(kT), nₑ = ρYₑN_A.
    public static func mixtureGamma(composition c: Composition, density rho: Double, temperature t: Double) -> Double {
        let e = CGS.elementaryCharge, k = CGS.boltzmann, na = CGS.avogadro
        let ne = rho * c.electronFraction * na
        return c.meanChargeFiveThirds * e * e * cbrt(4 * Double.pi * ne / 3) / (k * t)
    }

    /// (f, u) per ion in units of kT.
    public func freeAndInternalEnergy(gamma g: Double) -> (f: Double, u: Double) {
        switch self {
        case .none: return (0, 0)
        case .potekhinChabrier2000:
            let a1 = -0.9070, a2 = 0.62954, a3 = -3.0.squareRoot() / 2 - a1 / a2.squareRoot()
            let b1 = 4.56e-3, b2 = 211.6, b3 = -1e-4, b4 = 4.62e-3
            let sg = g.squareRoot()
            let f = a1 * ((g * (a2 + g)).squareRoot() - a2 * log((g / a2).squareRoot() + (1 + g / a2).squareRoot()))
                + 2 * a3 * (sg - atan(sg)) + b1 * (g - b2 * log(1 + g / b2)) + b3 / 2 * log(1 + g * g / b4)
            let u = g * sg * (a1 / (a2 + g).squareRoot() + a3 / (1 + g)) + b1 * g * g / (b2 + g) + b3 * g * g / (b4 + g * g)
            return (f, u)
        case .yakovlevShalybkov1989:
            let a1 = -0.898004, b1 = 0.96786, c1 = 0.220703, d1 = -0.86097, e1 = 2.5269
            let a2 = 0.29561, b2 = 1.9885, c2 = 0.288675
            if g >= 1 {
                let g14 = pow(g, 0.25)
                let u = a1 * g + b1 * g14 + c1 / g14 + d1
                let s = -(3 * b1 * g14 - 5 * c1 / g14 + d1 * (log(g) - 1) - e1)   // S/(nᵢk)
                return (u - s, u)
            }
            let u = -3 * (c2 * g * g.squareRoot() - a2 / 3 * pow(g, b2))
            let s = -(c2 * g * g.squareRoot() - a2 * (b2 - 1) / b2 * pow(g, b2))
            return (u - s, u)
        }
    }
}
