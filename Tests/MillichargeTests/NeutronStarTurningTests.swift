import Foundation
import TestSupport
import Testing
@testable import Millicharge

/// The νST bound: the published number from its inputs, the exact scalings, and the angular momentum per
/// neutrino against an independent Lorentz-force integration along the neutrino's path.
@Suite struct NeutronStarTurningTests {
    let fiducial = NeutronStarTurning.Inputs.studenikinTokarev

    func limit(_ edit: (inout NeutronStarTurning.Inputs) -> Void) throws -> Double {
        var i = fiducial
        edit(&i)
        return try NeutronStarTurning(i).chargeLimit
    }

    @Test func reproducesThePublishedBound() throws {
        // Studenikin & Tokarev 2014: q < 1.3e-19 e0 (two significant figures; Docs/millicharge.md §3).
        let q = try NeutronStarTurning(fiducial).chargeLimit
        #expect(abs(q - 1.3e-19) < 0.05e-19, "q_lim = \(q)")
        // The closed form 2π k c M / (P₀ N κ B e₀) with the module's constants, by hand.
        let closed = 2 * Double.pi * 0.4 * 2.99792458e10 * 1.4 * 1.98841e33 / (10 * 1e58 * (1.0 / 3) * 1e14 * 4.80320e-10)
        #expect(isClose(q, closed, rel: 1e-4))
    }

    @Test func scalesWithEachInput() throws {
        let q0 = try NeutronStarTurning(fiducial).chargeLimit
        func ratio(_ edit: (inout NeutronStarTurning.Inputs) -> Void) throws -> Double { try limit(edit) / q0 }
        #expect(abs(try ratio { $0.periodSeconds *= 4 } - 0.25) < 1e-12)          // ∝ 1/P₀
        #expect(abs(try ratio { $0.fieldGauss *= 3 } - 1.0 / 3) < 1e-12)          // ∝ 1/B
        #expect(abs(try ratio { $0.neutrinoNumber *= 10 } - 0.1) < 1e-12)         // ∝ 1/N
        #expect(abs(try ratio { $0.massMsun *= 1.5 } - 1.5) < 1e-12)              // ∝ M
        #expect(isClose(try ratio { $0.radiusKm *= 2 }, 1, rel: 1e-12))                  // R cancels when R_ν = R
        #expect(abs(try ratio { $0.neutrinosphereRadiusKm = 20 } - 0.25) < 1e-12) // ∝ (R/R_ν)²
        #expect(abs(try ratio { $0.inertiaCoefficient = 0.3 } - 0.75) < 1e-12)    // ∝ k
        #expect(abs(try ratio { $0.netFraction = 0.05 } - 20) < 1e-9)             // ∝ 1/f
        #expect(abs(try ratio { $0.geometry = .volume } - 5.0 / 3) < 1e-12)       // ∝ 1/κ
        #expect(abs(try ratio { $0.geometry = .equatorial } - 2.0 / 3) < 1e-12)
        // An explicit moment of inertia equal to k M R² changes nothing.
        let star = try NeutronStarTurning(fiducial)
        #expect(isClose(try ratio { $0.momentOfInertiaGCm2 = star.momentOfInertia }, 1, rel: 1e-12))
        // N from the energy emitted: 3e53 erg at 18.7 MeV is 1e58 neutrinos.
        let n = try NeutronStarTurning.Inputs.neutrinoNumber(totalEnergyErg: 3e53, meanEnergyMeV: 18.72)
        #expect(isClose(n, 1e58, rel: 1e-3))
    }

    @Test func fractionalShiftIsLinearInCharge() throws {
        let star = try NeutronStarTurning(fiducial)
        #expect(isClose(star.fractionalShift(charge: star.chargeLimit), 1, rel: 1e-12))
        #expect(abs(star.fractionalShift(charge: 0.5 * star.chargeLimit) - 0.5) < 1e-12)
    }

