import Testing
import Foundation
@testable import EnvelopePhysics

@Suite("REACLIB loader and rates")
struct ReaclibRateSetTests {
    static let rates = try! ReaclibRateSet.hydrogenBurning()

    @Test("every set sum equals an independent Python evaluation (scripts/reaclib_reference.py) at T9 = 0.015, 0.03, 0.05")
    func againstPython() throws {
        #expect(Self.rates.reactions.count == ReaclibReferenceTable.rates.count)
        for (key, values) in ReaclibReferenceTable.rates {
            let r = try #require(Self.rates.reactions[key], "\(key) missing")
            for (t9, ref) in zip(ReaclibReferenceTable.t9, values) {
                #expect(abs(r.rate(t9: t9) / ref - 1) < 1e-12, "\(key) at T9 = \(t9)")
            }
        }
    }

    @Test("the network's flat hot-path coefficients give the same rates, and d ln λ/d ln T matches a difference quotient")
    func hotPathRates() throws {
        let net = try HydrogenBurning(rates: Self.rates)
        let keys = ["p+p→d", "p+p→d [ec]", "p+he3→he4", "he3+he3→p+p+he4", "he4+he3→be7", "p+c12→n13", "p+c13→n14",
                    "p+n14→o15", "p+n15→he4+c12", "p+n15→o16", "p+o16→f17", "p+o17→he4+n14", "be7→li7 [ec]", "p+be7→b8"]
        for (slot, key) in keys.enumerated() {
            for (i, t9) in ReaclibReferenceTable.t9.enumerated() {
                let (lam, dl) = net.reaclibRate(slot: slot, t9: t9)
                #expect(abs(lam / ReaclibReferenceTable.rates[key]![i] - 1) < 1e-12, "\(key)")
                let h = 1e-5
                let fd = (log(net.reaclibRate(slot: slot, t9: t9 * exp(h)).rate)
                          - log(net.reaclibRate(slot: slot, t9: t9 * exp(-h)).rate)) / (2 * h)
                #expect(abs(dl - fd) < 1e-6 * max(1, abs(fd)), "\(key): \(dl) vs \(fd)")
            }
        }
    }

    @Test("⁷Be electron capture: REACLIB λ/(ρYₑ) times ρYₑ is Bahcall's 5.60e-9 (ρ/μₑ) T₆^(−1/2) [1 + 0.004(T₆ − 16)] s⁻¹ within 2%")
    func beryllium7Capture() throws {
        // Bahcall & Moeller 1969; Adelberger et al. 1998, RMP 70, 1265, §VII (the form used in SSMs).
        let bec = try Self.rates.reaction(["be7"], ["li7"], electronCapture: true)
        #expect(bec.isElectronCapture)
        for t6 in [12.0, 15.7, 20.0] {
            let rhoYe = 150 * 0.67
            let reaclib = rhoYe * bec.rate(t9: t6 / 1000)
            let bahcall = 5.60e-9 * rhoYe / t6.squareRoot() * (1 + 0.004 * (t6 - 16))
            #expect(abs(reaclib / bahcall - 1) < 0.02, "T6 = \(t6): \(reaclib) vs \(bahcall)")
        }
    }

    @Test("a malformed file is rejected naming the file, the line and the field")
    func malformed() throws {
        let good = """
        # comment
        4
                 p  c12  n13                       ls09n     1.94300e+00
         1.714820e+01 0.000000e+00-1.369200e+01-2.308810e-01
         4.443620e+00-3.158980e+00-6.666670e-01
        """
        var set = ReaclibRateSet()
        try set.add(parsing: good, file: "good.txt")
        #expect(try set.reaction(["p", "c12"], ["n13"]).sets.count == 1)
        var bad = ReaclibRateSet()
        #expect(throws: ReaclibError.malformed(file: "bad.txt", line: 5, field: "a5", reason: "\"-3.15x980e+00\" is not a number")) {
            try bad.add(parsing: good.replacingOccurrences(of: "-3.158980e+00", with: "-3.15x980e+00"), file: "bad.txt")
        }
        #expect(throws: ReaclibError.malformed(file: "q.txt", line: 3, field: "Q value", reason: "\"1.94300e+0x\" is not a number")) {
            try bad.add(parsing: good.replacingOccurrences(of: "1.94300e+00", with: "1.94300e+0x"), file: "q.txt")
        }
        #expect(throws: ReaclibError.self) {
            try bad.add(parsing: good.replacingOccurrences(of: "\n4\n", with: "\n12\n"), file: "chapter.txt")
        }
        #expect(throws: ReaclibError.self) {
            try bad.add(parsing: "4\n         p  c12  n13                       ls09n     1.94300e+00\n", file: "short.txt")
        }
        #expect(throws: ReaclibError.missingReaction(key: "p+c12→n13", files: [])) { try ReaclibRateSet().reaction(["p", "c12"], ["n13"]) }
    }

    @Test("the short-lived nuclei live far less than a year at the solar centre (equilibrium is justified)")
    func equilibriumLifetimes() throws {
        let r = Self.rates, t9 = 0.0157, rho = 150.0, yp = 0.34, ye = 0.67
        let year = 3.15576e7
        let lifetimes: [(String, Double)] = [
            ("d", 1 / (rho * yp * (try r.reaction(["p", "d"], ["he3"]).rate(t9: t9)))),
            ("li7", 1 / (rho * yp * (try r.reaction(["p", "li7"], ["he4", "he4"]).rate(t9: t9)))),
            ("be7", 1 / (rho * ye * (try r.reaction(["be7"], ["li7"], electronCapture: true).rate(t9: t9)))),
            ("b8", 1 / (try r.reaction(["b8"], ["he4", "he4"]).rate(t9: t9))),
            ("n13", 1 / (try r.reaction(["n13"], ["c13"]).rate(t9: t9))),
            ("o15", 1 / (try r.reaction(["o15"], ["n15"]).rate(t9: t9))),
            ("f17", 1 / (try r.reaction(["f17"], ["o17"]).rate(t9: t9))),
        ]
        for (name, tau) in lifetimes { #expect(tau < year, "\(name): τ = \(tau / year) yr") }
        // ¹³C is explicit: its lifetime against p capture at 10⁷ K exceeds 10⁴ yr.
        let tau13 = 1 / (rho * 0.7 * (try r.reaction(["p", "c13"], ["n14"]).rate(t9: 0.010)))
        #expect(tau13 > 1e4 * year)
    }
}
