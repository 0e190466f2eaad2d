#!/usr/bin/env python3
"""Independent evaluation of the axion-bremsstrahlung integral J(eta, s) of Docs/axion.md eq. (A2) with
scipy's adaptive quadrature (QUADPACK), for the reference values in Tests/MicrophysicsTests/AxionEmissionTests.swift.

    J(eta, s) = int_0^inf dx int_0^x dw f(x-eta) f(eta+w-x) w^2 ln[((sqrt x + sqrt(x-w))^2 + s)/((sqrt x - sqrt(x-w))^2 + s)]

Usage: python3 Tests/Scripts/axion_bremsstrahlung.py   (needs numpy and scipy)
"""
import numpy as np
from scipy import integrate
from scipy.special import expit


def J(eta, s):
    def inner(x):
        sx = np.sqrt(x)
        def g(w):
            sy = np.sqrt(max(x - w, 0.0))
            plus = sx + sy
            minus = w / plus
            return expit(-(eta + w - x)) * w * w * np.log((plus * plus + s) / (minus * minus + s))
        return expit(-(x - eta)) * integrate.quad(g, 0, x, limit=400, epsabs=0, epsrel=1e-10)[0]
    lo, hi = max(0.0, eta - 40), max(eta, 0.0) + 45
    pts = [eta] if lo < eta < hi else None
    return integrate.quad(inner, lo, hi, points=pts, limit=400, epsabs=0, epsrel=1e-10)[0]


if __name__ == "__main__":
    for eta, s in [(-3.0, 1e-3), (0.0, 0.1), (2.0, 1.0), (5.0, 3.0), (10.0, 10.0), (20.0, 30.0)]:
        print(f"({eta}, {s:g}, {J(eta, s):.8e}),")
