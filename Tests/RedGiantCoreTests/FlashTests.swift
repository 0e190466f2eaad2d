import Foundation
import GSL
import ModelData
import Plasma
import TestSupport
import Testing
@testable import Microphysics
@testable import RedGiantCore

/// Shared tracks (each is run once per test process; Swift's static initialisation is thread-safe).
enum Tracks {
    static let relations: CoreEdgeRelations = {
        try! StellarModelsFixture.directory.load(CoreEdgeRelations.File.self, from: CoreEdgeRelations.relativePath)
            .entry(named: CoreEdgeRelations.defaultName)
    }()

    static func run(_ star: StarParameters = .standard, physics: CorePhysics = CorePhysics(),
                    _ adjust: (inout FlashSettings) -> Void = { _ in }) -> FlashResult {
        var s = FlashSettings()
        adjust(&s)
        return try! FlashIntegrator(star: star, physics: physics, relations: relations, settings: s).run()
    }

    /// The standard star run past the flash to L_He = 10³ L☉ (the history gives every lower threshold).
    static let standard = run { $0.flashThreshold = 1e3 }
    static let solar = try! StarParameters(mass: 1.0, helium: 0.27, metallicity: 0.017)

    /// Core mass where L_He first crosses `threshold` (log-linear between steps), from a history.
    static func coreMass(at threshold: Double, in history: [FlashHistoryRow]) -> Double? {
        for i in 1..<history.count where history[i].heliumLuminosity >= threshold {
            let a = history[i - 1], b = history[i]
            let f = (log(threshold) - log(a.heliumLuminosity)) / (log(b.heliumLuminosity) - log(a.heliumLuminosity))
            return a.coreMass + f * (b.coreMass - a.coreMass)
        }
        return nil
    }
    static var standardAt10: Double { coreMass(at: 10, in: standard.history)! }
}

@Suite("Core mesh")
struct CoreMeshTests {
    @Test("mesh: increasing fractions ending at 1, crowded towards the edge")
    func mesh() {
        let (q, dq) = CoreMesh.faces(cells: 160, crowding: 0.03, epsilon: 1e-7)
        #expect(q.last == 1)
        #expect(zip(q.dropFirst(), q).allSatisfy { $0 > $1 })
        #expect(isClose(dq.reduce(0, +), 1, rel: 1e-14))
        #expect(dq.last! < 1e-5 && dq.last! > 1e-9, "outermost cell \(dq.last!)")
    }
}

@Suite("Core-edge relations (StellarModels/core-edge/relations.json)")
struct CoreEdgeRelationTests {
    let r = Tracks.relations

    @Test("Hurley et al. 2000: L = D M_c⁶ with D = 10^5.37 at Z = 0.02 on the upper giant branch")
    func hurley() {
        let l = r.shellLuminosity(coreMass: 0.45, totalMass: 0.8, metallicity: 0.02) / CoreEdgeRelations.solarLuminosity
        #expect(isClose(l, pow(10, 5.37) * pow(0.45, 6), rel: 1e-12))
        let lz = r.shellLuminosity(coreMass: 0.45, totalMass: 0.8, metallicity: 0.002) / CoreEdgeRelations.solarLuminosity
        #expect(abs(log10(l / lz) - 0.135) < 1e-12)
        // M_HeF(Z = 0.02) = 1.995 M☉ (eq. 2).
        #expect(abs(r.flashMassLimit(metallicity: 0.02) - 1.995) < 1e-12)
    }

    @Test("E_H = 25.03 MeV per 4 m_H ≈ 5.99e18 erg/g; Hurley's A_H = 1.585e-5 M☉/(L☉ Myr) ↔ X E_H = 3.83e18")
    func growth() {
        #expect(isClose(r.energyPerGramHydrogen, 5.99e18, rel: 0.002))
        let aH = 1 / (0.64 * r.energyPerGramHydrogen) * CoreEdgeRelations.solarLuminosity * 3.15576e13 / CoreEdgeRelations.solarMass
        #expect(isClose(aH, 1.585e-5, rel: 0.01))
    }

    @Test("radiative-zero homology: T ∝ μ M_c / r exactly; P_edge/P_rad = L_Edd/L_H")
    func homology() {
        let mc = 0.45 * CoreEdgeRelations.solarMass
        let t1 = r.lnEdgeTemperature(coreMassGrams: mc, radius: 1e9, envelopeMu: 0.6)
        let t2 = r.lnEdgeTemperature(coreMassGrams: mc, radius: 2e9, envelopeMu: 0.6)
        #expect(abs(t1 - t2 - log(2)) < 1e-12)
        // μ m_u G M/(4 k r) by hand.
        let expected = 0.6 * 1.660_539_066_60e-24 * 6.674_30e-8 * mc / (4 * 1.380_649e-16 * 1e9)
        #expect(isClose(exp(t1), expected, rel: 1e-12))
        let lh = 1000 * CoreEdgeRelations.solarLuminosity
        let lnP = r.lnEdgePressure(lnEdgeTemperature: t1, coreMassGrams: mc, shellLuminosity: lh, envelopeHydrogen: 0.7)
        // a = 4σ/c from the exact SI h, k, c: 7.565 733 250 280 × 10⁻¹⁵ (CODATA prints it truncated to 7.565 733 250).
        let pRad = 7.565_733_250_280e-15 * pow(exp(t1), 4) / 3
        let lEdd = 4 * Double.pi * 2.997_924_58e10 * 6.674_30e-8 * mc / (0.2 * 1.7)
        #expect(isClose(exp(lnP) / pRad, lEdd / lh, rel: 1e-12))
    }

