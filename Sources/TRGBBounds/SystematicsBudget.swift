import EnvelopePhysics
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
        case mixingLength = "mixing length (T_eff)"
        case massLoss = "mass loss (Reimers η)"
        case solarMixture = "solar mixture ((Z/X)☉)"
    }

    public var name: String
    public var category: Category
    /// Changes the track (nil: the variation is photometric only and needs no new track).
    public var track: (@Sendable (TrackSpec) -> TrackSpec)?
    public var photometry: @Sendable (PhotometryInputs) -> PhotometryInputs = { $0 }
    /// A track variation is run at x = 0 and at the reference coupling (its ΔM_I interpolated linearly in x² between
    /// them); false: at x = 0 only, its ΔM_I carried to every x (the whole star's wind: at μ₁₂ ≥ 2 the M5 star with
    /// η = 0.477 loses its envelope before helium ignites and has no tip, Docs/bounds.md §11).
    public var atReference = true
}

/// The standard list of variations for a population (Docs/bounds.md §3 gives the reasons for each size).
public enum SystematicsBudget {
    /// The variations of an engine: the core engine's list (`variations(model:fehError:)`; `wholeStar` nil), or the
    /// whole star's: the same star, helium, metallicity, conduction, 3α, screening and BC-table variations, plus the
    /// mixing length, Reimers η (run at x = 0 only, `Variation.atReference`) and the solar mixture's (Z/X)☉, and none
    /// of the core engine's envelope stand-ins (core edge, dredge-up ΔY, tip colour: the whole star models its
    /// envelope, dredge-up and T_eff). Its plasma-neutrino rates are fixed (`WholeStarTracks`), so the Itoh-fit
    /// variation is not made there (Docs/bounds.md §11).
    public static func variations(model: TipModelInputs, fehError: Double, wholeStar: WholeStarTracks?) -> [Variation] {
        guard let wholeStar else { return variations(model: model, fehError: fehError) }
        let keep: Set<Variation.Category> = [.metallicity, .helium, .mass, .conduction, .tripleAlpha, .screening, .bolometricCorrection]
        var list = variations(model: model, fehError: fehError).filter { keep.contains($0.category) }
        let dAlpha = model.wholeStar.mixingLengthDelta.value
        let eta = model.wholeStar.reimersEtaVariation.value
        list.append(Variation(name: String(format: "Reimers η = %.3g", eta), category: .massLoss, track: { spec in
            var t = spec
            t.reimersEta = eta
            return t
        }, atReference: false))
        // The solar mixture behind [Fe/H] → Z: the standard Z is AGSS09's scale (z_sun in model.json); GS98's
        // (Z/X)☉ = 0.0229 against AGSS09's 0.0181 (`SolarMixture.publishedZOverX`) gives 1.27 times the Z at the same
        // observed [Fe/H]. Only the conversion: the opacity tables are GS98's in both (no AGSS09 OPAL tables in the
        // data, Docs/bounds.md §11), so the mixture's own effect on κ at fixed Z is not in the budget.
        let zRatio = SolarMixture.gs98.publishedZOverX / SolarMixture.agss09.publishedZOverX
        list.append(Variation(name: String(format: "mixture GS98: Z ×%.3f", zRatio), category: .solarMixture, track: { spec in
            var t = spec
            t.metallicity = spec.metallicity * zRatio
            return t
        }))
        for sign in [1.0, -1.0] {
            let s = sign > 0 ? "+" : "−"
            list.append(Variation(name: String(format: "mixing length α %@%.2f", s, dAlpha), category: .mixingLength,
                                  track: { spec in
                                      var t = spec
                                      t.mixingLength = wholeStar.mixingLength(spec) + sign * dAlpha
                                      return t
                                  }))
        }
        return list
    }

    public static func variations(model: TipModelInputs, fehError: Double) -> [Variation] {
        /// A variation that edits the track only.
        func track(_ name: String, _ category: Variation.Category, _ edit: @escaping @Sendable (inout TrackSpec) -> Void) -> Variation {
            Variation(name: name, category: category, track: { spec in
                var t = spec
                edit(&t)
                return t
            })
        }
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
            list.append(track(String(format: "Y %@%.3f", s, model.helium.error), .helium) { $0.helium += dY })
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
        list.append(track("conduction Yakovlev & Urpin 1980", .conduction) { $0.conduction = .yakovlevUrpin1980 })
        list.append(track("conduction + Blouin et al. 2020", .conduction) { $0.blouin2020 = true })
        list.append(track("plasmon decay: Itoh et al. 1996 fit", .neutrinoRates) { $0.plasmaNeutrinos = .itoh1996 })
        list.append(track("3α rate NACRE 1999", .tripleAlpha) { $0.tripleAlpha = .nacre })
        list.append(track("screening screen5 (Graboske/Alastuey–Jancovici)", .screening) { $0.screening = .screen5 })
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
        list.append(track(String(format: "first dredge-up ΔY = %.3f", fdu), .mixing) { $0.dredgeUpHelium = fdu })
        let fT = sys.edgeTemperatureFraction.value
        for sign in [1.0, -1.0] {
            list.append(track(String(format: "core-edge c_T %@%.0f%%", sign > 0 ? "+" : "−", 100 * fT), .coreEdge) {
                $0.edgeTemperatureFactor *= 1 + sign * fT
            })
        }
        let fP = sys.edgePressureFactor.value
        list.append(track(String(format: "core-edge c_P ×%g", fP), .coreEdge) { $0.edgePressureFactor *= fP })
        return list
    }
}
