import Foundation
import Constants

/// Which form of the mixing-length equations.
public enum MixingLengthVariant: Sendable, Hashable {
    /// Böhm-Vitense (1958, Z. Astrophys. 46, 108) in the form of Cox & Giuli (2004, *Principles of Stellar
    /// Structure*, 2nd ed. by Weiss et al., ch. 14): optically thick eddies, a₀ = 9/4 in the cubic (eq. 14.82).
    case coxGiuli
    /// The same with the radiative losses of an optically thin eddy of Henyey, Vardya & Bodenheimer (1965,
    /// ApJ 142, 841), in the parametrisation of MESA (Paxton et al. 2011, ApJS 192, 3; `turb/private/mlt.f90`):
    /// with ω = κρℓ, A → A·(6√2 y/√ν)(1 + 1/(yω²)) and a₀ = (3/4)ω²/(1 + yω²). For ν = 8, y = 1/3 it tends to
    /// `coxGiuli` exactly as ω → ∞.
    case henyey(nu: Double, y: Double)

    /// ν = 8, y = 1/3 (MESA's defaults for its "Henyey" option; Cox & Giuli in the optically thick limit).
    public static let henyeyDefault = MixingLengthVariant.henyey(nu: 8, y: 1.0 / 3.0)
}

/// Local mixing-length theory: the actual temperature gradient ∇ and the convective velocity of a layer, with
/// their derivatives with respect to every input (for a Henyey Jacobian).
///
/// Equations (Cox & Giuli ch. 14, numbering of the 2nd edition as quoted in MESA's `turb` module; identical to
/// Kippenhahn, Weigert & Weiss 2012 eqs. 7.6–7.18 with U = 1/(2A)):
/// - efficiency parameter A = c_P κ ρ² ℓ² √(gδ/H_P) / (12√2 a c T³), ℓ = α H_P: the A of C&G eq. 14.81 as
///   written in MESA's "Cox" option (Q = δ, C&G eq. 14.24), with P/ρ = g H_P so that P does not appear;
/// - the cubic a₀Γ³ + Γ² + Γ = A²(∇_rad − ∇_crit) for the efficiency Γ (C&G 14.81–14.82), a₀ = 9/4;
/// - ∇ = ∇_crit + Γ(1+Γ)/A²: this is C&G 14.79 (∇ = (1−ζ)∇_rad + ζ∇_crit, ζ = Γ³/B³, eq. 14.80) rewritten with the
///   cubic so that 1 − ζ is never formed by subtraction;
/// - v = √(gδℓ²/(8H_P)) Γ/A (C&G 14.86b; KWW 7.6 with ∇ − ∇_e = Γ²/A²).
///
/// Numerical trap: in the efficient limit (deep interior, A ~ 10¹³) ζ = 1 − O(A⁻²/³) and the textbook form
/// (1−ζ)(∇_rad − ∇_ad) loses every digit; the closed Cardano root (as written in MESA) also cancels for A²W ≪ 1.
/// Here Γ comes from Newton's method on the cubic started above the root (the cubic is convex and increasing
/// for Γ > 0, so the iterates decrease monotonically), and ∇ − ∇_crit = Γ(1+Γ)/A² has no cancellation.
/// Allocation-free; ~10 multiplications, two roots and a few Newton steps per call.
public struct MixingLength: Sendable {
    /// α_MLT = ℓ/H_P.
    public var alpha: Double
    public var criterion: ConvectionCriterion
    public var variant: MixingLengthVariant

    public init(alpha: Double, criterion: ConvectionCriterion = .schwarzschild,
                variant: MixingLengthVariant = .henyeyDefault) {
        self.alpha = alpha
        self.criterion = criterion
        self.variant = variant
    }

    /// 1/(12√2 a c) in cgs, the constant of A (see the type's comment).
    @usableFromInline static let coxGiuliConstant = 1 / (12 * 2.0.squareRoot() * CGS.radiation * CGS.speedOfLight)

