import Foundation
import Constants
import Microphysics

/// Hydrogen burning by the pp chains (I, II, III, pep, hep) and the CN + ON cycles, from REACLIB rates
/// (Cyburt et al. 2010, ApJS 189, 240) with the CDY07 screening of `Microphysics.Screening`.
///
/// Network: explicit ¹H, ³He, ⁴He, ¹²C, ¹³C, ¹⁴N, ¹⁵N, ¹⁶O, ¹⁷O; ²H, ⁷Be, ⁷Li, ⁸B, ¹³N, ¹⁵O, ¹⁷F in
/// equilibrium (each is destroyed as fast as it is made, so a chain step and its successors form one
/// "compound" reaction below, with the summed Q minus the neutrino's mean energy). Rates per gram:
/// R = ρ Y_a Y_b N_A⟨σv⟩ F /(1 + δ_ab) [mol g⁻¹ s⁻¹] (Clayton 1968 eq. 4-26 with n = ρN_A Y), so
/// dY_i/dt = Σ_k ν_ik R_k and ε = N_A Σ_k R_k Q_k. Electron captures (pep, ⁷Be) carry an extra ρYₑ.
/// Traps: the 1/2 for p+p and ³He+³He (tested); the REACLIB ec sets give λ/(ρYₑ) (tested against
/// Bahcall's ⁷Be capture rate); pep is screened with the p+p factor, ⁷Be electron capture is not screened.
///
/// A final class with only constant stored properties (immutable, `Sendable`): callers that hold it inside
/// another object (`EnvelopeMicrophysics.burning`) reach it through one reference instead of copying ~0.8 kB of
/// tables on every call, which is what a struct cost on the hot path.
public final class HydrogenBurning: Sendable {
    /// Compound reactions, in the order of `HydrogenBurningResult.reactionRates`.
    public enum Reaction: Int, CaseIterable, Sendable {
        /// p(p,e⁺ν)d then d(p,γ)³He: 3p → ³He.
        case pp
        /// p(pe⁻,ν)d then d(p,γ)³He.
        case pep
        /// ³He(p,e⁺ν)⁴He.
        case hep
        /// ³He(³He,2p)⁴He (pp-I).
        case he3he3
        /// ³He(α,γ)⁷Be, then ⁷Be(e⁻,ν)⁷Li(p,α)⁴He (pp-II) or ⁷Be(p,γ)⁸B(e⁺ν)2⁴He (pp-III).
        case he3he4
        /// ¹²C(p,γ)¹³N(e⁺ν)¹³C.
        case c12pg
        /// ¹³C(p,γ)¹⁴N.
        case c13pg
        /// ¹⁴N(p,γ)¹⁵O(e⁺ν)¹⁵N.
        case n14pg
        /// ¹⁵N(p,α)¹²C.
        case n15pa
        /// ¹⁵N(p,γ)¹⁶O.
        case n15pg
        /// ¹⁶O(p,γ)¹⁷F(e⁺ν)¹⁷O.
        case o16pg
        /// ¹⁷O(p,α)¹⁴N.
        case o17pa
    }

    /// Mean neutrino energies (MeV) of the spectra, Bahcall, *Neutrino Astrophysics* (CUP 1989), ch. 6
    /// (pp 0.265, pep 1.442 line, hep 9.628, ⁷Be 0.814 = 0.897·0.862 + 0.103·0.384, ⁸B 6.710,
    /// ¹³N 0.7067, ¹⁵O 0.9965, ¹⁷F 0.9994).
    public enum NeutrinoEnergy {
        public static let pp = 0.265, pep = 1.442, hep = 9.628, be7 = 0.814, b8 = 6.710
        public static let n13 = 0.7067, o15 = 0.9965, f17 = 0.9994
    }

    public let screening: ScreeningModel
    /// Net Q (MeV, after ν losses) of each compound reaction; he3he4 is stored without its ⁷Be branch.
    public let netQ_MeV: [Double]
    /// Total Q of each compound reaction (MeV, REACLIB header values summed; ν included).
    public let totalQ_MeV: [Double]
    /// Net Q (MeV) after ³He(α,γ)⁷Be of the pp-II and pp-III branches.
    public let netQBranchII_MeV: Double, netQBranchIII_MeV: Double

