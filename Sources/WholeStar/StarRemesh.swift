import Constants
import EnvelopePhysics
import Foundation

/// Rezoning of the Lagrangian mesh between time steps by splitting and merging cells (MESA I §6.5, Paxton et al.
/// 2011: split a cell where a quantity changes too much across it, merge neighbours where everything is smooth).
/// The hydrogen shell of a red giant is 10⁻⁴–10⁻³ M☉ thick and moves outward in mass through the mesh; the ZAMS mesh
/// has ~5 × 10⁻³ M☉ per cell there. Splitting follows the shell; merging gives the cells back behind it, in the
/// (nearly isothermal, homogeneous) helium core.
///
/// A cell's "size" is the largest of |Δ ln P|/δ_P, |Δ ln T|/δ_T, |Δ ln r|/δ_r, |ΔX|/δ_X, |ΔL|/(L_s δ_L) and dq/δ_q across
/// it (cell-centre quantities differenced between the neighbours' centres and halved; face quantities between its
/// faces; X the largest jump to a neighbour). A cell of size > 1 is split into two of half the mass; two neighbours
/// whose sizes sum below `mergeBelow` are merged. Conservation: splitting copies the abundances (mass-exact), merging
/// averages them by mass; ρ of a merged cell follows from its volume (the mass equation holds exactly), T is the
/// mass-weighted mean, the faces keep r and L. The new state is not a converged model: the next Newton solve relaxes
/// it (the changes are of the order of the discretisation error).
///
/// The mesh is kept graded: a cell more than `maximumRatio` times as massive as a neighbour is split, and a merge that
/// would leave such a pair is not made (MESA's `mesh_max_allowed_ratio`, default 2.5). Why: the protected centre cells
/// (~10⁻⁶ of the mass) sat next to helium-core cells merged up to ~10⁻³ — a ratio of 900 — and on the upper RGB of
/// 1.4 M☉ (Z = 0.001) Newton then cycled at the centre (corrections 0.02 in ln T at any Δt) once neutrino cooling
/// moved the temperature peak off centre: the face values interpolated across such a jump are first-order wrong.
///
/// The radius criterion is δ ln r = 0.03. Why: with 0.06 the upper-RGB luminosity showed a two-step cycle (r.m.s.
/// second difference of log L 0.0087): cells in the steep r(m) just above the hydrogen shell were split and merged
/// back on alternate steps. At 0.03 the cycle is gone (0.0004), the track takes fewer steps (2598 against 4569 for the
/// standard star, 12 % more cells) and agrees with mesh × 2 to 3×10⁻⁵ M☉ in the tip core mass (Docs/whole-star.md §8).
///
/// Protected (never split nor merged): the innermost `protectedCentreCells` and the cells in the outer
/// `protectedSurface` of the mass (the ZAMS mesh resolves the ionisation zones and the photosphere there).
struct StarRemesh {
    var deltaLnP = 0.15, deltaLnT = 0.05, deltaLnR = 0.03, deltaX = 0.04, deltaL = 0.04, deltaQ = 0.01
    /// Two neighbours merge when their sizes sum below this. Why 0.5, not 0.3: behind the hydrogen shell the helium
    /// core keeps the cells the shell needed, and at 0.3 cells of size 0.15–0.3 (Δ ln P ≈ 0.03) could never merge —
    /// 447 of the standard star's 1052 cells at L = 150 L☉ lay in its 0.32 M☉ core, median size 0.20. At 0.5 the track
    /// has 12 % fewer cells (906 against 1029 on average) and takes 5–14 % less time (two runs); its tip moved by 1.2 × 10⁻⁵ M☉,
    /// 1.1 × 10⁻⁴ dex and 0.6 K, the RGB bump by 5 × 10⁻⁴ dex, the luminosity's step-to-step noise unchanged. At 0.7
    /// the envelope coarsens too: the bump moved by 0.005 dex and ΔY of the dredge-up by 4 × 10⁻⁵, for 4 % more time
    /// saved (Docs/whole-star-evolution.md §6).
    var mergeBelow = 0.5
    /// Largest mass ratio of neighbouring cells a split leaves alone or a merge may create.
    var maximumRatio = 2.5
    var maximumCells = 3000
    var protectedCentreCells = 4
    var protectedSurface = 1e-5
    /// Smallest cell a split may leave (mass fraction): a composition discontinuity (the base of the convective
    /// envelope after the dredge-up) keeps its jump at any resolution and would otherwise be split without end.
    var minimumCell = 1e-6
    var allowSplit = true
    var allowMerge = true

