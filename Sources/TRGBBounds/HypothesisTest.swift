import NeutrinoMixing

/// A tested coupling (e.g. the μ₁₂ of a moment matrix) against one calibration: the tip it predicts and
/// whether the calibration's Bayesian limit excludes it.
public struct HypothesisTest: Sendable, Equatable {
    public var calibration: String
    /// M_I predicted at the tested value (mag).
    public var predictedMI: Double
    /// The tested value lies above the calibration's Bayesian upper limit.
    public var excluded: Bool
}

extension BoundAnalysis.Report {
    /// The hypothesis against every calibration of the report (μ₁₂ must lie on the report's grid).
    public func test(_ h: MomentHypothesis) throws -> [HypothesisTest] {
        try results.map { c in
            let m = try c.curve.sample([h.mu12])[0]
            return HypothesisTest(calibration: c.calibration.name, predictedMI: m, excluded: h.mu12 > c.limits.bayesian)
        }
    }
}

extension BoundAnalysis.CalibrationResult {
    /// (observed − predicted at zero coupling)/σ with σ² = σ_obs² + τ(0)²: negative when the observed tip is
    /// brighter than the standard model.
    public var pull: Double {
        (calibration.mI - standard.mI)
            / (calibration.observedError * calibration.observedError + theoryError0 * theoryError0).squareRoot()
    }
}
