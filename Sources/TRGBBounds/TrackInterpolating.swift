/// A finished grid of tracks that answers tracks by interpolation (`bound --grid`, `posterior --grid`; the
/// implementation is `TrackGrids.GridInterpolator`). The analyses take from it the tracks it covers (the nominal tip
/// curves, the posterior's stars) and add its interpolation error to the theory error in quadrature.
public protocol TrackInterpolating: Sendable {
    /// The grid's name, for reports.
    var name: String { get }
    /// The interpolation error of M_I (mag) measured on held-back nodes: what the analyses add to τ in quadrature.
    var heldBackError: Double { get }
    /// The outcome of `spec` interpolated from the grid; throws (bad input), naming the axis and its range or the
    /// fixed value, when the grid does not cover it.
    func interpolate(_ spec: TrackSpec) throws -> TrackOutcome
}

extension TrackRunner {
    /// Seeds the memory with `specs` interpolated from `grid` (so no run computes them); throws when the grid does not
    /// cover one.
    public func remember(_ specs: [TrackSpec], from grid: any TrackInterpolating) throws {
        var seeded: [TrackSpec: TrackOutcome] = [:]
        for s in specs where seeded[s] == nil { seeded[s] = try grid.interpolate(s) }
        remember(seeded)
    }
}
