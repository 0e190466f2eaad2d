import Constants
import Foundation
import GSL
import Microphysics

/// The electron-conduction opacity κ_cond of `Microphysics.ConductiveOpacity.opacity` with its exact
/// derivatives, for one ion mixture (Z̄, Ā, ⟨Z²⟩) and prescription, on the whole star's hot path.
///
/// Physics: κ_cond = 16σT³/(3ρK), K = π²k²T nₑ/(3m*(ν_ei + ν_ee)), m* = mₑ√(1+x²), with the Potekhin et al.
/// 1999 (A&A 346, 345, Appendix) or Yakovlev & Urpin 1980 Coulomb logarithm in ν_ei and the Shternin &
/// Yakovlev 2006 (PRD 74, 043004) ν_ee, optionally divided by the Blouin et al. 2020 (ApJ 899, 46) factor 1 + gH.
/// The formulas, their sources and their limits are documented on `ConductiveOpacity`; this type is the same
/// formula transcribed line by line with `OpacityJet` values, so that one pass returns κ_cond, ∂ln κ_cond/∂ln ρ
/// and ∂ln κ_cond/∂ln T. Tests hold it to `ConductiveOpacity.opacity` (the value to 10⁻¹³, the derivatives to
/// its central differences); a change to either formula fails them.
///
/// What is precomputed here, once per mixture: every factor that depends only on (Z̄, Ā, ⟨Z²⟩) and the
/// constants (Z̄^(−1/6), the Γ, T_p and ν_ei prefactors, ...). Per point there is one cube root of nₑ (the
/// original takes three, of quantities ∝ nₑ), by `HydrogenBurningMath.cbrt` (within 4 ulp of `cbrt`); the
/// results differ from the original's in the last bits. The second exponential
/// integral of the Coulomb logarithm, e^(−w) E₁ₛ(b + w), is skipped where w > 45: it is below
/// e^(−45) = 3×10⁻²⁰ of the first term E₁ₛ(b) (since 1/(x+1) < eˣE₁(x) ≤ 1/x; Abramowitz & Stegun 5.1.19), far
/// below the last bit, and its derivatives likewise. That is the envelope (Γ ≲ 3), where conduction is negligible.
public struct OpacityConductionIons: Sendable, Equatable {
    /// Z̄, Ā and ⟨Z²⟩ of the fully ionised ions.
    public let charge: Double, mass: Double, meanChargeSquared: Double
    public let prescription: ConductiveOpacity.Prescription
    /// Whether the Blouin et al. 2020 H/He correction divides κ_cond.
    public let blouin2020: Bool

    // Per-mixture factors (CGS). nₑ = ρ·electronsPerGram; x = p_F/mₑc = xFactor·nₑ^(1/3);
    // Γ = gammaFactor·nₑ^(1/3)/T; 1/aᵢ = (4πnᵢ/3)^(1/3) = inverseIonRadiusFactor·nₑ^(1/3); T_pi = tpiFactor·√nₑ.
    let electronsPerGram: Double, gammaFactor: Double, inverseIonRadiusFactor: Double
    let tpiFactor: Double, quantumT0Squared: Double, quantumFactor: Double, betaFactor: Double
    let nuEIFactor: Double, yakovlevUrpinFactor: Double
    /// The mixture-independent factors, copied in at `init` (a static read costs a lazy-initialisation check each time).
    let c: Constants

    /// For ions `ions` (its Z̄, Ā, ⟨Z²⟩). Throws `MicrophysicsError.outOfRange` as `ConductiveOpacity` does for Z̄ < 1 or Ā < 1.
    public init(ions: Composition, prescription: ConductiveOpacity.Prescription = .potekhin1999,
                blouin2020: Bool = false) throws {
        try self.init(charge: ions.meanCharge, mass: ions.meanMass, meanChargeSquared: ions.meanChargeSquared,
                      prescription: prescription, blouin2020: blouin2020)
    }

