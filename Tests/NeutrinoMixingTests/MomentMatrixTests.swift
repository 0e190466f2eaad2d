import Foundation
import ModelData
import NeutrinoMixing
import Testing

/// Σ(|μᵢⱼ|² + |εᵢⱼ|²) is what stars bound, and it does not depend on the basis.
@Suite struct MomentMatrixTests {
    static let pmns: Matrix3 = {
        let file = try! DataDirectory.locate(explicit: nil, environment: [:], executable: nil).load(PMNSParameters.File.self, from: PMNSParameters.relativePath)
        return file.entries.first { $0.name == file.defaultEntry }!.matrix
    }()

    static func file(_ type: String, _ basis: String, re: [[Double]], im: [[Double]]? = nil, eRe: [[Double]]? = nil) -> MomentHypothesis.File {
        MomentHypothesis.File(type: type, basis: basis, magnetic: .init(re: re, im: im),
                              electric: eRe.map { .init(re: $0, im: nil) }, pmns: nil)
    }

    @Test func pmnsIsUnitary() {
        let p = Self.pmns * Self.pmns.adjoint
        for i in 0..<3 { for j in 0..<3 {
            #expect(abs(p.m[i][j].re - (i == j ? 1 : 0)) < 1e-14 && abs(p.m[i][j].im) < 1e-14)
        } }
    }

    /// A general complex Dirac matrix in either basis: the sum is the same after the PMNS rotation.
    @Test func diracSumIsBasisIndependent() throws {
        let re = [[1.0, 0.3, -0.2], [0.5, 2.0, 0.1], [-0.7, 0.4, 1.5]], im = [[0, 0.2, 0.9], [-0.1, 0, 0.3], [0.6, -0.4, 0.2]]
        for basis in ["mass", "flavour"] {
            let h = try MomentHypothesis.evaluate(Self.file("dirac", basis, re: re, im: im, eRe: [[0.1, 0, 0], [0, 0, 0.2], [0, 0.3, 0]]), pmns: Self.pmns)
            #expect(abs(h.sumGivenBasis! - h.sumOtherBasis!) < 1e-12 * h.sumGivenBasis!)
            #expect(abs(h.mu12 * h.mu12 - h.sumGivenBasis!) < 1e-12)
        }
    }

    /// Majorana: antisymmetric, transformed as U λ Uᵀ; the sum counts both λⱼₖ and λₖⱼ.
    @Test func majoranaSumIsBasisIndependent() throws {
        let re = [[0.0, 1.2, -0.4], [-1.2, 0, 0.8], [0.4, -0.8, 0]], im = [[0.0, 0.3, 0.1], [-0.3, 0, -0.5], [-0.1, 0.5, 0]]
        let h = try MomentHypothesis.evaluate(Self.file("majorana", "mass", re: re, im: im), pmns: Self.pmns)
        #expect(abs(h.sumGivenBasis! - h.sumOtherBasis!) < 1e-12 * h.sumGivenBasis!)
        #expect(abs(h.sumGivenBasis! - 2 * (1.44 + 0.09 + 0.16 + 0.01 + 0.64 + 0.25)) < 1e-12)
    }

    /// A diagonal Dirac matrix with equal entries μ: μν = √3 μ in every basis.
    @Test func equalDiagonalDirac() throws {
        let h = try MomentHypothesis.evaluate(Self.file("dirac", "flavour", re: [[2, 0, 0], [0, 2, 0], [0, 0, 2]]), pmns: Self.pmns)
        #expect(abs(h.mu12 - 2 * 3.0.squareRoot()) < 1e-12)
        #expect(abs(h.sumOtherBasis! - 12) < 1e-12)
    }

    @Test(arguments: [
        ("majorana", [[1.0, 0, 0], [0, 0, 0], [0, 0, 0]]),       // diagonal Majorana moment
        ("majorana", [[0.0, 1, 0], [1, 0, 0], [0, 0, 0]]),       // symmetric
        ("dirac", [[1.0, 0], [0, 1]]),                           // not 3×3
        ("dirac", [[Double.nan, 0, 0], [0, 0, 0], [0, 0, 0]]),   // not finite
        ("sterile", [[0.0, 0, 0], [0, 0, 0], [0, 0, 0]]),        // unknown type
    ])
    func badMatricesAreRefused(type: String, re: [[Double]]) {
        #expect(throws: NeutrinoMixingError.self) { try MomentHypothesis.evaluate(Self.file(type, "mass", re: re), pmns: Self.pmns) }
    }
}
