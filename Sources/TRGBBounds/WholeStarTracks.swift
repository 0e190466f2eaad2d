import EnvelopePhysics
import Foundation
import Microphysics
import ModelData
import Plasma
import RedGiantCore
import WholeStar

/// The whole-star engine of bound tracks: a `TrackSpec` evolved from its zero-age main sequence to helium ignition
/// (`StarEvolution`, `StarTrack.run(stop: .flash)`; Docs/whole-star-evolution.md), and the tip kept as a
/// `TrackOutcome` with its surface (`TipSurface`): L, T_eff, log g and the surface composition come from the model,
/// so the bound's photometry needs no empirical tip colour.
///
/// What a spec means here: X = 1 − Y − Z with the GS98 mixture at Z (the calibrations' α-enhancement enters through
/// Z, as for the core engine: Salaris et al. 1993); α_MLT = `mixingLength` or the stored solar calibration's;
/// Reimers η = `reimersEta` or 0; μ₁₂, the millicharge and g_ae, the 3α rate and its screening (3α only: the
/// hydrogen burning's screening is the network's own), the conduction prescription and Blouin et al. 2020 as given.
/// The whole star has no core-edge relations and makes its own first dredge-up, and its plasma-neutrino rates
/// (`PlasmaRateTable`), Coulomb terms and the loss factors are fixed: a spec that sets `dredgeUpHelium`, the
/// core-edge factors or any of those is refused with the field named.
///
/// Cost: a track takes minutes (the standard star ~2–3 min on one core, release build; Docs/whole-star-evolution.md
/// §6), so bounds on this engine run few tracks (`TipModelInputs.WholeStar`) and read the track store.
public final class WholeStarTracks: @unchecked Sendable {
    /// Bumped whenever a change of the whole-star code moves a track's numbers (it is part of every whole-star
    /// track's store identity, beside `TrackStore.resultsRevision`). No test recomputes a whole-star reference track
    /// (one takes minutes): bump it with every change to `WholeStar` or `EnvelopePhysics` that is not a refactoring.
    /// r2 (2026-12-08): the linearised Jacobian (`StarJacobian`), the photo-neutrino fit's angle recurrences (round-off,
    /// which moves the standard star's step sequence: 2594 → 2677 steps, M_c by 4 × 10⁻⁵ M☉) and the coarser merging
    /// behind the shell (`StarRemesh.mergeBelow` 0.5: M_c by 1.2 × 10⁻⁵ M☉).
    public static let revision = 2

    public let microphysics: EnvelopeMicrophysics
    /// The stored solar calibration (α_MLT of a spec without its own).
    public let sun: SolarCalibration.Result
    public let settings: StarEvolutionSettings
    /// Where the EOS tables are cached (nil: built in memory for each run).
    public let cacheDirectory: URL?
    /// The evolving cells' EOS: the tabulated one for each Z (`EnvelopeEOSTable`, the default; ~3× faster) or the
    /// direct free-energy EOS in every cell (`star --eos direct`, the reference).
    public let tabulatedEOS: Bool
    /// Notes about the EOS tables (a cache rejected or unwritable).
    public var note: (@Sendable (String) -> Void)?
    /// Called after every accepted model of every track (from the worker running it): progress for a terminal.
    public var onModel: (@Sendable (TrackSpec, StarSnapshot) -> Void)?

    private let lock = NSLock()
    private var eosTables: [Double: EnvelopeEOSTable] = [:]

    public init(dataDirectory: DataDirectory, settings: StarEvolutionSettings = StarEvolutionSettings(),
                cacheDirectory: URL? = PlasmaRateTable.defaultCacheDirectory(), tabulatedEOS: Bool = true) throws {
        try settings.validate()
        self.tabulatedEOS = tabulatedEOS
        microphysics = try EnvelopeMicrophysics(mixture: .gs98, dataDirectory: dataDirectory)
        sun = try SolarCalibration.stored(dataDirectory: dataDirectory)
        self.settings = settings
        self.cacheDirectory = cacheDirectory
    }

