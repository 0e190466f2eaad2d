import Foundation
import ModelData
import TestSupport
import Testing
@testable import Laboratory
import NeutrinoMixing

enum LabData {
    static let directory = StellarModelsFixture.directory
    static let pmnsEntry: PMNSParameters = {
        let f = try! directory.load(PMNSParameters.File.self, from: PMNSParameters.relativePath)
        return f.entries.first { $0.name == f.defaultEntry }!
    }()
    static let u = pmnsEntry.matrix
    static let solar = SolarOscillation(theta12Deg: pmnsEntry.theta12Deg, theta13Deg: pmnsEntry.theta13Deg, dm21Ev2: pmnsEntry.dm21Ev2!)
    static let spectra = try! NeutrinoSources.load(from: directory)
    static let shells = try! AtomicShells.load(from: directory)
}

@Suite struct StandardModelMomentTests {
    @Test func fujikawaShrock() throws {
        // 3.2e-19 μ_B (m/1 eV) (Fujikawa & Shrock 1980); exactly linear in m.
        let mu = try StandardModelMoment.diracMoment(massEV: 1)
        #expect(isClose(mu, 3.20e-19, rel: 0.005), "\(mu)")
        #expect(abs(try StandardModelMoment.diracMoment(massEV: 0.05) / mu - 0.05) < 1e-14)
        #expect(throws: LaboratoryError.self) { try StandardModelMoment.diracMoment(massEV: -1) }
    }
}

@Suite struct EffectiveMomentTests {
    func moments(_ file: MomentHypothesis.File) throws -> EffectiveMoments {
        EffectiveMoments(try MomentHypothesis.massBasis(file, pmns: LabData.u), pmns: LabData.u, solar: LabData.solar)
    }

