import Foundation
import Constants
import ModelData
import Testing
@testable import EnvelopePhysics

/// Loaded once per test process (both mixtures, ~1–3 s in a debug build).
enum OpacityTestData {
    static let directory = try? DataDirectory.locate()
    static let gs98: OpacityTables? = directory.flatMap { try? OpacityTables(mixture: .gs98, dataDirectory: $0) }
    static let alpha: OpacityTables? = directory.flatMap { try? OpacityTables(mixture: .gs98AlphaEnhanced, dataDirectory: $0) }

    static func raw(_ family: String, z: String, x: String) throws -> OpacityTableFile {
        let dir = try #require(directory)
        return try OpacityTableFile.load(dir.url.appendingPathComponent("opacity/\(family)/\(family)_z\(z)_x\(x).data"))
    }
}

@Suite("Opacity tables: loading, nodes, domain")
struct OpacityTablesTests {
    @Test("both mixtures load: 126 (X, Z) tables per family, the kap-format grids, 13 Z from 0 to 0.1")
    func load() throws {
        for tables in [OpacityTestData.gs98, OpacityTestData.alpha] {
            let t = try #require(tables)
            #expect(t.opal.nTables == 126 && t.lowT.nTables == 126)
            #expect(t.opal.nR == 37 && t.opal.nT == 138 && t.lowT.nR == 46 && t.lowT.nT == 105)
            #expect(t.zNodes.count == 13 && t.zNodes.first == 0 && t.zNodes.last == 0.1)
            #expect(t.xNodes[12] == [0, 0.1, 0.2, 0.35, 0.5, 0.7, 0.8, 0.9])
            #expect(t.logTRange == 2.7...8.7 && t.logRRange == -8...1)
            print("opacity: \(t.mixture.rawValue) loaded in \(String(format: "%.2f", t.loadSeconds)) s (debug build)")
        }
    }

    /// Every node of every table, outside the blend window, is reproduced through the public call (the
    /// (X, Z) weights collapse to one table and the bicubic patch to its corner).
    @Test("table nodes reproduced to 1e-12 in log κ (all OPAL nodes at log T ≥ 3.9, all Ferguson nodes at log T ≤ 3.8)")
    func nodes() throws {
        for (tables, stride) in [(OpacityTestData.gs98, 1), (OpacityTestData.alpha, 5)] {
            let t = try #require(tables)
            var worst = 0.0, count = 0
            for (k, z) in t.zNodes.enumerated() {
                for (j, x) in t.xNodes[k].enumerated() where (k * 10 + j) % stride == 0 {
                    let w = try t.compositionWeights(x: x, z: z)
                    let table = t.zStart[k] + j
                    for family in [t.opal, t.lowT] {
                        let high = family.name == t.opal.name
                        for (iT, logT) in family.logT.enumerated()
                        where high ? logT >= OpacityTables.blendUpperLogT : logT <= OpacityTables.blendLowerLogT {
                            for (iR, logR) in family.logR.enumerated() {
                                let expected = family.node[((iT * family.nTables + table) * family.nR + iR) * 4]
                                let v = try t.radiative(logRho: logR + 3 * logT - 18, logT: logT, weights: w)
                                worst = max(worst, abs(log10(v.kappa) - expected))
                                count += 1
                            }
                        }
                    }
                }
            }
            print("opacity nodes (\(t.mixture.rawValue)): \(count) nodes, max |Δ log κ| = \(worst)")
            #expect(worst < 1e-12)
            #expect(count > (stride == 1 ? 1_000_000 : 100_000))
        }
        // The stored nodes are the file's numbers (gs98_z0.02_x0.7.data, log T = 5.3, log R = −3: 1.553).
        let t = try #require(OpacityTestData.gs98)
        let v = try t.radiative(logRho: -3 + 3 * 5.3 - 18, logT: 5.3, x: 0.7, z: 0.02)
        #expect(abs(log10(v.kappa) - 1.553) < 1e-12)
    }

