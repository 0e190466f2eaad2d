import Foundation
import GSL

/// Fast Fermi–Dirac moments: 20-point Gauss–Legendre on the panels of `fermiBreakpoints`
/// (~400 integrand evaluations), and a safeguarded Newton solve for μ.
/// Checked against `FermiMomentsAdaptive` to 1e-10 in the tests.
enum FermiMomentsGauss {
    static var rule: GaussLegendreRule { GaussRules.twenty }

    /// All moments at (μ, θ). With `numberOnly`, only `net`, `positrons`, `dNetdMu`.
    static func moments(mu: Double, theta: Double, numberOnly: Bool = false) -> FermiMoments {
        var m = FermiMoments()
        let invTheta = 1 / theta
        forEachFermiNode(mu: mu, theta: theta, rule: rule) { p, w in
            let p2 = p * p
            let e = (1 + p2).squareRoot()
            let fm = fermiOccupation((e - mu) * invTheta)
            let fp = fermiOccupation((e + mu) * invTheta)
            m.net += w * p2 * fermiDifference(x: e * invTheta, a: mu * invTheta)
            m.positrons += w * p2 * fp
            m.dNetdMu += w * p2 * (fm * (1 - fm) + fp * (1 - fp)) * invTheta
            if !numberOnly {
                let v2 = p2 / (e * e)
                let s = w * p2 / e * (fm + fp)
                m.plasma += s * (1 - v2 / 3)
                m.omega1 += s * (5 * v2 / 3 - v2 * v2)
            }
        }
        return m
    }

    /// Initial guess for μ (mₑc² units): degenerate T = 0 value when the gas is degenerate,
    /// otherwise the Maxwell–Jüttner value from N = 2 sinh(μ/θ) θ K₂(1/θ).
    static func initialGuess(netNumber n: Double, theta: Double) -> Double {
        let pF = cbrt(3 * n)
        let muDegenerate = (1 + pF * pF).squareRoot()
        if muDegenerate - 1 > 2 * theta { return muDegenerate }
        let k2Scaled = (try? SpecialFunctions.besselKScaled(order: 2, 1 / theta)) ?? 1
        let lnY = log(n) - log(2 * theta * k2Scaled) + 1 / theta
        let muClassical = lnY > 30 ? theta * (lnY + log(2.0)) : theta * asinh(exp(lnY))
        return max(muClassical, 1e-300)
    }

    /// μ with net(μ) = n, by Newton on ln net(μ) inside a maintained bracket (bisection fallback).
    static func solveChemicalPotential(netNumber n: Double, theta: Double) throws -> Double {
        var lo = 0.0, hi = Double.infinity
        var mu = initialGuess(netNumber: n, theta: theta)
        let lnN = log(n)
        for _ in 0..<300 {
            let m = moments(mu: mu, theta: theta, numberOnly: true)
            if m.net > n { hi = mu } else { lo = mu }
            let g = log(m.net) - lnN
            if abs(g) < 2e-15 { return mu }
            var next = mu - g * m.net / m.dNetdMu
            if !(next > lo && next < hi) {
                next = hi.isFinite ? 0.5 * (lo + hi) : mu + max(mu, 10 * theta)
            }
            if abs(next - mu) <= 1e-15 * max(mu, theta) { return next }
            mu = next
        }
        throw PlasmaError.numerical("chemical potential did not converge (N = \(n), θ = \(theta))")
    }
}

/// Reference Fermi–Dirac moments: GSL adaptive quadrature (`qagp`, rel. 1e-12) per moment
/// and Brent root bracketing for μ. Independent of the Gauss panels except for breakpoints.
enum FermiMomentsAdaptive {
    /// [0, p₀ − 40δ, p₀, p₀ + 40δ, p_max] (δ = θμ/p₀ the edge width) when degenerate, else [0, p_max].
    /// Trap: with the edge inside one interval, a GK41 rule on [0, p₀] never samples within δ of
    /// the end when δ ~ 10⁻⁶ p₀ (ρ = 10¹³, T = 10⁶ K) and its error estimate misses a 2×10⁻⁶ error.
    static func adaptiveBreakpoints(mu: Double, theta: Double, all bp: [Double]) -> [Double] {
        let pMax = bp[bp.count - 1]
        guard mu > 1 else { return [0, pMax] }
        let p0 = (mu * mu - 1).squareRoot(), width = theta * mu / p0
        return ([0, p0 - 40 * width, p0, p0 + 40 * width, pMax].filter { $0 >= 0 && $0 <= pMax } + [pMax])
            .sorted().reduce(into: [Double]()) { out, p in if out.last.map({ p > $0 }) ?? true { out.append(p) } }
    }

