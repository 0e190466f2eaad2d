import Foundation
import Microphysics
import Testing
@testable import EnvelopePhysics

/// `OpacityConductionIons` is `ConductiveOpacity.opacity` transcribed with exact derivatives: its value must be
/// the original's, and its derivatives the original's differences, over the whole liquid domain.
@Suite("Opacity: conduction with exact derivatives (OpacityConductionIons) against ConductiveOpacity")
struct OpacityConductionIonsTests {
    /// Ion mixtures: X = 0.7 with metals as ¹⁴N (the envelope's `ions`), pure He, a C/O mix, pure H, and a
    /// single species without ⟨Z²⟩.
    static func mixtures() throws -> [(name: String, ions: Composition)] {
        [("X=0.7", try EnvelopeMicrophysics.ions(hydrogen: 0.7, metals: 0.02)), ("He", .helium),
         ("C/O", try Composition(species: [(0.5, 6, 12), (0.5, 8, 15.995)])),
         ("H", try Composition(species: [(1, 1, 1.007_825)]))]
    }

    static func grid() -> [(logRho: Double, logT: Double)] {
        var points: [(Double, Double)] = []
        for lt in stride(from: 3.5, through: 9.0, by: 0.25) {
            for lr in stride(from: -10.0, through: 9.0, by: 0.5) { points.append((lr, lt)) }
        }
        return points
    }

    /// The original's own rounding noise sets the tolerances: at ρ ≲ 10⁻⁶ g cm⁻³ its Coulomb logarithm is
    /// Λ ~ 10⁻⁶ formed from terms of order 1, so a change of the input in the last bit moves κ_cond by up to
    /// ~10⁻¹⁰ (there κ_cond ≳ 10¹² cm² g⁻¹, irrelevant next to κ_rad). The reference derivatives are
    /// Richardson-extrapolated central differences, (4D(h) − D(2h))/3 with h = 10⁻³ in ln ρ and ln T
    /// (truncation O(h⁴), noise ≲ 10⁻¹⁰/h).
    @Test("value = ConductiveOpacity.opacity to 1e-12 at ρ ≥ 1, 1e-9 below (both prescriptions, Blouin on and off, 4 mixtures); derivatives = its extrapolated differences to 1e-7 at ρ ≥ 1, 1e-6 below")
    func againstConductiveOpacity() throws {
        var worstValue = (dense: 0.0, dilute: 0.0), worstDerivative = (dense: 0.0, dilute: 0.0)
        var compared = 0, refused = 0
        for (name, ions) in try Self.mixtures() {
            for prescription in ConductiveOpacity.Prescription.allCases {
                for blouin in [false, true] {
                    let fast = try OpacityConductionIons(ions: ions, prescription: prescription, blouin2020: blouin)
                    func original(_ rho: Double, _ t: Double) throws -> Double {
                        try ConductiveOpacity.opacity(density: rho, temperature: t, charge: ions.meanCharge,
                                                      mass: ions.meanMass, meanChargeSquared: ions.meanChargeSquared,
                                                      prescription: prescription, blouin2020: blouin)
                    }
                    for (lr, lt) in Self.grid() {
                        let rho = pow(10, lr), t = pow(10, lt), dense = lr >= 0
                        let reference: Double
                        do { reference = try original(rho, t) } catch {
                            // Both refuse the same points (the solid phase).
                            #expect(throws: MicrophysicsError.self) { try fast.opacity(density: rho, temperature: t) }
                            refused += 1
                            continue
                        }
                        let v = try fast.opacity(density: rho, temperature: t)
                        compared += 1
                        let dv = abs(v.kappa / reference - 1)
                        #expect(dv < (dense ? 1e-12 : 1e-9), "\(name) \(prescription) Blouin \(blouin) log ρ \(lr) log T \(lt): \(v.kappa) vs \(reference)")
                        if dense { worstValue.dense = max(worstValue.dense, dv) } else { worstValue.dilute = max(worstValue.dilute, dv) }
                        // Away from the Γ = 175 edge (all four neighbours accepted).
                        func difference(_ h: Double) throws -> (rho: Double, t: Double) {
                            let dr = (log(try original(rho * exp(h), t)) - log(try original(rho * exp(-h), t))) / (2 * h)
                            let dt = (log(try original(rho, t * exp(h))) - log(try original(rho, t * exp(-h)))) / (2 * h)
                            return (dr, dt)
                        }
                        guard let d1 = try? difference(1e-3), let d2 = try? difference(2e-3) else { continue }
                        let dRho = (4 * d1.rho - d2.rho) / 3, dT = (4 * d1.t - d2.t) / 3
                        let dd = max(abs(dRho - v.dlnKappaDlnRho), abs(dT - v.dlnKappaDlnT))
                        #expect(dd < (dense ? 1e-7 : 1e-6), "\(name) \(prescription) Blouin \(blouin) log ρ \(lr) log T \(lt): ∂ρ \(v.dlnKappaDlnRho) vs \(dRho), ∂T \(v.dlnKappaDlnT) vs \(dT)")
                        if dense { worstDerivative.dense = max(worstDerivative.dense, dd) } else { worstDerivative.dilute = max(worstDerivative.dilute, dd) }
                    }
                }
            }
        }
        print("opacity conduction (exact derivatives) vs ConductiveOpacity: \(compared) points, \(refused) refused by both; max |Δκ/κ| = \(worstValue.dense) at ρ ≥ 1, \(worstValue.dilute) below; max |Δ ∂ln κ| vs differences = \(worstDerivative.dense) at ρ ≥ 1, \(worstDerivative.dilute) below")
        #expect(compared > 5000 && refused > 0)
    }

