import Foundation
import Testing
import Constants
import EnvelopePhysics
import ErrorVocabulary
import ModelData
@testable import WholeStar

/// The GS98 microphysics, loaded once for every test of this target.
let zamsMicrophysics: EnvelopeMicrophysics? = try? EnvelopeMicrophysics(mixture: .gs98, dataDirectory: DataDirectory.locate())

/// Published ZAMS luminosity and radius: Tout, Pols, Eggleton & Han 1996 (MNRAS 281, 257) eqs. 1–2 with their
/// Table 1–2 coefficients at Z = 0.02 (the first column; log(Z/0.02) = 0): fits to the Eggleton-code ZAMS models of
/// Pols et al. 1998 (MNRAS 298, 525; X = 0.70, Y = 0.28, Z = 0.02, α_MLT = 2.0, OPAL opacities).
enum ToutZAMS {
    static func luminosity(_ m: Double) -> Double {
        (0.39704170 * pow(m, 5.5) + 8.52762600 * pow(m, 11))
            / (0.00025546 + pow(m, 3) + 5.43288900 * pow(m, 5) + 5.56357900 * pow(m, 7) + 0.78866060 * pow(m, 8)
               + 0.00586685 * pow(m, 9.5))
    }
    static func radius(_ m: Double) -> Double {
        (1.71535900 * pow(m, 2.5) + 6.59778800 * pow(m, 6.5) + 10.08855000 * pow(m, 11) + 1.01249500 * pow(m, 19)
         + 0.07490166 * pow(m, 19.5))
            / (0.01077422 + 3.08223400 * pow(m, 2) + 17.84778000 * pow(m, 8.5) + pow(m, 18.5) + 0.00022582 * pow(m, 19.5))
    }
}

/// Models shared by several tests (built once; X = 0.70, Z = 0.02, α_MLT = 2.0 as in Pols et al. 1998).
enum ZAMSFixtures {
    static func build(_ mass: Double, cells: Int = 400) throws -> ZAMSModel {
        let micro = try #require(zamsMicrophysics)
        return try ZAMSModel.build(mass: mass, hydrogen: 0.70, metallicity: 0.02, mixingLength: 2.0, cells: cells,
                                   microphysics: micro)
    }
    static let sun: Result<ZAMSModel, any Error> = Result { try build(1.0) }
    static let low: Result<ZAMSModel, any Error> = Result { try build(0.8) }
    static let high: Result<ZAMSModel, any Error> = Result { try build(1.5) }
}

@Suite struct ZAMSModelTests {
    /// 1 M☉ against Tout et al. 1996 (Pols et al. 1998 models): L = 0.698 L☉, R = 0.888 R☉. Tolerance 0.025 dex
    /// (≈ 6 %) in L and R: Tout et al.'s fit residuals (a few per cent) plus input physics that differ (OPAL 1992 with
    /// the GN93 mixture, their EOS and MLT). T_c and ρ_c against the textbook magnitudes (13.5 MK, ~80 g cm⁻³; not a
    /// citable table, so ±6 % and ±15 %).
    @Test func oneSolarMassAgainstPublished() throws {
        let z = try ZAMSFixtures.sun.get()
        print("ZAMS 1.0: L=\(z.luminosity) R=\(z.radius) Teff=\(z.effectiveTemperature) Tc=\(z.centralTemperature) rhoc=\(z.centralDensity) Pc=\(z.centralPressure) Mcore=\(z.convectiveCoreMass) Menv=\(z.convectiveEnvelopeMass) rEnv=\(z.convectiveEnvelopeBaseRadius) it=\(z.iterations) s=\(z.seconds)")
        #expect(abs(log10(z.luminosity / ToutZAMS.luminosity(1))) < 0.025)
        #expect(abs(log10(z.radius / ToutZAMS.radius(1))) < 0.025)
        #expect(abs(z.centralTemperature / 13.5e6 - 1) < 0.06)
        #expect(abs(z.centralDensity / 80 - 1) < 0.15)
        // T_eff follows from L and R: Tout's 5597 K within 100 K.
        let teffTout = Solar.effectiveTemperature * pow(ToutZAMS.luminosity(1) / pow(ToutZAMS.radius(1), 2), 0.25)
        #expect(abs(z.effectiveTemperature - teffTout) < 100)
    }

