import Foundation
import GSL
import Testing
@testable import Henyey

/// Column-major helpers: random diagonally dominant m×m blocks.
private func randomBlocks(n: Int, m: Int, diagonal: Double, using rng: inout some RandomNumberGenerator) -> [[Double]] {
    (0..<n).map { _ in (0..<(m * m)).map { i in (i % (m + 1) == 0 ? diagonal : 0) + Double.random(in: -1...1, using: &rng) } }
}

@Suite("Block-tridiagonal solver")
struct BlockTridiagonalTests {
    @Test("agrees with the GSL layer's block Thomas solver to 1e-10 for m = 4 and m = 7", arguments: [4, 7])
    func againstGSL(m: Int) throws {
        var rng = SystemRandomNumberGenerator()
        let n = 30
        let a = randomBlocks(n: n, m: m, diagonal: 0, using: &rng), b = randomBlocks(n: n, m: m, diagonal: 2.0 * Double(m), using: &rng)
        let c = randomBlocks(n: n, m: m, diagonal: 0, using: &rng)
        let r = (0..<n).map { _ in (0..<m).map { _ in Double.random(in: -1...1, using: &rng) } }
        let reference = try LinearAlgebra.solveBlockTridiagonal(lower: a, diagonal: b, upper: c, rhs: r, blockSize: m)
        var fa = a.flatMap { $0 }, fb = b.flatMap { $0 }, fc = c.flatMap { $0 }, fr = r.flatMap { $0 }
        var work = [Double](repeating: 0, count: m * m)
        try fa.withUnsafeMutableBufferPointer { pa in try fb.withUnsafeMutableBufferPointer { pb in
            try fc.withUnsafeMutableBufferPointer { pc in try fr.withUnsafeMutableBufferPointer { pr in
                try work.withUnsafeMutableBufferPointer { pw in
                    try BlockTridiagonal.solve(a: pa.baseAddress!, b: pb.baseAddress!, c: pc.baseAddress!,
                                               r: pr.baseAddress!, n: n, m: m, work: pw.baseAddress!)
                }
            } }
        } }
        let flat = reference.flatMap { $0 }
        for i in 0..<flat.count { #expect(abs(fr[i] - flat[i]) < 1e-10 * max(1, abs(flat[i]))) }
    }

    @Test("a singular diagonal block is refused with its cell, not divided by")
    func singular() {
        var a = [Double](repeating: 0, count: 32), b = a, c = a, r = [Double](repeating: 1, count: 8), w = [Double](repeating: 0, count: 16)
        #expect(throws: HenyeyError.singularBlock(cell: 0)) {
            try a.withUnsafeMutableBufferPointer { pa in try b.withUnsafeMutableBufferPointer { pb in
                try c.withUnsafeMutableBufferPointer { pc in try r.withUnsafeMutableBufferPointer { pr in
                    try w.withUnsafeMutableBufferPointer { pw in
                        try BlockTridiagonal.solve(a: pa.baseAddress!, b: pb.baseAddress!, c: pc.baseAddress!,
                                                   r: pr.baseAddress!, n: 2, m: 4, work: pw.baseAddress!)
                    }
                } }
            } }
        }
    }
}

/// A two-point boundary-value problem with a closed-form solution, as a Henyey system with two
/// unknowns per cell (one logarithmic, one linear): y = ln u and its flux F = u′ on a uniform grid,
///
///     u″ = 6 u²  on [0, 1],  solved by u(x) = 1/(1 + x)² (u′ = −2/(1 + x)³, u″ = 6/(1 + x)⁴ = 6u²),
///
/// discretised as (ln u)ₖ₊₁ − (ln u)ₖ = Δx Fₖ₊½ / uₖ₊½ and Fₖ − Fₖ₋₁ = Δx · 6 u²ₖ, with u(0) = 1 and
/// F(0) = u′(0) = −2. The discrete solution converges to the exact one at second order: the test
/// checks that Newton converges from a poor start (damping), and that halving Δx cuts the error ×4.
private final class BoundaryValueProblem: HenyeySystem {
    let cellCount: Int
    let unknowns = [HenyeyUnknown("lnu", .logarithmic), HenyeyUnknown("F", .linear)]
    let dx: Double
    var prepared = 0

    init(cells: Int) {
        cellCount = cells
        dx = 1.0 / Double(cells - 1)
    }

