import Constants
import Foundation

/// The "neutrino star turning" (νST) bound on the neutrino millicharge (Studenikin & Tokarev,
/// Nucl. Phys. B 884 (2014) 396, arXiv:1209.3245; arXiv:1411.7962), re-derived here from the
/// conservation of canonical angular momentum (Docs/millicharge.md §2; the papers' own equations could
/// not be read).
///
/// Millicharged neutrinos leaving a magnetised star are deflected by the Lorentz force and carry
/// angular momentum away; the star recoils. With N neutrinos of which a net fraction f carries the
/// same sign of charge, each taking ΔL = κ q B R_ν² / c (`EmissionGeometry`), the star's spin changes by
///
///     |ΔΩ| = f N κ q B R_ν² / (c I),       I = k M R²  (uniform sphere: k = 2/5),
///
/// and requiring |ΔΩ| < Ω₀ = 2π/P₀ gives
///
///     q < q_lim = 2π I c / (P₀ f N κ B R_ν²)
///       = 2π k c M / (P₀ f N κ B) · (R/R_ν)²                                    (Gaussian units)
///       ≈ 1.3 × 10⁻¹⁹ e₀ (M/1.4 M☉)(10 s/P₀)(10⁵⁸/N)(10¹⁴ G/B)   for k = 2/5, κ = 1/3, R_ν = R, f = 1.
///
/// The radius cancels when R_ν = R. A faster rotator (smaller P₀) gives a weaker bound, and so does
/// cancellation between neutrinos and antineutrinos (f < 1), whose charges are opposite.
public struct NeutronStarTurning: Sendable, Equatable {
    /// The inputs, each in the unit its name states.
    public struct Inputs: Sendable, Equatable, Codable {
        /// Rotation period P₀ in s, when the neutrinos leave (the newborn star's).
        public var periodSeconds: Double
        /// Uniform interior magnetic field B along the rotation axis, in G.
        public var fieldGauss: Double
        /// Neutron-star mass M in M☉.
        public var massMsun: Double
        /// Neutron-star radius R in km (the moment of inertia's radius).
        public var radiusKm: Double
        /// Radius R_ν of the emitting region in km; nil: R_ν = R.
        public var neutrinosphereRadiusKm: Double?
        /// Moment of inertia in g cm²; nil: I = k M R².
        public var momentOfInertiaGCm2: Double?
        /// k in I = k M R² (uniform sphere 0.4).
        public var inertiaCoefficient: Double
        /// Number N of neutrinos and antineutrinos emitted.
        public var neutrinoNumber: Double
        /// Net fraction f = |N_same-sign charge − N_opposite| / N of the emitted neutrinos (1: every neutrino
        /// carries the same sign of charge, the published assumption; ν and ν̄ have opposite charges).
        public var netFraction: Double
        /// Where the neutrinos start in the field.
        public var geometry: EmissionGeometry

        public init(periodSeconds: Double, fieldGauss: Double, massMsun: Double = 1.4, radiusKm: Double = 10,
                    neutrinosphereRadiusKm: Double? = nil, momentOfInertiaGCm2: Double? = nil, inertiaCoefficient: Double = 0.4,
                    neutrinoNumber: Double = 1e58, netFraction: Double = 1, geometry: EmissionGeometry = .neutrinosphere) {
            self.periodSeconds = periodSeconds
            self.fieldGauss = fieldGauss
            self.massMsun = massMsun
            self.radiusKm = radiusKm
            self.neutrinosphereRadiusKm = neutrinosphereRadiusKm
            self.momentOfInertiaGCm2 = momentOfInertiaGCm2
            self.inertiaCoefficient = inertiaCoefficient
            self.neutrinoNumber = neutrinoNumber
            self.netFraction = netFraction
            self.geometry = geometry
        }

        /// The published bound's inputs as reconstructed in Docs/millicharge.md §3: a newborn neutron star
        /// with M = 1.4 M☉, R = 10 km, P₀ = 10 s, B = 10¹⁴ G and N = 10⁵⁸ neutrinos.
        public static let studenikinTokarev = Inputs(periodSeconds: 10, fieldGauss: 1e14)

        /// N from the energy emitted in neutrinos (erg) and their mean energy (MeV).
        public static func neutrinoNumber(totalEnergyErg: Double, meanEnergyMeV: Double) throws -> Double {
            try check("total neutrino energy (erg)", totalEnergyErg, 0, 1e56, "(0, 1e56] erg")
            try check("mean neutrino energy (MeV)", meanEnergyMeV, 0, 1e4, "(0, 1e4] MeV")
            return totalEnergyErg / (meanEnergyMeV * CGS.ergPerMeV)
        }

