import Testing
@testable import TRGBBounds

/// The posterior's priors are built in the library from a named set and overrides, and checked there.
@Suite struct PosteriorPriorChoiceTests {
    @Test func overridesAndRefusals() throws {
        let data = TestData.data
        let c = TestData.calibration("m5-viaux2013")
        var choice = PosteriorPriorChoice()
        let base = try choice.priors(for: c, model: data.model)
        #expect(base == PosteriorPriors.population(c, model: data.model))
        choice.massMin = 0.75
        choice.xMax = 5
        choice.zScale = .linear
        let p = try choice.priors(for: c, model: data.model)
        #expect(p.mass.lowerBound == 0.75 && p.mass.upperBound == base.mass.upperBound)
        #expect(p.x == 0...5 && p.zFlat)
        choice.massMax = 0.7
        #expect(throws: TRGBError.invalidPrior("--mass-min 0.75 must not exceed --mass-max 0.7")) {
            _ = try choice.priors(for: c, model: data.model)
        }
        var tooHigh = PosteriorPriorChoice()
        tooHigh.xMax = 1e3
        #expect(throws: TRGBError.self) { _ = try tooHigh.priors(for: c, model: data.model) }
    }
}