    @Test("an unknown entry lists the available ones; a non-physical coefficient names its field")
    func badData() throws {
        let file = CoreEdgeRelations.File(description: "", relations: [r])
        #expect(throws: FlashError.unknownRelations(name: "nope", available: [r.name])) { try file.entry(named: "nope") }
        var bad = r
        bad.temperature.coefficient = -1
        #expect(throws: FlashError.self) { try bad.check() }
        do { try bad.check() } catch { #expect("\(error)".contains("temperature.coefficient")) }
    }
}

@Suite("Flash integrator: validation against full evolution codes")
struct FlashValidationTests {
    @Test("standard old metal-poor star (0.8 M☉, Y = 0.245, Z = 1e-3): M_c at the flash in 0.48–0.50 M☉ (full codes)")
    func standardCoreMass() {
        let r = Tracks.run()
        #expect(r.status == .flashed)
        #expect(r.coreMass > 0.48 && r.coreMass < 0.50, "M_c = \(r.coreMass)")
        #expect(r.steps < 1000)
    }

    @Test("ignition off-centre near 0.2 M☉ at T ≈ 1e8 K and ρ ~ 1e5–1e6 (Straniero et al. 2020; Mocák et al. 2008)")
    func ignitionPoint() {
        let r = Tracks.run()
        #expect(r.ignitionMass > 0.15 && r.ignitionMass < 0.3, "m_ign = \(r.ignitionMass)")
        #expect(r.ignitionTemperature > 0.8e8 && r.ignitionTemperature < 1.2e8)
        #expect(r.ignitionDensity > 1e5 && r.ignitionDensity < 1e6)
        #expect(r.centralDensity > 5e5 && r.centralDensity < 2e6)
        #expect(r.centralTemperature < r.ignitionTemperature, "the maximum is off-centre")
    }

    @Test("the flash threshold does not matter: L_He = 10, 100, 1000 L☉ give M_c within 0.001 M☉")
    func threshold() throws {
        let h = Tracks.standard.history
        let m10 = try #require(Tracks.coreMass(at: 10, in: h)), m100 = try #require(Tracks.coreMass(at: 100, in: h))
        let m1000 = try #require(Tracks.coreMass(at: 1000, in: h))
        #expect(abs(m100 - m10) < 0.001 && abs(m1000 - m10) < 0.001, "\(m10) \(m100) \(m1000)")
        // The run to 10³ L☉ and a run stopped at 10 L☉ agree (the stopping rule does not feed back).
        #expect(abs(Tracks.run().coreMass - m10) < 1e-9)
    }

    @Test("the core mass at the flash falls with Z (Hurley et al. 2000 comparison: −0.013 M☉/dex) and with Y")
    func trends() throws {
        let base = Tracks.standardAt10
        let lowZ = Tracks.run(try StarParameters(mass: 0.8, helium: 0.245, metallicity: 1e-4)).coreMass
        let highZ = Tracks.run(try StarParameters(mass: 0.8, helium: 0.245, metallicity: 1e-2)).coreMass
        let highY = Tracks.run(try StarParameters(mass: 0.8, helium: 0.30, metallicity: 1e-3)).coreMass
        #expect(lowZ > base && base > highZ, "\(lowZ) \(base) \(highZ)")
        let perDex = (lowZ - highZ) / 2
        #expect(perDex > 0.005 && perDex < 0.02, "dM_c/dlog Z = −\(perDex)")
        #expect(highY < base - 0.003, "Y 0.245 → 0.30: \(base) → \(highY)")
    }

    @Test("μ₁₂ = 3, 1 M☉, solar Z: core mass +~5 %, tip luminosity +~35 % (Lu et al. 2025, MESA)")
    func magneticMoment() throws {
        var p = CorePhysics()
        p.neutrino = try NeutrinoProperties(mu12: 3)
        let sm = Tracks.run(Tracks.solar), mu = Tracks.run(Tracks.solar, physics: p)
        let dm = mu.coreMass / sm.coreMass - 1
        let dl = pow(10, mu.logTipLuminosity - sm.logTipLuminosity) - 1
        #expect(dm > 0.035 && dm < 0.065, "ΔM_c/M_c = \(dm)")
        #expect(dl > 0.25 && dl < 0.45, "ΔL/L = \(dl)")
        #expect(mu.ignitionMass > sm.ignitionMass, "ignition moves outwards")
    }

