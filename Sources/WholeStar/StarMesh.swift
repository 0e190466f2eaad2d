import Foundation

/// The Lagrangian mesh of the whole star: n cells at fixed mass fractions q = m/M, crowded towards the centre and
/// towards the surface.
///
/// Face fractions are uniform in s(q) = a q + ln q − b ln(1 − q + δ) between the first face q₀ and the photosphere
/// q = 1 (the logit spacing of Paxton et al. 2011 §6.5's mesh functions, in a closed form): near the centre the
/// cells grow geometrically from q₀, near the surface the outer mass 1 − q shrinks geometrically down to ~δ, and
/// in between the linear term spreads about half of the cells. The outer 10⁻⁶ of the mass (the superadiabatic layer,
/// the ionisation zones and the photosphere of a solar-type star) gets a quarter of them (b = 2).
///
/// Numerical trap: near the surface q = 1 − 10⁻¹² has only four significant digits left in double precision, so
/// the mesh stores the outer mass fraction 1 − q of every face (`outer`) and forms the outer cells' dq from it.
public struct StarMesh: Sendable {
    /// Outer-face fractions qₖ (q_{n−1} = 1), the complements 1 − qₖ, cell fractions dqₖ and cell-centre fractions.
    public let q: [Double], outer: [Double], dq: [Double], qCentre: [Double]
    /// Cells.
    public var count: Int { q.count }

    /// - Parameters: `cells` n; `centre` q₀ (first face); `surface` δ; `middle` a; `surfaceWeight` b (cells per e-fold
    ///   of 1 − q relative to per e-fold of q near the centre).
    public init(cells n: Int, centre q0: Double = 1e-6, surface delta: Double = 1e-12, middle a: Double = 40,
                surfaceWeight b: Double = 2) {
        func s(q: Double, u: Double) -> Double { a * q + log(q) - b * log(u + delta) }   // u = 1 − q
        let s0 = s(q: q0, u: 1 - q0), s1 = s(q: 1, u: 0)
        var q = [Double](repeating: 0, count: n), outer = q
        for k in 0..<n {
            let target = s0 + (s1 - s0) * Double(k) / Double(n - 1)
            if k == n - 1 { q[k] = 1; outer[k] = 0; continue }
            if target < s(q: 0.5, u: 0.5) {
                var lo = q0, hi = 0.5
                for _ in 0..<200 { let mid = 0.5 * (lo + hi); if s(q: mid, u: 1 - mid) < target { lo = mid } else { hi = mid } }
                q[k] = 0.5 * (lo + hi); outer[k] = 1 - q[k]
            } else {
                var lo = 0.0, hi = 0.5   // bisection on u = 1 − q, which keeps its digits near the surface
                for _ in 0..<200 { let mid = 0.5 * (lo + hi); if s(q: 1 - mid, u: mid) > target { lo = mid } else { hi = mid } }
                outer[k] = 0.5 * (lo + hi); q[k] = 1 - outer[k]
            }
        }
        self.init(faces: q, outer: outer)
    }

    /// A mesh from its outer-face fractions q and their complements 1 − q (both given, so that the outer faces keep
    /// their digits; the last face is q = 1, 1 − q = 0). Used by the rezoning (`StarRemesh`).
    public init(faces q: [Double], outer: [Double]) {
        precondition(q.count == outer.count && q.count >= 2, "StarMesh: faces and complements must match")
        let n = q.count
        var dq = q
        for k in 1..<n { dq[k] = q[k] < 0.5 ? q[k] - q[k - 1] : outer[k - 1] - outer[k] }
        self.q = q
        self.outer = outer
        self.dq = dq
        qCentre = (0..<n).map { k in k == 0 ? 0.5 * q[0] : q[k] - 0.5 * dq[k] }
    }
}
