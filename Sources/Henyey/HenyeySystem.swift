/// A discretised implicit step whose equations couple each cell only to its neighbours: the residual
/// of cell k depends on the unknowns of cells k − 1, k and k + 1, so the Jacobian is block tridiagonal
/// (Henyey, Forbes & Gould 1964, ApJ 139, 306; Kippenhahn & Weigert ch. 11.2).
///
/// The solver owns the unknowns `x` (cell-major: x[m·k + v] for unknown v of cell k, m unknowns per
/// cell); the system owns whatever it caches per cell (EOS, opacity, rates). The finite-difference
/// Jacobian perturbs one unknown of one cell at a time and asks the system to make its cache match the
/// perturbed point (`perturb`) and to put it back afterwards (`restore`), so that expensive physics is
/// evaluated once per perturbed unknown, not once per residual.
public protocol HenyeySystem: AnyObject {
    /// Number of cells n.
    var cellCount: Int { get }
    /// The unknowns of one cell, in the order they are stored (m = unknowns.count).
    var unknowns: [HenyeyUnknown] { get }
    /// Called at the start of every iteration with the current unknowns: refresh the per-cell caches
    /// (including any pre-computed perturbed states `perturb` will use). Throws to abandon the step.
    func prepare(_ x: UnsafePointer<Double>) throws
    /// The m residuals of cell k at `x` into `out[0..<m]`, using the current caches.
    func residual(cell k: Int, _ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
    /// Unknown v of cell j has just been perturbed in `x`: update cell j's cache to match.
    func perturb(cell j: Int, unknown v: Int, _ x: UnsafePointer<Double>)
    /// Undo `perturb` for cell j (x is already restored).
    func restore(cell j: Int)
    /// Like `prepare`, for an iteration that reuses the previous Jacobian (`HenyeySettings.jacobianReuseBelow`):
    /// only the caches `residual` reads at the unperturbed `x` are needed. The default calls `prepare`.
    func prepareResiduals(_ x: UnsafePointer<Double>) throws
    /// Whether the residuals of cell j + `offset` (offset −1 or +1) can depend on unknown v of cell j. A `false`
    /// lets the finite-difference Jacobian skip that residual evaluation and store an exact zero column. The default
    /// is `true` (every neighbour block differenced).
    func neighbourResiduals(offset: Int, dependOn unknown: Int) -> Bool
}

public extension HenyeySystem {
    func prepareResiduals(_ x: UnsafePointer<Double>) throws { try prepare(x) }
    func neighbourResiduals(offset: Int, dependOn unknown: Int) -> Bool { true }
}
