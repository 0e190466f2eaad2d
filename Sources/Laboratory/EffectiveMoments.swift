import Foundation
import NeutrinoMixing

/// What a neutrino–electron scattering experiment measures: the effective moment of the neutrinos that
/// reach it (Grimus et al. 2003, NPB 648, 376; Giunti & Studenikin 2015, RMP 87, 531, §5.3).
///
/// λ = μ − iε in the mass basis (units of 10⁻¹² μ_B). Convention (fixed here, tested on the diagonal
/// Dirac case, where every formula returns the common moment): |ν_α⟩ = Σₖ U*_αk |νₖ⟩ and
/// |ν̄_α⟩ = Σₖ U_αk |ν̄ₖ⟩. Charge conjugation gives the antineutrino matrices −μᵀ = −μ* and −εᵀ = −ε*, and
/// the opposite helicity couples to μ + iε, so the ν̄ₖ → ν̄ⱼ amplitude is −λ*ⱼₖ (derived). Final mass
/// states j add incoherently:
///
///     ν_α at short baseline:    μ_eff² = Σⱼ |Σₖ λⱼₖ U*_αk|²
///     ν̄_α at short baseline:    μ_eff² = Σⱼ |Σₖ λ*ⱼₖ U_αk|²  (the same number as ν_α; reactor ν̄e: α = e)
///     solar νe (mass states incoherent at the Earth):  μ_eff² = Σₖ P_ek(E) Σⱼ |λⱼₖ|²
///     stars (every pair, plasmon decay):                μν² = Σⱼₖ (|μⱼₖ|² + |εⱼₖ|²)   (basis independent)
///
/// For a Majorana λ (antisymmetric, λⱼₖ = ε_jkl Λ_l) the reactor form becomes |Λ|² − |Σₖ U_ek Λₖ|²,
/// which depends on the Majorana phases, and the solar one |Λ|² − Σₖ P_ek |Λₖ|², which does not
/// (Cañas et al. 2016, PLB 753, 191; whether Λ or Λ* appears depends on how a paper defines Λ).
public struct EffectiveMoments: Sendable {
    /// Where the neutrinos an experiment sees come from.
    public enum Beam: String, Sendable, CaseIterable, Codable {
        case reactorAntiNuE = "reactor-antinue"
        case solarNuE = "solar-nue"
        case acceleratorNuMu = "accelerator-numu"
        case acceleratorNuE = "accelerator-nue"
        case acceleratorNuTau = "accelerator-nutau"
        case stellar

        /// What an experiment with this beam constrains, in words.
        public var quantity: String {
            switch self {
            case .reactorAntiNuE: return "Σj|Σk λ*jk Uek|² (reactor ν̄e, short baseline)"
            case .solarNuE: return "Σk Pek(E) Σj|λjk|² (solar νe, mass states incoherent)"
            case .acceleratorNuMu: return "Σj|Σk λjk U*μk|² (νμ, short baseline)"
            case .acceleratorNuE: return "Σj|Σk λjk U*ek|² (νe, short baseline)"
            case .acceleratorNuTau: return "Σj|Σk λjk U*τk|² (ντ, short baseline)"
            case .stellar: return "Σjk(|μjk|²+|εjk|²) (plasmon decay, basis independent)"
            }
        }
    }

    public let magnetic: Matrix3, electric: Matrix3
    public let majorana: Bool
    public let pmns: Matrix3
    public let solar: SolarOscillation

    /// λ = μ − iε.
    public var lambda: Matrix3 {
        Matrix3((0..<3).map { j in (0..<3).map { k in
            magnetic.m[j][k] + Complex(electric.m[j][k].im, -electric.m[j][k].re)
        } })
    }

    public init(_ m: MomentHypothesis.MassBasis, pmns: Matrix3, solar: SolarOscillation) {
        magnetic = m.magnetic
        electric = m.electric
        majorana = m.majorana
        self.pmns = pmns
        self.solar = solar
    }

    /// A diagonal Dirac matrix with equal magnetic moments μ (10⁻¹² μ_B) on the diagonal.
    public static func diagonalDirac(_ mu: Double, pmns: Matrix3, solar: SolarOscillation) -> EffectiveMoments {
        var d = Matrix3.zero
        for i in 0..<3 { d.m[i][i] = Complex(mu) }
        return EffectiveMoments(MomentHypothesis.MassBasis(magnetic: d, electric: .zero, majorana: false,
                                                           sumGivenBasis: 3 * mu * mu, sumOtherBasis: 3 * mu * mu),
                                pmns: pmns, solar: solar)
    }

    /// ‖M a‖² for a matrix M and an amplitude vector a.
    static func normSquared(_ m: Matrix3, _ a: [Complex]) -> Double {
        (0..<3).reduce(0) { s, j in s + (0..<3).reduce(Complex(0)) { $0 + m.m[j][$1] * a[$1] }.magnitudeSquared }
    }

    /// μ_eff² (in (10⁻¹² μ_B)²) for a beam; solar needs the energy (MeV) and the electron density at
    /// production (N_A cm⁻³).
    public func squared(_ beam: Beam, energyMeV: Double = 0.862, electronDensityNA: Double = 90) -> Double {
        let l = lambda
        func row(_ alpha: Int, antineutrino: Bool) -> [Complex] {
            (0..<3).map { antineutrino ? pmns.m[alpha][$0] : pmns.m[alpha][$0].conjugate }
        }
        switch beam {
        case .reactorAntiNuE: return Self.normSquared(Matrix3(l.m.map { $0.map(\.conjugate) }), row(0, antineutrino: true))
        case .acceleratorNuE: return Self.normSquared(l, row(0, antineutrino: false))
        case .acceleratorNuMu: return Self.normSquared(l, row(1, antineutrino: false))
        case .acceleratorNuTau: return Self.normSquared(l, row(2, antineutrino: false))
        case .solarNuE:
            let p = solar.massStateProbabilities(energyMeV: energyMeV, electronDensityNA: electronDensityNA)
            return (0..<3).reduce(0) { s, k in s + p[k] * (0..<3).reduce(0) { $0 + l.m[$1][k].magnitudeSquared } }
        case .stellar: return magnetic.frobeniusSquared + electric.frobeniusSquared
        }
    }

    /// μ_eff in 10⁻¹² μ_B.
    public func value(_ beam: Beam, energyMeV: Double = 0.862, electronDensityNA: Double = 90) -> Double {
        squared(beam, energyMeV: energyMeV, electronDensityNA: electronDensityNA).squareRoot()
    }
}
