import Constants
import Foundation
import GSL
import TestSupport
import Testing
@testable import Microphysics

@Suite("Axion emission: bremsstrahlung J(η, s) and Compton (Docs/axion.md)")
struct AxionEmissionTests {
    @Test("J(η, s) against an independent QUADPACK evaluation (Tests/Scripts/axion_bremsstrahlung.py) to 1e-5")
    func integralAgainstScipy() {
        for (eta, s, reference) in [(-3.0, 1e-3, 2.07753663e-01), (0.0, 0.1, 2.84941312e+00), (2.0, 1, 6.53756478e+00),
                                    (5.0, 3, 1.03607029e+01), (10.0, 10, 9.93696748e+00), (20.0, 30, 8.35005425e+00)] {
            let j = AxionBremsstrahlung.integral(degeneracy: eta, screening: s)
            #expect(isClose(j, reference, rel: 1e-5), "η = \(eta), s = \(s): \(j) vs \(reference)")
        }
    }

    @Test("J converges: halving every panel moves it by < 1e-5")
    func integralConverges() {
        for (eta, s) in [(-5.0, 1e-4), (3.0, 0.3), (30.0, 10.0)] {
            let a = AxionBremsstrahlung.integral(degeneracy: eta, screening: s)
            let b = AxionBremsstrahlung.integral(degeneracy: eta, screening: s, panelScale: 0.5)
            #expect(isClose(a, b, rel: 1e-5), "η = \(eta), s = \(s)")
        }
    }

