/// Numerical settings of one implicit (backward-Euler) step solved by Newton–Henyey relaxation.
///
/// The defaults are the ones the helium-core integrator was validated with (Docs/flash.md §4):
/// convergence when the largest scaled correction is below 10⁻⁸, at most 14 iterations, no
/// logarithmic unknown moving by more than 0.5 in one iteration, and a forward-difference Jacobian
/// with step 10⁻⁷ (absolute for logarithmic unknowns, relative to max(1, |x|) for linear ones).
/// Trap: h = 10⁻⁷ is near √ε_machine × (scale of ln ρ); much smaller steps lose the Jacobian to
/// round-off, much larger ones to truncation.
public struct HenyeySettings: Sendable, Equatable, Codable {
    /// Iterations before a step is declared not converged.
    public var maximumIterations = 14
    /// Converged when max |δ| (scaled as `HenyeyUnknown.Kind` says) is below this.
    public var tolerance = 1e-8
    /// Damping: the correction is scaled so that no logarithmic unknown moves by more than this.
    public var maximumLogChange = 0.5
    /// Forward-difference step of the Jacobian.
    public var differenceStep = 1e-7
    /// Modified Newton (the chord method; Deuflhard 2004, *Newton Methods for Nonlinear Problems*, §2.1.4): once the
    /// largest scaled correction of an iteration is below this, the following iterations reuse that iteration's
    /// Jacobian and evaluate only the residuals. 0 (the default) rebuilds the Jacobian every iteration.
    /// Trap: the chord method converges linearly, at a rate set by how far the iterate has moved since the
    /// Jacobian was built; above ~10⁻² the saved Jacobians cost more iterations than they save.
    public var jacobianReuseBelow = 0.0

    public init() {}

    /// Ranges checked before use (errors name the setting).
    public func validate() throws {
        func need(_ ok: Bool, _ name: String, _ value: Double, _ allowed: String) throws {
            if !ok { throw HenyeyError.invalidSetting(name: name, value: value, allowed: allowed) }
        }
        try need(maximumIterations >= 1 && maximumIterations <= 200, "maximum-iterations", Double(maximumIterations), "[1, 200]")
        try need(tolerance > 0 && tolerance <= 1e-2, "tolerance", tolerance, "(0, 1e-2]")
        try need(maximumLogChange > 0 && maximumLogChange <= 10, "maximum-log-change", maximumLogChange, "(0, 10]")
        try need(differenceStep >= 1e-12 && differenceStep <= 1e-3, "difference-step", differenceStep, "[1e-12, 1e-3]")
        try need(jacobianReuseBelow >= 0 && jacobianReuseBelow <= 0.1, "jacobian-reuse-below", jacobianReuseBelow, "[0, 0.1]")
    }
}

/// Why a Newton–Henyey step failed (typed, so a caller can retry with a shorter step or report it).
public enum HenyeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A setting outside its range.
    case invalidSetting(name: String, value: Double, allowed: String)
    /// A diagonal block became singular during elimination (cell index).
    case singularBlock(cell: Int)
    /// The correction was NaN or infinite.
    case nonFiniteCorrection
    /// No convergence within the iteration limit; the last scaled correction.
    case notConverged(iterations: Int, lastCorrection: Double)

    public var description: String {
        switch self {
        case let .invalidSetting(n, v, a): return "\(n) = \(v) is outside the allowed range \(a)"
        case let .singularBlock(cell): return "singular Jacobian block at cell \(cell)"
        case .nonFiniteCorrection: return "non-finite correction"
        case let .notConverged(i, c): return "Newton did not converge in \(i) iterations (last correction \(c))"
        }
    }
}
