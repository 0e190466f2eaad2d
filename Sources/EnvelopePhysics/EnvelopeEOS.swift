import Constants
import Foundation

/// Equation of state from the photosphere to the degenerate helium core, one free-energy formulation
/// without regime switches, in the manner of Eggleton, Faulkner & Flannery 1973 (A&A 23, 325) and Pols et
/// al. 1995 (MNRAS 274, 964): the Helmholtz free energy per gram
///
///     F = Fₑ(η, T) + Σₛ Nₛ kT [ln(nₛλₛ³/gₛ) − 1] − Σₛ Nₛ (χₛ − Δₛ) − kT Σₛ Nₛ ln wₛ + F_C + F_rad
///
/// of (1) electrons as an ideal Fermi–Dirac gas at any degeneracy and relativity (`EnvelopeEOSFermi`),
/// (2) ideal nuclei in the ionisation stages s of H (H⁰, H⁺) and He (He⁰, He⁺, He²⁺) with ground-state
/// weights gₛ and binding energies χₛ below the bare nucleus (NIST ASD: χ_H = 13.598 434 6 eV,
/// χ_He = 24.587 389 0 and 54.417 765 5 eV), and every stage of the metals C, N, O, Ne likewise
/// (`EnvelopeEOSMetalLadder`), (3) pressure ionisation
/// as an occupation probability of each bound stage, ln wₛ = −n_N (4π/3)(2rₛ)³ (the neutral hard-sphere
/// term of the Hummer & Mihalas 1988, ApJ 331, 794, occupation-probability formalism, with every nucleus
/// as perturber so that w does not depend on the ionisation state; rₛ the 1s mean radius 3a₀/2Z,
/// Z_eff = 27/16 for He⁰), together with a rise of the bound-state energy Δₛ = χₛ n_N Vₛ (a density-
/// dependent lowering of the ionisation potential in the spirit of EFF73 and Pols et al. 1995, in this
/// simple form of our own: it must outgrow the Fermi energy,
/// ∝ ρ^(2/3), for a cold degenerate gas to ionise, which the entropy-like w alone cannot do at
/// η ≫ 1), (4) ion Coulomb interactions F_C = N_ion kT x f(Γ_full), f the Potekhin &
/// Chabrier (2000) fit used by `Microphysics.EquationOfState` at the fully ionised coupling Γ_full, scaled
/// by x = νₑ/ν_full, the ionised share of the electrons (→ `Microphysics` at x = 1, → 0 for neutral gas;
/// linear in x so that F stays convex in the ionisation: a steeper x-dependence gives several Saha
/// solutions, a spurious "plasma phase transition", at Γ_full ≳ 1), and (5) radiation aT⁴.
///
/// Minimising F over the stage populations at fixed free-electron number gives Saha equations with
/// the electron chemical potential kTη (degeneracy included), the Coulomb shift μ_C = ∂F_C/∂Nₑ =
/// (ν_ion/ν_full) f(Γ_full) kT and the occupation probabilities:
///
///     n(s+1)/n(s) = (g(s+1) w(s+1) / g(s) w(s)) exp(−(χ − Δₛ + Δₛ₊₁)/kT − η − μ_C/kT)
///
/// and charge neutrality closes the system: νₑ(η, T) = Σ (free electrons per baryon from the stages).
/// The one unknown η is found by a safeguarded Newton iteration on R(η) = ln νₑ − ln ν_ion,e; P, E and S
/// are the exact partial derivatives of F (P = ρ²∂F/∂ρ, S = −∂F/∂T, E = F + TS) at the solution, so the
/// Maxwell relations hold to the solver's and the quadrature's accuracy. Their derivatives along the
/// equilibrium surface follow from second-order jets in (η, ln ρ, ln T) and the implicit-function theorem.
///
/// Not included: H₂ and other molecules (important below ~5000 K), H⁻, excited states,
/// positrons (refused), the crystal phase (Γ > 175 refused). See Docs/envelope-eos.md.
public struct EnvelopeEOS: Sendable {
    /// Whether radiation (P = aT⁴/3, E = aT⁴/ρ, S = 4aT³/3ρ) is included. The OPAL tables exclude it.
    public let includeRadiation: Bool