    /// The derivatives against the same formula evaluated with 50 significant digits (mpmath 1.3: `mp.dps = 50`,
    /// every line of `ConductiveOpacity.opacity` with `e1` for E₁, the derivative by `mp.diff`). Where the
    /// extrapolated differences above miss by up to 5×10⁻⁸ (ρ ≈ 10⁷, near Γ = 175) these agree to 10⁻¹⁰, and at
    /// ρ = 10⁻¹⁰ (where the plain E₁ₛ(b) − 1/b slope was off by 3×10⁻⁴) likewise.
    @Test("derivatives = the formula's 50-digit derivatives to 1e-9 at six points (dilute, solar centre, near Γ = 175, He core)")
    func againstExtendedPrecision() throws {
        let sun = try EnvelopeMicrophysics.ions(hydrogen: 0.7, metals: 0.02)
        // (log ρ, log T, ions, ∂ln κ/∂ln ρ, ∂ln κ/∂ln T, κ) from the 50-digit evaluation.
        let reference: [(Double, Double, Composition, Double, Double, Double)] = [
            (-10, 4.25, sun, -1.32663524293, 1.96255751156, 5.5153663239399e15),
            (2.18, 7.19, sun, -1.74657162796, 1.81679577553, 2559.16848822568),
            (7, 5.5, sun, -2.1175147185, 3.59443057995, 1.2288969071052e-11),
            (5, 7.6, .helium, -2.12071751904, 2.5731625228, 0.182139275963677),
            (6, 7.9, .helium, -1.90630030617, 2.60492405563, 0.0101296912538285),
            (3, 7.3, .helium, -1.79076361985, 1.87084394539, 296.119991038205),
        ]
        for (lr, lt, ions, dRho, dT, kappa) in reference {
            let v = try OpacityConductionIons(ions: ions).opacity(density: pow(10, lr), temperature: pow(10, lt))
            #expect(abs(v.dlnKappaDlnRho - dRho) < 1e-9 && abs(v.dlnKappaDlnT - dT) < 1e-9,
                    "log ρ \(lr) log T \(lt): \(v.dlnKappaDlnRho) vs \(dRho), \(v.dlnKappaDlnT) vs \(dT)")
            // The value to the 50-digit one within the original's rounding (and σ to 10 digits in the reference).
            #expect(abs(v.kappa / kappa - 1) < 1e-9, "log ρ \(lr) log T \(lt): κ \(v.kappa) vs \(kappa)")
        }
    }

    @Test("total(…, conduction:) equals total(…, ions:) bit for bit, and refuses bad input like ConductiveOpacity")
    func entryPoints() throws {
        let tables = try #require(OpacityTestData.gs98)
        let ions = try EnvelopeMicrophysics.ions(hydrogen: 0.35, metals: 0.02)
        let w = try tables.compositionWeights(x: 0.35, z: 0.02)
        let fast = try OpacityConductionIons(ions: ions)
        for (lr, lt) in [(-8.0, 3.8), (0.0, 6.5), (2.0, 7.2), (5.0, 7.6), (6.0, 8.0)] {
            let a = try tables.total(logRho: lr, logT: lt, weights: w, ions: ions)
            let b = try tables.total(logRho: lr, logT: lt, weights: w, conduction: fast)
            #expect(a == b)
            // κ_cond's derivatives are always there now (they were zero where κ/κ_cond < 10⁻⁸).
            #expect(a.conductive.dlnKappaDlnRho != 0 && a.conductive.dlnKappaDlnT != 0)
        }
        for (rho, t) in [(0.0, 1e7), (-1.0, 1e7), (1.0, 0.0), (Double.nan, 1e7), (1.0, .infinity)] {
            #expect(throws: MicrophysicsError.self) { try fast.opacity(density: rho, temperature: t) }
        }
        #expect(throws: MicrophysicsError.self) { try OpacityConductionIons(charge: 0.5, mass: 1) }
    }
}
