import Foundation

/// What `EnvelopeEOSTable` returns at one (ρ, T, X): interpolated ln P, S, E, ∇_ad, η and ln νₑ, each with
/// its first derivatives in ln ρ (at fixed T, X), ln T (at fixed ρ, X) and X (at fixed ρ, T, Z). The response
/// functions are formed from the interpolated first derivatives with the same relations as
/// `EnvelopeEOSState` (Cox & Giuli 1968, ch. 9): c_V = S_T, c_P = S_T − S_ρ χ_T/χ_ρ, Γ₁ = χ_ρ − χ_T S_ρ/S_T.
/// ∇_ad is its own C¹ surface (value and exact node derivatives of the direct EOS), so that its
/// derivatives are continuous; `gradAdFromDerivatives` is the same quantity from the ln P and S surfaces
/// (the two agree to the interpolation error: a consistency check).
public struct EnvelopeEOSTableState: Sendable, Equatable {
    /// A value with its first derivatives.
    public struct Value: Sendable, Equatable {
        public var value: Double
        /// ∂/∂ln ρ at fixed T, X; ∂/∂ln T at fixed ρ, X; ∂/∂X at fixed ρ, T (Z and the metal mixture fixed).
        public var dLnRho: Double, dLnT: Double, dHydrogen: Double

        public init(value: Double, dLnRho: Double, dLnT: Double, dHydrogen: Double) {
            self.value = value
            self.dLnRho = dLnRho
            self.dLnT = dLnT
            self.dHydrogen = dHydrogen
        }
    }

    /// ln P (P in dyn cm⁻²).
    public var lnPressure: Value
    /// Specific entropy S in erg g⁻¹ K⁻¹ (same zero as `EnvelopeEOSState.entropy`).
    public var entropy: Value
    /// Specific internal energy E in erg g⁻¹ (same zero as `EnvelopeEOSState.energy`).
    public var energy: Value
    /// ∇_ad = (∂ln T/∂ln P)_S.
    public var gradAd: Value
    /// Electron degeneracy η = (μₑ − mₑc²)/kT.
    public var eta: Value
    /// ln νₑ, νₑ the free electrons per baryon.
    public var lnFreeElectrons: Value
    /// Nuclei (in any ionisation stage) per baryon at this X, Z: ν_ion = X/A_H + Y/A_He + Σ Zᵢ/Aᵢ.
    public var ionsPerBaryon: Double

    public init(lnPressure: Value, entropy: Value, energy: Value, gradAd: Value, eta: Value, lnFreeElectrons: Value,
                ionsPerBaryon: Double) {
        self.lnPressure = lnPressure
        self.entropy = entropy
        self.energy = energy
        self.gradAd = gradAd
        self.eta = eta
        self.lnFreeElectrons = lnFreeElectrons
        self.ionsPerBaryon = ionsPerBaryon
    }

    /// P in dyn cm⁻².
    public var pressure: Double { Foundation.exp(lnPressure.value) }
    /// χ_ρ = (∂ln P/∂ln ρ)_T, χ_T = (∂ln P/∂ln T)_ρ.
    public var chiRho: Double { lnPressure.dLnRho }
    public var chiT: Double { lnPressure.dLnT }
    /// c_V = T(∂S/∂T)_ρ, erg g⁻¹ K⁻¹.
    public var cV: Double { entropy.dLnT }
    /// c_P = T(∂S/∂T)_P, erg g⁻¹ K⁻¹.
    public var cP: Double { entropy.dLnT - entropy.dLnRho * chiT / chiRho }
    /// Γ₁ = (∂ln P/∂ln ρ)_S.
    public var gamma1: Double { chiRho - chiT * entropy.dLnRho / entropy.dLnT }
    /// ∇_ad from the interpolated ln P and S derivatives: S_ρ/(χ_T S_ρ − χ_ρ S_T).
    public var gradAdFromDerivatives: Double {
        entropy.dLnRho / (chiT * entropy.dLnRho - chiRho * entropy.dLnT)
    }
    /// Free electrons per baryon νₑ.
    public var freeElectronsPerBaryon: Double { Foundation.exp(lnFreeElectrons.value) }
    /// μ = 1/(ν_ion + νₑ).
    public var meanMolecularWeight: Double { 1 / (ionsPerBaryon + freeElectronsPerBaryon) }
    /// For a Henyey scheme in (ln P, ln T): (∂ln ρ/∂ln P)_T = 1/χ_ρ and (∂ln ρ/∂ln T)_P = −χ_T/χ_ρ.
    public var dLnRhoDLnPAtT: Double { 1 / chiRho }
    public var dLnRhoDLnTAtP: Double { -chiT / chiRho }
}

/// Second derivatives of ln P and S (erg g⁻¹ K⁻¹) in (ln ρ, ln T) at fixed X from `EnvelopeEOSTable`:
/// (∂²/∂ln ρ², ∂²/∂ln ρ ∂ln T, ∂²/∂ln T²), those of the bicubic interpolant inside its cell.
public struct EnvelopeEOSTableCurvature: Sendable {
    public var lnPressure: (rr: Double, rt: Double, tt: Double)
    public var entropy: (rr: Double, rt: Double, tt: Double)

    public init(lnPressure: (rr: Double, rt: Double, tt: Double), entropy: (rr: Double, rt: Double, tt: Double)) {
        self.lnPressure = lnPressure
        self.entropy = entropy
    }
}

extension EnvelopeEOSTableState {
    /// The state at (ln ρ + a, ln T + b), same X, to first order in (a, b): every value moved along its first
    /// derivatives, and the first derivatives of ln P and S along `curvature` (so χ_ρ, χ_T, c_V, c_P and Γ₁ move too).
    /// The other quantities' derivatives and every ∂/∂X are kept. What a Newton Jacobian's perturbed point needs from
    /// one table lookup instead of two more (`StarCellPhysics.evaluateLinearised`); a difference quotient of it is
    /// the interpolant's exact derivative.
    public func shifted(dLnRho a: Double, dLnT b: Double, curvature c: EnvelopeEOSTableCurvature) -> EnvelopeEOSTableState {
        @inline(__always) func move(_ v: Value) -> Value {
            var m = v
            m.value += a * v.dLnRho + b * v.dLnT
            return m
        }
        @inline(__always) func bend(_ v: Value, _ k: (rr: Double, rt: Double, tt: Double)) -> Value {
            var m = move(v)
            m.dLnRho += a * k.rr + b * k.rt
            m.dLnT += a * k.rt + b * k.tt
            return m
        }
        return EnvelopeEOSTableState(lnPressure: bend(lnPressure, c.lnPressure), entropy: bend(entropy, c.entropy),
                                     energy: move(energy), gradAd: move(gradAd), eta: move(eta),
                                     lnFreeElectrons: move(lnFreeElectrons), ionsPerBaryon: ionsPerBaryon)
    }
}
