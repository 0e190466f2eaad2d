import Constants
import Foundation

/// Neutrino–electron elastic scattering on a free electron at rest: dσ/dT in cm²/MeV for neutrino
/// energy E and electron recoil kinetic energy T (both MeV).
///
/// Weak (’t Hooft 1971; Vogel & Engel 1989, PRD 39, 3378, eq. 1; Giunti & Studenikin 2015, RMP 87, 531, eq. 5.5):
///
///     dσ_W/dT = (G_F² mₑ / 2π) [(g_V + g_A)² + (g_V − g_A)² (1 − T/E)² + (g_A² − g_V²) mₑT/E²]
///
/// with g_V = 2 sin²θ_W − ½, g_A = −½ for ν_μ,τ, both + 1 for νe (charged current), g_A → −g_A for
/// antineutrinos. A charge radius ⟨r²⟩ and a millicharge q (units of e) enter through the photon exchange
/// as a shift of the vector coupling (Giunti & Studenikin 2015, §6; derived from the vertex
/// F(Q²) ≈ q − Q²⟨r²⟩/6 at Q² = 2mₑT; the relative sign is fixed, the overall one is a convention):
///
///     g_V → g_V + (√2 π α / G_F) (⟨r²⟩/3 − q / (mₑ T)),
///
/// which gives the pure-charge term ≈ 2πα² q² / (mₑ T²) for T ≪ E plus its interference with the weak one.
/// Magnetic moment (Vogel & Engel 1989, eq. 2), incoherent with the rest:
///
///     dσ_μ/dT = (π α² / mₑ²) (1/T − 1/E) (μ/μ_B)²,      π α²/mₑ² = 2.495 × 10⁻²⁵ cm².
///
/// The trap: below a few keV the electron is bound; `AtomicShells` applies the stepping approximation.
public struct ElectronScattering: Sendable {
    public enum Flavour: String, Sendable, CaseIterable {
        case nuE = "nue", nuMu = "numu", nuTau = "nutau", antiNuE = "antinue", antiNuMu = "antinumu", antiNuTau = "antinutau"
        var isElectron: Bool { self == .nuE || self == .antiNuE }
        var isAnti: Bool { self == .antiNuE || self == .antiNuMu || self == .antiNuTau }
    }

    /// sin²θ_W at low momentum transfer (MS-bar, running to Q² → 0: ŝ²(0) ≈ 0.2387; PDG 2024 electroweak review).
    public var sin2ThetaW = 0.2387
    /// μν in μ_B (effective for this flavour).
    public var magneticMoment = 0.0
    /// Millicharge in units of e.
    public var charge = 0.0
    /// Charge radius ⟨r²⟩ in cm².
    public var chargeRadiusSquared = 0.0

    public init(magneticMoment: Double = 0, charge: Double = 0, chargeRadiusSquared: Double = 0) {
        self.magneticMoment = magneticMoment
        self.charge = charge
        self.chargeRadiusSquared = chargeRadiusSquared
    }

    static let me = Natural.electronMass_keV * 1e-3                                // MeV
    static let gf = Natural.fermiConstant_per_keV2 * 1e6                           // MeV⁻²
    static let alpha = Natural.fineStructure
    static let hbarc = Natural.hbarC_keV_cm * 1e-3                                  // MeV cm
    /// G_F² mₑ / 2π in cm²/MeV.
    public static let weakScale = gf * gf * me / (2 * Double.pi) * hbarc * hbarc
    /// π α² / mₑ² in cm².
    public static let magneticScale = Double.pi * alpha * alpha / (me * me) * hbarc * hbarc

    /// Largest recoil for energy E (MeV): T_max = 2E² / (mₑ + 2E).
    public static func maxRecoil(energy e: Double) -> Double { 2 * e * e / (me + 2 * e) }
    /// Smallest neutrino energy giving recoil T (MeV): E_min = (T + √(T² + 2mₑT)) / 2.
    public static func minEnergy(recoil t: Double) -> Double { (t + (t * t + 2 * me * t).squareRoot()) / 2 }

    /// The weak cross section including the charge-radius and millicharge terms (cm²/MeV).
    public func weak(energy e: Double, recoil t: Double, flavour f: Flavour) -> Double {
        guard t > 0, t <= Self.maxRecoil(energy: e) else { return 0 }
        var gv = 2 * sin2ThetaW - 0.5, ga = -0.5
        if f.isElectron { gv += 1; ga += 1 }
        if f.isAnti { ga = -ga }
        let r2 = chargeRadiusSquared / (Self.hbarc * Self.hbarc)     // MeV⁻²
        gv += 2.0.squareRoot() * Double.pi * Self.alpha / Self.gf * (r2 / 3 - charge / (Self.me * t))
        let y = 1 - t / e
        return Self.weakScale * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) * y * y + (ga * ga - gv * gv) * Self.me * t / (e * e))
    }

    /// The magnetic-moment cross section (cm²/MeV).
    public func magnetic(energy e: Double, recoil t: Double) -> Double {
        guard t > 0, t <= Self.maxRecoil(energy: e) else { return 0 }
        return Self.magneticScale * (1 / t - 1 / e) * magneticMoment * magneticMoment
    }

    /// Both (cm²/MeV).
    public func total(energy e: Double, recoil t: Double, flavour f: Flavour) -> Double {
        weak(energy: e, recoil: t, flavour: f) + magnetic(energy: e, recoil: t)
    }
}
