import Foundation
import ModelData

/// Neutrino electromagnetic moments to test against the stellar limits.
///
/// Stars bound μν² = Σⱼₖ(|μⱼₖ|² + |εⱼₖ|²) (Raffelt 1996, §6.5.2; Giunti & Studenikin 2015, RMP 87, 531):
/// plasmon decay sums incoherently over every final pair, so the sum is the squared Frobenius norm of the
/// moment matrices, unchanged by the basis change λ → U† λ U (Dirac) or U† λ U* (Majorana). Convention:
/// the sum runs over all ordered pairs jk, so a Majorana transition moment μ₁₂ = −μ₂₁ counts twice.
public struct MomentHypothesis: Sendable, Equatable {
    public var mu12: Double
    public var description: String
    /// Σ(|μ|² + |ε|²) in the file's basis and in the other basis (they agree: basis independence).
    public var sumGivenBasis: Double?, sumOtherBasis: Double?

    public init(mu12: Double, description: String) {
        self.mu12 = mu12
        self.description = description
    }

    /// The file layout (units 10⁻¹² μ_B).
    public struct File: Decodable, Sendable {
        public var type: String
        public var basis: String
        public var magnetic: ComplexMatrix
        public var electric: ComplexMatrix?
        public var pmns: String?

        public init(type: String, basis: String, magnetic: ComplexMatrix, electric: ComplexMatrix?, pmns: String?) {
            self.type = type
            self.basis = basis
            self.magnetic = magnetic
            self.electric = electric
            self.pmns = pmns
        }
    }
    public struct ComplexMatrix: Decodable, Sendable {
        public var re: [[Double]]
        public var im: [[Double]]?

        public init(re: [[Double]], im: [[Double]]?) {
            self.re = re
            self.im = im
        }
    }

    public static func load(path: String, directory: DataDirectory) throws -> MomentHypothesis {
        let file = try DataDirectory.decode(File.self, file: URL(fileURLWithPath: path))
        let pmnsFile = try directory.load(PMNSParameters.File.self, from: PMNSParameters.relativePath)
        let name = file.pmns ?? pmnsFile.defaultEntry
        guard let pmns = pmnsFile.entries.first(where: { $0.name == name }) else {
            throw NeutrinoMixingError.invalidData(file: path, entry: "pmns", field: name,
                                        reason: "unknown PMNS entry; valid: \(pmnsFile.entries.map(\.name).joined(separator: ", "))")
        }
        return try evaluate(file, pmns: pmns.matrix, path: path)
    }

    /// Checked moment matrices of a file, in the mass basis (units of the file, 10⁻¹² μ_B).
    public struct MassBasis: Sendable, Equatable {
        public var magnetic: Matrix3, electric: Matrix3
        public var majorana: Bool
        /// Σⱼₖ(|μⱼₖ|² + |εⱼₖ|²): the stellar quantity, in the given basis and after the change of basis.
        public var sumGivenBasis: Double, sumOtherBasis: Double

        public init(magnetic: Matrix3, electric: Matrix3, majorana: Bool, sumGivenBasis: Double, sumOtherBasis: Double) {
            self.magnetic = magnetic
            self.electric = electric
            self.majorana = majorana
            self.sumGivenBasis = sumGivenBasis
            self.sumOtherBasis = sumOtherBasis
        }
    }

    /// Checks the matrices and returns μ₁₂ = (Σ|μ|² + |ε|²)^½ with the sum in both bases.
    public static func evaluate(_ file: File, pmns u: Matrix3, path: String = "moments") throws -> MomentHypothesis {
        let m = try massBasis(file, pmns: u, path: path)
        var h = MomentHypothesis(mu12: m.sumGivenBasis.squareRoot(),
                                 description: "\(m.majorana ? "Majorana" : "Dirac") moments from \(path) (\(file.basis) basis)")
        h.sumGivenBasis = m.sumGivenBasis
        h.sumOtherBasis = m.sumOtherBasis
        return h
    }

    /// Checks the matrices (3×3, finite, antisymmetric for Majorana) and returns them in the mass basis.
    public static func massBasis(_ file: File, pmns u: Matrix3, path: String = "moments") throws -> MassBasis {
        func matrix(_ c: ComplexMatrix, _ field: String) throws -> Matrix3 {
            let im = c.im ?? Array(repeating: [0, 0, 0], count: 3)
            guard c.re.count == 3, c.re.allSatisfy({ $0.count == 3 }), im.count == 3, im.allSatisfy({ $0.count == 3 }) else {
                throw NeutrinoMixingError.invalidData(file: path, entry: file.type, field: field, reason: "must be a 3×3 matrix (re and im)")
            }
            guard (c.re + im).joined().allSatisfy(\.isFinite) else {
                throw NeutrinoMixingError.invalidData(file: path, entry: file.type, field: field, reason: "entries must be finite")
            }
            return Matrix3((0..<3).map { i in (0..<3).map { j in Complex(c.re[i][j], im[i][j]) } })
        }
        let mu = try matrix(file.magnetic, "magnetic")
        let eps = try file.electric.map { try matrix($0, "electric") } ?? .zero
        let majorana: Bool
        switch file.type.lowercased() {
        case "dirac": majorana = false
        case "majorana": majorana = true
        default: throw NeutrinoMixingError.invalidData(file: path, entry: "type", field: file.type, reason: "must be 'dirac' or 'majorana'")
        }
        guard ["mass", "flavour", "flavor"].contains(file.basis.lowercased()) else {
            throw NeutrinoMixingError.invalidData(file: path, entry: "basis", field: file.basis, reason: "must be 'mass' or 'flavour'")
        }
        if majorana {
            for (name, m) in [("magnetic", mu), ("electric", eps)] {
                let scale = max(m.frobeniusSquared.squareRoot(), 1e-300)
                for i in 0..<3 {
                    for j in 0..<3 {
                        let a = m.m[i][j], b = m.m[j][i]
                        let off = ((a.re + b.re) * (a.re + b.re) + (a.im + b.im) * (a.im + b.im)).squareRoot()
                        if off > 1e-9 * scale {
                            throw NeutrinoMixingError.invalidData(file: path, entry: name, field: "[\(i)][\(j)]",
                                                        reason: "a Majorana moment matrix must be antisymmetric (λⱼₖ = −λₖⱼ, zero diagonal)")
                        }
                    }
                }
            }
        }
        // Change of basis: flavour = U · mass · Uᵀ (Majorana) or U · mass · U† (Dirac); the norm is invariant.
        func rotate(_ m: Matrix3) -> Matrix3 {
            let toOther = file.basis.lowercased() == "mass" ? u : u.adjoint
            return majorana ? toOther * m * toOther.transpose : toOther * m * toOther.adjoint
        }
        let given = mu.frobeniusSquared + eps.frobeniusSquared
        let other = rotate(mu).frobeniusSquared + rotate(eps).frobeniusSquared
        let inMass = file.basis.lowercased() == "mass"
        return MassBasis(magnetic: inMass ? mu : rotate(mu), electric: inMass ? eps : rotate(eps), majorana: majorana,
                         sumGivenBasis: given, sumOtherBasis: other)
    }
}
