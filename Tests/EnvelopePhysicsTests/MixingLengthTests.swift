import Foundation
import Testing
import Constants
@testable import EnvelopePhysics

/// An ideal-gas layer (μ = 0.6, δ = 1, c_P = 5k/(2μm_u), ∇_ad = 0.4) with H_P = P/(ρg).
private func layer(rho: Double, t: Double, kappa: Double, g: Double, gradRad: Double,
                   ledoux: Double = 0) -> MixingLengthInput {
    let mu = 0.6
    let p = rho * CGS.boltzmann * t / (mu * CGS.atomicMassUnit)
    return MixingLengthInput(gradRadiative: gradRad, gradAdiabatic: 0.4, ledouxTerm: ledoux, density: rho,
                             temperature: t, opacity: kappa,
                             heatCapacityP: 2.5 * CGS.boltzmann / (mu * CGS.atomicMassUnit),
                             gravity: g, delta: 1, pressureScaleHeight: p / (rho * g))
}

/// The MLT equations in their original, non-reduced form (Kippenhahn, Weigert & Weiss 2012, eqs. 7.6, 7.7, 7.11
/// and the flux balance F_rad + F_conv = F_tot), solved for y = ∇ − ∇_ad by bisection in ln y: an independent
/// implementation of the optically thick (Cox & Giuli) theory.
private func bisectionExcess(_ x: MixingLengthInput, alpha: Double) -> Double {
    let ac = CGS.radiation * CGS.speedOfLight
    let ell = alpha * x.pressureScaleHeight
    let p = x.density * x.gravity * x.pressureScaleHeight
    let k = 4 * ac * x.gravity * pow(x.temperature, 4) / (3 * x.opacity * p)   // F_rad = k∇
    let w = x.gradRadiative - x.gradAdiabatic
    // (∇_e − ∇_ad)/(∇ − ∇_e) = 6acT³/(κρ²c_P ℓ v) with v = ℓ√(gδ(∇−∇_e)/(8H_P)): ∇ − ∇_ad = X + C√X.
    let c = 6 * ac * pow(x.temperature, 3) / (x.opacity * x.density * x.density * x.heatCapacityP * ell * ell)
        * (8 * x.pressureScaleHeight / (x.gravity * x.delta)).squareRoot()
    func residual(_ y: Double) -> Double {
        let sqrtX = 2 * y / (c + (c * c + 4 * y).squareRoot())
        let fConv = x.density * x.heatCapacityP * x.temperature * (x.gravity * x.delta).squareRoot() * ell * ell
            * pow(x.pressureScaleHeight, -1.5) * pow(sqrtX, 3) / (4 * 2.0.squareRoot())
        return fConv - k * (w - y)
    }
    var lo = log(w) - 80, hi = log(w)
    for _ in 0..<200 {
        let mid = 0.5 * (lo + hi)
        if residual(exp(mid)) > 0 { hi = mid } else { lo = mid }
    }
    return exp(0.5 * (lo + hi))
}

@Suite struct MixingLengthTests {
    let cox = MixingLength(alpha: 1.8, variant: .coxGiuli)
    let henyey = MixingLength(alpha: 1.8)

    @Test func efficientLimitGivesAdiabat() throws {
        // Deep envelope: ρ = 0.1 g cm⁻³, T = 2×10⁶ K, κ = 20 cm² g⁻¹, g = 10⁴: A ~ 10¹⁰.
        let r = try henyey.gradient(layer(rho: 0.1, t: 2e6, kappa: 20, g: 1e4, gradRad: 3))
        #expect(r.isConvective)
        #expect(r.gradientExcess > 0 && r.gradientExcess < 1e-6)
        #expect(abs(r.gradient - 0.4) < 1e-6)
    }

    @Test func inefficientLimitGivesRadiativeGradient() throws {
        // Tenuous photosphere-like layer, and a tiny α: ∇ → ∇_rad.
        let thin = layer(rho: 1e-11, t: 8000, kappa: 1e-2, g: 1e2, gradRad: 1.2)
        let r = try henyey.gradient(thin)
        #expect((thin.gradRadiative - r.gradient) / (thin.gradRadiative - 0.4) < 1e-3)
        let tiny = MixingLength(alpha: 1e-4)
        let deep = layer(rho: 1e-6, t: 2e4, kappa: 1e3, g: 1e4, gradRad: 1.2)
        let r2 = try tiny.gradient(deep)
        #expect((deep.gradRadiative - r2.gradient) / (deep.gradRadiative - 0.4) < 1e-3)
        #expect(r2.gradient <= deep.gradRadiative)
    }

