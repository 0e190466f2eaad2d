import Constants
import Foundation
import ModelData

/// The stepping approximation for scattering on atomic electrons (Kopeikin, Mikaelyan & Sinev 1997,
/// Phys. At. Nucl. 60, 1859; used by GEMMA and TEXONO): an electron of a shell with binding energy Bᵢ
/// scatters as a free one when the energy transfer T exceeds Bᵢ and not at all below,
///
///     dσ_atom/dT = dσ_free/dT · (1/Z) Σᵢ nᵢ θ(T − Bᵢ)      (per electron).
///
/// Good to ~10 % above ~1 keV in germanium; the refuted "atomic enhancement" of the magnetic term is not in it.
/// Shells read from `StellarModels/laboratory/atomic-shells.json`.
public struct AtomicShells: Decodable, Sendable {
    public struct Element: Decodable, Sendable {
        public var name: String
        public var z: Int
        /// Atomic mass in u.
        public var atomicMass: Double
        /// (occupancy, binding energy in eV) per shell.
        public var shells: [[Double]]
        public var source: String

        /// Fraction of the Z electrons free to scatter at energy transfer T (keV).
        public func activeFraction(recoilKeV t: Double) -> Double {
            shells.reduce(0) { $0 + (t * 1e3 >= $1[1] ? $1[0] : 0) } / Double(z)
        }

        /// Electrons per kg.
        public var electronsPerKg: Double { CGS.avogadro * Double(z) / atomicMass * 1e3 }
    }

    public var description: String
    public var elements: [Element]

    public static let relativePath = "laboratory/atomic-shells.json"

    public func element(_ name: String) throws -> Element {
        guard let e = elements.first(where: { $0.name == name }) else {
            throw LaboratoryError.unknownExperiment(name: name, available: elements.map(\.name))
        }
        return e
    }

    public func check(file: String) throws {
        for (i, e) in elements.enumerated() {
            let n = e.shells.reduce(0) { $0 + ($1.count == 2 ? $1[0] : -1000) }
            guard Int(n) == e.z, e.shells.allSatisfy({ $0.count == 2 && $0[1] >= 0 }) else {
                throw LaboratoryError.invalidData(file: file, entry: "elements[\(i)] (\(e.name))", field: "shells",
                                                  reason: "occupancies must add up to Z = \(e.z), with binding energies ≥ 0")
            }
        }
    }

    public static func load(from directory: DataDirectory) throws -> AtomicShells {
        let s = try directory.load(AtomicShells.self, from: relativePath)
        try s.check(file: directory.url.appendingPathComponent(relativePath).path)
        return s
    }
}