    @Test func diagonalDiracGivesTheEntryForEveryExperiment() {
        let m = EffectiveMoments.diagonalDirac(2.5, pmns: LabData.u, solar: LabData.solar)
        for beam in EffectiveMoments.Beam.allCases where beam != .stellar {
            for e in [0.3, 0.862, 10] { #expect(abs(m.value(beam, energyMeV: e) - 2.5) < 1e-12, "\(beam) at \(e) MeV") }
        }
        // The stars see every pair: Σ|λ|² = 3 μ².
        #expect(abs(m.squared(.stellar) - 3 * 6.25) < 1e-12)
    }

    @Test func stellarSumIsBasisIndependent() throws {
        let flavour = MomentHypothesis.File(type: "dirac", basis: "flavour",
                                            magnetic: .init(re: [[1, 0.3, 0], [0.3, 2, -0.5], [0, -0.5, 0.7]], im: [[0, 0.2, 0.1], [-0.2, 0, 0], [-0.1, 0, 0]]),
                                            electric: nil, pmns: nil)
        let m = try MomentHypothesis.massBasis(flavour, pmns: LabData.u)
        #expect(abs(m.sumGivenBasis - m.sumOtherBasis) < 1e-12 * m.sumGivenBasis)
        #expect(abs(try moments(flavour).squared(.stellar) - m.sumGivenBasis) < 1e-12)
    }

    @Test func handComputedCases() throws {
        // Dirac, one mass-basis moment μ₁₁ = 1: reactor ν̄e sees |U_e1|², νμ sees |U_μ1|², solar Σ P_ek δ_k1 = P_e1.
        let one = MomentHypothesis.File(type: "dirac", basis: "mass", magnetic: .init(re: [[1, 0, 0], [0, 0, 0], [0, 0, 0]], im: nil), electric: nil, pmns: nil)
        let m = try moments(one)
        let u = LabData.u
        #expect(abs(m.squared(.reactorAntiNuE) - u.m[0][0].magnitudeSquared) < 1e-14)
        #expect(abs(m.squared(.acceleratorNuMu) - u.m[1][0].magnitudeSquared) < 1e-14)
        let p = LabData.solar.massStateProbabilities(energyMeV: 10, electronDensityNA: 100)
        #expect(abs(m.squared(.solarNuE, energyMeV: 10, electronDensityNA: 100) - p[0]) < 1e-14)
        // Dirac, a transition moment λ₁₂ only (λ₂₁ = 0): ν₂ → ν₁, so the reactor ν̄e sees |U_e2|² |λ₁₂|² and
        // so does a νe beam (the antineutrino amplitude is −λ*; a λᵀ rule would give |U_e1|²).
        let t12 = MomentHypothesis.File(type: "dirac", basis: "mass", magnetic: .init(re: [[0, 2, 0], [0, 0, 0], [0, 0, 0]], im: nil), electric: nil, pmns: nil)
        let mt = try moments(t12)
        #expect(abs(mt.squared(.reactorAntiNuE) - 4 * u.m[0][1].magnitudeSquared) < 1e-14)
        #expect(abs(mt.squared(.acceleratorNuE) - 4 * u.m[0][1].magnitudeSquared) < 1e-14)
        // μ and ε together interfere the same way for νe and ν̄e (μ₁₁ = 1, ε₁₁ = 1: |1 − i|² = 2).
        let both = MomentHypothesis.File(type: "dirac", basis: "mass", magnetic: .init(re: [[1, 0, 0], [0, 0, 0], [0, 0, 0]], im: nil),
                                         electric: .init(re: [[0, 0.5, 0], [0.5, 0, 0], [0, 0, 0]], im: nil), pmns: nil)
        let mb = try moments(both)
        #expect(abs(mb.squared(.reactorAntiNuE) - mb.squared(.acceleratorNuE)) < 1e-14)
        // Majorana, Λ = (0, 0, Λ₃): λ₁₂ = −λ₂₁ = Λ₃. Reactor: |Λ|² − |Σ U_ek Λₖ*|² = Λ₃²(1 − |U_e3|²);
        // solar: |Λ|² − Σ P_ek |Λₖ|² = Λ₃²(1 − P_e3). (The stellar sum counts the pair twice: 2Λ₃².)
        let maj = MomentHypothesis.File(type: "majorana", basis: "mass", magnetic: .init(re: [[0, 2, 0], [-2, 0, 0], [0, 0, 0]], im: nil), electric: nil, pmns: nil)
        let mm = try moments(maj)
        #expect(abs(mm.squared(.reactorAntiNuE) - 4 * (1 - u.m[0][2].magnitudeSquared)) < 1e-12)
        let p8 = LabData.solar.massStateProbabilities(energyMeV: 0.862, electronDensityNA: 90)
        #expect(abs(mm.squared(.solarNuE, energyMeV: 0.862, electronDensityNA: 90) - 4 * (1 - p8[2])) < 1e-12)
        #expect(abs(mm.squared(.stellar) - 8) < 1e-12)
        // An electric moment enters as λ = μ − iε: a pure ε₁₁ = 1 gives the same as μ₁₁ = 1.
        let eps = MomentHypothesis.File(type: "dirac", basis: "mass", magnetic: .init(re: [[0, 0, 0], [0, 0, 0], [0, 0, 0]], im: nil),
                                        electric: .init(re: [[1, 0, 0], [0, 0, 0], [0, 0, 0]], im: nil), pmns: nil)
        #expect(abs(try moments(eps).squared(.reactorAntiNuE) - u.m[0][0].magnitudeSquared) < 1e-14)
    }

    @Test func majoranaReactorMomentDependsOnPhasesSolarDoesNot() throws {
        // Λ = (1, e^{iφ}, 0): the reactor moment moves with φ, the solar one does not (Cañas et al. 2016).
        func file(_ phi: Double) -> MomentHypothesis.File {
            // λ₂₃ = Λ₁ = 1, λ₃₁ = Λ₂ = e^{iφ}.
            .init(type: "majorana", basis: "mass",
                  magnetic: .init(re: [[0, 0, -cos(phi)], [0, 0, 1], [cos(phi), -1, 0]], im: [[0, 0, -sin(phi)], [0, 0, 0], [sin(phi), 0, 0]]),
                  electric: nil, pmns: nil)
        }
        let a = try moments(file(0)), b = try moments(file(Double.pi))
        #expect(abs(a.squared(.reactorAntiNuE) - b.squared(.reactorAntiNuE)) > 0.1)
        #expect(abs(a.squared(.solarNuE) - b.squared(.solarNuE)) < 1e-12)
    }

    @Test func solarProbabilities() {
        let s = LabData.solar
        for e in [0.1, 0.862, 5, 10] {
            let p = s.massStateProbabilities(energyMeV: e, electronDensityNA: 90)
            #expect(isClose(p.reduce(0, +), 1, rel: 1e-14))
        }
        // Vacuum limit (β → 0): P_ee = c₁₃⁴(1 − ½ sin²2θ₁₂) + s₁₃⁴; high energy: νe ≈ ν₂, P_ee → c₁₃² s₁₂² c₁₃² + s₁₃⁴ region.
        let t12 = s.theta12, t13 = s.theta13
        let vacuum = pow(cos(t13), 4) * (1 - 0.5 * pow(sin(2 * t12), 2)) + pow(sin(t13), 4)
        #expect(abs(s.survival(energyMeV: 1e-4, electronDensityNA: 90) - vacuum) < 1e-4)
        let pee8B = s.survival(energyMeV: 10, electronDensityNA: 100)
        #expect(pee8B > 0.28 && pee8B < 0.36, "P_ee(10 MeV) = \(pee8B) (Borexino/SNO: ~0.3)")
        #expect(s.survival(energyMeV: 0.3, electronDensityNA: 80) > 0.53)
    }
}

@Suite struct ScatteringTests {
    @Test func textbookValues() {
        // s² = 0.2387, E = 1 MeV, T = 10 keV (science notes, derived from Vogel & Engel 1989 eqs. 1-2;
        // Tests/Scripts/laboratory_scattering.py).
        let x = ElectronScattering(magneticMoment: 1e-11)
        #expect(isClose(x.weak(energy: 1, recoil: 0.01, flavour: .antiNuE), 1.018e-44, rel: 2e-3))
        #expect(isClose(x.weak(energy: 1, recoil: 0.01, flavour: .nuE), 1.035e-44, rel: 2e-3))
        #expect(isClose(x.magnetic(energy: 1, recoil: 0.01), 2.47e-45, rel: 3e-3))
        #expect(isClose(ElectronScattering.magneticScale, 2.495e-25, rel: 1e-3))
    }

