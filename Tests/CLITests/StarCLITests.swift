import Foundation
import Testing
@testable import StellarboundCLI

@Suite("CLI: star")
struct StarCLITests {
    /// Every flag of `star` out of its range exits 2 naming the flag, before the ZAMS is built (each case returns in
    /// well under a second: no track is run).
    @Test("bad input: exit 2 naming the flag and its range", arguments: [
        (["star", "--mass", "5"], "--mass"), (["star", "--mass", "nan"], "--mass"), (["star", "--helium", "0.6"], "--helium"),
        (["star", "--helium", "0.3", "--metallicity", "0.3"], "--metallicity"),
        (["star", "--helium", "0.45", "--metallicity", "0.06"], "--helium"),
        (["star", "--mixing-length", "0"], "--mixing-length"), (["star", "--reimers-eta", "3"], "--reimers-eta"),
        (["star", "--mu12", "-1"], "--mu12"), (["star", "--millicharge", "2"], "--millicharge"),
        (["star", "--axion-electron", "-0.5"], "--axion-electron"),
        (["star", "--cells", "10"], "--cells"), (["star", "--age", "30"], "--age"),
        (["star", "--time-resolution", "0"], "--time-resolution"), (["star", "--mesh-resolution", "10"], "--mesh-resolution"),
        (["star", "--preset", "mesa"], "--preset"), (["star", "--stop", "tip"], "--stop"), (["star", "--eos", "opal"], "--eos"),
        (["star", "--history", "/nonexistent-dir/h.csv"], "/nonexistent-dir/h.csv"),
    ])
    func badInput(args: [String], flag: String) throws {
        let (code, out, err) = try CLITests.run(args)
        #expect(code == 2, "\(err)")
        #expect(err.contains(flag), "\(err)")
        #expect(out.isEmpty)
    }
}
