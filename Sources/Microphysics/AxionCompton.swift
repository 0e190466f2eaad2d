import Foundation
import GSL

/// Compton production of axions, γ + e → e + a, with the photon's plasma mass (Docs/axion.md eq. A5):
///
///     Q_C = n_eff (4α α_a/3π mₑ⁴) T⁶ I(β),   I(β) = ∫₀^∞ dκ κ² (κ² + β²)^(3/2) / (e^√(κ²+β²) − 1),   β = ω_p/T
///
/// from σ = (4π α α_a/3mₑ²)(ω/mₑ)² (Raffelt 1996, "Stars as Laboratories", §3.2) integrated over transverse
/// photons of energy ω² = k² + ω_p² (two polarisations, Bose occupation), each meeting n_eff = T ∂nₑ/∂μ electrons
/// that Pauli blocking leaves free to recoil. I(0) = 120 ζ(6) gives Raffelt's 160 ζ(6)/π (33 α₂₆ Yₑ T₈⁶ erg g⁻¹ s⁻¹).
/// ω_p² = 4πα nₑ/mₑ (non-relativistic: the relativistic correction lowers ω_p by ≲ 10 % in a red-giant core, where
/// Compton is ≈ 6 % of the bremsstrahlung loss at ρ = 10⁶ g cm⁻³, T = 10⁸ K).
public enum AxionCompton {
    /// I(β) by Gauss–Legendre panels in κ (reference for the table; exact limits tested).
    public static func integral(plasmaMassOverT beta: Double) -> Double {
        let b2 = beta * beta
        // The integrand falls as e^(−√(κ²+β²)): κ up to √((β + 45)² − β²) keeps everything above e⁻⁴⁵.
        let kMax = ((beta + 45) * (beta + 45) - b2).squareRoot()
        let n = max(1, Int((kMax / 2).rounded(.up)))
        let h = kMax / Double(n)
        var total = 0.0
        for i in 0..<n {
            total += rule.integrate({ k in
                let w = (k * k + b2).squareRoot()
                return w > 745 ? 0 : k * k * w * w * w / expm1(w)
            }, from: Double(i) * h, to: Double(i + 1) * h)
        }
        return total
    }

    /// I(0) = Γ(6) ζ(6) = 120 π⁶/945.
    public static let blackbodyIntegralAtZeroMass = 120 * pow(Double.pi, 6) / 945

    /// I(β)/I(0) from a table on β ∈ [0, 40] (Catmull–Rom, step 0.25); 0 beyond (I(40)/I(0) ≈ 10⁻¹⁰).
    public static func suppression(plasmaMassOverT beta: Double) -> Double {
        beta >= table.axis.end ? 0 : max(0, table.axis.interpolate(table.values, at: beta))
    }

    private static let rule: GaussLegendreRule = {
        guard let r = try? GaussLegendreRule(points: 8) else { fatalError("Gauss–Legendre table allocation failed") }
        return r
    }()

    private static let table: (axis: UniformAxis, values: [Double]) = {
        let axis = UniformAxis(start: 0, step: 0.25, count: 161)
        let i0 = integral(plasmaMassOverT: 0)
        return (axis, (0..<axis.count).map { integral(plasmaMassOverT: axis.value($0)) / i0 })
    }()
}
