import Foundation
import Testing
import Constants
import ModelData
@testable import EnvelopePhysics

private let atmosphereDirectory = try! DataDirectory.locate().url.appendingPathComponent("atmosphere")
private let sharedTable = Result { try ModelAtmosphereTable.load(directory: atmosphereDirectory) }

@Suite struct ModelAtmosphereTableTests {
    func table() throws -> ModelAtmosphereTable { try sharedTable.get() }

    @Test func gridAsDocumented() throws {
        let t = try table()
        #expect(t.teff.count == 82 && t.logg.count == 13 && t.metallicities.count == 8)
        #expect(t.teff.first == 2000 && t.teff.last == 50000 && t.logg.first == -0.5 && t.logg.last == 5.5)
        #expect(t.metallicities == [-4, -2.5, -2, -1.5, -1, -0.5, 0, 0.5])
        // VALID RANGE minimum over Z: log g = −0.5 → index 50 (18000 K); log g = 2.5 → 57 for [Z/Z☉] = +0.5 (25000 K).
        #expect(t.teffUpperBound[0] == 18000 && t.teffUpperBound[6] == 25000 && t.teffUpperBound[12] == 50000)
        // A value read straight from Zp00.tbl (T_eff 4000, log g 0.5).
        #expect(t.nodeGasPressure(z: 6, i: 8, j: 2) == 7.3563e2)
    }

    @Test func nodesReproduced() throws {
        let t = try table()
        var worst = 0.0, count = 0
        for z in 0..<t.metallicities.count {
            for j in 0..<t.logg.count {
                for i in 0...t.lastValidTeffIndex(logg: j) {
                    let v = try t.value(teff: t.teff[i], logg: t.logg[j], metallicity: t.metallicities[z])
                    worst = max(worst, abs(v.gasPressure / t.nodeGasPressure(z: z, i: i, j: j) - 1))
                    #expect(v.temperature == t.teff[i])
                    count += 1
                }
            }
        }
        print("atmosphere table: nodes reproduced to \(worst) (relative, worst of \(count))")
        #expect(count > 5000 && worst < 1e-13, "worst \(worst) over \(count) nodes")
    }

