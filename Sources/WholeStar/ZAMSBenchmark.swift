import EnvelopePhysics
import Foundation

/// What `stellarbound bench star` can call for stage 1: the wall time of whole ZAMS builds (tables loaded beforehand,
/// so only the relaxation is timed: ~16–20 Newton iterations, each 3 × cells EOS + opacity + burning evaluations,
/// one atmosphere integration with its four derivative integrations, and a block-tridiagonal solve).
public enum ZAMSBenchmark {
    /// Seconds per model for `repeats` builds of `mass` M☉ (X = 0.70, Z = 0.02, α_MLT = 2.0) on `cells` cells.
    public static func secondsPerModel(mass: Double = 1, cells: Int = 400, repeats: Int = 1,
                                       microphysics: EnvelopeMicrophysics) throws -> Double {
        let start = Date()
        for _ in 0..<max(1, repeats) {
            _ = try ZAMSModel.build(mass: mass, hydrogen: 0.70, metallicity: 0.02, mixingLength: 2.0, cells: cells,
                                    microphysics: microphysics)
        }
        return Date().timeIntervalSince(start) / Double(max(1, repeats))
    }
}
