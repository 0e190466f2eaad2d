#!/usr/bin/env python3
"""Independent evaluation of the Potekhin & Chabrier 2000 (PRE 62, 8554, eq. 16) fit to the excess free
energy f = F_ex/(N kT) of the one-component Coulomb liquid, and of u = Gamma df/dGamma (by mpmath's
differentiation, not by the closed-form derivative the Swift code uses).

  f(G) = A1 [sqrt(G (A2 + G)) - A2 ln(sqrt(G/A2) + sqrt(1 + G/A2))] + 2 A3 [sqrt(G) - arctan(sqrt(G))]
         + B1 [G - B2 ln(1 + G/B2)] + (B3/2) ln(1 + G^2/B4),
  A1 = -0.9070, A2 = 0.62954, A3 = -sqrt(3)/2 - A1/sqrt(A2), B1 = 0.00456, B2 = 211.6, B3 = -1e-4, B4 = 0.00462
  (the Potekhin & Chabrier 2000 liquid fit, as in MESA's Skye EOS). The older set A1 = -0.907347, A2 = 0.62849,
  B1 = 0.0045, B2 = 170, B3 = -8.4e-5, B4 = 0.0037 (Potekhin's earlier FITION) differs by 3.7e-4 at Gamma = 1 and
  would NOT pass the test's 1e-4: the test pins the 2000 set.

Reproduces Tests/MicrophysicsTests/EquationOfStateTests.swift (pc2000Values, 1e-4).
"""
from mpmath import mp, mpf, sqrt, log, atan, diff

mp.dps = 30
A1, A2 = mpf('-0.9070'), mpf('0.62954')
A3 = -sqrt(3) / 2 - A1 / sqrt(A2)
B1, B2, B3, B4 = mpf('0.00456'), mpf('211.6'), mpf('-1e-4'), mpf('0.00462')


def f(g):
    return (A1 * (sqrt(g * (A2 + g)) - A2 * log(sqrt(g / A2) + sqrt(1 + g / A2)))
            + 2 * A3 * (sqrt(g) - atan(sqrt(g)))
            + B1 * (g - B2 * log(1 + g / B2)) + B3 / 2 * log(1 + g * g / B4))


def u(g):
    return g * diff(f, g)


EXPECTED = [(1.0, -0.43729, -0.57204), (10.0, -7.10478, -7.99874), (100.0, -84.333, -87.526)]

if __name__ == "__main__":
    ok = True
    for g, fe, ue in EXPECTED:
        fv, uv = float(f(mpf(g))), float(u(mpf(g)))
        df, du = abs(fv / fe - 1), abs(uv / ue - 1)
        ok &= df < 1e-4 and du < 1e-4
        print(f"Gamma = {g:>5}: f = {fv:.6f} (test {fe}, {df:.1e})  u = {uv:.6f} (test {ue}, {du:.1e})")
    print("all within 1e-4" if ok else "MISMATCH")
