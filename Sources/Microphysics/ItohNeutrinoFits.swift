import Foundation

/// Pair, photo- and bremsstrahlung-neutrino emissivities from the fits of Itoh, Hayashi,
/// Nishikawa & Kohyama, ApJS 102 (1996) 411 (eqs. 2.5–2.8, 3.2–3.8 with Table 2, 5.1–5.3, 5.9,
/// 5.16–5.26 as labelled in the codes). Transcribed from Timmes' `sneut5` (AMReX-Astro
/// Microphysics), cross-checked against MESA `neu` and D. Page's NSCool (written from the paper);
/// where they differ the majority value is used (Docs/microphysics.md lists the differences).
/// Plasma neutrinos are not here: they come from the `Plasma` module (exact or Itoh fit).
///
/// Units: ρ in g cm⁻³, T in K, results in erg cm⁻³ s⁻¹. Flavour sums with sin²θ_W = 0.2319 and
/// n = 2 non-electron flavours, as in the fits.
public enum ItohNeutrinoFits {
    /// How bremsstrahlung chooses between its weakly degenerate and liquid-metal fits.
    public enum BremsstrahlungBranch: String, CaseIterable, Sendable {
        /// sneut5: liquid metal if T ≤ 0.3 T_F, else weakly degenerate (a jump up to ~3× at the switch).
        case sneut5Switch
        /// Smooth: α Q_weak + (1 − α) Q_liquid with α = ½(1 − cos πx), x = (T/T_F − 0.05)/0.25 on
        /// [0.05, 0.3] T_F (MESA's blend, but with the correct T_F = 5.9302e9[√(1 + 1.018(ρ₆Yₑ)^(2/3)) − 1]).
        case smoothBlend
    }

    // Flavour-summed couplings at sin²θ_W = 0.2319 (Itoh et al. 1996 §2; sneut5 "tfac").
    static let cv = 0.5 + 2 * 0.2319, ca = 0.5, cvp = 1 - cv, cap = 1 - ca, n = 2.0
    static let sumPlus = cv * cv + ca * ca + n * (cvp * cvp + cap * cap)   // 1.6815313
    static let sumMinus = cv * cv - ca * ca + n * (cvp * cvp - cap * cap)  // 0.1815313
    static let tfac3 = sumMinus / sumPlus, tfac4 = sumPlus / 2, tfac5 = sumMinus / 2

    /// λ = kT/(mₑc²), T in K, with mₑc²/k_B = 5.9302e9 K as rounded by Itoh et al. 1996 (and sneut5): part of the
    /// published fit, kept as printed (the CODATA value 5.92989e9 K differs by 5×10⁻⁵).
    @inline(__always) static func lambda(_ t: Double) -> Double { t / 5.9302e9 }

    /// Pair annihilation e⁺e⁻ → νν̄ (eqs. 2.5–2.8).
    public static func pair(density rho: Double, temperature t: Double, electronFraction ye: Double) -> Double {
        let l = lambda(t), rm = rho * ye
        let expo = exp(-2 / l)
        if expo == 0 { return 0 }
        let xi = cbrt(rm * 1e-9) / l
        let (b1, b2, b3, c) = t < 1e10 ? (0.9383, -0.4141, 0.05829, 5.5924) : (1.2383, -0.8141, 0.0, 4.9924)
        let l2 = l * l
        let g = 1 - 13.04 * l2 + 133.5 * l2 * l2 + 1534 * l2 * l2 * l2 + 918.6 * l2 * l2 * l2 * l2
        let q = 1 / (10.7480 * l2 + 0.3967 * l.squareRoot() + 1.005)
            * pow(1 + rm / (7.692e7 * l2 * l + 9.715e6 * l.squareRoot()), -0.3)
        let f = (6.002e19 + 2.084e20 * xi + 1.872e21 * xi * xi) * exp(-c * xi)
            / (xi * xi * xi + b1 / l + b2 / l2 + b3 / (l2 * l))
        return max(0, tfac4 * (1 + tfac3 * q) * g * expo * f)
    }

