import Foundation
import TestSupport
import Testing
@testable import StellarboundCLI

/// The command line as users script it: exit codes, JSON keys, CSV and plot files.
@Suite("Command line")
struct CLITests {
    /// The built `stellarbound` executable (a dependency of this test target).
    static func binary() throws -> URL {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("stellarbound"))
        candidates.append(bundle.appendingPathComponent("stellarbound"))
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("stellarbound"))
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("stellarbound"))
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        throw CocoaError(.fileNoSuchFile, userInfo: ["candidates": candidates.map(\.path)])
    }

    /// The track store of this test process's command-line runs (a fresh temporary directory): tracks repeated
    /// across tests are computed once, and no test reads a store left by another build.
    static let testStore: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stellarbound-test-store-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: dir)
        return dir
    }()

    /// Runs the binary (or `executable`, in `directory` when given); returns (exit code, stdout, stderr).
    static func run(_ args: [String], executable: URL? = nil, environment: [String: String]? = nil,
                    directory: URL? = nil) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = try executable ?? binary()
        if let directory { p.currentDirectoryURL = directory }
        // Every run gets a track store of this test process (never the user's), unless the test chooses one.
        var base = ProcessInfo.processInfo.environment
        base["STELLARBOUND_STORE"] = testStore.path
        p.environment = base.merging(environment ?? [:]) { $1 }
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test("bad input exits with code 2 and names the flag and its range", arguments: [
        (["plasma", "--density", "-1", "--temperature", "1e8"], "--density"),
        (["plasma", "--density", "0", "--temperature", "1e8"], "--density"),
        (["plasma", "--density", "nan", "--temperature", "1e8"], "--density"),
        (["plasma", "--density", "1e6", "--temperature", "inf"], "--temperature"),
        (["plasma", "--density", "1e6", "--temperature", "-5"], "--temperature"),
        (["plasma", "--density", "1e6", "--temperature", "1e8", "--ye", "0"], "--ye"),
        (["plasma", "--density", "1e6", "--temperature", "1e8", "--ye", "1.01"], "--ye"),
        (["plasma", "--density", "1e6", "--temperature", "1e8", "--mu12", "-0.5"], "--mu12"),
        (["plasma", "--density", "1e6", "--temperature", "1e8", "--millicharge", "-1e-14"], "--millicharge"),
        (["plasma", "--density", "1e6", "--temperature", "1e8", "--sin2-theta-w", "0.9"], "--sin2-theta-w"),
        (["plasma", "--density", "1e6", "--temperature", "1e8", "--frobnicate"], "--frobnicate"),
        (["dispersion", "--density", "1e6", "--temperature", "1e8", "--points", "1"], "--points"),
        (["plasma-map", "--step", "0"], "--step"),
        (["bench", "plasma", "--seconds", "-1"], "--seconds"),
        (["summary", "--mu12", "-1"], "--mu12"),
        (["microphysics", "--density", "1e6", "--temperature", "1e8", "--composition", "he4:0.5"], "--composition"),
        (["microphysics", "--density", "1e6", "--temperature", "1e8", "--composition", "xx:1"], "--composition"),
        (["microphysics", "--density", "1e6", "--temperature", "1e5"], "--temperature"),
        (["microphysics", "--density", "-1", "--temperature", "1e8"], "--density"),
        (["plasma", "--density", "1", "--temperature", "1e4", "--ye", "1e-9"], "--ye"),
    ])
    func badInput(args: [String], flag: String) throws {
        let (code, out, err) = try Self.run(args)
        #expect(code == 2)
        #expect(err.contains(flag), "stderr: \(err)")
        #expect(!out.lowercased().contains("nan"))
    }

    @Test("in-process: exit codes without a crash; help exits 0")
    func inProcess() {
        #expect(Stellarbound.run(arguments: ["plasma", "--density", "1e6", "--temperature", "0"]) == 2)
        #expect(Stellarbound.run(arguments: ["--help"]) == 0)
        #expect(Stellarbound.run(arguments: ["nonsense-command"]) == 2)
        #expect(Stellarbound.joiningNegativeNumbers(["--mu12", "-1", "--x", "-y"]) == ["--mu12=-1", "--x", "-y"])
    }

    @Test("the quadrature reference works where it used to fail (cold degenerate gas, γ ~ 1e-6)", arguments: [
        ["--density", "1e10", "--temperature", "1e4"], ["--density", "1e14", "--temperature", "1e4"],
        ["--density", "7e-9", "--temperature", "6.3e6"],
    ])
    func quadratureReference(args: [String]) throws {
        let (code, out, err) = try Self.run(["plasma"] + args + ["--method", "quadrature", "--json"])
        #expect(code == 0, "\(err)")
        // Valid JSON (which has no NaN or infinity literals) with a positive standard rate.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(((object["q_standard_erg_cm3_s"] as? Double) ?? -1) >= 0)
    }

    @Test("plasma --json: the documented keys, all finite, standard = T + L + axial")
    func plasmaJSON() throws {
        let (code, out, _) = try Self.run(["plasma", "--density", "1e6", "--temperature", "1e8", "--mu12", "3",
                                           "--millicharge", "1e-14", "--json"])
        #expect(code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let keys = ["omega_p_keV", "omega_1_keV", "v_star", "q_transverse_erg_cm3_s", "q_longitudinal_erg_cm3_s",
                    "q_axial_erg_cm3_s", "q_standard_erg_cm3_s", "q_magnetic_erg_cm3_s", "q_millicharge_erg_cm3_s",
                    "q_itoh_fit_erg_cm3_s"]
        for k in keys { #expect((object[k] as? Double)?.isFinite == true, "\(k)") }
        let t = object["q_transverse_erg_cm3_s"] as! Double, l = object["q_longitudinal_erg_cm3_s"] as! Double
        let a = object["q_axial_erg_cm3_s"] as! Double, s = object["q_standard_erg_cm3_s"] as! Double
        #expect(isClose(t + l + a, s, rel: 1e-9))
        #expect(isClose(object["omega_p_keV"] as! Double, 17.977, rel: 1e-3))
    }

    @Test("dispersion --csv: header, ω_T > k, ω_L only up to k_max")
    func dispersionCSV() throws {
        let (code, out, _) = try Self.run(["dispersion", "--density", "1e6", "--temperature", "1e8", "--csv", "--points", "11"])
        #expect(code == 0)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.first == "k_keV,omega_transverse_keV,omega_longitudinal_keV,residue_transverse,residue_longitudinal")
        #expect(lines.count == 12)
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(Double(f[1])! > Double(f[0])!)
        }
        #expect(lines.last!.split(separator: ",", omittingEmptySubsequences: false)[2].isEmpty)
    }

    @Test("plots are written with their numbers as CSV beside them")
    func plots() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("disp.svg").path
        let (code, _, err) = try Self.run(["dispersion", "--density", "1e6", "--temperature", "1e8", "--plot", svg])
        #expect(code == 0, "\(err)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("disp.csv").path))
        let map = dir.appendingPathComponent("map.png").path
        let (code2, _, err2) = try Self.run(["plasma-map", "--step", "0.5", "--plot", map])
        #expect(code2 == 0, "\(err2)")
        let png = try Data(contentsOf: URL(fileURLWithPath: map))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let csv = try String(contentsOfFile: dir.appendingPathComponent("map.csv").path, encoding: .utf8)
        #expect(csv.hasPrefix("log10_density_g_cm3,log10_temperature_k,q_standard_erg_cm3_s"))
        #expect(err2.contains("red-giant box"))
        let (code3, _, err3) = try Self.run(["dispersion", "--density", "1e6", "--temperature", "1e8", "--plot", dir.appendingPathComponent("x.gif").path])
        #expect(code3 == 2 && err3.contains("--plot"))
    }

    @Test("the plot's grid copy fills empty cells with NaN and keeps the blank scan separators")
    func gridCopy() {
        let csv = "a,b,c\n1,,3\n\n4,5,\n"
        #expect(gnuplotGrid(fromCSV: csv) == "a,b,c\n1,NaN,3\n\n4,5,NaN\n")
    }

    @Test("microphysics --json: every key finite; parts sum to the total pressure; plasma dominates ν losses at the RG centre")
    func microphysicsJSON() throws {
        let (code, out, err) = try Self.run(["microphysics", "--density", "1e6", "--temperature", "8e7", "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        func v(_ k: String) -> Double { (o[k] as? Double) ?? .nan }
        let parts = v("pressure_electrons_dyn_cm2") + v("pressure_ions_dyn_cm2") + v("pressure_coulomb_dyn_cm2")
            + v("pressure_radiation_dyn_cm2")
        #expect(isClose(parts, v("pressure_dyn_cm2"), rel: 1e-9))   // JSON carries 10 significant digits
        #expect(v("eps_nu_plasma_erg_g_s") > 10 * (v("eps_nu_photo_erg_g_s") + v("eps_nu_brems_erg_g_s")))
        #expect(v("kappa_total_cm2_g") < v("kappa_conductive_cm2_g"))
        for key in ["eps_3alpha_erg_g_s", "kappa_radiative_cm2_g", "nabla_ad", "chi_t", "eps_nu_total_erg_g_s"] {
            #expect(v(key).isFinite && v(key) > 0, "\(key)")
        }
    }

    @Test("microphysics: a model outside its range is null with a note, even the EOS at a solid point (issue 18 (5))")
    func microphysicsRanges() throws {
        let (code, out, err) = try Self.run(["microphysics", "--density", "1e14", "--temperature", "1e9", "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(o["eps_3alpha_erg_g_s"] is NSNull)
        #expect(((o["notes"] as? [String]) ?? []).contains { $0.contains("T/T_p") })
        #expect((o["pressure_dyn_cm2"] as? Double).map { $0 > 0 } == true)
        // A solid point (Γ > 175) used to fail the whole point with exit 2: now the EOS rows and those that need
        // it are null with the reason, and the rest of the point is reported.
        let (code2, out2, err2) = try Self.run(["microphysics", "--density", "1e9", "--temperature", "1e6", "--json"])
        #expect(code2 == 0, "\(err2)")
        let o2 = try #require(try JSONSerialization.jsonObject(with: Data(out2.utf8)) as? [String: Any])
        for key in ["pressure_dyn_cm2", "nabla_ad", "kappa_radiative_cm2_g", "kappa_total_cm2_g"] { #expect(o2[key] is NSNull, "\(key)") }
        #expect(((o2["notes"] as? [String]) ?? []).contains { $0.contains("EOS") && $0.contains("Γ") && $0.contains("175") })
        #expect((o2["eps_nu_total_erg_g_s"] as? Double).map { $0.isFinite } == true)
    }

    @Test("an installed binary (prefix/bin + prefix/share/stellarbound/StellarModels) finds its data there")
    func installedLayout() throws {
        let fm = FileManager.default
        let prefix = fm.temporaryDirectory.appendingPathComponent("sb-prefix-\(getpid())")
        defer { try? fm.removeItem(at: prefix) }
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: prefix.appendingPathComponent("share/stellarbound"), withIntermediateDirectories: true)
        let exe = prefix.appendingPathComponent("bin/stellarbound")
        try fm.copyItem(at: try Self.binary(), to: exe)
        let repoModels = StellarModelsFixture.url
        let share = prefix.appendingPathComponent("share/stellarbound/StellarModels")
        try fm.copyItem(at: repoModels, to: share)
        let (code, out, err) = try Self.run(["data-dir", "--json"], executable: exe, environment: ["STELLARBOUND_DATA": ""])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(o["origin"] as? String == "installed")
        #expect((o["data_dir"] as? String) == share.standardizedFileURL.path)
        // The installed data is what microphysics reads: a nuclide added there is accepted.
        let file = share.appendingPathComponent("composition/species.json")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: #"{ "name": "fe56""#, with: #"{ "name": "ca40", "charge": 20, "mass_number": 40 },\#n    { "name": "fe56""#)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (code2, _, err2) = try Self.run(["microphysics", "--density", "1e6", "--temperature", "1e8", "--composition", "ca40:1"],
                                            executable: exe, environment: ["STELLARBOUND_DATA": ""])
        #expect(code2 == 0, "\(err2)")
        // A malformed installed file is named with its field; exit 2.
        try #"{"source": "x", "species": [{"name": "he4", "mass_number": 4}]}"#.write(to: file, atomically: true, encoding: .utf8)
        let (code3, _, err3) = try Self.run(["microphysics", "--density", "1e6", "--temperature", "1e8"],
                                            executable: exe, environment: ["STELLARBOUND_DATA": ""])
        #expect(code3 == 2 && err3.contains("species.json") && err3.contains("species[0] (he4).charge"), "\(err3)")
    }

    @Test("bench eos --json reports both rates")
    func benchEOS() throws {
        let (code, out, err) = try Self.run(["bench", "eos", "--seconds", "0.05", "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(((o["eos_table_evals_per_s"] as? Double) ?? 0) > 0 && ((o["eos_direct_evals_per_s"] as? Double) ?? 0) > 0)
    }

    @Test("the default job (no arguments) prints the red-giant summary")
    func defaultJob() throws {
        let (code, out, _) = try Self.run([])
        #expect(code == 0)
        #expect(out.contains("red-giant") && out.contains("exact/Itoh"))
    }
}

@Suite("CLI: flash")
struct FlashCLITests {
    @Test("flash: bad input exits with code 2 and names the flag and its range", arguments: [
        (["flash", "--mass", "0.5"], "--mass"),
        (["flash", "--mass", "3"], "--mass"),
        (["flash", "--helium", "1"], "--helium"),
        (["flash", "--helium", "-0.1"], "--helium"),
        (["flash", "--metallicity", "1.2"], "--metallicity"),
        (["flash", "--helium", "0.75", "--metallicity", "0.3"], "--helium + --metallicity"),
        (["flash", "--mu12", "-1"], "--mu12"),
        (["flash", "--millicharge", "2"], "--millicharge"),
        (["flash", "--axion-electron", "-1"], "--axion-electron"),
        (["flash", "--axion-electron", "nan"], "--axion-electron"),
        (["flash", "--axion-electron", "1e3"], "--axion-electron"),
        (["bound", "--coupling", "axion", "--calibration", "ngc4258-cr2020"], "axion-electron"),
        (["joint", "--cl", "1.5"], "--cl"),
        (["joint", "--theory-error", "-0.1"], "--theory-error"),
        (["joint", "--calibration", "nope"], "ngc4258-cr2020"),
        (["posterior", "--coupling", "axion-electron", "--mu12-max", "3"], "--mu12-max"),
        (["posterior", "--coupling", "axion-electron", "--g13-max", "9"], "--g13-max"),
        (["flash", "--conduction", "iben1975"], "--conduction"),
        (["flash", "--edge-relations", "nope"], "rw70-hpt00"),
        (["flash", "--cells", "2"], "--cells"),
        (["flash", "--flash-threshold", "0"], "--flash-threshold"),
        (["flash", "--start-core-mass", "0.45"], "--start-core-mass"),
        (["bench", "flash", "--tracks", "0"], "--tracks"),
    ])
    func badInput(args: [String], flag: String) throws {
        let (code, out, err) = try CLITests.run(args)
        #expect(code == 2, "\(err)")
        #expect(err.contains(flag), "stderr: \(err)")
        #expect(out.isEmpty)
    }

    @Test("flash --json: the documented keys; the core mass in the full-code range; CSV files with their headers")
    func json() throws {
        let dir = FileManager.default.temporaryDirectory
        let h = dir.appendingPathComponent("sb-h-\(getpid()).csv").path, p = dir.appendingPathComponent("sb-p-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: h); try? FileManager.default.removeItem(atPath: p) }
        let (code, out, err) = try CLITests.run(["flash", "--json", "--history", h, "--profile", p])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        for key in ["core_mass_msun", "log_l_tip", "ignition_mass_msun", "ignition_density_g_cm3", "ignition_temperature_k",
                    "central_density_g_cm3", "central_temperature_k", "age_yr"] {
            #expect(((o[key] as? Double) ?? .nan).isFinite, "\(key)")
        }
        #expect(o["status"] as? String == "flashed")
        #expect((o["steps"] as? Int ?? 0) > 10)
        let mc = o["core_mass_msun"] as? Double ?? 0
        #expect(mc > 0.48 && mc < 0.5)
        let history = try String(contentsOfFile: h, encoding: .utf8).split(separator: "\n")
        #expect(history.first?.hasPrefix("step,age_yr,core_mass_msun,") == true)
        #expect(history.count == (o["steps"] as? Int ?? 0) + 1)
        let profile = try String(contentsOfFile: p, encoding: .utf8).split(separator: "\n")
        #expect(profile.first?.hasPrefix("mass_msun,radius_cm,density_g_cm3,temperature_k,") == true)
        #expect(!profile.joined().lowercased().contains("nan"))
    }

    @Test("a track that cannot finish reports status failed with its reason (JSON, exit 1), never hangs")
    func failedTrack() throws {
        let (code, out, err) = try CLITests.run(["flash", "--json", "--max-steps", "10"])
        #expect(code == 1)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(o["status"] as? String == "failed")
        #expect((o["failure_reason"] as? String)?.contains("no flash within 10 steps") == true)
        #expect(o["core_mass_msun"] is NSNull)
        #expect(err.contains("did not reach the flash"))
    }

    @Test("bench flash --json reports tracks_per_s")
    func bench() throws {
        let (code, out, err) = try CLITests.run(["bench", "flash", "--tracks", "1", "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(((o["tracks_per_s"] as? Double) ?? 0) > 0)
        #expect(((o["peak_memory_mb"] as? Double) ?? 0) > 0)
    }
}

@Suite("CLI: bound and posterior")
struct BoundCLITests {
    @Test("bad input exits with code 2 before any track, naming the flag, the valid names or the field", arguments: [
        (["bound", "--calibration", "m55"], "m5-viaux2013"),
        (["bound", "--cl", "1.5"], "--cl"),
        (["bound", "--cl", "0"], "--cl"),
        (["bound", "--theory-error", "-0.1"], "--theory-error"),
        (["bound", "--mu12", "-1"], "--mu12"),
        (["bound", "--moments", "/nonexistent/m.json"], "m.json"),
        (["bound", "--engine", "envelope"], "--engine"),
        (["bound", "--engine", "whole-star", "--grid", "g.json"], "--grid"),
        (["bound", "--engine", "whole-star", "--mu12", "9", "--calibration", "m5-viaux2013"], "allowed [0, 8"),
        (["posterior", "--calibration", "nope"], "omega-cen-cr2020"),
        (["posterior", "--mass-min", "0.9", "--mass-max", "0.8"], "--mass-min"),
        (["posterior", "--z-min", "1e-6"], "z"),
        (["posterior", "--mu12-max", "20"], "--mu12-max"),
        (["posterior", "--priors", "flat"], "--priors"),
        (["posterior", "--walkers", "7"], "--walkers"),
        (["posterior", "--cl", "1"], "--cl"),
    ])
    func badInput(args: [String], needle: String) throws {
        let (code, out, err) = try CLITests.run(args)
        #expect(code == 2, "\(err)")
        #expect(err.contains(needle), "stderr: \(err)")
        #expect(out.isEmpty)
    }

    @Test("a Majorana matrix that is not antisymmetric is refused with the file, entry and element named")
    func badMajorana() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-moments-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #"{"type": "majorana", "basis": "flavour", "magnetic": {"re": [[0, 1, 0], [1, 0, 0], [0, 0, 0]]}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (code, _, err) = try CLITests.run(["bound", "--moments", path])
        #expect(code == 2)
        #expect(err.contains(path) && err.contains("antisymmetric") && err.contains("[0][1]"), "\(err)")
    }

    @Test("a malformed calibration file: exit 2 naming the file, the entry and the field")
    func malformedData() throws {
        let fm = FileManager.default
        let src = StellarModelsFixture.url
        let dir = fm.temporaryDirectory.appendingPathComponent("sb-models-\(getpid())")
        try? fm.removeItem(at: dir)
        try fm.copyItem(at: src, to: dir)
        defer { try? fm.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trgb/calibrations.json")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"stat_error\": 0.05,", with: "\"stat_error\": \"small\",")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (code, out, err) = try CLITests.run(["bound", "--data-dir", dir.path])
        #expect(code == 2)
        #expect(out.isEmpty)
        #expect(err.contains("calibrations.json") && err.contains("omega-cen-cr2020") && err.contains("stat_error"), "\(err)")
    }

    @Test("bound --json: the contract keys for one calibration; a tested Dirac matrix; the plot and its CSV")
    func json() throws {
        let dir = FileManager.default.temporaryDirectory
        let plot = dir.appendingPathComponent("sb-bound-\(getpid()).svg").path, csv = plot.replacingOccurrences(of: ".svg", with: ".csv")
        let moments = dir.appendingPathComponent("sb-dirac-\(getpid()).json").path
        defer { for f in [plot, csv, moments] { try? FileManager.default.removeItem(atPath: f) } }
        try #"{"type": "dirac", "basis": "flavour", "magnetic": {"re": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}}"#
            .write(toFile: moments, atomically: true, encoding: .utf8)
        let (code, out, err) = try CLITests.run(["bound", "--calibration", "m5-viaux2013", "--no-systematics", "--json",
                                                 "--plot", plot, "--moments", moments])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let cals = try #require(o["calibrations"] as? [[String: Any]])
        #expect(cals.count == 1)
        let c = cals[0]
        #expect(c["calibration"] as? String == "m5-viaux2013")
        #expect(c["cl"] as? Double == 0.95)
        for key in ["mu12_limit", "mu12_limit_delta_chi2", "mu12_limit_feldman_cousins", "observed_m_i", "predicted_m_i_standard",
                    "core_mass_standard_msun", "teff_tip_k", "bc_i"] {
            #expect(((c[key] as? Double) ?? .nan).isFinite, "\(key)")
        }
        #expect(c["observed_m_i"] as? Double == -4.17)
        let limit = c["mu12_limit"] as? Double ?? 0
        #expect(limit > 2 && limit < 5)
        #expect((o["quantity"] as? String)?.contains("basis independent") == true)
        let tested = try #require(o["tested"] as? [String: Any])
        #expect(abs((tested["mu12"] as? Double ?? 0) - 3.0.squareRoot()) < 1e-9)
        #expect(abs((tested["sum_squared_other_basis"] as? Double ?? 0) - 3) < 1e-9)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "mu12,m_i_m5-viaux2013,theory_error_m5-viaux2013,likelihood_m5-viaux2013")
        #expect(FileManager.default.fileExists(atPath: plot))
    }
}

extension BoundCLITests {
    @Test("a population outside the photometry's tables is refused before any track (exit 2, entry named)")
    func populationOutsideTables() throws {
        let fm = FileManager.default
        let src = StellarModelsFixture.url
        let dir = fm.temporaryDirectory.appendingPathComponent("sb-models-feh-\(getpid())")
        try? fm.removeItem(at: dir)
        try fm.copyItem(at: src, to: dir)
        defer { try? fm.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trgb/calibrations.json")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"feh_error\": 0.1,", with: "\"feh_error\": 0.9,")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let start = Date()
        let (code, out, err) = try CLITests.run(["bound", "--data-dir", dir.path, "--calibration", "m5-viaux2013"])
        #expect(code == 2 && out.isEmpty)
        #expect(err.contains("m5-viaux2013") && err.contains("[Fe/H]") && err.contains("[-2.1, -0.5]"), "\(err)")
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
