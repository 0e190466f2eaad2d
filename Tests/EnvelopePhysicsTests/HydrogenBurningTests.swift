import Testing
import Foundation
import Microphysics
@testable import EnvelopePhysics

@Suite("Hydrogen burning network")
struct HydrogenBurningTests {
    static let net = try! HydrogenBurning.standard()
    static let bare = try! HydrogenBurning.standard(screening: .none)
    static let gs98 = try! MetalMixture(solar: .gs98)

    /// A solar-like composition (GS98, X = 0.70, Z = 0.02) with some ³He and every CNO isotope non-zero.
    static func sample(x: Double = 0.70, z: Double = 0.02) -> HydrogenBurningAbundances {
        var a = try! gs98.networkAbundances(hydrogen: x, metals: z)
        a[.he3] += 2e-5; a[.he4] -= 2e-5
        a[.c13] += 1e-5; a[.c12] -= 1e-5
        return a
    }

    /// The present solar centre: T = 1.57e7 K, ρ = 150 g cm⁻³, X = 0.34, Z = 0.02 (GS98), ³He and CN in equilibrium.
    static func solarCentre() throws -> (HydrogenBurningAbundances, HydrogenBurningResult) {
        var a = try gs98.networkAbundances(hydrogen: 0.34, metals: 0.02)
        a = try net.equilibriumCNO(density: 150, temperature: 1.57e7, abundances: a, includeON: false)
        a = try net.equilibriumHe3(density: 150, temperature: 1.57e7, abundances: a)
        return (a, try net.evaluate(density: 150, temperature: 1.57e7, abundances: a))
    }

    @Test("identical reactants carry 1/2: R_pp = ρY_p²N_A⟨σv⟩/2 and R₃₃ = ρY₃²N_A⟨σv⟩/2 (independent Python rates)")
    func identicalParticleFactor() throws {
        let a = Self.sample()
        let r = try Self.bare.evaluate(density: 100, temperature: 1.5e7, abundances: a)
        let yp = a[.h1], y3 = a[.he3] / 3
        let pp = 100 * yp * yp * ReaclibReferenceTable.rates["p+p→d"]![0] / 2
        let h33 = 100 * y3 * y3 * ReaclibReferenceTable.rates["he3+he3→p+p+he4"]![0] / 2
        let pep = 100 * 100 * a.electronFraction * yp * yp * ReaclibReferenceTable.rates["p+p→d [ec]"]![0] / 2
        #expect(abs(r.reactionRates[HydrogenBurning.Reaction.pp.rawValue] / pp - 1) < 1e-12)
        #expect(abs(r.reactionRates[HydrogenBurning.Reaction.he3he3.rawValue] / h33 - 1) < 1e-12)
        #expect(abs(r.reactionRates[HydrogenBurning.Reaction.pep.rawValue] / pep - 1) < 1e-12)
        // dY₃/dt counts two ³He per ³He+³He event.
        let k = r.reactionRates
        let dy3 = k[0] + k[1] - k[2] - 2 * k[3] - k[4]
        #expect(abs(r.dXdt(.he3) / (3 * dy3) - 1) < 1e-12)
    }

    @Test("Q bookkeeping: pp-I, pp-II, pp-III, CN and ON each release 4m(¹H) − m(⁴He) = 26.731 MeV before ν losses")
    func qValues() {
        // AME2020 (Wang et al. 2021, Chin. Phys. C 45, 030003) mass excesses: ¹H 7.288971 MeV, ⁴He 2.424916 MeV.
        let fourP = 4 * 7.288971 - 2.424916
        let n = Self.net, q = n.totalQ_MeV
        let ppI = 2 * q[0] + q[3]
        let ppII = q[0] + q[4] + n.netQBranchII_MeV + HydrogenBurning.NeutrinoEnergy.be7
        let ppIII = q[0] + q[4] + n.netQBranchIII_MeV + HydrogenBurning.NeutrinoEnergy.b8
        let cn = q[5] + q[6] + q[7] + q[8]
        let on = q[7] + q[9] + q[10] + q[11]
        for (name, v) in [("pp-I", ppI), ("pp-II", ppII), ("pp-III", ppIII), ("CN", cn), ("ON", on)] {
            #expect(abs(v - fourP) < 0.003, "\(name): \(v) MeV")
        }
        // Net of ν: CN cycle loses 0.7067 + 0.9965 MeV; pp-I loses 2 × 0.265 MeV.
        let cnNet = n.netQ_MeV[5] + n.netQ_MeV[6] + n.netQ_MeV[7] + n.netQ_MeV[8]
        #expect(abs(cnNet - (cn - 1.7032)) < 1e-9)
    }

