import Foundation
import GSL

/// Axion bremsstrahlung on ions, e + (Z, A) → e + (Z, A) + a, for non-relativistic electrons at any degeneracy:
/// the dimensionless integral J(η, s) of the emission rate and its two closed-form limits.
///
/// The rate (Docs/axion.md §2, eqs. A1–A4, derived there): second-order Born amplitude with the non-relativistic
/// limit of the derivative (axial-vector) coupling, vertex (g_ae/2mₑ)[σ·k − ω σ·(p + p')/2mₑ] (equivalent on shell
/// to the pseudoscalar g_ae ψ̄iγ₅ψ a, whose naive non-relativistic form σ·k alone misses the pair terms and gives
/// half the rate); the two diagrams' leading terms cancel, leaving |M|² = (g_ae²/4mₑ⁴)|q_⊥|² |V(q)|² (q_⊥ ⊥ k),
/// i.e. g_ae²ω²/(2e²mₑ²) times the photon's per polarisation (Raffelt 1996, "Stars as Laboratories", ch. 3). With
/// the ions' Coulomb potential screened in Debye–Hückel form, |V|²S(q) → (4πZα)²/(q²(q² + k_S²)), and ħ = c = k_B = 1:
///
///     Q = Σⱼ nⱼZⱼ² α² α_a (T⁴/mₑ²) 2J(η, s) / (3π²)                                       (A1)
///     J(η, s) = ∫₀^∞ dx ∫₀^x dw f(x − η) f(η + w − x) w² ln[((√x + √(x−w))² + s)/((√x − √(x−w))² + s)]   (A2)
///     f(y) = 1/(eʸ + 1),  s = k_S²/(2mₑT),  k_S² = 4πα(Σⱼ nⱼZⱼ² + n_eff)/T,  n_eff = T ∂nₑ/∂μ
///
/// Limits (exact, tested): non-degenerate and unscreened J → (64/15) e^η, which gives
/// Q = 256/(45√(2π)) α²α_a nₑ Σnⱼ Zⱼ² T^(5/2)/mₑ^(7/2) (A3); degenerate J → (π⁴/15) ln(1 + 4η/s), which gives
/// Q = (π²/15) α²α_a Σnⱼ Zⱼ² (T⁴/mₑ²) F, F = (2/3) ln((2 + κ²)/κ²), κ² = k_S²/2p_F² (A4): the non-relativistic,
/// Debye-screened form of the factor F in the degenerate rate 10.8 α₂₆ T₈⁴ Σ XZ²/A F erg g⁻¹ s⁻¹ (Nakagawa et al.
/// 1987, 1988; Raffelt 1990, PRD 41, 1324) that full codes use. The same master formula
/// with the photon vertex gives the Born free–free emissivity with the thermal Gaunt factor 2√3/π (tested).
///
/// Numerical traps: √x − √(x−w) is evaluated as w/(√x + √(x−w)) (cancellation as w → 0); J spans e^η in the
/// non-degenerate limit, so the table below stores only a correction factor of order one.
public enum AxionBremsstrahlung {
    private static let rule: GaussLegendreRule = {
        guard let r = try? GaussLegendreRule(points: 8) else { fatalError("Gauss–Legendre table allocation failed") }
        return r
    }()

    @inline(__always)
    static func fermi(_ y: Double) -> Double {
        if y > 0 {
            let e = exp(-y)
            return e / (1 + e)
        }
        return 1 / (1 + exp(y))
    }

    /// J(η, s) of eq. (A2) by Gauss–Legendre panels (8 points; panels 2 wide in x = E/T and in y² = E'/T, each range cut
    /// where the occupation factors fall below e⁻⁴⁰). The reference the fast rate is built from and tested against
    /// (~1 ms per call); `panelScale` < 1 refines the panels (convergence tests). `photon: true` drops the w² of the
    /// axion vertex: the same master formula for photon free–free emission (the tests' check of its prefactor).
    public static func integral(degeneracy eta: Double, screening s: Double, panelScale: Double = 1,
                                photon: Bool = false) -> Double {
        // Outer variable x = E/T; inner y = √(x − w) = p'/√(2mₑT) (w = x − y²), so the endpoint p' → 0 is smooth and
        // the inner panels are uniform in y² = E'/T, the variable the occupation f(η − y²) changes on.
        let xLo = max(0, eta - 40), xHi = max(eta, 0) + 45
        let nx = max(1, Int(((xHi - xLo) / (2 * panelScale)).rounded(.up)))
        let hx = (xHi - xLo) / Double(nx)
        var total = 0.0
        for i in 0..<nx {
            let a = xLo + Double(i) * hx
            total += rule.integrate({ x in
                let fx = fermi(x - eta)
                let y2Lo = max(0, eta - 40)
                guard fx > 0, x > y2Lo else { return 0 }
                let ny = max(1, Int(((x - y2Lo) / (2 * panelScale)).rounded(.up)))
                let hy = (x - y2Lo) / Double(ny)
                let sx = x.squareRoot()
                var inner = 0.0
                for j in 0..<ny {
                    let lo = (y2Lo + Double(j) * hy).squareRoot(), hi = (y2Lo + Double(j + 1) * hy).squareRoot()
                    let f: (Double) -> Double = { y in
                        let w = max(x - y * y, 0)
                        let plus = sx + y, minus = w / plus
                        let h = log((plus * plus + s) / (minus * minus + s))
                        return 2 * y * fermi(eta - y * y) * (photon ? 1 : w * w) * h
                    }
                    if photon && j == ny - 1 {
                        // Without the w² the unscreened logarithm is singular at w = 0 (y = √x): geometric panels.
                        var a = lo, d = 0.5 * (hi - lo)
                        for _ in 0..<40 {
                            inner += rule.integrate(f, from: a, to: hi - d)
                            a = hi - d
                            d *= 0.5
                        }
                        inner += rule.integrate(f, from: a, to: hi)
                    } else {
                        inner += rule.integrate(f, from: lo, to: hi)
                    }
                }
                return fx * inner
            }, from: a, to: a + hx)
        }
        return total
    }

