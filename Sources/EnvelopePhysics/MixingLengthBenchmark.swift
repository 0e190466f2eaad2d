import Foundation
import Constants

extension MixingLength {
    /// Times `evaluations` calls of `gradient` over 64 ideal-gas layers spanning the efficient (interior) to the
    /// inefficient (photospheric) regime, for `stellarbound bench microphysics`. Returns the rate and a checksum
    /// (sum of ∇) that keeps the optimiser from removing the work. The inputs are built before the clock starts.
    public func benchmark(evaluations: Int) -> (evaluationsPerSecond: Double, checksum: Double) {
        let count = 64
        var inputs: [MixingLengthInput] = []
        inputs.reserveCapacity(count)
        for k in 0..<count {
            let x = Double(k) / Double(count - 1)
            let rho = pow(10, -9 + 9 * x), t = pow(10, 3.7 + 2.8 * x), g = pow(10, 4 - 2 * x)
            let mu = 0.6, pGas = rho * CGS.boltzmann * t / (mu * CGS.atomicMassUnit)
            inputs.append(MixingLengthInput(
                gradRadiative: 0.45 + 10 * (1 - x), gradAdiabatic: 0.4, density: rho, temperature: t,
                opacity: pow(10, 2 - 2.5 * x), heatCapacityP: 2.5 * CGS.boltzmann / (mu * CGS.atomicMassUnit),
                gravity: g, delta: 1, pressureScaleHeight: pGas / (rho * g)))
        }
        var sum = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for n in 0..<max(evaluations, 1) {
            var input = inputs[n & (count - 1)]
            input.gradRadiative += 1e-9 * Double(n & 7)
            if let r = try? gradient(input) { sum += r.gradient }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        return (Double(max(evaluations, 1)) / max(seconds, 1e-12), sum)
    }
}
