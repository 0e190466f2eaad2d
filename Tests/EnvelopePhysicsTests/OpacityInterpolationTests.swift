import Foundation
import Testing
@testable import EnvelopePhysics

/// How good and how smooth the interpolation is.
@Suite("Opacity interpolation: leave-one-out errors, C¹ continuity, derivatives")
struct OpacityInterpolationTests {
    /// The q-quantile of |e|.
    static func quantile(_ e: [Double], _ q: Double) -> Double {
        let a = e.map(abs).sorted()
        return a.isEmpty ? 0 : a[min(a.count - 1, Int(q * Double(a.count)))]
    }

    static func stats(_ e: [Double]) -> (max: Double, rms: Double) {
        (e.map(abs).max() ?? 0, (e.map { $0 * $0 }.reduce(0, +) / Double(max(e.count, 1))).squareRoot())
    }

    /// The building blocks on functions with known answers: the 3-point-slope Hermite reproduces any
    /// quadratic exactly (its slopes are exact for parabolas), and the natural spline any straight line;
    /// the Hermite weights sum to 1 and its first derivative is continuous at the nodes.
    @Test("1-D pieces: Hermite stencil exact for quadratics on non-uniform nodes, natural spline exact for lines")
    func buildingBlocks() {
        let nodes = [-4.0, -3.7, -3.4, -2.96, -2.7, -2.4, -2.0, -1.7, -1.5, -1.4, -1.22, -1.1, -1.0]
        let q = { (u: Double) in 0.3 - 1.7 * u + 0.45 * u * u }
        let stencil = OpacityHermiteStencil(nodes: nodes)
        let values = nodes.map(q)
        var worst = 0.0
        for i in 0...600 {
            let u = -4 + 3 * Double(i) / 600
            worst = max(worst, abs(stencil.value(at: u, values) - q(u)))
            let w = stencil.weights(at: u).w
            #expect(abs(w.0 + w.1 + w.2 + w.3 - 1) < 1e-12)
        }
        #expect(worst < 1e-12)
        // A cubic is not reproduced (the scheme is second-order in the slopes): the check can fail.
        let cubic = nodes.map { $0 * $0 * $0 }
        #expect(abs(stencil.value(at: -3.55, cubic) - pow(-3.55, 3)) > 1e-6)
        // Slopes from the left and the right of an interior node agree (C¹).
        let f = nodes.map { sin(3 * $0) }
        for k in 1..<(nodes.count - 1) {
            let h = 1e-7
            let left = (stencil.value(at: nodes[k], f) - stencil.value(at: nodes[k] - h, f)) / h
            let right = (stencil.value(at: nodes[k] + h, f) - stencil.value(at: nodes[k], f)) / h
            #expect(abs(left - right) < 1e-4)
        }
        let line = nodes.map { 2 - 0.5 * $0 }
        #expect(abs(OpacitySpline.naturalValue(x: nodes, y: line, at: -2.33) - (2 + 0.5 * 2.33)) < 1e-12)
        #expect(OpacitySpline.naturalSlopes(x: nodes, y: { line[$0] }).allSatisfy { abs($0 + 0.5) < 1e-12 })
    }

