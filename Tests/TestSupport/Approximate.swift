/// Approximate equality for tests: the one helper every test target uses.
///
/// `isClose(a, b, rel: t)` is exactly the old `abs(a / b - 1) < t`: the difference is measured
/// relative to the SECOND argument (the reference), the comparison is strict, and a NaN on either side
/// or a zero reference (with `abs == 0`) is never close. Numerical trap: `abs(a - b) < t * abs(b)` is
/// not bit-for-bit the same near t ~ 1e-15, so the helper keeps the quotient form.

/// |a/b − 1|: the relative difference of `a` from the reference `b` (∞ or NaN when b = 0).
@inlinable
public func relativeDifference(_ a: Double, _ b: Double) -> Double {
    Swift.abs(a / b - 1)
}

/// True when |a/b − 1| < `rel`, or, if `abs` > 0, when |a − b| < `abs` (for references that may be zero).
@inlinable
public func isClose(_ a: Double, _ b: Double, rel: Double, abs: Double = 0) -> Bool {
    if relativeDifference(a, b) < rel { return true }
    return abs > 0 && Swift.abs(a - b) < abs
}