    @Test("mass is conserved: Σᵢ dXᵢ/dt = 0 and every Jacobian column and derivative sums to 0")
    func massConservation() throws {
        for (rho, t) in [(150.0, 1.57e7), (30.0, 3e7), (1.0, 8e6)] {
            let r = try Self.net.evaluate(density: rho, temperature: t, abundances: Self.sample())
            let scale = abs(r.dXdt(.h1)) + 1e-300
            var s = 0.0, sT = 0.0
            for i in 0..<9 { s += r.dXdt[i]; sT += r.dXdtdLnT[i] }
            #expect(abs(s) < 1e-12 * scale)
            #expect(abs(sT) < 1e-11 * abs(r.dXdtdLnT[0]))
            for j in 0..<9 {
                var c = 0.0, m = 0.0
                for i in 0..<9 { c += r.jacobian[9 * i + j]; m = max(m, abs(r.jacobian[9 * i + j])) }
                #expect(abs(c) <= 1e-11 * m + 1e-300)
            }
        }
    }

    @Test("analytic derivatives agree with central differences (ε, dX/dt vs ln T, ln ρ, X_j)", arguments: [
        (150.0, 1.57e7), (40.0, 2.5e7), (5.0, 4e7),
    ])
    func derivatives(rho: Double, t: Double) throws {
        let a = Self.sample(), n = Self.net
        let r = try n.evaluate(density: rho, temperature: t, abundances: a)
        let h = 1e-5
        let tp = try n.evaluate(density: rho, temperature: t * exp(h), abundances: a)
        let tm = try n.evaluate(density: rho, temperature: t * exp(-h), abundances: a)
        let rp = try n.evaluate(density: rho * exp(h), temperature: t, abundances: a)
        let rm = try n.evaluate(density: rho * exp(-h), temperature: t, abundances: a)
        // Gross flux through species i, A_i Σ_k |ν_ik| R_k: the scale of dX_i/dt before cancellations.
        var gross = [Double](repeating: 0, count: 9)
        for k in 0..<12 {
            for slot in 0..<4 where HydrogenBurning.stoichNu[4 * k + slot] != 0 {
                let i = HydrogenBurning.stoichSpecies[4 * k + slot]
                gross[i] += HydrogenBurning.mass[i] * abs(HydrogenBurning.stoichNu[4 * k + slot]) * r.reactionRates[k]
            }
        }
        func close(_ x: Double, _ y: Double, _ tol: Double, _ what: String) {
            #expect(abs(x - y) <= tol, "\(what): analytic \(x), numeric \(y), tolerance \(tol)")
        }
        close(r.dEpsdLnT, (tp.epsTotal - tm.epsTotal) / (2 * h), 1e-6 * abs(r.dEpsdLnT), "dε/dlnT")
        close(r.dEpsdLnRho, (rp.epsTotal - rm.epsTotal) / (2 * h), 1e-6 * abs(r.dEpsdLnRho), "dε/dlnρ")
        for i in 0..<9 {
            close(r.dXdtdLnT[i], (tp.dXdt[i] - tm.dXdt[i]) / (2 * h), 1e-6 * 30 * gross[i], "dX\(i)/dt / dlnT")
            close(r.dXdtdLnRho[i], (rp.dXdt[i] - rm.dXdt[i]) / (2 * h), 1e-6 * 3 * gross[i], "dX\(i)/dt / dlnρ")
        }
        for j in 0..<9 {
            // Move X_j against X_other so the sum stays 1; the analytic derivative is at fixed X_other,
            // so the X_other derivative (Yₑ changes by ½ per unit) is removed by its own difference quotient.
            var ap = a, am = a
            let sj = max(a.massFractions[j], 1e-6), dx = 1e-6 * sj
            ap.massFractions[j] += dx; am.massFractions[j] -= dx
            ap.otherMetals -= dx; am.otherMetals += dx
            let p = try n.evaluate(density: rho, temperature: t, abundances: ap)
            let m = try n.evaluate(density: rho, temperature: t, abundances: am)
            // Compared on the scale of a relative change of X_j: |Δ| X_j ≤ 1e-6 × (ε or the gross flux).
            let viaOther = Self.yeOnlyEps(r: r, rho: rho, t: t, a: a)
            close(r.dEpsdX[j] - viaOther, (p.epsTotal - m.epsTotal) / (2 * dx), 1e-6 * r.epsTotal / sj, "dε/dX\(j)")
            for i in 0..<9 {
                let fd = (p.dXdt[i] - m.dXdt[i]) / (2 * dx)
                let viaOtherX = Self.yeOnlyDXdt(i: i, rho: rho, t: t, a: a)
                close(r.jacobian[9 * i + j] - viaOtherX, fd, 1e-6 * gross[i] / sj, "J[\(i),\(j)]")
            }
        }
    }

