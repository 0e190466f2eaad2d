import EnvelopePhysics
import Foundation
import Henyey
import Microphysics
import Testing
@testable import WholeStar

/// The Jacobian of the whole-star equations: the linearised perturbed cell states (`StarCellPhysics.evaluateLinearised`,
/// `StarJacobian.linearised`) against forward differences of `evaluate`, and the neighbour columns the solver skips.
struct StarJacobianTests {
    /// κ and ε_nuc of the perturbed states come from the opacity's and the network's own derivatives: their slopes
    /// (perturbed − state)/h must match forward differences of full evaluations to the differences' O(h) error; the EOS
    /// part and ε_ν are evaluated at the perturbed points, so they agree exactly.
    @Test("linearised perturbed cell states: κ and ε_nuc slopes match forward differences, the EOS and ε_ν exactly")
    func linearisedSlopes() throws {
        let micro = try #require(zamsMicrophysics)
        let physics = StarCellPhysics(micro: micro, burning: .initial, energy: StarEnergyPhysics())
        let h = 1e-7
        // (log ρ, log T, X): the hydrogen-ionisation zone, the envelope, the Sun's centre, a pp and a CNO shell cell, and
        // a degenerate helium core near ignition (conduction, neutrinos).
        for (logRho, logT, x) in [(-6.0, 4.0, 0.75), (-2.0, 5.5, 0.75), (2.0, 7.2, 0.3), (1.0, 7.4, 0.2), (5.3, 7.9, 0.0)] {
            var a = try micro.metals.networkAbundances(hydrogen: 0.75, metals: 0.001)
            a[.he4] += a[.h1] - x
            a[.h1] = x
            let c = try StarCellComposition(a, micro: micro)
            let lnRho = logRho * M_LN10, lnT = logT * M_LN10
            let (s, r, t) = try physics.evaluateLinearised(lnRho: lnRho, lnT: lnT, eta: nil, composition: c, burning: nil,
                                                           step: h)
            let s0 = try physics.evaluate(lnRho: lnRho, lnT: lnT, eta: nil, composition: c)
            let r0 = try physics.evaluate(lnRho: lnRho + h, lnT: lnT, eta: s0.eta, composition: c)
            let t0 = try physics.evaluate(lnRho: lnRho, lnT: lnT + h, eta: s0.eta, composition: c)
            let at = "log ρ \(logRho), log T \(logT), X \(x)"
            for (name, f) in [("ln κ", { (c: StarCellState) in log(c.kappa) }), ("ε_nuc", { $0.eps })] as [(String, (StarCellState) -> Double)] {
                for (p, p0, dir) in [(r, r0, "ρ"), (t, t0, "T")] {
                    let lin = (f(p) - f(s)) / h, diff = (f(p0) - f(s0)) / h
                    let scale = max(abs(lin), name == "ε_nuc" ? 1e-6 * max(abs(s.eps), 1e-30) / h : 1e-3)
                    #expect(abs(lin - diff) <= 1e-4 * scale, "∂\(name)/∂ln \(dir) at \(at): \(lin) vs differenced \(diff)")
                }
            }
            #expect(s.lnP == s0.lnP && r.lnP == r0.lnP && t.lnP == t0.lnP && t.cP == t0.cP && r.chiT == r0.chiT, "EOS at \(at)")
            #expect(s.epsNeutrino == s0.epsNeutrino && t.epsNeutrino == t0.epsNeutrino && r.epsHelium == r0.epsHelium, "ε_ν at \(at)")
        }
        // The core cell's ε_ν and ε_3α are not zero (the comparison above is not vacuous there).
        #expect(try physics.evaluate(lnRho: 5.3 * M_LN10, lnT: 7.9 * M_LN10, eta: nil,
                                     composition: StarCellComposition(micro.metals.networkAbundances(hydrogen: 0, metals: 0.001), micro: micro)).epsNeutrino > 0)
    }

    /// With the tabulated EOS the perturbed states' EOS part comes from one lookup with the interpolant's second
    /// derivatives (`EnvelopeEOSTable.stateAndCurvature`): ln P, χ_ρ, χ_T, c_P, ∇_ad and η of the perturbed states
    /// match the table evaluated at the perturbed points to O(h²) (slopes to ~h), in a small table around a
    /// hydrogen shell and a helium core (debug builds are slow: the whole-star grid is measured in release).
    @Test("linearised perturbed cell states with the EOS table: the EOS slopes match the table's forward differences")
    func linearisedTableSlopes() throws {
        let micro = try #require(zamsMicrophysics)
        let grid = EnvelopeEOSTable.Grid(logRMin: -4, logRMax: -2, logRStep: 0.05, logTMin: 7.2, logTMax: 7.5,
                                         logTStep: 0.02, hydrogen: [0, 0.1, 0.3, 0.5], metals: 0.001)
        let table = try EnvelopeEOSTable(grid: grid)
        let physics = StarCellPhysics(micro: micro, burning: .initial, energy: StarEnergyPhysics(), eosTable: table)
        let h = 1e-6
        // (log R, log T, X): inside cells, X between nodes and on one (0.3).
        for (logR, logT, x) in [(-3.013, 7.333, 0.2), (-2.57, 7.41, 0.3), (-3.61, 7.251, 0.05)] {
            var a = try micro.metals.networkAbundances(hydrogen: 0.75, metals: 0.001)
            a[.he4] += a[.h1] - x
            a[.h1] = x
            let c = try StarCellComposition(a, micro: micro)
            let lnT = logT * M_LN10, lnRho = (logR + 3 * logT - 18) * M_LN10
            let (s, r, t) = try physics.evaluateLinearised(lnRho: lnRho, lnT: lnT, eta: nil, composition: c, burning: nil,
                                                           step: h)
            let s0 = try physics.evaluate(lnRho: lnRho, lnT: lnT, eta: nil, composition: c)
            let r0 = try physics.evaluate(lnRho: lnRho + h, lnT: lnT, eta: s0.eta, composition: c)
            let t0 = try physics.evaluate(lnRho: lnRho, lnT: lnT + h, eta: s0.eta, composition: c)
            // The table covers the point (else both paths would use the direct EOS and agree trivially).
            let direct = try StarCellPhysics(micro: micro, burning: .initial, energy: StarEnergyPhysics())
                .evaluate(lnRho: lnRho, lnT: lnT, eta: nil, composition: c)
            #expect(abs(c.hydrogen - x) < 1e-12 && s0.lnP != direct.lnP && abs(s0.lnP - direct.lnP) < 1e-3, "X \(c.hydrogen), ln P \(s0.lnP) vs \(direct.lnP)")
            #expect(s.lnP == s0.lnP && s.chiT == s0.chiT && s.cP == s0.cP && s.gradAd == s0.gradAd)
            let at = "log R \(logR), log T \(logT), X \(x)"
            let quantities: [(String, (StarCellState) -> Double)] = [("ln P", { $0.lnP }), ("χ_ρ", { $0.chiRho }), ("χ_T", { $0.chiT }),
                                                                     ("ln c_P", { log($0.cP) }), ("∇_ad", { $0.gradAd }), ("η", { $0.eta })]
            for (name, f) in quantities {
                for (p, p0, dir) in [(r, r0, "ρ"), (t, t0, "T")] {
                    let lin = (f(p) - f(s)) / h, diff = (f(p0) - f(s0)) / h
                    #expect(abs(lin - diff) <= 1e-4 * max(abs(lin), 1e-2), "∂\(name)/∂ln \(dir) at \(at): \(lin) vs differenced \(diff)")
                }
            }
        }
    }

    /// On a real model (the standard star's relaxed starting model, 100 cells): the neighbour columns
    /// `StarEquations.neighbourResiduals` declares zero are exactly zero under differencing, and Newton from a
    /// disturbed guess converges to the same model with either Jacobian in no more iterations with the linearised one
    /// than one more than with the differenced one.
    @Test("whole-star Jacobian: the skipped neighbour columns are exactly zero; linearised and differenced converge alike")
    func jacobianOnModel() throws {
        let micro = try #require(zamsMicrophysics)
        var settings = StarEvolutionSettings()
        settings.cells = 100
        let star = try StarEvolution(mass: 0.8, hydrogen: 0.754, metallicity: 0.001, mixingLength: 1.9, settings: settings,
                                     microphysics: micro)
        let eq = star.equations, n = eq.cellCount, m = StarUnknown.count
        var x = star.x
        try x.withUnsafeBufferPointer { try eq.prepare($0.baseAddress!) }
        var base = [Double](repeating: 0, count: m), moved = base
        var checked = 0
        x.withUnsafeMutableBufferPointer { xp in
            let p = xp.baseAddress!
            for j in stride(from: 1, to: n - 1, by: 7) {
                for v in 0..<m {
                    for offset in [-1, 1] where !eq.neighbourResiduals(offset: offset, dependOn: v) {
                        let k = j + offset
                        eq.residual(cell: k, p, into: &base)
                        let saved = p[m * j + v]
                        // As the solver differences: the unknown moved, the cell's cached state switched to its
                        // perturbed copy (`perturb`), then both put back.
                        p[m * j + v] = saved + 1e-4
                        eq.perturb(cell: j, unknown: v, UnsafePointer(p))
                        eq.residual(cell: k, p, into: &moved)
                        #expect(moved == base, "cell \(k)'s residuals moved with unknown \(v) of cell \(j)")
                        p[m * j + v] = saved
                        eq.restore(cell: j)
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 50)
        // Newton from ln T × (1 + 10⁻³) back to the relaxed model with either Jacobian.
        var results = [(x: [Double], iterations: Int)]()
        for jacobian in [StarJacobian.differenced, .linearised] {
            eq.jacobian = jacobian
            var guess = star.x
            for k in 0..<n { guess[StarUnknown.lnT.at(k)] *= 1 + 1e-3 }
            let iterations = try star.solver.solve(eq, &guess)
            results.append((guess, iterations))
        }
        let worst = zip(results[0].x, results[1].x).map { abs($0 - $1) / max(1, abs($0)) }.max() ?? .infinity
        #expect(worst < 1e-5, "largest scaled difference \(worst)")
        #expect(results[1].iterations <= results[0].iterations + 1, "iterations \(results[1].iterations) vs \(results[0].iterations)")
    }
}
