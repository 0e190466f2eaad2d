import EnvelopePhysics
import Foundation
import Microphysics
import Plasma

/// The microphysics of one cell at (ρ, T) that the structure equations read: ln P, the thermodynamic derivatives
/// for ∇_ad and the mixing length, the total opacity (radiative tables + conduction, 1/κ = 1/κ_rad + 1/κ_cond) and
/// ε_nuc (net of the pp/CNO neutrinos), ε_3α, and the thermal neutrino losses ε_ν.
public struct StarCellState: Sendable {
    public var lnP = 0.0, chiRho = 1.0, chiT = 1.0, cP = 0.0, gradAd = 0.4, kappa = 1.0, eps = 0.0, eta = 0.0
    /// ε_3α (erg g⁻¹ s⁻¹) and the thermal (plasma, pair, photo, bremsstrahlung + non-standard + extra) neutrino
    /// losses ε_ν (erg g⁻¹ s⁻¹, ≥ 0).
    public var epsHelium = 0.0, epsNeutrino = 0.0
    /// The net energy source ε_H + ε_3α − ε_ν of the energy equation (without ε_grav).
    public var epsNet: Double { eps + epsHelium - epsNeutrino }
    public init() {}
}

/// The energy losses and gains beyond hydrogen burning: thermal neutrinos with the neutrino's electromagnetic
/// properties (μν, millicharge: the plasma module's table, the same rates as the helium-core integrator), the extra
/// loss hook, and 3α burning (energy only: the flash is reached long before 3α changes the core's composition).
public struct StarEnergyPhysics: Sendable {
    /// The neutrino's magnetic moments and millicharge (none: the Standard Model).
    public var neutrino: NeutrinoProperties = .none
    /// Axion–electron coupling g_ae/10⁻¹³: bremsstrahlung and Compton axions (`AxionEmission`) join ε_ν.
    public var axionElectron = 0.0
    /// Extra energy loss (erg g⁻¹ s⁻¹ ≥ 0) at (ρ [g cm⁻³], T [K]) — axions, dark photons; must be smooth.
    public var extraLoss: (@Sendable (_ density: Double, _ temperature: Double) -> Double)?
    /// The 3α rate and its screening (Fynbo et al. 2005, Chugunov et al. 2007: the helium-core integrator's defaults).
    public var tripleAlpha: TripleAlphaRate = .fynbo2005
    public var screening: ScreeningModel = .chugunov2007
    /// The conductive opacity (`ConductiveOpacity`): Potekhin et al. 1999 with Shternin & Yakovlev 2006 e–e
    /// collisions by default, or Yakovlev & Urpin 1980; with `blouin2020` the Blouin et al. 2020 (ApJ 899, 46) H/He
    /// correction. The core integrator's choices, so that the bound's conduction variations act on whole stars too.
    public var conduction: ConductiveOpacity.Prescription = .potekhin1999
    public var blouin2020 = false
    public init() {}

    /// Below this temperature (K) the thermal neutrino losses and 3α are not evaluated. At 6.3 MK the plasma
    /// emission is 3 × 10⁻¹³, 3 × 10⁻¹¹, 3 × 10⁻¹⁰ erg g⁻¹ s⁻¹ at ρ = 3, 30, 100 g cm⁻³ (`stellarbound microphysics`;
    /// a magnetic moment μ₁₂ = 6 multiplies it by ≲ 3 × 10⁴ at these plasma frequencies), ε_3α < 10⁻³⁰: against
    /// ε_nuc ≳ 10⁻² erg g⁻¹ s⁻¹ wherever such densities meet such temperatures. Trap: the plasma table's grid starts
    /// at 4 MK but its 6-point stencil first fits at 6.3 MK; below that every call fell back to the direct
    /// computation (a Fermi-integral root per cell, 13 % of a main-sequence run).
    public static let minimumTemperature = 6.5e6
}

