import Foundation
import TestSupport
import Testing
@testable import Plasma

@Suite("Plasmon-decay rates")
struct RateTests {
    static let points: [(Double, Double, Double)] = [
        (1e6, 1e8, 0.5), (1e4, 5e7, 0.5), (1e5, 1e8, 0.5), (1e8, 1e9, 0.5),
        (1.0, 1e7, 0.5), (1.0, 3e9, 0.5), (1e10, 3e9, 0.5), (1e10, 1e8, 1.0), (30, 5e8, 0.4),
    ]

    @Test("fixed-rule integrals agree with direct high-precision (adaptive, root-found) quadrature to 1e-8, every channel",
          arguments: points)
    func fastAgainstAdaptive(rho: Double, t: Double, ye: Double) throws {
        let nu = try NeutrinoProperties(mu12: 1, millicharge: 1e-14)
        let a = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: ye, neutrino: nu).rates
        let b = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: ye, neutrino: nu, method: .adaptive).rates
        let pairs: [(Double, Double, String)] = [
            (a.vectorTransverse, b.vectorTransverse, "T"), (a.vectorLongitudinal, b.vectorLongitudinal, "L"),
            (a.axial, b.axial, "A"), (a.magneticTransverse, b.magneticTransverse, "μT"),
            (a.magneticLongitudinal, b.magneticLongitudinal, "μL"), (a.chargeTransverse, b.chargeTransverse, "qT"),
            (a.chargeLongitudinal, b.chargeLongitudinal, "qL"),
        ]
        for (x, y, name) in pairs {
            #expect(y > 0 && x.isFinite)
            #expect(isClose(x, y, rel: 1e-8), "\(name): \(x) vs \(y)")
        }
    }

    @Test("exact scalings: Q_μ ∝ μ², Q_q ∝ q²; the standard rate is independent of both")
    func scalings() throws {
        let gas = try ElectronGas.state(density: 1e6, temperature: 1e8, electronFraction: 0.5)
        let one = try PlasmonDecay.point(gas: gas, neutrino: try NeutrinoProperties(mu12: 1, millicharge: 1e-14)).rates
        let big = try PlasmonDecay.point(gas: gas, neutrino: try NeutrinoProperties(mu12: 3.7, millicharge: 2.5e-13)).rates
        #expect(isClose(big.magnetic / one.magnetic, 3.7 * 3.7, rel: 1e-13))
        #expect(isClose(big.millicharge / one.millicharge, 25 * 25, rel: 1e-13))
        #expect(big.standard == one.standard)
        #expect(try PlasmonDecay.point(gas: gas).rates.magnetic == 0)
    }

    @Test("flavour sum: ΣC_V² = 0.93153 at sin²θ_W = 0.2319; on-shell value lowers it by 3.3 %; vector rate ∝ ΣC_V²")
    func couplings() throws {
        #expect(abs(ElectroweakCouplings.itoh1996.sumCV2 - 0.93153) < 1e-5)
        #expect(abs(ElectroweakCouplings.onShell.sumCV2 / ElectroweakCouplings.itoh1996.sumCV2 - 0.967) < 0.002)
        let gas = try ElectronGas.state(density: 1e6, temperature: 1e8, electronFraction: 0.5)
        let a = try PlasmonDecay.point(gas: gas, couplings: .itoh1996).rates
        let b = try PlasmonDecay.point(gas: gas, couplings: .onShell).rates
        #expect(abs(b.vectorTransverse / a.vectorTransverse - ElectroweakCouplings.onShell.sumCV2 / 0.93153) < 1e-4)
        #expect(b.axial == a.axial)
        #expect(throws: PlasmaError.self) { try ElectroweakCouplings(sin2ThetaW: 0.5) }
    }

    @Test("Q_μ/Q_ν → 2πα μν²/(G_F² ΣC_V² ωp²) where transverse plasmons with K² ≈ ωp² dominate (v* → 0, T ≫ ωp)")
    func magneticRatioLimit() throws {
        let mu = 1e-12 * PhysicalConstants.bohrMagneton_per_keV
        let gf = PhysicalConstants.fermiConstant_per_keV2, alpha = PhysicalConstants.fineStructure
        var previous = Double.infinity
        for t in [1e7, 3e6, 1e6] {
            let p = try PlasmonDecay.point(density: 1e-2, temperature: t, electronFraction: 0.5,
                                           neutrino: try NeutrinoProperties(mu12: 1))
            let predicted = 2 * Double.pi * alpha * mu * mu / (gf * gf * 0.93153 * pow(p.gas.omegaP_keV, 2))
            let transverse = p.rates.magneticTransverse / p.rates.vectorTransverse
            let total = p.rates.magnetic / p.rates.standard
            let deviation = relativeDifference(transverse, predicted)
            // The transverse ratio differs from the limit by O(v*²) (K² = ωp² G_T(v*t), G_T ≤ 1 + v*²/5 + …).
            #expect(deviation < 0.25 * p.gas.vStar * p.gas.vStar)
            #expect(deviation < previous)
            previous = deviation
            #expect(isClose(total, predicted, rel: 0.01))
        }
        // The number quoted by HRW/Raffelt: 0.318 μ₁₂² (10 keV/ωp)².
        let c = 2 * Double.pi * alpha * mu * mu / (gf * gf * 0.93153 * 100)
        #expect(abs(c - 0.318) < 0.0005)
    }

    @Test("axial part: positive, transverse only, small (≤ 1e-3 of the standard rate over the domain)")
    func axialSize() throws {
        for (rho, t, ye) in Self.points {
            let r = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: ye).rates
            #expect(r.axial > 0 && r.axial < 1e-3 * r.standard)
        }
    }

    @Test("bad input: negative or non-finite μ₁₂ and charge name their parameter")
    func badNeutrino() {
        for (m, q, name) in [(-1.0, 0.0, "mu12"), (.nan, 0.0, "mu12"), (0.0, -1e-14, "millicharge"), (0.0, .infinity, "millicharge")] {
            do { _ = try NeutrinoProperties(mu12: m, millicharge: q); Issue.record("accepted") } catch let PlasmaError.outOfRange(p, _, _) {
                #expect(p == name)
            } catch { Issue.record("\(error)") }
        }
    }
}