    /// Leave-one-out along log T and along log R on the table values: on a grid line the bicubic spline *is*
    /// the 1-D natural spline, so dropping node k and interpolating the rest at k measures the
    /// interpolation error at twice the local spacing. That is an upper estimate, ~2⁴ = 16× the true
    /// error where the function is smooth. Domain: log T 3.75–8, log R −8…1, interior nodes.
    @Test("leave-one-out in log T and log R (OPAL above log T 3.88, Ferguson below): max and rms in dex")
    func leaveOneOutRT() throws {
        var errT: [Double] = [], errR: [Double] = [], errTlinear: [Double] = [], errRlinear: [Double] = []
        for (z, x) in [("0.02", "0.7"), ("0.001", "0.7"), ("0.02", "0.0"), ("0.0001", "0.9"), ("0.04", "0.35")] {
            for (family, lo, hi) in [("gs98", OpacityTables.blendUpperLogT, 8.0), ("lowT_fa05_gs98", 3.75, OpacityTables.blendLowerLogT)] {
                let table = try OpacityTestData.raw(family, z: z, x: x)
                let nR = table.logR.count, nT = table.logT.count
                for iR in 0..<nR {
                    let column = (0..<nT).map { table.logKappa[$0 * nR + iR] }
                    for k in 1..<(nT - 1) where table.logT[k] >= lo && table.logT[k] <= hi {
                        var xs = table.logT, ys = column
                        xs.remove(at: k); ys.remove(at: k)
                        errT.append(OpacitySpline.naturalValue(x: xs, y: ys, at: table.logT[k]) - column[k])
                        let a = (table.logT[k] - xs[k - 1]) / (xs[k] - xs[k - 1])
                        errTlinear.append((1 - a) * ys[k - 1] + a * ys[k] - column[k])
                    }
                }
                for iT in 0..<nT where table.logT[iT] >= lo && table.logT[iT] <= hi {
                    let row = Array(table.logKappa[(iT * nR)..<((iT + 1) * nR)])
                    for k in 1..<(nR - 1) {
                        var xs = table.logR, ys = row
                        xs.remove(at: k); ys.remove(at: k)
                        errR.append(OpacitySpline.naturalValue(x: xs, y: ys, at: table.logR[k]) - row[k])
                        errRlinear.append(0.5 * (ys[k - 1] + ys[k]) - row[k])
                    }
                }
            }
        }
        let t = Self.stats(errT), r = Self.stats(errR)
        print("opacity leave-one-out log T: \(errT.count) nodes, max \(t.max) dex, rms \(t.rms) dex")
        print("opacity leave-one-out log R: \(errR.count) nodes, max \(r.max) dex, rms \(r.rms) dex")
        let tl = Self.stats(errTlinear), rl = Self.stats(errRlinear)
        print("opacity leave-one-out, linear interpolation for comparison: log T max \(tl.max) rms \(tl.rms); log R max \(rl.max) rms \(rl.rms)")
        let q = [0.5, 0.9, 0.99]
        print("opacity leave-one-out quantiles 50/90/99 %: log T spline \(q.map { Self.quantile(errT, $0) }) linear \(q.map { Self.quantile(errTlinear, $0) })")
        print("opacity leave-one-out quantiles 50/90/99 %: log R spline \(q.map { Self.quantile(errR, $0) }) linear \(q.map { Self.quantile(errRlinear, $0) })")
        #expect(t.rms < 0.03 && r.rms < 0.015)
        #expect(t.max < 1.5 && r.max < 1.0)
        // The spline wins on the bulk of the nodes. Where a table changes abruptly (ionisation edges,
        // molecule formation) it overshoots, so its rms need not beat linear (Docs: traps).
        #expect(Self.quantile(errT, 0.5) < Self.quantile(errTlinear, 0.5) && Self.quantile(errR, 0.5) < Self.quantile(errRlinear, 0.5))
        #expect(Self.quantile(errT, 0.9) < Self.quantile(errTlinear, 0.9) && Self.quantile(errR, 0.9) < Self.quantile(errRlinear, 0.9))
    }

