import Foundation
import Testing
@testable import EnvelopePhysics

/// Small tables (debug builds are slow): the radiative interior at the standard grid's steps, and a
/// degenerate helium core. The full standard grid is measured in release (Docs/envelope-eos.md).
private let interior: EnvelopeEOSTable = {
    let grid = EnvelopeEOSTable.Grid(logRMin: -4, logRMax: -2.5, logRStep: 0.05, logTMin: 6, logTMax: 6.4,
                                     logTStep: 0.02, hydrogen: [0, 0.1, 0.6, 0.7, 0.8, 0.98], metals: 0.02)
    return try! EnvelopeEOSTable(grid: grid)
}()

private let core: EnvelopeEOSTable = {
    let grid = EnvelopeEOSTable.Grid(logRMin: -0.5, logRMax: 0.5, logRStep: 0.05, logTMin: 7.7, logTMax: 8.0,
                                     logTStep: 0.02, hydrogen: [0], metals: 0.02)
    return try! EnvelopeEOSTable(grid: grid)
}()

@Suite("Envelope EOS table")
struct EnvelopeEOSTableTests {
    let ln10 = log(10.0)

    func lookup(_ table: EnvelopeEOSTable, logR: Double, logT: Double, x: Double) throws -> EnvelopeEOSTableState {
        try table.state(lnDensity: (logR + 3 * logT - 18) * ln10, lnTemperature: logT * ln10, hydrogen: x)
    }

    @Test("Nodes reproduce the direct EOS (ln P, S, E, ∇_ad, η, νₑ and the ln ρ, ln T derivatives)")
    func nodesExact() throws {
        let eos = EnvelopeEOS()
        for (i, j, x) in [(0, 0, 0.0), (7, 5, 0.1), (30, 20, 0.98), (13, 11, 0.6), (22, 3, 0.0)] {
            let g = interior.grid
            let logR = g.logRMin + Double(i) * g.logRStep, logT = g.logTMin + Double(j) * g.logTStep
            let tab = try lookup(interior, logR: logR, logT: logT, x: x)
            let d = try eos.state(density: pow(10, logR + 3 * logT - 18), temperature: pow(10, logT), hydrogen: x,
                                  metals: 0.02)
            #expect(abs(tab.lnPressure.value - d.lnPressure.value) < 1e-11)
            #expect(abs(tab.chiRho / d.chiRho - 1) < 1e-9)
            #expect(abs(tab.chiT / d.chiT - 1) < 1e-9)
            #expect(abs(tab.entropy.value / d.entropy.value - 1) < 1e-11)
            #expect(abs(tab.cV / d.cV - 1) < 1e-9)
            #expect(abs(tab.energy.value / d.energy.value - 1) < 1e-11)
            #expect(abs(tab.gradAd.value / d.gradAd - 1) < 1e-11)
            let gd = d.gradAdDerivatives
            #expect(abs(tab.gradAd.dLnRho - gd.dLnRho) < 1e-9 * max(1, abs(gd.dLnRho)))
            #expect(abs(tab.gradAd.dLnT - gd.dLnT) < 1e-9 * max(1, abs(gd.dLnT)))
            #expect(abs(tab.eta.value - d.eta) < 1e-9 * max(1, abs(d.eta)))
            #expect(abs(tab.freeElectronsPerBaryon / d.freeElectronsPerBaryon - 1) < 1e-9)
            #expect(abs(tab.meanMolecularWeight / d.meanMolecularWeight - 1) < 1e-9)
        }
    }

