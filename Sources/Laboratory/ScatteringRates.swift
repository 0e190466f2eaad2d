import Foundation
import GSL

/// ν–e scattering rates in a detector: dR/dT in counts keV⁻¹ kg⁻¹ day⁻¹, the weak and the magnetic part
/// apart, for a reactor or the Sun, on a target's electrons in the stepping approximation:
///
///     dR/dT = N_e · f_active(T) · ∫ dE φ(E) dσ/dT(E, T),
///
/// solar νe arriving as νe with probability P_ee(E) and as ν_μ,τ otherwise (`SolarOscillation`).
public struct ScatteringRates: Sendable {
    public enum Source: Sendable, Equatable {
        /// Reactor ν̄e with this total flux at the detector (cm⁻² s⁻¹).
        case reactor(flux: Double)
        /// The Sun (B16-GS98 fluxes); production electron densities per component in N_A cm⁻³.
        case solar
    }

    public var source: Source
    public var spectra: NeutrinoSources
    public var target: AtomicShells.Element
    public var oscillation: SolarOscillation
    /// Cross sections with the neutrino's charge and charge radius; its `magneticMoment` is the
    /// effective moment of the source's neutrinos (μ_B).
    public var scattering: ElectronScattering
    /// The reactor's sub-2-MeV level and the pp normalisation, integrated once.
    let reactorLow: Double, ppNorm: Double

    public init(source: Source, spectra: NeutrinoSources, target: AtomicShells.Element, oscillation: SolarOscillation,
                scattering: ElectronScattering) {
        reactorLow = spectra.reactor.lowLevel
        ppNorm = spectra.solar.ppNorm
        self.source = source
        self.spectra = spectra
        self.target = target
        self.oscillation = oscillation
        self.scattering = scattering
    }

    /// counts keV⁻¹ kg⁻¹ day⁻¹ per (cm² MeV⁻¹ × cm⁻² s⁻¹) per electron.
    var scale: Double { target.electronsPerKg * 86_400 * 1e-3 }

    /// (weak including charge terms, magnetic) dR/dT at recoil T (keV), in counts keV⁻¹ kg⁻¹ day⁻¹.
    public func differential(recoilKeV tk: Double) -> (weak: Double, magnetic: Double) {
        let t = tk * 1e-3, active = target.activeFraction(recoilKeV: tk)
        guard active > 0 else { return (0, 0) }
        let eMin = ElectronScattering.minEnergy(recoil: t)
        var weak = 0.0, mag = 0.0
        switch source {
        case let .reactor(flux):
            let r = spectra.reactor
            let norm = flux / r.neutrinosPerFission
            // Weak and magnetic folded together, one spectrum evaluation per energy node.
            func both(_ e: Double) -> (Double, Double) {
                let phi = r.perFission(e, low: reactorLow)
                return (phi * scattering.weak(energy: e, recoil: t, flavour: .antiNuE), phi * scattering.magnetic(energy: e, recoil: t))
            }
            // Split at the fit's lower edge, where the spectrum model changes.
            let a = min(max(eMin, 0), r.maxEnergyMev)
            var (w, m) = Simpson.integratePair(max(a, r.fitFromMev), r.maxEnergyMev, 200, both)
            if a < r.fitFromMev {
                let low = Simpson.integratePair(a, r.fitFromMev, 40, both)
                w += low.0
                m += low.1
            }
            weak = norm * w
            mag = norm * m
        case .solar:
            let s = spectra.solar
            func perEnergy(_ e: Double, _ phi: Double, _ ne: Double) -> (Double, Double) {
                let pee = oscillation.survival(energyMeV: e, electronDensityNA: ne)
                let w = pee * scattering.weak(energy: e, recoil: t, flavour: .nuE) + (1 - pee) * scattering.weak(energy: e, recoil: t, flavour: .nuMu)
                return (phi * w, phi * scattering.magnetic(energy: e, recoil: t))
            }
            if eMin < s.ppEndpointMev {
                let (w, m) = Simpson.integratePair(eMin, s.ppEndpointMev, 200) { perEnergy($0, s.ppFluxCm2S * s.ppShape($0, norm: ppNorm), 80) }
                weak += w
                mag += m
            }
            for line in s.lines where line.energyMev > eMin {
                let (w, m) = perEnergy(line.energyMev, line.fluxCm2S, 90)
                weak += w
                mag += m
            }
        }
        return (weak * scale * active, mag * scale * active)
    }