    public init(includeRadiation: Bool = true) {
        self.includeRadiation = includeRadiation
    }

    /// Density domain in g cm⁻³.
    public static let densityDomain: ClosedRange<Double> = 1e-14...1e10
    /// Temperature domain in K (below ~5000 K molecules, which are not modelled, matter).
    public static let temperatureDomain: ClosedRange<Double> = 1e3...3e9

    // MARK: Constants (NIST ASD ionisation energies; a₀ = ħ²/(mₑe²) from CODATA via `Constants`).

    /// Ionisation energies in erg: H I, He I, He II (NIST Atomic Spectra Database, Kramida et al.).
    static let chiH = 13.598_434_6 * CGS.ergPerEV
    static let chiHe1 = 24.587_389_0 * CGS.ergPerEV
    static let chiHe2 = 54.417_765_5 * CGS.ergPerEV
    /// Bohr radius a₀ = ħ²/(mₑe²) in cm.
    static let bohrRadius = CGS.hbar * CGS.hbar / (CGS.electronMass * CGS.elementaryCharge * CGS.elementaryCharge)
    /// Excluded volumes (4π/3)(2r)³ (the hard-sphere (rᵢ + rⱼ)³ of Hummer & Mihalas 1988 with rⱼ = rᵢ) of H⁰
    /// (r = ⟨r⟩₁ₛ = 1.5a₀), He⁰ (1.5a₀/Z_eff, Z_eff = 27/16 the variational 1s² screening, Bethe & Salpeter 1957)
    /// and He⁺ (0.75a₀), in cm³.
    static let volumeH0 = excluded(1.5), volumeHe0 = excluded(1.5 * 16 / 27), volumeHe1 = excluded(0.75)
    private static func excluded(_ r: Double) -> Double {
        let d = 2 * r * bohrRadius
        return 4 * Double.pi / 3 * d * d * d
    }

    /// The state at (ρ [g cm⁻³], T [K]) for composition `c`; `guess` is a degeneracy η to start the
    /// iteration from (the η of a neighbouring point makes it 2–3 iterations).
    public func state(density rho: Double, temperature t: Double, composition c: EnvelopeEOSComposition,
                      guess: Double? = nil) throws -> EnvelopeEOSState {
        guard rho.isFinite, Self.densityDomain.contains(rho) else {
            throw EnvelopeEOSError.outOfDomain(quantity: "density [g/cm3]", value: rho, domain: "[1e-14, 1e10]")
        }
        guard t.isFinite, Self.temperatureDomain.contains(t) else {
            throw EnvelopeEOSError.outOfDomain(quantity: "temperature [K]", value: t, domain: "[1e3, 3e9]")
        }
        if let g = guess, !g.isFinite {
            throw EnvelopeEOSError.outOfDomain(quantity: "degeneracy guess η", value: g, domain: "finite")
        }
        let mix = c.mixture
        let gammaFull = mix.coulombScale * cbrt(rho) / t
        guard gammaFull <= 175 else {
            throw EnvelopeEOSError.outOfDomain(quantity: "ion coupling Γ", value: gammaFull,
                                               domain: "≤ 175 (liquid; the solid phase is not modelled)")
        }
        let lnRho = Foundation.log(rho), lnT = Foundation.log(t)
        let theta = CGS.boltzmann * t / EnvelopeEOSFermi.restEnergy
        var eta = try solve(lnRho: lnRho, lnT: lnT, theta: theta, mix: mix, guess: guess, rho: rho, t: t)
        // Pairs: e⁺/e⁻ ≈ exp(−2η − 2/θ) in the non-degenerate limit; refuse where it is not negligible.
        let pairs = -2 * eta - 2 / theta
        guard pairs < Foundation.log(1e-8) else {
            throw EnvelopeEOSError.outOfDomain(quantity: "positron/electron ratio exp(−2η − 2/θ)",
                                               value: Foundation.exp(pairs), domain: "< 1e-8 (pairs not modelled)")
        }
        var j = evaluate(eta: eta, lnRho: lnRho, lnT: lnT, theta: theta, mix: mix)
        // The iteration's coarse-rule root is ~10⁻⁹ off the full one: one Newton step δ = −R/R_η, applied
        // to every jet as a Taylor shift in η (error O(δ²) ~ 10⁻¹⁸); a larger δ is re-evaluated.
        var delta = -j.residual.v / j.residual.g0
        if abs(delta) > 1e-6 {
            eta += delta
            j = evaluate(eta: eta, lnRho: lnRho, lnT: lnT, theta: theta, mix: mix)
            delta = -j.residual.v / j.residual.g0
        }
        j.shift(eta: delta)
        let state = EnvelopeEOSState(density: rho, temperature: t, eta: eta + delta, jets: j, mix: mix)
        // Stability: a free energy that is not convex (the model's plasma phase transition in cold, dense,
        // partly ionised gas, and strongly coupled cold matter with a negative Coulomb pressure) is refused.
        let p = state.pressure, chiRho = state.chiRho, cV = state.cV
        guard p.isFinite, p > 0, chiRho.isFinite, chiRho > 0, cV.isFinite, cV > 0, state.gradAd.isFinite else {
            throw EnvelopeEOSError.outOfDomain(
                quantity: "thermodynamic stability at ρ = \(rho) g/cm3, T = \(t) K: χ_ρ", value: chiRho,
                domain: "P, χ_ρ, c_V > 0 (the cold, dense, partly ionised corner is not modelled; P = \(p), c_V = \(cV))")
        }
        return state
    }