    /// For explicit Z̄, Ā and ⟨Z²⟩ (`nil`: Z̄², a single species).
    public init(charge z: Double, mass a: Double, meanChargeSquared z2: Double? = nil,
                prescription: ConductiveOpacity.Prescription = .potekhin1999, blouin2020: Bool = false) throws {
        guard z.isFinite, a.isFinite, z >= 1, a >= 1 else {
            throw MicrophysicsError.outOfRange(parameter: z >= 1 ? "mass" : "charge", value: z >= 1 ? a : z,
                                               allowed: "≥ 1 (fully ionised ions)")
        }
        charge = z
        mass = a
        meanChargeSquared = z2 ?? z * z
        self.prescription = prescription
        self.blouin2020 = blouin2020
        let c = Self.constants
        self.c = c
        let z13 = HydrogenBurningMath.cbrt(z)
        electronsPerGram = z / a * CGS.avogadro
        let ionSphere = c.fourPiOverThree13 / z13   // (4πnᵢ/3)^(1/3)/nₑ^(1/3), nᵢ = nₑ/Z̄
        inverseIonRadiusFactor = ionSphere
        gammaFactor = z * z * c.eSquaredOverK * ionSphere
        // T_pi = ħ ω_pi/k, ω_pi² = 4πZ²e²nᵢ/mᵢ with nᵢ = nₑ/Z̄, mᵢ = Ā/N_A.
        tpiFactor = c.hbarOverK * (c.fourPiESquaredNA * z / a).squareRoot()
        quantumT0Squared = 0.19 * 0.19 / z13                  // T₀² = (0.19 Z^(−1/6))²
        quantumFactor = 1 + (z / 125) * (z / 125)
        betaFactor = c.piAlpha * z
        nuEIFactor = 1.7546e16 * meanChargeSquared / z
        yakovlevUrpinFactor = prescription == .yakovlevUrpin1980 ? Foundation.cbrt(2 * Double.pi * z / 3) : 0
    }

    /// The mixture-independent factors, computed once.
    struct Constants: Sendable, Equatable {
        let xFactor: Double, fourPiOverThree13: Double, eSquaredOverK: Double, hbarOverK: Double
        let fourPiESquaredNA: Double, piAlpha: Double, conductivityFactor: Double, comptonSquared: Double
        let screeningElectronFactor: Double, eeTimeUnit: Double, sixteenSigmaOverThree: Double
    }

    static let constants: Constants = {
        let e = CGS.elementaryCharge, kB = CGS.boltzmann, me = CGS.electronMass, c = CGS.speedOfLight
        let hbar = CGS.hbar, alpha = CGS.fineStructure, compton = me * c / hbar
        return Constants(
            xFactor: hbar * Foundation.cbrt(3 * Double.pi * Double.pi) / (me * c),   // x = p_F/mₑc per nₑ^(1/3)
            fourPiOverThree13: Foundation.cbrt(4 * Double.pi / 3), eSquaredOverK: e * e / kB, hbarOverK: hbar / kB,
            fourPiESquaredNA: 4 * Double.pi * e * e * CGS.avogadro, piAlpha: Double.pi * alpha,
            conductivityFactor: Double.pi * Double.pi * kB * kB / (3 * me), comptonSquared: compton * compton,
            screeningElectronFactor: 4 * alpha / Double.pi * compton * compton, eeTimeUnit: hbar / (me * c * c),
            sixteenSigmaOverThree: 16 * CGS.stefanBoltzmann / 3)
    }()

