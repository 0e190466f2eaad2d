import Foundation

/// The PMNS matrix from three angles and the Dirac phase (PDG parametrisation; Majorana phases drop out
/// of Σ|λᵢⱼ|²), read from `StellarModels/neutrino/pmns.json`.
///
///     U = R₂₃ · U_δ(θ₁₃) · R₁₂     (PDG Review "Neutrino mixing", eq. 14.33)
public struct PMNSParameters: Decodable, Sendable, Equatable {
    public var name: String
    public var theta12Deg: Double, theta23Deg: Double, theta13Deg: Double, deltaCpDeg: Double
    /// Δm²₂₁ in eV² (solar matter effects).
    public var dm21Ev2: Double?
    public var source: String

    public struct File: Decodable, Sendable {
        public var description: String
        public var defaultEntry: String
        public var entries: [PMNSParameters]
    }

    public static let relativePath = "neutrino/pmns.json"

    public var matrix: Matrix3 {
        let r = Double.pi / 180
        let (s12, c12) = (sin(theta12Deg * r), cos(theta12Deg * r))
        let (s23, c23) = (sin(theta23Deg * r), cos(theta23Deg * r))
        let (s13, c13) = (sin(theta13Deg * r), cos(theta13Deg * r))
        let e = Complex.expi(-deltaCpDeg * r), ec = Complex.expi(deltaCpDeg * r)
        func c(_ x: Double) -> Complex { Complex(x) }
        return Matrix3([
            [c(c12 * c13), c(s12 * c13), Complex(s13) * e],
            [Complex(-s12 * c23) + Complex(-c12 * s23 * s13) * ec, Complex(c12 * c23) + Complex(-s12 * s23 * s13) * ec, c(s23 * c13)],
            [Complex(s12 * s23) + Complex(-c12 * c23 * s13) * ec, Complex(-c12 * s23) + Complex(-s12 * c23 * s13) * ec, c(c23 * c13)],
        ])
    }
}
