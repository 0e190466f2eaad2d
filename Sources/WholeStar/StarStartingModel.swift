import Constants
import Foundation

/// The starting guess of the ZAMS relaxation: an n = 3 polytrope (Eddington's standard model; KWW 2012 ch. 19)
/// of mass M and radius R_guess, with T from the ideal gas T = Pμm_u/(ρk) at μ = 4/(3 + 5X − Z) (fully ionised),
/// T floored at 4000 K and ρ at 10⁻¹⁰ g cm⁻³ in the outermost cells, and L(q) = L_guess·(1 − e^{−q/0.15}).
/// R_guess = 0.9 R☉ (M/M☉)^0.8, L_guess = 0.7 L☉ (M/M☉)⁴ (main-sequence homology magnitudes only; Newton finds the
/// model, the guess only has to lie in its basin).
///
/// The Lane–Emden equation θ'' + 2θ'/ξ + θ³ = 0 is integrated by RK4 (series start θ = 1 − ξ²/6 at ξ = 10⁻³).
enum StarStartingModel {
    struct LaneEmden {
        /// ξ, θ and the mass function μ(ξ) = −ξ²θ'(ξ), up to the first zero ξ₁.
        var xi: [Double] = [], theta: [Double] = [], massFunction: [Double] = []
        var xi1: Double { xi[xi.count - 1] }
        var mu1: Double { massFunction[massFunction.count - 1] }
    }

    static func laneEmden(n: Double = 3, step: Double = 1e-3) -> LaneEmden {
        var le = LaneEmden()
        var xi = 1e-3, theta = 1 - xi * xi / 6, dtheta = -xi / 3
        func f(_ xi: Double, _ th: Double, _ dth: Double) -> (Double, Double) {
            (dth, -pow(max(th, 0), n) - 2 * dth / xi)
        }
        le.xi.append(xi); le.theta.append(theta); le.massFunction.append(-xi * xi * dtheta)
        while theta > 0 {
            let (a1, b1) = f(xi, theta, dtheta)
            let (a2, b2) = f(xi + step / 2, theta + step / 2 * a1, dtheta + step / 2 * b1)
            let (a3, b3) = f(xi + step / 2, theta + step / 2 * a2, dtheta + step / 2 * b2)
            let (a4, b4) = f(xi + step, theta + step * a3, dtheta + step * b3)
            let newTheta = theta + step / 6 * (a1 + 2 * a2 + 2 * a3 + a4)
            let newD = dtheta + step / 6 * (b1 + 2 * b2 + 2 * b3 + b4)
            if newTheta <= 0 {
                // Last point: the zero, by linear interpolation.
                let frac = theta / (theta - newTheta)
                xi += frac * step
                dtheta += frac * (newD - dtheta)
                theta = 0
            } else {
                xi += step; theta = newTheta; dtheta = newD
            }
            le.xi.append(xi); le.theta.append(theta); le.massFunction.append(-xi * xi * dtheta)
        }
        return le
    }

    /// The guess vector (cell-major, `StarUnknown` order) on `mesh`.
    static func guess(mesh: StarMesh, mass: Double, hydrogen x: Double, metals z: Double) -> [Double] {
        let le = laneEmden()
        let mSun = mass / Solar.mass
        let radius = 0.9 * Solar.radius * pow(mSun, 0.8)
        let lum = 0.7 * pow(mSun, 4)
        let alpha = radius / le.xi1
        let rhoC = mass / (4 * Double.pi * alpha * alpha * alpha * le.mu1)
        let pC = 4 * Double.pi * CGS.gravitational * alpha * alpha * rhoC * rhoC / 4
        let mu = 4 / (3 + 5 * x - z)
        // ξ at a mass fraction q by interpolation in the monotonic μ(ξ)/μ₁.
        func xiAt(_ q: Double) -> (xi: Double, theta: Double) {
            let target = q * le.mu1
            var lo = 0, hi = le.xi.count - 1
            if target <= le.massFunction[0] { return (le.xi[0] * cbrt(q * le.mu1 / le.massFunction[0]), le.theta[0]) }
            while hi - lo > 1 { let mid = (lo + hi) / 2; if le.massFunction[mid] < target { lo = mid } else { hi = mid } }
            let f = (target - le.massFunction[lo]) / (le.massFunction[hi] - le.massFunction[lo])
            // Near the surface θ⁴ ∝ 1 − q (the outer layer's hydrostatics): interpolate θ⁴ there.
            let t4 = pow(le.theta[lo], 4) + f * (pow(le.theta[hi], 4) - pow(le.theta[lo], 4))
            return (le.xi[lo] + f * (le.xi[hi] - le.xi[lo]), pow(max(t4, 0), 0.25))
        }
        var out = [Double](repeating: 0, count: mesh.count * StarUnknown.count)
        for k in 0..<mesh.count {
            let c = xiAt(mesh.qCentre[k])
            // The outermost cells: θ from the surface expansion θ⁴ ≈ (1 − q)·θ⁴ scale, never below the floors.
            var theta = c.theta
            if mesh.qCentre[k] > 1 - 1e-4 {
                let u = k == mesh.count - 1 ? 0.5 * mesh.dq[k] : mesh.outer[k] + 0.5 * mesh.dq[k]
                let ref = xiAt(1 - 1e-4)
                theta = ref.theta * pow(u / 1e-4, 0.25)
            }
            let rho = max(rhoC * theta * theta * theta, 1e-10)
            let p = pC * pow(theta, 4)
            let t = max(p * mu * CGS.atomicMassUnit / (max(rho, 1e-300) * CGS.boltzmann), 4000)
            let f = xiAt(min(mesh.q[k], 1 - 1e-12))
            let r = k == mesh.count - 1 ? radius : alpha * f.xi
            out[StarUnknown.lnd.at(k)] = log(rho)
            out[StarUnknown.lnT.at(k)] = log(t)
            out[StarUnknown.lnR.at(k)] = log(r)
            out[StarUnknown.luminosity.at(k)] = lum * (1 - exp(-mesh.q[k] / 0.15))
        }
        return out
    }
}
