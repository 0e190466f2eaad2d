import Henyey

/// The four unknowns of a core cell, in storage order (MESA's named unknowns `i_lnd`, `i_lnT`,
/// `i_lnR`, `i_lum`): ln ρ and ln T are cell averages, ln r and L (in L☉) live on the cell's outer face.
enum CoreUnknown: Int, CaseIterable {
    case lnRho = 0, lnT, lnR, luminosity

    /// Unknowns per cell.
    static let count = 4
    /// Their names and kinds for the Henyey solver (L is linear: it crosses zero at the centre).
    static let henyey: [HenyeyUnknown] = [HenyeyUnknown("lnd", .logarithmic), HenyeyUnknown("lnT", .logarithmic),
                                          HenyeyUnknown("lnR", .logarithmic), HenyeyUnknown("L", .linear)]

    /// Index of this unknown of cell k in the cell-major vector.
    @inline(__always) func at(_ k: Int) -> Int { CoreUnknown.count * k + rawValue }
}
