/// A 3×3 complex matrix, row-major.
public struct Matrix3: Sendable, Equatable {
    public var m: [[Complex]]
    public init(_ m: [[Complex]]) { self.m = m }
    public static let zero = Matrix3(Array(repeating: Array(repeating: Complex(0), count: 3), count: 3))
    public var adjoint: Matrix3 { Matrix3((0..<3).map { i in (0..<3).map { j in m[j][i].conjugate } }) }
    public var transpose: Matrix3 { Matrix3((0..<3).map { i in (0..<3).map { j in m[j][i] } }) }
    public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        Matrix3((0..<3).map { i in (0..<3).map { j in (0..<3).reduce(Complex(0)) { $0 + a.m[i][$1] * b.m[$1][j] } } })
    }
    /// Σᵢⱼ |mᵢⱼ|² (the squared Frobenius norm).
    public var frobeniusSquared: Double { m.joined().reduce(0) { $0 + $1.magnitudeSquared } }
}
