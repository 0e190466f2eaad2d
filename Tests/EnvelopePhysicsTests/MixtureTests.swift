import Testing
import Foundation
import ModelData
@testable import EnvelopePhysics

@Suite("Solar mixtures and the [Fe/H] ↔ Z conversion")
struct MixtureTests {
    @Test("the element tables reproduce the published (Z/X)☉: GS98 0.0229, AGSS09 0.0181 (within 0.5%)", arguments: SolarMixture.allCases)
    func publishedZOverX(mixture: SolarMixture) throws {
        let m = try MetalMixture(solar: mixture)
        #expect(abs(m.tableZOverX / mixture.publishedZOverX - 1) < 0.005, "\(mixture): \(m.tableZOverX)")
        let sum = m.fractionOfZ.values.reduce(0, +)
        #expect(abs(sum - 1) < 1e-12)
    }

    @Test("[Fe/H] = 0 gives Z = (Z/X)☉ X exactly; −1 dex divides Z by 10; feH(fromZ:) inverts z(fromFeH:)")
    func conversion() throws {
        let m = try MetalMixture(solar: .gs98)
        #expect(try m.z(fromFeH: 0, hydrogen: 0.7) == 0.0229 * 0.7)
        #expect(abs(try m.z(fromFeH: -1, hydrogen: 0.7) / (0.00229 * 0.7) - 1) < 1e-14)
        for feh in [-2.3, -1.0, 0.0, 0.3] {
            let z = try m.z(fromFeH: feh, hydrogen: 0.72)
            #expect(abs(try m.feH(fromZ: z, hydrogen: 0.72) - feh) < 1e-12)
            // With Y fixed: X = 1 − Y − Z and Z/X as required.
            let zy = try m.z(fromFeH: feh, helium: 0.25)
            #expect(abs(zy / (1 - 0.25 - zy) / m.zOverX(feH: feh) - 1) < 1e-13)
        }
        #expect(throws: MixtureError.self) { try m.z(fromFeH: .nan, hydrogen: 0.7) }
        #expect(throws: MixtureError.self) { try m.feH(fromZ: -0.01, hydrogen: 0.7) }
        #expect(throws: MixtureError.self) { try MetalMixture(solar: .gs98, alphaFe: 5, table: MixtureTable.load()) }
    }

    @Test("α-enhancement +0.4: F_α = a f_α + 1 − a exactly (a = α mass share); Salaris et al. 1993 (a = 0.638) within 0.02 dex")
    func alphaEnhancement() throws {
        let salaris = MetalMixture.salarisMetallicity(feH: 0, alphaFe: 0.4)
        #expect(abs(salaris - log10(0.638 * pow(10, 0.4) + 0.362)) < 1e-15)
        #expect(MetalMixture.salarisMetallicity(feH: -1.5, alphaFe: 0) == -1.5)
        for mixture in SolarMixture.allCases {
            let m = try MetalMixture(solar: mixture, alphaFe: 0.4)
            let exact = log10(m.alphaFactor)
            let variant = MetalMixture.salarisMetallicity(feH: 0, alphaFe: 0.4, a: 0.694)
            print("\(mixture): a = \(m.alphaMassShare), exact α shift \(exact) dex, Salaris a=0.638: \(salaris), a=0.694: \(variant)")
            #expect(abs(exact - MetalMixture.salarisMetallicity(feH: 0, alphaFe: 0.4, a: m.alphaMassShare)) < 1e-13)
            #expect(abs(exact - salaris) < 0.02 && abs(exact - variant) < 0.02)
            #expect(exact > 0.29 && exact < 0.32)
            // O's share of Z rises with α-enhancement, Fe's falls.
            let plain = try MetalMixture(solar: mixture)
            #expect(m.fractionOfZ["O"]! > plain.fractionOfZ["O"]! && m.fractionOfZ["Fe"]! < plain.fractionOfZ["Fe"]!)
        }
    }

