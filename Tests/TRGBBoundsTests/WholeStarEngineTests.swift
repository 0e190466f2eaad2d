import Foundation
import OutputContract
import Testing
@testable import TRGBBounds
import WholeStar

/// The whole-star engine of `bound` (`WholeStarTracks`, `--engine whole-star`): the analysis on made-up whole-star
/// outcomes (no track is run: they are remembered by the runner), so that the photometry from the model's T_eff and
/// log g, the engine's budget and its linear response, the spec's α_MLT and η, and the report are checked in
/// seconds; the refusals; and one real job cut short by its step limit (a typed failure, not a crash).
@Suite struct WholeStarEngineTests {
    static let engine = try! WholeStarTracks(dataDirectory: TestData.directory, cacheDirectory: nil, tabulatedEOS: false)

    /// A made-up whole-star tip: log L grows as 0.008 x² (M_bol brightens by 0.02 mag x²), T_eff 4000 K less 5 K x².
    static func outcome(x: Double, logLShift: Double = 0, teffShift: Double = 0, mass: Double = 0.8) -> TrackOutcome {
        let logL = 3.30 + 0.008 * x * x + logLShift
        let teff = 4000 - 5 * x * x + teffShift
        var o = TrackOutcome(coreMass: 0.49, logTipLuminosity: logL, seconds: 1)
        o.age = 13e9
        o.surface = TipSurface(effectiveTemperature: teff, logGravity: TipPhotometry.logg(mass: mass, logL: logL, teff: teff),
                               radius: 100, mass: mass, hydrogen: 0.74, helium: 0.26, dredgeUpDeltaY: 0.013, ignition: "flashed")
        return o
    }

    /// Runs the analysis of M5 on made-up outcomes: the mixing-length variations move T_eff by ±100 K, every other
    /// track variation moves log L by 0.001 (i + 1) at x = 0 and twice that at the reference x (so that a ΔM_I carried
    /// from x = 0 and one computed at the reference differ).
    static func analyse() throws -> (BoundAnalysis, BoundAnalysis.Report, [Variation]) {
        let data = TestData.data
        let runner = TrackRunner(relations: data.relations, threads: 1, wholeStar: engine)
        let analysis = try BoundAnalysis(model: data.model, tables: data.tables, runner: runner)
        let c = TestData.calibration("m5-viaux2013")
        let base = analysis.spec(for: c)
        var known: [TrackSpec: TrackOutcome] = [:]
        for x in analysis.nodes { known[base.with(mu12: x)] = outcome(x: x) }
        let variations = SystematicsBudget.variations(model: data.model, fehError: c.fehError, wholeStar: engine)
        for (i, v) in variations.enumerated() {
            guard let t = v.track else { continue }
            let spec = t(base)
            switch v.category {
            case .mixingLength: known[spec] = outcome(x: 0, teffShift: spec.mixingLength! > base.mixingLength! ? 100 : -100)
            case .mass: known[spec] = outcome(x: 0, logLShift: spec.mass > base.mass ? -0.01 : 0.01, mass: spec.mass)
            default: known[spec] = outcome(x: 0, logLShift: 0.001 * Double(i + 1))
            }
            let muRef = data.model.systematics.reference(analysis.coupling)
            let atRef = t(base.with(mu12: muRef))
            switch v.category {
            case .mixingLength: known[atRef] = outcome(x: muRef, teffShift: atRef.mixingLength! > base.mixingLength! ? 150 : -150)
            case .mass: known[atRef] = outcome(x: muRef, logLShift: atRef.mass > base.mass ? -0.02 : 0.02, mass: atRef.mass)
            default: known[atRef] = outcome(x: muRef, logLShift: 0.002 * Double(i + 1))
            }
        }
        runner.remember(known)
        let report = try analysis.run([c], cl: 0.95)
        #expect(runner.computed == 0)
        return (analysis, report, variations)
    }

