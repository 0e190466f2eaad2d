import Foundation
import Testing
@testable import EnvelopePhysics

/// The hot path's vector screening and rate-factor shortcut against the scalar forms they replace.
@Suite("Hydrogen burning: vector screening and the equilibria's rate-factor path")
struct HydrogenBurningScreenVectorTests {
    static let pairs = HydrogenBurning.pairNuclei.map { HydrogenBurningScreenPair(z1: $0.0, a1: $0.1, z2: $0.2, a2: $0.3) }

    /// The plasma parameters as `HydrogenBurning.screeningExponents` forms them.
    static func plasma(rho: Double, t: Double, ye: Double) -> (ne13OverT: Double, tOverNe13: Double, zetaBase: Double) {
        let ne = rho * ye * 6.022_140_76e23
        let ne13 = HydrogenBurningMath.cbrt(ne), it = 1 / t
        return (ne13 * it, t / ne13, HydrogenBurningMath.cbrt(ne * it * it))
    }

    @Test("fast path = scalar CDY07 to 1e-14 (h) and 1e-13 (∂h/∂ln T, ∂h/∂ln nₑ) where it applies; the exact path is bit-identical to it")
    func againstScalar() {
        let vector = HydrogenBurningScreenVector(pairs: Self.pairs)
        var fast = 0, exact = 0, worst = (h: 0.0, d: 0.0)
        for logRho in stride(from: -4.0, through: 6.0, by: 0.5) {
            for logT in stride(from: 6.0, through: 9.0, by: 0.125) {
                for ye in [0.5, 0.6, 0.85, 1.0] {
                    let p = Self.plasma(rho: pow(10, logRho), t: pow(10, logT), ye: ye)
                    let v = vector.exponents(ne13OverT: p.ne13OverT, tOverNe13: p.tOverNe13, zetaBase: p.zetaBase)
                    let e = vector.exactExponents(ne13OverT: p.ne13OverT, tOverNe13: p.tOverNe13, zetaBase: p.zetaBase)
                    let usesFast = vector.fastPathApplies(ne13OverT: p.ne13OverT, tOverNe13: p.tOverNe13, zetaBase: p.zetaBase)
                    if usesFast { fast += 1 } else { exact += 1 }
                    for (i, pair) in Self.pairs.enumerated() {
                        let s = pair.exponent(ne13OverT: p.ne13OverT, tOverNe13: p.tOverNe13, zetaBase: p.zetaBase)
                        #expect(e.h[i] == s.h && e.dlnT[i] == s.dlnT && e.dlnNe[i] == s.dlnNe)
                        let dh = abs(v.h[i] - s.h) / abs(s.h)
                        let scale = max(abs(s.dlnT), abs(s.dlnNe))
                        let dd = max(abs(v.dlnT[i] - s.dlnT), abs(v.dlnNe[i] - s.dlnNe)) / scale
                        #expect(dh < 1e-14 && dd < 1e-13, "pair \(i) log ρ \(logRho) log T \(logT) Yₑ \(ye) fast \(usesFast)")
                        worst = (max(worst.h, dh), max(worst.d, dd))
                    }
                }
            }
        }
        print("burning screening (vector) vs scalar: \(fast) fast-path and \(exact) exact-path points; max relative Δh \(worst.h), Δ derivatives \(worst.d)")
        #expect(fast > 1000 && exact > 50)
        // Hydrogen burning in stars is on the fast path: the solar centre and a red giant's H shell.
        for (rho, t) in [(150.0, 1.57e7), (100.0, 4e7), (1e-2, 1e6)] {
            let p = Self.plasma(rho: rho, t: t, ye: 0.85)
            #expect(vector.fastPathApplies(ne13OverT: p.ne13OverT, tOverNe13: p.tOverNe13, zetaBase: p.zetaBase))
        }
    }

    @Test("the equilibria's rate factors are evaluate(…).rateFactors bit for bit")
    func rateFactors() throws {
        let net = try HydrogenBurning.standard()
        let x = HydrogenBurningAbundances(h1: 0.70, he3: 3e-5, he4: 0.28097, c12: 4e-4, c13: 3e-5, n14: 2.3e-3,
                                          n15: 1e-7, o16: 9e-3, o17: 4e-6, otherMetals: 0.007_265_9)
        for (rho, t) in [(150.0, 1.57e7), (1.0, 5e6), (1e4, 3e7), (100, 2e8), (1e-3, 1.1e6), (1.0, 5e5)] {
            let full = try net.evaluate(density: rho, temperature: t, abundances: x).rateFactors
            let fast = try net.rateFactors(density: rho, temperature: t, abundances: x)
            for k in 0..<12 { #expect(full[k] == fast[k], "reaction \(k) at ρ \(rho), T \(t)") }
        }
        #expect(throws: HydrogenBurningError.self) { try net.rateFactors(density: -1, temperature: 1e7, abundances: x) }
    }
}