    @Test("axions: α_a = 0.5e-26 (g₁₃ = 2.51) raises M_c by 0.025 M☉ ± 20 % (Raffelt & Weiss 1995's criterion); ∝ g² at small g")
    func axionElectron() throws {
        let g13 = (4 * Double.pi * 0.5e-26).squareRoot() / 1e-13
        var p = CorePhysics()
        p.axionElectron = g13
        let dm = Tracks.run(physics: p).coreMass - Tracks.standardAt10
        #expect(abs(dm / 0.025 - 1) < 0.2, "ΔM_c = \(dm) M☉ at g₁₃ = \(g13)")
        // Small coupling: the shift is quadratic (half the coupling, a quarter of the shift, within 25 %).
        p.axionElectron = g13 / 2
        let dmHalf = Tracks.run(physics: p).coreMass - Tracks.standardAt10
        #expect(dmHalf > 0 && abs(dmHalf / dm - 0.25) < 0.25 * 0.25 + 0.05, "ΔM_c(g/2)/ΔM_c(g) = \(dmHalf / dm)")
        // The coupling is part of the physics specification (a track key) and is checked there.
        var spec = PhysicsSpecification()
        spec.axionElectron = -1
        #expect(throws: FlashError.self) { _ = try CorePhysics(spec) }
    }
}

@Suite("Flash integrator: numerical convergence and the starting model")
struct FlashConvergenceTests {
    @Test("twice the mass cells: M_c changes by < 0.001 M☉")
    func cells() {
        let fine = Tracks.run { $0.cells *= 2 }
        #expect(abs(fine.coreMass - Tracks.standardAt10) < 0.001, "\(Tracks.standardAt10) → \(fine.coreMass)")
    }

    @Test("half the time steps: M_c changes by < 0.001 M☉")
    func timestep() {
        let fine = Tracks.run { $0.timestepFactor = 0.5 }
        #expect(abs(fine.coreMass - Tracks.standardAt10) < 0.001, "\(Tracks.standardAt10) → \(fine.coreMass)")
    }

    @Test("starting core mass 0.15 or 0.25 M☉ and temperature ×0.8 or ×1.2: M_c within 0.002 M☉")
    func start() {
        for adjust: (inout FlashSettings) -> Void in [{ $0.startCoreMass = 0.15 }, { $0.startCoreMass = 0.25 },
                                                      { $0.startTemperatureFactor = 0.8 }, { $0.startTemperatureFactor = 1.2 }] {
            let r = Tracks.run(.standard, physics: CorePhysics(), adjust)
            #expect(abs(r.coreMass - Tracks.standardAt10) < 0.002, "start \(r.startCoreMass): \(r.coreMass)")
        }
    }
}

@Suite("Flash integrator: non-standard losses and bad input")
struct FlashInputTests {
    @Test("the extra-loss hook: zero changes nothing; a loss raises the core mass; a millicharge does too")
    func hooks() throws {
        var zero = CorePhysics()
        zero.extraLoss = { _, _ in 0 }
        #expect(Tracks.run(physics: zero).coreMass == Tracks.standardAt10)
        var extra = CorePhysics()
        extra.extraLoss = { _, t in 10 * pow(t / 1e8, 3) }   // 10 erg/g/s at 10⁸ K, like ε_ν at the centre
        #expect(Tracks.run(physics: extra).coreMass > Tracks.standardAt10 + 0.002)
        var q = CorePhysics()
        q.neutrino = try NeutrinoProperties(millicharge: 1e-13)
        #expect(Tracks.run(physics: q).coreMass > Tracks.standardAt10)
    }

    @Test("bad stellar parameters name the parameter and the allowed range")
    func badInput() throws {
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch { return "\(error)" }
        }
        #expect(message { _ = try StarParameters(mass: 0.8, helium: 1, metallicity: 0.001) }.contains("helium"))
        #expect(message { _ = try StarParameters(mass: 0.8, helium: 0.25, metallicity: -0.1) }.contains("metallicity"))
        #expect(message { _ = try StarParameters(mass: 0.8, helium: 0.6, metallicity: 0.4) }.contains("X = 1 − Y − Z"))
        let r = Tracks.relations
        #expect(message { _ = try FlashIntegrator(star: StarParameters(mass: 0.5, helium: 0.25, metallicity: 0.001), relations: r) }
            .contains("mass"))
        #expect(message { _ = try FlashIntegrator(star: StarParameters(mass: 2.5, helium: 0.25, metallicity: 0.001), relations: r) }
            .contains("M_HeF"))
        #expect(message { _ = try NeutrinoProperties(mu12: -1) }.contains("mu12"))
        var s = FlashSettings()
        s.cells = 3
        #expect(message { _ = try FlashIntegrator(star: .standard, relations: r, settings: s) }.contains("cells"))
    }

    @Test("the step count is bounded: a track stopped early reports failure with its reason, never hangs")
    func bounded() {
        let r = Tracks.run { $0.maxSteps = 10 }
        #expect(r.status == .failed(.noFlash(maxSteps: 10, coreMass: r.history.last!.coreMass)))
        #expect(r.status.description == "failed: no flash within 10 steps (M_c = \(String(format: "%.4f", r.history.last!.coreMass)) M☉)")
        #expect(r.steps == 10)
        #expect(r.coreMass.isNaN)
    }
}
