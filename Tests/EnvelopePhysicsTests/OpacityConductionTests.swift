import Foundation
import Microphysics
import Plasma
import Testing
@testable import EnvelopePhysics

@Suite("Opacity: conduction, total opacity, malformed files, speed")
struct OpacityConductionTests {
    /// The project's κ_cond (Potekhin et al. 1999 + Shternin & Yakovlev 2006, no Blouin correction) against
    /// Cassisi et al. 2007 (`condtabl.data`) at the table's own nodes: ρ = 10²…10⁶, T = 10⁷…10⁸.
    @Test("project conduction vs condtabl.data over ρ 1e2–1e6, T 1e7–1e8: pure He and X = 0.7 (ratio range)")
    func conductionVersusCassisi() throws {
        let dir = try #require(OpacityTestData.directory)
        let table = try OpacityConductionTable(dataDirectory: dir)
        let opacity = try #require(OpacityTestData.gs98)
        #expect(table.charges == [1, 2, 3, 4, 6, 8, 12, 16, 20, 26, 30, 36, 42, 48, 60])
        #expect(table.logT.count == 29 && table.logRho.count == 71 && table.logRho[0] == -6 && table.logRho[70] == 11.5)
        // X = 0.7, Y = 0.3: Z̄ = 1.097, Ā = 1.290, ⟨Z²⟩ = 1.290.
        let mix = try Composition(species: [(0.7, 1, 1.007_825), (0.3, 2, 4.002_603)])
        for (name, z, a, z2, c) in [("He", 2.0, 4.002_603, 4.0, 2.0),
                                    ("X=0.7", mix.meanCharge, mix.meanMass, mix.meanChargeSquared, mix.meanCharge)] {
            var lo = Double.infinity, hi = 0.0, loDeg = Double.infinity, hiDeg = 0.0, worstTotal = 0.0
            var rows: [String] = []
            for (iRho, lr) in table.logRho.enumerated() where lr >= 2 && lr <= 6 {
                var line = "  log ρ \(lr):"
                for (iT, lt) in table.logT.enumerated() where lt >= 7 && lt <= 8 {
                    let ours = try ConductiveOpacity.opacity(density: pow(10, lr), temperature: pow(10, lt), charge: z, mass: a,
                                                             meanChargeSquared: z2)
                    let theirs = table.kappa(iRho: iRho, iT: iT, charge: c)
                    let ratio = ours / theirs
                    lo = min(lo, ratio); hi = max(hi, ratio)
                    // What the difference does to the total opacity, 1/κ = 1/κ_rad + 1/κ_cond.
                    let rad = try opacity.radiative(logRho: lr, logT: lt, x: name == "He" ? 0 : 0.7, z: 0.02).kappa
                    let effect = abs((1 / rad + 1 / theirs) / (1 / rad + 1 / ours) - 1)
                    worstTotal = max(worstTotal, effect)
                    if lr >= 5 { loDeg = min(loDeg, ratio); hiDeg = max(hiDeg, ratio) }
                    line += String(format: " %.3f", ratio)
                }
                if lr.truncatingRemainder(dividingBy: 1) == 0 { rows.append(line) }
            }
            print("opacity conduction ours/Cassisi (\(name)), log T 7, 7.25, …, 8:\n" + rows.joined(separator: "\n"))
            print("opacity conduction ours/Cassisi (\(name)): all \(lo)…\(hi); ρ ≥ 1e5: \(loDeg)…\(hiDeg)")
            #expect(loDeg > 0.85 && hiDeg < 1.15, "\(name): degenerate part")
            print("opacity conduction: effect on the total κ (κ_rad from the tables, Z = 0.02): ≤ \(worstTotal)")
            // Non-degenerate electrons (low ρ, high T): the project's formula has no thermal averaging and
            // overestimates κ_cond up to ~50×, but there κ_cond ≫ κ_rad, so the total moves by less than this.
            #expect(worstTotal < 0.2, "\(name): total opacity")
            #expect(lo > 0.9, "\(name): never below Cassisi by more than 10 %")
        }
    }

