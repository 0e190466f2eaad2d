import Foundation
import TestSupport
import Testing
@testable import Plasma

/// B&S dispersion: explicit t-branches against root-found ω(k), residues derived from the
/// propagators (numerical derivative) against the closed forms, limits k → 0, k_max, m∞.
@Suite("Plasmon dispersion")
struct DispersionTests {
    static let vStars = [0.0, 0.05, 0.3, 0.6269, 0.9, 0.99, 0.9983]

    @Test("series and closed forms of G_T, G_L agree where they join (x = 0.3) and on either side")
    func seriesJoin() {
        for x in [0.2, 0.3, 0.4] {
            let t = (transverseGSeries(x), transverseGClosed(x)), l = (longitudinalGSeries(x), longitudinalGClosed(x))
            #expect(abs(t.0.g - t.1.g) < 2e-14 && abs(t.0.xdg - t.1.xdg) < 2e-13, "G_T at \(x)")
            #expect(abs(l.0.g - l.1.g) < 2e-14 && abs(l.0.xdg - l.1.xdg) < 2e-13, "G_L at \(x)")
        }
        #expect(transverseG(0).g == 1 && longitudinalG(0).g == 1)
        // Known values: G_T(x) = 1 + x²/5 + 3x⁴/35 + x⁶/21 + …, G_L = 1 + 3x²/5 + 3x⁴/7 + x⁶/3 + … at x = 0.01.
        #expect(abs(transverseG(0.01).g - (1 + 1e-4 / 5 + 3e-8 / 35 + 1e-12 / 21)) < 1e-15)
        #expect(abs(longitudinalG(0.01).g - (1 + 3e-4 / 5 + 3e-8 / 7 + 1e-12 / 3)) < 1e-15)
    }

    @Test("explicit branches (t = k/ω) agree with root-found ω(k)", arguments: vStars)
    func explicitAgainstRootFinding(vStar: Double) throws {
        let d = try PlasmonDispersion(vStar: vStar)
        for t in [0.0, 0.1, 0.5, 0.9, 0.999, 0.999999] {
            let p = d.transverse(t: t, oneMinusT2: 1 - t * t)
            let (w, s) = try d.transverseSolution(k: p.k)
            #expect(isClose(w, p.omega, rel: 1e-12))
            #expect(isClose(s, p.virtuality, rel: 1e-9))
            if t <= 0.999 {
                let l = d.longitudinal(t: t)
                #expect(isClose(try d.longitudinalOmega(k: l.k), l.omega, rel: 1e-12))
            }
        }
    }

    @Test("k → 0: ω_T = ω_L = ωp and Z_T = Z_L = 1", arguments: vStars)
    func longWavelength(vStar: Double) throws {
        let d = try PlasmonDispersion(vStar: vStar)
        let t = d.transverse(t: 0, oneMinusT2: 1), l = d.longitudinal(t: 0)
        #expect(t.omega == 1 && l.omega == 1)
        #expect(isClose(t.residue, 1, rel: 1e-15) && isClose(l.residue, 1, rel: 1e-15))
        // T and L per-polarisation decay integrands Z K⁶ coincide as k → 0 (isotropy).
        let t2 = d.transverse(t: 1e-5, oneMinusT2: 1 - 1e-10), l2 = d.longitudinal(t: 1e-5)
        #expect(isClose(t2.residueTimesVirtuality * pow(t2.virtuality, 2), l2.residueTimesVirtuality * pow(l2.virtuality, 2), rel: 1e-8))
    }

    @Test("residues: derived covariant forms equal 1/∂D/∂ω² of the propagators and B&S's closed forms",
          arguments: vStars.filter { $0 > 0 })
    func residues(vStar: Double) throws {
        let d = try PlasmonDispersion(vStar: vStar)
        for t in [0.05, 0.3, 0.7, 0.95] {
            // Transverse: D_T(ω²) = ω² − k² − ωp² G_T(v*k/ω) at fixed k.
            let p = d.transverse(t: t, oneMinusT2: 1 - t * t)
            let k = p.k
            func dT(_ w2: Double) -> Double { w2 - k * k - transverseG(vStar * k / w2.squareRoot()).g }
            let h = 1e-6 * p.omega * p.omega
            let numeric = 1 / ((dT(p.omega * p.omega + h) - dT(p.omega * p.omega - h)) / (2 * h))
            #expect(isClose(numeric, p.residue, rel: 1e-7))
            #expect(isClose(d.braatenSegelTransverseResidue(omega: p.omega, k: k, virtuality: p.virtuality), p.residue, rel: 1e-12))
            // Longitudinal, covariant: D_L(ω²) = (ω² − k²)(1 − ωp² G_L(v*k/ω)/ω²) (field propagator).
            let l = d.longitudinal(t: t)
            let kl = l.k
            func dL(_ w2: Double) -> Double { (w2 - kl * kl) * (1 - longitudinalG(vStar * kl / w2.squareRoot()).g / w2) }
            let hl = 1e-6 * l.omega * l.omega
            let numericL = 1 / ((dL(l.omega * l.omega + hl) - dL(l.omega * l.omega - hl)) / (2 * hl))
            #expect(isClose(numericL, l.residue, rel: 1e-6))
            // B&S's Z_l is the ε-convention residue: Z_L(covariant) = Z_l ω²/(ω² − k²).
            let zl = d.braatenSegelLongitudinalResidue(omega: l.omega, k: kl)
            #expect(isClose(zl * l.omega * l.omega / l.virtuality, l.residue, rel: 1e-12))
        }
    }

    @Test("cut-off k_max (B&S) and asymptotic transverse mass")
    func cutoffAndMass() throws {
        for v in Self.vStars where v > 0 {
            let d = try PlasmonDispersion(vStar: v)
            let bs = (3 / (v * v) * (atanh(v) / v - 1)).squareRoot()   // k_max/ωp, B&S
            #expect(isClose(d.longitudinalCutoff, bs, rel: 1e-12))
            let end = d.longitudinal(t: 1)
            #expect(isClose(end.k, end.omega, rel: 1e-15) && isClose(end.k, bs, rel: 1e-12))
            // ω_T² − k² → m∞² at large k
            let (_, s) = try d.transverseSolution(k: 1e6)
            #expect(isClose(s, pow(d.transverseAsymptoticMass, 2), rel: 1e-6))
        }
        #expect(isClose(try PlasmonDispersion(vStar: 0).longitudinalCutoff, 1, rel: 1e-15))
        // Relativistic limit: m∞² → 3ωp²/2, k_max → ∞ logarithmically.
        #expect(isClose(pow(try PlasmonDispersion(vStar: 0.999999).transverseAsymptoticMass, 2), 1.5, rel: 1e-4))
        #expect(throws: PlasmaError.self) { try PlasmonDispersion(vStar: 1) }
    }
}
