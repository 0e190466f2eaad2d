import Foundation

/// How the Henyey Jacobian's perturbed cell states (ln ρ + h, ln T + h) are formed in an evolving star.
public enum StarJacobian: String, Sendable, Codable, CaseIterable {
    /// κ and ε_nuc of the perturbed states from their derivatives (one opacity and one network evaluation per cell;
    /// `StarCellPhysics.evaluateLinearised`), the tabulated EOS from its second derivatives (one lookup), the direct
    /// EOS, ε_ν and ε_3α evaluated at the perturbed points.
    case linearised
    /// Three evaluations per cell (the state and both perturbed points): forward differences of everything. The
    /// reference the linearised form is tested against.
    case differenced
}

/// The numbers that steer an evolution run: the time-step controller's targets, the retry and step limits and the
/// Newton settings. Every field is checked by `validate()` (errors name the field and its range).
///
/// Time-step control (the classical relative-change controller, KWW 2012 ch. 11.3; MESA I §6.4's `varcontrol`):
/// after each accepted step the next Δt is Δt · min over the targets of (target / measured change), clamped to
/// [`minimumFactor`, `maximumFactor`]. A step whose Newton solve or burning fails is retried with Δt/2, at most
/// `maximumRetries` times in a row; a run never takes more than `maximumSteps` steps. So every run ends.
public struct StarEvolutionSettings: Sendable, Equatable, Codable {
    /// Cells of the mesh.
    public var cells = 400
    /// First time step after the ZAMS (yr) and the largest allowed (yr).
    public var initialTimestep = 1e6
    public var maximumTimestep = 1e9
    /// Targets per step: the largest |Δ ln T|, |Δ ln ρ| of any cell (below the convective envelope the smaller of the
    /// Lagrangian change and the change in the hydrogen shell's frame, m − ΔM_shell; cells that the mixing changed
    /// left out: `StarEvolution.attempt`); |ΔX(¹H)| at the centre; the largest |ΔX(¹H)| of
    /// any cell (a burning shell: each cell's X falls from X_env to 0 as the shell passes, so this sets how many steps
    /// the shell takes to cross one cell); the relative change of the helium-core mass; |Δ log₁₀ L| and |Δ log₁₀ R| at
    /// the surface.
    public var structureChange = 0.05
    public var hydrogenChange = 0.01
    public var shellHydrogenChange = 0.2
    public var coreMassChange = 0.003
    public var surfaceChange = 0.01
    /// Bounds on the Δt ratio from one step to the next.
    public var minimumFactor = 0.5, maximumFactor = 1.5
    /// Retries (halvings) per step, and steps per run.
    public var maximumRetries = 8
    public var maximumSteps = 20000
    /// Mesh resolution of the rezoning: 2 halves every split criterion and the minimum cell (`StarRemesh`); with
    /// `cells` doubled too it is the "mesh ×2" of the convergence tests.
    public var meshResolution = 1.0
    /// Rezone (split and merge cells, `StarRemesh`) after every accepted step.
    public var rezone = true
    /// Newton: iterations per step and tolerance on the largest scaled correction.
    public var newtonIterations = 12
    public var newtonTolerance = 1e-6
    /// Chord iterations (the Jacobian kept) once a correction is below this (`HenyeySettings.jacobianReuseBelow`;
    /// 0 rebuilds it every iteration).
    public var jacobianReuseBelow = 1e-3
    /// Start each step's Newton iteration from ln ρ, ln T extrapolated along the last step (else from the last model).
    public var extrapolateGuess = true
    /// Burning corrector passes per step (`StarEvolution.attempt`): when a burning cell's solved mid-point ln T is more
    /// than `burningMidpointTolerance` from where it burnt, it burns again there and the structure is solved again.
    /// (CNO's ε ∝ T¹⁸: 2 × 10⁻³ in ln T is 4 % in the rate.)
    public var burningCorrections = 1
    public var burningMidpointTolerance = 2e-3
    /// How the Newton Jacobian's perturbed cell states are formed (`StarJacobian`): κ and ε_nuc from their
    /// derivatives, or everything by differencing. Only the convergence path differs.
    public var jacobian = StarJacobian.linearised

    public init() {}

    /// Checks every field.
    public func validate() throws {
        func need(_ ok: Bool, _ name: String, _ value: Double, _ allowed: String) throws {
            if !ok { throw WholeStarError.outOfRange(parameter: name, value: value, allowed: allowed) }
        }
        try need(ZAMSModel.cellRange.contains(cells), "cells", Double(cells), "[100, 5000]")
        try need(initialTimestep >= 1 && initialTimestep <= 1e9, "initial-timestep", initialTimestep, "[1, 1e9] yr")
        try need(maximumTimestep >= initialTimestep && maximumTimestep <= 1e10, "maximum-timestep", maximumTimestep,
                 "[initial-timestep, 1e10] yr")
        try need(structureChange > 0 && structureChange <= 0.5, "structure-change", structureChange, "(0, 0.5]")
        try need(hydrogenChange > 0 && hydrogenChange <= 0.5, "hydrogen-change", hydrogenChange, "(0, 0.5]")
        try need(surfaceChange > 0 && surfaceChange <= 0.5, "surface-change", surfaceChange, "(0, 0.5]")
        try need(shellHydrogenChange > 0 && shellHydrogenChange <= 1, "shell-hydrogen-change", shellHydrogenChange, "(0, 1]")
        try need(coreMassChange > 0 && coreMassChange <= 0.5, "core-mass-change", coreMassChange, "(0, 0.5]")
        try need(minimumFactor >= 0.1 && minimumFactor < 1, "minimum-factor", minimumFactor, "[0.1, 1)")
        try need(maximumFactor > 1 && maximumFactor <= 5, "maximum-factor", maximumFactor, "(1, 5]")
        try need(maximumRetries >= 0 && maximumRetries <= 30, "maximum-retries", Double(maximumRetries), "[0, 30]")
        try need(maximumSteps >= 1 && maximumSteps <= 100_000, "maximum-steps", Double(maximumSteps), "[1, 100000]")
        try need(newtonIterations >= 2 && newtonIterations <= 100, "newton-iterations", Double(newtonIterations), "[2, 100]")
        try need(burningCorrections >= 0 && burningCorrections <= 5, "burning-corrections", Double(burningCorrections), "[0, 5]")
        try need(burningMidpointTolerance > 0 && burningMidpointTolerance <= 0.1, "burning-midpoint-tolerance",
                 burningMidpointTolerance, "(0, 0.1]")
        try need(meshResolution >= 0.5 && meshResolution <= 4, "mesh-resolution", meshResolution, "[0.5, 4]")
        try need(newtonTolerance > 0 && newtonTolerance <= 1e-4, "newton-tolerance", newtonTolerance, "(0, 1e-4]")
        try need(jacobianReuseBelow >= 0 && jacobianReuseBelow <= 0.1, "jacobian-reuse-below", jacobianReuseBelow, "[0, 0.1]")
    }
}
