import Foundation

/// The Lagrangian mesh of the helium core: cells at fixed fractions q = m/M_c of the growing core mass.
///
/// Face fractions are uniform in s(q) = q − a ln((1 − q + ε)/(1 + ε)), which crowds cells towards the
/// edge (a = `FlashSettings.edgeCrowding`, ε = `edgeEpsilon`) where T and P fall steeply; q_{n−1} = 1.
struct CoreMesh {
    /// Outer-face fractions qₖ, cell fractions dqₖ, and cell-centre fractions qₖ − dqₖ/2 (where ln ρ, ln T live).
    let q: [Double], dq: [Double], qCentre: [Double]

    init(cells n: Int, crowding a: Double, epsilon e: Double) {
        (q, dq) = Self.faces(cells: n, crowding: a, epsilon: e)
        qCentre = zip(q, dq).map { $0 - 0.5 * $1 }
    }

    /// Face fractions and cell fractions, each face found by bisection on s(q).
    static func faces(cells n: Int, crowding a: Double, epsilon e: Double) -> ([Double], [Double]) {
        func s(_ q: Double) -> Double { q - a * log((1 - q + e) / (1 + e)) }
        let top = s(1)
        var q = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let target = top * Double(k + 1) / Double(n)
            var lo = 0.0, hi = 1.0
            for _ in 0..<80 { let mid = 0.5 * (lo + hi); if s(mid) < target { lo = mid } else { hi = mid } }
            q[k] = 0.5 * (lo + hi)
        }
        q[n - 1] = 1
        var dq = [Double](repeating: 0, count: n)
        for k in 0..<n { dq[k] = q[k] - (k > 0 ? q[k - 1] : 0) }
        return (q, dq)
    }

    /// Semi-Lagrangian remap: the previous model's ln ρ, ln T (cell centres of a core of `oldMass`)
    /// at the cell centres of a core of `newMass`, linear in m, so that d/dt is taken at fixed m.
    /// Matter added this step (beyond the old outermost centre) takes the old outermost cell's state.
    func remap(prevLnRho: [Double], prevLnT: [Double], oldMass: Double, newMass: Double,
               lnRho: UnsafeMutableBufferPointer<Double>, lnT: UnsafeMutableBufferPointer<Double>) {
        let n = qCentre.count
        var j = 0
        for k in 0..<n {
            let m = qCentre[k] * newMass
            while j < n - 1 && qCentre[j + 1] * oldMass < m { j += 1 }
            let m0 = qCentre[j] * oldMass
            if j == n - 1 || m <= m0 {
                lnRho[k] = prevLnRho[j]
                lnT[k] = prevLnT[j]
                if m < m0 && j > 0 {
                    let mm = qCentre[j - 1] * oldMass
                    let f = (m - mm) / (m0 - mm)
                    lnRho[k] = prevLnRho[j - 1] + f * (prevLnRho[j] - prevLnRho[j - 1])
                    lnT[k] = prevLnT[j - 1] + f * (prevLnT[j] - prevLnT[j - 1])
                }
            } else {
                let m1 = qCentre[j + 1] * oldMass
                let f = (m - m0) / (m1 - m0)
                lnRho[k] = prevLnRho[j] + f * (prevLnRho[j + 1] - prevLnRho[j])
                lnT[k] = prevLnT[j] + f * (prevLnT[j + 1] - prevLnT[j])
            }
        }
    }
}
