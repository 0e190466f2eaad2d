import Foundation
import RedGiantCore
import TestSupport
import Testing
@testable import TRGBBounds

/// Published limits reproduced with the papers' observational inputs and this tool's physics
/// (tolerances and the reasons for each difference: Docs/bounds.md §5). One test, so that the flash
/// tracks (~120, about 4 minutes in a debug build on 2 cores) are computed once and shared.
@Suite struct ReproductionTests {
    static func within(_ value: Double, _ published: Double, _ tolerance: Double) -> Bool {
        relativeDifference(value, published) <= tolerance
    }

    @Test func publishedLimits() throws {
        let data = TestData.data
        let runner = TrackRunner(relations: data.relations)
        let analysis = try BoundAnalysis(model: data.model, tables: data.tables, runner: runner)
        let names = ["m5-viaux2013", "omega-cen-cr2020", "ngc4258-cr2020"]
        let cals = names.map(TestData.calibration)
        let r95 = try analysis.run(cals, cl: 0.95)
        let r68 = try analysis.run(cals, cl: 0.68)
        let m5 = r95.results[0]

        // Viaux et al. 2013 predict M_I = −3.99 ± 0.07 for M5 with the PGPUC code.
        #expect(abs(m5.standard.mI - (-3.99)) < 0.07, "M5 standard tip \(m5.standard.mI)")
        // Viaux et al. 2013 (M5): μ₁₂ < 2.6 (68 %), < 4.5 (95 %); our full budget, Bayesian flat prior: 15 %.
        #expect(Self.within(r68.results[0].limits.bayesian, 2.6, 0.15), "M5 68 %: \(r68.results[0].limits.bayesian)")
        #expect(Self.within(m5.limits.bayesian, 4.5, 0.15), "M5 95 %: \(m5.limits.bayesian)")

        // Capozzi & Raffelt 2020 (95 %): ω Cen 1.2, NGC 4258 1.5. With the 0.07 mag stellar-theory error
        // (Viaux et al.'s, the only one we could read) in place of our budget: within 15 %.
        let cr = try analysis.with(.init(withBudget: false, extraTheoryError: 0.07)).run(Array(cals.dropFirst()), cl: 0.95)
        #expect(Self.within(cr.results[0].limits.bayesian, 1.2, 0.15), "ω Cen: \(cr.results[0].limits.bayesian)")
        #expect(Self.within(cr.results[1].limits.bayesian, 1.5, 0.15), "NGC 4258: \(cr.results[1].limits.bayesian)")
        // The bound report's reconciliation (issue 18 item 9) recomputes the same limits from the full-budget run's
        // M_I(μ₁₂) with σ_theory = 0.07: the same numbers as the run without the budget.
        for i in 0..<2 {
            let redone = BoundAnalysis.bayesianLimit(r95.results[i + 1], grid: r95.muGrid, cl: 0.95,
                                                     theoryError: BoundAnalysis.publishedTheoryError)
            #expect(redone.map { abs($0 - cr.results[i].limits.bayesian) < 1e-3 } == true, "\(String(describing: redone)) vs \(cr.results[i].limits.bayesian)")
        }
        // With our own budget (0.17 mag: Blouin conduction and the core edge dominate) the limits are
        // weaker by a factor 1.6–2.0: the documented difference, kept as a regression check.
        for (i, published) in [(1, 1.2), (2, 1.5)] {
            let ratio = r95.results[i].limits.bayesian / published
            #expect(ratio > 1.4 && ratio < 2.2, "\(names[i]) full budget / published = \(ratio)")
        }

        // The budget: the Blouin et al. 2020 conduction correction brightens the tip; a higher edge pressure
        // dims it; the total is the quadrature sum of the per-input maxima.
        let blouin = m5.budget.first { $0.name.contains("Blouin") }!
        let edgeP = m5.budget.first { $0.name.contains("c_P") }!
        #expect(blouin.deltaMI0 < -0.05 && edgeP.deltaMI0 > 0.05)
        let total = m5.categoryErrors.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        #expect(abs(total - m5.theoryError0) < 1e-12)
        // A combined limit is no weaker than the weakest single one.
        #expect(r95.combined!.bayesian <= r95.results.map(\.limits.bayesian).max()!)

        // Interpolation of the tip curve between μ₁₂ nodes, against direct tracks: < 0.01 mag.
        let base = analysis.spec(for: cals[0])
        let direct = try runner.run([base.with(mu12: 2.5), base.with(mu12: 7)])
        let interpolated = try m5.curve.sample([2.5, 7])
        for (d, mi) in zip(direct, interpolated) {
            let exact = try analysis.tip(logL: d.logTipLuminosity, analysis.photometryInputs(for: cals[0])).mI
            #expect(abs(exact - mi) < 0.01, "interpolated \(mi), track \(exact)")
        }

        // The millicharge through the same pipeline (Docs/millicharge.md §4): M5 with the full budget against
        // the literature's q < 2e-14 e (Raffelt 1999, from the helium-ignition delay): within 25 %. The μ = 0
        // and q = 0 tracks are the same tracks, so the standard tip is shared.
        let q = try analysis.with(.init(coupling: .millicharge)).run([cals[0]], cl: 0.95)
        let qm5 = q.results[0]
        #expect(q.coupling == .millicharge && qm5.standard.mI == m5.standard.mI)
        #expect(Self.within(qm5.limits.bayesian, 2.0, 0.25), "M5 q₁₄ < \(qm5.limits.bayesian) (95 %)")
        #expect(zip(qm5.curve.values, qm5.curve.values.dropFirst()).allSatisfy { $0 > $1 }, "the tip brightens with q")
        let qDirect = try runner.run([base.with(.millicharge, 0.6), base.with(.millicharge, 2.5)])
        for (d, mi) in zip(qDirect, try qm5.curve.sample([0.6, 2.5])) {
            let exact = try analysis.tip(logL: d.logTipLuminosity, analysis.photometryInputs(for: cals[0])).mI
            #expect(abs(exact - mi) < 0.01, "q₁₄ curve: interpolated \(mi), track \(exact)")
        }

        // The axion–electron coupling (Docs/axion.md §4): Capozzi & Raffelt 2020's g_ae limits (95 %: ω Cen 1.3,
        // NGC 4258 1.6) with the same 0.07 mag theory error, within 10 %, and their ratio to the μν limits of the
        // same run against the paper's (1.3/1.2 = 1.08, 1.6/1.5 = 1.07), within 8 %: a test of the tip's relative
        // response to the two channels that no single limit gives.
        let ax = try analysis.with(.init(withBudget: false, coupling: .axionElectron, extraTheoryError: 0.07))
            .run(Array(cals.dropFirst()), cl: 0.95)
        #expect(ax.coupling == .axionElectron)
        for (i, published, publishedRatio) in [(0, 1.3, 1.3 / 1.2), (1, 1.6, 1.6 / 1.5)] {
            let g = ax.results[i].limits.bayesian
            #expect(Self.within(g, published, 0.10), "\(names[i + 1]) g₁₃ < \(g)")
            let ratio = g / cr.results[i].limits.bayesian
            #expect(Self.within(ratio, publishedRatio, 0.08), "\(names[i + 1]) g₁₃/μ₁₂ limits \(ratio) vs \(publishedRatio)")
        }
        #expect(zip(ax.results[0].curve.values, ax.results[0].curve.values.dropFirst()).allSatisfy { $0 > $1 }, "the tip brightens with g₁₃")
    }
}
