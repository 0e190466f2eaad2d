import Foundation
import Testing
@testable import TRGBBounds

/// The I-band tip from a luminosity: scales, round trips and a hand-computed case.
@Suite struct TipPhotometryTests {
    /// log g of the Sun from the same constants: 4.438 (IAU 2015 nominal values).
    @Test func solarLogG() {
        #expect(abs(TipPhotometry.logg(mass: 1, logL: 0, teff: 5772) - 4.438) < 0.001)
    }

    /// T_eff → (V−I)₀ → T_eff returns the start, anywhere on the grid's giant part.
    @Test func colourInversionRoundTrip() throws {
        let t = TestData.table
        for teff in [3500.0, 3777, 4000, 4321, 4900] {
            for (g, feh) in [(0.2, -2.2), (0.5, -1.53), (1.3, -0.6)] {
                let c = try t.colourVI(teff: teff, logg: g, feh: feh)
                #expect(abs(try t.teff(colourVI: c, logg: g, feh: feh) - teff) < 1e-6)
            }
        }
    }

    /// Interpolation reproduces the grid nodes exactly (CV14 p04: [Fe/H] −1.5, log g 0.5, 4000 K:
    /// BC_V −1.0072, BC_I 0.5132, read from the table files of gfeiden/starspot).
    @Test func gridNode() throws {
        let t = TestData.table
        #expect(abs(try t.bcI(teff: 4000, logg: 0.5, feh: -1.5) - 0.5132) < 1e-12)
        #expect(abs(try t.colourVI(teff: 4000, logg: 0.5, feh: -1.5) - (0.5132 + 1.0072)) < 1e-12)
        #expect(t.mbolSun == 4.75)
    }

    /// A tip computed by hand (helper derivation, Docs/bounds.md §2): log L = 3.3, 0.8 M☉, [Fe/H] = −1.5,
    /// Bellazzini colour 1.612 → T_eff ≈ 3915 K, BC_I ≈ 0.48, M_I ≈ −3.98; and M_I = M_bol − BC_I exactly.
    @Test func handComputedTip() throws {
        let model = TestData.data.model
        let colour = try model.tipColour(feh: -1.5)
        #expect(abs(colour - 1.6117) < 1e-3)
        let r = try TipPhotometry(table: TestData.table).tip(logL: 3.3, mass: 0.8, feh: -1.5, colourVI: colour)
        #expect(abs(r.teff - 3915) < 20)
        #expect(abs(r.bcI - 0.48) < 0.01)
        #expect(abs(r.mI - (-3.98)) < 0.015)
        #expect(abs(r.mI - (4.75 - 2.5 * 3.3 - r.bcI)) < 1e-12)
        // One more dex of luminosity: 2.5 mag brighter in M_bol, BC changes by ≈ 0.01 (through log g: T_eff at fixed colour, and BC itself).
        let brighter = try TipPhotometry(table: TestData.table).tip(logL: 3.4, mass: 0.8, feh: -1.5, colourVI: colour)
        #expect(abs((brighter.mBol - r.mBol) + 0.25) < 1e-12)
        #expect(abs(brighter.bcI - r.bcI) < 0.02)
    }

    /// Salaris et al. 1993: [α/Fe] = 0 gives Z = Z☉ 10^[Fe/H]; [α/Fe] = 0.4 multiplies it by 0.638·10^0.4 + 0.362.
    @Test func metallicityScaling() {
        let m = TestData.data.model
        #expect(abs(m.metallicity(feh: -1, alphaFe: 0) - 0.00134) < 1e-12)
        #expect(abs(m.metallicity(feh: -1, alphaFe: 0.4) / m.metallicity(feh: -1, alphaFe: 0) - (0.638 * pow(10, 0.4) + 0.362)) < 1e-12)
    }

    @Test func outsideTheTablesIsRefused() {
        let t = TestData.table
        #expect(throws: TRGBError.self) { try t.bcI(teff: 6000, logg: 0.5, feh: -1) }
        #expect(throws: TRGBError.self) { try t.bcI(teff: 4000, logg: 0.5, feh: -3) }
        #expect(throws: TRGBError.self) { try TestData.data.model.tipColour(feh: -2.5) }
        #expect(throws: TRGBError.self) { try TipPhotometry(table: t).tip(logL: .nan, mass: 0.8, feh: -1.5, colourVI: 1.6) }
    }
}