    // Flat REACLIB coefficients, 7 per set; reaction r owns sets setStart[r]..<setStart[r+1].
    // r: 0…11 as `Reaction`, 12 = ⁷Be(e⁻,ν)⁷Li (λ/ρYₑ), 13 = ⁷Be(p,γ)⁸B.
    let coefficients: [Double]
    let setStart: InlineArray<15, Int>
    let pairs: InlineArray<11, HydrogenBurningScreenPair>
    let qNet: InlineArray<12, Double>
    let eNu: InlineArray<12, Double>
    /// Pairs with the largest Γ coefficient and the largest T_p (lowest T/T_p): checking them checks all pairs.
    let maxGammaPair: Int, maxTpPair: Int
    /// Copies of those two pairs (read on every call without indexing `pairs`) and all pairs as vectors.
    let strongestPair: HydrogenBurningScreenPair, coldestPair: HydrogenBurningScreenPair
    let screenVector: HydrogenBurningScreenVector

    // Screening pair of each reaction 0…11 and of ⁷Be(p,γ) (index 12).
    static let pairOf: InlineArray<13, Int> = [0, 0, 1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10]
    static let pairNuclei: [(Double, Double, Double, Double)] = [
        (1, 1, 1, 1), (1, 1, 2, 3), (2, 3, 2, 3), (2, 3, 2, 4), (1, 1, 6, 12), (1, 1, 6, 13), (1, 1, 7, 14),
        (1, 1, 7, 15), (1, 1, 8, 16), (1, 1, 8, 17), (1, 1, 4, 7),
    ]
    // Reactants (species indices) of each reaction.
    static let reactantA: InlineArray<12, Int> = [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    static let reactantB: InlineArray<12, Int> = [0, 0, 1, 1, 2, 3, 4, 5, 6, 6, 7, 8]
    // Stoichiometry: up to 4 (species, ν) per reaction; ν = 0 marks an unused slot.
    static let stoichSpecies: InlineArray<48, Int> = [
        0, 1, 0, 0, /* pp */ 0, 1, 0, 0, /* pep */ 0, 1, 2, 0, /* hep */ 1, 0, 2, 0, /* 33 */
        1, 0, 2, 0, /* 34 */ 0, 3, 4, 0, /* c12 */ 0, 4, 5, 0, /* c13 */ 0, 5, 6, 0, /* n14 */
        0, 6, 3, 2, /* n15pa */ 0, 6, 7, 0, /* n15pg */ 0, 7, 8, 0, /* o16 */ 0, 8, 5, 2, /* o17pa */
    ]
    static let stoichNu: InlineArray<48, Double> = [
        -3, 1, 0, 0, -3, 1, 0, 0, -1, -1, 1, 0, -2, 2, 1, 0,
        -1, -1, 1, 0, -1, -1, 1, 0, -1, -1, 1, 0, -1, -1, 1, 0,
        -1, -1, 1, 1, -1, -1, 1, 0, -1, -1, 1, 0, -1, -1, 1, 1,
    ]
    static let charge: InlineArray<9, Double> = [1, 2, 2, 6, 6, 7, 7, 8, 8]
    static let mass: InlineArray<9, Double> = [1, 3, 4, 12, 13, 14, 15, 16, 17]
    static let inverseMass: InlineArray<9, Double> = [1, 1.0 / 3, 0.25, 1.0 / 12, 1.0 / 13, 1.0 / 14, 1.0 / 15, 1.0 / 16, 1.0 / 17]

    /// Below this temperature the result is exactly zero: at 10⁶ K and ρ = 10³ g cm⁻³ the (screened) pp rate gives
    /// ε ≈ 1×10⁻⁵ erg g⁻¹ s⁻¹ ≪ L☉/M☉ ≈ 1.9 (tested); at 3×10⁶ K ³He burning still gives ~0.04, so the cut cannot be higher.
    public static let minimumTemperature = 1e6
    /// Mass fractions down to −10⁻¹⁰ are accepted and used as they are (rates then change sign smoothly, which
    /// keeps an implicit solver's Jacobian consistent); below, a typed error.
    public static let negativeMassFractionTolerance = -1e-10
    /// Above this the network lacks hot-CNO and breakout reactions.
    public static let maximumTemperature = 1e9

    /// Builds the network from the REACLIB sets in `rates` (see `ReaclibRateSet.hydrogenBurning()`).
    /// `screening` must be `.chugunov2007` (the project's default) or `.none`.
    public init(rates: ReaclibRateSet, screening: ScreeningModel = .chugunov2007) throws {
        guard screening != .screen5 else { throw HydrogenBurningError.unsupportedScreening(screening.rawValue) }
        self.screening = screening
        let r = rates
        let pp = try r.reaction(["p", "p"], ["d"]), pep = try r.reaction(["p", "p"], ["d"], electronCapture: true)
        let dpg = try r.reaction(["p", "d"], ["he3"]), hep = try r.reaction(["p", "he3"], ["he4"])
        let h33 = try r.reaction(["he3", "he3"], ["p", "p", "he4"]), h34 = try r.reaction(["he4", "he3"], ["be7"])
        let bec = try r.reaction(["be7"], ["li7"], electronCapture: true), li7 = try r.reaction(["p", "li7"], ["he4", "he4"])
        let be7pg = try r.reaction(["p", "be7"], ["b8"]), b8 = try r.reaction(["b8"], ["he4", "he4"])
        let c12 = try r.reaction(["p", "c12"], ["n13"]), n13 = try r.reaction(["n13"], ["c13"])
        let c13 = try r.reaction(["p", "c13"], ["n14"]), n14 = try r.reaction(["p", "n14"], ["o15"])
        let o15 = try r.reaction(["o15"], ["n15"]), n15a = try r.reaction(["p", "n15"], ["he4", "c12"])
        let n15g = try r.reaction(["p", "n15"], ["o16"]), o16 = try r.reaction(["p", "o16"], ["f17"])
        let f17 = try r.reaction(["f17"], ["o17"]), o17 = try r.reaction(["p", "o17"], ["he4", "n14"])
        let ordered = [pp, pep, hep, h33, h34, c12, c13, n14, n15a, n15g, o16, o17, bec, be7pg]
        var coeffs: [Double] = [], start = InlineArray<15, Int>(repeating: 0)
        for (i, reaction) in ordered.enumerated() {
            start[i] = coeffs.count / 7
            for s in reaction.sets { coeffs += s.coefficients }
        }
        start[14] = coeffs.count / 7
        coefficients = coeffs
        setStart = start
        let nu = NeutrinoEnergy.self
        let total: [Double] = [
            pp.qValue_MeV + dpg.qValue_MeV, pep.qValue_MeV + dpg.qValue_MeV, hep.qValue_MeV, h33.qValue_MeV,
            h34.qValue_MeV, c12.qValue_MeV + n13.qValue_MeV, c13.qValue_MeV, n14.qValue_MeV + o15.qValue_MeV,
            n15a.qValue_MeV, n15g.qValue_MeV, o16.qValue_MeV + f17.qValue_MeV, o17.qValue_MeV,
        ]
        let loss: [Double] = [nu.pp, nu.pep, nu.hep, 0, 0, nu.n13, 0, nu.o15, 0, 0, nu.f17, 0]
        totalQ_MeV = total
        netQ_MeV = zip(total, loss).map { $0 - $1 }
        netQBranchII_MeV = bec.qValue_MeV + li7.qValue_MeV - nu.be7
        netQBranchIII_MeV = be7pg.qValue_MeV + b8.qValue_MeV - nu.b8
        var q = InlineArray<12, Double>(repeating: 0), e = InlineArray<12, Double>(repeating: 0)
        for k in 0..<12 { q[k] = total[k] - loss[k]; e[k] = loss[k] }
        qNet = q
        eNu = e
        var p = InlineArray<11, HydrogenBurningScreenPair>(repeating: HydrogenBurningScreenPair(z1: 1, a1: 1, z2: 1, a2: 1))
        for (i, n) in Self.pairNuclei.enumerated() { p[i] = HydrogenBurningScreenPair(z1: n.0, a1: n.1, z2: n.2, a2: n.3) }
        pairs = p
        var ig = 0, it = 0
        for i in 0..<11 {
            if p[i].gammaCoefficient > p[ig].gammaCoefficient { ig = i }
            if p[i].tpCoefficient > p[it].tpCoefficient { it = i }
        }
        maxGammaPair = ig
        maxTpPair = it
        strongestPair = p[ig]
        coldestPair = p[it]
        screenVector = HydrogenBurningScreenVector(pairs: (0..<11).map { p[$0] })
    }

    /// The network with the data files in `StellarModels/reaction-rates/` and CDY07 screening.
    public static func standard(screening: ScreeningModel = .chugunov2007) throws -> HydrogenBurning {
        try HydrogenBurning(rates: ReaclibRateSet.hydrogenBurning(), screening: screening)
    }

    /// Unscreened REACLIB rate (Σ over sets) of reaction slot `r` (0…11 as `Reaction`, 12 = ⁷Be ec as λ/(ρYₑ),
    /// 13 = ⁷Be(p,γ)) at T9, with d ln λ/d ln T — for tests and diagnostics.
    public func reaclibRate(slot r: Int, t9: Double) -> (rate: Double, dLnRatedLnT: Double) {
        let t13 = cbrt(t9), p = T9Powers(t9: t9, t13: t13)
        let coefficients = self.coefficients
        return Self.rate(coefficients.span, setStart, r, p)
    }

    /// T9 powers, computed once per call; the /3 and 5/3 of the log-derivative are folded in here because a
    /// division by a constant is not turned into a multiplication (it would round differently).
    struct T9Powers {
        let i9, t13, tm13, t9, t53, lnt: Double
        let tm13Third, t13Third, t53FiveThirds: Double
        init(t9: Double, t13: Double) {
            self.t9 = t9; self.t13 = t13; i9 = 1 / t9; tm13 = 1 / t13; t53 = t9 * t13 * t13; lnt = log(t9)
            tm13Third = tm13 / 3; t13Third = t13 / 3; t53FiveThirds = 5 * t53 / 3
        }
    }

    /// Σ_sets exp(exponent + shift): `shift` = the screening exponent h, so λF costs no extra exp.
    @inline(__always)
    static func rate(_ c: Span<Double>, _ setStart: InlineArray<15, Int>, _ r: Int, _ p: T9Powers,
                     shift: Double = 0) -> (rate: Double, dLnRatedLnT: Double) {
        var lam = 0.0, dlam = 0.0
        var s = setStart[r]
        let end = setStart[r + 1]
        while s < end {
            let o = 7 * s
            let a0 = c[o], a1 = c[o + 1], a2 = c[o + 2], a3 = c[o + 3], a4 = c[o + 4], a5 = c[o + 5], a6 = c[o + 6]
            let v = exp(a0 + a1 * p.i9 + a2 * p.tm13 + a3 * p.t13 + a4 * p.t9 + a5 * p.t53 + a6 * p.lnt + shift)
            lam += v
            dlam += v * (-a1 * p.i9 - a2 * p.tm13Third + a3 * p.t13Third + a4 * p.t9 + a5 * p.t53FiveThirds + a6)
            s += 1
        }
        return (lam, lam > 0 ? dlam / lam : 0)
    }

    /// Screening exponents h, ∂h/∂ln T and ∂h/∂ln nₑ of the 11 pairs (lanes 0…10; zero without screening).
    @inline(__always)
    func screeningExponents(density rho: Double, temperature t: Double, electronFraction ye: Double) throws(HydrogenBurningError)
        -> (h: SIMD16<Double>, dlnT: SIMD16<Double>, dlnNe: SIMD16<Double>) {
        guard screening == .chugunov2007 else { return (SIMD16(), SIMD16(), SIMD16()) }
        let ne = rho * ye * CGS.avogadro
        let ne13 = HydrogenBurningMath.cbrt(ne), it = 1 / t
        let ne13OverT = ne13 * it, tOverNe13 = t / ne13, zetaBase = HydrogenBurningMath.cbrt(ne * it * it)
        let tOverSqrtNe = t / ne.squareRoot()
        // Γ ∝ gammaCoefficient and 1/t ∝ tpCoefficient: checking the extreme pairs checks all of them.
        try strongestPair.check(ne13OverT: ne13OverT, tOverSqrtNe: tOverSqrtNe)
        try coldestPair.check(ne13OverT: ne13OverT, tOverSqrtNe: tOverSqrtNe)
        return screenVector.exponents(ne13OverT: ne13OverT, tOverNe13: tOverNe13, zetaBase: zetaBase)
    }

    /// ε (net of ν), ν losses, dX/dt and all derivatives at (ρ [g cm⁻³], T [K], mass fractions).
    /// Allocation-free. Throws for ρ ≤ 0, non-finite input, T > 10⁹ K, mass fractions < −10⁻¹⁰ or a sum
    /// ≠ 1 (±10⁻⁶), or conditions outside the CDY07 fit; returns zeros below `minimumTemperature`.
    public func evaluate(density rho: Double, temperature t: Double,
                         abundances x: HydrogenBurningAbundances) throws(HydrogenBurningError) -> HydrogenBurningResult {
        var out = HydrogenBurningResult()
        try evaluate(density: rho, temperature: t, abundances: x, into: &out)
        return out
    }

    /// The same, writing into `out` (every field is overwritten): the form for the hot path, no 1 kB copies.
    public func evaluate(density rho: Double, temperature t: Double, abundances x: HydrogenBurningAbundances,
                         into out: inout HydrogenBurningResult) throws(HydrogenBurningError) {
        try evaluate(density: rho, temperature: t, abundances: x, into: &out, mode: .all)
    }

    /// How much the shared implementation computes: everything, or `rateFactors` alone (for the equilibria).
    enum Mode { case all, rateFactors }

    /// The screened rate factors R_k/(Y_a Y_b) alone (the other fields of the result are not set), for the
    /// equilibrium abundances: the same numbers as `evaluate(…).rateFactors`, without the bookkeeping.
    func rateFactors(density rho: Double, temperature t: Double,
                     abundances x: HydrogenBurningAbundances) throws(HydrogenBurningError) -> InlineArray<12, Double> {
        var out = HydrogenBurningResult()
        try evaluate(density: rho, temperature: t, abundances: x, into: &out, mode: .rateFactors)
        return out.rateFactors
    }

    func evaluate(density rho: Double, temperature t: Double, abundances x: HydrogenBurningAbundances,
                  into out: inout HydrogenBurningResult, mode: Mode) throws(HydrogenBurningError) {
        guard rho.isFinite, rho > 0 else { throw .outOfRange(quantity: "density [g/cm3]", value: rho, allowed: "(0, ∞)") }
        guard t.isFinite, t > 0, t <= Self.maximumTemperature else {
            throw .outOfRange(quantity: "temperature [K]", value: t, allowed: "(0, 1e9]")
        }
        var sum = x.otherMetals
        guard x.otherMetals >= 0, x.otherMetals.isFinite else {
            throw .outOfRange(quantity: "other-metal mass fraction", value: x.otherMetals, allowed: "[0, 1]")
        }
        var yAll = InlineArray<9, Double>(repeating: 0)
        var yeSum = 0.5 * x.otherMetals
        for i in 0..<9 {
            let xi = x.massFractions[i]
            guard xi >= Self.negativeMassFractionTolerance, xi <= 1 + 1e-6 else {
                throw .outOfRange(quantity: "mass fraction of \(HydrogenBurningSpecies(rawValue: i)!)", value: xi,
                                  allowed: "[-1e-10, 1] (tiny negatives from an implicit solver are used as they are)")
            }
            sum += xi
            yAll[i] = xi * Self.inverseMass[i]
            yeSum += yAll[i] * Self.charge[i]
        }
        guard abs(sum - 1) <= 1e-6 else {
            throw .outOfRange(quantity: "sum of mass fractions", value: sum, allowed: "1 ± 1e-6")
        }
        if t < Self.minimumTemperature { out = HydrogenBurningResult(); return }
        // Constants from here on (the local functions below capture them; `let` keeps that free of runtime checks).
        let y = yAll, ye = yeSum

        // Screening exponents h, ∂h/∂ln T, ∂h/∂ln nₑ for the 11 pairs (lanes 0…10), all pairs at once.
        let (h, hT, hN) = try screeningExponents(density: rho, temperature: t, electronFraction: ye)

        let t9 = t * 1e-9, p = T9Powers(t9: t9, t13: HydrogenBurningMath.cbrt(t9))
        let coefficients = self.coefficients, c = coefficients.span
        // The members the local functions below read, as locals (capturing `self` would copy the whole struct).
        let setStart = self.setStart, qNet = self.qNet, eNu = self.eNu, netQBranchIII = netQBranchIII_MeV
        var w = HydrogenBurningScratch()
        // Rates λ e^h (h = 0 without screening) and their logarithmic derivatives, reaction by reaction (each
        // call inlined with a constant r, so the reaction tables fold into straight-line code).
        @inline(__always) func rateFactor(_ r: Int, _ w: inout HydrogenBurningScratch) {
            let pi = Self.pairOf[r]
            let (lamF, dl) = Self.rate(c, setStart, r, p, shift: h[pi])
            let sym = Self.reactantA[r] == Self.reactantB[r] ? 0.5 : 1
            if r == Reaction.pep.rawValue {
                w.k[r] = rho * rho * ye * lamF * sym
                w.gR[r] = 2 + hN[pi]; w.gE[r] = 1 + hN[pi]
            } else {
                w.k[r] = rho * lamF * sym
                w.gR[r] = 1 + hN[pi]; w.gE[r] = hN[pi]
            }
            w.gT[r] = dl + hT[pi]
        }
        rateFactor(0, &w); rateFactor(1, &w); rateFactor(2, &w); rateFactor(3, &w); rateFactor(4, &w)
        rateFactor(5, &w); rateFactor(6, &w); rateFactor(7, &w); rateFactor(8, &w); rateFactor(9, &w)
        rateFactor(10, &w); rateFactor(11, &w)
        if mode == .rateFactors {
            for r in 0..<12 { out.rateFactors[r] = w.k[r] }
            return
        }
        let ec = Self.rate(c, setStart, 12, p), pg = Self.rate(c, setStart, 13, p, shift: h[10])   // ⁷Be(p,γ) screened, e⁻ capture not

        // ⁷Be branching: f_e = 1/(1 + x), x = Y_p λ₁₇ e^{h₁₇} / (Yₑ λ_ec) (ρ cancels).
        let h17T = hT[10], h17N = hN[10]
        let pgOverEc = ec.rate > 0 ? pg.rate / (ye * ec.rate) : .infinity
        let xb = y[0] * pgOverEc
        let fe = pgOverEc.isFinite ? 1 / (1 + xb) : 0
        let dfedLnX = -fe * (1 - fe)
        let dfedLnT = dfedLnX * (pg.dLnRatedLnT + h17T - ec.dLnRatedLnT)
        let dfedLnRho = dfedLnX * h17N
        let deltaQ = netQBranchII_MeV - netQBranchIII_MeV
        out.beryllium7CaptureFraction = fe

        let cEps = CGS.avogadro * CGS.ergPerMeV
        // ∂R_k/∂Y_j = K_k ∂(Y_a Y_b)/∂Y_j + c_k Z_j with c_k = R_k ∂ln K_k/∂ln Yₑ / Yₑ (screening, ρYₑ of pep):
        // a sparse part and a rank-one part, so ∂(dY_i/dt)/∂Y_j = sparse_ij + u_i Z_j, u_i = Σ_k ν_ik c_k.
        let iye = 1 / ye
        let q34 = qNet[Reaction.he3he4.rawValue] + (netQBranchIII + fe * deltaQ)
        let enu34 = fe * NeutrinoEnergy.be7 + (1 - fe) * NeutrinoEnergy.b8
        @inline(__always) func accumulate(_ r: Int, _ w: inout HydrogenBurningScratch) {
            let a = Self.reactantA[r], b = Self.reactantB[r]
            let kr = w.k[r], rr = kr * y[a] * y[b]
            out.reactionRates[r] = rr
            out.rateFactors[r] = kr
            let q = r == Reaction.he3he4.rawValue ? q34 : qNet[r], enu = r == Reaction.he3he4.rawValue ? enu34 : eNu[r]
            let rT = rr * w.gT[r], rR = rr * w.gR[r], cYe = rr * w.gE[r] * iye
            if r < 5 { w.eps += rr * q } else { w.epsCNO += rr * q }
            w.epsNu += rr * enu
            w.eT += rT * q; w.eR += rR * q
            let dA = a == b ? 2 * kr * y[a] : kr * y[b], dB = a == b ? 0 : kr * y[a]
            w.eYe += q * cYe
            w.dEdY[a] += q * dA; w.dEdY[b] += q * dB
            for s in 0..<4 {
                let nu = Self.stoichNu[4 * r + s]
                if nu == 0 { continue }
                let i = Self.stoichSpecies[4 * r + s]
                w.dYdt[i] += nu * rr; w.dYT[i] += nu * rT; w.dYR[i] += nu * rR; w.u[i] += nu * cYe
                w.jacY[9 * i + a] += nu * dA; w.jacY[9 * i + b] += nu * dB
            }
        }
        accumulate(0, &w); accumulate(1, &w); accumulate(2, &w); accumulate(3, &w); accumulate(4, &w)
        accumulate(5, &w); accumulate(6, &w); accumulate(7, &w); accumulate(8, &w); accumulate(9, &w)
        accumulate(10, &w); accumulate(11, &w)
        for j in 0..<9 { w.dEdY[j] += w.eYe * Self.charge[j] }
        // The ⁷Be branch's effect on ε through f_e.
        let r34 = out.reactionRates[Reaction.he3he4.rawValue]
        w.eT += r34 * deltaQ * dfedLnT
        w.eR += r34 * deltaQ * dfedLnRho
        if pgOverEc.isFinite {
            // ∂x/∂Y_j = δ_jp pgOverEc + x (∂h₁₇/∂ln nₑ − 1) Z_j / Yₑ.
            for j in 0..<9 {
                var dx = xb * (h17N - 1) * Self.charge[j] * iye
                if j == 0 { dx += pgOverEc }
                w.dEdY[j] += r34 * deltaQ * (-fe * fe) * dx
            }
        }
        out.epsPP = cEps * w.eps
        out.epsCNO = cEps * w.epsCNO
        out.epsNeutrino = cEps * w.epsNu
        out.dEpsdLnT = cEps * w.eT
        out.dEpsdLnRho = cEps * w.eR
        for i in 0..<9 {
            let ai = Self.mass[i]
            out.dEpsdX[i] = cEps * w.dEdY[i] * Self.inverseMass[i]
            out.dXdt[i] = ai * w.dYdt[i]
            out.dXdtdLnT[i] = ai * w.dYT[i]
            out.dXdtdLnRho[i] = ai * w.dYR[i]
            let ui = w.u[i]
            for j in 0..<9 { out.jacobian[9 * i + j] = ai * (w.jacY[9 * i + j] + ui * Self.charge[j]) * Self.inverseMass[j] }
        }
    }
}

/// Scratch of `HydrogenBurning.evaluate` (on the stack): per reaction K = R/(Y_a Y_b) and ∂ln K/∂ln T, ∂ln ρ,
/// ∂ln Yₑ; per species ∂ε/∂Y, dY/dt, ∂(dY/dt)/∂ln T, ∂(dY/dt)/∂ln ρ and u; the sparse part of ∂(dY_i/dt)/∂Y_j
/// (index 9i + j); and the running sums of ε and its derivatives.
struct HydrogenBurningScratch {
    var k = InlineArray<12, Double>(repeating: 0), gT = InlineArray<12, Double>(repeating: 0)
    var gR = InlineArray<12, Double>(repeating: 0), gE = InlineArray<12, Double>(repeating: 0)
    var dEdY = InlineArray<9, Double>(repeating: 0), dYdt = InlineArray<9, Double>(repeating: 0)
    var dYT = InlineArray<9, Double>(repeating: 0), dYR = InlineArray<9, Double>(repeating: 0)
    var u = InlineArray<9, Double>(repeating: 0)
    var jacY = InlineArray<81, Double>(repeating: 0)
    var eps = 0.0, epsCNO = 0.0, epsNu = 0.0, eT = 0.0, eR = 0.0, eYe = 0.0
}
