import Foundation

/// Time-step control of the core integrator: the next step is the last one times the smallest of
/// the ratios target/change for each controlled quantity (MESA I, Paxton et al. 2011, §6.4), capped at
/// ×`maximumTimestepGrowth` and floored at ×`minimumTimestepRatio`; every target scales with
/// `FlashSettings.timestepFactor` (the convergence test halves it).
struct CoreTimestep {
    let settings: FlashSettings

    /// The factor for the next step given this step's largest |Δln T|, the core's relative growth, and
    /// the helium luminosity now and at the previous step (L☉; nil before the second step).
    func nextRatio(maxDeltaLnT: Double, massFraction: Double, heliumLuminosity: Double, previousHeliumLuminosity: Double?) -> Double {
        let f = settings.timestepFactor
        var ratio = settings.maximumTimestepGrowth
        ratio = min(ratio, f * settings.targetLnT / max(maxDeltaLnT, 1e-12))
        ratio = min(ratio, f * settings.targetMassFraction / max(massFraction, 1e-15))
        if let previous = previousHeliumLuminosity, heliumLuminosity > settings.heliumLuminosityControlFloor {
            let dlog = abs(log10(heliumLuminosity / max(previous, 1e-30)))
            ratio = min(ratio, f * settings.targetLogHeliumLuminosity / max(dlog, 1e-12))
        }
        return max(settings.minimumTimestepRatio, ratio)
    }
}
