import Foundation
import TestSupport
import Testing
@testable import Plasma

/// The exact rate against the fitting formulas in the red-giant core box (helium, Yₑ = 0.5,
/// 10⁴ ≤ ρ ≤ 10^6.5 g/cm³, 5×10⁷ ≤ T ≤ 1.5×10⁸ K). Measured on a 0.05-dex grid (Docs/plasma.md):
/// exact/Itoh ∈ [0.894, 1.048], rms deviation 3.6 %; exact/HRW ∈ [0.946, 1.221], rms 10.5 %.
@Suite("Exact rate against the fits")
struct FitComparisonTests {
    func box(step: Double = 0.1) throws -> [(rho: Double, t: Double, itoh: Double, hrw: Double, fxy: Double)] {
        var out: [(Double, Double, Double, Double, Double)] = []
        for lr in stride(from: 4.0, through: 6.5 + 1e-9, by: step) {
            for lt in stride(from: log10(5e7), through: log10(1.5e8) + 1e-9, by: step / 2) {
                let rho = pow(10, lr), t = pow(10, lt)
                let q = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: 0.5).rates.standard
                let f = ItohPlasmaFit.rate(density: rho, temperature: t, electronFraction: 0.5)
                out.append((rho, t, q / f.itoh, q / f.hrw, f.fxy))
            }
        }
        return out
    }

    @Test("red-giant box: exact/Itoh within [0.88, 1.06], rms ≤ 5 %; HRW is worse (rms > 8 %) — the exact rate supports Itoh")
    func redGiantBox() throws {
        let b = try box()
        #expect(b.count > 50)
        let rmsItoh = (b.map { pow($0.itoh - 1, 2) }.reduce(0, +) / Double(b.count)).squareRoot()
        let rmsHRW = (b.map { pow($0.hrw - 1, 2) }.reduce(0, +) / Double(b.count)).squareRoot()
        for p in b { #expect(p.itoh > 0.88 && p.itoh < 1.06, "ρ=\(p.rho) T=\(p.t): \(p.itoh)") }
        #expect(rmsItoh < 0.05)
        #expect(rmsHRW > 0.08)
        #expect(rmsItoh < rmsHRW)
    }

    @Test("Itoh's f_xy is 1.06–1.12 in red-giant cores (transcription check against sneut5/MESA usage, eq. 4.11)")
    func fxyRange() throws {
        for rho in [1e5, 3e5, 1e6] {
            for t in [8e7, 9e7, 1e8] {
                let f = ItohPlasmaFit.rate(density: rho, temperature: t, electronFraction: 0.5).fxy
                #expect(f >= 1.06 && f <= 1.12, "ρ=\(rho) T=\(t): f_xy = \(f)")
            }
        }
        for p in try box(step: 0.25) { #expect(p.fxy >= 1.03 && p.fxy <= 1.19, "f_xy = \(p.fxy)") }
        // Outside its window (|x| > 0.7 or y < 0) f_xy = 1 exactly.
        #expect(ItohPlasmaFit.rate(density: 1, temperature: 1e7, electronFraction: 0.5).fxy == 1)
    }

    @Test("the HRW fit's γ approximates ωp/kT of the exact gas to a few per cent in red-giant cores")
    func fitGamma() throws {
        for (rho, t) in [(1e6, 1e8), (1e5, 8e7), (1e4, 6e7)] {
            let gas = try ElectronGas.state(density: rho, temperature: t, electronFraction: 0.5)
            let fit = ItohPlasmaFit.rate(density: rho, temperature: t, electronFraction: 0.5)
            #expect(isClose(fit.gamma, gas.omegaP_keV / gas.kT_keV, rel: 0.03))
        }
    }
}