    /// Photo-neutrinos γe → eνν̄ (eqs. 3.2–3.8, Table 2), for T ≥ 10⁷ K (0 below, as in sneut5).
    /// The three coefficient sets switch at 10⁸ and 10⁹ K without interpolation (as in every code).
    public static func photo(density rho: Double, temperature t: Double, electronFraction ye: Double) -> Double {
        guard t >= 1e7 else { return 0 }
        let l = lambda(t), rm = rho * ye
        let xi = cbrt(rm * 1e-9) / l
        let set: Int, tau: Double, cc: Double
        if t < 1e8 { set = 0; tau = log10(t / 1e7); cc = 0.5654 + tau }
        else if t < 1e9 { set = 1; tau = log10(t / 1e8); cc = 1.5654 }
        else { set = 2; tau = log10(t / 1e9); cc = 1.5654 }
        // cos(kθ), sin(kθ) for θ = 5πτ/3, k = 1…6 (10πτ = 6θ) by the angle-addition recurrences: exact identities,
        // one sin/cos pair instead of 33 per call (they were 4 % of a whole-star track).
        let theta = 5 * Double.pi * tau / 3
        let c1 = cos(theta), s1 = sin(theta)
        let c2 = c1 * c1 - s1 * s1, s2 = 2 * s1 * c1
        let c3 = c2 * c1 - s2 * s1, s3 = s2 * c1 + c2 * s1
        let c4 = c3 * c1 - s3 * s1, s4 = s3 * c1 + c3 * s1
        let c5 = c4 * c1 - s4 * s1, s5 = s4 * c1 + c4 * s1
        let c6 = c5 * c1 - s5 * s1
        let cosK = (c1, c2, c3, c4, c5, c6), sinK = (s1, s2, s3, s4, s5)
        func coefficient(_ i: Int) -> Double {
            let cRow = photoC[set][i], dRow = photoD[set][i]
            return 0.5 * cRow[0] + 0.5 * cRow[6] * cosK.5
                + cRow[1] * cosK.0 + dRow[0] * sinK.0 + cRow[2] * cosK.1 + dRow[1] * sinK.1
                + cRow[3] * cosK.2 + dRow[2] * sinK.2 + cRow[4] * cosK.3 + dRow[3] * sinK.3
                + cRow[5] * cosK.4 + dRow[4] * sinK.4
        }
        let a0 = coefficient(0), a1 = coefficient(1), a2 = coefficient(2)
        let l2 = l * l
        let f = (a0 + a1 * xi + a2 * xi * xi) * exp(-cc * xi)
            / (xi * xi * xi + 6.290e-3 / l + 7.483e-3 / l2 + 3.061e-4 / (l2 * l))
        let q = 0.666 * pow(1 + 2.045 * l, -2.066)
            / (1 + rm / (1.875e8 * l + 1.653e8 * l2 + 8.499e8 * l2 * l - 1.604e8 * l2 * l2))
        return max(0, tfac4 * (1 - tfac3 * q) * rm * l2 * l2 * l * f)
    }

    /// Table 2 c_ik (k = 0…6) for T in [1e7,1e8), [1e8,1e9), [1e9,∞); rows i = 0, 1, 2.
    static let photoC: [[[Double]]] = [
        [[1.008e11, 0, 0, 0, 0, 0, 0],
         [8.156e10, 9.728e8, -3.806e9, -4.384e9, -5.774e9, -5.249e9, -5.153e9],
         [1.067e11, -9.782e9, -7.193e9, -6.936e9, -6.893e9, -7.041e9, -7.193e9]],
        [[9.889e10, -4.524e8, -6.088e6, 4.269e7, 5.172e7, 4.910e7, 4.388e7],
         [1.813e11, -7.556e9, -3.304e9, -1.031e9, -1.764e9, -1.851e9, -1.928e9],
         [9.750e10, 3.484e10, 5.199e9, -1.695e9, -2.865e9, -3.395e9, -3.418e9]],
        [[9.581e10, 4.107e8, 2.305e8, 2.236e8, 1.580e8, 2.165e8, 1.721e8],
         [1.459e12, 1.314e11, -1.169e11, -1.765e11, -1.867e11, -1.983e11, -1.896e11],
         [2.424e11, -3.669e9, -8.691e9, -7.967e9, -7.932e9, -7.987e9, -8.333e9]],
    ]
    /// Table 2 d_ik (k = 1…5).
    static let photoD: [[[Double]]] = [
        [[0, 0, 0, 0, 0],
         [-1.879e10, -9.667e9, -5.602e9, -3.370e9, -1.825e9],
         [-2.919e10, -1.185e10, -7.270e9, -4.222e9, -1.560e9]],
        [[-1.135e8, 1.256e8, 5.149e7, 3.436e7, 1.005e7],
         [1.652e9, -3.119e9, -1.839e9, -1.458e9, -8.956e8],
         [-1.548e10, -9.338e9, -5.899e9, -3.035e9, -1.598e9]],
        [[4.724e8, 2.976e8, 2.242e8, 7.937e7, 4.859e7],
         [-7.094e11, -3.697e11, -2.189e11, -1.273e11, -5.705e10],
         [-2.254e10, -1.551e10, -7.793e9, -4.489e9, -2.185e9]],
    ]

    /// Fermi temperature T_F = 5.9302e9 [√(1 + 1.018 (ρ₆Yₑ)^(2/3)) − 1] K (sneut5; MESA omits the
    /// 1 + 1.018 and gets T_F < 0 below ρYₑ = 10⁶, Docs/microphysics.md).
    public static func fermiTemperature(density rho: Double, electronFraction ye: Double) -> Double {
        5.9302e9 * ((1 + 1.018 * pow(rho / 1e6 * ye, 2.0 / 3)).squareRoot() - 1)
    }