    /// L_z gained by a neutrino born at radius r₀ and polar angle θ, moving radially: the torque
    /// (x × q v × B / c)_z integrated along the straight path (deflection negligible at q ~ 1e-19) through the
    /// field of a uniformly magnetised sphere (uniform B ẑ inside, dipole m = B R³/2 ẑ outside); units
    /// B = R = c = q = 1. Inside, midpoint rule in r; outside, r = max(r₀, 1)/u³ so the 1/r² tail is smooth in u.
    static func gain(r0: Double, theta: Double, points: Int = 4000) -> Double {
        func field(_ x: SIMD3<Double>) -> SIMD3<Double> {
            let r = (x * x).sum().squareRoot()
            if r <= 1 { return SIMD3(0, 0, 1) }
            let m = SIMD3<Double>(0, 0, 0.5), n = x / r
            return (3 * (m * n).sum() * n - m) / (r * r * r)
        }
        func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
        }
        let n = SIMD3(sin(theta), 0, cos(theta))
        func torque(_ r: Double) -> Double { cross(r * n, cross(n, field(r * n))).z }
        var total = 0.0
        let inner = max(0, 1 - r0)
        if inner > 0 {
            for k in 0..<points { total += torque(r0 + (Double(k) + 0.5) / Double(points) * inner) * inner / Double(points) }
        }
        let start = max(r0, 1)
        for k in 0..<points {
            let u = (Double(k) + 0.5) / Double(points)
            total += torque(start / (u * u * u)) * 3 * start / (u * u * u * u) / Double(points)
        }
        return total
    }

    /// κ = |⟨L_z⟩| / (q B R² / c) averaged over a geometry's birth points (isotropic directions: midpoint in cos θ).
    static func lorentzKappa(_ geometry: EmissionGeometry, angles: Int = 64, shells: Int = 40) -> Double {
        func angularAverage(r0: Double) -> Double {
            (0..<angles).reduce(0.0) { s, j in s + gain(r0: r0, theta: acos(-1 + (Double(j) + 0.5) * 2 / Double(angles))) } / Double(angles)
        }
        switch geometry {
        case .neutrinosphere: return abs(angularAverage(r0: 1))
        case .equatorial: return abs(gain(r0: 1, theta: Double.pi / 2))
        case .volume:   // uniform in volume: r₀³ uniform on [0, 1]
            return abs((0..<shells).reduce(0.0) { s, j in s + angularAverage(r0: pow((Double(j) + 0.5) / Double(shells), 1.0 / 3)) } / Double(shells))
        }
    }

    @Test(arguments: EmissionGeometry.allCases)
    func kappaAgreesWithTheLorentzForceIntegral(_ g: EmissionGeometry) {
        let k = Self.lorentzKappa(g)
        #expect(isClose(k, g.kappa, rel: 2e-3), "\(g): Lorentz-force κ = \(k), canonical κ = \(g.kappa)")
    }

    @Test func aNeutrinoFromTheCentreLeavesWithNoAngularMomentum() {
        // Canonical L_z = qΦ₀/2πc with Φ₀ = 0 on the axis: the exterior dipole gives back all the interior
        // field gave, though the torque along the way is not zero.
        for theta in [0.3, 0.9, Double.pi / 2, 2.4] {
            let total = Self.gain(r0: 0, theta: theta)
            let interior = Self.gain(r0: 0, theta: theta) - Self.gain(r0: 1, theta: theta)
            #expect(abs(total) < 1e-3 * abs(interior), "θ = \(theta): total \(total), interior part \(interior)")
            #expect(abs(interior) > 0.1 * sin(theta) * sin(theta))
        }
    }

    @Test func badInputIsRefusedWithTheParameterNamed() {
        let bad: [(String, (inout NeutronStarTurning.Inputs) -> Void)] = [
            ("period", { $0.periodSeconds = 0 }), ("period", { $0.periodSeconds = -1 }), ("period", { $0.periodSeconds = .nan }),
            ("magnetic field", { $0.fieldGauss = 0 }), ("magnetic field", { $0.fieldGauss = .infinity }),
            ("radius", { $0.radiusKm = -10 }), ("neutrino number", { $0.neutrinoNumber = 0 }),
            ("mass", { $0.massMsun = .nan }), ("net fraction", { $0.netFraction = 1.5 }),
            ("inertia coefficient", { $0.inertiaCoefficient = 0.9 }), ("neutrinosphere radius", { $0.neutrinosphereRadiusKm = 0 }),
            ("moment of inertia", { $0.momentOfInertiaGCm2 = -1 }),
        ]
        for (name, edit) in bad {
            var i = fiducial
            edit(&i)
            do {
                _ = try NeutronStarTurning(i)
                Issue.record("accepted bad \(name)")
            } catch let e as MillichargeError {
                #expect(e.description.contains(name), "\(e)")
                #expect(e.description.contains("allowed range"))
            } catch { Issue.record("unexpected \(error)") }
        }
        #expect(throws: MillichargeError.self) { try NeutronStarTurning.Inputs.neutrinoNumber(totalEnergyErg: 3e53, meanEnergyMeV: 0) }
    }
}
