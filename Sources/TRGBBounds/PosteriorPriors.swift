import Foundation

/// Flat priors of the Bayesian mode (bounds inclusive). Z is flat in log Z unless `zFlat`.
public struct PosteriorPriors: Sendable, Equatable {
    /// The coupling's x: μ₁₂, q₁₄ or g₁₃ (`Coupling`).
    public var x: ClosedRange<Double>
    public var mass: ClosedRange<Double>
    public var helium: ClosedRange<Double>
    public var metallicity: ClosedRange<Double>
    public var zFlat = false
    /// Envelope helium from the first dredge-up ("mixing").
    public var dredgeUp: ClosedRange<Double>

    public init(x: ClosedRange<Double>, mass: ClosedRange<Double>, helium: ClosedRange<Double>,
                metallicity: ClosedRange<Double>, zFlat: Bool = false, dredgeUp: ClosedRange<Double>) {
        self.x = x
        self.mass = mass
        self.helium = helium
        self.metallicity = metallicity
        self.zFlat = zFlat
        self.dredgeUp = dredgeUp
    }

    /// Around a calibration's population: [Fe/H] ± 2σ (log-flat Z), Y ± its error, M ± its error, ΔY_FDU in [0, model value].
    /// μ₁₂ ≤ 8 by default: above the laboratory limits (XENONnT 2022: 6.4, 90 % CL), so the prior does not cut the likelihood;
    /// for the other couplings x up to the top of their grid (q₁₄, g₁₃ ≤ 6, three times the red-giant limits).
    public static func population(_ c: Calibration, model: TipModelInputs, coupling: Coupling = .magneticMoment) -> PosteriorPriors {
        let xMax = coupling == .magneticMoment ? 8 : model.grid(coupling).last!
        let range = model.tipColour.fehRange
        let lo = max(c.feh - 2 * c.fehError, range[0]), hi = min(c.feh + 2 * c.fehError, range[1])
        return PosteriorPriors(
            x: 0...xMax,
            mass: max(0.7, model.mass.value - model.mass.error)...(model.mass.value + model.mass.error),
            helium: (model.helium.value - model.helium.error)...(model.helium.value + model.helium.error),
            metallicity: model.metallicity(feh: lo, alphaFe: c.alphaFe)...model.metallicity(feh: hi, alphaFe: c.alphaFe),
            dredgeUp: 0...model.systematics.dredgeUpHelium.value)
    }

    /// Franz, Dennis & Sakstein 2023 (arXiv:2307.13050): flat 0.7 ≤ M ≤ 2.25, 0.2 ≤ Y ≤ 0.3, 10⁻⁵ ≤ Z ≤ 0.04, flat Z,
    /// 0 ≤ μ₁₂ ≤ 6 (the same range for q₁₄ and g₁₃); truncated here to where this model applies (M ≤ 1.8 below M_HeF at every Z; Z inside the tip-colour
    /// relation's [Fe/H] range). Docs/bounds.md §7 discusses what the truncation removes.
    public static func franz2023(_ c: Calibration, model: TipModelInputs) -> PosteriorPriors {
        let range = model.tipColour.fehRange
        return PosteriorPriors(x: 0...6, mass: 0.7...1.8, helium: 0.2...0.3,
                               metallicity: max(1e-5, model.metallicity(feh: range[0], alphaFe: c.alphaFe))...min(0.04, model.metallicity(feh: range[1], alphaFe: c.alphaFe)),
                               zFlat: true, dredgeUp: 0...model.systematics.dredgeUpHelium.value)
    }

    /// Consistency and validity: each range inside what the model covers, lower ≤ upper.
    public func check(model: TipModelInputs, alphaFe: Double, coupling: Coupling = .magneticMoment) throws {
        func need(_ r: ClosedRange<Double>, _ name: String, _ allowed: ClosedRange<Double>, _ unit: String = "") throws {
            guard r.lowerBound.isFinite, r.upperBound.isFinite else { throw TRGBError.invalidPrior("\(name): bounds must be finite") }
            guard allowed.contains(r.lowerBound), allowed.contains(r.upperBound) else {
                throw TRGBError.invalidPrior(String(format: "%@ [%g, %g] must lie inside [%g, %g]%@", name, r.lowerBound, r.upperBound,
                                                    allowed.lowerBound, allowed.upperBound, unit))
            }
        }
        try need(x, coupling.key, 0...model.grid(coupling).last!)
        guard x.upperBound > 0 else { throw TRGBError.invalidPrior("\(coupling.key): the upper bound must be > 0") }
        try need(mass, "mass", 0.7...1.8, " M☉ (degenerate flash at every Z)")
        try need(helium, "helium", 0.2...0.35)
        let range = model.tipColour.fehRange
        let zLo = model.metallicity(feh: range[0], alphaFe: alphaFe), zHi = model.metallicity(feh: range[1], alphaFe: alphaFe)
        try need(metallicity, "z", (zLo * (1 - 1e-9))...(zHi * (1 + 1e-9)),
                 String(format: " ([Fe/H] %g to %g, the tip-colour relation's range, at [α/Fe] = %g)", range[0], range[1], alphaFe))
        try need(dredgeUp, "dredge-up-helium", 0...0.1)
    }
}
