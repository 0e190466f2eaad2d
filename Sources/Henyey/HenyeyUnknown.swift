/// One named unknown of a Henyey cell (MESA's `i_lnd`, `i_lnT`, … : Paxton et al. 2011, ApJS 192, 3, §6.2).
///
/// The kind decides how Newton treats it: a logarithmic unknown (ln ρ, ln T, ln r) has an absolute
/// correction that is damped to `HenyeySettings.maximumLogChange` and converges on |δ|; a linear
/// unknown (L in L☉, a mass fraction) is never damped and converges on |δ| / max(1, max|x|) over the
/// mesh, so that a luminosity crossing zero near the centre does not stall convergence.
public struct HenyeyUnknown: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case logarithmic, linear }
    /// Short name for diagnostics ("lnd", "lnT", "lnR", "L").
    public let name: String
    public let kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