    /// X, Z convenience (Y = 1 − X − Z, OPAL's metal mixture).
    public func state(density: Double, temperature: Double, hydrogen x: Double, metals z: Double,
                      guess: Double? = nil) throws -> EnvelopeEOSState {
        try state(density: density, temperature: temperature,
                  composition: EnvelopeEOSComposition(hydrogen: x, metals: z), guess: guess)
    }

    // MARK: The η iteration

    /// Safeguarded Newton on R(η) = ln νₑ(η) − ln ν_ion,e(η), increasing in η; bisection inside the
    /// bracket when a step leaves it. R is evaluated in scalars: with the Coulomb shift independent of η
    /// (F_C linear in x), the Saha exponents are cₛ − η with per-call constants cₛ, identical to the
    /// jets' (`evaluate`). Trap: far from the root R is close to linear in η (non-degenerate gas) but the
    /// steps can be hundreds of units (a full-ionisation guess at 3000 K), so steps are capped at
    /// max(60, |η|/2) and the bracket is kept. The iteration uses the coarse Fermi rules; the full-order jets at the end
    /// correct the last ~10⁻⁹ by a Taylor shift (`state`).
    func solve(lnRho: Double, lnT: Double, theta: Double, mix m: Mixture, guess: Double?, rho: Double, t: Double) throws -> Double {
        let c = Self.sahaConstants(rho: rho, t: t, mix: m)
        let lnScale = Foundation.log(EnvelopeEOSFermi.numberScale / (rho * CGS.avogadro))
        var eta = guess ?? Self.initialGuess(rho: rho, theta: theta, electronsPerBaryon: m.nuFull)
        var lo = -Double.infinity, hi = Double.infinity
        var lastR = Double.nan
        for _ in 0..<200 {
            let n = EnvelopeEOSFermi.number(eta: eta, theta: theta, coarse: true)
            // H: y₁ = 1/(1 + e^(η − c_H)); He: softmax of (0, c₁ − η, c₁ + c₂ − 2η).
            let aH = c.h - eta
            let yH1 = EnvelopeEOSFermi.fermi(-aH), yH0 = EnvelopeEOSFermi.fermi(aH)
            let a1 = c.he1 - eta, a2 = c.he1 + c.he2 - 2 * eta
            let mx = max(0, a1, a2)
            let e0 = Foundation.exp(-mx), e1 = Foundation.exp(a1 - mx), e2 = Foundation.exp(a2 - mx)
            let sum = e0 + e1 + e2
            let y1 = e1 / sum, y2 = e2 / sum
            let kMean = y1 + 2 * y2, kVar = max(0, y1 + 4 * y2 - kMean * kMean)
            var nuIonE = m.nuH * yH1 + m.nuHe * kMean
            var dNuIonE = -m.nuH * yH1 * yH0 - m.nuHe * kVar
            for ladder in m.metalLadders {
                let z = ladder.electrons(eta: eta, invKT: c.invKT, nN: c.nN, muC: c.muC)
                nuIonE += ladder.nu * z.mean
                dNuIonE -= ladder.nu * z.variance
            }
            let r = Foundation.log(n.value) + lnScale - Foundation.log(nuIonE)
            let dr = n.dEta / n.value - dNuIonE / nuIonE
            guard r.isFinite else {
                throw EnvelopeEOSError.outOfDomain(quantity: "free-electron density (underflow) at η", value: eta,
                                                   domain: "νₑ > 0 representable")
            }
            lastR = r
            if abs(r) < 1e-10 { return eta }   // the final Taylor shift (error O(r²)) does the rest
            if r > 0 { hi = min(hi, eta) } else { lo = max(lo, eta) }
            let cap = max(60, 0.5 * abs(eta))
            var step = dr > 0 ? -r / dr : (r > 0 ? -cap : cap)
            step = max(-cap, min(cap, step))
            var next = eta + step
            if !(next > lo && next < hi) {
                next = (lo.isFinite && hi.isFinite) ? 0.5 * (lo + hi) : eta + (r > 0 ? -cap : cap)
            }
            if abs(next - eta) <= 1e-14 * max(1, abs(eta)) { return next }
            eta = next
        }
        throw EnvelopeEOSError.notConverged(density: rho, temperature: t, residual: lastR)
    }

