import Foundation
import Microphysics
import Plasma

/// Which physics a model uses: every choice and factor the systematics vary, as one plain value.
///
/// One specification serves the library (`CorePhysics(specification)` builds the runtime physics), the
/// bound pipeline (`TrackSpec.physics`) and the CLI (its options fill one in). It is `Hashable` and
/// `Codable`; its canonical encoding (sorted keys, prefixed with `encodingVersion`) is the identity of
/// a computed track, so that adding a field changes every key instead of silently reusing stale tracks.
/// The runtime-only hook `CorePhysics.extraLoss` (a closure) is deliberately not part of it.
public struct PhysicsSpecification: Hashable, Codable, Sendable {
    /// Version of the encoding: bump when a field's meaning changes (a new field changes keys by itself).
    public static let encodingVersion = 1

    public var coulomb: CoulombModel = .potekhinChabrier2000
    public var conduction: ConductiveOpacity.Prescription = .potekhin1999
    /// Blouin et al. 2020 correction to the He conductive opacity.
    public var blouin2020 = false
    public var tripleAlpha: TripleAlphaRate = .fynbo2005
    public var screening: ScreeningModel = .chugunov2007
    public var plasmaNeutrinos: CorePhysics.PlasmaNeutrinos = .exact
    public var bremsstrahlung: ItohNeutrinoFits.BremsstrahlungBranch = .smoothBlend
    /// μν in 10⁻¹² μ_B (μν² = Σ|μij|² + |εij|²).
    public var mu12 = 0.0
    /// Neutrino millicharge in units of e.
    public var millicharge = 0.0
    /// Axion–electron coupling g_ae in units of 10⁻¹³ (0: no axions; `AxionEmission`).
    public var axionElectron = 0.0
    /// sin²θ_W in C_V = ½ + 2 sin²θ_W (default: Itoh et al. 1996's 0.2319).
    public var sin2ThetaW = ElectroweakCouplings.standard.sin2ThetaW
    /// Multiplies the conductive opacity (systematics).
    public var conductiveOpacityFactor = 1.0
    /// Multiplies all standard neutrino losses (systematics).
    public var neutrinoLossFactor = 1.0

    public init() {}

    /// The canonical encoding: JSON with sorted keys, behind the encoding version.
    public var canonicalEncoding: String { Self.canonical(self, version: Self.encodingVersion) }

    /// Canonical JSON (sorted keys, no whitespace) of any encodable value, prefixed "v<version>:".
    public static func canonical(_ value: some Encodable, version: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Encoding plain values with finite-or-named floats cannot fail.
        let data = (try? encoder.encode(value)) ?? Data()
        return "v\(version):" + String(decoding: data, as: UTF8.self)
    }
}

extension CorePhysics {
    /// The runtime physics for a specification (throws, naming the field, on an invalid coupling).
    public init(_ spec: PhysicsSpecification) throws {
        self.init()
        coulomb = spec.coulomb
        conduction = spec.conduction
        blouin2020 = spec.blouin2020
        tripleAlpha = spec.tripleAlpha
        screening = spec.screening
        plasmaNeutrinos = spec.plasmaNeutrinos
        bremsstrahlung = spec.bremsstrahlung
        neutrino = try NeutrinoProperties(mu12: spec.mu12, millicharge: spec.millicharge)
        couplings = try ElectroweakCouplings(sin2ThetaW: spec.sin2ThetaW)
        guard spec.conductiveOpacityFactor.isFinite, spec.conductiveOpacityFactor > 0 else {
            throw FlashError.invalidParameter(name: "conductive-opacity-factor", value: spec.conductiveOpacityFactor, allowed: "(0, ∞)")
        }
        guard spec.neutrinoLossFactor.isFinite, spec.neutrinoLossFactor >= 0 else {
            throw FlashError.invalidParameter(name: "neutrino-loss-factor", value: spec.neutrinoLossFactor, allowed: "[0, ∞)")
        }
        guard spec.axionElectron.isFinite, spec.axionElectron >= 0, spec.axionElectron <= AxionEmission.maximumCoupling else {
            throw FlashError.invalidParameter(name: "axion-electron", value: spec.axionElectron,
                                              allowed: "[0, \(AxionEmission.maximumCoupling)] (g_ae in 10⁻¹³)")
        }
        axionElectron = spec.axionElectron
        conductiveOpacityFactor = spec.conductiveOpacityFactor
        neutrinoLossFactor = spec.neutrinoLossFactor
    }
}
