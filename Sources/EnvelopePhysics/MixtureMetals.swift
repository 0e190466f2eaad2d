import Foundation
import ModelData

/// A heavy-element mixture: a solar mixture scaled by [Fe/H] with the α elements (O, Ne, Mg, Si, S, Ca, Ti)
/// raised by [α/Fe], and THE [Fe/H] ↔ Z conversion of the project:
///
///   (Z/X) = (Z/X)☉,published · 10^[Fe/H] · F_α,   F_α = Σᵢ 10^(log εᵢ + αᵢ[α/Fe]) Wᵢ / Σᵢ 10^(log εᵢ) Wᵢ,
///
/// the sums running over the metals (Li…Zn) of the mixture's element table (at [α/Fe] = 0 the published
/// (Z/X)☉ is reproduced by construction). Since every α element gets the same factor f_α = 10^[α/Fe],
/// F_α = a f_α + (1 − a) exactly, with a = the α elements' mass share of Z (`alphaMassShare`: 0.683 for GS98,
/// 0.654 for AGSS09) — the form of Salaris, Chieffi & Straniero 1993 (ApJ 414, 580, eq. 3), whose
/// a = 0.638 belongs to their older mixture; the variant a = 0.694 is also quoted (e.g. in this project's
/// issue 13). At [α/Fe] = +0.4: exact +0.308 dex (GS98), +0.298 (AGSS09); a = 0.638: +0.293; a = 0.694: +0.312.
/// Trap: (Z/X) is not Z — Z = (Z/X)·X, or with Y fixed Z = (Z/X)(1 − Y)/(1 + Z/X).
public struct MetalMixture: Sendable {
    public let solar: SolarMixture
    /// [α/Fe] in dex.
    public let alphaFe: Double
    /// α elements enhanced by [α/Fe].
    public static let alphaElements: Set<String> = ["O", "Ne", "Mg", "Si", "S", "Ca", "Ti"]

    /// Mass fraction of each metal (Z ≥ 3) within Z, by element name, after α-enhancement.
    public let fractionOfZ: [String: Double]
    /// F_α (1 at [α/Fe] = 0).
    public let alphaFactor: Double
    /// a: mass share of O, Ne, Mg, Si, S, Ca, Ti in Z of the unenhanced solar mixture.
    public let alphaMassShare: Double
    /// (Z/X) computed from the element table at [Fe/H] = 0, [α/Fe] = 0 (compare with the published value).
    public let tableZOverX: Double

    public init(solar: SolarMixture, alphaFe: Double = 0, table: MixtureTable) throws(MixtureError) {
        guard alphaFe.isFinite, abs(alphaFe) <= 2 else {
            throw .outOfRange(quantity: "[α/Fe]", value: alphaFe, allowed: "[-2, 2] dex")
        }
        self.solar = solar
        self.alphaFe = alphaFe
        var base = 0.0, enhanced = 0.0, alphaBase = 0.0
        var massByElement: [String: Double] = [:]
        for e in table.elements where e.charge >= 3 {
            let w = pow(10, e.logEps(solar) - 12) * e.atomicWeight
            let boost = Self.alphaElements.contains(e.name) ? pow(10, alphaFe) : 1
            base += w
            enhanced += w * boost
            if Self.alphaElements.contains(e.name) { alphaBase += w }
            massByElement[e.name] = w * boost
        }
        alphaFactor = enhanced / base
        alphaMassShare = alphaBase / base
        tableZOverX = base / table.elements[0].atomicWeight
        fractionOfZ = massByElement.mapValues { $0 / enhanced }
    }

    /// Loads the table from the data directory.
    public init(solar: SolarMixture, alphaFe: Double = 0, dataDirectory: DataDirectory? = nil) throws {
        try self.init(solar: solar, alphaFe: alphaFe, table: MixtureTable.load(dataDirectory: dataDirectory))
    }

    /// (Z/X) at [Fe/H].
    public func zOverX(feH: Double) -> Double { solar.publishedZOverX * pow(10, feH) * alphaFactor }

    /// Z from [Fe/H] and the hydrogen mass fraction X: Z = (Z/X)·X.
    public func z(fromFeH feH: Double, hydrogen x: Double) throws(MixtureError) -> Double {
        try Self.check(feH: feH)
        guard x > 0, x <= 1 else { throw .outOfRange(quantity: "hydrogen mass fraction X", value: x, allowed: "(0, 1]") }
        let z = zOverX(feH: feH) * x
        guard z + x <= 1 else { throw .outOfRange(quantity: "Z + X", value: z + x, allowed: "≤ 1") }
        return z
    }