    /// The constant parts cₛ of the Saha exponents ln(n(s+1)/n(s)) = cₛ − η (see the type's comment).
    static func sahaConstants(rho: Double, t: Double, mix m: Mixture)
        -> (h: Double, he1: Double, he2: Double, invKT: Double, nN: Double, muC: Double) {
        let kT = CGS.boltzmann * t
        let nN = rho * CGS.avogadro * m.nuIon
        let gammaFull = m.coulombScale * Foundation.exp(Foundation.log(rho) / 3 - Foundation.log(t))
        let muC = coulomb(EnvelopeEOSJet(gammaFull)).f.v * (m.nuIon / m.nuFull)
        let lnwH0 = -nN * volumeH0, lnwHe0 = -nN * volumeHe0, lnwHe1 = -nN * volumeHe1
        let dH0 = nN * (chiH * volumeH0), dHe0 = nN * (chiHe1 * volumeHe0), dHe1 = nN * (chiHe2 * volumeHe1)
        return ((dH0 - chiH) / kT - muC - lnwH0 + Foundation.log(0.5),
                (dHe0 - dHe1 - chiHe1) / kT - muC - lnwHe0 + lnwHe1 + Foundation.log(2.0),
                (dHe1 - chiHe2) / kT - muC - lnwHe1 + Foundation.log(0.5), 1 / kT, nN, muC)
    }