    /// Drop every other interior node (T_eff or log g), interpolate at the dropped nodes, compare.
    @Test func leaveNodesOutError() throws {
        let t = try table()
        func rebuild(keepT: [Int], keepG: [Int]) throws -> ModelAtmosphereTable {
            let p = (0..<t.metallicities.count).map { z in keepT.map { i in keepG.map { j in t.nodeGasPressure(z: z, i: i, j: j) } } }
            let last = (0..<t.metallicities.count).map { _ in
                keepG.map { j in keepT.lastIndex(where: { $0 <= t.lastValidTeffIndex(logg: j) })! }
            }
            return try ModelAtmosphereTable(teff: keepT.map { t.teff[$0] }, logg: keepG.map { t.logg[$0] },
                                            metallicities: t.metallicities, gasPressure: p, lastValidIndex: last)
        }
        let allT = Array(t.teff.indices), allG = Array(t.logg.indices)
        let keepT = allT.filter { $0 % 2 == 0 || $0 == allT.last! }
        let keepG = allG.filter { $0 % 2 == 0 }
        let sparseT = try rebuild(keepT: keepT, keepG: allG), sparseG = try rebuild(keepT: allT, keepG: keepG)
        func stats(_ s: ModelAtmosphereTable, droppedT: Bool) -> (median: Double, p90: Double, max: Double, coolMax: Double, worstAt: String) {
            var e: [Double] = [], cool = 0.0, worst = (0.0, "")
            for z in t.metallicities.indices {
                for j in allG where droppedT || !keepG.contains(j) {
                    for i in allT where (!droppedT || !keepT.contains(i)) && i <= t.lastValidTeffIndex(logg: j) {
                        guard let v = try? s.value(teff: t.teff[i], logg: t.logg[j], metallicity: t.metallicities[z]) else { continue }
                        let err = abs(v.gasPressure / t.nodeGasPressure(z: z, i: i, j: j) - 1)
                        e.append(err)
                        if t.teff[i] >= 3500 && t.teff[i] <= 6000 { cool = max(cool, err) }
                        if err > worst.0 { worst = (err, "T_eff \(t.teff[i]) log g \(t.logg[j]) [Z/Z☉] \(t.metallicities[z])") }
                    }
                }
            }
            e.sort()
            return (e[e.count / 2], e[e.count * 9 / 10], e.last!, cool, worst.1)
        }
        let a = stats(sparseT, droppedT: true), b = stats(sparseG, droppedT: false)
        print("leave-out (every other T_eff node): median \(a.median), 90% \(a.p90), max \(a.max) at \(a.worstAt); max for 3500–6000 K \(a.coolMax)")
        print("leave-out (every other log g node): median \(b.median), 90% \(b.p90), max \(b.max) at \(b.worstAt); max for 3500–6000 K \(b.coolMax)")
        #expect(a.median < 0.05 && b.median < 0.05)
        // Metallicity: drop [Z/Z☉] = −2.0, −1.0, 0.0 and interpolate there from the other five tables.
        let keepZ = [0, 1, 3, 5, 7]
        let pz = keepZ.map { z in allT.map { i in allG.map { j in t.nodeGasPressure(z: z, i: i, j: j) } } }
        let lastZ = keepZ.map { _ in allG.map { t.lastValidTeffIndex(logg: $0) } }
        let sparseZ = try ModelAtmosphereTable(teff: t.teff, logg: t.logg, metallicities: keepZ.map { t.metallicities[$0] },
                                               gasPressure: pz, lastValidIndex: lastZ)
        var ez: [Double] = [], ezCool = 0.0
        for z in [2, 4, 6] {
            for j in allG {
                for i in 0...t.lastValidTeffIndex(logg: j) {
                    let v = try sparseZ.value(teff: t.teff[i], logg: t.logg[j], metallicity: t.metallicities[z])
                    let err = abs(v.gasPressure / t.nodeGasPressure(z: z, i: i, j: j) - 1)
                    ez.append(err)
                    if t.teff[i] >= 3500 && t.teff[i] <= 6000 { ezCool = max(ezCool, err) }
                }
            }
        }
        ez.sort()
        print("leave-out ([Z/Z☉] = −2, −1, 0 from the other five): median \(ez[ez.count / 2]), 90% \(ez[ez.count * 9 / 10]), max \(ez.last!); max for 3500–6000 K \(ezCool)")
        #expect(ez[ez.count / 2] < 0.05)
    }

    @Test func derivativesMatchDifferences() throws {
        let t = try table()
        for (teff, logg, z) in [(4000.0, 0.5, -1.5), (5777, 4.44, 0), (3300, 1.2, -0.7), (9000, 3.3, 0.2), (4100, 0.6, -3)] {
            let v = try t.value(teff: teff, logg: logg, metallicity: z)
            let hT = 1e-3, hG = 1e-6, hZ = 1e-6
            let dT = log(try t.value(teff: teff + hT, logg: logg, metallicity: z).gasPressure
                         / t.value(teff: teff - hT, logg: logg, metallicity: z).gasPressure) / (2 * hT)
            let dG = log(try t.value(teff: teff, logg: logg + hG, metallicity: z).gasPressure
                         / t.value(teff: teff, logg: logg - hG, metallicity: z).gasPressure) / (2 * hG)
            let dZ = log(try t.value(teff: teff, logg: logg, metallicity: z + hZ).gasPressure
                         / t.value(teff: teff, logg: logg, metallicity: z - hZ).gasPressure) / (2 * hZ)
            #expect(abs(dT - v.dLnPgas_dTeff) < 1e-7 * max(1e-4, abs(dT)) + 1e-10)
            #expect(abs(dG - v.dLnPgas_dLogg) < 1e-6 * max(1, abs(dG)))
            #expect(abs(dZ - v.dLnPgas_dMetallicity) < 1e-6 * max(1, abs(dZ)))
            // The boundary's ln-derivatives against differences of ln P (with P_rad).
            let g = pow(10, logg)
            let bnd = try t.boundary(effectiveTemperature: teff, gravity: g, metallicity: z)
            let h = 1e-6
            let dLnP = log(try t.boundary(effectiveTemperature: teff * exp(h), gravity: g, metallicity: z).pressure
                           / t.boundary(effectiveTemperature: teff * exp(-h), gravity: g, metallicity: z).pressure) / (2 * h)
            #expect(abs(dLnP - bnd.dLnPressure_dLnTeff) < 1e-5 * max(1, abs(dLnP)))
        }
    }

