import Foundation
import Testing
@testable import StellarboundCLI

@Suite("CLI: zams")
struct ZAMSCLITests {
    @Test("bad input: exit 2 naming the flag and its range, before any table is loaded", arguments: [
        (["zams", "--mass", "5"], "--mass"), (["zams", "--mass", "nan"], "--mass"), (["zams", "--hydrogen", "0.9"], "--hydrogen"),
        (["zams", "--metallicity", "-1"], "--metallicity"), (["zams", "--mixing-length", "0"], "--mixing-length"),
        (["zams", "--cells", "10"], "--cells"), (["zams", "--burning-abundances", "foo"], "--burning-abundances"),
        (["zams", "--profile", "/nonexistent-dir/p.csv"], "/nonexistent-dir/p.csv"), (["bench", "zams", "--models", "0"], "--models"),
    ])
    func badInput(args: [String], flag: String) throws {
        let (code, out, err) = try CLITests.run(args)
        #expect(code == 2, "\(err)")
        #expect(err.contains(flag), "\(err)")
        #expect(out.isEmpty)
    }

    @Test("--profile writes one row per face, centre outwards, with L rising to the surface value")
    func profile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sb-zams-\(getpid()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let (code, out, err) = try CLITests.run(["zams", "--cells", "150", "--profile", file.path, "--json"])
        #expect(code == 0, "\(err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "mass_msun,radius_rsun,luminosity_lsun,gradient,radiative_gradient,adiabatic_gradient,convective")
        #expect(lines.count == 151)
        let last = lines.last!.split(separator: ",").map { Double($0)! }
        #expect(abs(last[2] - (o["luminosity_lsun"] as! Double)) < 1e-9 && abs(last[0] - 1) < 1e-9)
    }
}
