import Foundation
import OutputContract
import Testing
@testable import TRGBBounds

/// `PosteriorReport`, the documented `posterior --json` contract, on a made-up posterior (no tracks, no MCMC):
/// every key carries its field, and a parameter whose τ_int is infinite (a prior of zero width) is refused.
@Suite struct PosteriorReportTests {
    static func result() -> PosteriorAnalysis.Result {
        let names = PosteriorAnalysis.Result.names(.magneticMoment)
        return PosteriorAnalysis.Result(
            calibration: TestData.calibration("m5-viaux2013"),
            priors: PosteriorPriors(x: 0...8, mass: 0.75...0.85, helium: 0.235...0.255, metallicity: 1e-4...3e-3,
                                    dredgeUp: 0...0.03),
            cl: 0.95, coupling: .magneticMoment, limit: 4.1, limitQuadrature: 4.0,
            summaries: names.indices.map { .init(name: names[$0], median: Double($0), lower68: Double($0) - 0.5, upper68: Double($0) + 0.5) },
            autocorrelation: [40, 41, 42, 43, 44], rHat: [1.001, 1.002, 1.003, 1.004, 1.005], effectiveSamples: [900, 901, 902, 903, 904],
            acceptance: 0.4, steps: 4000, burnIn: 1000, walkers: 32, converged: true,
            interpolationMaxError: 0.004, interpolationRMSError: 0.002, checkTracks: 6,
            theoryErrorRest0: 0.11, theoryErrorRestRef: 0.12, gridStars: 60, tracksComputed: 0, trackSeconds: 0, samples: [])
    }

    @Test func everyKeyCarriesItsField() throws {
        let text = try ContractJSON.encode(PosteriorReport(Self.result(), threads: 2, seconds: 7))
        let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(o["command"] as? String == "posterior" && o["calibration"] as? String == "m5-viaux2013")
        #expect(o["mu12_limit"] as? Double == 4.1 && o["mu12_limit_quadrature"] as? Double == 4.0)
        #expect(o["observed_m_i"] as? Double == -4.17 && o["observed_m_i_error"] as? Double == 0.13)
        #expect(o["walkers"] as? Int == 32 && o["steps"] as? Int == 4000 && o["burn_in"] as? Int == 1000)
        #expect(o["converged"] as? Bool == true && o["grid_stars"] as? Int == 60 && o["interpolation_check_tracks"] as? Int == 6)
        #expect(o["theory_error_rest_m_i"] as? Double == 0.11 && o["interpolation_max_abs_delta_m_i"] as? Double == 0.004)
        let priors = try #require(o["priors"] as? [String: Any])
        #expect(priors["mass_msun"] as? [Double] == [0.75, 0.85] && priors["metallicity_z"] as? [Double] == [1e-4, 3e-3])
        #expect(priors["z_prior"] as? String == "log" && priors["dredge_up_helium"] as? [Double] == [0, 0.03])
        let parameters = try #require(o["parameters"] as? [[String: Any]])
        #expect(parameters.map { $0["name"] as? String } == PosteriorAnalysis.Result.names(.magneticMoment))
        #expect(parameters[3]["median"] as? Double == 3 && parameters[3]["lower_68"] as? Double == 2.5)
        #expect(parameters[3]["autocorrelation_steps"] as? Double == 43 && parameters[3]["r_hat"] as? Double == 1.004)
        #expect(parameters[3]["effective_samples"] as? Double == 903)
        #expect(text.contains("\"effective_samples\": 903.0"))   // a double stays a double
    }

    /// A prior of zero width (allowed by the command line) leaves that parameter's τ_int infinite: the report is
    /// refused, where the text writer of the past printed `inf` into the JSON.
    @Test func anInfiniteAutocorrelationIsRefused() throws {
        var r = Self.result()
        r.autocorrelation[2] = .infinity
        #expect(throws: NonFiniteOutput.self) { try ContractJSON.encode(PosteriorReport(r, threads: 2, seconds: 7)) }
    }
}
