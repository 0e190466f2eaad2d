import Constants
import Foundation

extension EnvelopeEOS {
    /// The state at given (P [dyn cm⁻²], T [K]): ρ found by Newton on ln P(ln ρ) with the exact χ_ρ,
    /// ln ρ ← ln ρ + (ln P_target − ln P)/χ_ρ, steps capped at 2 in ln ρ (for a Henyey scheme in (P, T);
    /// then (∂ln ρ/∂ln P)_T = 1/χ_ρ, (∂ln ρ/∂ln T)_P = −χ_T/χ_ρ from the state). Converges to
    /// |Δ ln P| < 10⁻¹². Start: `densityGuess` (the previous model's ρ) or the ideal-gas ρ = Pμm_u/kT with
    /// μ = 0.6. Trap: a radiation-dominated gas has χ_ρ ≪ 1, so the raw step is huge: hence the cap; and
    /// P below aT⁴/3 has no solution (a typed error, not a loop); and exp(ln ρ_min) rounds below ρ_min, so
    /// ρ is clamped after the exponential.
    public func state(pressure: Double, temperature t: Double, composition c: EnvelopeEOSComposition,
                      densityGuess: Double? = nil, guess: Double? = nil) throws -> EnvelopeEOSState {
        guard pressure.isFinite, pressure > 0 else {
            throw EnvelopeEOSError.outOfDomain(quantity: "pressure [dyn/cm2]", value: pressure, domain: "finite, > 0")
        }
        guard t.isFinite, Self.temperatureDomain.contains(t) else {
            throw EnvelopeEOSError.outOfDomain(quantity: "temperature [K]", value: t, domain: "[1e3, 3e9]")
        }
        let pRad = includeRadiation ? CGS.radiation * t * t * t * t / 3 : 0
        guard pressure > pRad else {
            throw EnvelopeEOSError.outOfDomain(quantity: "pressure [dyn/cm2] at T = \(t) K", value: pressure,
                                               domain: "> aT⁴/3 = \(pRad) (radiation alone)")
        }
        let lnTarget = Foundation.log(pressure)
        let lo = Foundation.log(Self.densityDomain.lowerBound), hi = Foundation.log(Self.densityDomain.upperBound)
        var lnRho = Foundation.log(densityGuess ?? (pressure - pRad) * 0.6 * CGS.atomicMassUnit / (CGS.boltzmann * t))
        lnRho = min(hi, max(lo, lnRho))
        var eta = guess
        let domain = Self.densityDomain
        for _ in 0..<100 {
            // exp(log(1e-14)) rounds to 9.999999999999987e-15, one ulp outside the domain: clamp ρ itself.
            let rho = min(domain.upperBound, max(domain.lowerBound, Foundation.exp(lnRho)))
            let s = try state(density: rho, temperature: t, composition: c, guess: eta)
            let d = lnTarget - s.lnPressure.value
            if abs(d) < 1e-12 { return s }
            eta = s.eta
            let step = max(-2, min(2, d / s.chiRho))
            let next = min(hi, max(lo, lnRho + step))
            if next == lnRho {
                throw EnvelopeEOSError.outOfDomain(quantity: "pressure [dyn/cm2] at T = \(t) K", value: pressure,
                                                   domain: "reachable with ρ in [1e-14, 1e10] g/cm3")
            }
            lnRho = next
        }
        throw EnvelopeEOSError.notConverged(density: Foundation.exp(lnRho), temperature: t, residual: .nan)
    }
}