    /// First derivatives continuous across node lines (C¹): one-sided slopes just left and right of a node agree.
    @Test func continuousFirstDerivatives() throws {
        let t = try table()
        let e = 1e-7
        for (teff, logg, z) in [(4000.0, 0.7, -1.2), (5000, 2.3, 0.1)] {
            let l = try t.value(teff: teff - e, logg: logg, metallicity: z), r = try t.value(teff: teff + e, logg: logg, metallicity: z)
            #expect(abs(l.dLnPgas_dTeff - r.dLnPgas_dTeff) < 1e-6 * abs(l.dLnPgas_dTeff) + 1e-9)
        }
        for (teff, logg, z) in [(4100.0, 1.0, -1.2), (5100, 3.0, 0.1)] {
            let l = try t.value(teff: teff, logg: logg - e, metallicity: z), r = try t.value(teff: teff, logg: logg + e, metallicity: z)
            #expect(abs(l.dLnPgas_dLogg - r.dLnPgas_dLogg) < 1e-5)
        }
        for (teff, logg, z) in [(4100.0, 1.1, -1.5), (5100, 3.1, -0.5)] {
            let l = try t.value(teff: teff, logg: logg, metallicity: z - e), r = try t.value(teff: teff, logg: logg, metallicity: z + e)
            #expect(abs(l.dLnPgas_dMetallicity - r.dLnPgas_dMetallicity) < 1e-5)
        }
    }

    @Test func outsideValidRangeIsATypedError() throws {
        let t = try table()
        let result = Result { () throws(AtmosphereError) -> ModelAtmosphereTable.Value in
            try t.value(teff: 30000, logg: 0, metallicity: 0)
        }
        if case let .failure(.outOfDomain(q, v, d)) = result {
            #expect(q == "T_eff" && v == 30000 && d.contains("18000"))
        } else {
            Issue.record("expected an out-of-domain error, got \(result)")
        }
        // The bound itself is valid; just above it is not (at a node and between nodes, where the lower node's applies).
        for j in t.logg.indices {
            #expect(throws: Never.self) { _ = try t.value(teff: t.teffUpperBound[j], logg: t.logg[j], metallicity: -1) }
            if t.teffUpperBound[j] < t.teff.last! {
                #expect(throws: AtmosphereError.self) {
                    _ = try t.value(teff: t.teffUpperBound[j] + 1, logg: t.logg[j], metallicity: -1)
                }
            }
        }
        #expect(throws: AtmosphereError.self) { _ = try t.value(teff: 18500, logg: 0.75, metallicity: 0) }
        #expect(throws: AtmosphereError.self) { _ = try t.value(teff: 5000, logg: 6, metallicity: 0) }
        #expect(throws: AtmosphereError.self) { _ = try t.value(teff: 5000, logg: 4, metallicity: -4.5) }
        #expect(throws: AtmosphereError.self) { _ = try t.value(teff: 1900, logg: 4, metallicity: 0) }
    }

    @Test func malformedFilesNameFileLineAndField() throws {
        let fm = FileManager.default
        func corrupted(_ name: String, _ edit: (inout [String]) -> Void) throws -> AtmosphereError? {
            let dir = fm.temporaryDirectory.appendingPathComponent("atm-\(UUID().uuidString)")
            try fm.copyItem(at: atmosphereDirectory, to: dir)
            defer { try? fm.removeItem(at: dir) }
            let url = dir.appendingPathComponent(name)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            edit(&lines)
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            do { _ = try ModelAtmosphereTable.load(directory: dir); return nil } catch let e as AtmosphereError { return e }
        }
        // A non-numeric pressure on line 10 of Zp00.tbl, column of log g = 0.00.
        let e1 = try corrupted("Zp00.tbl") { lines in
            var f = lines[9].split(separator: " ").map(String.init); f[2] = "x.yz"; lines[9] = f.joined(separator: "  ")
        }
        guard case let .malformedTable(file, line, field, _)? = e1 else { Issue.record("no error: \(String(describing: e1))"); return }
        #expect(file.hasSuffix("Zp00.tbl") && line == 10 && field.contains("log g = 0.0"))
        // A wrong version.
        let e2 = try corrupted("Zm15.tbl") { $0[0] = "#Table Version   4" }
        guard case let .malformedTable(f2, l2, fd2, _)? = e2 else { Issue.record("no error"); return }
        #expect(f2.hasSuffix("Zm15.tbl") && l2 == 1 && fd2 == "#Table Version")
        // A missing row.
        let e3 = try corrupted("Zm40.tbl") { $0.remove(at: 40) }
        guard case .malformedTable(_, _, _, _)? = e3 else { Issue.record("no error"); return }
        // The summary's dimensions.
        let e4 = try corrupted("table_summary.txt") { $0[1] = "8 82" }
        guard case let .malformedTable(f4, l4, _, _)? = e4 else { Issue.record("no error"); return }
        #expect(f4.hasSuffix("table_summary.txt") && l4 == 2)
    }
}