    /// The non-degenerate, unscreened limit of J: (64/15) e^η (eq. A3).
    public static func nondegenerateLimit(degeneracy eta: Double) -> Double { 64.0 / 15 * exp(eta) }

    /// The degenerate limit of J: (π⁴/15) ln(1 + 4x_F/s), x_F = p_F²/(2mₑT) (→ η) (eq. A4).
    public static func degenerateLimit(fermiEnergyOverT xF: Double, screening s: Double) -> Double {
        pow(Double.pi, 4) / 15 * log1p(4 * xF / s)
    }
}

/// The fast J(ψ, s): a smooth approximant of both limits times a tabulated correction of order one.
///
///     J ≈ C(ψ, ln s) · [1/J_D + 1/J_ND]⁻¹,  J_D = (π⁴/15) ln(1 + 4x_F/s),  J_ND = F̂_{1/2}(η) g(s)
///
/// with ψ = ln F̂_{1/2}(η) = ln(nₑ/n_Q) (n_Q = 2(mₑT/2π)^(3/2): computed from ρ and T without solving for η),
/// x_F = (3√π F̂_{1/2}/4)^(2/3) (= p_F²/2mₑT at any degeneracy), g(s) = lim_{η→−∞} J e^(−η) (screened, tabulated)
/// and C from eq. (A2) on a grid (ψ ∈ [−8, 7] and log₁₀ s ∈ [−7, 4], every 0.5). C → 1 in both limits, so outside
/// the grid its edge values are used. Interpolation: Catmull–Rom in ln C (C¹, as the Newton Jacobian needs).
/// Accuracy against eq. (A2) is measured in the tests and quoted in Docs/axion.md (worst 0.08 %; C in 0.43–1.75).
/// Built once per process (713 integrals, ~2 s in a debug build).
public struct AxionBremsstrahlungTable: Sendable {
    public static let shared = AxionBremsstrahlungTable()

    static let psiGrid = UniformAxis(start: -8, step: 0.5, count: 31)
    static let log10SGrid = UniformAxis(start: -7, step: 0.5, count: 23)
    static let rPsiGrid = UniformAxis(start: -10, step: 0.25, count: 73)

    /// ln C on (ψ, log₁₀ s).
    let lnC: [Double]
    /// ln g on log₁₀ s.
    let lnG: [Double]
    /// ln(n_eff/nₑ) = ln(F̂_{−1/2}/F̂_{1/2}) on ψ.
    let lnR: [Double]

    init() {
        let sAxis = Self.log10SGrid, pAxis = Self.psiGrid
        // g(s): J e^(−η) at η = −25 (the Pauli factor differs from 1 by e⁻²⁵).
        lnG = (0..<sAxis.count).map { j in
            let s = pow(10, sAxis.value(j))
            return log(AxionBremsstrahlung.integral(degeneracy: -25, screening: s)) + 25
        }
        var c = [Double](repeating: 0, count: pAxis.count * sAxis.count)
        for i in 0..<pAxis.count {
            let psi = pAxis.value(i)
            let eta = Self.degeneracy(psi: psi)
            for j in 0..<sAxis.count {
                let s = pow(10, sAxis.value(j))
                let exact = AxionBremsstrahlung.integral(degeneracy: eta, screening: s)
                let approx = Self.baseline(psi: psi, s: s, lnG: lnG[j])
                c[i * sAxis.count + j] = log(exact / approx)
            }
        }
        lnC = c
        lnR = (0..<Self.rPsiGrid.count).map { i in
            let eta = Self.degeneracy(psi: Self.rPsiGrid.value(i))
            let m = (try? SpecialFunctions.fermiDiracMinusHalf(eta)) ?? .nan
            let h = (try? SpecialFunctions.fermiDiracHalf(eta)) ?? .nan
            return log(m / h)
        }
        guard lnC.allSatisfy(\.isFinite), lnG.allSatisfy(\.isFinite), lnR.allSatisfy(\.isFinite) else {
            fatalError("axion bremsstrahlung table: non-finite node (a bug in the quadrature, not an input error)")
        }
    }

