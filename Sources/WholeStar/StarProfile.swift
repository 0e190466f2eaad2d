import Constants
import Foundation

/// One cell of a whole-star profile (centre to photosphere): the `star --profile` CSV row. Face quantities (m, r, L,
/// ∇) at the cell's outer face, cell quantities (ρ, T, P, composition, ε, κ) at its centre.
public struct StarProfileRow: Sendable, Equatable {
    /// Outer face: mass coordinate (M☉), radius (R☉), luminosity (L☉), ∇ = d ln T/d ln P and ∇_ad there, and
    /// whether the face is convective.
    public var mass = 0.0, radius = 0.0, luminosity = 0.0, gradient = 0.0, adiabaticGradient = 0.0, convective = false
    /// Cell centre: ρ (g cm⁻³), T (K), P (dyn cm⁻²), X, Y, ¹²C and ¹⁴N mass fractions, electron degeneracy η.
    public var density = 0.0, temperature = 0.0, pressure = 0.0, hydrogen = 0.0, helium = 0.0, carbon = 0.0, nitrogen = 0.0
    public var degeneracy = 0.0
    /// ε of hydrogen burning (net of its neutrinos), of 3α, and the thermal neutrino losses (erg g⁻¹ s⁻¹); κ (cm² g⁻¹).
    public var epsHydrogen = 0.0, epsHelium = 0.0, epsNeutrino = 0.0, opacity = 0.0

    public static let columns = [
        "mass_msun", "radius_rsun", "luminosity_lsun", "density_g_cm3", "temperature_k", "pressure_dyn_cm2",
        "hydrogen", "helium", "carbon12", "nitrogen14", "degeneracy_eta", "eps_hydrogen_erg_g_s", "eps_helium_erg_g_s",
        "eps_neutrino_erg_g_s", "opacity_cm2_g", "gradient", "adiabatic_gradient", "convective",
    ]

    /// The profile as CSV (header of `columns`, one row per cell from the centre).
    public static func csv(_ rows: [StarProfileRow]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for r in rows {
            let v = [r.mass, r.radius, r.luminosity, r.density, r.temperature, r.pressure, r.hydrogen, r.helium, r.carbon,
                     r.nitrogen, r.degeneracy, r.epsHydrogen, r.epsHelium, r.epsNeutrino, r.opacity, r.gradient,
                     r.adiabaticGradient].map { $0.isFinite ? String(format: "%.9g", $0) : "" }
            out += (v + [r.convective ? "1" : "0"]).joined(separator: ",") + "\n"
        }
        return out
    }
}

extension StarEvolution {
    /// The current model, cell by cell (the cells' states are those of the last solve).
    public func profile() -> [StarProfileRow] {
        let n = equations.cellCount, mesh = equations.mesh
        return x.withUnsafeBufferPointer { xp in
            (0..<n).map { k in
                let c = equations.cells[k], a = abundances[k], f = equations.face(k, xp.baseAddress!)
                var r = StarProfileRow()
                r.mass = mesh.q[k] * currentMass
                r.radius = exp(xp[StarUnknown.lnR.at(k)]) / Solar.radius
                r.luminosity = xp[StarUnknown.luminosity.at(k)]
                r.gradient = f.gradient
                r.adiabaticGradient = f.adiabatic
                r.convective = f.convective
                r.density = exp(xp[StarUnknown.lnd.at(k)])
                r.temperature = exp(xp[StarUnknown.lnT.at(k)])
                r.pressure = exp(c.lnP)
                r.hydrogen = a[.h1]
                r.helium = a[.he3] + a[.he4]
                r.carbon = a[.c12]
                r.nitrogen = a[.n14]
                r.degeneracy = c.eta
                r.epsHydrogen = c.eps
                r.epsHelium = c.epsHelium
                r.epsNeutrino = c.epsNeutrino
                r.opacity = c.kappa
                return r
            }
        }
    }
}
