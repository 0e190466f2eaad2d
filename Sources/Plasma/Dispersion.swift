import Foundation
import GSL

/// Photon (plasmon) dispersion in a relativistic electron–positron plasma, after
/// Braaten & Segel, Phys. Rev. D 48 (1993) 1478: fixed by ωp and v* = ω₁/ωp alone.
///
/// All frequencies and momenta here are in units of ωp (ŵ = ω/ωp, k̂ = k/ωp).
///
/// Both branches are explicit in t = k/ω (the inverse phase velocity), since x = v*t:
///
///     transverse    ŵ² = G_T(v*t)/(1 − t²),   t ∈ [0, 1)   (k → ∞ as t → 1)
///     longitudinal  ŵ² = G_L(v*t),             t ∈ [0, 1]   (t = 1 is the cut-off k_max)
///     k̂ = t ŵ,  K² = ω² − k² = ωp² G_T  (T)  or  ωp² G_L (1 − t²)  (L)
///
/// Residues (derived in Docs/plasma.md from the propagators; tested against B&S's closed forms):
///
///     Z_T = [1 − ∂Π_T/∂ω²]⁻¹ = 1 / (1 + x G_T′(x) / (2ŵ²))               covariant, → 1 as k → 0
///     Z_ε = [∂(ω² ε_L)/∂ω²]⁻¹ = 1 / (1 + x G_L′(x) / (2ŵ²))              B&S's Z_l
///     Z_L = Z_ε ω²/(ω² − k²) = Z_ε/(1 − t²)                              covariant (field) residue
///
/// Rates are written with the covariant residues, for which every channel has the same form
/// Γ ∝ Z K^(2n)/ω for both polarisations. B&S's longitudinal formula with Z_l ω²(ω²−k²)²
/// is the same thing (Z_L K⁶ = Z_l ω² K⁴); mixing the conventions is the factor ω²/(ω² − k²)
/// by which public codes disagree.
public struct PlasmonDispersion: Sendable, Equatable {
    /// v* = ω₁/ωp, 0 ≤ v* < 1.
    public let vStar: Double

    public init(vStar: Double) throws {
        guard vStar.isFinite, vStar >= 0, vStar < 1 else {
            throw PlasmaError.outOfRange(parameter: "v*", value: vStar, allowed: "[0, 1)")
        }
        self.vStar = vStar
    }

    /// One point on a branch, in units of ωp.
    public struct Point: Sendable {
        /// ŵ = ω/ωp
        public let omega: Double
        /// k̂ = k/ωp
        public let k: Double
        /// dk̂/dt
        public let dkdt: Double
        /// K²/ωp² = (ω² − k²)/ωp²
        public let virtuality: Double
        /// Covariant residue Z (Z_T, or Z_L = Z_ε/(1 − t²)); multiplies Γ ∝ Z K^(2n)/ω.
        /// For L at t → 1 use `residueTimesVirtuality` (finite) instead.
        public let residue: Double
        /// Z·K²/ωp² (finite on the whole branch, also at the L cut-off).
        public let residueTimesVirtuality: Double
    }

    /// Transverse point at t = k/ω ∈ [0, 1); `oneMinusT2` = 1 − t² passed separately so that
    /// t → 1 keeps its precision (callers using t = tanh y pass sech² y).
    @inline(__always)
    public func transverse(t: Double, oneMinusT2: Double) -> Point {
        let x = vStar * t
        let (g, xdg) = transverseG(x)
        let w2 = g / oneMinusT2
        let w = w2.squareRoot()
        // d ln ŵ / dt = ½ v* G′/G + t/(1 − t²), with v* G′ = xG′/t (→ 0 at t = 0).
        let vdg = t > 0 ? xdg / t : 0
        let dlnw = 0.5 * vdg / g + t / oneMinusT2
        let z = 1 / (1 + xdg / (2 * w2))
        return Point(omega: w, k: t * w, dkdt: w * (1 + t * dlnw), virtuality: g,
                     residue: z, residueTimesVirtuality: z * g)
    }

