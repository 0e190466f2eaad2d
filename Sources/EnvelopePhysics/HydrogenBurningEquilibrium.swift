import Foundation

/// Equilibrium abundances of ³He and of the CNO nuclei, for initial models and for tests against the Sun.
extension HydrogenBurning {
    /// ³He in equilibrium (dY₃/dt = 0 with the other abundances fixed):
    /// (K_pp + K_pep) Y_p² = K_hep Y_p Y₃ + 2 K₃₃ Y₃² + K₃₄ Y₃ Y₄, solved as
    /// Y₃ = 2S / (b + √(b² + 8K₃₃S)) (no cancellation). The result replaces X(³He), the difference taken from ¹H
    /// so the sum stays 1; three passes absorb the weak dependence of screening on Yₑ.
    public func equilibriumHe3(density rho: Double, temperature t: Double,
                               abundances: HydrogenBurningAbundances) throws(HydrogenBurningError) -> HydrogenBurningAbundances {
        var x = abundances
        for _ in 0..<3 {
            let k = try rateFactors(density: rho, temperature: t, abundances: x)
            let yp = x[.h1], y4 = x[.he4] / 4
            let s = (k[Reaction.pp.rawValue] + k[Reaction.pep.rawValue]) * yp * yp
            let b = k[Reaction.hep.rawValue] * yp + k[Reaction.he3he4.rawValue] * y4
            let k33 = k[Reaction.he3he3.rawValue]
            let y3 = s > 0 ? 2 * s / (b + (b * b + 8 * k33 * s).squareRoot()) : 0
            let newX3 = 3 * y3
            x[.h1] -= newX3 - x[.he3]
            x[.he3] = newX3
        }
        return x
    }

    /// CNO nuclei in equilibrium at fixed Y_p and fixed total number of CNO nuclei.
    /// Each nucleus i is destroyed at λ_i = K_i Y_p; in steady state every flux equals the ¹⁴N(p,γ) flux F
    /// except where ¹⁵N branches: Y₁₅ = F/(λ₁₅α + λ₁₅γ), Y₁₂ = λ₁₅α Y₁₅/λ₁₂, Y₁₃ = λ₁₅α Y₁₅/λ₁₃,
    /// Y₁₆ = λ₁₅γ Y₁₅/λ₁₆, Y₁₇ = λ₁₅γ Y₁₅/λ₁₇, Y₁₄ = F/λ₁₄ (closed CN + ON cycles).
    /// `includeON = false`: the CN cycle alone (¹⁵N(p,γ) ignored, ¹⁶O and ¹⁷O kept), the state of the
    /// present solar centre, where ON equilibrium takes longer than the Sun's age.
    /// Mass changes (protons captured by CNO nuclei) are taken from ¹H.
    public func equilibriumCNO(density rho: Double, temperature t: Double, abundances: HydrogenBurningAbundances,
                               includeON: Bool = true) throws(HydrogenBurningError) -> HydrogenBurningAbundances {
        var x = abundances
        let k = try rateFactors(density: rho, temperature: t, abundances: x)
        let l12 = k[Reaction.c12pg.rawValue], l13 = k[Reaction.c13pg.rawValue], l14 = k[Reaction.n14pg.rawValue]
        let l15a = k[Reaction.n15pa.rawValue], l15g = includeON ? k[Reaction.n15pg.rawValue] : 0
        let l16 = k[Reaction.o16pg.rawValue], l17 = k[Reaction.o17pa.rawValue]
        guard l12 > 0, l13 > 0, l14 > 0, l15a > 0, l16 > 0, l17 > 0 else {
            throw .outOfRange(quantity: "temperature for CNO equilibrium [K]", value: t, allowed: "rates > 0 (T ≳ 5e6 K)")
        }
        let species: [HydrogenBurningSpecies] = includeON ? [.c12, .c13, .n14, .n15, .o16, .o17] : [.c12, .c13, .n14, .n15]
        var total = 0.0, massBefore = 0.0
        for s in species { total += x[s] / s.massNumber; massBefore += x[s] }
        // Relative abundances with F = 1 (the common factor Y_p cancels).
        let y15 = 1 / (l15a + l15g)
        var rel: [Double] = [l15a * y15 / l12, l15a * y15 / l13, 1 / l14, y15]
        if includeON { rel += [l15g * y15 / l16, l15g * y15 / l17] }
        let norm = total / rel.reduce(0, +)
        var massAfter = 0.0
        for (s, v) in zip(species, rel) { x[s] = v * norm * s.massNumber; massAfter += x[s] }
        x[.h1] -= massAfter - massBefore
        return x
    }
}
