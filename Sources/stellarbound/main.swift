import Foundation
import Plasma
let nu = try NeutrinoProperties(mu12: 1, millicharge: 1e-14)
for (rho, t) in [(1e6, 1e8), (1e4, 5e7), (1e5, 1e8), (1e8, 1e9), (1.0, 1e7), (1.0, 3e9), (1e10, 3e9)] {
    let t0 = Date()
    let a = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: 0.5, neutrino: nu)
    let t1 = Date()
    let b = try PlasmonDecay.point(density: rho, temperature: t, electronFraction: 0.5, neutrino: nu, method: .adaptive)
    let t2 = Date()
    let f = ItohPlasmaFit.rate(density: rho, temperature: t, electronFraction: 0.5)
    let r = a.rates, s = b.rates
    print(String(format: "%8.1e %8.1e wp=%.4g v*=%.4f Qstd=%.5e itoh=%.4f hrw=%.4f ax/std=%.2e mag/std=%.4f | dT=%.1e dL=%.1e dA=%.1e dM=%.1e dQ=%.1e | %.0fus %.0fms", rho, t, a.gas.omegaP_keV, a.gas.vStar, r.standard, r.standard/f.itoh, r.standard/f.hrw, r.axial/r.standard, r.magnetic/r.standard,
      r.vectorTransverse/s.vectorTransverse-1, r.vectorLongitudinal/s.vectorLongitudinal-1, r.axial/s.axial-1, r.magnetic/s.magnetic-1, r.millicharge/s.millicharge-1, t1.timeIntervalSince(t0)*1e6, t2.timeIntervalSince(t1)*1e3))
}