    /// x_F = p_F²/(2mₑT) from ψ = ln F̂_{1/2}(η).
    static func fermiEnergyOverT(psi: Double) -> Double { pow(0.75 * Double.pi.squareRoot() * exp(psi), 2.0 / 3) }

    /// [1/J_D + 1/J_ND]⁻¹.
    static func baseline(psi: Double, s: Double, lnG: Double) -> Double {
        let jD = AxionBremsstrahlung.degenerateLimit(fermiEnergyOverT: fermiEnergyOverT(psi: psi), screening: s)
        let jND = exp(psi + lnG)
        return 1 / (1 / jD + 1 / jND)
    }

    /// η with ln F̂_{1/2}(η) = ψ (Newton on the logarithm; dF̂_{1/2}/dη = F̂_{−1/2}). Table construction only.
    static func degeneracy(psi: Double) -> Double {
        var eta = psi < 0 ? psi : fermiEnergyOverT(psi: psi)
        for _ in 0..<60 {
            guard let h = try? SpecialFunctions.fermiDiracHalf(eta), let m = try? SpecialFunctions.fermiDiracMinusHalf(eta),
                  h > 0 else { break }
            let step = (log(h) - psi) / (m / h)
            eta -= step
            if abs(step) < 1e-13 * max(1, abs(eta)) { break }
        }
        return eta
    }

    /// n_eff/nₑ = F̂_{−1/2}(η)/F̂_{1/2}(η) (1 non-degenerate, 3/(2x_F) degenerate).
    public func effectiveElectronFraction(psi: Double) -> Double {
        let a = Self.rPsiGrid
        if psi <= a.start { return 1 }
        if psi >= a.end { return min(1, 1.5 / Self.fermiEnergyOverT(psi: psi)) }
        return exp(a.interpolate(lnR, at: psi))
    }

    /// J(ψ, s) (eq. A2) from the table.
    public func integral(psi: Double, screening s: Double) -> Double {
        let ls = log10(s)
        let sAxis = Self.log10SGrid
        var lnG = sAxis.interpolate(self.lnG, at: ls)
        // Beyond the strongest screening tabulated, H ∝ 1/s.
        if ls > sAxis.end { lnG = sAxis.interpolate(self.lnG, at: sAxis.end) - (ls - sAxis.end) * log(10) }
        let c = exp(UniformAxis.interpolate2D(lnC, Self.psiGrid, sAxis, psi, ls))
        return c * Self.baseline(psi: psi, s: s, lnG: lnG)
    }
}

/// A uniform axis and Catmull–Rom interpolation on it (C¹; clamped to the end nodes outside).
struct UniformAxis: Sendable {
    let start: Double, step: Double, count: Int
    var end: Double { start + step * Double(count - 1) }
    func value(_ i: Int) -> Double { start + step * Double(i) }

    /// Cell index and fraction of a (clamped) coordinate.
    func locate(_ x: Double) -> (Int, Double) {
        let u = min(max((x - start) / step, 0), Double(count - 1))
        let i = min(Int(u), count - 2)
        return (i, u - Double(i))
    }

    /// Catmull–Rom weights for the nodes i−1, i, i+1, i+2 at fraction t.
    static func weights(_ t: Double) -> (Double, Double, Double, Double) {
        let t2 = t * t, t3 = t2 * t
        return (0.5 * (-t3 + 2 * t2 - t), 0.5 * (3 * t3 - 5 * t2 + 2), 0.5 * (-3 * t3 + 4 * t2 + t), 0.5 * (t3 - t2))
    }

    func interpolate(_ y: [Double], at x: Double) -> Double {
        let (i, t) = locate(x)
        let w = Self.weights(t)
        func at(_ k: Int) -> Double { y[min(max(k, 0), count - 1)] }
        return w.0 * at(i - 1) + w.1 * at(i) + w.2 * at(i + 1) + w.3 * at(i + 2)
    }

    /// Bicubic Catmull–Rom on a row-major grid (first axis `a`, second `b`).
    static func interpolate2D(_ z: [Double], _ a: UniformAxis, _ b: UniformAxis, _ x: Double, _ y: Double) -> Double {
        let (i, t) = a.locate(x), (j, u) = b.locate(y)
        let wa = weights(t), wb = weights(u)
        @inline(__always) func pick(_ w: (Double, Double, Double, Double), _ k: Int) -> Double {
            k == 0 ? w.0 : k == 1 ? w.1 : k == 2 ? w.2 : w.3
        }
        var s = 0.0
        for p in 0..<4 {
            let ii = min(max(i - 1 + p, 0), a.count - 1)
            var row = 0.0
            for q in 0..<4 {
                let jj = min(max(j - 1 + q, 0), b.count - 1)
                row += pick(wb, q) * z[ii * b.count + jj]
            }
            s += pick(wa, p) * row
        }
        return s
    }
}