        /// Throws with the parameter named when an input is non-finite, non-positive or unphysical.
        public func validate() throws {
            try Self.check("period (s)", periodSeconds, 0, 1e6, "(0, 1e6] s")
            try Self.check("magnetic field (G)", fieldGauss, 0, 1e18, "(0, 1e18] G")
            try Self.check("mass (Msun)", massMsun, 0, 5, "(0, 5] Msun")
            try Self.check("radius (km)", radiusKm, 0, 1e4, "(0, 1e4] km")
            if let r = neutrinosphereRadiusKm { try Self.check("neutrinosphere radius (km)", r, 0, 1e4, "(0, 1e4] km") }
            if let i = momentOfInertiaGCm2 { try Self.check("moment of inertia (g cm^2)", i, 0, 1e50, "(0, 1e50] g cm^2") }
            // A thin spherical shell has k = 2/3, the largest value for a density falling outwards.
            try Self.check("inertia coefficient k", inertiaCoefficient, 0, 2.0 / 3.0, "(0, 2/3]")
            try Self.check("neutrino number", neutrinoNumber, 0, 1e70, "(0, 1e70]")
            try Self.check("net fraction f", netFraction, 0, 1, "(0, 1]")
        }

        static func check(_ name: String, _ v: Double, _ low: Double, _ high: Double, _ allowed: String) throws {
            guard v.isFinite, v > low, v <= high else { throw MillichargeError.invalidParameter(name: name, value: v, allowed: allowed) }
        }
    }

    public let inputs: Inputs

    public init(_ inputs: Inputs) throws {
        try inputs.validate()
        self.inputs = inputs
        // Inputs inside their ranges can still under- or overflow in combination (R = 1e-200 km gives R² = 0,
        // P = 1e-300 s gives Ω = ∞): every derived quantity must be finite and positive, or the input is refused
        // naming the flags it came from, never printed as nan, inf or a zero limit.
        let derived: [(String, Double)] = [
            ("moment of inertia I = k M R² (from --mass, --radius, --inertia-coefficient or --moment-of-inertia)", momentOfInertia),
            ("angular velocity 2π/P (from --period)", angularVelocity),
            ("angular momentum per charge κ e B R_ν²/c (from --field, --neutrinosphere-radius or --radius)", angularMomentumPerUnitCharge),
            ("charge limit 2πIc/(P f N κ B R_ν²) (from --period, --field, --neutrinos, --net-fraction, --radius, --inertia-coefficient)",
             chargeLimit),
        ]
        for (name, value) in derived where !(value.isFinite && value > 0) {
            throw MillichargeError.invalidParameter(name: name, value: value,
                                                    allowed: "finite and > 0 (these inputs under- or overflow together)")
        }
    }

    /// 1 km in cm (a unit, not a physical constant; c, e₀, M☉ and MeV come from `Constants`).
    static let cmPerKm = 1e5

    /// Ω₀ = 2π/P₀ in rad/s.
    public var angularVelocity: Double { 2 * Double.pi / inputs.periodSeconds }

    /// I in g cm²: the given value, or k M R².
    public var momentOfInertia: Double {
        if let i = inputs.momentOfInertiaGCm2 { return i }
        let r = inputs.radiusKm * Self.cmPerKm
        return inputs.inertiaCoefficient * inputs.massMsun * Solar.mass * r * r
    }

    /// R_ν in cm.
    var emissionRadius: Double { (inputs.neutrinosphereRadiusKm ?? inputs.radiusKm) * Self.cmPerKm }

    /// Angular momentum carried away by one neutrino of charge q = e₀, in erg s: κ e₀ B R_ν² / c.
    public var angularMomentumPerUnitCharge: Double {
        inputs.geometry.kappa * CGS.elementaryCharge * inputs.fieldGauss * emissionRadius * emissionRadius / CGS.speedOfLight
    }

    /// |ΔΩ|/Ω₀ for a charge q in units of e₀: f N ΔL(q) / (I Ω₀).
    public func fractionalShift(charge q: Double) -> Double {
        inputs.netFraction * inputs.neutrinoNumber * q * angularMomentumPerUnitCharge / (momentOfInertia * angularVelocity)
    }

    /// q_lim / e₀: the charge at which |ΔΩ| = Ω₀.
    public var chargeLimit: Double { 1 / fractionalShift(charge: 1) }
}
