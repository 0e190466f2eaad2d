import Foundation
import Testing
@testable import StellarboundCLI
import Laboratory

/// The figure helpers of issue 18 item 8: round ticks, contours that enclose what they say, labels that do not overlap.
@Suite("Plotting helpers")
struct PlottingTests {
    @Test("ticks are round numbers (1, 2 or 5 × 10^k apart), inside the range, 2 to 4 of them")
    func niceTicks() {
        #expect(Gnuplot.niceTicks(0.801, 7.16) == [2, 4, 6])
        #expect(zip(Gnuplot.niceTicks(0.20, 0.30), [0.2, 0.25, 0.3]).allSatisfy { abs($0 - $1) < 1e-12 })
        for (lo, hi) in [(0.801, 7.16), (-3.52, -2.2), (0.2, 0.3), (0.00202, 0.0195), (0.7, 1.8), (1e-5, 0.04)] {
            let t = Gnuplot.niceTicks(lo, hi)
            #expect(t.count >= 2 && t.count <= 4, "\(lo)–\(hi): \(t)")
            #expect(t.allSatisfy { $0 >= lo - 1e-12 && $0 <= hi + 1e-12 }, "\(lo)–\(hi): \(t)")
            let step = t[1] - t[0]
            let mantissa = step / pow(10, log10(step).rounded(.down))
            #expect([1.0, 2, 5, 10].contains { abs(mantissa - $0) < 1e-6 }, "step \(step)")
        }
        #expect(Gnuplot.niceTicks(1, 1).isEmpty && Gnuplot.niceTicks(.nan, 1).isEmpty)
    }

    @Test("the 68 % and 95 % contours of a Gaussian cloud enclose about 68 % and 95 % of it")
    func contoursEncloseTheirFractions() {
        // Box–Muller with a fixed linear congruential generator: reproducible.
        var state: UInt64 = 12345
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<20000 {
            let r = (-2 * log(uniform())).squareRoot(), phi = 2 * Double.pi * uniform()
            x.append(r * cos(phi)); y.append(0.5 * r * sin(phi))
        }
        let c = Gnuplot.densityContours(x: x, y: y, xRange: (-4, 4), yRange: (-2, 2), fractions: [0.68, 0.95])
        #expect(c.levels.count == 2 && c.levels[0] > c.levels[1])
        // The grid's cells above each level hold the fraction asked for (to the grid's granularity).
        let cells = c.grid.split(separator: "\n").compactMap { (line: Substring) -> Double? in
            let f = line.split(separator: ",")
            return f.count == 3 ? Double(String(f[2])) : nil
        }
        let total = cells.reduce(0, +)
        for (level, fraction) in zip(c.levels, [0.68, 0.95]) {
            let inside = cells.filter { $0 >= level }.reduce(0, +) / total
            #expect(abs(inside - fraction) < 0.02, "level \(level): \(inside) vs \(fraction)")
        }
        // For a 2-D Gaussian the region holding a fraction f is an ellipse whose edge has density exp(−r²/2) with
        // r² = −2 ln(1 − f): the 95 % level over the 68 % level is exp(−(r₉₅² − r₆₈²)/2) = 0.05/0.32 = 0.156.
        #expect(abs(c.levels[1] / c.levels[0] - 0.156) < 0.03, "\(c.levels[1] / c.levels[0])")
        // The contour lines lie on those ellipses: r = (−2 ln 0.32)^½ = 1.51 and (−2 ln 0.05)^½ = 2.45 in (x, 2y).
        let points = c.segments.split(separator: "\n").compactMap { (line: Substring) -> (Double, Double)? in
            let f = line.split(separator: ",").compactMap { Double(String($0)) }
            return f.count == 2 ? (f[0], f[1]) : nil
        }
        #expect(points.count > 100)
        let radii = points.map { ($0.0 * $0.0 + 4 * $0.1 * $0.1).squareRoot() }
        let inner = radii.filter { $0 < 2 }, outer = radii.filter { $0 >= 2 }
        #expect(!inner.isEmpty && !outer.isEmpty)
        #expect(abs(inner.reduce(0, +) / Double(inner.count) - 1.51) < 0.12, "68 % contour radius")
        #expect(abs(outer.reduce(0, +) / Double(outer.count) - 2.45) < 0.15, "95 % contour radius")
    }

