import Foundation

/// Radiative opacity of a fully ionised plasma (no bound–free or lines: hot helium cores):
/// Compton scattering (Paczyński 1983, ApJ 267, 315 fit: κ_es = 0.2(1+X)/[(1 + 2.7×10¹¹ρ/T²)(1 + (T/4.5×10⁸)^0.86)])
/// plus free–free (κ_ff = 0.753 (ρYₑ/10⁵) T₈^(−3.5) Σ(XᵢZᵢ²/Aᵢ) g_ff, with the degeneracy, Elwert and
/// relativistic Gaunt factor of Schatz et al. 1999 as used in dStar), combined with the
/// non-additivity factor of Potekhin & Yakovlev 2001 (A&A 374, 213).
public enum RadiativeOpacity {
    /// For a mixture pass Z̄, Ā and ⟨Z²⟩ (free–free goes as Σ XᵢZᵢ²/Aᵢ = ⟨Z²⟩/Ā).
    /// The Compton fit has a degeneracy suppression (1 + 2.7×10¹¹ρ/T²)⁻¹; other fits (e.g. dStar's)
    /// suppress less, giving κ_rad up to 1.5× larger at ρ = 10⁶, T = 10⁸ — a systematic (Docs/microphysics.md).
    public static func opacity(density rho: Double, temperature t: Double, charge z: Double, mass a: Double,
                               meanChargeSquared z2: Double? = nil,
                               hydrogen: Double = 0, degeneracy eta: Double) -> Double {
        let t8 = t / 1e8, ye = z / a
        let es = 0.2 * (1 + hydrogen) / ((1 + 2.7e11 * rho / (t * t)) * (1 + pow(t / 4.5e8, 0.86)))
        let lnOnePlusExp = eta > 30 ? eta : log1p(exp(eta))
        let p = pow(1 + lnOnePlusExp, 2.0 / 3)
        let gz = z * (1.58e-3 / t8).squareRoot()
        let degeneracyFactor = 8.02e3 * lnOnePlusExp * pow(t8, 1.5) / (rho * ye)
        let elwert = (1 - exp(-2 * Double.pi * gz / (p + 10).squareRoot())) / (1 - exp(-2 * Double.pi * gz / p.squareRoot()))
        let gaunt = 1.16 * degeneracyFactor * elwert * (1 + pow(t8 / 7.7, 1.5))
        let ff = 0.753 * (rho * ye / 1e5) * pow(t8, -3.5) * ((z2 ?? z * z) / a) * gaunt
        let f = ff / (ff + es)
        let tRy = t / 1e6 / (0.15789 * z * z)
        return (ff + es) * (1 + (1.097 + 0.777 * tRy) / (1 + 0.536 * tRy) * pow(f, 0.617) * pow(1 - f, 0.77))
    }
}