    @Test func magneticTermGoesAsOneOverT() {
        let x = ElectronScattering(magneticMoment: 1e-11)
        let e = 2.0
        for t in [1e-6, 1e-5, 1e-4] {
            // T dσ/dT → πα²/mₑ² μ² (1 − T/E) exactly.
            #expect(isClose(t * x.magnetic(energy: e, recoil: t), ElectronScattering.magneticScale * 1e-22 * (1 - t / e), rel: 1e-12))
        }
        // The weak term is flat at low T: the magnetic excess grows as 1/T.
        let w1 = x.weak(energy: e, recoil: 1e-5, flavour: .antiNuE), w2 = x.weak(energy: e, recoil: 1e-3, flavour: .antiNuE)
        #expect(isClose(w1, w2, rel: 0.01))
        #expect(x.magnetic(energy: e, recoil: 2 * ElectronScattering.maxRecoil(energy: e)) == 0)
    }

    @Test func chargeTermMatchesItsLowRecoilForm() {
        // Pure-charge part 2πα² q² / (mₑ T²) for T ≪ E; the interference is linear in q, so
        // [σ(q) + σ(−q)]/2 − σ(0) isolates the quadratic term.
        let q = 1e-12, e = 1.0, t = 3e-3
        let plus = ElectronScattering(charge: q).weak(energy: e, recoil: t, flavour: .antiNuE)
        let minus = ElectronScattering(charge: -q).weak(energy: e, recoil: t, flavour: .antiNuE)
        let zero = ElectronScattering().weak(energy: e, recoil: t, flavour: .antiNuE)
        let me = 0.51099895, alpha = 1 / 137.035999084, hbarc = 1.973269804e-11
        let expected = 2 * Double.pi * alpha * alpha * q * q / (me * t * t) * hbarc * hbarc
        #expect(isClose((plus + minus) / 2 - zero, expected, rel: 0.01))
        // GEMMA check (science notes): the charge term equals the magnetic one at T = 2.8 keV for
        // q ≈ 1.5e-12 when μ = 2.9e-11 μ_B.
        let tg = 2.8e-3
        let mag = ElectronScattering(magneticMoment: 2.9e-11).magnetic(energy: 3, recoil: tg)
        let qEq = (mag / (2 * Double.pi * alpha * alpha / (me * tg * tg) * hbarc * hbarc)).squareRoot()
        #expect(isClose(qEq, 1.5e-12, rel: 0.05), "q = \(qEq)")
    }

