import EnvelopePhysics
import Foundation

/// Convective mixing as instantaneous homogenisation: in every convective zone (a run of faces where the
/// Schwarzschild criterion ∇_rad > ∇_ad holds) the cells' abundances are replaced by their mass-weighted mean. The
/// convective turnover time (days to a year) is many orders below an evolutionary step, so a convective zone is
/// chemically homogeneous (KWW 2012 ch. 30.4; the classical assumption of the codes without diffusive mixing, e.g.
/// Eggleton 1971's "mixing in the limit"; MESA's diffusive mixing reaches the same limit at these time steps).
///
/// Face k lies between cell k and cell k + 1; faces a…b convective mix cells a…b + 1. The outermost face is the
/// photosphere, and the layers just below it are radiative (τ ≲ 1, and the thin superadiabatic skin): a convective
/// envelope whose top lies within the outer `surfaceSkin` of the mass is extended to the surface cell, so the
/// atmosphere and the reported surface abundances are the envelope's (in a real star overshoot and turbulence mix
/// the ~10⁻¹⁰ M☉ above; otherwise the first dredge-up would never reach the photosphere).
enum StarMixing {
    /// Outer mass fraction within which radiative faces above a convective envelope are mixed with it.
    static let surfaceSkin = 1e-6

    /// The mixed zones [first cell, last cell] for the convective flags of faces 0…n − 1 and the mesh.
    static func zones(convective: [Bool], mesh: StarMesh) -> [ClosedRange<Int>] {
        let n = convective.count
        var zones = [ClosedRange<Int>]()
        var k = 0
        while k < n - 1 {
            guard convective[k] else { k += 1; continue }
            let a = k
            while k + 1 < n - 1 && convective[k + 1] { k += 1 }
            zones.append(a...(k + 1))
            k += 1
        }
        // Extend an envelope zone ending just below the photosphere to the surface cell.
        if let last = zones.last, last.upperBound < n - 1, mesh.outer[last.upperBound] < surfaceSkin {
            zones[zones.count - 1] = last.lowerBound...(n - 1)
        }
        return zones
    }

    /// Homogenises `abundances` (one per cell) over `zones`, weighting by the cell masses `dm`.
    static func mix(_ abundances: inout [HydrogenBurningAbundances], zones: [ClosedRange<Int>], dm: [Double]) {
        for zone in zones where zone.count > 1 {
            var mean = HydrogenBurningAbundances(h1: 0, he4: 0, c12: 0, n14: 0, o16: 0, otherMetals: 0)
            var mass = 0.0
            for k in zone {
                for s in HydrogenBurningSpecies.allCases { mean[s] += dm[k] * abundances[k][s] }
                mean.otherMetals += dm[k] * abundances[k].otherMetals
                mass += dm[k]
            }
            for s in HydrogenBurningSpecies.allCases { mean[s] /= mass }
            mean.otherMetals /= mass
            for k in zone { abundances[k] = mean }
        }
    }
}
