import Constants
import Foundation

/// Energy generation by 3α burning.
public enum TripleAlpha {
    /// Q-value in erg (7.275 MeV; MeV-to-erg from `Constants`).
    public static let qValue_erg = 7.275 * CGS.ergPerMeV
    /// Avogadro's number (exact, SI 2019): `CGS.avogadro` from `Constants`.
    public static let avogadro = CGS.avogadro

    /// ε₃α in erg g⁻¹ s⁻¹ = Q N_A ρ² Y_α³ N_A²⟨ααα⟩ F / 6, Y_α = X_He/4 (the 1/6 counts identical
    /// particles), with screening enhancement F from `screening`.
    public static func energyGeneration(density rho: Double, temperature t: Double,
                                        composition: Composition = .helium,
                                        rate: TripleAlphaRate = .cf88,
                                        screening: ScreeningModel = .chugunov2007) throws -> Double {
        guard rho.isFinite, rho > 0, t.isFinite, t >= 1e6, t <= 1e10 else {
            throw MicrophysicsError.outOfRange(parameter: rho > 0 && rho.isFinite ? "temperature" : "density",
                                               value: rho > 0 && rho.isFinite ? t : rho,
                                               allowed: rho > 0 && rho.isFinite ? "[1e6, 1e10] K" : "(0, ∞) g/cm3")
        }
        let y = composition.heliumMassFraction / 4
        if y == 0 { return 0 }   // no fuel: nothing to screen
        let f = try Screening.tripleAlphaEnhancement(density: rho, temperature: t, composition: composition, model: screening)
        return qValue_erg * avogadro * rho * rho * y * y * y * rate.rate(t9: t / 1e9) * f / 6
    }
}
