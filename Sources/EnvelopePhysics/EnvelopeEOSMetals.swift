import Constants
import Foundation

/// Every ionisation stage j = 0…Z (j electrons removed) of one metal (C, N, O or Ne), in the same free
/// energy as H and He (`EnvelopeEOS`): stage j has ground-term weight g_j, binding B_j = Σ_{i≥j} χᵢ below
/// the bare nucleus, occupation probability ln w_j = −n_N V_j and energy shift Δ_j = χ_j n_N V_j, so that
///
///     ln n_j = ln g_j + ln w_j + (B_j − Δ_j)/kT − j η_eff + const,
///
/// whose ratios are the Saha equations of the type's comment. Sums over stages are taken as
/// log-sum-exp (stages more than e⁴⁰ below the most populated one are skipped: < 10⁻¹⁷ of the sum).
///
/// Data: ionisation energies from the NIST Atomic Spectra Database (Kramida, Ralchenko, Reader & NIST ASD
/// Team, "Ground levels and ionization energies", eV): C 11.26030 … 489.99334, N 14.53413 … 667.046,
/// O 13.61805 … 871.4101, Ne 21.56454 … 1362.1995 (all stages below). Ground-term weights (2S+1)(2L+1) by
/// the number k of bound electrons (isoelectronic sequence: H-like ²S, He ¹S, Li ²S, Be ¹S, B ²P, C ³P,
/// N ⁴S, O ³P, F ²P, Ne ¹S): 2, 1, 2, 1, 6, 9, 4, 9, 6, 1 (k = 1…10), 1 for the bare nucleus; excited
/// states are not included. Radii for the excluded volumes: r_j = 1.5 a₀ √(χ_H/χ_j), the 1s mean radius of
/// a hydrogenic orbit bound by the stage's own ionisation energy (exact for H⁰ and He⁺; for neutral C, N, O
/// it gives 1.65, 1.45, 1.50 a₀, about the size of their 2p shells). Trap: the n² a₀/Z_eff radius with
/// n = 2 for the L shell is twice as large, and pressure-ionised the metals so abruptly at ρ ~ 0.1–1 and
/// T ~ 5000 K that χ_ρ < 0 there.
struct EnvelopeEOSMetalLadder: Sendable, Equatable {
    /// Nuclei per baryon and charge Z.
    let nu: Double
    let charge: Int
    /// Per stage j = 0…Z: ln g_j, B_j (erg), χ_j (erg, 0 for the bare stage), V_j (cm³, 0 for bare).
    let lnG: [Double], binding: [Double], chi: [Double], volume: [Double]

    /// NIST ASD ionisation energies in eV, stage by stage (I, II, …).
    static let ionisationEnergies: [Int: [Double]] = [
        6: [11.26030, 24.38332, 47.8878, 64.4939, 392.087, 489.99334],
        7: [14.53413, 29.6013, 47.44924, 77.4735, 97.8902, 552.0718, 667.046],
        8: [13.61805, 35.12112, 54.9355, 77.41353, 113.8990, 138.1197, 739.29, 871.4101],
        10: [21.56454, 40.96296, 63.45, 97.12, 126.21, 157.93, 207.2759, 239.0989, 1195.8286, 1362.1995],
    ]
    /// Ground-term weights by the number of bound electrons k = 0…10.
    static let groundWeight: [Double] = [1, 2, 1, 2, 1, 6, 9, 4, 9, 6, 1]

    init(nu: Double, charge z: Int) {
        self.nu = nu
        charge = z
        let chiEV = Self.ionisationEnergies[z] ?? []
        precondition(chiEV.count == z, "ionisation energies for Z = \(z)")
        var lnG = [Double](), binding = [Double](), chi = [Double](), volume = [Double]()
        let chiH = EnvelopeEOS.chiH
        for j in 0...z {
            let k = z - j
            lnG.append(Foundation.log(Self.groundWeight[k]))
            binding.append(chiEV[j...].reduce(0, +) * CGS.ergPerEV)
            if j < z {
                let c = chiEV[j] * CGS.ergPerEV
                let r = 1.5 * EnvelopeEOS.bohrRadius * (chiH / c).squareRoot()
                chi.append(c)
                volume.append(4 * Double.pi / 3 * 8 * r * r * r)
            } else {
                chi.append(0)
                volume.append(0)
            }
        }
        self.lnG = lnG
        self.binding = binding
        self.chi = chi
        self.volume = volume
    }

