/// The plasma at one (ρ, T, Yₑ): gas state, dispersion and emissivities.
public struct PlasmaPoint: Sendable {
    public let gas: ElectronGasState
    public let dispersion: PlasmonDispersion
    public let integrals: PlasmonIntegrals
    public let rates: PlasmonDecayRates
}