/// How the ZAMS's burning abundances are set (the composition is homogeneous; only ³He and the CNO isotopes differ,
/// and only above 6–8 MK, `StarCellPhysics.he3EquilibriumMinimumTemperature`).
///
/// The choice matters above ~1.2 M☉: with ¹²C at its initial abundance, ¹²C(p,γ) concentrates ε at the centre, the
/// 1.5 M☉ model grows a convective core of 0.17 M☉ (0.11 in equilibrium) and is 0.06 dex fainter; the 1 M☉ model gets
/// a transient convective core of 0.015 M☉. Below 1 M☉ (pp chains) the two agree to 0.001 dex.
public enum ZAMSBurningAbundances: String, Sendable, CaseIterable {
    /// ³He and the CN and ON cycles in local equilibrium (KWW 2012 ch. 18; `HydrogenBurning.equilibriumHe3`,
    /// `equilibriumCNO`): the steady state of a star that has burnt for ~10⁸ yr, ε = ε(ρ, T, X, Z) as in the classical
    /// homogeneous ZAMS models (e.g. Pols et al. 1998, which Tout et al. 1996 fit). The default.
    case equilibrium
    /// ³He in equilibrium (its equilibrium time at 13 MK is ~10⁵ yr), CNO at the mixture's initial abundances (what
    /// full codes that start on the pre-main sequence have when they reach the main sequence).
    case he3EquilibriumCNOInitial
    /// Everything at the mixture's initial abundances (protosolar ³He/⁴He = 1.66 × 10⁻⁴): the pp chain then
    /// releases only the pp + d part of its energy; for comparison only.
    case initial
}

/// Evaluates `StarCellState` at (ρ, T) for a cell's precomputed composition (`StarCellComposition`). The EOS is
/// warm-started with η. The burning abundances are the cell's own, except that a ZAMS model (`burningMode`
/// `.equilibrium` or `.he3EquilibriumCNOInitial`) replaces ³He (and CNO) by their local equilibrium above 6–8 MK;
/// an evolving star uses `.initial`, i.e. the network's evolved abundances as they are.
final class StarCellPhysics: @unchecked Sendable {
    let micro: EnvelopeMicrophysics
    let burningMode: ZAMSBurningAbundances
    /// Thermal neutrinos and 3α (nil: neither, as in the ZAMS models, where both are < 10⁻⁶ of ε_nuc).
    let energy: StarEnergyPhysics?
    let plasmaTable: PlasmaRateTable?
    /// The tabulated EOS for the star's Z (nil: the direct EOS everywhere). See `StarEOSChoice`.
    let eosTable: EnvelopeEOSTable?
    var burningResult = HydrogenBurningResult()

    init(micro: EnvelopeMicrophysics, burning: ZAMSBurningAbundances, energy: StarEnergyPhysics? = nil,
         eosTable: EnvelopeEOSTable? = nil) {
        self.micro = micro
        burningMode = burning
        self.energy = energy
        self.eosTable = eosTable
        plasmaTable = energy == nil ? nil : PlasmaRateTable.shared
    }

    /// The homogeneous composition (X, Z) with the mixture's metals and protosolar ³He.
    func homogeneous(hydrogen x: Double, metals z: Double) throws -> StarCellComposition {
        try StarCellComposition(micro.metals.networkAbundances(hydrogen: x, metals: z), micro: micro)
    }

    /// Below `he3EquilibriumMinimumTemperature` (6 MK) ³He and CNO stay at their initial abundances, above
    /// 8 MK they are in equilibrium, and in between the abundances are blended with a smoothstep weight: the
    /// equilibrium ³He grows steeply as T falls (above X itself near 10⁶ K, where the network refuses it) while its
    /// equilibrium time exceeds the age of the Galaxy below ~7 MK; ε there is < 10⁻³ of the central value.
    /// Trap: a sharp switch leaves a step in ε(T) on which Newton limit-cycles (a cell near the switch flips).
    static let he3EquilibriumMinimumTemperature = 6e6
    static let he3EquilibriumFullTemperature = 8e6