    /// The criteria for `resolution` times as many cells: every δ and the minimum cell divided by it, the cell cap
    /// multiplied (resolution 2 is the "mesh ×2" of the convergence tests).
    init(resolution f: Double = 1) {
        deltaLnP /= f; deltaLnT /= f; deltaLnR /= f; deltaX /= f; deltaL /= f; deltaQ /= f
        minimumCell /= f
        maximumCells = Int((Double(maximumCells) * f).rounded())
    }

    /// The state one rezoning acts on.
    struct State {
        var mesh: StarMesh
        var x: [Double]
        var abundances: [HydrogenBurningAbundances]
        var lnP: [Double]
        var previous: (lnRho: [Double], lnT: [Double])?
    }

    /// Cell sizes (see the type's comment).
    func sizes(_ s: State) -> [Double] {
        let n = s.mesh.count
        let lSurface = max(abs(s.x[StarUnknown.luminosity.at(n - 1)]), 1e-30)
        var out = [Double](repeating: 0, count: n)
        for k in 1..<(n - 1) {
            let dlnP = abs(s.lnP[k + 1] - s.lnP[k - 1]) / 2
            let dlnT = abs(s.x[StarUnknown.lnT.at(k + 1)] - s.x[StarUnknown.lnT.at(k - 1)]) / 2
            // (Near the centre r ∝ m^⅓ makes Δ ln r large in any geometric mesh: not a criterion below q = 10⁻³.)
            let dlnR = s.mesh.q[k] < 1e-3 ? 0 : abs(s.x[StarUnknown.lnR.at(k)] - s.x[StarUnknown.lnR.at(k - 1)])
            let dX = max(abs(s.abundances[k + 1][.h1] - s.abundances[k][.h1]),
                         abs(s.abundances[k][.h1] - s.abundances[k - 1][.h1]))
            let dL = abs(s.x[StarUnknown.luminosity.at(k)] - s.x[StarUnknown.luminosity.at(k - 1)]) / lSurface
            out[k] = max(dlnP / deltaLnP, dlnT / deltaLnT, dlnR / deltaLnR, dX / deltaX, dL / deltaL, s.mesh.dq[k] / deltaQ)
        }
        return out
    }

    /// Whether cell k may be split or merged.
    func adjustable(_ k: Int, _ mesh: StarMesh) -> Bool {
        k >= protectedCentreCells && k < mesh.count - 1 && mesh.outer[k] > protectedSurface
    }