    /// Z from [Fe/H] and the helium mass fraction Y: Z = (Z/X)(1 − Y)/(1 + Z/X).
    public func z(fromFeH feH: Double, helium y: Double) throws(MixtureError) -> Double {
        try Self.check(feH: feH)
        guard y >= 0, y < 1 else { throw .outOfRange(quantity: "helium mass fraction Y", value: y, allowed: "[0, 1)") }
        let r = zOverX(feH: feH)
        return r * (1 - y) / (1 + r)
    }

    /// [Fe/H] from Z and X (the inverse of `z(fromFeH:hydrogen:)`).
    public func feH(fromZ z: Double, hydrogen x: Double) throws(MixtureError) -> Double {
        guard z > 0, z < 1, z.isFinite else { throw .outOfRange(quantity: "metal mass fraction Z", value: z, allowed: "(0, 1)") }
        guard x > 0, x + z <= 1 else { throw .outOfRange(quantity: "hydrogen mass fraction X", value: x, allowed: "(0, 1 − Z]") }
        return log10(z / x / (solar.publishedZOverX * alphaFactor))
    }

    /// Salaris, Chieffi & Straniero 1993 eq. 3: [M/H] = [Fe/H] + log₁₀(a · 10^[α/Fe] + 1 − a), a = 0.638 in the
    /// paper (the value in StellarModels/trgb/model.json); pass a = `alphaMassShare` for the exact result.
    public static func salarisMetallicity(feH: Double, alphaFe: Double, a: Double = 0.638) -> Double {
        feH + log10(a * pow(10, alphaFe) + 1 - a)
    }

    /// Isotopic atom fractions (terrestrial, IUPAC: Berglund & Wieser 2011, Pure Appl. Chem. 83, 397):
    /// ¹²C 0.9893, ¹³C 0.0107; ¹⁴N 0.99636, ¹⁵N 0.00364; ¹⁶O 0.99757, ¹⁷O 0.00038 (¹⁸O 0.00205 is left in the other metals).
    public enum IsotopeFraction {
        public static let c12 = 0.9893, c13 = 0.0107, n14 = 0.99636, n15 = 0.00364
        public static let o16 = 0.99757, o17 = 0.00038, o18 = 0.00205
    }

    /// Protosolar ³He/⁴He by number, 1.66×10⁻⁴ (Mahaffy et al. 1998, Space Sci. Rev. 84, 251, Jupiter;
    /// as adopted by Asplund et al. 2009 §3.9).
    public static let protosolarHe3OverHe4 = 1.66e-4

    /// Initial abundances for the hydrogen-burning network: C, N, O of Z split into isotopes by the terrestrial
    /// ratios (mass ∝ atom fraction × mass number), the rest of Z as `otherMetals`; ³He from
    /// `he3OverHe4` (by number) taken out of Y. X + Y + Z must be 1.
    public func networkAbundances(hydrogen x: Double, metals z: Double,
                                  he3OverHe4: Double = MetalMixture.protosolarHe3OverHe4) throws(MixtureError)
        -> HydrogenBurningAbundances {
        guard x >= 0, z >= 0, x + z <= 1, he3OverHe4 >= 0 else {
            throw .outOfRange(quantity: "X + Z", value: x + z, allowed: "X, Z ≥ 0 and X + Z ≤ 1")
        }
        let y = 1 - x - z
        let i = IsotopeFraction.self
        func split(_ el: String, _ fa: Double, _ aa: Double, _ fb: Double, _ ab: Double, _ fc: Double = 0, _ ac: Double = 1)
            -> (Double, Double) {
            let xe = z * (fractionOfZ[el] ?? 0), norm = fa * aa + fb * ab + fc * ac
            return (xe * fa * aa / norm, xe * fb * ab / norm)
        }
        let (c12, c13) = split("C", i.c12, 12, i.c13, 13)
        let (n14, n15) = split("N", i.n14, 14, i.n15, 15)
        let (o16, o17) = split("O", i.o16, 16, i.o17, 17, i.o18, 18)
        let he3 = y * 3 * he3OverHe4 / (4 + 3 * he3OverHe4)
        let other = max(0, z - (c12 + c13 + n14 + n15 + o16 + o17))
        return HydrogenBurningAbundances(h1: x, he3: he3, he4: y - he3, c12: c12, c13: c13, n14: n14, n15: n15,
                                         o16: o16, o17: o17, otherMetals: other)
    }

    static func check(feH: Double) throws(MixtureError) {
        guard feH.isFinite, feH >= -5, feH <= 1 else { throw .outOfRange(quantity: "[Fe/H]", value: feH, allowed: "[-5, 1] dex") }
    }
}