    @Test func theSpecCarriesTheCalibratedMixingLengthAndTheWind() throws {
        let data = TestData.data
        let analysis = try BoundAnalysis(model: data.model, tables: data.tables,
                                         runner: TrackRunner(relations: data.relations, threads: 1, wholeStar: Self.engine))
        let spec = analysis.spec(for: TestData.calibration("m5-viaux2013"))
        #expect(spec.mixingLength == Self.engine.sun.mixingLength)
        #expect(spec.reimersEta == data.model.wholeStar.reimersEta.value)
        #expect(analysis.nodes == data.model.wholeStar.mu12Grid)
        // The core engine's spec leaves both out (its identity is what it was before the whole star).
        let core = try BoundAnalysis(model: data.model, tables: data.tables, runner: TrackRunner(relations: data.relations))
        let coreSpec = core.spec(for: TestData.calibration("m5-viaux2013"))
        #expect(coreSpec.mixingLength == nil && coreSpec.reimersEta == nil)
        #expect(!coreSpec.canonicalEncoding.contains("mixing") && !coreSpec.canonicalEncoding.contains("reimers"))
    }

    @Test func theTipIsTheModelsPhotometry() throws {
        let (analysis, report, _) = try Self.analyse()
        let r = try #require(report.results.first)
        let standard = Self.outcome(x: 0)
        let s = try #require(standard.surface)
        // M_I = M_bol,☉ − 2.5 log L − BC_I(T_eff, log g, [Fe/H]), independently of the tip-colour path.
        let table = TestData.table
        let bc = try table.bcI(teff: s.effectiveTemperature, logg: s.logGravity, feh: r.photometry.feh)
        #expect(abs(r.standard.mI - (table.mbolSun - 2.5 * standard.logTipLuminosity - bc)) < 1e-12)
        #expect(r.standard.teff == s.effectiveTemperature)
        #expect(abs(r.standard.colourVI - (try table.colourVI(teff: s.effectiveTemperature, logg: s.logGravity, feh: r.photometry.feh))) < 1e-12)
        // The colour path fed the model's own colour finds the model's T_eff and M_I (the two paths agree).
        let viaColour = try analysis.tip(logL: standard.logTipLuminosity,
                                         PhotometryInputs(mass: s.mass, feh: r.photometry.feh, colourVI: r.standard.colourVI,
                                                          table: r.photometry.table))
        #expect(abs(viaColour.teff - s.effectiveTemperature) < 0.5)
        #expect(abs(viaColour.mI - r.standard.mI) < 1e-3)
        #expect(r.surface == s)
        #expect(r.relationColourVI == (try TestData.data.model.tipColour(feh: r.photometry.feh)))
        #expect(report.engine == .wholeStar)
        #expect(r.limits.bayesian > 0 && r.limits.bayesian < 6)
    }

