import Foundation
import Microphysics
import Plasma

/// Extra energy loss (erg g⁻¹ s⁻¹, ≥ 0) at density ρ (g cm⁻³) and temperature T (K): the hook for
/// other particles (axions, dark photons, …). It must be smooth: the Newton Jacobian differentiates it.
public typealias ExtraEnergyLoss = @Sendable (_ density: Double, _ temperature: Double) -> Double

/// The input physics of the core, each choice selectable so that its systematic can be measured.
public struct CorePhysics: Sendable {
    /// How plasmon decay enters.
    public enum PlasmaNeutrinos: String, CaseIterable, Sendable, Codable {
        /// The plasma module's exact rates via its interpolated table (< 10⁻⁴ of the integrals).
        case exact
        /// Itoh et al. 1996 fit for the standard channels; μν and millicharge channels still exact.
        case itoh1996
    }

    public var coulomb: CoulombModel = .potekhinChabrier2000
    public var conduction: ConductiveOpacity.Prescription = .potekhin1999
    /// Blouin et al. 2020 correction to the He conductive opacity (on by default in recent MESA).
    public var blouin2020 = false
    public var tripleAlpha: TripleAlphaRate = .fynbo2005
    public var screening: ScreeningModel = .chugunov2007
    public var plasmaNeutrinos: PlasmaNeutrinos = .exact
    public var bremsstrahlung: ItohNeutrinoFits.BremsstrahlungBranch = .smoothBlend
    public var neutrino: NeutrinoProperties = .none
    /// Axion–electron coupling g_ae/10⁻¹³: bremsstrahlung and Compton axions (`AxionEmission`) join the losses.
    public var axionElectron = 0.0
    public var couplings: ElectroweakCouplings = .standard
    /// Multiplies the conductive opacity (systematics; 1 by default).
    public var conductiveOpacityFactor = 1.0
    /// Multiplies all standard neutrino losses (systematics; 1 by default).
    public var neutrinoLossFactor = 1.0
    public var extraLoss: ExtraEnergyLoss?

    public init() {}
}

/// Everything the structure equations need at one (ρ, T): EOS, opacity, energy rates.
struct CellState {
    var lnP = 0.0, cP = 0.0, nablaAd = 0.0, chiT = 0.0, chiRho = 0.0
    /// Total opacity 1/κ = 1/κ_rad + 1/κ_cond, cm² g⁻¹.
    var kappa = 0.0
    /// ε_3α and the losses ε_ν (standard + non-standard neutrinos + axions + extra), erg g⁻¹ s⁻¹.
    var epsNuclear = 0.0, epsNeutrino = 0.0
}

/// Evaluates `CellState` for a fixed composition and physics choice.
struct CellPhysicsEvaluator: Sendable {
    let physics: CorePhysics
    let composition: Composition
    let eos: EquationOfState
    let table: PlasmaRateTable

    init(physics: CorePhysics, composition: Composition) {
        self.physics = physics
        self.composition = composition
        eos = EquationOfState(coulomb: physics.coulomb, method: .table)
        table = PlasmaRateTable.shared
    }

    func evaluate(lnRho: Double, lnT: Double) throws -> CellState {
        let rho = exp(lnRho), t = exp(lnT)
        let c = composition
        let s = try eos.state(density: rho, temperature: t, composition: c)
        var out = CellState()
        out.lnP = log(s.pressure)
        out.cP = s.cP
        out.nablaAd = s.nablaAdiabatic
        out.chiT = s.chiT
        out.chiRho = s.chiRho
        let kCond = try ConductiveOpacity.opacity(density: rho, temperature: t, charge: c.meanCharge, mass: c.meanMass,
                                                  meanChargeSquared: c.meanChargeSquared,
                                                  prescription: physics.conduction, blouin2020: physics.blouin2020)
            * physics.conductiveOpacityFactor
        let kRad = RadiativeOpacity.opacity(density: rho, temperature: t, charge: c.meanCharge, mass: c.meanMass,
                                            meanChargeSquared: c.meanChargeSquared, degeneracy: s.degeneracy)
        out.kappa = TotalOpacity.harmonic(radiative: kRad, conductive: kCond)
        out.epsNuclear = try TripleAlpha.energyGeneration(density: rho, temperature: t, composition: c,
                                                          rate: physics.tripleAlpha, screening: physics.screening)
        out.epsNeutrino = try neutrinoLoss(rho: rho, t: t) / rho
        if let extra = physics.extraLoss { out.epsNeutrino += extra(rho, t) }
        if physics.axionElectron > 0 {
            out.epsNeutrino += try AxionEmission.rates(density: rho, temperature: t, composition: c, g13: physics.axionElectron).total
        }
        guard out.lnP.isFinite, out.kappa.isFinite, out.kappa > 0, out.epsNuclear.isFinite, out.epsNeutrino.isFinite else {
            throw FlashError.invalidData(field: "microphysics", reason: "non-finite state at ρ = \(rho), T = \(t)")
        }
        return out
    }

    /// Neutrino emissivity in erg cm⁻³ s⁻¹: plasmon decay (all channels) + pair + photo + bremsstrahlung.
    func neutrinoLoss(rho: Double, t: Double) throws -> Double {
        let ye = composition.electronFraction
        let plasma = try table.rates(density: rho, temperature: t, electronFraction: ye,
                                     neutrino: physics.neutrino, couplings: physics.couplings)
        var standardPlasma = plasma.standard
        if physics.plasmaNeutrinos == .itoh1996 {
            standardPlasma = ItohPlasmaFit.rate(density: rho, temperature: t, electronFraction: ye,
                                                couplings: physics.couplings).itoh
        }
        let others = NeutrinoLosses.nonPlasma(density: rho, temperature: t, composition: composition,
                                              bremsstrahlung: physics.bremsstrahlung)
        return physics.neutrinoLossFactor * (standardPlasma + others) + plasma.magnetic + plasma.millicharge
    }
}
