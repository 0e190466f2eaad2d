import Foundation
import TestSupport
import Testing

@Suite("CLI: millicharge")
struct MillichargeCLITests {
    @Test("bad input exits with code 2, naming the flag and its range or the valid objects", arguments: [
        (["millicharge", "--period", "0"], "--period"),
        (["millicharge", "--period", "-3"], "--period"),
        (["millicharge", "--period", "nan"], "--period"),
        (["millicharge", "--field", "0"], "--field"),
        (["millicharge", "--field", "inf"], "--field"),
        (["millicharge", "--radius", "-10"], "--radius"),
        (["millicharge", "--neutrinos", "0"], "--neutrinos"),
        (["millicharge", "--neutrinos", "-1e58"], "--neutrinos"),
        (["millicharge", "--mass", "nan"], "--mass"),
        (["millicharge", "--net-fraction", "2"], "--net-fraction"),
        (["millicharge", "--inertia-coefficient", "1"], "--inertia-coefficient"),
        (["millicharge", "--total-energy", "3e53", "--mean-energy", "0"], "--mean-energy"),
        (["millicharge", "--total-energy", "3e53"], "--mean-energy"),
        (["millicharge", "--geometry", "toroidal"], "neutrinosphere"),
        (["millicharge", "--object", "vela"], "newborn-st2014"),
        (["millicharge", "--object", "all", "--period", "1"], "--object"),
        (["millicharge", "--cl", "1"], "--cl"),
        (["bound", "--coupling", "charge"], "millicharge"),
        (["bound", "--coupling", "millicharge", "--mu12", "2"], "--coupling"),
    ])
    func badInput(args: [String], needle: String) throws {
        let (code, out, err) = try CLITests.run(args)
        #expect(code == 2, "\(err)")
        #expect(err.contains(needle), "stderr: \(err)")
        #expect(out.isEmpty)
    }

    @Test("millicharge --json: every object with q_limit_e0 and its inputs; the published bound reproduced; overrides scale it")
    func json() throws {
        let (code, out, err) = try CLITests.run(["millicharge", "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let objects = try #require(o["objects"] as? [[String: Any]])
        #expect(objects.count >= 4)
        for x in objects {
            #expect(((x["q_limit_e0"] as? Double) ?? .nan).isFinite)
            let inputs = try #require(x["inputs"] as? [String: Any])
            for key in ["period_s", "field_g", "mass_msun", "radius_km", "moment_of_inertia_g_cm2", "neutrino_number", "net_fraction"] {
                #expect(((inputs[key] as? Double) ?? .nan) > 0, "\(key)")
            }
        }
        let st = try #require(objects.first { $0["object"] as? String == "newborn-st2014" })
        let q = st["q_limit_e0"] as? Double ?? 0
        #expect(isClose(q, 1.3e-19, rel: 0.04), "νST fiducial: \(q)")
        let comparison = try #require(o["comparison"] as? [[String: Any]])
        let limits = comparison.compactMap { $0["q_limit_e0"] as? Double }
        #expect(limits == limits.sorted() && limits.count == comparison.count)
        #expect(comparison.contains { $0["name"] as? String == "texono-2014" && $0["cl"] as? Double == 0.9 })
        #expect(o["red_giant"] is NSNull)

        // Overrides apply to the default newborn star: P₀ × 10 → q_lim / 10; N from energy and mean energy.
        let (c2, out2, _) = try CLITests.run(["millicharge", "--period", "100", "--json"])
        #expect(c2 == 0)
        let o2 = try #require(try JSONSerialization.jsonObject(with: Data(out2.utf8)) as? [String: Any])
        let one = try #require((o2["objects"] as? [[String: Any]])?.first)
        #expect(one["object"] as? String == "newborn-st2014" && one["inputs_overridden"] as? Bool == true)
        #expect(isClose(one["q_limit_e0"] as? Double ?? 0, q / 10, rel: 1e-9))
        let (c3, out3, _) = try CLITests.run(["millicharge", "--object", "crab", "--total-energy", "3e53", "--mean-energy", "18.72", "--json"])
        #expect(c3 == 0)
        let crab = try #require(((try JSONSerialization.jsonObject(with: Data(out3.utf8)) as? [String: Any])?["objects"] as? [[String: Any]])?.first)
        let n = (crab["inputs"] as? [String: Any])?["neutrino_number"] as? Double ?? 0
        #expect(isClose(n, 1e58, rel: 1e-3))
    }

    @Test("millicharge --plot writes the chart and its CSV; the text names every object")
    func plotAndText() throws {
        let plot = FileManager.default.temporaryDirectory.appendingPathComponent("sb-charge-\(getpid()).svg").path
        let csv = plot.replacingOccurrences(of: ".svg", with: ".csv")
        defer { for f in [plot, csv] { try? FileManager.default.removeItem(atPath: f) } }
        let (code, out, err) = try CLITests.run(["millicharge", "--plot", plot])
        #expect(code == 0, "\(err)")
        for name in ["newborn-st2014", "crab", "sgr-1806-20", "psr-j0437-4715", "neutrality-of-matter", "assumption breaks"] {
            #expect(out.contains(name), "\(name)")
        }
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "index,name,q_limit_e0,kind,kind_index,assumptions_hold")
        #expect(lines.count > 10)
        #expect(FileManager.default.fileExists(atPath: plot))
    }

    @Test("a malformed neutron-star file: exit 2 naming the file, the entry and the field")
    func malformedData() throws {
        let fm = FileManager.default
        let src = StellarModelsFixture.url
        let dir = fm.temporaryDirectory.appendingPathComponent("sb-models-ns-\(getpid())")
        try? fm.removeItem(at: dir)
        try fm.copyItem(at: src, to: dir)
        defer { try? fm.removeItem(at: dir) }
        let file = dir.appendingPathComponent("millicharge/neutron-stars.json")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"period_s\": 0.0193,", with: "\"period_s\": -0.0193,")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (code, out, err) = try CLITests.run(["millicharge", "--data-dir", dir.path])
        #expect(code == 2 && out.isEmpty)
        #expect(err.contains("neutron-stars.json") && err.contains("crab") && err.contains("period"), "\(err)")
    }
}
