import Foundation

/// The helium flash: the helium-burning luminosity L_He = ∫ε_3α dm crossing `FlashSettings.flashThreshold`.
/// The crossing is located between the last two accepted models by interpolating ln L_He linearly in
/// the core mass (and the age linearly in the same fraction); L_He grows by orders of magnitude per
/// step near the flash, so interpolating L itself would bias M_c towards the later model.
struct FlashDetection {
    let threshold: Double

    /// The fraction in [0, 1] of the way from the previous model (L_He = l1) to the current one (l2).
    func crossingFraction(previous l1: Double, current l2: Double) -> Double {
        let frac = l2 > l1 && l1 > 0 ? (log(threshold) - log(l1)) / (log(l2) - log(l1)) : 1
        return max(0, min(1, frac))
    }
}