    /// η of a fully ionised gas: u = nₑλ³/2, η ≈ ln u (u ≪ 1) and the T = 0 Fermi energy at any relativity,
    /// η ≈ mₑc²(√(1 + x_F²) − 1)/kT with x_F = ħ(3π²nₑ)^(1/3)/mₑc (Cox & Giuli 1968, ch. 24), whichever is
    /// larger. Trap: the non-relativistic (3√π u/4)^(2/3) is 10× too large at 10⁸ g/cm³, and the capped
    /// Newton steps then need hundreds of iterations.
    static func initialGuess(rho: Double, theta: Double, electronsPerBaryon nu: Double) -> Double {
        let ne = rho * CGS.avogadro * nu
        let kT = theta * EnvelopeEOSFermi.restEnergy
        let lambda = CGS.planck / (2 * Double.pi * CGS.electronMass * kT).squareRoot()
        let u = ne * lambda * lambda * lambda / 2
        let xF = CGS.hbar * cbrt(3 * Double.pi * Double.pi * ne) / (CGS.electronMass * CGS.speedOfLight)
        let degenerate = ((1 + xF * xF).squareRoot() - 1) / theta
        return u < 1 ? Foundation.log(u) : max(Foundation.log(u), degenerate)
    }

    // MARK: The free energy's derivatives as jets

    /// Per-composition constants.
    struct Mixture: Sendable, Equatable {
        let nuH: Double, nuHe: Double, nuMetalIons: Double, nuMetalElectrons: Double
        /// Ions (nuclei) and fully ionised electrons per baryon (per u of mass).
        let nuIon: Double, nuFull: Double
        /// Γ_full/(ρ^(1/3) T⁻¹): Γ_full = coulombScale ρ^(1/3)/T.
        let coulombScale: Double
        /// Σ over nuclei of νₛ(5/2 − ln N_A − ln νₛ − (3/2) ln(h²/2πAₛm_u k)) + the stages' ln g: the
        /// composition-fixed part of S/(N_A k) (the ionisation mixing terms are added at run time).
        let entropyH: Double, entropyHe: Double, entropyMetals: Double
        /// The metals' ionisation ladders (only elements present).
        let metalLadders: [EnvelopeEOSMetalLadder]

        init(hydrogen: Double, helium: Double, carbon: Double, nitrogen: Double, oxygen: Double, neon: Double) {
            typealias C = EnvelopeEOSComposition
            nuH = hydrogen / C.massH
            nuHe = helium / C.massHe
            let metals = [(carbon, 6.0, C.massC), (nitrogen, 7, C.massN), (oxygen, 8, C.massO), (neon, 10, C.massNe)]
            nuMetalIons = metals.reduce(0) { $0 + $1.0 / $1.2 }
            nuMetalElectrons = metals.reduce(0) { $0 + $1.0 * $1.1 / $1.2 }
            nuIon = nuH + nuHe + nuMetalIons
            nuFull = nuH + 2 * nuHe + nuMetalElectrons
            let z53 = (nuH + nuHe * Foundation.pow(2, 5.0 / 3)
                       + metals.reduce(0) { $0 + $1.0 / $1.2 * Foundation.pow($1.1, 5.0 / 3) }) / nuIon
            let e = CGS.elementaryCharge
            let gammaFull0 = z53 * e * e * cbrt(4 * Double.pi * nuFull * CGS.avogadro / 3) / CGS.boltzmann
            coulombScale = gammaFull0
            func k(_ nu: Double, _ a: Double) -> Double {
                guard nu > 0 else { return 0 }
                let h = CGS.planck
                return nu * (2.5 - Foundation.log(CGS.avogadro) - Foundation.log(nu)
                             - 1.5 * Foundation.log(h * h / (2 * Double.pi * a * CGS.atomicMassUnit * CGS.boltzmann)))
            }
            entropyH = k(nuH, C.massH)
            entropyHe = k(nuHe, C.massHe)
            entropyMetals = metals.reduce(0) { $0 + k($1.0 / $1.2, $1.2) }
            metalLadders = metals.filter { $0.0 > 0 }.map { EnvelopeEOSMetalLadder(nu: $0.0 / $0.2, charge: Int($0.1)) }
        }
    }

