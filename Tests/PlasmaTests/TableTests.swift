import Foundation
import TestSupport
import Testing
@testable import Plasma

/// The fast path (interpolated table) against the direct computation at random points over the
/// issue's domain: 1 ≤ ρ ≤ 1e10 g/cm³, 1e7 ≤ T ≤ 3e9 K, 0.4 ≤ Yₑ ≤ 1.
@Suite("Fast path (table)")
struct TableTests {
    /// xorshift64* (Vigna 2016) with a fixed seed: the same points every run.
    struct Points: Sequence, IteratorProtocol {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var remaining: Int
        mutating func unit() -> Double {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) * 0x1p-53
        }
        mutating func next() -> (Double, Double, Double)? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            return (pow(10, 10 * unit()), pow(10, 7 + log10(300) * unit()), 0.4 + 0.6 * unit())
        }
    }

    @Test("every channel within 1e-4 of the direct computation (measured worst: 2.6e-5)")
    func accuracy() throws {
        let table = PlasmaRateTable.shared
        let nu = try NeutrinoProperties(mu12: 2, millicharge: 1e-14)
        var worst = 0.0, checked = 0
        for (rho, t, ye) in Points(remaining: 400) {
            let fast = try table.rates(density: rho, temperature: t, electronFraction: ye, neutrino: nu)
            #expect(table.covers(rhoYe: rho * ye, temperature: t))
            let direct = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: ye, neutrino: nu).rates
            let pairs = [(fast.vectorTransverse, direct.vectorTransverse), (fast.vectorLongitudinal, direct.vectorLongitudinal),
                         (fast.axial, direct.axial), (fast.magneticTransverse, direct.magneticTransverse),
                         (fast.magneticLongitudinal, direct.magneticLongitudinal), (fast.chargeTransverse, direct.chargeTransverse),
                         (fast.chargeLongitudinal, direct.chargeLongitudinal), (fast.standard, direct.standard)]
            for (a, b) in pairs {
                #expect(a.isFinite && a >= 0)
                guard b > 0 else { #expect(a == 0); continue }   // both underflow beyond γ ≈ 700
                let e = relativeDifference(a, b)
                worst = max(worst, e)
                #expect(e < 1e-4, "ρ=\(rho) T=\(t) Yₑ=\(ye): \(a) vs \(b)")
            }
            checked += 1
        }
        #expect(checked == 400)
        #expect(worst > 0)   // the comparison really compared two different computations
    }

    @Test("fast path against direct high-precision (adaptive) quadrature: within 1e-4 at 40 random points")
    func accuracyAgainstQuadrature() throws {
        let table = PlasmaRateTable.shared
        let nu = try NeutrinoProperties(mu12: 1, millicharge: 1e-14)
        var generator = Points(remaining: 40)
        generator.state = 0x0123_4567_89AB_CDEF
        for (rho, t, ye) in generator {
            let fast = try table.rates(density: rho, temperature: t, electronFraction: ye, neutrino: nu)
            let exact = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: ye, neutrino: nu,
                                               method: .adaptive).rates
            for (a, b) in [(fast.standard, exact.standard), (fast.magnetic, exact.magnetic),
                           (fast.millicharge, exact.millicharge), (fast.axial, exact.axial)] where b > 0 {
                #expect(isClose(a, b, rel: 1e-4), "ρ=\(rho) T=\(t) Yₑ=\(ye): \(a) vs \(b)")
            }
        }
    }

    @Test("outside the grid the direct computation is used; inside, no NaN anywhere")
    func outsideGrid() throws {
        let table = PlasmaRateTable.shared
        #expect(!table.covers(rhoYe: 1e13, temperature: 1e8))
        let a = try table.rates(density: 1e13, temperature: 1e8, electronFraction: 1)
        let b = try PlasmonDecay.point(density: 1e13, temperature: 1e8, electronFraction: 1).rates
        #expect(a == b)
        #expect(throws: PlasmaError.self) { try table.rates(density: -1, temperature: 1e8, electronFraction: 0.5) }
    }

    @Test("a cached table is used only if it verifies: a corrupted node is rejected")
    func cacheVerification() throws {
        let table = PlasmaRateTable.shared
        #expect(PlasmaRateTableCache.verify(table))
        var values = table.values
        let i = (1 * 37) % table.nx, j = (1 * 53 + table.ny / 3) % table.ny
        values[(j * table.nx + i) * PlasmaRateTable.stride + 2] += 1e-9
        let corrupted = PlasmaRateTable(grid: table.grid, values: values, buildSeconds: 0)
        #expect(!PlasmaRateTableCache.verify(corrupted))
        // Round trip through a file.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stellarbound-test-\(getpid())")
        let file = dir.appendingPathComponent("t.bin")
        #expect(PlasmaRateTableCache.save(table, to: file) == nil)
        let loaded = try PlasmaRateTableCache.load(file, grid: table.grid).get()
        #expect(loaded.values.map(\.bitPattern) == table.values.map(\.bitPattern))
        #expect(loaded.origin == .cache)
        var other = table.grid
        other.step = 0.2
        #expect(throws: PlasmaRateTableCache.Rejection.self) { try PlasmaRateTableCache.load(file, grid: other).get() }
        try? FileManager.default.removeItem(at: dir)
    }
}