    /// Electron–ion bremsstrahlung νν̄ (weakly degenerate eqs. 5.1–5.3, 5.9; liquid metal with ¹²C
    /// parameters, eqs. 5.16–5.26), floored at 0 (the liquid fit turns negative for Γ ≲ 0.08).
    public static func bremsstrahlung(density rho: Double, temperature t: Double, meanCharge zbar: Double,
                                      meanMass abar: Double, branch: BremsstrahlungBranch = .smoothBlend) -> Double {
        let ye = zbar / abar
        let tf = fermiTemperature(density: rho, electronFraction: ye)
        let ratio = t / tf
        switch branch {
        case .sneut5Switch:
            return ratio > 0.3 ? bremWeak(rho, t, zbar, abar) : bremLiquid(rho, t, zbar, abar)
        case .smoothBlend:
            if ratio >= 0.3 { return bremWeak(rho, t, zbar, abar) }
            if ratio <= 0.05 { return bremLiquid(rho, t, zbar, abar) }
            let x = (ratio - 0.05) / 0.25, a = 0.5 * (1 - cos(Double.pi * x))
            return a * bremWeak(rho, t, zbar, abar) + (1 - a) * bremLiquid(rho, t, zbar, abar)
        }
    }

    @inline(__always) static func bremPrefactor(_ rho: Double, _ t: Double, _ zbar: Double, _ abar: Double) -> Double {
        let t8 = t / 1e8
        return 0.5738 * zbar * (zbar / abar) * pow(t8, 6) * rho
    }

    static func bremWeak(_ rho: Double, _ t: Double, _ zbar: Double, _ abar: Double) -> Double {
        let t8 = t / 1e8, rm = rho * zbar / abar
        let eta = rm / (7.05e6 * pow(t8, 1.5) + 5.12e4 * t8 * t8 * t8)
        let f = 1 / (23.5 + 6.83e4 / (t8 * t8) + 7.81e8 / pow(t8, 5))
            + 1.26 * (1 + 1 / eta) / (1 + 1.47 / eta + 3.29e-2 / (eta * eta))
        let g = 1 / ((1 + 1e-9 * rm) * (230 + 6.7e5 / (t8 * t8) + 7.66e9 / pow(t8, 5)))
            + 1 / ((7.75e5 * pow(t8, 1.5) + 247 * pow(t8, 3.85)) / rm + 4.07 + 0.0240 * pow(t8, 1.4)
                   + 4.59e-5 * pow(t8, -0.110) * pow(rho, 0.656))
        return max(0, bremPrefactor(rho, t, zbar, abar) * (tfac4 * f - tfac5 * g))
    }

    static func bremLiquid(_ rho: Double, _ t: Double, _ zbar: Double, _ abar: Double) -> Double {
        let u = Double.pi / 5 * (log10(rho) - 3)
        let gamma = 0.2275 * zbar * zbar / (t / 1e8) * cbrt(rho / 1e6 / abar)
        // cos(ku), sin(ku) by the angle-addition recurrences (exact identities; one sin/cos pair instead of nine).
        let c1 = cos(u), s1 = sin(u)
        let c2 = c1 * c1 - s1 * s1, s2 = 2 * s1 * c1
        let c3 = c2 * c1 - s2 * s1, s3 = s2 * c1 + c2 * s1
        let c4 = c3 * c1 - s3 * s1, s4 = s3 * c1 + c3 * s1
        let c5 = c4 * c1 - s4 * s1
        let fb = 0.5 * 0.17946 + 0.00945 * u + 0.34529 - 0.05821 * c1 - 0.04969 * s1 - 0.01089 * c2 - 0.01584 * s2
            - 0.01147 * c3 - 0.00504 * s3 - 0.00656 * c4 - 0.00281 * s4 - 0.00519 * c5
        let ft = 0.5 * 0.06781 - 0.02342 * u + 0.24819 - 0.00944 * c1 - 0.02213 * s1 - 0.01289 * c2 - 0.01136 * s2
            - 0.00589 * c3 - 0.00467 * s3 - 0.00404 * c4 - 0.00131 * s4 - 0.00330 * c5
        let gb = 0.5 * 0.00766 - 0.01259 * u + 0.07917 - 0.00710 * c1 + 0.02300 * s1 - 0.00028 * c2 - 0.01078 * s2
            + 0.00232 * c3 + 0.00118 * s3 + 0.00044 * c4 - 0.00089 * s4 + 0.00158 * c5
        let gt = -0.5 * 0.00769 - 0.00829 * u + 0.05211 + 0.00356 * c1 + 0.01052 * s1 - 0.00184 * c2 - 0.00354 * s2
            + 0.00146 * c3 - 0.00014 * s3 + 0.00031 * c4 - 0.00018 * s4 + 0.00069 * c5
        let g13 = cbrt(gamma), g23 = g13 * g13
        let v = -0.05483 - 0.01946 / g13 + 1.86310 / g23 - 0.78873 / gamma
        let w = -0.06711 + 0.06859 / g13 + 1.74360 / g23 - 0.74498 / gamma
        let f = v * fb + (1 - v) * ft, g = w * gb + (1 - w) * gt
        return max(0, bremPrefactor(rho, t, zbar, abar) * (tfac4 * f - tfac5 * g))
    }
}
