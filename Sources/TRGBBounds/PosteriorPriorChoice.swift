/// The posterior's priors as a user chooses them: a named set and any bound overridden. Building them is
/// library work (checked against the model's grids before any track runs); the CLI only parses.
public struct PosteriorPriorChoice: Sendable, Equatable {
    /// The named prior sets.
    public enum PriorSet: String, Sendable, CaseIterable {
        /// [Fe/H] ± 2σ of the calibration, Y ± 0.01, M 0.7–0.9 (`PosteriorPriors.population`).
        case population
        /// Franz et al. 2023, truncated to where this model applies (`PosteriorPriors.franz2023`).
        case franz2023
    }

    /// How the metallicity prior is flat.
    public enum ZScale: String, Sendable, CaseIterable { case log, linear }

    public var set: PriorSet = .population
    /// The coupling the posterior is on; `xMax` is its prior's upper end (`--mu12-max`, `--q14-max`, `--g13-max`).
    public var coupling: Coupling = .magneticMoment
    public var xMax: Double?
    public var massMin: Double?, massMax: Double?
    public var heliumMin: Double?, heliumMax: Double?
    public var zMin: Double?, zMax: Double?
    public var zScale: ZScale?
    public var dredgeUpMax: Double?

    public init() {}

    /// The priors for calibration `c`: the set's ranges with the overrides, checked against the model
    /// (errors name the flag: `--mass-min`, `--mu12-max`, `--g13-max`, …).
    public func priors(for c: Calibration, model: TipModelInputs) throws -> PosteriorPriors {
        var p = set == .franz2023 ? PosteriorPriors.franz2023(c, model: model)
                                  : PosteriorPriors.population(c, model: model, coupling: coupling)
        let gridTop = model.grid(coupling).last!
        func range(_ r: ClosedRange<Double>, _ lo: Double?, _ hi: Double?, _ name: String) throws -> ClosedRange<Double> {
            let a = lo ?? r.lowerBound, b = hi ?? r.upperBound
            guard a.isFinite, b.isFinite, a <= b else {
                throw TRGBError.invalidPrior("--\(name)-min \(a) must not exceed --\(name)-max \(b)")
            }
            return a...b
        }
        if let xMax {
            guard xMax.isFinite, xMax > 0, xMax <= gridTop else {
                throw TRGBError.invalidPrior("--\(coupling.key)-max \(xMax) must lie in (0, \(gridTop)]")
            }
            p.x = 0...xMax
        }
        p.mass = try range(p.mass, massMin, massMax, "mass")
        p.helium = try range(p.helium, heliumMin, heliumMax, "helium")
        p.metallicity = try range(p.metallicity, zMin, zMax, "z")
        if let zScale { p.zFlat = zScale == .linear }
        if let dredgeUpMax {
            guard dredgeUpMax.isFinite, dredgeUpMax >= 0 else { throw TRGBError.invalidPrior("--dredge-up-max \(dredgeUpMax) must be ≥ 0") }
            p.dredgeUp = 0...dredgeUpMax
        }
        try p.check(model: model, alphaFe: c.alphaFe, coupling: coupling)
        return p
    }
}