    @Test("limits: non-degenerate unscreened J → (64/15)e^η; degenerate J → (π⁴/15) ln(1 + 4η/s)")
    func limits() {
        let nd = AxionBremsstrahlung.integral(degeneracy: -20, screening: 1e-12)
        #expect(isClose(nd, AxionBremsstrahlung.nondegenerateLimit(degeneracy: -20), rel: 1e-4))
        // The approach is O(T/E_F) up to logarithms: each doubling of η at least halves the deviation (measured ×2.2 at
        // s = 1, ×2.6–3.1 at s = 30), which is below 0.5 % at η = 300.
        for s in [1.0, 30.0] {
            var deviation: [Double] = []
            for eta in [37.5, 75.0, 150.0, 300.0] {
                let d = AxionBremsstrahlung.integral(degeneracy: eta, screening: s)
                deviation.append(abs(d / AxionBremsstrahlung.degenerateLimit(fermiEnergyOverT: eta, screening: s) - 1))
            }
            #expect(deviation[3] < 0.005, "s = \(s): \(deviation)")
            for k in 1..<deviation.count { #expect(deviation[k - 1] / deviation[k] > 1.9, "s = \(s): \(deviation)") }
        }
        let xF = AxionBremsstrahlungTable.fermiEnergyOverT(psi: log(pow(150, 1.5) / (0.75 * Double.pi.squareRoot())))
        #expect(abs(xF / 150 - 1) < 1e-3)  // x_F → η (Sommerfeld corrections O(η⁻²))
    }

    @Test("the master formula with the photon vertex is the Born free–free emissivity, thermal Gaunt factor 2√3/π")
    func photonFreeFree() {
        // Photon: Q_γ = (8α³ n_iZ²/3π²) T² K with K = ∫∫ f f' H; non-degenerate unscreened K → 4e^η, so with
        // e^η = nₑ(2π/mT)^(3/2)/2, Q_γ = (16/3π²)(2π)^(3/2) α³ nₑ n_iZ² T^(1/2)/m^(3/2). Rybicki & Lightman 1979
        // eq. (5.14b) in ħ = c = 1, e² = α: (2⁵π/3·2π)(2π/3)^(1/2) ḡ α³ nₑ n_iZ² T^(1/2)/m^(3/2), ḡ_Born = 2√3/π.
        let k = AxionBremsstrahlung.integral(degeneracy: -20, screening: 1e-12, photon: true)
        #expect(isClose(k, 4 * exp(-20), rel: 1e-4))
        let master = 16 / (3 * Double.pi * Double.pi) * pow(2 * Double.pi, 1.5)
        let born = 16.0 / 3 * (2 * Double.pi / 3).squareRoot() * 2 * 3.0.squareRoot() / Double.pi
        #expect(isClose(master, born, rel: 1e-12))
    }

    @Test("the table reproduces J to 0.5 % between its nodes (max quoted in Docs/axion.md)")
    func tableAccuracy() {
        let table = AxionBremsstrahlungTable.shared
        var worst = 0.0
        for psi in stride(from: -5.7, through: 6.3, by: 0.8) {
            for ls in stride(from: -6.5, through: 3.5, by: 1.25) {
                let s = pow(10, ls)
                let eta = AxionBremsstrahlungTable.degeneracy(psi: psi)
                let exact = AxionBremsstrahlung.integral(degeneracy: eta, screening: s)
                let e = abs(table.integral(psi: psi, screening: s) / exact - 1)
                worst = max(worst, e)
            }
        }
        print("axion bremsstrahlung table: worst relative error \(worst) over 16 × 9 off-node points")
        // The correction to the two limits' harmonic mean stays of order one (the baseline holds both limits; measured
        // 0.43–1.75, the extremes at the strongly screened corners, log₁₀ s > 3).
        let c = table.lnC.map { exp($0) }
        print("axion bremsstrahlung table: correction C in [\(c.min()!), \(c.max()!)]")
        #expect(c.min()! > 0.4 && c.max()! < 1.8)
        #expect(worst < 0.005, "worst relative error \(worst)")
    }

    @Test("n_eff/nₑ: 1 non-degenerate, 3/(2η) degenerate")
    func effectiveElectrons() throws {
        let t = AxionBremsstrahlungTable.shared
        #expect(abs(t.effectiveElectronFraction(psi: -12) - 1) < 1e-5)
        for psi in [-3.1, 0.37, 4.9] {  // off-node: the interpolation against F̂_{−1/2}/F̂_{1/2} from GSL
            let eta = AxionBremsstrahlungTable.degeneracy(psi: psi)
            let exact = try GSL.SpecialFunctions.fermiDiracMinusHalf(eta) / GSL.SpecialFunctions.fermiDiracHalf(eta)
            #expect(isClose(t.effectiveElectronFraction(psi: psi), exact, rel: 1e-4), "ψ = \(psi)")
        }
        let eta = 60.0, psi = log(pow(eta, 1.5) / (0.75 * Double.pi.squareRoot()))
        #expect(isClose(t.effectiveElectronFraction(psi: psi), 1.5 / eta, rel: 2e-3))
    }

    @Test("Compton blackbody integral: I(0) = 120ζ(6); I(β) → √(π/2) β^(9/2) e^(−β) for β ≫ 1; the table to 1e-4")
    func comptonIntegral() {
        #expect(isClose(AxionCompton.integral(plasmaMassOverT: 0), 120 * pow(Double.pi, 6) / 945, rel: 1e-10))
        let beta = 400.0
        #expect(isClose(AxionCompton.integral(plasmaMassOverT: beta), (Double.pi / 2).squareRoot() * pow(beta, 4.5) * exp(-beta), rel: 0.02))
        for b in [0.3, 2.3, 7.9, 21.1] {
            let exact = AxionCompton.integral(plasmaMassOverT: b) / AxionCompton.blackbodyIntegralAtZeroMass
            #expect(isClose(AxionCompton.suppression(plasmaMassOverT: b), exact, rel: 1e-4), "β = \(b)")
        }
    }

    @Test("Compton, non-degenerate: 33 α₂₆ Yₑ T₈⁶ erg g⁻¹ s⁻¹ (Raffelt 1996, §3.2) to 2 %")
    func comptonNondegenerate() throws {
        let hydrogen = try Composition(species: [(1, 1, 1)])
        let g13 = (4 * Double.pi * 1e-26).squareRoot() / 1e-13  // α_a = 10⁻²⁶
        let r = try AxionEmission.rates(density: 1e-2, temperature: 1e8, composition: hydrogen, g13: g13)
        #expect(isClose(r.compton, 33, rel: 0.02), "\(r.compton)")
    }

    @Test("degenerate helium core: the rate is the closed form (A4) to 3 % (O(T/E_F)), Compton 3–10 % of it, both ∝ g₁₃²")
    func degenerateCore() throws {
        let he = Composition.helium
        let (rho, t) = (1e6, 1e8)
        let r1 = try AxionEmission.rates(density: rho, temperature: t, composition: he, g13: 1)
        let r2 = try AxionEmission.rates(density: rho, temperature: t, composition: he, g13: 2)
        #expect(isClose(r2.total, 4 * r1.total, rel: 1e-12))
        // Compton, degenerate: the non-degenerate rate × n_eff/nₑ (→ 3/2x_F) × the plasma-mass suppression I(β)/I(0).
        let hydrogenLike = try AxionEmission.rates(density: rho * 1e-12, temperature: t, composition: he, g13: 1).compton
        let pl = AxionEmission.plasma(density: rho, temperature: t, composition: he, method: .direct)
        let omegaP = (4 * Double.pi * Natural.fineStructure * pow(Natural.hbarC_keV_cm, 3) * pl.electronDensity / Natural.electronMass_keV).squareRoot()
        let xF = AxionBremsstrahlungTable.fermiEnergyOverT(psi: pl.psi)
        let expected = hydrogenLike * 1.5 / xF * AxionCompton.integral(plasmaMassOverT: omegaP / pl.kT) / AxionCompton.blackbodyIntegralAtZeroMass
        #expect(isClose(r1.compton, expected, rel: 0.01), "\(r1.compton) vs \(expected)")
        #expect(r1.compton > 0.03 * r1.bremsstrahlung && r1.compton < 0.1 * r1.bremsstrahlung, "\(r1.compton) vs \(r1.bremsstrahlung)")
        // (A4): ε = (π²/15) α² α_a (T⁴/mₑ²)(Σ XZ²/A)/m_u · (2/3) ln((2+κ²)/κ²), κ² = k_S²/2p_F².
        let p = AxionEmission.plasma(density: rho, temperature: t, composition: he, method: .direct)
        let me = Natural.electronMass_keV, alpha = Natural.fineStructure
        let pF2 = pow(3 * Double.pi * Double.pi * p.electronDensity, 2.0 / 3) * pow(Natural.hbarC_keV_cm, 2)
        let kappa2 = p.screening * 2 * me * p.kT / (2 * pF2)
        let alphaA = 1e-26 / (4 * Double.pi)
        let closed = Double.pi * Double.pi / 15 * 2 / 3 * alpha * alpha * alphaA * pow(p.kT, 4) / (me * me)
            * CGS.ergPerKeV / Natural.hbar_keV_s / CGS.atomicMassUnit * log((2 + kappa2) / kappa2)
        #expect(isClose(r1.bremsstrahlung, closed, rel: 0.03), "\(r1.bremsstrahlung) vs \(closed)")
        let direct = try AxionEmission.rates(density: rho, temperature: t, composition: he, g13: 1, method: .direct)
        #expect(isClose(r1.bremsstrahlung, direct.bremsstrahlung, rel: 0.01))
    }

    @Test("bad input names the parameter: negative, non-finite or huge g₁₃; ρ ≤ 0")
    func badInput() {
        for g in [-1.0, .nan, .infinity, 1e3] {
            #expect(throws: MicrophysicsError.self) {
                _ = try AxionEmission.rates(density: 1e6, temperature: 1e8, composition: .helium, g13: g)
            }
        }
        do {
            _ = try AxionEmission.rates(density: 0, temperature: 1e8, composition: .helium, g13: 1)
            Issue.record("ρ = 0 accepted")
        } catch {
            #expect("\(error)".contains("density"))
        }
    }
}