/// The table against T(τ) integrations at a red-giant tip (T_eff = 4000 K, log g = 0.5), with a stand-in H⁻ opacity
/// κ ≈ 2.5×10⁻³¹ (Z/0.02) ρ^{1/2} T⁹ cm² g⁻¹ (Hansen, Kawaler & Trimble 2004, *Stellar Interiors*, ch. 4, as quoted in issue 13; valid for
/// 3000 ≲ T ≲ 6000 K, 10⁻¹⁰ ≲ ρ ≲ 10⁻⁵ g cm⁻³, X ≈ 0.7) and a neutral ideal gas (μ = 1.3). The real low-temperature
/// opacity (Ferguson et al. 2005) replaces the stand-in once merged; only a loose agreement is asserted here.
@Suite struct AtmosphereMethodsComparisonTests {
    @Test func redGiantTip() throws {
        let table = try sharedTable.get()
        let g = pow(10, 0.5)
        for feh in [-1.5, 0.0] {
            let z = 0.02 * pow(10, feh)
            let opacity = { (rho: Double, t: Double) -> Double in 2.5e-31 * (z / 0.02) * rho.squareRoot() * pow(t, 9) }
            for (name, integ) in [("Eddington τ=2/3", AtmosphereIntegrator(relation: .eddington)),
                                  ("Krishna Swamy τ=0.312", AtmosphereIntegrator(relation: .krishnaSwamy)),
                                  ("Krishna Swamy τ=2/3", AtmosphereIntegrator(relation: .krishnaSwamy, tauBase: 2.0 / 3.0))] {
                let r = try AtmosphereComparison.compare(
                    table: table, integrator: integ, effectiveTemperature: 4000, gravity: g, metallicity: feh,
                    density: atmosphereIdealGasDensity(mu: 1.3), opacity: opacity)
                print("RGB tip [Z/Z☉] = \(feh), \(name): P_table = \(r.table.pressure), P_int = \(r.integrated.pressure), ratio \(r.pressureRatio); dlnP/dlnTeff table \(r.table.dLnPressure_dLnTeff) int \(r.integrated.dLnPressure_dLnTeff); dlnP/dlng table \(r.table.dLnPressure_dLnGravity) int \(r.integrated.dLnPressure_dLnGravity)")
                #expect(r.pressureRatio > 0.1 && r.pressureRatio < 10)
            }
        }
    }
}