    /// ∂ε/∂X_other at fixed X_i (Yₑ changes by ½ per unit X_other), by a difference quotient.
    static func yeOnlyEps(r: HydrogenBurningResult, rho: Double, t: Double, a: HydrogenBurningAbundances) -> Double {
        // Both perturbed states violate the sum by ±1e-9, inside the 1e-6 tolerance of evaluate.
        var p = a, m = a
        p.otherMetals += 1e-9; m.otherMetals -= 1e-9
        return ((try! net.evaluate(density: rho, temperature: t, abundances: p)).epsTotal
            - (try! net.evaluate(density: rho, temperature: t, abundances: m)).epsTotal) / 2e-9
    }

    static func yeOnlyDXdt(i: Int, rho: Double, t: Double, a: HydrogenBurningAbundances) -> Double {
        var p = a, m = a
        p.otherMetals += 1e-9; m.otherMetals -= 1e-9
        return ((try! net.evaluate(density: rho, temperature: t, abundances: p)).dXdt[i]
            - (try! net.evaluate(density: rho, temperature: t, abundances: m)).dXdt[i]) / 2e-9
    }

    @Test("the hot-path CDY07 screening equals Microphysics.Screening.enhancement (the project's screening) to 1e-8")
    func screeningMatchesMicrophysics() throws {
        let a = Self.sample()
        var species: [(massFraction: Double, charge: Double, mass: Double)] = []
        for s in HydrogenBurningSpecies.allCases where a[s] > 0 { species.append((a[s], s.charge, s.massNumber)) }
        species.append((a.otherMetals, 1, 2))   // Z/A = 1/2 as in HydrogenBurningAbundances.electronFraction
        let comp = try Composition(species: species)
        #expect(abs(comp.electronFraction - a.electronFraction) < 1e-14)
        for (rho, t) in [(150.0, 1.57e7), (1e4, 3e7), (1.0, 5e6), (1e-3, 5e6)] {
            let ne = rho * a.electronFraction * 6.022_140_76e23
            for n in HydrogenBurning.pairNuclei {
                let pair = HydrogenBurningScreenPair(z1: n.0, a1: n.1, z2: n.2, a2: n.3)
                let mine = try pair.exponent(temperature: t, ne: ne)
                let ref = try Screening.enhancement(z1: n.0, a1: n.1, z2: n.2, a2: n.3, density: rho, temperature: t,
                                                    composition: comp, model: .chugunov2007)
                #expect(abs(exp(mine.h) / ref - 1) < 1e-8, "\(n) at ρ = \(rho), T = \(t)")
                // Weak-screening limit h → √3 Γ^(3/2) ∝ nₑ^(1/2) T^(−3/2) at low density.
                if rho == 1e-3 { #expect(abs(mine.dlnT / mine.h + 1.5) < 0.02 && abs(mine.dlnNe / mine.h - 0.5) < 0.01) }
                // Analytic ∂h/∂ln T, ∂h/∂ln nₑ against central differences.
                let d = 1e-5
                func hAt(_ tt: Double, _ nn: Double) throws -> Double {
                    try pair.exponent(temperature: tt, ne: nn).h
                }
                let fdT = (try hAt(t * exp(d), ne) - hAt(t * exp(-d), ne)) / (2 * d)
                let fdN = (try hAt(t, ne * exp(d)) - hAt(t, ne * exp(-d))) / (2 * d)
                #expect(abs(mine.dlnT - fdT) < 1e-7 * abs(fdT) + 1e-12 && abs(mine.dlnNe - fdN) < 1e-7 * abs(fdN) + 1e-12)
            }
        }
    }

    @Test("solar centre (T = 1.57e7 K, ρ = 150, X = 0.34, Z = 0.02, ³He and CN in equilibrium): ε ≈ 17.5 erg/g/s within 20%")
    func solarCentre() throws {
        let (a, r) = try Self.solarCentre()
        print("solar centre: eps_pp = \(r.epsPP), eps_CNO = \(r.epsCNO), eps_nu = \(r.epsNeutrino), X3 = \(a[.he3]), fe = \(r.beryllium7CaptureFraction)")
        let k = r.reactionRates
        print("ppI fraction of ³He terminations: \(k[3] / (k[3] + k[4])), CNO share \(r.epsCNO / r.epsTotal)")
        #expect(abs(r.epsTotal / 17.5 - 1) < 0.2)
        #expect(r.epsCNO > 0.005 * r.epsTotal && r.epsCNO < 0.2 * r.epsTotal)
        #expect(abs(r.dXdt(.he3)) < 1e-6 * abs(r.dXdt(.h1)))
    }

    @Test("full CNO equilibrium turns CNO mostly into ¹⁴N (≳ 90% by number at 1.5–3×10⁷ K)")
    func cnoEquilibrium() throws {
        for t in [1.5e7, 2e7, 3e7] {
            let a = try Self.net.equilibriumCNO(density: 100, temperature: t, abundances: Self.sample())
            let cno: [HydrogenBurningSpecies] = [.c12, .c13, .n14, .n15, .o16, .o17]
            let total = cno.reduce(0) { $0 + a[$1] / $1.massNumber }
            let n14 = a[.n14] / 14 / total
            let c12c13 = a[.c12] / 12 / (a[.c13] / 13)
            print("T = \(t): N14 share \(n14), C12/C13 = \(c12c13)")
            #expect(n14 > 0.9)
            // The CN-equilibrium ¹²C/¹³C ≈ 3.5 (e.g. Clayton 1968, §5-3; observed floor in giants ~3–4).
            #expect(c12c13 > 3 && c12c13 < 4)
            let r = try Self.net.evaluate(density: 100, temperature: t, abundances: a)
            let flux = 17 * r.reactionRates[HydrogenBurning.Reaction.n14pg.rawValue]
            for s in cno { #expect(abs(r.dXdt(s)) < 1e-4 * flux, "\(s): \(r.dXdt(s)) vs \(flux)") }
            var sum = a.otherMetals
            for i in 0..<9 { sum += a.massFractions[i] }
            #expect(abs(sum - 1) < 1e-12)
        }
    }

    @Test("pp/CNO crossover for solar composition (X = 0.70, Z = 0.02 GS98, ρ = 100): 1.7–1.9×10⁷ K with all CNO as catalyst in equilibrium, higher with CN only")
    func crossover() throws {
        func crossing(includeON: Bool) throws -> Double {
            func diff(_ t: Double) throws -> Double {
                var a = try Self.gs98.networkAbundances(hydrogen: 0.70, metals: 0.02)
                a = try Self.net.equilibriumCNO(density: 100, temperature: t, abundances: a, includeON: includeON)
                a = try Self.net.equilibriumHe3(density: 100, temperature: t, abundances: a)
                let r = try Self.net.evaluate(density: 100, temperature: t, abundances: a)
                return log(r.epsPP / r.epsCNO)
            }
            var lo = 1.2e7, hi = 3e7
            #expect(try diff(lo) > 0 && diff(hi) < 0)
            for _ in 0..<50 { let mid = 0.5 * (lo + hi); if try diff(mid) > 0 { lo = mid } else { hi = mid } }
            return lo
        }
        let full = try crossing(includeON: true), cn = try crossing(includeON: false)
        print("crossover: full CNO equilibrium \(full) K, CN only \(cn) K")
        #expect(full > 1.7e7 && full < 1.9e7)
        #expect(cn > full && cn < 2.1e7)
    }

    @Test("bad input is a typed error naming the quantity; below 1e6 K the result is zero and ε(1e6 K) is negligible")
    func badInput() throws {
        let a = Self.sample(), n = Self.net
        #expect(throws: HydrogenBurningError.self) { try n.evaluate(density: -1, temperature: 1e7, abundances: a) }
        #expect(throws: HydrogenBurningError.self) { try n.evaluate(density: 1, temperature: .nan, abundances: a) }
        #expect(throws: HydrogenBurningError.self) { try n.evaluate(density: 1, temperature: 2e9, abundances: a) }
        var tiny = a; tiny[.n15] = -1e-12; tiny.otherMetals += 1e-12 + a[.n15]
        #expect(try n.evaluate(density: 100, temperature: 2e7, abundances: tiny).epsTotal.isFinite)
        var negative = a; negative[.n15] = -1e-6; negative.otherMetals += 1e-6 + a[.n15]
        #expect(throws: HydrogenBurningError.self) { _ = try n.evaluate(density: 100, temperature: 2e7, abundances: negative) }
        // Outside the CDY07 fit (cold, very dense hydrogen): the error names the screening quantity.
        var message = "no error"
        do { _ = try n.evaluate(density: 1e9, temperature: 1e6, abundances: a) } catch { message = error.description }
        #expect(message.contains("CDY07"), "\(message)")
        var b = a; b[.h1] += 0.1
        #expect(throws: HydrogenBurningError.self) { _ = try n.evaluate(density: 1, temperature: 1e7, abundances: b) }
        #expect(throws: HydrogenBurningError.unsupportedScreening("screen5")) { try HydrogenBurning.standard(screening: .screen5) }
        let cold = try n.evaluate(density: 1e3, temperature: 0.99e6, abundances: a)
        #expect(cold.epsTotal == 0 && cold.dXdt(.h1) == 0)
        let edge = try n.evaluate(density: 1e3, temperature: 1e6, abundances: a)
        print("ε(1e6 K, ρ = 1e3) = \(edge.epsTotal)")
        #expect(edge.epsTotal > 0 && edge.epsTotal < 1e-4)   // ≪ L☉/M☉ ≈ 1.9 erg/g/s
    }

    @Test("the hot path's cube root equals Foundation's within 4 ulp from 1e-300 to 1e300")
    func fastCubeRoot() {
        var x = 1e-300
        while x < 1e300 {
            for m in [1.0, 1.37, 2.9, 5.5, 7.99] {
                let v = x * m, ref = cbrt(v)
                #expect(abs(HydrogenBurningMath.cbrt(v) - ref) <= 4 * ref.ulp, "\(v)")
            }
            x *= 10
        }
    }

    @Test("the benchmark entry point runs the hot path (speed itself is measured in a release build, see the docs)")
    func benchmark() throws {
        let report = try HydrogenBurningBenchmark.run(evaluations: 2_000, network: Self.net)
        print("debug build: \(report.evaluationsPerSecond) evaluations/s")
        #expect(report.evaluations == 2_000 && report.seconds > 0)
        #expect(report.checksum.isFinite && report.checksum > 0)
    }
}