    /// Energy: ∫ε dm, from the physics re-evaluated on the converged profile, equals the surface L (the energy
    /// equation summed, so to the solver tolerance); the virial theorem of a static star, ∫3P/ρ dm = ∫Gm/r dm
    /// (KWW 2012 ch. 3, surface term 4πR³P_ph ~ 10⁻¹⁰ of it), holds to the discretisation error.
    @Test func energyAndVirial() throws {
        let z = try ZAMSFixtures.sun.get()
        print("ZAMS 1.0 checks: ∫ε dm / L − 1 = \(z.nuclearLuminosity / z.luminosity - 1), virial ratio − 1 = \(z.virialThermal / z.virialGravitational - 1)")
        #expect(abs(z.nuclearLuminosity / z.luminosity - 1) < 1e-6)
        #expect(abs(z.virialThermal / z.virialGravitational - 1) < 1e-3)
        // L rises monotonically outward and is flat above the burning region (ε = 0 where T < 10⁶ K).
        #expect(zip(z.faceLuminosity, z.faceLuminosity.dropFirst()).allSatisfy { $0 <= $1 * (1 + 1e-12) })
    }

    /// Structure: hydrostatic pressure falls outward, and the radiative gradient of a convective face exceeds ∇_ad
    /// (Schwarzschild) while the model's ∇ lies between them (MLT).
    @Test func schwarzschildAndMLT() throws {
        let z = try ZAMSFixtures.sun.get()
        #expect(zip(z.pressure, z.pressure.dropFirst()).allSatisfy { $0 > $1 })
        for k in 0..<z.cells where z.convective[k] {
            #expect(z.radiativeGradient[k] > z.adiabaticGradient[k])
            #expect(z.gradient[k] >= z.adiabaticGradient[k] - 1e-12 && z.gradient[k] <= z.radiativeGradient[k] + 1e-12)
        }
        // The outer convective zone of the ZAMS Sun: its base at 0.68–0.76 of the radius (the present Sun's is at
        // 0.713 R☉, Basu & Antia 1997; the ZAMS Sun's is similar), 1–5 % of the mass.
        let base = z.convectiveEnvelopeBaseRadius / z.radius
        #expect(base > 0.68 && base < 0.76)
        #expect(z.convectiveEnvelopeMass > 0.01 && z.convectiveEnvelopeMass < 0.05)
    }

    /// Convergence: doubling the cells (400 → 800) moves log L and log R by less than 0.002 dex.
    @Test func meshConvergence() throws {
        let a = try ZAMSFixtures.sun.get()
        let b = try ZAMSFixtures.build(1.0, cells: 800)
        print("ZAMS 1.0 at 800 cells: L=\(b.luminosity) R=\(b.radius) Tc=\(b.centralTemperature); ΔlogL=\(log10(b.luminosity / a.luminosity)) ΔlogR=\(log10(b.radius / a.radius))")
        #expect(abs(log10(b.luminosity / a.luminosity)) < 0.002)
        #expect(abs(log10(b.radius / a.radius)) < 0.002)
        #expect(abs(log10(b.centralTemperature / a.centralTemperature)) < 0.002)
    }

    /// Mass dependence (0.8, 1.0, 1.5 M☉): L, T_eff and T_c rise with mass; L and R within 0.025 dex of Tout et al. 1996
    /// at each mass; 1.5 M☉ has a convective core (CNO burning), 0.8 and 1.0 M☉ none; 0.8 and 1.0 M☉ have deep
    /// convective envelopes (the deeper the lower the mass), 1.5 M☉ a thin one.
    @Test func massDependence() throws {
        let lo = try ZAMSFixtures.low.get(), mid = try ZAMSFixtures.sun.get(), hi = try ZAMSFixtures.high.get()
        for z in [lo, hi] {
            print("ZAMS \(z.mass): L=\(z.luminosity) R=\(z.radius) Teff=\(z.effectiveTemperature) Tc=\(z.centralTemperature) rhoc=\(z.centralDensity) Mcore=\(z.convectiveCoreMass) Menv=\(z.convectiveEnvelopeMass) rEnv=\(z.convectiveEnvelopeBaseRadius) it=\(z.iterations) s=\(z.seconds)")
        }
        #expect(lo.luminosity < mid.luminosity && mid.luminosity < hi.luminosity)
        #expect(lo.effectiveTemperature < mid.effectiveTemperature && mid.effectiveTemperature < hi.effectiveTemperature)
        #expect(lo.centralTemperature < mid.centralTemperature && mid.centralTemperature < hi.centralTemperature)
        for z in [lo, hi] {
            #expect(abs(log10(z.luminosity / ToutZAMS.luminosity(z.mass))) < 0.025)
            #expect(abs(log10(z.radius / ToutZAMS.radius(z.mass))) < 0.025)
        }
        #expect(hi.convectiveCoreMass > 0.05)
        #expect(lo.convectiveCoreMass == 0)
        #expect(mid.convectiveCoreMass == 0)
        #expect(lo.convectiveEnvelopeMass > mid.convectiveEnvelopeMass && mid.convectiveEnvelopeMass > 0.01)
        #expect(lo.convectiveEnvelopeBaseRadius < 0.75 * lo.radius)
        #expect(hi.convectiveEnvelopeMass < 1e-3)
    }

