#!/usr/bin/env python3
"""Feldman & Cousins 1998 (PRD 57, 3873, sec. IV.B, Table X): the unified upper limit on a Gaussian mean
s >= 0 (unit variance) observed at x, by brute-force Neyman construction with likelihood-ratio ordering
(scipy; a grid in x at each s, no closed form used), against the closed form the Swift test uses
(Tests/TRGBBoundsTests/BoundLimitsClosedFormTests.swift):

    x >= 0:  s_up = x + Phi^-1((1 + CL)/2);     x < 0:  s_up solves Phi(sqrt(s^2 - 2 s x)) - Phi(x - s) = CL.

Also prints the Table X values it reproduces (95 %: x = 0 -> 1.96; 90 %: x = 0 -> 1.64).
"""
import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm


def closed_form(x, cl):
    central = norm.ppf((1 + cl) / 2)
    if x >= 0:
        return x + central
    return brentq(lambda s: norm.cdf(np.sqrt(s * s - 2 * s * x)) - norm.cdf(x - s) - cl, 1e-12, central, xtol=1e-14)


def neyman_lower_end(s, cl, grid=np.linspace(-12, 20, 320001)):
    """Acceptance region at s by likelihood-ratio ordering: add x in decreasing R until the probability is CL."""
    dx = grid[1] - grid[0]
    shat = np.maximum(grid, 0)
    log_r = -0.5 * (grid - s) ** 2 + 0.5 * (grid - shat) ** 2
    p = norm.pdf(grid - s) * dx
    order = np.argsort(-log_r, kind="stable")
    k = np.searchsorted(np.cumsum(p[order]), cl)
    return grid[order[: k + 1]].min()


def neyman_upper_limit(x, cl):
    return brentq(lambda s: neyman_lower_end(s, cl) - x, 1e-6, x + 10 if x > 0 else 10, xtol=1e-6)


if __name__ == "__main__":
    ok = True
    for cl in (0.95, 0.90, 0.68):
        for x in (-2.0, -1.2, -0.4, 0.0, 0.7, 1.5):
            a, b = closed_form(x, cl), neyman_upper_limit(x, cl)
            ok &= abs(a - b) < 2e-3
            print(f"CL = {cl:.2f}  x = {x:+.1f}:  closed form {a:.6f}   Neyman construction {b:.6f}")
    print("Table X: 95 % x = 0 ->", round(closed_form(0, 0.95), 2), "(1.96);  90 % x = 0 ->", round(closed_form(0, 0.90), 2), "(1.64)")
    print("closed form = construction to 2e-3" if ok else "MISMATCH")