    @Test("Curvature: the second derivatives of ln P and S are those of the first derivatives; the shifted state is the state at the shifted point to O(h²)")
    func curvatureConsistent() throws {
        // h = 1e-4: central differences of first derivatives are then good to ~1e-9 relative (at 1e-5 and below
        // the round-off of S ~ 2e9 erg g⁻¹ K⁻¹ differenced already shows at 1e-6).
        let h = 1e-4
        // Points inside cells (the second derivatives jump at cell edges: the interpolant is C¹), one with X on a
        // node (0.7: the X nodes of zero weight skipped) and one in the degenerate core's single-X table.
        for (table, logR, logT, x) in [(interior, -3.333, 6.137, 0.41), (interior, -2.71, 6.291, 0.05), (interior, -3.07, 6.213, 0.7),
                                       (core, 0.123, 7.853, 0.0)] {
            let lnRho = (logR + 3 * logT - 18) * ln10, lnT = logT * ln10
            let (s, k) = try table.stateAndCurvature(lnDensity: lnRho, lnTemperature: lnT, hydrogen: x)
            let plain = try table.state(lnDensity: lnRho, lnTemperature: lnT, hydrogen: x)
            // The same state as `state`, without ∂/∂X.
            #expect(s.lnPressure.value == plain.lnPressure.value && s.chiRho == plain.chiRho && s.cP == plain.cP)
            #expect(s.gradAd.value == plain.gradAd.value && s.eta.value == plain.eta.value)
            #expect(s.entropy.dHydrogen == 0)
            let rp = try table.state(lnDensity: lnRho + h, lnTemperature: lnT, hydrogen: x)
            let rm = try table.state(lnDensity: lnRho - h, lnTemperature: lnT, hydrogen: x)
            let tp = try table.state(lnDensity: lnRho, lnTemperature: lnT + h, hydrogen: x)
            let tm = try table.state(lnDensity: lnRho, lnTemperature: lnT - h, hydrogen: x)
            for (path, curvature, name) in [(\EnvelopeEOSTableState.lnPressure, k.lnPressure, "ln P"), (\.entropy, k.entropy, "S")] {
                let v = s[keyPath: path]
                let scale = max(abs(v.dLnRho), abs(v.dLnT), abs(curvature.rr), abs(curvature.tt), 1e-3)
                let rr = (rp[keyPath: path].dLnRho - rm[keyPath: path].dLnRho) / (2 * h)
                let tr = (tp[keyPath: path].dLnRho - tm[keyPath: path].dLnRho) / (2 * h)
                let rt = (rp[keyPath: path].dLnT - rm[keyPath: path].dLnT) / (2 * h)
                let tt = (tp[keyPath: path].dLnT - tm[keyPath: path].dLnT) / (2 * h)
                #expect(abs(rr - curvature.rr) < 1e-6 * scale, "\(name) ∂²lnρ at \(logR), \(logT): \(rr) vs \(curvature.rr)")
                #expect(abs(tr - curvature.rt) < 1e-6 * scale && abs(rt - curvature.rt) < 1e-6 * scale,
                        "\(name) ∂lnρ∂lnT: \(tr), \(rt) vs \(curvature.rt)")
                #expect(abs(tt - curvature.tt) < 1e-6 * scale, "\(name) ∂²lnT: \(tt) vs \(curvature.tt)")
            }
            // The shifted state against the table at the shifted point: χ_ρ, χ_T, c_P, ∇_ad, η to O(h²).
            let d = 1e-4
            for (a, b) in [(d, 0.0), (0.0, d)] {
                let moved = s.shifted(dLnRho: a, dLnT: b, curvature: k)
                let exact = try table.state(lnDensity: lnRho + a, lnTemperature: lnT + b, hydrogen: x)
                let tolerance = 1e-6
                #expect(abs(moved.lnPressure.value - exact.lnPressure.value) < tolerance)
                #expect(abs(moved.chiRho - exact.chiRho) < tolerance * max(1, abs(exact.chiRho)))
                #expect(abs(moved.chiT - exact.chiT) < tolerance * max(1, abs(exact.chiT)))
                #expect(abs(moved.cP / exact.cP - 1) < tolerance)
                #expect(abs(moved.gradAd.value - exact.gradAd.value) < tolerance)
                #expect(abs(moved.eta.value - exact.eta.value) < tolerance * max(1, abs(exact.eta.value)))
                // …and it moved: the first-order terms are not zero.
                #expect(moved.chiT != s.chiT && moved.cP != s.cP)
            }
        }
    }

    @Test("The interpolant's derivatives are the derivatives of its values (central differences, ln ρ, ln T, X)")
    func derivativesConsistent() throws {
        let h = 1e-5
        for (logR, logT, x) in [(-3.333, 6.137, 0.41), (-2.71, 6.291, 0.05), (-3.9, 6.01, 0.9), (-3.05, 6.2, 0.71)] {
            let lnRho = (logR + 3 * logT - 18) * ln10, lnT = logT * ln10
            let s = try interior.state(lnDensity: lnRho, lnTemperature: lnT, hydrogen: x)
            let rp = try interior.state(lnDensity: lnRho + h, lnTemperature: lnT, hydrogen: x)
            let rm = try interior.state(lnDensity: lnRho - h, lnTemperature: lnT, hydrogen: x)
            let tp = try interior.state(lnDensity: lnRho, lnTemperature: lnT + h, hydrogen: x)
            let tm = try interior.state(lnDensity: lnRho, lnTemperature: lnT - h, hydrogen: x)
            let xp = try interior.state(lnDensity: lnRho, lnTemperature: lnT, hydrogen: x + h)
            let xm = try interior.state(lnDensity: lnRho, lnTemperature: lnT, hydrogen: x - h)
            let pairs: [(KeyPath<EnvelopeEOSTableState, EnvelopeEOSTableState.Value>, String)] = [
                (\.lnPressure, "ln P"), (\.entropy, "S"), (\.energy, "E"), (\.gradAd, "∇_ad"), (\.eta, "η"),
                (\.lnFreeElectrons, "ln νₑ"),
            ]
            for (path, name) in pairs {
                let v = s[keyPath: path]
                let scale = max(abs(v.value), abs(v.dLnRho), abs(v.dLnT), 1e-3)
                let fdRho = (rp[keyPath: path].value - rm[keyPath: path].value) / (2 * h)
                let fdT = (tp[keyPath: path].value - tm[keyPath: path].value) / (2 * h)
                let fdX = (xp[keyPath: path].value - xm[keyPath: path].value) / (2 * h)
                #expect(abs(fdRho - v.dLnRho) < 1e-6 * scale, "\(name) ∂lnρ: \(fdRho) vs \(v.dLnRho)")
                #expect(abs(fdT - v.dLnT) < 1e-6 * scale, "\(name) ∂lnT: \(fdT) vs \(v.dLnT)")
                #expect(abs(fdX - v.dHydrogen) < 1e-6 * max(scale, abs(v.dHydrogen)), "\(name) ∂X: \(fdX) vs \(v.dHydrogen)")
            }
        }
    }

    @Test("C¹ across cell edges in log R, log T and across X nodes")
    func continuity() throws {
        let e = 1e-9
        let g = interior.grid
        let edgeR = g.logRMin + 11 * g.logRStep, edgeT = g.logTMin + 7 * g.logTStep
        let cases: [((Double) -> (Double, Double, Double))] = [
            { d in (edgeR + d, 6.111, 0.3) }, { d in (-3.21, edgeT + d, 0.6) }, { d in (-3.21, 6.111, 0.7 + d) },
        ]
        for c in cases {
            let (r1, t1, x1) = c(-e), (r2, t2, x2) = c(e)
            let a = try lookup(interior, logR: r1, logT: t1, x: x1), b = try lookup(interior, logR: r2, logT: t2, x: x2)
            for (u, v) in [(a.lnPressure, b.lnPressure), (a.gradAd, b.gradAd), (a.entropy, b.entropy)] {
                let scale = max(abs(u.value), abs(u.dLnRho), abs(u.dLnT))
                #expect(abs(u.value - v.value) < 1e-7 * scale)
                #expect(abs(u.dLnRho - v.dLnRho) < 1e-6 * scale)
                #expect(abs(u.dLnT - v.dLnT) < 1e-6 * scale)
                #expect(abs(u.dHydrogen - v.dHydrogen) < 1e-6 * max(scale, abs(u.dHydrogen)))
            }
        }
    }

    @Test("Off-node accuracy (standard steps): interior at 0.6 ≤ X ≤ 0.8 ln P, ∇_ad, Γ₁, c_P, χ_ρ ≤ 1e-4, |Δχ_T|, Maxwell ≤ 5e-4; degenerate core ln P ≤ 1e-4, ∇_ad ≤ 1e-3")
    func offNodeAccuracy() {
        let a = interior.accuracy(logR: -3.95 ... -2.55, logT: 6.01...6.39, hydrogen: 0.6...0.8, points: 60, seed: 7)
        #expect(a.points == 60)
        #expect(a.lnPressure.max < 1e-4, "ln P \(a.lnPressure.max)")
        for (s, name) in [(a.gradAd, "∇_ad"), (a.gamma1, "Γ₁"), (a.cP, "c_P"), (a.chiRho, "χ_ρ")] {
            #expect(s.max < 1e-4, "\(name) \(s.max) at \(s.worst)")
        }
        #expect(a.chiT.max < 5e-4, "χ_T \(a.chiT.max)")
        #expect(a.maxwell.max < 5e-4, "Maxwell \(a.maxwell.max)")
        // On the X nodes the (log R, log T) interpolation alone: two orders of magnitude better.
        let n = interior.accuracy(logR: -3.95 ... -2.55, logT: 6.01...6.39, hydrogen: 0.7...0.7, points: 40, seed: 5)
        #expect(n.lnPressure.max < 1e-6, "ln P at X node \(n.lnPressure.max)")
        #expect(n.gradAd.max < 1e-5, "∇_ad at X node \(n.gradAd.max)")
        let c = core.accuracy(logR: -0.45...0.45, logT: 7.71...7.99, points: 40, seed: 3)
        #expect(c.points == 40)
        #expect(c.lnPressure.max < 1e-4, "core ln P \(c.lnPressure.max)")
        #expect(c.gradAd.max < 1e-3, "core ∇_ad \(c.gradAd.max) at \(c.gradAd.worst)")
        #expect(c.maxwell.max < 1e-3, "core Maxwell \(c.maxwell.max)")
    }

    @Test("Outside the grid, outside the X nodes, non-finite input: typed errors")
    func refusals() throws {
        #expect(throws: EnvelopeEOSError.self) { try lookup(interior, logR: -1, logT: 6.2, x: 0.7) }
        #expect(throws: EnvelopeEOSError.self) { try lookup(interior, logR: -3, logT: 7, x: 0.7) }
        #expect(throws: EnvelopeEOSError.self) { try lookup(interior, logR: -3, logT: 6.2, x: 0.99) }
        #expect(throws: EnvelopeEOSError.self) { try lookup(core, logR: -0.2, logT: 7.8, x: 0.1) }
        #expect(throws: EnvelopeEOSError.self) { try lookup(interior, logR: .nan, logT: 6.2, x: 0.7) }
        #expect(throws: EnvelopeEOSError.self) {
            try EnvelopeEOSTable(grid: .init(logRMin: 0, logRMax: 1, logRStep: 0.3, logTMin: 6, logTMax: 7,
                                             logTStep: 0.1, hydrogen: [0], metals: 0.02))
        }
        #expect(throws: EnvelopeEOSError.self) {
            try EnvelopeEOSTable(grid: .init(logRMin: 0, logRMax: 1, logRStep: 0.5, logTMin: 6, logTMax: 7,
                                             logTStep: 0.5, hydrogen: [0.5, 0.2], metals: 0.02))
        }
    }

    @Test("Nodes the direct EOS refuses are marked; a lookup in a cell touching one is a typed error")
    func refusedNodes() throws {
        let grid = EnvelopeEOSTable.Grid(logRMin: -8, logRMax: -6, logRStep: 0.25, logTMin: 3.4, logTMax: 3.6,
                                         logTStep: 0.05, hydrogen: [0.7], metals: 0.02)
        let table = try EnvelopeEOSTable(grid: grid)
        #expect(table.refusedNodes > 0)
        let eos = EnvelopeEOS()
        var found = false
        for j in 0..<5 {
            for i in 0..<9 {
                let logR = -8 + 0.25 * Double(i), logT = 3.4 + 0.05 * Double(j)
                let refused = (try? eos.state(density: pow(10, logR + 3 * logT - 18), temperature: pow(10, logT),
                                              hydrogen: 0.7, metals: 0.02)) == nil
                guard refused else { continue }
                found = true
                let r = min(logR + 0.1, -6.01), t = min(logT + 0.02, 3.59)
                #expect(throws: EnvelopeEOSError.self) { try lookup(table, logR: r, logT: t, x: 0.7) }
            }
        }
        #expect(found)
    }

    @Test("Disk cache: written when a directory is given, read back identical, a damaged file rejected and rebuilt")
    func cache() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eostable-test-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let grid = EnvelopeEOSTable.Grid(logRMin: -3, logRMax: -2.5, logRStep: 0.1, logTMin: 6, logTMax: 6.2,
                                         logTStep: 0.05, hydrogen: [0.3, 0.7], metals: 0.02)
        let (built, notes1) = try EnvelopeEOSTable.load(grid: grid, cacheDirectory: dir)
        #expect(notes1.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".bin") }
        #expect(files.count == 1)
        let (read, notes2) = try EnvelopeEOSTable.load(grid: grid, cacheDirectory: dir)
        #expect(notes2.isEmpty)
        #expect(read.values == built.values)
        let a = try lookup(read, logR: -2.77, logT: 6.13, x: 0.5), b = try lookup(built, logR: -2.77, logT: 6.13, x: 0.5)
        #expect(a == b)
        // Damage one payload byte.
        let url = dir.appendingPathComponent(files[0])
        var data = try Data(contentsOf: url)
        data[data.count - 100] ^= 0x10
        try data.write(to: url)
        let (rebuilt, notes3) = try EnvelopeEOSTable.load(grid: grid, cacheDirectory: dir)
        #expect(notes3.count == 1 && notes3[0].contains("digest"))
        #expect(rebuilt.values == built.values)
    }
}