    /// Splits and merges once over the mesh; returns nil if nothing changed. `mass` in g.
    func adapt(_ s: State, mass: Double) -> State? {
        let n = s.mesh.count
        let size = sizes(s)
        var out = State(mesh: s.mesh, x: [], abundances: [], lnP: [], previous: s.previous.map { _ in ([], []) })
        var q = [Double](), outer = [Double]()
        var changed = false
        var k = 0
        var budget = maximumCells - n
        func copy(_ j: Int) {
            q.append(s.mesh.q[j]); outer.append(s.mesh.outer[j])
            out.x.append(contentsOf: s.x[(4 * j)..<(4 * j + 4)])
            out.abundances.append(s.abundances[j])
            out.lnP.append(s.lnP[j])
            if let p = s.previous { out.previous!.lnRho.append(p.lnRho[j]); out.previous!.lnT.append(p.lnT[j]) }
        }
        let dq = s.mesh.dq
        /// Whether a cell of `mass` (mass fraction) between cells `below` and `above` (nil: none) keeps the grading.
        func graded(_ mass: Double, below: Int?, above: Int?) -> Bool {
            let lower = below.map { dq[$0] } ?? .infinity, upper = above.flatMap { $0 < n ? dq[$0] : nil } ?? .infinity
            return mass <= maximumRatio * min(lower, upper)
        }
        while k < n {
            let coarse = size[k] > 1 || !graded(dq[k], below: k > 0 ? k - 1 : nil, above: k + 1)
            if allowSplit && adjustable(k, s.mesh) && coarse && budget > 0 && s.mesh.dq[k] >= 2 * minimumCell {
                // Split k into two halves of the parent's ρ, T and composition (the middle face at half the volume,
                // so the mass equation holds exactly; interpolating ln ρ instead put spikes into steep shells, from
                // which the next pass split without end). L at the middle face is the mean of the faces' L.
                let dq = s.mesh.dq[k]
                let rIn3 = exp(3 * s.x[StarUnknown.lnR.at(k - 1)]), rOut3 = exp(3 * s.x[StarUnknown.lnR.at(k)])
                let rMid = log(0.5 * (rIn3 + rOut3)) / 3
                let lMid = 0.5 * (s.x[StarUnknown.luminosity.at(k - 1)] + s.x[StarUnknown.luminosity.at(k)])
                q.append(s.mesh.q[k - 1] + dq / 2); outer.append(s.mesh.outer[k - 1] - dq / 2)
                out.x.append(contentsOf: [s.x[StarUnknown.lnd.at(k)], s.x[StarUnknown.lnT.at(k)], rMid, lMid])
                out.abundances.append(s.abundances[k]); out.lnP.append(s.lnP[k])
                if let p = s.previous { out.previous!.lnRho.append(p.lnRho[k]); out.previous!.lnT.append(p.lnT[k]) }
                copy(k)
                budget -= 1
                changed = true
                k += 1
            } else if allowMerge && k + 1 < n && adjustable(k, s.mesh) && adjustable(k + 1, s.mesh) && size[k] + size[k + 1] < mergeBelow
                        && (k + 2 >= n || size[k + 2] <= 1) && graded(dq[k] + dq[k + 1], below: k > 0 ? k - 1 : nil, above: k + 2) {
                // Merge k and k + 1.
                let dm0 = s.mesh.dq[k], dm1 = s.mesh.dq[k + 1], dqm = dm0 + dm1
                copy(k + 1)
                let last = out.abundances.count - 1
                let rIn3 = exp(3 * s.x[StarUnknown.lnR.at(k - 1)]), rOut3 = exp(3 * s.x[StarUnknown.lnR.at(k + 1)])
                out.x[StarUnknown.lnd.at(last)] = log(3 * dqm * mass / (4 * Double.pi * max(rOut3 - rIn3, 1e-300)))
                out.x[StarUnknown.lnT.at(last)] = (dm0 * s.x[StarUnknown.lnT.at(k)] + dm1 * s.x[StarUnknown.lnT.at(k + 1)]) / dqm
                var a = s.abundances[k]
                for sp in HydrogenBurningSpecies.allCases {
                    a[sp] = (dm0 * s.abundances[k][sp] + dm1 * s.abundances[k + 1][sp]) / dqm
                }
                a.otherMetals = (dm0 * s.abundances[k].otherMetals + dm1 * s.abundances[k + 1].otherMetals) / dqm
                out.abundances[last] = a
                out.lnP[last] = (dm0 * s.lnP[k] + dm1 * s.lnP[k + 1]) / dqm
                if let p = s.previous {
                    out.previous!.lnRho[last] = (dm0 * p.lnRho[k] + dm1 * p.lnRho[k + 1]) / dqm
                    out.previous!.lnT[last] = (dm0 * p.lnT[k] + dm1 * p.lnT[k + 1]) / dqm
                }
                budget += 1
                changed = true
                k += 2
            } else {
                copy(k)
                k += 1
            }
        }
        guard changed else { return nil }
        out.mesh = StarMesh(faces: q, outer: outer)
        return out
    }
}