    /// The engine context of a whole-star track's store identity: everything besides the `TrackSpec` that sets its
    /// numbers (the engine's revision, the mixture, the EOS, the stop, the calibration's α and every setting).
    public var context: String {
        "engine whole-star r\(Self.revision); mixture gs98; eos \(tabulatedEOS ? "table" : "direct"); stop L_He \(StarTrack.flashThreshold) Lsun; "
            + String(format: "solar alpha %.6g; ", sun.mixingLength)
            + "settings " + PhysicsSpecification.canonical(settings, version: 1)
    }

    /// α_MLT of a spec.
    public func mixingLength(_ spec: TrackSpec) -> Double { spec.mixingLength ?? sun.mixingLength }

    /// Checks a spec (the field named on bad input), loads its EOS table and returns the track to run. Nothing here
    /// evolves the star: the work is the closure's.
    public func job(_ spec: TrackSpec) throws -> @Sendable () -> TrackResult {
        try check(spec)
        let table = tabulatedEOS ? try eosTable(metals: spec.metallicity) : nil
        var energy = StarEnergyPhysics()
        energy.neutrino = try NeutrinoProperties(mu12: spec.mu12, millicharge: spec.physics.millicharge)
        energy.axionElectron = spec.g13
        energy.tripleAlpha = spec.tripleAlpha
        energy.screening = spec.screening
        energy.conduction = spec.conduction
        energy.blouin2020 = spec.blouin2020
        let alpha = mixingLength(spec), eta = spec.reimersEta ?? 0
        let (micro, settings) = (microphysics, settings)
        let hydrogen = 1 - spec.helium - spec.metallicity
        try ZAMSModel.validate(mass: spec.mass, hydrogen: hydrogen, metallicity: spec.metallicity, mixingLength: alpha,
                               cells: settings.cells)
        let energyPhysics = energy
        let onModel = self.onModel
        return {
            let star: StarEvolution
            do {
                star = try StarEvolution(mass: spec.mass, hydrogen: hydrogen, metallicity: spec.metallicity,
                                         mixingLength: alpha, settings: settings, energy: energyPhysics,
                                         massLoss: StarMassLoss(eta: eta), eosTable: table, microphysics: micro)
            } catch {
                return .failed(TrackFailure(kind: "starting_model", message: "the starting model: \(error)"))
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = StarTrack.run(star, stop: .flash, age: Self.maximumAge) { onModel?(spec, $0) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            return Self.result(outcome, initialHelium: spec.helium, seconds: seconds)
        }
    }

    /// Tracks that have not ignited helium by this age (yr) end as `no_flash`. Beyond the Universe's age on purpose: the
    /// budget's low-mass variation (0.7 M☉ at Z ≈ 10⁻³ reaches the tip after ~20 Gyr without diffusion) is a model
    /// star, not a claim about the population; the report gives each tip's age.
    public static let maximumAge = 30e9

    /// A finished whole-star track as a `TrackResult`.
    static func result(_ o: StarTrack.Outcome, initialHelium: Double, seconds: Double) -> TrackResult {
        switch o.status {
        case .flashed, .quiescentIgnition:
            let t = o.tip ?? o.final
            var r = TrackOutcome(coreMass: t.heliumCoreMass, logTipLuminosity: log10(t.luminosity), seconds: seconds)
            r.ignitionMass = t.maximumTemperatureMass
            r.ignitionDensity = t.maximumTemperatureDensity
            r.ignitionTemperature = t.maximumTemperature
            r.centralDensity = t.centralDensity
            r.centralTemperature = t.centralTemperature
            r.age = t.age
            r.steps = t.model
            r.iterations = o.history.reduce(0) { $0 + $1.iterations }
            r.retries = o.retries
            r.surface = TipSurface(effectiveTemperature: t.effectiveTemperature, logGravity: t.logGravity,
                                   radius: t.radius, mass: t.mass, hydrogen: t.surfaceHydrogen, helium: t.surfaceHelium,
                                   dredgeUpDeltaY: t.surfaceHelium - initialHelium, ignition: o.status.rawValue)
            return .flashed(r)
        case .ageReached, .tamsReached:
            return .failed(TrackFailure(kind: "no_flash", message: String(
                format: "no helium ignition by %.3g Gyr (L = %.4g Lsun, M_c = %.4f Msun)",
                o.final.age / 1e9, o.final.luminosity, o.final.heliumCoreMass)))
        case .leftRGB:
            return .failed(TrackFailure(kind: "envelope_exhausted", message: String(
                format: "the wind took the envelope before helium ignited: the star left the RGB at %.4g Gyr, log L = %.4f, M = %.4f Msun over a %.4f Msun core",
                o.final.age / 1e9, log10(o.final.luminosity), o.final.mass, o.final.heliumCoreMass)))
        case .failed:
            return .failed(TrackFailure(kind: "step_failed", message: o.failureReason ?? "the track failed"))
        }
    }

    /// Refuses what the whole star cannot vary (the field named).
    func check(_ spec: TrackSpec) throws {
        func refuse(_ name: String, _ value: Double, _ allowed: String) throws -> Never {
            throw TRGBError.invalidParameter(name: name + " (whole-star engine)", value: value, allowed: allowed)
        }
        let standard = PhysicsSpecification()
        if spec.dredgeUpHelium != 0 { try refuse("dredge-up helium", spec.dredgeUpHelium, "0: the whole star makes its own first dredge-up") }
        if spec.edgeTemperatureFactor != 1 { try refuse("core-edge c_T factor", spec.edgeTemperatureFactor, "1: the whole star has no core-edge relations") }
        if spec.edgePressureFactor != 1 { try refuse("core-edge c_P factor", spec.edgePressureFactor, "1: the whole star has no core-edge relations") }
        // Every physics field but the ones the whole star honours (the couplings, 3α and its screening, the
        // conduction prescription and the Blouin correction) must be the default: its Coulomb terms, plasma rates
        // (`PlasmaRateTable`), other neutrino losses, sin²θ_W and conduction factor are its own.
        var rest = spec.physics
        rest.mu12 = standard.mu12
        rest.millicharge = standard.millicharge
        rest.axionElectron = standard.axionElectron
        rest.tripleAlpha = standard.tripleAlpha
        rest.screening = standard.screening
        rest.conduction = standard.conduction
        rest.blouin2020 = standard.blouin2020
        if rest != standard {
            func fields(_ p: PhysicsSpecification) -> [String: String] {
                let json = PhysicsSpecification.canonical(p, version: 0).dropFirst(3)
                let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
                return object.mapValues { "\($0)" }
            }
            let (given, defaults) = (fields(rest), fields(standard))
            let differing = defaults.keys.filter { given[$0] != defaults[$0] }.sorted()
            try refuse("physics " + differing.joined(separator: ", "), 0,
                       "the default (the whole star's Coulomb terms, neutrino losses, sin²θ_W and conduction factor are fixed; it varies the couplings, the 3α rate, the screening and the conduction prescription)")
        }
        if let a = spec.mixingLength, !(a.isFinite && a >= 0.5 && a <= 3) { try refuse("mixing length", a, "[0.5, 3]") }
        if let e = spec.reimersEta, !(e.isFinite && e >= 0 && e <= 2) { try refuse("Reimers eta", e, "[0, 2]") }
        let x = 1 - spec.helium - spec.metallicity
        guard ZAMSModel.metallicityRange.contains(spec.metallicity) else {
            try refuse("metallicity Z", spec.metallicity, "[\(ZAMSModel.metallicityRange.lowerBound), \(ZAMSModel.metallicityRange.upperBound)]")
        }
        guard ZAMSModel.hydrogenRange.contains(x) else {
            try refuse("helium Y", spec.helium, "X = 1 − Y − Z in [\(ZAMSModel.hydrogenRange.lowerBound), \(ZAMSModel.hydrogenRange.upperBound)]")
        }
    }

    /// The whole-star EOS table for Z, loaded (or built and cached) once per Z.
    func eosTable(metals z: Double) throws -> EnvelopeEOSTable {
        lock.lock()
        defer { lock.unlock() }
        if let t = eosTables[z] { return t }
        let (table, notes) = try EnvelopeEOSTable.load(grid: .wholeStar(metals: z), cacheDirectory: cacheDirectory)
        for n in notes { note?(n) }
        eosTables[z] = table
        return table
    }
}
