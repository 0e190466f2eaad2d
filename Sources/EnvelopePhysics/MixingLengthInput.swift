/// The local state of one layer that mixing-length theory needs (all cgs).
///
/// The pressure enters MLT only through the pressure scale height H_P (= P/(ρg) in hydrostatic equilibrium,
/// Kippenhahn, Weigert & Weiss 2012, ch. 6); the caller chooses H_P (some codes cap it near the centre), and
/// a derivative with respect to ln P is the caller's chain rule through H_P.
public struct MixingLengthInput: Sendable, Equatable {
    /// ∇_rad = (∂ln T/∂ln P)_rad = 3κLP/(16πacGmT⁴) (KWW 2012, ch. 5); ≥ 0.
    public var gradRadiative: Double
    /// ∇_ad = (∂ln T/∂ln P)_s; > 0.
    public var gradAdiabatic: Double
    /// The Ledoux composition term (φ/δ)∇_μ, so that ∇_L = ∇_ad + ledouxTerm (KWW 2012, ch. 6); used only with
    /// `ConvectionCriterion.ledoux`. Zero for a homogeneous layer.
    public var ledouxTerm: Double
    /// ρ in g cm⁻³.
    public var density: Double
    /// T in K.
    public var temperature: Double
    /// Rosseland-mean opacity κ in cm² g⁻¹.
    public var opacity: Double
    /// c_P in erg g⁻¹ K⁻¹.
    public var heatCapacityP: Double
    /// Local gravity g = Gm/r² in cm s⁻².
    public var gravity: Double
    /// δ = −(∂ln ρ/∂ln T)_P (= χ_T/χ_ρ; 1 for an ideal gas); > 0.
    public var delta: Double
    /// H_P in cm.
    public var pressureScaleHeight: Double

    public init(gradRadiative: Double, gradAdiabatic: Double, ledouxTerm: Double = 0,
                density: Double, temperature: Double, opacity: Double, heatCapacityP: Double,
                gravity: Double, delta: Double, pressureScaleHeight: Double) {
        self.gradRadiative = gradRadiative
        self.gradAdiabatic = gradAdiabatic
        self.ledouxTerm = ledouxTerm
        self.density = density
        self.temperature = temperature
        self.opacity = opacity
        self.heatCapacityP = heatCapacityP
        self.gravity = gravity
        self.delta = delta
        self.pressureScaleHeight = pressureScaleHeight
    }

    /// H_P = P/(ρ g) (KWW 2012, ch. 6), for callers that use the hydrostatic definition.
    @inlinable
    public static func pressureScaleHeight(pressure: Double, density: Double, gravity: Double) -> Double {
        pressure / (density * gravity)
    }
}

/// Partial derivatives of one MLT output with respect to the inputs: plain derivatives for the three gradients,
/// logarithmic ones (∂/∂ln x) for the local quantities. A radiative layer has ∂∇/∂∇_rad = 1 and all others 0.
public struct MixingLengthPartials: Sendable, Equatable {
    public var gradRadiative = 0.0
    public var gradAdiabatic = 0.0
    public var ledouxTerm = 0.0
    public var lnDensity = 0.0
    public var lnTemperature = 0.0
    public var lnOpacity = 0.0
    public var lnHeatCapacityP = 0.0
    public var lnGravity = 0.0
    public var lnDelta = 0.0
    public var lnPressureScaleHeight = 0.0

    public init() {}
}

/// What `MixingLength.gradient` returns.
public struct MixingLengthResult: Sendable, Equatable {
    /// The actual temperature gradient ∇ = d ln T / d ln P.
    public var gradient: Double
    /// ∇ − ∇_crit (∇_crit = ∇_ad for Schwarzschild, ∇_L for Ledoux) computed without cancellation:
    /// Γ(1+Γ)/A² in a convective layer, ∇_rad − ∇_crit (≤ 0) in a radiative one.
    public var gradientExcess: Double
    /// Mean convective velocity in cm s⁻¹ (0 in a radiative layer).
    public var velocity: Double
    /// Whether the criterion found the layer unstable.
    public var isConvective: Bool
    /// Convective efficiency Γ = (∇ − ∇_e)/(∇_e − ∇_ad) (Cox & Giuli ch. 14; the root of eq. 14.82); 0 if radiative.
    public var efficiency: Double
    /// ∂∇/∂(inputs).
    public var dGradient: MixingLengthPartials
    /// ∂v/∂(inputs) in cm s⁻¹ per unit (per unit ln for the local quantities).
    public var dVelocity: MixingLengthPartials
}

/// A bad MLT input: names the quantity, the value and the allowed domain.
public enum MixingLengthError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Quantity: String, Sendable {
        case alpha, gradRadiative, gradAdiabatic, ledouxTerm, density, temperature, opacity, heatCapacityP,
             gravity, delta, pressureScaleHeight, henyeyNu, henyeyY
    }
    /// The quantity must be finite and > 0 (∇_rad: ≥ 0; ledouxTerm: finite).
    case outOfDomain(quantity: Quantity, value: Double)

    public var description: String {
        switch self {
        case let .outOfDomain(q, v):
            let domain: String
            switch q {
            case .gradRadiative: domain = "finite and ≥ 0"
            case .ledouxTerm: domain = "finite"
            default: domain = "finite and > 0"
            }
            return "mixing length: \(q.rawValue) = \(v) is outside its domain (\(domain))"
        }
    }
}
