import Foundation
import GSL

/// The reach of a counting experiment on μν: the magnetic excess S(μ) = μ² s₁ X over a window must
/// exceed z_CL √((W + k B) X), with W the weak rate, B a flat background, X the exposure (kg day) and
/// k = 2 for a reactor ON–OFF measurement of equal exposures (the OFF run measures the background only;
/// k = 1 when the background is known, solar):
///
///     μ_reach = [z √((W + k B) X) / (s₁ X)]^½,      z = Φ⁻¹(CL) (one-sided, Gaussian, counts ≫ 1).
///
/// A counting estimate, not a spectral fit: it ranks thresholds and exposures, and lands within a factor
/// ~2 of published limits (Docs/laboratory.md §4).
public struct CountingProjection: Sendable {
    public var thresholdKeV: Double, windowMaxKeV: Double
    public var exposureKgDay: Double
    /// Flat background in counts keV⁻¹ kg⁻¹ day⁻¹.
    public var background: Double
    public var cl: Double
    /// k above: how many times the background's variance enters (1 or 2).
    public var varianceFactor: Double

    public init(thresholdKeV: Double, windowMaxKeV: Double, exposureKgDay: Double, background: Double, cl: Double = 0.9, varianceFactor: Double) throws {
        func need(_ ok: Bool, _ name: String, _ v: Double, _ allowed: String) throws {
            if !ok { throw LaboratoryError.invalidParameter(name: name, value: v, allowed: allowed) }
        }
        try need(thresholdKeV.isFinite && thresholdKeV > 0 && thresholdKeV < 1e4, "threshold (keV)", thresholdKeV, "(0, 1e4) keV")
        try need(windowMaxKeV.isFinite && windowMaxKeV > thresholdKeV && windowMaxKeV <= 1e4, "window maximum (keV)", windowMaxKeV, "(threshold, 1e4] keV")
        try need(exposureKgDay.isFinite && exposureKgDay > 0 && exposureKgDay <= 1e9, "exposure (kg day)", exposureKgDay, "(0, 1e9] kg day")
        try need(background.isFinite && background >= 0 && background <= 1e6, "background (counts/keV/kg/day)", background, "[0, 1e6]")
        try need(cl.isFinite && cl > 0.5 && cl < 1, "CL", cl, "(0.5, 1)")
        try need(varianceFactor.isFinite && varianceFactor >= 1 && varianceFactor <= 2, "background variance factor k", varianceFactor, "[1, 2]")
        self.thresholdKeV = thresholdKeV
        self.windowMaxKeV = windowMaxKeV
        self.exposureKgDay = exposureKgDay
        self.background = background
        self.cl = cl
        self.varianceFactor = varianceFactor
    }

    public struct Result: Sendable {
        /// Counts in the window over the exposure: weak, background, magnetic at the reference moment.
        public var weakCounts: Double, backgroundCounts: Double, magneticCountsReference: Double
        public var referenceMoment: Double
        /// The 90 % (or `cl`) reach on μ in μ_B.
        public var reach: Double
    }

    /// `rates` must carry the reference moment μ_ref (μ_B) in its cross sections.
    public func project(_ rates: ScatteringRates) throws -> Result {
        let mu = rates.scattering.magneticMoment
        guard mu > 0 else { throw LaboratoryError.invalidParameter(name: "reference moment (mu_B)", value: mu, allowed: "> 0") }
        let w = rates.window(fromKeV: thresholdKeV, toKeV: windowMaxKeV)
        let x = exposureKgDay
        let variance = (w.weak + varianceFactor * background * (windowMaxKeV - thresholdKeV)) * x
        let s1 = w.magnetic * x / (mu * mu)
        let z = try Distributions.normalQuantile(cl)
        let reach = (z * variance.squareRoot() / s1).squareRoot()
        return Result(weakCounts: w.weak * x, backgroundCounts: background * (windowMaxKeV - thresholdKeV) * x,
                      magneticCountsReference: w.magnetic * x, referenceMoment: mu, reach: reach)
    }
}
