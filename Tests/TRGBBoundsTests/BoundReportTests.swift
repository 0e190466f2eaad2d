import Foundation
import NeutrinoMixing
import OutputContract
import Testing
@testable import TRGBBounds

/// `BoundReport`, the documented `bound --json` contract, on a made-up analysis report (no flash tracks): each
/// coupling writes its own spelling of the keys, nulls stay present, and a NaN is refused naming its key.
@Suite struct BoundReportTests {
    static func report(_ coupling: Coupling) throws -> BoundAnalysis.Report {
        let data = TestData.data
        let analysis = try BoundAnalysis(model: data.model, tables: data.tables, runner: TrackRunner(relations: data.relations))
        let results = try ["m5-viaux2013", "omega-cen-cr2020"].map { name in
            let c = TestData.calibration(name)
            let p = analysis.photometryInputs(for: c)
            let standard = try analysis.tip(logL: 3.3, p)
            return BoundAnalysis.CalibrationResult(
                calibration: c, spec: analysis.spec(for: c), photometry: p, standard: standard,
                coreMassStandard: 0.488, logLStandard: 3.3,
                curve: TipCurve(mu12: [0, 2], values: [standard.mI, standard.mI - 0.2]), theoryError0: 0.1, theoryErrorRef: 0.12,
                budget: [.init(name: "Y +0.010", category: .helium, deltaMI0: 0.01, deltaMIRef: 0.02, limitShift: nil)],
                categoryErrors: [], categoryErrorsRef: [],
                limits: .init(bayesian: 2, deltaChiSquared: 1.9, feldmanCousins: 2.2), gridMI: [], gridTau: [])
        }
        return BoundAnalysis.Report(cl: 0.95, muGrid: [], results: results,
                                    combined: .init(bayesian: 1.5, deltaChiSquared: 1.4, feldmanCousins: 1.6),
                                    coupling: coupling, referenceMu12: 2, tracksComputed: 0, trackSeconds: 0)
    }

    static func object(_ r: BoundReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ContractJSON.encode(r).utf8)) as? [String: Any])
    }

    /// Every key at any depth.
    static func keys(_ v: Any) -> Set<String> {
        if let o = v as? [String: Any] { return o.reduce(into: Set(o.keys)) { $0.formUnion(keys($1.value)) } }
        if let a = v as? [Any] { return a.reduce(into: Set<String>()) { $0.formUnion(keys($1)) } }
        return []
    }

    @Test func theMagneticMomentWritesMu12Keys() throws {
        let o = try Self.object(BoundReport(try Self.report(.magneticMoment), threads: 2, seconds: 1))
        let all = Self.keys(o)
        #expect(all.isSuperset(of: ["mu12_limit", "mu12_limit_delta_chi2", "mu12_limit_feldman_cousins", "mu_nu_limit_mu_b",
                                    "theory_error_m_i_reference_mu12", "delta_m_i_mu12_0", "limit_shift_mu12", "reference_mu12"]))
        #expect(all.filter { $0.contains("q14") || $0 == "q_limit_e0" }.isEmpty)
        #expect(o["tested"] == nil)                                      // present only with a hypothesis
        let cal = try #require((o["calibrations"] as? [[String: Any]])?.first)
        #expect(cal["mu_nu_limit_mu_b"] as? Double == 2e-12)
        #expect((cal["published_limits"] as? [Any])?.count == 2)         // Viaux et al. 2013: 68 % and 95 %
        #expect(((cal["budget"] as? [[String: Any]])?.first?["limit_shift_mu12"]) is NSNull)
        let combined = try #require(o["combined"] as? [String: Any])
        #expect(combined["mu12_limit"] as? Double == 1.5 && (combined["calibrations"] as? [String])?.count == 2)
    }

    @Test func theMillichargeWritesQ14Keys() throws {
        let o = try Self.object(BoundReport(try Self.report(.millicharge), threads: 2, seconds: 1))
        let all = Self.keys(o)
        #expect(all.isSuperset(of: ["q14_limit", "q14_limit_delta_chi2", "q14_limit_feldman_cousins", "q_limit_e0",
                                    "theory_error_m_i_reference_q14", "delta_m_i_q14_0", "limit_shift_q14", "reference_q14"]))
        #expect(all.filter { $0.contains("mu12") || $0 == "mu_nu_limit_mu_b" }.isEmpty)   // published limits (on μν) dropped
        let cal = try #require((o["calibrations"] as? [[String: Any]])?.first)
        #expect(cal["q_limit_e0"] as? Double == 2e-14)
        #expect(o["coupling"] as? String == "millicharge")
    }

    @Test func aTestedHypothesisAndOneCalibration() throws {
        var r = try Self.report(.magneticMoment)
        r.results.removeLast()
        r.combined = nil
        let h = MomentHypothesis(mu12: 3, description: "effective μ₁₂ given on the command line")
        let o = try Self.object(BoundReport(r, hypothesis: h, tests: try r.test(h), threads: 1, seconds: 1))
        #expect(o["combined"] is NSNull)                                // null for one calibration, the key present
        let tested = try #require(o["tested"] as? [String: Any])
        #expect(tested["sum_squared_given_basis"] is NSNull && tested["sum_squared_other_basis"] is NSNull)
        #expect(((tested["results"] as? [[String: Any]])?.first?["excluded"]) as? Bool == true)   // 3 > limit 2
    }

    @Test func aNonFiniteLimitIsRefusedNamingItsKey() throws {
        var r = try Self.report(.magneticMoment)
        r.results[1].limits.deltaChiSquared = .nan
        do {
            _ = try ContractJSON.encode(BoundReport(r, threads: 1, seconds: 1))
            Issue.record("a NaN limit was written")
        } catch let e as NonFiniteOutput {
            #expect(e.path == "calibrations[1].mu12_limit_delta_chi2")
        }
    }
}
