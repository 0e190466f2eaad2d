import Foundation

/// Mean ionic properties of a fully ionised mixture, from mass fractions Xᵢ of species (Zᵢ, Aᵢ):
/// Ȳ = Σ Xᵢ/Aᵢ (ions per baryon), Ā = 1/Ȳ, Z̄ = Ā Σ XᵢZᵢ/Aᵢ, ⟨Z²⟩ = Ā Σ XᵢZᵢ²/Aᵢ, Yₑ = Z̄/Ā.
public struct Composition: Sendable, Equatable {
    public let meanMass: Double        // Ā
    public let meanCharge: Double      // Z̄
    public let meanChargeSquared: Double  // ⟨Z²⟩
    /// ⟨Z^(5/3)⟩ (number-weighted), for the ion-sphere coupling of a mixture (linear mixing).
    public let meanChargeFiveThirds: Double
    /// Helium-4 mass fraction (the 3α fuel).
    public let heliumMassFraction: Double

    public var electronFraction: Double { meanCharge / meanMass }
    public var ionsPerBaryon: Double { 1 / meanMass }

    /// From (X, Z, A) triples; mass fractions must be in [0, 1] and sum to 1 within 1e-6.
    public init(species: [(massFraction: Double, charge: Double, mass: Double)]) throws {
        let total = species.reduce(0) { $0 + $1.massFraction }
        guard !species.isEmpty, abs(total - 1) < 1e-6,
              species.allSatisfy({ $0.massFraction >= 0 && $0.massFraction <= 1 && $0.charge > 0 && $0.mass > 0 }) else {
            throw MicrophysicsError.outOfRange(parameter: "composition", value: total,
                                               allowed: "mass fractions in [0, 1] summing to 1; Z, A > 0")
        }
        let y = species.reduce(0) { $0 + $1.massFraction / $1.mass }
        meanMass = 1 / y
        meanCharge = species.reduce(0) { $0 + $1.massFraction * $1.charge / $1.mass } / y
        meanChargeSquared = species.reduce(0) { $0 + $1.massFraction * $1.charge * $1.charge / $1.mass } / y
        meanChargeFiveThirds = species.reduce(0) { $0 + $1.massFraction * pow($1.charge, 5.0 / 3) / $1.mass } / y
        // ⁴He by charge and mass number: the mass may be given as 4 (mass number) or 4.002603 (atomic mass, as the
        // envelope's ions are); an exact `== 4` silently gave the whole star no 3α fuel (³He, A ≈ 3.016, is not fuel).
        heliumMassFraction = species.filter { $0.charge == 2 && abs($0.mass - 4) < 0.5 }.reduce(0) { $0 + $1.massFraction }
    }

    /// Pure ⁴He.
    public static let helium = Composition(meanMass: 4, meanCharge: 2, meanChargeSquared: 4,
                                           meanChargeFiveThirds: pow(2, 5.0 / 3), heliumMassFraction: 1)

    private init(meanMass: Double, meanCharge: Double, meanChargeSquared: Double, meanChargeFiveThirds: Double,
                 heliumMassFraction: Double) {
        self.meanMass = meanMass
        self.meanCharge = meanCharge
        self.meanChargeSquared = meanChargeSquared
        self.meanChargeFiveThirds = meanChargeFiveThirds
        self.heliumMassFraction = heliumMassFraction
    }
}