    /// Counts kg⁻¹ day⁻¹ in the recoil window [T₁, T₂] (keV), weak and magnetic (Simpson in ln T).
    public func window(fromKeV t1: Double, toKeV t2: Double) -> (weak: Double, magnetic: Double) {
        guard t2 > t1, t1 > 0 else { return (0, 0) }
        let (w, m) = Simpson.integratePair(log(t1), log(t2), 400) { u in
            let t = exp(u), d = differential(recoilKeV: t)
            return (d.weak * t, d.magnetic * t)
        }
        return (w, m)
    }
}

/// The reach of a counting experiment on μν: the magnetic excess S(μ) = μ² s₁ X over a window must
/// exceed z_CL √((W + k B) X), with W the weak rate, B a flat background, X the exposure (kg day) and
/// k = 2 for a reactor ON–OFF measurement of equal exposures (the OFF run measures the background only;
/// k = 1 when the background is known, solar):
///
///     μ_reach = [z √((W + k B) X) / (s₁ X)]^½,      z = Φ⁻¹(CL) (one-sided, Gaussian, counts ≫ 1).
///
/// A counting estimate, not a spectral fit: it ranks thresholds and exposures, and lands within a factor
/// ~2 of published limits (Docs/laboratory.md §4).
public struct CountingProjection: Sendable {
    public var thresholdKeV: Double, windowMaxKeV: Double
    public var exposureKgDay: Double
    /// Flat background in counts keV⁻¹ kg⁻¹ day⁻¹.
    public var background: Double
    public var cl: Double
    /// k above: how many times the background's variance enters (1 or 2).
    public var varianceFactor: Double

    public init(thresholdKeV: Double, windowMaxKeV: Double, exposureKgDay: Double, background: Double, cl: Double = 0.9, varianceFactor: Double) throws {
        func need(_ ok: Bool, _ name: String, _ v: Double, _ allowed: String) throws {
            if !ok { throw LaboratoryError.invalidParameter(name: name, value: v, allowed: allowed) }
        }
        try need(thresholdKeV.isFinite && thresholdKeV > 0 && thresholdKeV < 1e4, "threshold (keV)", thresholdKeV, "(0, 1e4) keV")
        try need(windowMaxKeV.isFinite && windowMaxKeV > thresholdKeV && windowMaxKeV <= 1e4, "window maximum (keV)", windowMaxKeV, "(threshold, 1e4] keV")
        try need(exposureKgDay.isFinite && exposureKgDay > 0 && exposureKgDay <= 1e9, "exposure (kg day)", exposureKgDay, "(0, 1e9] kg day")
        try need(background.isFinite && background >= 0 && background <= 1e6, "background (counts/keV/kg/day)", background, "[0, 1e6]")
        try need(cl.isFinite && cl > 0.5 && cl < 1, "CL", cl, "(0.5, 1)")
        try need(varianceFactor.isFinite && varianceFactor >= 1 && varianceFactor <= 2, "background variance factor k", varianceFactor, "[1, 2]")
        self.thresholdKeV = thresholdKeV
        self.windowMaxKeV = windowMaxKeV
        self.exposureKgDay = exposureKgDay
        self.background = background
        self.cl = cl
        self.varianceFactor = varianceFactor
    }

    public struct Result: Sendable {
        /// Counts in the window over the exposure: weak, background, magnetic at the reference moment.
        public var weakCounts: Double, backgroundCounts: Double, magneticCountsReference: Double
        public var referenceMoment: Double
        /// The 90 % (or `cl`) reach on μ in μ_B.
        public var reach: Double
    }

    /// `rates` must carry the reference moment μ_ref (μ_B) in its cross sections.
    public func project(_ rates: ScatteringRates) throws -> Result {
        let mu = rates.scattering.magneticMoment
        guard mu > 0 else { throw LaboratoryError.invalidParameter(name: "reference moment (mu_B)", value: mu, allowed: "> 0") }
        let w = rates.window(fromKeV: thresholdKeV, toKeV: windowMaxKeV)
        let x = exposureKgDay
        let variance = (w.weak + varianceFactor * background * (windowMaxKeV - thresholdKeV)) * x
        let s1 = w.magnetic * x / (mu * mu)
        let z = try Distributions.normalQuantile(cl)
        let reach = (z * variance.squareRoot() / s1).squareRoot()
        return Result(weakCounts: w.weak * x, backgroundCounts: background * (windowMaxKeV - thresholdKeV) * x,
                      magneticCountsReference: w.magnetic * x, referenceMoment: mu, reach: reach)
    }
}