    /// The abundances the burning rates are evaluated at: the cell's own, or (ZAMS modes) with ³He and CNO blended
    /// towards their local equilibrium at (ρ, T).
    func burningAbundances(density rho: Double, temperature t: Double,
                           composition c: StarCellComposition) throws -> HydrogenBurningAbundances {
        var a = c.abundances
        guard burningMode != .initial, t > Self.he3EquilibriumMinimumTemperature else { return a }
        var e = try micro.burning.equilibriumHe3(density: rho, temperature: t, abundances: a)
        if burningMode == .equilibrium {
            e = try micro.burning.equilibriumCNO(density: rho, temperature: t, abundances: e)
        }
        let u = min(1, (t - Self.he3EquilibriumMinimumTemperature)
                    / (Self.he3EquilibriumFullTemperature - Self.he3EquilibriumMinimumTemperature))
        let w = u * u * (3 - 2 * u)
        if w >= 1 { return e }
        for sp in HydrogenBurningSpecies.allCases { a[sp] += w * (e[sp] - a[sp]) }
        return a
    }

    /// Where ε_nuc of an evolving cell is taken: the iterate's ln ρ, ln T with the network's abundances halfway between
    /// the step's start and end. See `StarEquations.midStepBurning`.
    struct BurningPoint {
        var lnRho: Double, lnT: Double, abundances: HydrogenBurningAbundances
        /// The energy the step's burning released (erg g⁻¹ s⁻¹) and ε_nuc at the end point its burning implies:
        /// ε = energyRate · ε(here)/reference (`StarEquations.midStepBurning`); ε(here) alone when reference is 0.
        var energyRate: Double, reference: Double
    }

    /// The state at (ln ρ, ln T) and its two perturbed copies at (ln ρ + h, ln T) and (ln ρ, ln T + h) that the
    /// Henyey Jacobian reads (`StarEquations.prepare`), with one opacity and one network evaluation: κ and ε_nuc of the
    /// perturbed copies are value + h × derivative, from ∂ln κ/∂ln ρ, ∂ln κ/∂ln T (radiative and conductive,
    /// `OpacityTables.total`) and the network's ∂ε/∂ln ρ, ∂ε/∂ln T at fixed abundances (`HydrogenBurningResult`).
    /// The EOS: where the tabulated EOS covers the cell, one lookup with the interpolant's second derivatives of ln P
    /// and S (`EnvelopeEOSTable.stateAndCurvature`) gives the perturbed points' ln P, χ_ρ, χ_T, c_P, ∇_ad and η to
    /// first order in h (`EnvelopeEOSTableState.shifted`), the interpolant's exact derivatives; elsewhere (the direct
    /// EOS) it is evaluated at the perturbed points. ε_ν and ε_3α are evaluated at the perturbed points as in
    /// `evaluate`. Only the Jacobian changes: the residuals, and so the converged model, are the same up to the Newton
    /// tolerance (`StarJacobian.differenced` is the reference).
    ///
    /// Trap: the EOS's response functions must move with (ρ, T). Holding χ_ρ, χ_T and c_P over h (no second
    /// derivatives) doubled the Newton iterations per step (97 → 189 over the standard star's first 3 Gyr): in the
    /// hydrogen-ionisation zone ∂c_P/∂ln T ≈ 2 × 10⁹ erg g⁻¹ K⁻¹ and ∂∇_ad/∂ln T ≈ −0.5 (log ρ = −6, log T = 4), and
    /// the superadiabatic gradient follows them.
    ///
    /// Only for `burningMode == .initial` (an evolving star): the ZAMS's equilibrium ³He and CNO depend on (ρ, T),
    /// which the network's fixed-abundance derivatives do not see; the ZAMS keeps `evaluate` three times.
    func evaluateLinearised(lnRho: Double, lnT: Double, eta: Double?, composition c: StarCellComposition,
                            burning point: BurningPoint?, step h: Double) throws
        -> (state: StarCellState, rho: StarCellState, t: StarCellState) {
        precondition(burningMode == .initial, "linearised Jacobian states are for evolving stars (fixed abundances)")
        let rho = exp(lnRho), t = exp(lnT)
        var out: StarCellState, perturbedRho: StarCellState, perturbedT: StarCellState
        if let table = eosTable, let (s, curvature) = try? table.stateAndCurvature(lnDensity: lnRho, lnTemperature: lnT,
                                                                                   hydrogen: c.hydrogen) {
            // One table lookup with the interpolant's second derivatives: the perturbed points' ln P, χ_ρ, χ_T, c_P,
            // ∇_ad and η to first order in h, so the Jacobian's EOS columns are the interpolant's exact derivatives.
            out = Self.cellState(s)
            perturbedRho = Self.cellState(s.shifted(dLnRho: h, dLnT: 0, curvature: curvature))
            perturbedT = Self.cellState(s.shifted(dLnRho: 0, dLnT: h, curvature: curvature))
        } else {
            out = try equationOfState(lnRho: lnRho, lnT: lnT, eta: eta, composition: c)
            perturbedRho = try equationOfState(lnRho: lnRho + h, lnT: lnT, eta: out.eta, composition: c)
            perturbedT = try equationOfState(lnRho: lnRho, lnT: lnT + h, eta: out.eta, composition: c)
        }
        let k = try opacity(lnRho: lnRho, lnT: lnT, composition: c)
        let nuclear = try nuclear(density: rho, temperature: t, composition: c, burning: point)
        out.kappa = k.kappa
        out.eps = nuclear.eps
        let dLnKappa = (k.dlnKappaDlnRho, k.dlnKappaDlnT), dEps = (nuclear.dLnRho, nuclear.dLnT)
        perturbedRho.kappa = out.kappa * exp(h * dLnKappa.0)
        perturbedT.kappa = out.kappa * exp(h * dLnKappa.1)
        perturbedRho.eps = out.eps + h * dEps.0
        perturbedT.eps = out.eps + h * dEps.1
        (out.epsNeutrino, out.epsHelium) = try lossesAndHelium(density: rho, temperature: t, composition: c)
        (perturbedRho.epsNeutrino, perturbedRho.epsHelium) = try lossesAndHelium(density: exp(lnRho + h), temperature: t,
                                                                                 composition: c)
        (perturbedT.epsNeutrino, perturbedT.epsHelium) = try lossesAndHelium(density: rho, temperature: exp(lnT + h),
                                                                             composition: c)
        return (out, perturbedRho, perturbedT)
    }