    /// κ_cond [cm² g⁻¹] and (∂ln κ_cond/∂ln ρ)_T, (∂ln κ_cond/∂ln T)_ρ at (ρ [g cm⁻³], T [K]). Throws as
    /// `ConductiveOpacity.opacity` does: `MicrophysicsError.outOfRange` for ρ or T not finite and > 0, and for
    /// the solid phase (Γ > 175), naming Γ.
    public func opacity(density rho0: Double, temperature t0: Double) throws -> OpacityValue {
        guard rho0.isFinite, rho0 > 0, t0.isFinite, t0 > 0 else {
            throw MicrophysicsError.outOfRange(parameter: rho0 > 0 ? "temperature" : "density",
                                               value: rho0 > 0 ? t0 : rho0, allowed: "(0, ∞)")
        }
        let rho = OpacityJet(rho0, rho0, 0), t = OpacityJet(t0, 0, t0)
        let ne0 = rho0 * electronsPerGram, ne13v = HydrogenBurningMath.cbrt(ne0)
        let ne = OpacityJet(ne0, ne0, 0), ne13 = OpacityJet(ne13v, ne13v / 3, 0)
        let x = c.xFactor * ne13
        let e = (1 + x * x).squareRoot(), v = x / e
        let gamma = gammaFactor * ne13 / t
        guard gamma.v <= 175 else {
            throw MicrophysicsError.outOfRange(parameter: "ion coupling Γ (conduction)", value: gamma.v,
                                               allowed: "≤ 175 (liquid; solid-phase conduction is not modelled)")
        }
        let lambda: OpacityJet
        switch prescription {
        case .potekhin1999: lambda = try potekhinLogarithm(x: x, v: v, ne: ne, ne13: ne13, gamma: gamma, t: t)
        case .yakovlevUrpin1980:
            let l = log(yakovlevUrpinFactor * (1.5 + 3 / gamma).squareRoot()) - v * v / 2
            lambda = l.v >= 0.1 ? l : OpacityJet(0.1, 0, 0)   // = max(…, 0.1), constant below the floor
        }
        let nuEI = nuEIFactor * lambda * e
        let nuEE = electronElectronFrequency(x: x, t: t)
        let k = c.conductivityFactor * t * ne / (e * (nuEI + nuEE))
        var kappa = c.sixteenSigmaOverThree * t * t * t / (rho * k)
        if blouin2020 { kappa = kappa * blouinFactor(rho: rho0, t: t0) }
        let d = kappa.logDerivatives
        return OpacityValue(kappa: kappa.v, dlnKappaDlnRho: d.dLnRho, dlnKappaDlnT: d.dLnT, extrapolated: false)
    }

    /// PBHY99 Λ_ei (Appendix, as in Potekhin's COULAN3), as `ConductiveOpacity.potekhinLogarithm`.
    @inline(__always)
    func potekhinLogarithm(x: OpacityJet, v: OpacityJet, ne: OpacityJet, ne13: OpacityJet, gamma: OpacityJet,
                           t: OpacityJet) throws -> OpacityJet {
        let inverseAi = inverseIonRadiusFactor * ne13
        let qi2 = 3 * gamma * (inverseAi * inverseAi)
        let qe2 = c.screeningElectronFactor * (x * (1 + x * x).squareRoot())
        let beta = betaFactor * v
        let cIon = (1 + 0.06 * gamma) * exp(-gamma.squareRoot())
        let qs2 = (cIon * qi2 + qe2) * exp(-beta)
        let kF2 = 4 * (x * x) * c.comptonSquared                // (2k_F)²
        let xs = qs2 / kF2
        let w = 12.972 * kF2 * (1 + beta / 3) / qi2
        let b = xs * w
        let ew = exp(-w)
        var el = try Self.expIntE1Scaled(b)
        if w.v <= 45 { el = el - ew * (try Self.expIntE1Scaled(b + w)) }
        let lx = log(1 + 1 / xs), oneMinusEw = 1 - ew
        let l1 = 0.5 * (lx + xs * oneMinusEw / (1 + xs) - (1 + b) * el)
        let l2 = 0.5 * ((w - 1 + ew) / w - xs * xs * oneMinusEw / (1 + xs) - 2 * xs * lx + xs * (2 + b) * el)
        // Quantum ion-motion factor G₀ = τ/√(τ² + T₀²)(1 + (Z/125)²), τ = T/T_pi, T₀ = 0.19 Z^(−1/6).
        let tpi = tpiFactor * ne.squareRoot()
        let tt = t / tpi
        let g0 = tt / (tt * tt + quantumT0Squared).squareRoot() * quantumFactor
        return (l1 - v * v * l2) * g0
    }

    /// eˣE₁(x) from GSL with its derivative d/dx[eˣE₁(x)] = eˣE₁(x) − 1/x (E₁′ = −e^(−x)/x).
    @inline(__always)
    static func expIntE1Scaled(_ a: OpacityJet) throws -> OpacityJet {
        let f = try SpecialFunctions.expIntE1Scaled(a.v)
        return a.chain(f, expIntE1ScaledSlope(a.v, f))
    }

