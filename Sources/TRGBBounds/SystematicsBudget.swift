import Foundation
import Microphysics
import RedGiantCore

/// One input varied for the systematics budget: how it changes the track and the photometry.
public struct Variation: Sendable {
    public enum Category: String, Sendable, CaseIterable {
        case metallicity, helium, mass, conduction
        case neutrinoRates = "neutrino rates"
        case tripleAlpha = "3α rate"
        case screening
        case bolometricCorrection = "bolometric correction"
        case tipColour = "tip colour (T_eff, mixing length)"
        case mixing = "mixing (first dredge-up)"
        case coreEdge = "core edge (envelope)"
    }

    public var name: String
    public var category: Category
    /// Changes the track (nil: the variation is photometric only and needs no new track).
    public var track: (@Sendable (TrackSpec) -> TrackSpec)?
    public var photometry: @Sendable (PhotometryInputs) -> PhotometryInputs = { $0 }
}

/// What the photometry of a tip needs besides the luminosity.
public struct PhotometryInputs: Sendable, Equatable {
    public var mass: Double
    public var feh: Double
    /// Observed tip colour, or nil for the relation at `feh`.
    public var colourVI: Double?
    /// Added to the colour (relation scatter variation).
    public var colourOffset = 0.0
    /// BC table name.
    public var table: String
}

/// The standard list of variations for a population (Docs/bounds.md §3 gives the reasons for each size).
public enum SystematicsBudget {
    public static func variations(model: TipModelInputs, fehError: Double) -> [Variation] {
        let sys = model.systematics
        var list: [Variation] = []
        for sign in [1.0, -1.0] {
            let s = sign > 0 ? "+" : "−"
            let dFeh = sign * fehError
            list.append(Variation(name: String(format: "[Fe/H] %@%.2f dex", s, fehError), category: .metallicity,
                                  track: { spec in
                                      var t = spec
                                      t.metallicity = spec.metallicity * pow(10, dFeh)
                                      return t
                                  }, photometry: { p in
                                      var q = p
                                      q.feh += dFeh
                                      return q
                                  }))
            let dY = sign * model.helium.error
            list.append(Variation(name: String(format: "Y %@%.3f", s, model.helium.error), category: .helium,
                                  track: { spec in
                                      var t = spec
                                      t.helium += dY
                                      return t
                                  }))
            let dM = sign * model.mass.error
            list.append(Variation(name: String(format: "mass %@%.2f M☉", s, model.mass.error), category: .mass,
                                  track: { spec in
                                      var t = spec
                                      t.mass = max(0.7, spec.mass + dM)
                                      return t
                                  }, photometry: { p in
                                      var q = p
                                      q.mass = max(0.7, p.mass + dM)
                                      return q
                                  }))
        }
        list.append(Variation(name: "conduction Yakovlev & Urpin 1980", category: .conduction, track: { spec in
            var t = spec
            t.conduction = .yakovlevUrpin1980
            return t
        }))
        list.append(Variation(name: "conduction + Blouin et al. 2020", category: .conduction, track: { spec in
            var t = spec
            t.blouin2020 = true
            return t
        }))
        list.append(Variation(name: "plasmon decay: Itoh et al. 1996 fit", category: .neutrinoRates, track: { spec in
            var t = spec
            t.plasmaNeutrinos = .itoh1996
            return t
        }))
        list.append(Variation(name: "3α rate NACRE 1999", category: .tripleAlpha, track: { spec in
            var t = spec
            t.tripleAlpha = .nacre
            return t
        }))
        list.append(Variation(name: "screening screen5 (Graboske/Alastuey–Jancovici)", category: .screening, track: { spec in
            var t = spec
            t.screening = .screen5
            return t
        }))
        if let alternative = model.alternativeBolometricCorrections {
            list.append(Variation(name: "BC table \(alternative)", category: .bolometricCorrection, track: nil,
                                  photometry: { p in
                                      var q = p
                                      q.table = alternative
                                      return q
                                  }))
        }
        let scatter = model.tipColour.scatter
        for sign in [1.0, -1.0] {
            list.append(Variation(name: String(format: "tip colour %@%.2f mag", sign > 0 ? "+" : "−", scatter),
                                  category: .tipColour, track: nil, photometry: { p in
                                      var q = p
                                      q.colourOffset += sign * scatter
                                      return q
                                  }))
        }
        let fdu = sys.dredgeUpHelium.value
        list.append(Variation(name: String(format: "first dredge-up ΔY = %.3f", fdu), category: .mixing, track: { spec in
            var t = spec
            t.dredgeUpHelium = fdu
            return t
        }))
        let fT = sys.edgeTemperatureFraction.value
        for sign in [1.0, -1.0] {
            list.append(Variation(name: String(format: "core-edge c_T %@%.0f%%", sign > 0 ? "+" : "−", 100 * fT),
                                  category: .coreEdge, track: { spec in
                                      var t = spec
                                      t.edgeTemperatureFactor *= 1 + sign * fT
                                      return t
                                  }))
        }
        let fP = sys.edgePressureFactor.value
        list.append(Variation(name: String(format: "core-edge c_P ×%g", fP), category: .coreEdge, track: { spec in
            var t = spec
            t.edgePressureFactor *= fP
            return t
        }))
        return list
    }
}
