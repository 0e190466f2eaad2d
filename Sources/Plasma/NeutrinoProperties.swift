/// Neutrino electromagnetic properties that open extra plasmon-decay channels.
public struct NeutrinoProperties: Sendable, Equatable {
    /// Effective magnetic moment μ₁₂ = μν/(10⁻¹² μ_B), μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²) (dimensionless, ≥ 0).
    public let mu12: Double
    /// Effective millicharge q/e, q² = Σᵢ qᵢ² over Dirac species (dimensionless, ≥ 0).
    public let millicharge: Double

    public static let allowedMu12: ClosedRange<Double> = 0...1e6
    public static let allowedMillicharge: ClosedRange<Double> = 0...1

    public init(mu12: Double = 0, millicharge: Double = 0) throws {
        guard mu12.isFinite, Self.allowedMu12.contains(mu12) else {
            throw PlasmaError.outOfRange(parameter: "mu12", value: mu12, allowed: "[0, 1e6] (units of 1e-12 Bohr magnetons)")
        }
        guard millicharge.isFinite, Self.allowedMillicharge.contains(millicharge) else {
            throw PlasmaError.outOfRange(parameter: "millicharge", value: millicharge, allowed: "[0, 1] (units of e)")
        }
        self.mu12 = mu12
        self.millicharge = millicharge
    }

    /// From the moment matrices: μν² = Σᵢⱼ(|μᵢⱼ|² + |εᵢⱼ|²), with |μᵢⱼ|, |εᵢⱼ| in units of 10⁻¹² μ_B
    /// (square matrices of moduli, any basis: the sum is the Frobenius norm, unchanged by a unitary
    /// change of basis; Raffelt, "Stars as Laboratories" 1996, §6.5.2). Majorana moments are the
    /// antisymmetric case (both ij and ji entries count, as in the sum).
    public init(magneticMoments mu: [[Double]], electricMoments eps: [[Double]] = [], millicharge: Double = 0) throws {
        func sumSquares(_ m: [[Double]], _ name: String) throws -> Double {
            guard m.allSatisfy({ $0.count == m.count }), m.joined().allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw PlasmaError.outOfRange(parameter: name, value: .nan,
                                             allowed: "a square matrix of finite moduli ≥ 0 (units of 1e-12 μ_B)")
            }
            return m.joined().reduce(0) { $0 + $1 * $1 }
        }
        try self.init(mu12: (try sumSquares(mu, "magnetic-moments") + sumSquares(eps, "electric-moments")).squareRoot(),
                      millicharge: millicharge)
    }

    /// No electromagnetic properties: the standard model.
    public static let none = NeutrinoProperties(uncheckedMu12: 0, millicharge: 0)

    private init(uncheckedMu12 mu12: Double, millicharge: Double) {
        self.mu12 = mu12
        self.millicharge = millicharge
    }
}