    /// C&G's cubic (reduced) against the bisection solution of the original equations, over 12 decades of A.
    @Test func cubicRootMatchesDirectSolution() throws {
        var worst = 0.0
        for rho in [1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1.0] {
            for gradRad in [0.40001, 0.45, 1.0, 5.0] {
                let x = layer(rho: rho, t: 1e4 * pow(rho / 1e-10, 0.3), kappa: 1, g: 1e4, gradRad: gradRad)
                let r = try cox.gradient(x)
                let y = bisectionExcess(x, alpha: cox.alpha)
                worst = max(worst, abs(r.gradientExcess / y - 1))
            }
        }
        print("MLT cubic vs bisection of the non-reduced equations: worst relative difference in ∇ − ∇_ad \(worst)")
        #expect(worst < 1e-12, "worst relative difference in ∇ − ∇_ad: \(worst)")
    }

    @Test func newtonRootAgainstBisectionOnTheCubic() {
        for a0 in [9.0 / 4.0, 0.01, 40] {
            for s in [1e-30, 1e-12, 1e-3, 1, 7.5, 1e3, 1e12, 1e30] {
                let g = MixingLength.solveCubic(a0: a0, s: s)
                var lo = 0.0, hi = s + 1
                for _ in 0..<400 {
                    let mid = 0.5 * (lo + hi)
                    if ((a0 * mid + 1) * mid + 1) * mid - s > 0 { hi = mid } else { lo = mid }
                }
                #expect(abs(g / (0.5 * (lo + hi)) - 1) < 1e-13, "a0 \(a0) S \(s)")
            }
        }
    }

    @Test func henyeyTendsToCoxGiuliWhenOpticallyThick() throws {
        // ω = κρℓ ≫ 1 in the deep envelope: the two variants agree; in a thin layer Henyey is more efficient.
        let thick = layer(rho: 1e-4, t: 3e4, kappa: 10, g: 1e4, gradRad: 0.8)
        let a = try cox.gradient(thick), b = try henyey.gradient(thick)
        #expect(abs(b.gradientExcess / a.gradientExcess - 1) < 1e-6)
        let thin = layer(rho: 1e-11, t: 8000, kappa: 1e-3, g: 1e3, gradRad: 0.8)
        let c = try cox.gradient(thin), d = try henyey.gradient(thin)
        #expect(d.gradient < c.gradient)
    }

    @Test func gradientBracketedEverywhere() throws {
        var seed: UInt64 = 12345
        func uniform() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for variant in [MixingLengthVariant.coxGiuli, .henyeyDefault] {
            let mlt = MixingLength(alpha: 0.1 + 3 * uniform(), variant: variant)
            for _ in 0..<5000 {
                let x = layer(rho: pow(10, -12 + 14 * uniform()), t: pow(10, 3.5 + 4 * uniform()),
                              kappa: pow(10, -3 + 7 * uniform()), g: pow(10, -1 + 9 * uniform()),
                              gradRad: 0.4 * pow(10, -1 + 3 * uniform()))
                let r = try mlt.gradient(x)
                #expect(r.gradient.isFinite && r.velocity.isFinite && r.velocity >= 0)
                let lo = min(0.4, x.gradRadiative), hi = max(0.4, x.gradRadiative)
                #expect(r.gradient >= lo && r.gradient <= hi)
                #expect(r.isConvective == (x.gradRadiative > 0.4))
            }
        }
    }

    @Test func ledouxReducesToSchwarzschild() throws {
        let x = layer(rho: 1e-6, t: 3e4, kappa: 5, g: 1e4, gradRad: 0.7)
        let s = try MixingLength(alpha: 1.8, criterion: .schwarzschild).gradient(x)
        let l = try MixingLength(alpha: 1.8, criterion: .ledoux).gradient(x)
        #expect(s.gradient == l.gradient && s.velocity == l.velocity)
        // A composition gradient that stabilises: ∇_ad < ∇_rad < ∇_L.
        let y = layer(rho: 1e-6, t: 3e4, kappa: 5, g: 1e4, gradRad: 0.45, ledoux: 0.1)
        let sy = try MixingLength(alpha: 1.8, criterion: .schwarzschild).gradient(y)
        let ly = try MixingLength(alpha: 1.8, criterion: .ledoux).gradient(y)
        #expect(sy.isConvective && !ly.isConvective && ly.gradient == 0.45)
        // Unstable even for Ledoux: ∇ ≥ ∇_L.
        let z = layer(rho: 1e-6, t: 3e4, kappa: 5, g: 1e4, gradRad: 0.9, ledoux: 0.1)
        let lz = try MixingLength(alpha: 1.8, criterion: .ledoux).gradient(z)
        #expect(lz.isConvective && lz.gradient >= 0.5 && lz.gradient <= 0.9)
    }