    /// 2 M☉ (reached by continuation in mass when Newton from the polytrope fails): within 0.025 dex of Tout et al.
    /// 1996 (L = 15.9 L☉, R = 1.61 R☉), a convective core above 0.2 M☉ and practically no convective envelope.
    @Test func twoSolarMasses() throws {
        let z = try ZAMSFixtures.build(2.0)
        print("ZAMS 2.0: L=\(z.luminosity) R=\(z.radius) Teff=\(z.effectiveTemperature) Tc=\(z.centralTemperature) rhoc=\(z.centralDensity) Mcore=\(z.convectiveCoreMass) Menv=\(z.convectiveEnvelopeMass) it=\(z.iterations) s=\(z.seconds)")
        #expect(abs(log10(z.luminosity / ToutZAMS.luminosity(2))) < 0.025)
        #expect(abs(log10(z.radius / ToutZAMS.radius(2))) < 0.025)
        #expect(z.convectiveCoreMass > 0.2)
        #expect(z.convectiveEnvelopeMass < 1e-6)
    }

    /// ¹²C at its initial abundance (CNO out of equilibrium) concentrates ε_CNO at the centre: the 1.5 M☉ convective
    /// core grows (0.11 → 0.17 M☉) and the star is fainter; the pp-dominated 0.8 M☉ star would not notice.
    @Test func initialCarbonBurning() throws {
        let micro = try #require(zamsMicrophysics)
        let eq = try ZAMSFixtures.high.get()
        let c = try ZAMSModel.build(mass: 1.5, hydrogen: 0.70, metallicity: 0.02, mixingLength: 2.0, cells: 400,
                                    burning: .he3EquilibriumCNOInitial, microphysics: micro)
        print("ZAMS 1.5 (CNO initial): L=\(c.luminosity) R=\(c.radius) Teff=\(c.effectiveTemperature) Tc=\(c.centralTemperature) Mcore=\(c.convectiveCoreMass)")
        #expect(c.convectiveCoreMass > 1.2 * eq.convectiveCoreMass)
        #expect(c.luminosity < eq.luminosity)
    }

    /// Bad input: a typed error naming the parameter and the allowed range, before any computation.
    @Test(arguments: [
        (0.3, 0.70, 0.02, 2.0, 400, "mass"), (3.5, 0.70, 0.02, 2.0, 400, "mass"), (.nan, 0.70, 0.02, 2.0, 400, "mass"),
        (1.0, 0.95, 0.02, 2.0, 400, "hydrogen"), (1.0, 0.70, 0.08, 2.0, 400, "metallicity"),
        (1.0, 0.70, -0.01, 2.0, 400, "metallicity"), (1.0, 0.70, 0.02, 5.0, 400, "mixing-length"),
        (1.0, 0.70, 0.02, 2.0, 10, "cells"),
    ] as [(Double, Double, Double, Double, Int, String)])
    func badInput(_ c: (Double, Double, Double, Double, Int, String)) throws {
        let micro = try #require(zamsMicrophysics)
        do {
            _ = try ZAMSModel.build(mass: c.0, hydrogen: c.1, metallicity: c.2, mixingLength: c.3, cells: c.4,
                                    microphysics: micro)
            Issue.record("no error for \(c)")
        } catch let e as WholeStarError {
            #expect(e.failureKind == .badInput)
            #expect(e.rejection?.key == c.5)
            #expect(e.rejection?.allowed.isEmpty == false)
        }
    }

    /// X + Z > 1 is refused (the hydrogen range [0.5, 0.8] and metallicity range [0, 0.06] already exclude it; the
    /// first violated range is named).
    @Test func hydrogenPlusMetals() throws {
        do {
            try ZAMSModel.validate(mass: 1, hydrogen: 0.97, metallicity: 0.05, mixingLength: 2, cells: 400)
            Issue.record("X + Z = 1.02 accepted")
        } catch let e as WholeStarError {
            #expect(e.rejection?.key == "hydrogen")
            #expect(e.rejection?.allowed == "[0.5, 0.8]")
        }
    }

    /// The mesh: faces increase to exactly 1, the outer mass of the last interior face is ~10⁻¹³ (the photosphere's
    /// layer), and the cell masses sum to 1 to rounding.
    @Test func mesh() {
        let m = StarMesh(cells: 400)
        #expect(m.q.last == 1)
        #expect(zip(m.q, m.q.dropFirst()).allSatisfy { $0 < $1 })
        #expect(m.outer[m.count - 2] > 1e-14 && m.outer[m.count - 2] < 1e-12)
        #expect(abs(m.dq.reduce(0, +) - 1) < 1e-12)
        #expect(m.dq.allSatisfy { $0 > 0 })
    }
}
