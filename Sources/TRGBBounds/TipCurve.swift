import GSL

/// M_I^TRGB as a function of μ₁₂, through flash tracks at a few μ₁₂ nodes.
///
/// Interpolated with Steffen's monotone cubic in u = μ₁₂² (the extra emission is ∝ μ₁₂², so M_I is
/// smooth and linear in u near 0; a spline in μ₁₂ would miss dM_I/dμ₁₂ = 0 at the origin). The
/// interpolation error is measured against tracks between nodes in the tests (Docs/bounds.md §5).
public struct TipCurve: Sendable, Equatable {
    public let mu12: [Double]
    public let values: [Double]

    public init(mu12: [Double], values: [Double]) {
        self.mu12 = mu12
        self.values = values
    }

    public var mu12Max: Double { mu12.last! }

    /// Values at each point of `grid` (within [0, μ_max]).
    public func sample(_ grid: [Double]) throws -> [Double] {
        let spline = try Spline(x: mu12.map { $0 * $0 }, y: values, kind: mu12.count >= 5 ? .steffen : mu12.count >= 3 ? .cubic : .linear)
        return try grid.map { try spline.value(at: min($0 * $0, mu12Max * mu12Max)) }
    }
}