    @Test("total: 1/κ = 1/κ_rad + 1/κ_cond, conduction wins in the degenerate core, is nothing in the envelope; derivatives vs differences")
    func total() throws {
        let t = try #require(OpacityTestData.gs98)
        // Degenerate He core (ρ 1e6, T 8e7): κ_cond ≪ κ_rad.
        let core = try t.total(logRho: 6, logT: log10(8e7), x: 0, z: 0.02, ions: .helium)
        #expect(core.conductive.kappa < core.radiative.kappa / 10)
        #expect(abs(1 / core.total.kappa - 1 / core.radiative.kappa - 1 / core.conductive.kappa) < 1e-12 / core.total.kappa)
        // Envelope (solar convection zone base, ρ 0.2, T 2e6): conduction negligible.
        let sun = try Composition(species: [(0.7, 1, 1.007_825), (0.28, 2, 4.002_603), (0.02, 8, 15.995)])
        let env = try t.total(logRho: log10(0.2), logT: log10(2e6), x: 0.7, z: 0.02, ions: sun)
        #expect(abs(env.total.kappa / env.radiative.kappa - 1) < 1e-3)
        // Derivatives of the total against central differences of κ_total, across the range where both matter.
        var worst = 0.0
        let h = 1e-5, l = log(10.0)
        for (lr, lt) in [(6.0, 7.9), (5.0, 7.5), (4.0, 7.3), (3.0, 7.2), (5.5, 7.7), (2.0, 7.0)] {
            let v = try t.total(logRho: lr, logT: lt, x: 0, z: 0.02, ions: .helium)
            func k(_ a: Double, _ b: Double) throws -> Double { try t.total(logRho: a, logT: b, x: 0, z: 0.02, ions: .helium).total.kappa }
            let dR = log(try k(lr + h, lt) / k(lr - h, lt)) / (2 * h * l)
            let dT = log(try k(lr, lt + h) / k(lr, lt - h)) / (2 * h * l)
            worst = max(worst, abs(dR - v.total.dlnKappaDlnRho), abs(dT - v.total.dlnKappaDlnT))
        }
        print("opacity total derivatives vs differences: max |Δ| = \(worst)")
        #expect(worst < 1e-4)
        // Solid phase: the conduction's own typed error passes through. Γ = 2.275×10⁵ Z² A^(−1/3) 10^((log R − 18)/3)
        // stays below 175 for He (Γ ≈ 5.7 at log R = 3); pure ⁵⁶Fe at log R = 3 has Γ ≈ 400.
        let iron = try Composition(species: [(1.0, 26, 55.935)])
        #expect(throws: MicrophysicsError.self) { try t.total(logRho: 6, logT: 7, x: 0, z: 0.02, ions: iron) }
    }

