import Foundation
import TestSupport
import Testing
@testable import GSL

@Suite("GSL layer")
struct GSLLayerTests {
    @Test("qag integrates ∫₀^π sin = 2 and ∫₀^∞ e^(−x²) = √π/2")
    func quadratureKnownIntegrals() throws {
        let q = try Quadrature()
        #expect(abs(try q.integrate(sin, from: 0, to: .pi).value - 2) < 1e-13)
        #expect(abs(try q.integrate({ exp(-$0 * $0) }, fromToInfinity: 0).value - Double.pi.squareRoot() / 2) < 1e-12)
        #expect(abs(try q.integrateSingular({ 1 / $0.squareRoot() }, from: 0, to: 1).value - 2) < 1e-10)
        let p = try q.integrate({ $0 < 1 ? 1 : 0 }, breakpoints: [0, 1, 2])
        #expect(isClose(p.value, 1, rel: 1e-13))
    }

    @Test("a NaN integrand is a thrown error, not a silently wrong value")
    func quadratureNaN() throws {
        let q = try Quadrature()
        #expect(throws: GSLError.self) { try q.integrate({ $0 > 0.5 ? .nan : 1 }, from: 0, to: 1) }
        #expect(throws: GSLError.self) { try q.integrate({ $0 }, from: 0, to: .infinity) }
        #expect(throws: GSLError.self) { try q.integrate({ $0 }, from: 0, to: 1, relativeTolerance: 1e-16) }
    }

    @Test("GSL status codes become GSLError (maximum subdivisions exceeded)")
    func quadratureStatus() throws {
        let q = try Quadrature(limit: 3)
        do {
            _ = try q.integrate({ sin(1 / $0) / $0 }, from: 1e-6, to: 1, relativeTolerance: 1e-12)
            Issue.record("expected a GSL failure")
        } catch let e as GSLError {
            #expect(e.status != 0)
            #expect(e.description.contains("qag"))
        }
    }

    @Test("Gauss–Legendre rule: weights sum to 2, exact for degree 2n − 1")
    func gaussLegendre() throws {
        let r = try GaussLegendreRule(points: 8)
        #expect(abs(r.weights.reduce(0, +) - 2) < 1e-14)
        #expect(abs(r.integrate({ pow($0, 15) + $0 * $0 }, from: 0, to: 1) - (1.0 / 16 + 1.0 / 3)) < 1e-14)
        #expect(throws: GSLError.self) { try GaussLegendreRule(points: 0) }
    }

    @Test("Brent finds √2; a non-bracket and a NaN function throw")
    func roots() throws {
        let x = try RootFinding.brent({ $0 * $0 - 2 }, lower: 0, upper: 2)
        #expect(abs(x - 2.0.squareRoot()) < 1e-14)
        #expect(throws: GSLError.self) { try RootFinding.brent({ $0 * $0 + 1 }, lower: 0, upper: 2) }
        #expect(throws: GSLError.self) { try RootFinding.brent({ _ in .nan }, lower: 0, upper: 2) }
        #expect(throws: GSLError.self) {
            try RootFinding.brent({ $0 * $0 * $0 - 2 }, lower: 0, upper: 2, relativeTolerance: 1e-30, maxIterations: 3)
        }
    }

    @Test("ODE: y′ = −y gives e^(−t); a NaN right-hand side throws")
    func ode() throws {
        let ode = try ODEIntegrator(dimension: 2) { _, y, dy in
            dy[0] = -y[0]
            dy[1] = y[0]
        }
        var y = [1.0, 0.0]
        try ode.evolve(&y, from: 0, to: 3)
        #expect(abs(y[0] - exp(-3)) < 1e-9)
        #expect(abs(y[1] - (1 - exp(-3))) < 1e-9)
        let bad = try ODEIntegrator(dimension: 1) { t, _, dy in dy[0] = t > 0.5 ? .nan : 1 }
        var z = [0.0]
        #expect(throws: GSLError.self) { try bad.evolve(&z, from: 0, to: 1) }
        #expect(throws: GSLError.self) { try bad.evolve(&y, from: 0, to: 1) }
    }

    @Test("splines interpolate sin to 1e-6 and refuse to extrapolate")
    func splines() throws {
        let xs = stride(from: 0.0, through: 3.0, by: 0.05).map { $0 }
        let s = try Spline(x: xs, y: xs.map(sin))
        #expect(abs(try s.value(at: 1.234) - sin(1.234)) < 1e-6)
        #expect(abs(try s.derivative(at: 1.234) - cos(1.234)) < 1e-4)
        #expect(abs(try s.integral(from: 0, to: 3) - (1 - cos(3.0))) < 1e-6)
        #expect(throws: GSLError.self) { try s.value(at: 3.5) }
        #expect(throws: GSLError.self) { try Spline(x: [0, 1, 1], y: [0, 1, 2]) }
        #expect(throws: GSLError.self) { try Spline(x: [0, 1], y: [0, 1]) }
    }

    @Test("special functions: FD underflow is 0 (no abort), F_{1/2}(0), K₂")
    func specialFunctions() throws {
        #expect(try SpecialFunctions.fermiDirac(order: 0, -800) == 0)
        // F_{1/2}(0) = (1 − 2^{−1/2}) ζ(3/2) (DLMF 25.12.16 with 25.4 normalisation).
        let expected = (1 - 1 / 2.0.squareRoot()) * (try SpecialFunctions.zeta(1.5))
        #expect(abs(try SpecialFunctions.fermiDiracHalf(0) - expected) < 1e-12)
        // K₂(1) = 1.624838898635177 (DLMF table / A&S 9.8).
        #expect(abs(try SpecialFunctions.besselK(order: 2, 1) - 1.624838898635177) < 1e-13)
        #expect(throws: GSLError.self) { try SpecialFunctions.besselK(order: 2, -1) }
        // E₁(1) = 0.2193839343955203 (A&S table 5.1); scaled: e·E₁(1).
        #expect(abs(try SpecialFunctions.expIntE1Scaled(1) - exp(1) * 0.2193839343955203) < 1e-14)
    }

    @Test("distributions: Φ⁻¹(0.975), χ²₁ 95 % quantile; probabilities outside (0,1) throw")
    func distributions() throws {
        #expect(abs(try Distributions.normalQuantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(try Distributions.chiSquaredQuantile(0.95, degreesOfFreedom: 1) - 3.841458820694124) < 1e-10)
        #expect(abs(Distributions.normalCDF(0) - 0.5) < 1e-15)
        #expect(throws: GSLError.self) { try Distributions.normalQuantile(1) }
        #expect(throws: GSLError.self) { try Distributions.chiSquaredQuantile(0.5, degreesOfFreedom: 0) }
    }
}

