/// A named configuration of the whole star, for comparisons that must be reproducible.
///
/// `mesaR12778`: the full-code comparison of issue 14 (item 8) — MESA r12778's defaults as run over the prior box of
/// Franz et al. 2023: the GS98 scaled-solar mixture (this code's only mixture), α_MLT = 2.0, Reimers η = 0.1 on the
/// red-giant branch, no overshoot, no element diffusion. MESA there uses the Ledoux criterion with semiconvection of
/// efficiency α_sc = 0.1 (Langer et al. 1983); this code mixes by the Schwarzschild criterion and has no semiconvection.
/// The two agree wherever a convective boundary has no composition gradient (the red-giant envelope, the cores below
/// ~1.1 M☉ that vanish early on the main sequence); where a growing convective core leaves one (1.2–2.25 M☉ on the
/// main sequence) efficient semiconvection mixes the Ledoux-stable layer towards the Schwarzschild profile, so the
/// difference is bounded by the main-sequence core's growth — not yet measured here (Docs/whole-star-evolution.md §9).
public enum StarPreset: String, Sendable, CaseIterable, Codable {
    case mesaR12778 = "mesa-r12778"

    /// α_MLT of the preset.
    public var mixingLength: Double {
        switch self { case .mesaR12778: 2.0 }
    }

    /// Reimers' η of the preset (applied after the main sequence, `StarMassLoss`).
    public var reimersEta: Double {
        switch self { case .mesaR12778: 0.1 }
    }
}