    @Test func theBudgetIsTheWholeStars() throws {
        let (analysis, report, variations) = try Self.analyse()
        let r = try #require(report.results.first)
        let categories = Set(r.budget.map(\.category))
        #expect(categories.isSuperset(of: [.metallicity, .helium, .mass, .mixingLength, .massLoss, .solarMixture, .conduction, .tripleAlpha,
                                           .screening, .bolometricCorrection]))
        #expect(categories.isDisjoint(with: [.coreEdge, .tipColour, .mixing, .neutrinoRates]))
        #expect(r.budget.count == variations.count)
        // Track variations: run at x = 0 and at the reference x (ΔM_I against the standard star there), except the
        // wind, whose shift at x = 0 is carried to the reference x unchanged.
        let muRef = TestData.data.model.systematics.reference(analysis.coupling)
        let p0 = analysis.photometryInputs(for: r.calibration)
        let standardRef = try analysis.tip(Self.outcome(x: muRef), p0).mI
        for (i, (row, v)) in zip(r.budget, variations).enumerated() where v.track != nil {
            if v.category == .massLoss {
                #expect(!v.atReference && row.deltaMIRef == row.deltaMI0, "\(row.name)")
            } else if v.category != .mixingLength && v.category != .mass {
                let varied = try analysis.tip(Self.outcome(x: muRef, logLShift: 0.002 * Double(i + 1)), v.photometry(p0)).mI
                #expect(v.atReference && abs(row.deltaMIRef - (varied - standardRef)) < 1e-12, "\(row.name)")
                #expect(abs(row.deltaMIRef - row.deltaMI0) > 1e-3, "\(row.name)")
            }
        }
        // The mixing length acts through T_eff only: ΔM_I is −ΔBC_I at the model's L.
        let plus = try #require(r.budget.first { $0.category == .mixingLength && $0.name.contains("+") })
        let expected = try analysis.tip(Self.outcome(x: 0, teffShift: 100), p0).mI - r.standard.mI
        #expect(abs(plus.deltaMI0 - expected) < 1e-12 && abs(plus.deltaMI0) > 0.01)
        // The solar mixture: GS98's (Z/X)☉ over AGSS09's, at the same [Fe/H] (the photometry unchanged).
        let base = analysis.spec(for: r.calibration)
        let mixture = try #require(variations.first { $0.category == .solarMixture })
        let mixtureTrack = try #require(mixture.track)
        let ratio = mixtureTrack(base).metallicity / base.metallicity
        #expect(abs(ratio - 0.0229 / 0.0181) < 1e-12)
        #expect(mixture.photometry(p0).feh == p0.feh)
        // Reimers η: one variation, to model.json's value (the standard has its own).
        let eta = TestData.data.model.wholeStar
        let etaSpecs = variations.filter { $0.category == .massLoss }.compactMap { $0.track?(analysis.spec(for: r.calibration)).reimersEta }
        #expect(etaSpecs == [eta.reimersEtaVariation.value] && eta.reimersEtaVariation.value != eta.reimersEta.value)
    }

    @Test func theReportSaysWhichEngine() throws {
        let (_, report, _) = try Self.analyse()
        let json = try ContractJSON.encode(BoundReport(report, threads: 1, seconds: 1))
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(o["engine"] as? String == "whole-star")
        let cal = try #require((o["calibrations"] as? [[String: Any]])?.first)
        #expect(cal["tip_colour_source"] as? String == "model")
        #expect(cal["tip_colour_vi_relation"] is Double)
        #expect(cal["age_tip_gyr"] as? Double == 13)
        let tip = try #require(cal["whole_star_tip"] as? [String: Any])
        #expect(Set(tip.keys) == Set(TipSurface.CodingKeys.allCases.map(\.rawValue)))
    }

    @Test func whatTheWholeStarCannotVaryIsRefused() throws {
        let base = TrackSpec(mass: 0.8, helium: 0.245, metallicity: 0.001)
        func refused(_ edit: (inout TrackSpec) -> Void, naming name: String) {
            var s = base
            edit(&s)
            #expect { _ = try Self.engine.job(s) } throws: { error in
                guard case let TRGBError.invalidParameter(n, _, _) = error else { return false }
                return n.contains(name)
            }
        }
        refused({ $0.dredgeUpHelium = 0.02 }, naming: "dredge-up")
        refused({ $0.edgeTemperatureFactor = 1.05 }, naming: "c_T")
        refused({ $0.edgePressureFactor = 2 }, naming: "c_P")
        refused({ $0.plasmaNeutrinos = .itoh1996 }, naming: "plasmaNeutrinos")
        refused({ $0.physics.neutrinoLossFactor = 1.2 }, naming: "neutrinoLossFactor")
        refused({ $0.physics.conductiveOpacityFactor = 0.8 }, naming: "conductiveOpacityFactor")
        refused({ $0.physics.sin2ThetaW = 0.25 }, naming: "sin2ThetaW")
        refused({ $0.mixingLength = 0.2 }, naming: "mixing length")
        refused({ $0.reimersEta = -1 }, naming: "Reimers")
        refused({ $0.helium = 0.6 }, naming: "helium")
        // The core engine refuses the envelope's parameters.
        var s = base
        s.mixingLength = 1.8
        #expect(throws: TRGBError.self) { _ = try s.integrator(relations: TestData.data.relations, settings: .init()) }
    }

    /// A real track (direct EOS), cut off by a two-step limit: the job ends with a typed failure.
    @Test func aTrackCutShortFailsTyped() throws {
        var settings = StarEvolutionSettings()
        settings.maximumSteps = 2
        settings.cells = 100
        let engine = try WholeStarTracks(dataDirectory: TestData.directory, settings: settings, cacheDirectory: nil,
                                         tabulatedEOS: false)
        let result = try engine.job(TrackSpec(mass: 0.8, helium: 0.245, metallicity: 0.001))()
        guard case let .failed(f) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(f.kind == "step_failed" && f.message.contains("step limit 2"))
        #expect(engine.context.contains("eos direct") && engine.context.contains("whole-star r\(WholeStarTracks.revision)"))
    }
}
