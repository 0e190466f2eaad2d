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