    @Test("compare's labels do not overlap one another, even for points of the same year and limit")
    func labelsDoNotOverlap() {
        let points: [(name: String, x: Double, y: Double)] = [
            ("texono-2007", 2007, log10(7.4e-11)), ("gemma-2007", 2007, log10(5.8e-11)), ("munu-2005", 2005, log10(9e-11)),
            ("super-k-2004", 2004, log10(1.1e-10)), ("xenonnt-2022", 2022, log10(6.4e-12)), ("franz-2023", 2023, log10(6e-12)),
            ("lz-data-2022", 2022, log10(1.1e-11)), ("a", 2010, -11), ("b", 2010, -11), ("c", 2010, -11),
        ]
        let placed = CompareReport.labelPositions(points)
        #expect(placed.count == points.count)
        let boxes = placed.map { p -> (Double, Double, Double, Double) in
            let w = 0.33 * Double(p.name.count)
            let x0 = p.left ? p.x - w : p.x
            return (x0, x0 + w, p.y - 0.06, p.y + 0.06)
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let (a, b) = (boxes[i], boxes[j])
                let overlap = a.0 < b.1 - 1e-9 && b.0 < a.1 - 1e-9 && a.2 < b.3 - 1e-9 && b.2 < a.3 - 1e-9
                #expect(!overlap, "\(placed[i].name) and \(placed[j].name)")
            }
        }
    }

    @Test("a limit beyond the grid draws no line and says so in the key")
    func nonFiniteLimits() {
        #expect(Gnuplot.verticalLine(at: .infinity, colour: "black", width: 1).isEmpty)
        #expect(Gnuplot.verticalLine(at: 2.17, colour: "black", width: 1).contains("first 2.17"))
        #expect(Gnuplot.number(.nan) == "(beyond the grid)" && Gnuplot.number(2.1734) == "2.17")
    }
}

/// Issue 18 item 6: every enumerated option is kebab-case in `--help` and accepted in any case, with '-' or '_'.
@Suite("Enumerated options")
struct EnumeratedOptionTests {
    @Test("choices parse case-insensitively, old camelCase spellings included")
    func caseInsensitive() throws {
        #expect(try BoundCommand.parse(["--coupling", "MAGNETIC_MOMENT"]).coupling == .magneticMoment)
        #expect(try BoundCommand.parse(["--coupling", "magneticMoment"]).coupling == .magneticMoment)
        #expect(try BoundCommand.parse(["--coupling", "Millicharge"]).coupling == .millicharge)
        #expect(try PlasmaCommand.parse(["--density", "1e6", "--temperature", "1e8", "--method", "Table"]).method == .table)
        let star = try StarCommand.parse(["--stop", "FLASH", "--preset", "MESA-R12778", "--eos", "Table"])
        #expect(star.stop == .flash && star.preset == .mesaR12778 && star.eos == .table)
        #expect(try BoundCommand.parse(["--coupling", "Axion-Electron"]).coupling == .axionElectron)
        #expect(throws: (any Error).self) { try BoundCommand.parse(["--coupling", "axion"]) }
        #expect(CouplingArgument.allValueStrings == ["magnetic-moment", "millicharge", "axion-electron"])
    }

    @Test("catalog names in any case: compare --experiment, millicharge --object (issue 18 item 6)")
    func catalogNames() throws {
        let (c1, out1, err1) = try CLITests.run(["compare", "--experiment", "GEMMA-2013,XENONnT-2022", "--stellar-limit", "1.5", "--json"])
        #expect(c1 == 0, "\(err1)")
        #expect(out1.contains("gemma-2013") && out1.contains("xenonnt-2022"))
        let (c2, out2, err2) = try CLITests.run(["millicharge", "--object", "CRAB", "--json"])
        #expect(c2 == 0 && out2.contains("crab"), "\(err2)")
        let (c3, _, err3) = try CLITests.run(["millicharge", "--object", "All", "--period", "1"])
        #expect(c3 == 2 && err3.contains("--object"), "\(err3)")
    }
}