    /// ⟨j⟩ and Var(j) (free electrons per nucleus and its η-derivative's magnitude) at degeneracy η, for the
    /// scalar η iteration: a_j = c_j − jη with c_j = ln g_j − n_N V_j + (B_j − χ_j n_N V_j)/kT − j μ_C/kT.
    func electrons(eta: Double, invKT: Double, nN: Double, muC: Double) -> (mean: Double, variance: Double) {
        var mx = -Double.infinity
        for j in 0...charge { mx = max(mx, exponent(j, eta: eta, invKT: invKT, nN: nN, muC: muC)) }
        var s = 0.0, s1 = 0.0, s2 = 0.0
        for j in 0...charge {
            let a = exponent(j, eta: eta, invKT: invKT, nN: nN, muC: muC) - mx
            guard a > -40 else { continue }
            let e = Foundation.exp(a), dj = Double(j)
            s += e
            s1 += e * dj
            s2 += e * dj * dj
        }
        let mean = s1 / s
        return (mean, max(0, s2 / s - mean * mean))
    }

    @inline(__always)
    private func exponent(_ j: Int, eta: Double, invKT: Double, nN: Double, muC: Double) -> Double {
        let nv = nN * volume[j]
        return lnG[j] - nv + (binding[j] - chi[j] * nv) * invKT - Double(j) * (eta + muC)
    }

    /// The ladder's contributions, per baryon and as jets: free electrons ν⟨j⟩, ν⟨B − Δ⟩ (erg),
    /// ν⟨Δ⟩ (erg), ν⟨−ln w⟩, and the stage entropy ν[⟨ln g⟩ − ⟨ln y⟩ + ⟨ln w⟩] (in k).
    struct Sums {
        var electrons = EnvelopeEOSJet.zero, bindingMinusShift = EnvelopeEOSJet.zero, shift = EnvelopeEOSJet.zero
        var minusLnW = EnvelopeEOSJet.zero, entropy = EnvelopeEOSJet.zero
    }

    func sums(etaEff: EnvelopeEOSJet, invKT: EnvelopeEOSJet, nN: EnvelopeEOSJet, into out: inout Sums) {
        // Pass 1: the largest exponent (values only).
        var mx = -Double.infinity
        for j in 0...charge {
            let nv = nN.v * volume[j]
            mx = max(mx, lnG[j] - nv + (binding[j] - chi[j] * nv) * invKT.v - Double(j) * etaEff.v)
        }
        // Pass 2: every stage quantity is linear in the jets n_N, n_N/kT, 1/kT, η_eff with scalar
        // coefficients, a_j = B_j/kT − (n_N/kT) χ_jV_j − n_N V_j − j η_eff + ln g_j, so only Σ e_j × scalar
        // sums are accumulated (cheap jet × scalar products) and combined once at the end.
        let nNoverKT = nN * invKT
        var s = EnvelopeEOSJet.zero, sj = EnvelopeEOSJet.zero, sB = EnvelopeEOSJet.zero
        var sCV = EnvelopeEOSJet.zero, sV = EnvelopeEOSJet.zero, sG = EnvelopeEOSJet.zero
        for j in 0...charge {
            let dj = Double(j), cv = chi[j] * volume[j]
            let a = invKT * binding[j] - nNoverKT * cv - nN * volume[j] - etaEff * dj + (lnG[j] - mx)
            guard a.v > -40 else { continue }
            let e = a.exp
            s = s + e
            sj = sj + e * dj
            sB = sB + e * binding[j]
            sCV = sCV + e * cv
            sV = sV + e * volume[j]
            sG = sG + e * lnG[j]
        }
        let inv = s.reciprocal
        let meanJ: EnvelopeEOSJet = sj * inv, meanB: EnvelopeEOSJet = sB * inv
        let meanCV: EnvelopeEOSJet = sCV * inv, meanV: EnvelopeEOSJet = sV * inv, meanG: EnvelopeEOSJet = sG * inv
        let shift: EnvelopeEOSJet = nN * meanCV                    // ⟨Δ⟩
        let minusLnW: EnvelopeEOSJet = nN * meanV                  // ⟨−ln w⟩
        // ⟨a − m⟩ = ⟨B⟩/kT − (n_N/kT)⟨χV⟩ − n_N⟨V⟩ − η_eff⟨j⟩ + ⟨ln g⟩ − m; ⟨ln y⟩ = ⟨a − m⟩ − ln S.
        let meanA: EnvelopeEOSJet = invKT * meanB - nNoverKT * meanCV - minusLnW - etaEff * meanJ + meanG - mx
        let lnY: EnvelopeEOSJet = meanA - s.log
        out.electrons = out.electrons + meanJ * nu
        out.bindingMinusShift = out.bindingMinusShift + (meanB - shift) * nu
        out.shift = out.shift + shift * nu
        out.minusLnW = out.minusLnW + minusLnW * nu
        // ⟨ln g⟩ − ⟨ln y⟩ + ⟨ln w⟩.
        out.entropy = out.entropy + (meanG - lnY - minusLnW) * nu
    }
}