    /// Jets of the residual and the thermodynamic functions at (η, ln ρ, ln T), and the values the
    /// state reports.
    struct Jets {
        var residual = EnvelopeEOSJet.zero
        var pressure = EnvelopeEOSJet.zero, energy = EnvelopeEOSJet.zero, entropy = EnvelopeEOSJet.zero
        var electronsPerBaryon = 0.0, gamma = 0.0
        var yH1 = 0.0, yHe1 = 0.0, yHe2 = 0.0

        /// Moves every jet by δ in η to second order (value and gradient; the Hessian's change is O(δ)
        /// in third derivatives and is dropped).
        mutating func shift(eta d: Double) {
            residual.shiftEta(d)
            pressure.shiftEta(d)
            energy.shiftEta(d)
            entropy.shiftEta(d)
        }
    }

    /// Evaluates the free energy's derivatives (see the type's comment).
    func evaluate(eta: Double, lnRho: Double, lnT: Double, theta: Double, mix m: Mixture) -> Jets {
        let etaJ = EnvelopeEOSJet(eta, 1)
        let lnRhoJ = EnvelopeEOSJet(lnRho, 0, 1), lnTJ = EnvelopeEOSJet(lnT, 0, 0, 1)
        let rhoJ = lnRhoJ.exp, tJ = lnTJ.exp
        let (inN, inP, inU) = EnvelopeEOSFermi.integrals(eta: eta, theta: theta)
        let na = CGS.avogadro, k = CGS.boltzmann
        let ne = inN * EnvelopeEOSFermi.numberScale                       // cm⁻³
        let nuE = ne * (-lnRhoJ).exp / na                                  // free electrons per baryon
        // Coulomb: F_C = N_ion kT x f(Γ_full), x = νₑ/ν_full; μ_C/kT = ν_ion f(Γ_full)/ν_full.
        let gammaJ = (lnRhoJ / 3 - lnTJ).exp * m.coulombScale
        let (fC, uC) = Self.coulomb(gammaJ)
        let xJ = nuE / m.nuFull
        let etaEff = etaJ + fC * (m.nuIon / m.nuFull)
        // Occupation probabilities: ln w = −n_N V, n_N = ρ N_A ν_ion.
        let nN = rhoJ * (na * m.nuIon)
        let lnwH0 = nN * (-Self.volumeH0), lnwHe0 = nN * (-Self.volumeHe0), lnwHe1 = nN * (-Self.volumeHe1)
        // Bound-state energy shifts Δₛ = χₛ n_N Vₛ (erg).
        let dH0 = nN * (Self.chiH * Self.volumeH0), dHe0 = nN * (Self.chiHe1 * Self.volumeHe0)
        let dHe1 = nN * (Self.chiHe2 * Self.volumeHe1)
        let invKT = (-lnTJ).exp / k
        // ln of the Saha ratios n(s+1)/n(s).
        let lH: EnvelopeEOSJet = invKT * (dH0 - Self.chiH) - etaEff - lnwH0 + Foundation.log(0.5)
        let lHe1: EnvelopeEOSJet = invKT * (dHe0 - dHe1 - Self.chiHe1) - etaEff - lnwHe0 + lnwHe1 + Foundation.log(2.0)
        let lHe2: EnvelopeEOSJet = invKT * (dHe1 - Self.chiHe2) - etaEff - lnwHe1 + Foundation.log(0.5)
        // Stage populations by a log-sum-exp (no overflow for any ratio): ln yₛ = aₛ − ln Σ e^(aₖ).
        let hLse = Self.logSumExp(.zero, lH, nil)
        let lnYH0 = -hLse, lnYH1 = lH - hLse
        let a2 = lHe1 + lHe2
        let heLse = Self.logSumExp(.zero, lHe1, a2)
        let lnYHe0 = -heLse, lnYHe1 = lHe1 - heLse, lnYHe2 = a2 - heLse
        let yH0 = lnYH0.exp, yH1 = lnYH1.exp, yHe0 = lnYHe0.exp, yHe1 = lnYHe1.exp, yHe2 = lnYHe2.exp
        var metals = EnvelopeEOSMetalLadder.Sums()
        for ladder in m.metalLadders { ladder.sums(etaEff: etaEff, invKT: invKT, nN: nN, into: &metals) }
        let nuIonE = yH1 * m.nuH + (yHe1 + 2 * yHe2) * m.nuHe + metals.electrons
        var out = Jets()
        out.residual = nuE.log - nuIonE.log
        out.electronsPerBaryon = nuE.v
        out.gamma = gammaJ.v
        out.yH1 = yH1.v
        out.yHe1 = yHe1.v
        out.yHe2 = yHe2.v
        let rest = EnvelopeEOSFermi.restEnergy * EnvelopeEOSFermi.numberScale
        let pE = inP * (rest / 3), uE = inU * rest                       // erg cm⁻³
        let kT = tJ * k
        let rgasT = kT * na                                                // N_A k T, erg g⁻¹ per unit ν
        let pIon = rhoJ * rgasT * m.nuIon
        let boundHe: EnvelopeEOSJet = yHe0 * lnwHe0 + yHe1 * lnwHe1
        let bound: EnvelopeEOSJet = (yH0 * lnwH0) * (-m.nuH) - boundHe * m.nuHe
        let aT4: EnvelopeEOSJet = (lnTJ * 4).exp * (includeRadiation ? CGS.radiation : 0)
        let pCoulomb: EnvelopeEOSJet = pIon * xJ * uC / 3
        let shiftHe: EnvelopeEOSJet = yHe0 * dHe0 + yHe1 * dHe1
        let shift: EnvelopeEOSJet = (yH0 * dH0) * m.nuH + shiftHe * m.nuHe      // Σ νₛΔₛ, erg per u
        let pBound: EnvelopeEOSJet = rhoJ * rgasT * (bound + metals.minusLnW) + rhoJ * (shift + metals.shift) * na
        out.pressure = pE + pIon + pCoulomb + pBound + aT4 / 3
        let invRho = (-lnRhoJ).exp
        let bindHe: EnvelopeEOSJet = yHe0 * (Self.chiHe1 + Self.chiHe2) + yHe1 * Self.chiHe2
        let binding: EnvelopeEOSJet = (yH0 * m.nuH) * Self.chiH + bindHe * m.nuHe
        let eIons: EnvelopeEOSJet = rgasT * m.nuIon * (xJ * uC + 1.5)
        out.energy = uE * invRho + eIons - (binding - shift + metals.bindingMinusShift) * na + aT4 * invRho
        // Entropy / (N_A k) per gram of the nuclei: fixed part + ν_el Σ yₛ(ln gₛ − ln yₛ) + ν_ion(1.5 ln T − ln ρ).
        let ln2 = Foundation.log(2.0)
        let mixH0: EnvelopeEOSJet = yH0 * (ln2 - lnYH0)
        let mixH: EnvelopeEOSJet = (mixH0 - yH1 * lnYH1) * m.nuH
        let mixHe0: EnvelopeEOSJet = yHe1 * (ln2 - lnYHe1)
        let mixHe1: EnvelopeEOSJet = yHe0 * lnYHe0 + yHe2 * lnYHe2
        let mixHe: EnvelopeEOSJet = (mixHe0 - mixHe1) * m.nuHe
        let occHe: EnvelopeEOSJet = yHe0 * lnwHe0 + yHe1 * lnwHe1
        let occupation: EnvelopeEOSJet = (yH0 * m.nuH) * lnwH0 + occHe * m.nuHe
        let ideal: EnvelopeEOSJet = (lnTJ * 1.5 - lnRhoJ) * m.nuIon + (m.entropyH + m.entropyHe + m.entropyMetals)
        let sNuclei: EnvelopeEOSJet = mixH + mixHe + occupation + ideal + xJ * (uC - fC) * m.nuIon + metals.entropy
        let sElectrons: EnvelopeEOSJet = (uE + pE - ne * kT * etaJ) * invRho / tJ
        let sRadiation: EnvelopeEOSJet = aT4 * invRho / tJ * (4.0 / 3)
        out.entropy = sElectrons + sNuclei * (na * k) + sRadiation
        return out
    }

