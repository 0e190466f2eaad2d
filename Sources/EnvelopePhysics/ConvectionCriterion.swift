/// Which gradient a layer's radiative gradient must exceed for the layer to convect.
///
/// - Schwarzschild: convective where ∇_rad > ∇_ad (Kippenhahn, Weigert & Weiss 2012, *Stellar Structure and
///   Evolution*, 2nd ed., §6.1).
/// - Ledoux: convective where ∇_rad > ∇_L = ∇_ad + (φ/δ) ∇_μ (ibid. §6.1); the caller supplies the
///   composition term (φ/δ)∇_μ as `MixingLengthInput.ledouxTerm`. With no composition gradient the two coincide.
///
/// In a Ledoux-convective layer the mixing-length solution measures the superadiabatic excess from ∇_L (the
/// choice of Paxton et al. 2013, ApJS 208, 4, and MESA's `turb` module); a layer that is Schwarzschild-unstable
/// but Ledoux-stable (semiconvective) is treated as radiative here — no semiconvection model is applied.
public enum ConvectionCriterion: Sendable, Hashable {
    case schwarzschild
    case ledoux
}