    /// Longitudinal point at t = k/ω ∈ [0, 1].
    @inline(__always)
    public func longitudinal(t: Double) -> Point {
        let x = vStar * t
        let (g, xdg) = longitudinalG(x)
        let w = g.squareRoot()
        let vdg = t > 0 ? xdg / t : 0
        let dlnw = 0.5 * vdg / g
        let zEps = 1 / (1 + xdg / (2 * g))
        let oneMinusT2 = 1 - t * t
        return Point(omega: w, k: t * w, dkdt: w * (1 + t * dlnw), virtuality: g * oneMinusT2,
                     residue: oneMinusT2 > 0 ? zEps / oneMinusT2 : .infinity,
                     residueTimesVirtuality: zEps * g)
    }

    /// Longitudinal cut-off k_max/ωp where ω_L = k: k̂²_max = G_L(v*) (B&S 1993).
    public var longitudinalCutoff: Double { longitudinalG(vStar).g.squareRoot() }

    /// Asymptotic transverse mass m∞/ωp: ω_T² − k² → ωp² G_T(v*) as k → ∞ (3/2 ωp² at v* = 1).
    public var transverseAsymptoticMass: Double { transverseG(vStar).g.squareRoot() }
}

// MARK: - Reference: the dispersion relations solved in k, B&S's closed-form residues

extension PlasmonDispersion {
    /// (ω̂_T, ŝ = ω̂² − k̂²) at k̂, by Brent root finding on ŝ = G_T(v* k̂/√(k̂² + ŝ)), ŝ ∈ [1, G_T(v*)]. Returns ŝ from the root itself: forming ω² − k² afterwards
    /// cancels ~2 log₁₀ k̂ digits (7 at k̂ = 5000).
    public func transverseSolution(k: Double) throws -> (omega: Double, virtuality: Double) {
        let sMax = transverseG(vStar).g
        if sMax - 1 < 1e-15 { return ((k * k + 1).squareRoot(), 1) }
        let s = try RootFinding.brent({ s in s - transverseG(vStar * k / (k * k + s).squareRoot()).g },
                                      lower: 1 - 1e-12, upper: sMax * (1 + 1e-12),
                                      absoluteTolerance: 0, relativeTolerance: 1e-15)
        return ((k * k + s).squareRoot(), s)
    }

    /// ω_L(k)/ωp for 0 ≤ k ≤ k_max by Brent on ω² = G_L(v*k/ω), ω ∈ [max(1, k), k_max].
    public func longitudinalOmega(k: Double) throws -> Double {
        let kMax = longitudinalCutoff
        guard k >= 0, k <= kMax * (1 + 1e-14) else {
            throw PlasmaError.outOfRange(parameter: "k/ωp", value: k, allowed: "[0, \(kMax)] (longitudinal branch)")
        }
        let lower = max(1, k), upper = kMax
        if upper - lower < 1e-14 * upper { return upper }
        return try RootFinding.brent({ w in w * w - longitudinalG(min(vStar * k / w, vStar)).g },
                                     lower: lower, upper: upper, absoluteTolerance: 0, relativeTolerance: 1e-15)
    }

    /// B&S closed-form transverse residue, with s = ω² − k²:
    /// Z_t = 2ω²(ω² − v*²k²) / [3ωp²ω² + (ω² + k²)(ω² − v*²k²) − 2ω²(ω² − k²)].
    public func braatenSegelTransverseResidue(omega w: Double, k: Double, virtuality s: Double) -> Double {
        let w2 = w * w, k2 = k * k, a = s + (1 - vStar * vStar) * k2
        return 2 * w2 * a / (3 * w2 + (w2 + k2) * a - 2 * w2 * s)
    }

    /// B&S closed-form longitudinal residue (ε convention): Z_l = 2(ω² − v*²k²)/(3ωp² − ω² + v*²k²).
    public func braatenSegelLongitudinalResidue(omega w: Double, k: Double) -> Double {
        let a = w * w - vStar * vStar * k * k
        return 2 * a / (3 - a)
    }
}