    /// Leave-one-out in X (ξ = X/(1−Z)) and in Z (ζ = log(Z + 10⁻⁴)) with the Hermite stencils, at all
    /// (log R, log T) nodes of the OPAL and Ferguson tables in the stellar domain.
    @Test("leave-one-out in X and in Z at every (log R, log T) node: max and rms in dex, ζ = log(Z+1e-4) beats linear Z")
    func leaveOneOutXZ() throws {
        let t = try #require(OpacityTestData.gs98)
        var errX: [Double] = [], errZ: [Double] = [], errZlinear: [Double] = [], errXhot: [Double] = [], errXlinear: [Double] = []
        for family in [t.opal, t.lowT] {
            let high = family.name == t.opal.name
            for (iT, logT) in family.logT.enumerated()
            where logT >= 3.75 && logT <= 8 && (high ? logT >= OpacityTables.blendUpperLogT : logT <= OpacityTables.blendLowerLogT) {
                for iR in 0..<family.nR {
                    func f(_ table: Int) -> Double { family.node[((iT * family.nTables + table) * family.nR + iR) * 4] }
                    // X at each Z: drop interior node j.
                    for (k, z) in t.zNodes.enumerated() {
                        let xi = t.xNodes[k].map { $0 / (1 - z) }
                        let values = (0..<xi.count).map { f(t.zStart[k] + $0) }
                        for j in 1..<(xi.count - 1) {
                            var nx = xi, nv = values
                            nx.remove(at: j); nv.remove(at: j)
                            let e = OpacityHermiteStencil(nodes: nx).value(at: xi[j], nv) - values[j]
                            errX.append(e)
                            if logT >= 4.5 { errXhot.append(e) }
                            let a = (xi[j] - nx[j - 1]) / (nx[j] - nx[j - 1])
                            errXlinear.append((1 - a) * nv[j - 1] + a * nv[j] - values[j])
                        }
                    }
                    // Z at X = 0, 0.35, 0.7 (tables present at every Z): drop interior Z node k.
                    for xIndex in [0, 3, 5] {
                        let values = (0..<t.zNodes.count).map { f(t.zStart[$0] + xIndex) }
                        let zeta = t.zNodes.map { log10($0 + OpacityTables.zOffset) }
                        for k in 1..<(t.zNodes.count - 1) {
                            var nz = zeta, nl = t.zNodes, nv = values
                            nz.remove(at: k); nl.remove(at: k); nv.remove(at: k)
                            errZ.append(OpacityHermiteStencil(nodes: nz).value(at: zeta[k], nv) - values[k])
                            errZlinear.append(OpacityHermiteStencil(nodes: nl).value(at: t.zNodes[k], nv) - values[k])
                        }
                    }
                }
            }
        }
        let x = Self.stats(errX), z = Self.stats(errZ), zl = Self.stats(errZlinear)
        print("opacity leave-one-out X: \(errX.count) cases, max \(x.max) dex, rms \(x.rms) dex")
        print("opacity leave-one-out Z (ζ = log(Z+1e-4)): \(errZ.count) cases, max \(z.max) dex, rms \(z.rms) dex")
        print("opacity leave-one-out Z (linear in Z, for comparison): max \(zl.max) dex, rms \(zl.rms) dex")
        let xh = Self.stats(errXhot), xl = Self.stats(errXlinear)
        let q = [0.5, 0.9, 0.99]
        print("opacity leave-one-out quantiles 50/90/99 %: X \(q.map { Self.quantile(errX, $0) }), X linear \(q.map { Self.quantile(errXlinear, $0) }), Z \(q.map { Self.quantile(errZ, $0) })")
        print("opacity leave-one-out X at log T ≥ 4.5: max \(xh.max) dex, rms \(xh.rms) dex; X linear in ξ (all): max \(xl.max), rms \(xl.rms)")
        #expect(x.rms < 0.12 && xh.rms < 0.03 && z.rms < 0.015)
        #expect(z.rms < zl.rms && x.rms < xl.rms)
    }

