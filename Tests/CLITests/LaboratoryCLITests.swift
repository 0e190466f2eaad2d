import Foundation
import TestSupport
import Testing

@Suite("CLI: compare and scattering")
struct LaboratoryCLITests {
    static func write(_ text: String, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(name)-\(getpid()).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("bad input exits with code 2 and says what is wrong", arguments: [
        (["compare", "--stellar-limit", "-1"], "--stellar-limit"),
        (["compare", "--stellar-limit", "nan"], "--stellar-limit"),
        (["compare", "--mu12", "-2", "--stellar-limit", "2"], "--mu12"),
        (["compare", "--experiment", "kamland", "--stellar-limit", "2"], "xenonnt-2022"),
        (["compare", "--pmns", "nufit-9", "--stellar-limit", "2"], "nufit-6.0-sk"),
        (["compare", "--cl", "2"], "--cl"),
        (["scattering", "--source", "sun"], "--source"),
        (["scattering", "--threshold", "0"], "--threshold"),
        (["scattering", "--threshold", "40"], "--window-max"),
        (["scattering", "--exposure", "-5"], "--exposure"),
        (["scattering", "--mu12", "nan"], "--mu12"),
        (["scattering", "--power", "3"], "--distance"),
        (["scattering", "--target", "argon"], "ge"),
    ])
    func badInput(args: [String], needle: String) throws {
        let (code, out, err) = try CLITests.run(args)
        #expect(code == 2, "\(err)")
        #expect(err.contains(needle), "stderr: \(err)")
        #expect(out.isEmpty)
    }

    @Test("bad matrices: non-square, non-antisymmetric Majorana, non-finite: exit 2 naming the problem", arguments: [
        (#"{"type": "dirac", "basis": "mass", "magnetic": {"re": [[1, 0], [0, 1]]}}"#, "3×3"),
        (#"{"type": "majorana", "basis": "mass", "magnetic": {"re": [[0, 1, 0], [1, 0, 0], [0, 0, 0]]}}"#, "antisymmetric"),
        (#"{"type": "dirac", "basis": "mass", "magnetic": {"re": [[1e999, 0, 0], [0, 1, 0], [0, 0, 1]]}}"#, "matrix"),
        (#"{"type": "sterile", "basis": "mass", "magnetic": {"re": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}}"#, "dirac"),
    ])
    func badMatrix(text: String, needle: String) throws {
        let path = try Self.write(text, "badmatrix-\(abs(text.hashValue))")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (code, out, err) = try CLITests.run(["compare", "--matrix", path, "--stellar-limit", "2.3"])
        #expect(code == 2, "\(err)")
        #expect(err.contains(needle), "\(err)")
        #expect(out.isEmpty)
    }

    @Test("compare --json with a matrix: every limit with what it constrains; the diagonal case; the plot and its CSV")
    func compareJSON() throws {
        let path = try Self.write(#"{"type": "dirac", "basis": "mass", "magnetic": {"re": [[2, 0, 0], [0, 2, 0], [0, 0, 2]]}}"#, "diag")
        let plot = path.replacingOccurrences(of: ".json", with: ".svg"), csv = path.replacingOccurrences(of: ".json", with: ".csv")
        defer { for f in [path, plot, csv] { try? FileManager.default.removeItem(atPath: f) } }
        let (code, out, err) = try CLITests.run(["compare", "--matrix", path, "--stellar-limit", "2.34", "--json", "--plot", plot])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let limits = try #require(o["limits"] as? [[String: Any]])
        #expect(limits.count > 15)
        let values = limits.compactMap { $0["limit_mu_b"] as? Double }
        #expect(values == values.sorted())
        for l in limits where (l["beam"] as? String) != "stellar" {
            // Equal diagonal Dirac entries: every experiment sees the entry itself.
            #expect(abs((l["matrix_moment_mu_b"] as? Double ?? 0) - 2e-12) < 1e-20, "\(l["name"] ?? "")")
            #expect(!((l["constrains"] as? String) ?? "").isEmpty)
        }
        let mine = try #require(limits.first { ($0["computed"] as? Bool) == true })
        #expect(abs((mine["matrix_moment_mu_b"] as? Double ?? 0) - 2e-12 * 3.0.squareRoot()) < 1e-20)
        #expect(isClose(o["standard_model_dirac_moment_mu_b_per_ev"] as? Double ?? 0, 3.2e-19, rel: 0.01))
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("year,limit_mu_b,name,group"))
        #expect(FileManager.default.fileExists(atPath: plot))
    }

    @Test("compare computes the stellar limit with the bound extractor")
    func compareComputed() throws {
        let (code, out, err) = try CLITests.run(["compare", "--calibration", "m5-viaux2013", "--no-systematics", "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(o["stellar_limit_computed"] as? Bool == true)
        let limit = o["stellar_limit_mu12"] as? Double ?? 0
        #expect(limit > 2 && limit < 5)
        let cals = try #require(o["stellar_calibrations"] as? [[String: Any]])
        #expect(cals.first?["calibration"] as? String == "m5-viaux2013")
    }

    @Test("scattering --json: spectra finite, the magnetic excess grows towards low recoil; XENONnT-like reach near 6.4e-12")
    func scatteringJSON() throws {
        let (code, out, err) = try CLITests.run(["scattering", "--source", "solar", "--target", "xe", "--mu12", "6.4", "--threshold", "1",
                                                 "--window-max", "10", "--exposure", "4.23e5", "--background", "4.33e-5", "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let s = try #require(o["spectrum"] as? [[String: Any]])
        let ratio = s.compactMap { p -> Double? in
            guard let w = p["weak_per_kev_kg_day"] as? Double, let m = p["magnetic_per_kev_kg_day"] as? Double, w > 0 else { return nil }
            return m / w
        }
        #expect(ratio.count > 10 && ratio.first! > ratio.last!)
        let reach = (o["projections"] as? [[String: Any]])?.first?["reach_mu_b"] as? Double ?? 0
        // XENONnT 2022 (1.16 t yr, 15.8 events/(t yr keV)): 6.4e-12 μ_B at 90 % CL; a counting estimate: within 50 %.
        #expect(reach > 6.4e-12 / 1.5 && reach < 6.4e-12 * 1.5, "reach \(reach)")
    }
}