    func prepare(_ x: UnsafePointer<Double>) throws { prepared += 1 }
    func perturb(cell j: Int, unknown v: Int, _ x: UnsafePointer<Double>) {}
    func restore(cell j: Int) {}

    func residual(cell k: Int, _ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let y = x[2 * k], f = x[2 * k + 1]
        let u = exp(y)
        if k == 0 {
            out[0] = y            // u(0) = 1
            out[1] = f + 2        // u′(0) = −2
            return
        }
        let yp = x[2 * k - 2], fp = x[2 * k - 1]
        let up = exp(yp)
        // Trapezoid rule for y′ = F/u and F′ = 6u² between cells k − 1 and k.
        out[0] = y - yp - 0.5 * dx * (f / u + fp / up)
        out[1] = f - fp - 0.5 * dx * 6 * (u * u + up * up)
    }
}

@Suite("Newton–Henyey solver")
struct HenyeySolverTests {
    func solve(cells: Int) throws -> (error: Double, iterations: Int) {
        let system = BoundaryValueProblem(cells: cells)
        let solver = try HenyeySolver(for: system)
        // A poor start: u = 1 everywhere (ln u = 0), F = 0.
        var x = [Double](repeating: 0, count: 2 * cells)
        let iterations = try solver.solve(system, &x)
        var worst = 0.0
        for k in 0..<cells {
            let xk = Double(k) * system.dx
            worst = max(worst, abs(exp(x[2 * k]) - 1 / ((1 + xk) * (1 + xk))))
        }
        #expect(system.prepared == iterations)
        return (worst, iterations)
    }

    @Test("converges from a poor start; the error falls ×4 when the mesh is halved (second order)")
    func boundaryValueProblem() throws {
        let coarse = try solve(cells: 41), fine = try solve(cells: 81)
        #expect(coarse.error < 2e-3, "coarse error \(coarse.error)")
        let order = log2(coarse.error / fine.error)
        #expect(abs(order - 2) < 0.1, "observed order \(order)")
        #expect(coarse.iterations <= 10 && fine.iterations <= 10)
    }

    @Test("chord iterations (Jacobian reused below 1e-2): the same solution to the tolerance, fewer Jacobians than iterations")
    func chordIterations() throws {
        let cells = 41
        func run(_ reuse: Double) throws -> (x: [Double], iterations: Int, builds: Int, chords: Int, prepared: Int) {
            let system = BoundaryValueProblem(cells: cells)
            var settings = HenyeySettings()
            settings.jacobianReuseBelow = reuse
            let solver = try HenyeySolver(for: system, settings: settings)
            var x = [Double](repeating: 0, count: 2 * cells)
            let iterations = try solver.solve(system, &x)
            return (x, iterations, solver.jacobianBuilds, solver.chordIterations, system.prepared)
        }
        let newton = try run(0), chord = try run(1e-2)
        #expect(newton.chords == 0 && newton.builds == newton.iterations)
        #expect(chord.chords > 0 && chord.builds + chord.chords == chord.iterations)
        // prepareResiduals defaults to prepare: called once per iteration either way.
        #expect(chord.prepared == chord.iterations)
        var worst = 0.0
        for i in 0..<(2 * cells) { worst = max(worst, abs(chord.x[i] - newton.x[i])) }
        #expect(worst < 1e-7, "chord and Newton solutions differ by \(worst)")
    }

    @Test("too few iterations: a typed failure with the last correction, never a silent return")
    func notConverged() throws {
        let system = BoundaryValueProblem(cells: 21)
        var settings = HenyeySettings()
        settings.maximumIterations = 1
        let solver = try HenyeySolver(for: system, settings: settings)
        var x = [Double](repeating: 0, count: 42)
        #expect(throws: HenyeyError.self) { _ = try solver.solve(system, &x) }
        do { _ = try solver.solve(system, &x) } catch let HenyeyError.notConverged(iterations, last) {
            #expect(iterations == 1 && last > settings.tolerance)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("settings outside their ranges are refused, naming the setting")
    func settingsValidated() {
        var s = HenyeySettings()
        s.tolerance = 0
        #expect(throws: HenyeyError.invalidSetting(name: "tolerance", value: 0, allowed: "(0, 1e-2]")) { try s.validate() }
        s = HenyeySettings()
        s.maximumLogChange = -1
        #expect(throws: HenyeyError.self) { try s.validate() }
    }
}