    /// eˣE₁(x) − 1/x (= −eˣE₂(x)/x) given f = eˣE₁(x). Trap: for large x the difference is ≈ −1/x², and
    /// forming it from f loses ~log₁₀ x digits, which the Coulomb logarithm's cancellations (l₁ ≈ 1/(4x_s²) from
    /// terms of order 1) turn into relative errors of 10⁻⁴ in its derivatives at ρ ≈ 10⁻¹⁰ (measured). For
    /// x ≥ 50 the asymptotic series eˣE₁(x) − 1/x = Σ_{k=1}^{20} (−1)ᵏ k!/x^(k+1) is used instead (Abramowitz &
    /// Stegun 5.1.51; the remainder is below the first omitted term, 21!/x²² ≤ 5×10⁻¹⁵ of the sum at x = 50).
    /// Its terms shrink by k/x ≤ 0.4 each, so they are summed in order.
    @inline(__always)
    static func expIntE1ScaledSlope(_ x: Double, _ f: Double) -> Double {
        guard x >= 50 else { return f - 1 / x }
        let y = 1 / x
        var term = y, sum = 0.0
        for k in 1...20 {
            term *= -Double(k) * y
            sum += term
        }
        return sum
    }

    /// Shternin & Yakovlev 2006 1/τ_ee (s⁻¹), as `ConductiveOpacity.electronElectronFrequency`.
    @inline(__always)
    func electronElectronFrequency(x: OpacityJet, t: OpacityJet) -> OpacityJet {
        let tr = t / 5.930e9
        let e = (1 + x * x).squareRoot(), u = x / e
        let th = 0.0963913 * x * u.squareRoot() / tr
        let u2 = u * u
        let c1 = 0.123636 + 0.016234 * u2, c2 = 0.0762 + 0.05714 * (u2 * u2)
        let u3 = u2 * u
        let aa = 12.2 + 25.2 * u3, cc = aa * exp(c1 / c2)
        let th2 = th * th
        let iL = log(1 + 128.56 / (37.1 * th + 10.83 * th2 + th2 * th)) * (0.1587 - 0.02538 / (1 + 0.0435 * th)) / u
        let tu = th * u
        let iT = u3 * log(1 + cc / (aa * tu + tu * tu)) * (2.404 / cc + (c2 - 2.404 / cc) / (1 + 0.1 * tu))
        let iLT = u * log(1 + cc / (aa * th + 10.83 * (tu * tu) + pow(tu, 8.0 / 3)))
            * (18.52 * u2 / cc + (c2 - 18.52 * u2 / cc) / (1 + 0.1558 * pow(th, 1 - 0.75 * u)))
        let nu = 2.1381e-4 * x * th * u.squareRoot() * (iL + iT + iLT)
        let theta = tr * (1 + e) / (x * x), tt = 25 * theta
        let tau = (1 + tt + 0.4342 * theta.squareRoot() * (tt * tt)) / ((1 + tt * tt) * nu)
        return 1 / (tau * c.eeTimeUnit)
    }

    /// The Blouin et al. 2020 factor F = 1/(1 + gH) with its derivatives, as `ConductiveOpacity.blouinFactor`.
    func blouinFactor(rho: Double, t: Double) -> OpacityJet {
        let ln10 = Foundation.log(10.0)
        let logRho = OpacityJet(Foundation.log10(rho), 1 / ln10, 0), logT = OpacityJet(Foundation.log10(t), 0, 1 / ln10)
        func lnF(_ p: (alpha: Double, a: Double, b: Double, lr0: Double, lt0: Double, sr: Double, st: Double)) -> OpacityJet {
            let rs = logRho - p.lr0, ts = logT - p.lt0
            let along = ts * Foundation.cos(p.alpha) + rs * Foundation.sin(p.alpha)
            let across = ts * Foundation.sin(p.alpha) - rs * Foundation.cos(p.alpha)
            let g = p.a * exp(-(along * along) / (p.st * p.st) - (across * across) / (p.sr * p.sr))
            return -log1p(g * (0.5 * tanh(p.b * (g - 0.5)) + 0.5))
        }
        let hydrogen = (alpha: -0.52, a: 2.0, b: 10.0, lr0: 5.45, lt0: 8.40, sr: 5.14, st: 0.45)
        let helium = (alpha: -0.46, a: 1.25, b: 2.5, lr0: 6.50, lt0: 8.57, sr: 6.20, st: 0.55)
        let z = charge
        if z <= 1 { return exp(lnF(hydrogen)) }
        if z >= 3 { return OpacityJet(1, 0, 0) }
        if z <= 2 {
            let f = Foundation.log(z) / Foundation.log(2.0)
            return exp((1 - f) * lnF(hydrogen) + f * lnF(helium))
        }
        let f = Foundation.log(z / 2) / Foundation.log(1.5)
        return exp((1 - f) * lnF(helium))
    }
}