@Suite("Linear algebra")
struct LinearAlgebraTests {
    @Test("dense LU solve reproduces a known solution; a singular matrix throws")
    func dense() throws {
        let a = [4.0, -2, 1, -2, 4, -2, 1, -2, 4], x = [1.0, 2, 3]
        let b = LinearAlgebra.multiply(a, x, 3, 3, 1)
        let s = try LinearAlgebra.solve(a, b, n: 3)
        for i in 0..<3 { #expect(abs(s[i] - x[i]) < 1e-13) }
        #expect(throws: GSLError.self) { try LinearAlgebra.solve([1, 2, 2, 4], [1, 1], n: 2) }
        #expect(throws: GSLError.self) { try LinearAlgebra.solve([1, .nan, 0, 1], [1, 1], n: 2) }
    }

    @Test("block-tridiagonal elimination equals a dense solve of the same system (50 blocks of 4×4)")
    func blockTridiagonal() throws {
        let m = 4, k = 50
        var seed: UInt64 = 12345
        func r() -> Double { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 11) * 0x1p-53 - 0.5 }
        var lower = [[Double]](), diag = [[Double]](), upper = [[Double]](), rhs = [[Double]]()
        for _ in 0..<k {
            lower.append((0..<(m * m)).map { _ in r() })
            upper.append((0..<(m * m)).map { _ in r() })
            diag.append((0..<(m * m)).map { i in r() + (i % (m + 1) == 0 ? 4 : 0) })   // block-diagonally dominant
            rhs.append((0..<m).map { _ in r() })
        }
        let x = try LinearAlgebra.solveBlockTridiagonal(lower: lower, diagonal: diag, upper: upper, rhs: rhs, blockSize: m)
        // Dense assembly.
        let n = m * k
        var a = [Double](repeating: 0, count: n * n)
        for b in 0..<k {
            for i in 0..<m {
                for j in 0..<m {
                    a[(b * m + i) * n + b * m + j] = diag[b][i * m + j]
                    if b > 0 { a[(b * m + i) * n + (b - 1) * m + j] = lower[b][i * m + j] }
                    if b < k - 1 { a[(b * m + i) * n + (b + 1) * m + j] = upper[b][i * m + j] }
                }
            }
        }
        let dense = try LinearAlgebra.solve(a, rhs.flatMap { $0 }, n: n)
        let flat = x.flatMap { $0 }
        for i in 0..<n { #expect(abs(flat[i] - dense[i]) < 1e-11 * max(1, abs(dense[i]))) }
        #expect(throws: GSLError.self) {
            try LinearAlgebra.solveBlockTridiagonal(lower: lower, diagonal: diag, upper: upper, rhs: rhs, blockSize: 3)
        }
    }
}
