import EnvelopePhysics
import Foundation
import Microphysics

/// The composition of one cell and everything the microphysics precomputes from it: the network's nine mass
/// fractions (¹H, ³He, ⁴He, ¹²C, ¹³C, ¹⁴N, ¹⁵N, ¹⁶O, ¹⁷O) plus the unburnt metals, the EOS mixture (C, N, O from
/// the network, the other metals lumped into Ne as in the OPAL 2001 EOS), the opacity tables' (X, Z) weights and
/// the fully ionised ions for conduction. Built once per cell per time step (after burning and mixing), never
/// inside a Newton iteration.
///
/// X = X(¹H), Z = 1 − X − X(³He) − X(⁴He): CNO processing changes the metals' split, not Z; the opacity tables
/// are for the mixture's scaled-solar metals at that Z (the CNO-processed split is not tabulated — OPAL's type-2
/// tables would be needed for that, they matter only after helium burning).
public struct StarCellComposition: Sendable {
    /// The network abundances (mass fractions; they sum with `otherMetals` to 1).
    public let abundances: HydrogenBurningAbundances
    /// The EOS mixture, built with the composition when the direct EOS will need it (`eosMixture: true`), else on
    /// demand (`eos()`): with the tabulated EOS only the atmosphere and cells outside the table read it, and building it
    /// for every burnt cell each step was 7 % of a track.
    let storedEOS: EnvelopeEOSComposition?
    let weights: OpacityCompositionWeights
    let ions: Composition
    /// The conduction opacity's per-mixture factors for `ions` and the star's prescription, built once here rather
    /// than on every opacity call (they were 1–2 % of a whole-star track there).
    let conductionIons: OpacityConductionIons

    /// Hydrogen X, helium Y (³He + ⁴He) and metals Z mass fractions.
    public var hydrogen: Double { abundances[.h1] }
    public var helium: Double { abundances[.he3] + abundances[.he4] }
    public var metals: Double { max(0, 1 - hydrogen - helium) }

    /// Precomputes the opacity weights, the ions and their conduction factors for `conduction` (and `blouin2020`), and
    /// the EOS mixture when `eosMixture` (else `eos()` builds it on demand), for `abundances` (clipped at 0 and
    /// renormalised to a sum of 1 first: the burning step can leave round-off of ~10⁻¹⁵).
    init(_ abundances: HydrogenBurningAbundances, micro: EnvelopeMicrophysics,
         conduction: ConductiveOpacity.Prescription = .potekhin1999, blouin2020: Bool = false,
         eosMixture: Bool = true) throws {
        var a = abundances
        var sum = max(0, a.otherMetals)
        for s in HydrogenBurningSpecies.allCases {
            a[s] = max(0, a[s])
            sum += a[s]
        }
        guard sum.isFinite, sum > 0 else {
            throw WholeStarError.unphysicalIterate(quantity: "sum of mass fractions", value: sum)
        }
        for s in HydrogenBurningSpecies.allCases { a[s] /= sum }
        a.otherMetals = max(0, a.otherMetals) / sum
        self.abundances = a
        let x = a[.h1], y = a[.he3] + a[.he4]
        let z = max(0, 1 - x - y)
        storedEOS = eosMixture ? try Self.eosMixture(a) : nil
        weights = try micro.opacities.compositionWeights(x: x, z: z)
        ions = try EnvelopeMicrophysics.ions(hydrogen: x, metals: z)
        conductionIons = try OpacityConductionIons(ions: ions, prescription: conduction, blouin2020: blouin2020)
    }

    /// The EOS mixture: C, N, O from the network, the other metals lumped into Ne as in the OPAL 2001 EOS.
    func eos() throws -> EnvelopeEOSComposition {
        if let storedEOS { return storedEOS }
        return try Self.eosMixture(abundances)
    }

    static func eosMixture(_ a: HydrogenBurningAbundances) throws -> EnvelopeEOSComposition {
        let x = a[.h1], y = a[.he3] + a[.he4]
        let cno = a[.c12] + a[.c13] + a[.n14] + a[.n15] + a[.o16] + a[.o17]
        return try EnvelopeEOSComposition(hydrogen: x, helium: y, carbon: a[.c12] + a[.c13], nitrogen: a[.n14] + a[.n15],
                                          oxygen: a[.o16] + a[.o17], neon: max(0, 1 - x - y - cno))
    }

    /// The conduction factors for prescription `p` (the stored ones when they match, else built now).
    @inline(__always)
    func conduction(_ p: ConductiveOpacity.Prescription, blouin2020 b: Bool) throws -> OpacityConductionIons {
        if conductionIons.prescription == p && conductionIons.blouin2020 == b { return conductionIons }
        return try OpacityConductionIons(ions: ions, prescription: p, blouin2020: b)
    }
}