    @Test("outside the domain: typed errors naming log T, log R, X, Z; log R in (1, 3] continued and flagged; never NaN")
    func domain() throws {
        let t = try #require(OpacityTestData.gs98)
        func quantity(_ body: () throws -> OpacityValue) -> String? {
            do { _ = try body(); return nil } catch let OpacityError.outOfDomain(q, _, _) { return q } catch { return "other" }
        }
        #expect(quantity { try t.radiative(logRho: -8, logT: 2.6, x: 0.7, z: 0.02) } == "log T")
        #expect(quantity { try t.radiative(logRho: 0, logT: 8.8, x: 0.7, z: 0.02) } == "log T")
        #expect(quantity { try t.radiative(logRho: -16, logT: 5, x: 0.7, z: 0.02) } == "log R")
        #expect(quantity { try t.radiative(logRho: 7, logT: 7, x: 0.7, z: 0.02) } == "log R")   // log R = 4
        #expect(quantity { try t.radiative(logRho: 0, logT: 6, x: 0.99, z: 0.02) } == "X")
        #expect(quantity { try t.radiative(logRho: 0, logT: 6, x: -0.1, z: 0.02) } == "X")
        #expect(quantity { try t.radiative(logRho: 0, logT: 6, x: 0.5, z: 0.11) } == "Z")
        #expect(quantity { try t.radiative(logRho: .nan, logT: 6, x: 0.5, z: 0.02) } == "log rho")
        #expect(quantity { try t.radiative(logRho: 0, logT: .nan, x: 0.5, z: 0.02) } == "log T")
        #expect(quantity { try t.radiative(logRho: 0, logT: 6, x: .nan, z: 0.02) } == "X")
        let message = "\(OpacityError.outOfDomain(quantity: "log R", value: 4, domain: "[-8, 1]"))"
        #expect(message.contains("log R") && message.contains("4") && message.contains("[-8, 1]"))
        // Edges are inside; X = 1 − Z and Z = 0.1 are nodes.
        for (r, lt, x, z) in [(-8.0, 2.7, 0.0, 0.0), (1.0, 8.7, 0.9, 0.1), (1.0, 3.75, 0.98, 0.02), (-8.0, 8.7, 1.0, 0.0)] {
            let v = try t.radiative(logRho: r + 3 * lt - 18, logT: lt, x: x, z: z)
            #expect(v.kappa.isFinite && v.kappa > 0 && !v.extrapolated)
        }
        // Degenerate helium core at ρ = 3×10⁵, T = 3×10⁷: log R = 1.05 → continued, flagged, finite, C¹ at log R = 1.
        let core = try t.radiative(logRho: log10(3e5), logT: log10(3e7), x: 0, z: 0.02)
        #expect(core.extrapolated && core.kappa.isFinite && core.dlnKappaDlnT.isFinite)
        let lt = 7.5, eps = 1e-7
        let below = try t.radiative(logRho: 1 - eps + 3 * lt - 18, logT: lt, x: 0, z: 0.02)
        let above = try t.radiative(logRho: 1 + eps + 3 * lt - 18, logT: lt, x: 0, z: 0.02)
        #expect(!below.extrapolated && above.extrapolated)
        #expect(abs(log(above.kappa / below.kappa)) < 1e-6)
        #expect(abs(above.dlnKappaDlnRho - below.dlnKappaDlnRho) < 1e-5)
        #expect(abs(above.dlnKappaDlnT - below.dlnKappaDlnT) < 1e-5)
    }