    /// ∇, v and their partial derivatives for one layer. Throws `MixingLengthError.outOfDomain` naming the first
    /// bad input (non-finite, or ≤ 0 where positivity is required).
    public func gradient(_ x: MixingLengthInput) throws(MixingLengthError) -> MixingLengthResult {
        try validate(x)
        let reference = x.gradAdiabatic + (criterion == .ledoux ? x.ledouxTerm : 0)
        let w = x.gradRadiative - reference
        var dGrad = MixingLengthPartials()
        var dVel = MixingLengthPartials()
        guard w > 0 else {
            dGrad.gradRadiative = 1
            return MixingLengthResult(gradient: x.gradRadiative, gradientExcess: w, velocity: 0, isConvective: false,
                                      efficiency: 0, dGradient: dGrad, dVelocity: dVel)
        }

        let ell = alpha * x.pressureScaleHeight
        let rootGDeltaOverH = (x.gravity * x.delta / x.pressureScaleHeight).squareRoot()
        let t3 = x.temperature * x.temperature * x.temperature
        var a = Self.coxGiuliConstant * x.heatCapacityP * x.opacity * x.density * x.density * ell * ell
            * rootGDeltaOverH / t3
        // s = ∂ln(thin factor)/∂ln ω, t = ∂ln a₀/∂ln ω.
        let a0: Double, s: Double, t: Double
        switch variant {
        case .coxGiuli:
            a0 = 9.0 / 4.0; s = 0; t = 0
        case let .henyey(nu, y):
            let omega = x.opacity * x.density * ell
            let invOmega2 = 1 / (omega * omega)
            let yPlus = y + invOmega2                   // y(1 + 1/(yω²))
            a = a * (6 * 2.0.squareRoot() / nu.squareRoot()) * yPlus
            a0 = 0.75 / yPlus                           // (3/4)ω²/(1+yω²) without forming ω² (no overflow)
            let q = invOmega2 / yPlus                   // 1/(1+yω²)
            s = -2 * q; t = 2 * q
        }
        let sTarget = a * a * w
        let gamma = Self.solveCubic(a0: a0, s: sTarget)
        let dp = (3 * a0 * gamma + 2) * gamma + 1      // p'(Γ)
        let invDp = 1 / dp, gOverA = gamma / a          // one division each, reused below
        let excess = gOverA * (1 + gamma) / a
        let v0 = ell * rootGDeltaOverH * (1 / 8.0.squareRoot())
        let v = v0 * gOverA

        // ∂∇/∂W and ∂v/∂W (W = ∇_rad − ∇_crit).
        let dGradDW = (1 + 2 * gamma) * invDp
        let dVelDW = v0 * a * invDp
        dGrad.gradRadiative = dGradDW
        dGrad.gradAdiabatic = 1 - dGradDW
        dVel.gradRadiative = dVelDW
        dVel.gradAdiabatic = -dVelDW
        if criterion == .ledoux {
            dGrad.ledouxTerm = 1 - dGradDW
            dVel.ledouxTerm = -dVelDW
        }
        // Log-derivatives through ln A and ln a₀: ∂∇/∂x = K[2(Γ+2)∂lnA/∂x + (1+2Γ)∂ln a₀/∂x],
        // K = −a₀Γ³/(A² p'); ∂ln v/∂x = explicit + [(1 − a₀Γ²)∂lnA/∂x − a₀Γ² ∂ln a₀/∂x]/p'.
        let k = -(a0 * gOverA) * gOverA * gamma * invDp
        let cA = 2 * (gamma + 2) * k, cA0 = (1 + 2 * gamma) * k
        let a0g2 = a0 * gamma * gamma
        let vA = v * (1 - a0g2) * invDp, vA0 = -v * a0g2 * invDp
        // ∂ln A/∂ln(c_P, ρ, κ, H_P, g, δ, T) = (1, 2+s, 1+s, 3/2+s, 1/2, 1/2, −3); ∂ln a₀ = t for ρ, κ, H_P.
        dGrad.lnHeatCapacityP = cA
        dGrad.lnDensity = cA * (2 + s) + cA0 * t
        dGrad.lnOpacity = cA * (1 + s) + cA0 * t
        dGrad.lnPressureScaleHeight = cA * (1.5 + s) + cA0 * t
        dGrad.lnGravity = cA * 0.5
        dGrad.lnDelta = cA * 0.5
        dGrad.lnTemperature = -3 * cA
        dVel.lnHeatCapacityP = vA
        dVel.lnDensity = vA * (2 + s) + vA0 * t
        dVel.lnOpacity = vA * (1 + s) + vA0 * t
        dVel.lnPressureScaleHeight = vA * (1.5 + s) + vA0 * t + 0.5 * v
        dVel.lnGravity = vA * 0.5 + 0.5 * v
        dVel.lnDelta = vA * 0.5 + 0.5 * v
        dVel.lnTemperature = -3 * vA
        // Mathematically excess ≤ W (a₀Γ³ ≥ 0); the min only removes a last-bit rounding overshoot of ∇_rad
        // in the inefficient limit, so ∇_crit ≤ ∇ ≤ ∇_rad holds exactly in floating point.
        return MixingLengthResult(gradient: min(reference + excess, x.gradRadiative), gradientExcess: excess,
                                  velocity: v, isConvective: true, efficiency: gamma,
                                  dGradient: dGrad, dVelocity: dVel)
    }