    /// v³ = gδℓ F_conv/(4ρc_P T) (KWW eqs. 7.6 and 7.7 combined), exact in the optically thick theory at any
    /// efficiency; in the efficient limit F_conv ≈ F, so v ∝ F^{1/3} and, at fixed F, v ∝ ℓ^{1/3} ∝ α^{1/3}.
    @Test func velocityScaling() throws {
        let ac = CGS.radiation * CGS.speedOfLight
        var checked = 0
        for gradRad in [0.41, 0.6, 3.0] {
            for rho in [1e-9, 1e-6, 1e-2] {
                let x = layer(rho: rho, t: 2e4 * pow(rho / 1e-9, 0.3), kappa: 3, g: 1e4, gradRad: gradRad)
                let r = try cox.gradient(x)
                let p = x.density * x.gravity * x.pressureScaleHeight
                let fConv = 4 * ac * x.gravity * pow(x.temperature, 4) / (3 * x.opacity * p)
                    * (x.gradRadiative - r.gradient)
                let ell = cox.alpha * x.pressureScaleHeight
                let expected = x.gravity * x.delta * ell * fConv / (4 * x.density * x.heatCapacityP * x.temperature)
                // ∇_rad − ∇ is formed by subtraction here: allow for its condition number.
                let condition = x.gradRadiative / (x.gradRadiative - r.gradient)
                guard condition < 1e6 else { continue }   // F_conv/F ~ Γ³ below the rounding of ∇_rad − ∇
                checked += 1
                #expect(abs(pow(r.velocity, 3) / expected - 1) < 1e-9 + 1e-14 * condition,
                        "ρ \(rho) ∇_rad \(gradRad): v³ \(pow(r.velocity, 3)) expected \(expected), Γ \(r.efficiency)")
            }
        }
        #expect(checked >= 6)
        // Efficient limit: ∇_rad (∝ L) × 1000 → v × 10; α × 2 → v × 2^{1/3}.
        let deep = layer(rho: 0.1, t: 2e6, kappa: 20, g: 1e4, gradRad: 1)
        var deeper = deep; deeper.gradRadiative = 0.4 + 1000 * 0.6
        let v1 = try cox.gradient(deep).velocity, v2 = try cox.gradient(deeper).velocity
        #expect(abs(v2 / v1 / pow(1000, 1.0 / 3.0) - 1) < 1e-4)
        let v3 = try MixingLength(alpha: 3.6, variant: .coxGiuli).gradient(deep).velocity
        #expect(abs(v3 / v1 / pow(2, 1.0 / 3.0) - 1) < 1e-4)
    }

    @Test func continuousAtTheConvectiveBoundary() throws {
        var velocities: [Double] = []
        for eps in [1e-4, 1e-7, 1e-10] {
            let above = layer(rho: 1e-6, t: 3e4, kappa: 5, g: 1e4, gradRad: 0.4 * (1 + eps))
            let below = layer(rho: 1e-6, t: 3e4, kappa: 5, g: 1e4, gradRad: 0.4 * (1 - eps))
            let a = try henyey.gradient(above), b = try henyey.gradient(below)
            #expect(a.isConvective && !b.isConvective)
            #expect(abs(a.gradient - b.gradient) <= 2.1 * 0.4 * eps)
            #expect(a.gradient >= 0.4 && a.gradient <= above.gradRadiative)
            // ∂∇/∂∇_rad → 1 from the convective side too (Γ → 0).
            #expect(abs(a.dGradient.gradRadiative - 1) < 1e-2 || eps > 1e-7)
            #expect(b.velocity == 0)
            velocities.append(a.velocity)
        }
        // v → 0 linearly in ∇_rad − ∇_ad (v ≈ √(gδℓ²/8H_P)·A·W for Γ ≪ 1).
        #expect(abs(velocities[2] / velocities[1] / 1e-3 - 1) < 1e-2)
    }

    /// The analytic partials against central differences, for both variants and three regimes.
    @Test(arguments: [MixingLengthVariant.coxGiuli, .henyeyDefault, .henyey(nu: 8, y: 3 / (4 * Double.pi * Double.pi))])
    func partialsMatchFiniteDifferences(variant: MixingLengthVariant) throws {
        let mlt = MixingLength(alpha: 1.8, variant: variant)
        let cases = [layer(rho: 1e-9, t: 7000, kappa: 0.05, g: 1e3, gradRad: 0.9),
                     layer(rho: 1e-7, t: 1.5e4, kappa: 30, g: 1e4, gradRad: 0.9),
                     layer(rho: 1e-3, t: 3e5, kappa: 50, g: 1e4, gradRad: 2.0)]
        typealias Path = WritableKeyPath<MixingLengthInput, Double>
        let logInputs: [(Path, KeyPath<MixingLengthPartials, Double>)] = [
            (\.density, \.lnDensity), (\.temperature, \.lnTemperature), (\.opacity, \.lnOpacity),
            (\.heatCapacityP, \.lnHeatCapacityP), (\.gravity, \.lnGravity), (\.delta, \.lnDelta),
            (\.pressureScaleHeight, \.lnPressureScaleHeight)]
        let linearInputs: [(Path, KeyPath<MixingLengthPartials, Double>)] = [
            (\.gradRadiative, \.gradRadiative), (\.gradAdiabatic, \.gradAdiabatic)]
        for x in cases {
            let r = try mlt.gradient(x)
            #expect(r.isConvective)
            for (path, partial) in logInputs + linearInputs {
                let isLog = logInputs.contains { $0.0 == path }
                let h = 1e-6
                var xp = x, xm = x
                if isLog { xp[keyPath: path] *= exp(h); xm[keyPath: path] *= exp(-h) }
                else { xp[keyPath: path] += h; xm[keyPath: path] -= h }
                let rp = try mlt.gradient(xp), rm = try mlt.gradient(xm)
                // Differences of ∇ − ∇_ad (no cancellation against ∇_ad ≈ 0.4); ∂∇/∂∇_ad adds 1.
                let dGrad = (rp.gradientExcess - rm.gradientExcess) / (2 * h) + (path == \.gradAdiabatic ? 1 : 0)
                let dVel = (rp.velocity - rm.velocity) / (2 * h)
                #expect(abs(dGrad - r.dGradient[keyPath: partial]) <= 1e-6 * max(abs(dGrad), 1e-3 * r.gradientExcess, 1e-12),
                        "∇ \(path): fd \(dGrad) analytic \(r.dGradient[keyPath: partial])")
                #expect(abs(dVel - r.dVelocity[keyPath: partial]) <= 1e-6 * max(abs(dVel), 1e-3 * r.velocity),
                        "v \(path): fd \(dVel) analytic \(r.dVelocity[keyPath: partial])")
            }
        }
    }

    @Test func ledouxPartialMatchesDifference() throws {
        let mlt = MixingLength(alpha: 1.8, criterion: .ledoux)
        let x = layer(rho: 1e-7, t: 1.5e4, kappa: 30, g: 1e4, gradRad: 0.9, ledoux: 0.05)
        let r = try mlt.gradient(x)
        let h = 1e-6
        var xp = x, xm = x
        xp.ledouxTerm += h; xm.ledouxTerm -= h
        let rp = try mlt.gradient(xp), rm = try mlt.gradient(xm)
        let fd = (rp.gradientExcess - rm.gradientExcess) / (2 * h) + 1
        #expect(abs(fd - r.dGradient.ledouxTerm) < 1e-6 * max(abs(fd), 1e-6))
        let fdv = (rp.velocity - rm.velocity) / (2 * h)
        #expect(abs(fdv - r.dVelocity.ledouxTerm) < 1e-6 * abs(fdv))
    }

    @Test func badInputIsATypedError() {
        var x = layer(rho: 1e-6, t: 3e4, kappa: 5, g: 1e4, gradRad: 0.9)
        x.density = -1
        #expect(throws: MixingLengthError.outOfDomain(quantity: .density, value: -1)) { try henyey.gradient(x) }
        x.density = 1e-6; x.temperature = .nan
        #expect(throws: MixingLengthError.self) { try henyey.gradient(x) }
        x.temperature = 3e4
        #expect(throws: MixingLengthError.outOfDomain(quantity: .alpha, value: 0)) {
            try MixingLength(alpha: 0).gradient(x)
        }
        let message = MixingLengthError.outOfDomain(quantity: .opacity, value: -2).description
        #expect(message.contains("opacity") && message.contains("-2") && message.contains("> 0"))
    }

    @Test func benchmarkRuns() {
        let (rate, checksum) = henyey.benchmark(evaluations: 100_000)
        print("MLT evaluations per second (this build): \(rate)")
        #expect(rate > 1e4 && checksum.isFinite)
    }
}
