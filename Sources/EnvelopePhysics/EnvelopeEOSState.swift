import Constants
import Foundation

/// The envelope EOS at one (ρ, T, composition): thermodynamic functions, response functions and their
/// derivatives along the equilibrium surface (all at fixed composition). Derivatives are exact
/// derivatives of the model (second-order jets, `EnvelopeEOSJet`), not finite differences.
///
/// Standard relations (Cox & Giuli 1968, ch. 9; Kippenhahn, Weigert & Weiss 2012, §4), with
/// S_ρ = (∂S/∂ln ρ)_T, S_T = (∂S/∂ln T)_ρ:
///   c_V = S_T, c_P = S_T − S_ρ χ_T/χ_ρ, ∇_ad = S_ρ/(χ_T S_ρ − χ_ρ S_T), Γ₁ = χ_ρ − χ_T S_ρ/S_T.
public struct EnvelopeEOSState: Sendable {
    /// Inputs: ρ in g cm⁻³, T in K.
    public let density: Double, temperature: Double
    /// Electron degeneracy η = (μₑ − mₑc²)/kT (pass it back as `guess` for a neighbouring point).
    public let eta: Double
    /// ln P (P in dyn cm⁻²) with its first and second derivatives in ln ρ, ln T.
    public let lnPressure: EnvelopeEOSDerivatives
    /// Specific internal energy E in erg g⁻¹ (zero: bare nuclei and electrons at rest; bound states are
    /// negative), with derivatives.
    public let energy: EnvelopeEOSDerivatives
    /// Specific entropy S in erg g⁻¹ K⁻¹, with derivatives.
    public let entropy: EnvelopeEOSDerivatives
    /// Free electrons per baryon (per u of mass), νₑ = nₑ/(ρN_A).
    public let freeElectronsPerBaryon: Double
    /// Mean molecular weight μ = 1/(ν_ion + νₑ) (particles per u: nuclei in any stage plus free electrons).
    public let meanMolecularWeight: Double
    /// Ionisation fractions: H⁺/H, He⁺/He, He²⁺/He.
    public let hydrogenIonised: Double, heliumSinglyIonised: Double, heliumDoublyIonised: Double
    /// Ion coupling Γ_full of the Coulomb term (the fully ionised mixture's, see `EnvelopeEOS`).
    public let coulombCoupling: Double

    /// P in dyn cm⁻².
    public var pressure: Double { Foundation.exp(lnPressure.value) }
    /// χ_ρ = (∂ln P/∂ln ρ)_T, χ_T = (∂ln P/∂ln T)_ρ.
    public var chiRho: Double { lnPressure.dLnRho }
    public var chiT: Double { lnPressure.dLnT }
    /// c_V = (∂E/∂T)_ρ = T(∂S/∂T)_ρ in erg g⁻¹ K⁻¹.
    public var cV: Double { entropy.dLnT }
    /// c_P = T(∂S/∂T)_P in erg g⁻¹ K⁻¹.
    public var cP: Double { entropy.dLnT - entropy.dLnRho * chiT / chiRho }
    /// ∇_ad = (∂ln T/∂ln P)_S.
    public var gradAd: Double { entropy.dLnRho / (chiT * entropy.dLnRho - chiRho * entropy.dLnT) }
    /// Γ₁ = (∂ln P/∂ln ρ)_S.
    public var gamma1: Double { chiRho - chiT * entropy.dLnRho / entropy.dLnT }
    /// (∂∇_ad/∂ln ρ)_T and (∂∇_ad/∂ln T)_ρ (from the second derivatives of ln P and S).
    public var gradAdDerivatives: (dLnRho: Double, dLnT: Double) {
        let sr = entropy.dLnRho, st = entropy.dLnT, xr = chiRho, xt = chiT
        let d = xt * sr - xr * st
        func deriv(_ srx: Double, _ stx: Double, _ xrx: Double, _ xtx: Double) -> Double {
            let dd = xtx * sr + xt * srx - xrx * st - xr * stx
            return (srx * d - sr * dd) / (d * d)
        }
        let p = lnPressure, s = entropy
        return (deriv(s.dLnRho2, s.dLnRhoLnT, p.dLnRho2, p.dLnRhoLnT),
                deriv(s.dLnRhoLnT, s.dLnT2, p.dLnRhoLnT, p.dLnT2))
    }
    /// For a Henyey scheme in (ln P, ln T): (∂ln ρ/∂ln P)_T = 1/χ_ρ and (∂ln ρ/∂ln T)_P = −χ_T/χ_ρ.
    public var dLnRhoDLnPAtT: Double { 1 / chiRho }
    public var dLnRhoDLnTAtP: Double { -chiT / chiRho }

    init(density: Double, temperature: Double, eta: Double, jets j: EnvelopeEOS.Jets, mix: EnvelopeEOS.Mixture) {
        self.density = density
        self.temperature = temperature
        self.eta = eta
        let r = j.residual
        let er = -r.g1 / r.g0, et = -r.g2 / r.g0
        let err = -(r.h11 + 2 * r.h01 * er + r.h00 * er * er) / r.g0
        let ert = -(r.h12 + r.h01 * et + r.h02 * er + r.h00 * er * et) / r.g0
        let ett = -(r.h22 + 2 * r.h02 * et + r.h00 * et * et) / r.g0
        let e = (r: er, t: et, rr: err, rt: ert, tt: ett)
        let p = EnvelopeEOSDerivatives(j.pressure, eta: e)
        let pv = p.value
        lnPressure = EnvelopeEOSDerivatives(
            value: Foundation.log(pv), dLnRho: p.dLnRho / pv, dLnT: p.dLnT / pv,
            dLnRho2: p.dLnRho2 / pv - p.dLnRho * p.dLnRho / (pv * pv),
            dLnRhoLnT: p.dLnRhoLnT / pv - p.dLnRho * p.dLnT / (pv * pv),
            dLnT2: p.dLnT2 / pv - p.dLnT * p.dLnT / (pv * pv))
        energy = EnvelopeEOSDerivatives(j.energy, eta: e)
        entropy = EnvelopeEOSDerivatives(j.entropy, eta: e)
        freeElectronsPerBaryon = j.electronsPerBaryon
        meanMolecularWeight = 1 / (mix.nuIon + j.electronsPerBaryon)
        hydrogenIonised = j.yH1
        heliumSinglyIonised = j.yHe1
        heliumDoublyIonised = j.yHe2
        coulombCoupling = j.gamma
    }
}