    @Test("a malformed mixture file is refused naming the file and the entry")
    func malformedTable() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("sb-mixture-\(getpid())")
        try? fm.removeItem(at: dir)
        try fm.createDirectory(at: dir.appendingPathComponent("composition"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        try "test".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let real = try DataDirectory.locate().url.appendingPathComponent(SolarMixture.file)
        let text = try String(contentsOf: real, encoding: .utf8)
            .replacingOccurrences(of: "\"charge\": 10,", with: "\"charge\": 11,")   // Ne: a gap in Z
        try text.write(to: dir.appendingPathComponent(SolarMixture.file), atomically: true, encoding: .utf8)
        let data = try DataDirectory.locate(explicit: dir.path)
        do {
            _ = try MixtureTable.load(dataDirectory: data)
            Issue.record("accepted a table with a gap in Z")
        } catch let ModelDataError.malformed(file, field, _) {
            #expect(file.hasSuffix("solar-mixtures.json") && field.contains("Ne") && field.contains("charge"), "\(field)")
        }
    }

    @Test("network abundances: C/O mass ratio from log ε, isotopes split by IUPAC ratios, sum = 1")
    func networkAbundances() throws {
        let m = try MetalMixture(solar: .gs98)
        let a = try m.networkAbundances(hydrogen: 0.70, metals: 0.02)
        var sum = a.otherMetals
        for i in 0..<9 { sum += a.massFractions[i] }
        #expect(abs(sum - 1) < 1e-14)
        let cOverO = (a[.c12] + a[.c13]) / (a[.o16] + a[.o17] + 0.02 * m.fractionOfZ["O"]! * 0.00205 * 18
                                                / (0.99757 * 16 + 0.00038 * 17 + 0.00205 * 18))
        #expect(abs(cOverO / (pow(10, 8.52 - 8.83) * 12.011 / 15.999) - 1) < 1e-12)
        // ¹²C/¹³C by number = 0.9893/0.0107 = 92.5.
        #expect(abs((a[.c12] / 12) / (a[.c13] / 13) - 0.9893 / 0.0107) < 1e-9)
        #expect(abs((a[.he3] / 3) / (a[.he4] / 4) - MetalMixture.protosolarHe3OverHe4) < 1e-15)
        let cno = (a[.c12] + a[.c13] + a[.n14] + a[.n15] + a[.o16] + a[.o17]) / 0.02
        print("GS98: CNO mass share of Z = \(cno)")
        #expect(cno > 0.6 && cno < 0.8)
    }
}

@Suite("Reimers mass loss")
struct ReimersMassLossTests {
    @Test("closed form: −4e-13 η L R / M M☉/yr, linear in η, L, R and ∝ 1/M")
    func closedForm() throws {
        let base = try ReimersMassLoss.rate(luminosity: 1000, radius: 100, mass: 0.8, eta: 0.4)
        #expect(abs(base / -2.0e-8 - 1) < 1e-15)
        #expect(abs(try ReimersMassLoss.rate(luminosity: 2000, radius: 100, mass: 0.8, eta: 0.4) / base - 2) < 1e-15)
        #expect(abs(try ReimersMassLoss.rate(luminosity: 1000, radius: 300, mass: 0.8, eta: 0.4) / base - 3) < 1e-15)
        #expect(abs(try ReimersMassLoss.rate(luminosity: 1000, radius: 100, mass: 1.6, eta: 0.4) / base - 0.5) < 1e-15)
        #expect(try ReimersMassLoss.rate(luminosity: 1000, radius: 100, mass: 0.8, eta: 0) == 0)
    }

    @Test("the CGS form equals the solar-unit form times M☉/yr")
    func cgs() throws {
        let solarUnits = try ReimersMassLoss.rate(luminosity: 2500, radius: 150, mass: 0.9, eta: 0.45)
        let cgs = try ReimersMassLoss.rateCGS(luminosity: 2500 * 3.828e33, radius: 150 * 6.957e10,
                                              mass: 0.9 * 1.988_409_870_698_051e33, eta: 0.45)
        #expect(abs(cgs / (solarUnits * 1.988_409_870_698_051e33 / 3.155_76e7) - 1) < 1e-9)
    }

    @Test("bad input is a typed error")
    func badInput() {
        #expect(throws: MassLossError.self) { try ReimersMassLoss.rate(luminosity: -1, radius: 1, mass: 1, eta: 0.4) }
        #expect(throws: MassLossError.self) { try ReimersMassLoss.rate(luminosity: 1, radius: 0, mass: 1, eta: 0.4) }
        #expect(throws: MassLossError.self) { try ReimersMassLoss.rate(luminosity: 1, radius: 1, mass: .nan, eta: 0.4) }
        #expect(throws: MassLossError.self) { try ReimersMassLoss.rate(luminosity: 1, radius: 1, mass: 1, eta: -0.1) }
    }
}