    /// The positive root of a₀Γ³ + Γ² + Γ − S = 0 (S > 0) by Newton's method. The cubic is increasing and convex
    /// on Γ > 0, so one Newton step from any positive point lands at or above the root, and from there the
    /// iterates decrease monotonically onto it; the loop stops when a step no longer decreases Γ or is below
    /// 10⁻¹⁵ relative (at most 60 steps). Start: min(S, √S, (S/a₀)^{1/3}), the cube root from a bit-level
    /// estimate refined by one Newton step (libm's cbrt cost a fifth of the whole evaluation).
    @inlinable
    public static func solveCubic(a0: Double, s: Double) -> Double {
        let c = s / a0
        var r = Double(bitPattern: c.bitPattern / 3 &+ 0x2A9F_7893_782D_A1CE)
        r -= (r * r * r - c) / (3 * r * r)
        var g = Swift.min(s, s.squareRoot(), r)
        do {   // the unconditional first step (brings a start below the root above it)
            let p = ((a0 * g + 1) * g + 1) * g - s
            let dp = (3 * a0 * g + 2) * g + 1
            let next = g - p / dp
            if next > 0 && next.isFinite { g = next }
        }
        for _ in 0..<60 {
            let p = ((a0 * g + 1) * g + 1) * g - s
            let dp = (3 * a0 * g + 2) * g + 1
            let next = g - p / dp
            if !(next < g) { break }
            let done = g - next <= 1e-15 * g
            g = next
            if done { break }
        }
        return g
    }

    @inline(__always)
    private func validate(_ x: MixingLengthInput) throws(MixingLengthError) {
        @inline(__always) func positive(_ v: Double, _ q: MixingLengthError.Quantity) throws(MixingLengthError) {
            guard v > 0 && v < .infinity else { throw .outOfDomain(quantity: q, value: v) }
        }
        try positive(alpha, .alpha)
        guard x.gradRadiative >= 0 && x.gradRadiative < .infinity else {
            throw .outOfDomain(quantity: .gradRadiative, value: x.gradRadiative)
        }
        try positive(x.gradAdiabatic, .gradAdiabatic)
        guard x.ledouxTerm.isFinite else { throw .outOfDomain(quantity: .ledouxTerm, value: x.ledouxTerm) }
        try positive(x.density, .density)
        try positive(x.temperature, .temperature)
        try positive(x.opacity, .opacity)
        try positive(x.heatCapacityP, .heatCapacityP)
        try positive(x.gravity, .gravity)
        try positive(x.delta, .delta)
        try positive(x.pressureScaleHeight, .pressureScaleHeight)
        if case let .henyey(nu, y) = variant {
            try positive(nu, .henyeyNu)
            try positive(y, .henyeyY)
        }
    }
}