    @Test func stepsAndSpectra() throws {
        let ge = try LabData.shells.element("ge")
        #expect(ge.activeFraction(recoilKeV: 20) == 1)
        #expect(abs(ge.activeFraction(recoilKeV: 5) - 30.0 / 32) < 1e-12)
        #expect(ge.activeFraction(recoilKeV: 0.001) > 0 && ge.activeFraction(recoilKeV: 0.001) < 0.1)
        let r = LabData.spectra.reactor
        #expect(isClose(Simpson.integrate(0, r.maxEnergyMev, 2000) { r.perFission($0) }, 6, rel: 0.01))
        // GEMMA: 3 GWth at 13.9 m, measured 2.7e13 /cm²/s; this model: within 20 %.
        #expect(isClose(r.flux(powerGW: 3, distanceM: 13.9), 2.7e13, rel: 0.2))
        let s = LabData.spectra.solar
        #expect(isClose(Simpson.integrate(0, s.ppEndpointMev, 2000) { s.ppShape($0) }, 1, rel: 1e-4))   // √ end point
    }

    @Test func gemmaProjectionLandsNearThePublishedLimit() throws {
        // GEMMA (2013): 1.5 kg Ge, 2.7e13 /cm²/s, threshold 2.8 keV; ~2.5 counts/(keV kg day) background
        // (assumption), ~400 days ON with as much OFF. Published: 2.9e-11 μ_B (90 %). A counting estimate: factor 2.
        let rates = ScatteringRates(source: .reactor(flux: 2.7e13), spectra: LabData.spectra, target: try LabData.shells.element("ge"),
                                    oscillation: LabData.solar, scattering: ElectronScattering(magneticMoment: 1e-11))
        let p = try CountingProjection(thresholdKeV: 2.8, windowMaxKeV: 30, exposureKgDay: 600, background: 2.5, varianceFactor: 2)
        let r = try p.project(rates)
        #expect(r.reach > 2.9e-11 / 2 && r.reach < 2.9e-11 * 2, "reach \(r.reach)")
        // Lower threshold, same background: a better reach, but only slowly (the excess ∝ ln(T₂/T₁)).
        let low = try CountingProjection(thresholdKeV: 0.2, windowMaxKeV: 30, exposureKgDay: 600, background: 2.5, varianceFactor: 2).project(rates)
        #expect(low.reach < r.reach && low.reach > 0.4 * r.reach)
        // The reach scales as exposure^(-1/4).
        let big = try CountingProjection(thresholdKeV: 2.8, windowMaxKeV: 30, exposureKgDay: 9600, background: 2.5, varianceFactor: 2).project(rates)
        #expect(abs(big.reach / r.reach - 0.5) < 1e-6)
    }
}

@Suite struct LimitCatalogTests {
    @Test func catalogLoadsAndCompares() throws {
        let c = try MomentLimitCatalog.load(from: LabData.directory)
        for name in ["munu-2005", "texono-2007", "gemma-2013", "borexino-2017", "xenonnt-2022", "lz-data-2022", "conus-2022",
                     "raffelt-1990", "viaux-2013", "arceo-diaz-2019", "capozzi-raffelt-2020", "franz-2023"] {
            #expect(c.names.contains(name), "\(name)")
        }
        // The diagonal Dirac direction with entries μ: every experiment sees μ, the stars √3 μ.
        let m = EffectiveMoments.diagonalDirac(1, pmns: LabData.u, solar: LabData.solar)
        let cmp = LimitComparison(catalog: c, computedStellar: (name: "this-tool", limit: 2.3e-12, cl: 0.95), moments: m)
        #expect(cmp.rows.map(\.limit) == cmp.rows.map(\.limit).sorted())
        let xenon = try #require(cmp.rows.first { $0.name == "xenonnt-2022" })
        #expect(abs(xenon.matrixMoment! - 1e-12) < 1e-24 && xenon.passes == true)
        // Reach ratio for XENONnT: (6.4e-12 / (1/√3)) / 2.3e-12.
        #expect(abs(xenon.reachRatio! - 6.4e-12 * 3.0.squareRoot() / 2.3e-12) < 1e-9)
        let star = try #require(cmp.rows.first { $0.name == "this-tool" })
        #expect(abs(star.matrixMoment! - 3.0.squareRoot() * 1e-12) < 1e-24 && star.reachRatio == nil)
    }
}
