import Foundation

/// Output of `HydrogenBurning.evaluate`: energy release net of neutrino losses, the neutrino losses,
/// the abundance rates of change and their derivatives for an implicit solver. Species order is
/// `HydrogenBurningSpecies` (h1, he3, he4, c12, c13, n14, n15, o16, o17); no heap storage.
public struct HydrogenBurningResult: Sendable {
    /// ε from the pp chains (pp, pep, hep, ³He+³He, ³He+⁴He with the ⁷Be branches), erg g⁻¹ s⁻¹, net of ν.
    public var epsPP: Double = 0
    /// ε from the CNO cycles (CN and ON), erg g⁻¹ s⁻¹, net of ν.
    public var epsCNO: Double = 0
    /// epsPP + epsCNO.
    public var epsTotal: Double { epsPP + epsCNO }
    /// Energy carried away by the reactions' neutrinos, erg g⁻¹ s⁻¹ (not included in epsTotal).
    public var epsNeutrino: Double = 0
    /// ∂ε_total/∂ln T, ∂ε_total/∂ln ρ at fixed mass fractions (erg g⁻¹ s⁻¹).
    public var dEpsdLnT: Double = 0
    public var dEpsdLnRho: Double = 0
    /// ∂ε_total/∂X_j (erg g⁻¹ s⁻¹ per unit mass fraction), X_other fixed.
    public var dEpsdX = InlineArray<9, Double>(repeating: 0)
    /// dX_i/dt (s⁻¹).
    public var dXdt = InlineArray<9, Double>(repeating: 0)
    /// ∂(dX_i/dt)/∂ln T and ∂(dX_i/dt)/∂ln ρ (s⁻¹).
    public var dXdtdLnT = InlineArray<9, Double>(repeating: 0)
    public var dXdtdLnRho = InlineArray<9, Double>(repeating: 0)
    /// ∂(dX_i/dt)/∂X_j at index 9·i + j (s⁻¹).
    public var jacobian = InlineArray<81, Double>(repeating: 0)
    /// Reaction rates R_k (mol g⁻¹ s⁻¹, i.e. events per gram per second / N_A), k in `HydrogenBurning.Reaction`.
    public var reactionRates = InlineArray<12, Double>(repeating: 0)
    /// R_k / (Y_a Y_b) (screened; includes ρ, ρYₑ and the 1/2 for identical reactants), for equilibria.
    public var rateFactors = InlineArray<12, Double>(repeating: 0)
    /// Fraction of ⁷Be destroyed by electron capture (pp-II) rather than by ⁷Be(p,γ)⁸B (pp-III).
    public var beryllium7CaptureFraction: Double = 1

    public init() {}

    /// ∂(dX_i/dt)/∂X_j.
    public func jacobian(_ i: HydrogenBurningSpecies, _ j: HydrogenBurningSpecies) -> Double {
        jacobian[9 * i.rawValue + j.rawValue]
    }
    /// dX_i/dt.
    public func dXdt(_ s: HydrogenBurningSpecies) -> Double { dXdt[s.rawValue] }
}