@Suite("Moment matrices")
struct MomentMatrixTests {
    @Test("μν² = Σ|μij|² + |εij|², and a change of basis (rotation) leaves it unchanged")
    func frobenius() throws {
        // Majorana-like antisymmetric magnetic moments and a small electric one.
        let mu: [[Double]] = [[0, 1.2, -0.4], [-1.2, 0, 2.0], [0.4, -2.0, 0]]
        let eps: [[Double]] = [[0, 0.3, 0], [-0.3, 0, 0], [0, 0, 0]]
        let p = try NeutrinoProperties(magneticMoments: mu.map { $0.map(abs) }, electricMoments: eps.map { $0.map(abs) })
        let expected = (2 * (1.44 + 0.16 + 4.0) + 2 * 0.09).squareRoot()
        #expect(abs(p.mu12 - expected) < 1e-12)
        // R μ Rᵀ for a rotation R (a real unitary matrix): same μν.
        let a = 0.7, b = -1.1
        let r1: [[Double]] = [[cos(a), -sin(a), 0], [sin(a), cos(a), 0], [0, 0, 1]]
        let r2: [[Double]] = [[1, 0, 0], [0, cos(b), -sin(b)], [0, sin(b), cos(b)]]
        func mul(_ x: [[Double]], _ y: [[Double]]) -> [[Double]] {
            (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(0) { $0 + x[i][$1] * y[$1][j] } } }
        }
        func t(_ x: [[Double]]) -> [[Double]] { (0..<3).map { i in (0..<3).map { j in x[j][i] } } }
        let r = mul(r1, r2)
        let mu2 = mul(mul(r, mu), t(r)), eps2 = mul(mul(r, eps), t(r))
        let q = try NeutrinoProperties(magneticMoments: mu2.map { $0.map(abs) }, electricMoments: eps2.map { $0.map(abs) })
        #expect(abs(q.mu12 - p.mu12) < 1e-12)
        #expect(throws: PlasmaError.self) { try NeutrinoProperties(magneticMoments: [[1, 2]]) }
        #expect(throws: PlasmaError.self) { try NeutrinoProperties(magneticMoments: [[-1]]) }
    }
}