@Suite("Plasma table cache: damage anywhere is caught, reported and rebuilt")
struct TableCacheDamageTests {
    /// Issue 18 (1): overwriting 4 kB in the middle of the file, or nudging ln I at 2 % of the nodes
    /// (neither touching the 8 recomputed nodes), used to pass verification.
    @Test("interior damage: digest mismatch → rejected with a note, rebuilt, rewritten intact")
    func interiorDamage() throws {
        let table = PlasmaRateTable.shared
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stellarbound-damage-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(PlasmaRateTableCache.fileName)
        #expect(PlasmaRateTableCache.save(table, to: file) == nil)
        var bytes = try Data(contentsOf: file)
        let middle = bytes.count / 2
        bytes.replaceSubrange(middle..<(middle + 4096), with: Data(repeating: 0x41, count: 4096))
        try bytes.write(to: file)
        guard case let .failure(rejection) = PlasmaRateTableCache.load(file, grid: table.grid) else {
            Issue.record("a file with 4 kB overwritten was accepted"); return
        }
        #expect(rejection.reason.contains("digest"))
        // Small numerical damage: +0.05 on one field at 2 % of the nodes, skipping the verified ones.
        var values = table.values
        for node in stride(from: 7, to: table.nx * table.ny, by: 50) { values[node * PlasmaRateTable.stride] += 0.05 }
        let nudged = PlasmaRateTable(grid: table.grid, values: values, buildSeconds: 0)
        #expect(PlasmaRateTableCache.save(nudged, to: file) == nil)
        var data = try Data(contentsOf: file)
        // Restore the digest of the original payload, as a corruption that kept the header would.
        let headerCount = PlasmaRateTableCache.header(table.grid).count
        withUnsafeBytes(of: PlasmaRateTableCache.digest(table.values)) { data.replaceSubrange((headerCount * 8)..<(headerCount * 8 + 8), with: $0) }
        try data.write(to: file)
        guard case .failure = PlasmaRateTableCache.load(file, grid: table.grid) else {
            Issue.record("nudged nodes were accepted"); return
        }
        // The load-or-build path reports the damage once and leaves an intact cache behind.
        let (rebuilt, notes) = PlasmaRateTableCache.loadOrBuild(grid: table.grid, directory: dir)
        #expect(notes.count == 1 && notes[0].contains("rejected"), "\(notes)")
        #expect(rebuilt.values.map(\.bitPattern) == table.values.map(\.bitPattern))
        #expect(throws: Never.self) { try PlasmaRateTableCache.load(file, grid: table.grid).get() }
    }

    @Test("an unwritable cache directory is reported, not silently rebuilt")
    func unwritable() throws {
        let table = PlasmaRateTable.shared
        // A regular file where the directory should be: creating the directory fails even for root.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("stellarbound-blocker-\(getpid())")
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let problem = PlasmaRateTableCache.save(table, to: blocker.appendingPathComponent("sub/\(PlasmaRateTableCache.fileName)"))
        #expect(problem != nil)
    }
}

@Suite("Fast path: e± thermodynamics")
struct GasTableTests {
    @Test("P, U, χ_T, χ_ρ, ∂U/∂T, ∂U/∂ln ρ, η interpolate to 1e-4 of the direct Fermi–Dirac values")
    func accuracy() throws {
        let table = PlasmaRateTable.shared
        var worst = [Double](repeating: 0, count: 7)
        for (rho, t, ye) in TableTests.Points(remaining: 300) {
            let fast = try #require(table.gasThermodynamics(rhoYe: rho * ye, temperature: t))
            let direct = try ElectronGasThermodynamics(density: rho, temperature: t, electronFraction: ye)
            let pairs = [(fast.pressure, direct.pressure), (fast.energyDensity, direct.energyDensity),
                         (fast.dlnPdlnT, direct.dlnPdlnT), (fast.dlnPdlnRho, direct.dlnPdlnRho),
                         (fast.dUdT, direct.dUdT), (fast.dUdlnRho, direct.dUdlnRho)]
            for (k, (a, b)) in pairs.enumerated() {
                // Relative; χ_ρ of a pair plasma passes through ~0 (floor 1e-3), and ∂U/∂ln ρ = u + P(1 − χ_T)
                // crosses zero at the pair onset, so its error is measured on the scale u + P.
                let scale = k == 5 ? direct.energyDensity + direct.pressure : k >= 2 ? max(abs(b), 1e-3) : abs(b)
                let e = abs(a - b) / scale
                worst[k] = max(worst[k], e)
                #expect(e < 1e-4, "field \(k) at ρ=\(rho) T=\(t): \(a) vs \(b)")
            }
            let eta = abs(fast.degeneracy - direct.state.degeneracy) / max(1, abs(direct.state.degeneracy))
            worst[6] = max(worst[6], eta)
            #expect(eta < 1e-4)
        }
        #expect(worst.allSatisfy { $0 > 0 })
    }
}

@Suite("Table grid validation")
struct GridValidationTests {
    @Test("odd or too large Lagrange orders and bad steps are refused, not read past the grid")
    func grids() {
        for order in [3, 5, 8] {
            var g = PlasmaRateTable.Grid()
            g.order = order
            #expect(throws: PlasmaError.self) { try PlasmaRateTable(validating: g) }
        }
        var g = PlasmaRateTable.Grid()
        g.step = 0
        #expect(throws: PlasmaError.self) { try PlasmaRateTable(validating: g) }
    }
}
