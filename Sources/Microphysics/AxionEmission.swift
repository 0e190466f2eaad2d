import Constants
import GSL
import Foundation

/// Energy loss to axions through the axion–electron coupling g_ae (α_a = g_ae²/4π): bremsstrahlung on ions and
/// Compton production, in erg g⁻¹ s⁻¹, for a fully ionised plasma of non-relativistic electrons at any degeneracy.
///
///     bremsstrahlung: Q_B = Σⱼ nⱼZⱼ² α² α_a (T⁴/mₑ²) 2J(η, s)/(3π²)         Docs/axion.md eq. (A1), `AxionBremsstrahlung`
///     Compton:        Q_C = n_eff (4α α_a/3π mₑ⁴) T⁶ I(ω_p/T),  n_eff = T ∂nₑ/∂μ  Docs/axion.md eq. (A5), `AxionCompton`
///
/// Q_C is Raffelt 1996 ("Stars as Laboratories", §3.2) for γ e → e a (33 α₂₆ Yₑ T₈⁶ erg g⁻¹ s⁻¹ non-degenerate), with
/// the Pauli-blocked electron density n_eff in place of nₑ (→ nₑ non-degenerate, (3T/2E_F) nₑ degenerate) and the
/// photon's plasma mass in the blackbody integral I. Electron–electron bremsstrahlung is left out:
/// in the degenerate core it is suppressed by Pauli blocking, and it matters only in non-degenerate layers where the
/// total axion loss is negligible beside nuclear burning (Docs/axion.md §2). Relativistic corrections to Q_B are
/// of order β_F² × a few per cent (β_F = p_F/E_F ≈ 0.6 at ρ = 10⁶ g cm⁻³) and not included.
public enum AxionEmission {
    /// Each process's energy loss, erg g⁻¹ s⁻¹.
    public struct Rates: Sendable, Equatable {
        public var bremsstrahlung: Double
        public var compton: Double
        public var total: Double { bremsstrahlung + compton }
    }

    /// How J(η, s) is evaluated: the table (fast, the evolution codes) or the double integral itself (reference).
    public enum Method: Sendable { case table, direct }

    /// The largest coupling accepted, g_ae/10⁻¹³ (far above every stellar bound; keeps a star's loss finite).
    public static let maximumCoupling = 100.0

    /// The plasma quantities both processes need.
    struct Plasma {
        var kT: Double, electronDensity: Double, chargeSquaredDensity: Double, psi: Double, effectiveFraction: Double
        var screening: Double
    }

    /// Axion losses at density ρ (g cm⁻³), temperature T (K), for a composition and g₁₃ = g_ae/10⁻¹³.
    public static func rates(density rho: Double, temperature t: Double, composition c: Composition, g13: Double,
                             method: Method = .table) throws -> Rates {
        guard rho.isFinite, rho > 0 else {
            throw MicrophysicsError.outOfRange(parameter: "density", value: rho, allowed: "(0, ∞) g cm⁻³")
        }
        guard t.isFinite, t > 0 else {
            throw MicrophysicsError.outOfRange(parameter: "temperature", value: t, allowed: "(0, ∞) K")
        }
        guard g13.isFinite, g13 >= 0, g13 <= maximumCoupling else {
            throw MicrophysicsError.outOfRange(parameter: "axion-electron coupling g13", value: g13,
                                               allowed: "[0, \(maximumCoupling)] (g_ae in 10⁻¹³)")
        }
        if g13 == 0 { return Rates(bremsstrahlung: 0, compton: 0) }
        let p = plasma(density: rho, temperature: t, composition: c, method: method)
        let alpha = Natural.fineStructure, me = Natural.electronMass_keV
        let g = g13 * 1e-13
        let alphaA = g * g / (4 * Double.pi)
        let toCGS = CGS.ergPerKeV / Natural.hbar_keV_s
        let j: Double
        switch method {
        case .table: j = AxionBremsstrahlungTable.shared.integral(psi: p.psi, screening: p.screening)
        case .direct:
            j = AxionBremsstrahlung.integral(degeneracy: AxionBremsstrahlungTable.degeneracy(psi: p.psi), screening: p.screening)
        }
        let kT2 = p.kT * p.kT
        let qB = p.chargeSquaredDensity * alpha * alpha * alphaA * kT2 * kT2 / (me * me) * 2 * j / (3 * Double.pi * Double.pi)
        let omegaP = (4 * Double.pi * alpha * Self.hbarC3 * p.electronDensity / me).squareRoot()
        let blackbody = method == .table ? AxionCompton.blackbodyIntegralAtZeroMass * AxionCompton.suppression(plasmaMassOverT: omegaP / p.kT)
                                         : AxionCompton.integral(plasmaMassOverT: omegaP / p.kT)
        let qC = 4 * alpha * alphaA / (3 * Double.pi) * p.electronDensity * p.effectiveFraction * kT2 * kT2 * kT2
            / pow(me, 4) * blackbody
        return Rates(bremsstrahlung: qB * toCGS / rho, compton: qC * toCGS / rho)
    }

    /// (ħc)³ in keV³ cm³: turns a number density (cm⁻³) into natural units (keV³).
    static let hbarC3 = Natural.hbarC_keV_cm * Natural.hbarC_keV_cm * Natural.hbarC_keV_cm

    /// nₑ, Σnⱼ Zⱼ², ψ = ln(nₑ/n_Q), n_eff/nₑ and s = k_S²/(2mₑT) at (ρ, T).
    static func plasma(density rho: Double, temperature t: Double, composition c: Composition, method: Method) -> Plasma {
        let kT = Natural.boltzmann_keV_per_K * t, me = Natural.electronMass_keV
        let hc3 = hbarC3
        let ne = rho * c.electronFraction / CGS.atomicMassUnit
        let nZ2 = rho / CGS.atomicMassUnit * c.meanChargeSquared / c.meanMass
        let nQ = 2 * pow(me * kT / (2 * Double.pi), 1.5) / hc3
        let psi = log(ne / nQ)
        let r: Double
        switch method {
        case .table: r = AxionBremsstrahlungTable.shared.effectiveElectronFraction(psi: psi)
        case .direct:
            let eta = AxionBremsstrahlungTable.degeneracy(psi: psi)
            r = ((try? GSL.SpecialFunctions.fermiDiracMinusHalf(eta)) ?? .nan) / ((try? GSL.SpecialFunctions.fermiDiracHalf(eta)) ?? .nan)
        }
        let kS2 = 4 * Double.pi * Natural.fineStructure * hc3 * (nZ2 + r * ne) / kT
        return Plasma(kT: kT, electronDensity: ne, chargeSquaredDensity: nZ2, psi: psi, effectiveFraction: r,
                      screening: kS2 / (2 * me * kT))
    }
}