    /// Fully ionised H/He (Z = 0) at low density: Thomson scattering κ_T = σ_T Yₑ/m_u, Yₑ = (1+X)/2,
    /// σ_T = (8π/3)(e²/mₑc²)², about 0.2(1+X) cm² g⁻¹. At log T ≥ 7 the Klein–Nishina and thermal reduction
    /// 1/(1 + (T/4.5×10⁸)^0.86) (Paczyński 1983, ApJ 267, 315, his fit to Buchler & Yueh 1976) is applied.
    @Test("electron-scattering limit at log R = −6, Z = 0: κ → σ_T Yₑ/m_u = 0.2(1+X) (log T 6–6.5), × Paczyński's relativistic factor (7–8.5)")
    func electronScattering() throws {
        let t = try #require(OpacityTestData.gs98)
        let re = CGS.elementaryCharge * CGS.elementaryCharge / (CGS.electronMass * CGS.speedOfLight * CGS.speedOfLight)
        let sigmaT = 8 * Double.pi / 3 * re * re
        var worstThomson = 0.0, worstRelativistic = 0.0
        for logT in [6.0, 6.5, 7.0, 7.5, 8.0, 8.5] {
            for x in [0.0, 0.35, 0.7, 1.0] {
                let v = try t.radiative(logRho: -6 + 3 * logT - 18, logT: logT, x: x, z: 0)
                let thomson = sigmaT * (1 + x) / 2 / CGS.atomicMassUnit
                let factor = 1 / (1 + pow(pow(10, logT) / 4.5e8, 0.86))
                print("opacity e-scattering: log T = \(logT), X = \(x): κ = \(v.kappa), κ/κ_T = \(v.kappa / thomson), Paczyński factor \(factor)")
                if logT <= 6.5 { worstThomson = max(worstThomson, abs(v.kappa / thomson - 1)) }
                else { worstRelativistic = max(worstRelativistic, abs(v.kappa / (thomson * factor) - 1)) }
                if logT == 8 { #expect(v.kappa / thomson < 0.85) }   // the relativistic reduction is in the tables
                #expect(abs(v.dlnKappaDlnRho) < 0.01)   // density-independent
            }
        }
        print("opacity e-scattering: |κ/κ_T − 1| ≤ \(worstThomson) at log T 6–6.5; |κ/(κ_T·factor) − 1| ≤ \(worstRelativistic) at 7–8.5")
        #expect(worstThomson < 0.02)
        #expect(worstRelativistic < 0.04)
    }

    @Test("[α/Fe] = +0.4 at fixed Z lowers κ at the iron bump (log T 5.3: less Fe per unit Z) and changes nothing at Z = 0")
    func alphaEnhanced() throws {
        let solar = try #require(OpacityTestData.gs98), alpha = try #require(OpacityTestData.alpha)
        let bump = (logRho: -3 + 3 * 5.3 - 18, logT: 5.3)
        let a = try solar.radiative(logRho: bump.logRho, logT: bump.logT, x: 0.7, z: 0.02)
        let b = try alpha.radiative(logRho: bump.logRho, logT: bump.logT, x: 0.7, z: 0.02)
        let d = log10(b.kappa / a.kappa)
        print("opacity [α/Fe]=+0.4 − scaled solar at the Fe bump (X 0.7, Z 0.02): \(d) dex")
        #expect(d < -0.05 && d > -0.3)
        for (lr, lt) in [(-3.0, 5.3), (-1.0, 6.5), (-5.0, 3.6), (0.5, 7.2)] {
            let p = try solar.radiative(logRho: lr + 3 * lt - 18, logT: lt, x: 0.7, z: 0)
            let q = try alpha.radiative(logRho: lr + 3 * lt - 18, logT: lt, x: 0.7, z: 0)
            #expect(abs(log10(q.kappa / p.kappa)) < 1e-12)
        }
    }

    @Test("Sendable: concurrent evaluation from several tasks gives bit-identical results")
    func concurrent() async throws {
        let t = try #require(OpacityTestData.gs98)
        let serial = try (0..<200).map { i -> Double in
            let lt = 3.6 + Double(i) * 0.02
            return try t.radiative(logRho: -4 + 3 * lt - 18, logT: lt, x: 0.7, z: 0.014).kappa
        }
        let parallel = try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            for i in 0..<200 {
                group.addTask {
                    let lt = 3.6 + Double(i) * 0.02
                    return (i, try t.radiative(logRho: -4 + 3 * lt - 18, logT: lt, x: 0.7, z: 0.014).kappa)
                }
            }
            var out = [Double](repeating: 0, count: 200)
            for try await (i, k) in group { out[i] = k }
            return out
        }
        #expect(serial == parallel)
    }
}