    /// ln(e^a + e^b [+ e^c]) with the largest value factored out.
    @inline(__always)
    static func logSumExp(_ a: EnvelopeEOSJet, _ b: EnvelopeEOSJet, _ c: EnvelopeEOSJet?) -> EnvelopeEOSJet {
        var mx = max(a.v, b.v)
        if let c { mx = max(mx, c.v) }
        var s = (a - mx).exp + (b - mx).exp
        if let c { s = s + (c - mx).exp }
        return s.log + mx
    }

    /// Potekhin & Chabrier (2000, PRE 62, 8554, eq. 28) one-component-plasma free energy f(Γ) and
    /// u = Γ df/dΓ per ion in kT, as jets (the fit of `Microphysics.CoulombModel.potekhinChabrier2000`,
    /// the same coefficients). Trap: the closed form's O(Γ^½) terms cancel to O(Γ^(3/2)); below Γ = 10⁻³
    /// the Taylor series in √Γ of its A₁ and A₃ terms (derived term by term from the same formula, exact to
    /// O(Γ^(9/2))) is used; the B terms stay in closed form (the B₄ term's series converges only for Γ < √B₄).
    static func coulomb(_ g: EnvelopeEOSJet) -> (f: EnvelopeEOSJet, u: EnvelopeEOSJet) {
        let a1 = -0.9070, a2 = 0.62954, a3 = -3.0.squareRoot() / 2 - a1 / a2.squareRoot()
        let b1 = 4.56e-3, b2 = 211.6, b3 = -1e-4, b4 = 4.62e-3
        if g.v < 1e-3 {
            let sa2 = a2.squareRoot()
            let c3 = 2.0 / 3 * (a1 / sa2 + a3)
            let c5 = -a1 / (5 * a2 * sa2) - 2 * a3 / 5
            let c7 = 3 * a1 / (28 * a2 * a2 * sa2) + 2 * a3 / 7
            let s = g.sqrt, g32 = g * s, g2 = g * g, g52 = g2 * s, g72 = g2 * g * s
            // A and B terms by their series; the C and D terms have no cancellation (closed form).
            var f: EnvelopeEOSJet = g32 * c3
            f = f + g52 * c5
            f = f + g72 * c7
            var u: EnvelopeEOSJet = g32 * (1.5 * c3)
            u = u + g52 * (2.5 * c5)
            u = u + g72 * (3.5 * c7)
            let fC: EnvelopeEOSJet = (g - (g / b2 + 1).log * b2) * b1
            let fD: EnvelopeEOSJet = (g2 / b4 + 1).log * (b3 / 2)
            let uB: EnvelopeEOSJet = g2 * (g + b2).reciprocal * b1
            let uC: EnvelopeEOSJet = g2 * (g2 + b4).reciprocal * b3
            return (f + fC + fD, u + uB + uC)
        }
        let s = g.sqrt
        let ga: EnvelopeEOSJet = g / a2
        let asinh = (ga.sqrt + (ga + 1).sqrt).log
        let g2: EnvelopeEOSJet = g * g
        let fA: EnvelopeEOSJet = ((g * (g + a2)).sqrt - asinh * a2) * a1
        let fB: EnvelopeEOSJet = (s - s.atan) * (2 * a3)
        let fC: EnvelopeEOSJet = (g - (g / b2 + 1).log * b2) * b1
        let fD: EnvelopeEOSJet = (g2 / b4 + 1).log * (b3 / 2)
        let f = fA + fB + fC + fD
        let uA: EnvelopeEOSJet = (g + a2).sqrt.reciprocal * a1 + (g + 1).reciprocal * a3
        let uB: EnvelopeEOSJet = g2 * (g + b2).reciprocal * b1
        let uC: EnvelopeEOSJet = g2 * (g2 + b4).reciprocal * b3
        let u = g * s * uA + uB + uC
        return (f, u)
    }
}