    /// ∫₀^pmax f dp as a sum of `qag` (GK41, no extrapolation) integrals split at the Fermi edge.
    /// Trap: `qagp`/`qags` extrapolation assumes endpoint singularities and was seen to accept a
    /// 2×10⁻⁴ error on a degenerate edge of width 10⁻⁴ p₀; plain `qag` bisects down to it.
    static func integrate(_ f: (Double, Double) -> Double, mu: Double, theta: Double) throws -> Double {
        let q = try Quadrature(limit: 4000)
        let bp = fermiBreakpoints(mu: mu, theta: theta)
        let points = adaptiveBreakpoints(mu: mu, theta: theta, all: bp)
        // The first panel ([0, p₀ − 40δ], the Fermi sea, or the whole range) carries the bulk; the edge
        // panels then get an absolute tolerance of 1e-13 of it: a 1e-12 tolerance relative to a panel
        // holding 5e-7 of the integral (ρ = 1e14, T = 1e4 K) is below what rounding allows.
        var sum = 0.0
        for (index, (a, b)) in zip(points, points.dropFirst()).enumerated() where b > a {
            let absTol = index == 0 ? 0 : 1e-13 * abs(sum)
            sum += try q.integrate({ p in f(p, (1 + p * p).squareRoot()) }, from: a, to: b,
                                   absoluteTolerance: absTol, relativeTolerance: 1e-12, rule: .gk41,
                                   acceptRoundoff: 1e-10).value
        }
        return sum
    }

    static func moments(mu: Double, theta: Double) throws -> FermiMoments {
        func occ(_ e: Double) -> (Double, Double) {
            (fermiOccupation((e - mu) / theta), fermiOccupation((e + mu) / theta))
        }
        var m = FermiMoments()
        do {
            m.net = try integrate({ p, e in p * p * fermiDifference(x: e / theta, a: mu / theta) }, mu: mu, theta: theta)
            m.positrons = try integrate({ p, e in p * p * occ(e).1 }, mu: mu, theta: theta)
            m.plasma = try integrate({ p, e in
                let (a, b) = occ(e); let v2 = p * p / (e * e)
                return p * p / e * (1 - v2 / 3) * (a + b)
            }, mu: mu, theta: theta)
            m.omega1 = try integrate({ p, e in
                let (a, b) = occ(e); let v2 = p * p / (e * e)
                return p * p / e * (5 * v2 / 3 - v2 * v2) * (a + b)
            }, mu: mu, theta: theta)
        } catch {
            throw PlasmaError.numerical("Fermi–Dirac moments at μ = \(mu), θ = \(theta): \(error)")
        }
        return m
    }

    static func solveChemicalPotential(netNumber n: Double, theta: Double) throws -> Double {
        let guess = FermiMomentsGauss.initialGuess(netNumber: n, theta: theta)
        var upper = max(guess, 1) + 60 * theta
        func net(_ mu: Double) throws -> Double {
            try integrate({ p, e in
                p * p * fermiDifference(x: e / theta, a: mu / theta)
            }, mu: mu, theta: theta)
        }
        var tries = 0
        while try numerical("chemical-potential bracket", { try net(upper) }) < n {
            upper *= 2
            tries += 1
            if tries > 60 { throw PlasmaError.numerical("no bracket for the chemical potential") }
        }
        var failure: Error?
        do {
            let mu = try RootFinding.brent({ mu in
                do { return try net(mu) - n } catch { failure = error; return .nan }
            }, lower: 0, upper: upper, absoluteTolerance: 1e-300, relativeTolerance: 1e-14, maxIterations: 300)
            if let failure { throw failure }
            return mu
        } catch {
            throw PlasmaError.numerical("chemical potential (N = \(n), θ = \(theta)): \(failure ?? error)")
        }
    }
}