    /// κ (cm² g⁻¹) with ∂ln κ/∂ln ρ and ∂ln κ/∂ln T: the radiative tables and conduction with the star's prescription,
    /// 1/κ = 1/κ_rad + 1/κ_cond (`OpacityTables.total`).
    @inline(__always)
    func opacity(lnRho: Double, lnT: Double, composition c: StarCellComposition) throws -> OpacityValue {
        try micro.opacities.total(logRho: lnRho / M_LN10, logT: lnT / M_LN10, weights: c.weights,
                                  conduction: c.conduction(energy?.conduction ?? .potekhin1999,
                                                           blouin2020: energy?.blouin2020 ?? false)).total
    }

    /// ε_nuc (erg g⁻¹ s⁻¹) with ∂ε/∂ln ρ and ∂ε/∂ln T at fixed abundances: at the burning point when given (its energy
    /// rate scaled by the rate's response, `StarEquations.midStepBurning`), else at (ρ, T) with the cell's burning
    /// abundances (`burningAbundances`); zero below `HydrogenBurning.minimumTemperature` or without ¹H.
    @inline(__always)
    func nuclear(density rho: Double, temperature t: Double, composition c: StarCellComposition,
                 burning point: BurningPoint?) throws -> (eps: Double, dLnRho: Double, dLnT: Double) {
        if let point {
            let tB = exp(point.lnT)
            guard tB >= HydrogenBurning.minimumTemperature && point.abundances[.h1] > 0 else { return (0, 0, 0) }
            try micro.burning.evaluate(density: exp(point.lnRho), temperature: tB, abundances: point.abundances,
                                       into: &burningResult)
            let eps = burningResult.epsTotal, dRho = burningResult.dEpsdLnRho, dT = burningResult.dEpsdLnT
            guard point.reference > 0 else { return (eps, dRho, dT) }
            let rate = point.energyRate, reference = point.reference
            return (rate * eps / reference, rate * dRho / reference, rate * dT / reference)
        }
        guard t >= HydrogenBurning.minimumTemperature && c.abundances[.h1] > 0 else { return (0, 0, 0) }
        let a = try burningAbundances(density: rho, temperature: t, composition: c)
        try micro.burning.evaluate(density: rho, temperature: t, abundances: a, into: &burningResult)
        return (burningResult.epsTotal, burningResult.dEpsdLnRho, burningResult.dEpsdLnT)
    }