    /// A temporary copy of a real table with one thing broken must be refused, naming the file and the line.
    @Test("the loader rejects a malformed table naming the file, the line and the field")
    func malformed() throws {
        let dir = try #require(OpacityTestData.directory)
        let source = dir.url.appendingPathComponent("opacity/gs98/gs98_z0.02_x0.7.data")
        let good = try String(contentsOf: source, encoding: .utf8)
        var lines = good.components(separatedBy: "\n")
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("opacity-malformed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let file = tmp.appendingPathComponent("gs98_z0.02_x0.7.data")
        func attempt(_ text: String) -> OpacityError? {
            do {
                try text.write(to: file, atomically: true, encoding: .utf8)
                _ = try OpacityTableFile.load(file)
                return nil
            } catch let e as OpacityError { return e } catch { return nil }
        }
        // The unbroken copy loads.
        #expect(attempt(good) == nil)
        // A broken number on line 50 (log T row 43): "-0.7x7" in place of the 5th value.
        var broken = lines
        var fields = broken[49].split(separator: " ").map(String.init)
        fields[5] = "-0.7x7"
        broken[49] = "  " + fields.joined(separator: "  ")
        if case let .malformed(f, line, field, _)? = attempt(broken.joined(separator: "\n")) {
            #expect(f == file.path && line == 50 && field.contains("log kappa"))
            print("opacity malformed: \(OpacityError.malformed(file: f, line: line, field: field, reason: "…"))")
        } else { Issue.record("broken number not reported") }
        // "nan" is refused too.
        fields[5] = "nan"
        broken[49] = "  " + fields.joined(separator: "  ")
        if case let .malformed(_, line, _, _)? = attempt(broken.joined(separator: "\n")) { #expect(line == 50) }
        else { Issue.record("nan not reported") }
        // A missing value in a row.
        broken = lines
        broken[99] = String(broken[99].dropLast(8))
        if case let .malformed(_, line, field, _)? = attempt(broken.joined(separator: "\n")) {
            #expect(line == 100 && field.contains("logT row"))
        } else { Issue.record("short row not reported") }
        // Wrong format version and a header X contradicting nothing in the file itself but the name (checked by the family loader).
        broken = lines
        broken[2] = broken[2].replacingOccurrences(of: "      38 ", with: "      37 ")
        if case let .malformed(_, line, field, _)? = attempt(broken.joined(separator: "\n")) {
            #expect(line == 3 && field == "version")
        } else { Issue.record("version not reported") }
        // Truncated: the last 10 rows gone.
        lines.removeLast(12)
        if case let .malformed(_, _, field, reason)? = attempt(lines.joined(separator: "\n")) {
            #expect(field.contains("logT row") && reason.contains("of 138"))
        } else { Issue.record("truncation not reported") }
        // The header's X against the file name: a copy named x0.5 holding the X = 0.7 table.
        let misnamed = tmp.appendingPathComponent("gs98_z0.02_x0.5.data")
        try good.write(to: misnamed, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(at: file)
        #expect(throws: OpacityError.self) { _ = try OpacityTables.loadFamily(tmp, prefix: "gs98") }
    }

    @Test("benchmark runs and reports positive rates (the release figures are in Docs/envelope-opacity.md)")
    func benchmark() throws {
        let t = try #require(OpacityTestData.gs98)
        let r = try t.benchmark(evaluations: 20_000)
        print("opacity benchmark (debug build): \(r)")
        #expect(r.radiativeWithWeights > 0 && r.radiativeFromXZ > 0 && r.totalInCore > 0)
    }
}

/// OPAL against the project's analytic core opacity (`Microphysics.RadiativeOpacity`: Compton + free–free with
/// the Schatz et al. Gaunt factor and the Potekhin & Yakovlev 2001 non-additivity), for hot pure helium.
/// Independent physics, so this measures the analytic fit's systematic. It does not check the interpolation.
@Suite("Opacity: OPAL vs the analytic core opacity")
struct OpacityCoreComparisonTests {
    @Test("pure He, Z = 0, ρ 1e3–1e6, T 3e7–1e8 (log R ≤ 1): OPAL / analytic agree to 10 % where scattering dominates; the ratio and its effect on κ_total")
    func opalVersusAnalytic() throws {
        let t = try #require(OpacityTestData.gs98)
        var lo = Double.infinity, hi = 0.0, worstThin = 0.0, worstTotal = 0.0
        var lines: [String] = []
        for lr in [3.0, 4.0, 5.0, 6.0] {
            var line = "  log ρ \(lr):"
            for lt in [7.5, 7.75, 8.0] {
                let logR = lr - 3 * lt + 18
                guard logR <= 1 else { line += "   —  "; continue }
                let opal = try t.radiative(logRho: lr, logT: lt, x: 0, z: 0).kappa
                let rho = pow(10, lr), temperature = pow(10, lt)
                let eta = try ElectronGas.state(density: rho, temperature: temperature, electronFraction: 0.5).degeneracy
                let fit = RadiativeOpacity.opacity(density: rho, temperature: temperature, charge: 2, mass: 4, degeneracy: eta)
                let r = opal / fit
                lo = min(lo, r); hi = max(hi, r)
                if lr <= 4 { worstThin = max(worstThin, abs(r - 1)) }
                // What the difference does to the total with conduction: 1/κ = 1/κ_rad + 1/κ_cond.
                let cond = try ConductiveOpacity.opacity(density: rho, temperature: temperature, charge: 2, mass: 4)
                worstTotal = max(worstTotal, abs((1 / fit + 1 / cond) / (1 / opal + 1 / cond) - 1))
                line += String(format: " %.3f", r)
            }
            lines.append(line)
        }
        print("opacity OPAL/analytic (He), log T 7.5, 7.75, 8:\n" + lines.joined(separator: "\n"))
        print("opacity OPAL/analytic (He): \(lo)…\(hi); |ratio − 1| ≤ \(worstThin) at ρ ≤ 1e4; effect on κ_total with conduction ≤ \(worstTotal)")
        // Where electron scattering dominates (ρ ≤ 10⁴) the two must agree.
        #expect(worstThin < 0.1)
        // In the degenerate core they differ by up to ~5× (the analytic free–free is larger), but conduction
        // carries the heat there: the measured effect on the total is recorded in Docs/envelope-opacity.md.
        #expect(lo > 0.1 && hi < 1.5)
    }
}
