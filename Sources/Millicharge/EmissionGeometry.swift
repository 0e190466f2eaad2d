/// Where the neutrinos start inside the star's field, as the factor κ in the angular momentum each one
/// carries away, ΔL = κ q B R_ν² / c.
///
/// In an axisymmetric static field the canonical angular momentum about the axis is conserved
/// (Jackson, Classical Electrodynamics, 3rd ed., §12.1, Gaussian units):
///
///     ρ p_φ + (q/c) ρ A_φ = const,   ρ A_φ = Φ(ρ, z) / 2π,
///
/// Φ the magnetic flux through the circle of radius ρ about the axis. A neutrino leaving with no
/// mechanical angular momentum from a point where the flux is Φ₀ reaches infinity (Φ → 0 for any
/// localised field) with L_z = q Φ₀ / (2π c), whatever the field outside. In a uniform interior field
/// B along the axis, Φ₀ = π B ρ₀², so L_z = q B ρ₀² / (2c) and κ R_ν² = ⟨ρ₀²⟩ / 2:
///
///     neutrinosphere  isotropic emission from the sphere r = R_ν:     ⟨ρ₀²⟩ = (2/3) R_ν²  → κ = 1/3
///     volume          uniform emission from the ball r ≤ R_ν:         ⟨ρ₀²⟩ = (2/5) R_ν²  → κ = 1/5
///     equatorial      emission from the equator r = R_ν, θ = π/2:     ⟨ρ₀²⟩ = R_ν²        → κ = 1/2
///
/// The neutrinosphere case with R_ν = R and I = (2/5) M R² gives the published νST number
/// (Docs/millicharge.md §2). The trap: the *exterior* field does not matter, because a neutrino born
/// on the axis (Φ₀ = 0) leaves with L_z = 0 even though the Lorentz force acts on it along the way.
public enum EmissionGeometry: String, Sendable, CaseIterable, Codable {
    case neutrinosphere
    case volume
    case equatorial

    /// κ = ⟨ρ₀²⟩ / (2 R_ν²) (dimensionless).
    public var kappa: Double {
        switch self {
        case .neutrinosphere: return 1.0 / 3.0
        case .volume: return 1.0 / 5.0
        case .equatorial: return 1.0 / 2.0
        }
    }
}