    /// The EOS part of the state (ln P, χ_ρ, χ_T, c_P, ∇_ad, η): the table where it covers (ρ, T), else the direct EOS
    /// warm-started at `eta`.
    @inline(__always)
    func equationOfState(lnRho: Double, lnT: Double, eta: Double?, composition c: StarCellComposition) throws -> StarCellState {
        var out = StarCellState()
        if let table = eosTable, let s = try? table.state(lnDensity: lnRho, lnTemperature: lnT, hydrogen: c.hydrogen) {
            out = Self.cellState(s)
        } else {
            let s = try micro.eos.state(density: exp(lnRho), temperature: exp(lnT), composition: c.eos(), guess: eta)
            out.lnP = s.lnPressure.value
            out.chiRho = s.chiRho
            out.chiT = s.chiT
            out.cP = s.cP
            out.gradAd = s.gradAd
            out.eta = s.eta
        }
        return out
    }

    /// The EOS part of a cell's state from a table state.
    @inline(__always)
    static func cellState(_ s: EnvelopeEOSTableState) -> StarCellState {
        var out = StarCellState()
        out.lnP = s.lnPressure.value
        out.chiRho = s.chiRho
        out.chiT = s.chiT
        out.cP = s.cP
        out.gradAd = s.gradAd.value
        out.eta = s.eta.value
        return out
    }

    /// ε_ν (thermal neutrinos with the non-standard channels, the extra loss and axions) and ε_3α (erg g⁻¹ s⁻¹) at
    /// (ρ, T); both 0 without `energy` or below `StarEnergyPhysics.minimumTemperature`.
    @inline(__always)
    func lossesAndHelium(density rho: Double, temperature t: Double,
                         composition c: StarCellComposition) throws -> (Double, Double) {
        guard let e = energy, let table = plasmaTable, t >= StarEnergyPhysics.minimumTemperature else { return (0, 0) }
        let ye = c.ions.electronFraction
        let plasma = try table.rates(density: rho, temperature: t, electronFraction: ye, neutrino: e.neutrino)
        let others = NeutrinoLosses.nonPlasma(density: rho, temperature: t, composition: c.ions)
        var nu = (plasma.standard + plasma.magnetic + plasma.millicharge + others) / rho
        if let extra = e.extraLoss { nu += extra(rho, t) }
        if e.axionElectron > 0 {
            nu += try AxionEmission.rates(density: rho, temperature: t, composition: c.ions, g13: e.axionElectron).total
        }
        let helium = try TripleAlpha.energyGeneration(density: rho, temperature: t, composition: c.ions,
                                                      rate: e.tripleAlpha, screening: e.screening)
        return (nu, helium)
    }

    /// The state at (ln ρ, ln T) for composition `c`; `eta` is the EOS's starting degeneracy. ε_nuc at `burning` when
    /// given (else at the cell's own ρ, T and composition).
    func evaluate(lnRho: Double, lnT: Double, eta: Double?, composition c: StarCellComposition,
                  burning point: BurningPoint? = nil) throws -> StarCellState {
        let rho = exp(lnRho), t = exp(lnT)
        var out = try equationOfState(lnRho: lnRho, lnT: lnT, eta: eta, composition: c)
        out.kappa = try opacity(lnRho: lnRho, lnT: lnT, composition: c).kappa
        out.eps = try nuclear(density: rho, temperature: t, composition: c, burning: point).eps
        (out.epsNeutrino, out.epsHelium) = try lossesAndHelium(density: rho, temperature: t, composition: c)
        return out
    }
}
