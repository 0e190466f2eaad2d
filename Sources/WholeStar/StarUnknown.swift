import Henyey

/// The four unknowns of a whole-star cell, in storage order (MESA's named unknowns `i_lnd`, `i_lnT`, `i_lnR`,
/// `i_lum`; Paxton et al. 2011, ApJS 192, 3, §6.2): ln ρ and ln T are cell averages, ln r and L (in L☉) live on
/// the cell's outer face. Composition unknowns (¹H, ³He, ⁴He, ¹²C, ¹⁴N, ¹⁶O) will be appended after these by the
/// evolution stage; the structure unknowns keep their indices.
public enum StarUnknown: Int, CaseIterable, Sendable {
    case lnd = 0, lnT, lnR, luminosity

    /// Unknowns per cell.
    public static let count = 4
    /// Names and kinds for the Henyey solver (L is linear: it is 0 at the centre and is never damped).
    public static let henyey: [HenyeyUnknown] = [HenyeyUnknown("lnd", .logarithmic), HenyeyUnknown("lnT", .logarithmic),
                                                 HenyeyUnknown("lnR", .logarithmic), HenyeyUnknown("L", .linear)]

    /// Index of this unknown of cell k in the cell-major vector.
    @inline(__always) public func at(_ k: Int) -> Int { StarUnknown.count * k + rawValue }
}