    /// The returned derivatives against central differences of κ itself, at random points including
    /// the blend window and extrapolated log R.
    @Test("∂ln κ/∂ln ρ and ∂ln κ/∂ln T match central differences of κ (random points, blend window included)")
    func derivatives() throws {
        let t = try #require(OpacityTestData.gs98)
        var state: UInt64 = 12345
        func u() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1.0p-53
        }
        var worst = 0.0
        let h = 1e-5
        for i in 0..<3000 {
            let logT = i % 3 == 0 ? 3.79 + 0.1 * u() : 2.75 + 5.9 * u()
            let logR = -7.9 + 9.8 * u()
            let x = 0.7 * u(), z = 0.03 * u()
            let logRho = logR + 3 * logT - 18
            let v = try t.radiative(logRho: logRho, logT: logT, x: x, z: z)
            let l = log(10.0)
            let rp = try t.radiative(logRho: logRho + h, logT: logT, x: x, z: z).kappa
            let rm = try t.radiative(logRho: logRho - h, logT: logT, x: x, z: z).kappa
            let tp = try t.radiative(logRho: logRho, logT: logT + h, x: x, z: z).kappa
            let tm = try t.radiative(logRho: logRho, logT: logT - h, x: x, z: z).kappa
            let dRho = log(rp / rm) / (2 * h * l), dT = log(tp / tm) / (2 * h * l)
            worst = max(worst, abs(dRho - v.dlnKappaDlnRho), abs(dT - v.dlnKappaDlnT))
        }
        print("opacity derivatives vs central differences: max |Δ| = \(worst)")
        #expect(worst < 1e-4)
    }

    @Test("C¹ across the blend window edges (log T 3.80, 3.88), across log R/log T cell edges and across X and Z nodes")
    func continuity() throws {
        let t = try #require(OpacityTestData.gs98)
        let eps = 1e-9
        var jumpK = 0.0, jumpD = 0.0
        func check(_ a: OpacityValue, _ b: OpacityValue) {
            jumpK = max(jumpK, abs(log(a.kappa / b.kappa)))
            jumpD = max(jumpD, abs(a.dlnKappaDlnRho - b.dlnKappaDlnRho), abs(a.dlnKappaDlnT - b.dlnKappaDlnT))
        }
        // Blend edges and log T cell edges, at several log R, at fixed log R (log ρ moves with log T).
        for edge in [OpacityTables.blendLowerLogT, OpacityTables.blendUpperLogT, 3.825, 5.3, 6.0, 8.0] {
            for logR in [-7.0, -4.3, -1.1, 0.6] {
                for (x, z) in [(0.7, 0.02), (0.3, 0.0005)] {
                    let a = try t.radiative(logRho: logR + 3 * (edge - eps) - 18, logT: edge - eps, x: x, z: z)
                    let b = try t.radiative(logRho: logR + 3 * (edge + eps) - 18, logT: edge + eps, x: x, z: z)
                    check(a, b)
                }
            }
        }
        print("opacity continuity across log T edges: |Δ ln κ| ≤ \(jumpK), |Δ derivative| ≤ \(jumpD)")
        #expect(jumpK < 1e-7 && jumpD < 1e-6)
        // X and Z: κ continuous, and ∂ln κ/∂X, ∂ln κ/∂Z continuous (one-sided differences from each side agree).
        var slopeJump = 0.0, slopeScale = 0.0
        let (lr, lt) = (-3.0, 5.31)
        func lnk(_ x: Double, _ z: Double) throws -> Double {
            log(try t.radiative(logRho: lr + 3 * lt - 18, logT: lt, x: x, z: z).kappa)
        }
        let d: Double = 1e-6
        // At Z = 0.015 the kinks in X sit where ξ = X/(1−Z) meets a node of the Z = 0.01 or 0.02 tables.
        let z: Double = 0.015
        var kinks: [Double] = []
        for node: Double in [0.1, 0.2, 0.35, 0.5, 0.7] {
            kinks.append(node * (1 - z) / 0.99)
            kinks.append(node * (1 - z) / 0.98)
        }
        for xNode in kinks {
            let c = try lnk(xNode, z)
            let left = (c - (try lnk(xNode - d, z))) / d, right = ((try lnk(xNode + d, z)) - c) / d
            slopeJump = max(slopeJump, abs(left - right)); slopeScale = max(slopeScale, abs(left))
        }
        for zNode in [0.001, 0.002, 0.004, 0.01, 0.02, 0.03] {
            let x = 0.6
            let h = d * zNode
            let c = try lnk(x, zNode)
            let left = (c - (try lnk(x, zNode - h))) / h, right = ((try lnk(x, zNode + h)) - c) / h
            slopeJump = max(slopeJump, abs(left - right) * zNode); slopeScale = max(slopeScale, abs(left) * zNode)
        }
        print("opacity C¹ in X and Z: max slope mismatch \(slopeJump) (slopes up to \(slopeScale))")
        #expect(slopeJump < 1e-3 * max(slopeScale, 1))
        // And without (X, Z) continuity, neighbouring X would jump: a sanity check that the check can fail.
        #expect(abs((try lnk(0.5, 0.02)) - (try lnk(0.7, 0.02))) > 1e-3)
    }
}
