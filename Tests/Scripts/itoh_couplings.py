#!/usr/bin/env python3
"""The neutrino couplings of Itoh et al. 1996 (ApJS 102, 411, eqs. 2.5-2.6): C_V = 1/2 + 2 sin^2(theta_W),
C_A = 1/2, C_V' = 1 - C_V, C_A' = 1 - C_A, n = 2 (mu and tau neutrinos), and
  Sigma+ = (C_V^2 + C_A^2) + n (C_V'^2 + C_A'^2),   Sigma- = (C_V^2 - C_A^2) + n (C_V'^2 - C_A'^2),
at Itoh's sin^2(theta_W) = 0.2319. Reproduces Tests/MicrophysicsTests/NeutrinoFitTests.swift (couplings, 1e-7 absolute).
"""
from fractions import Fraction as F

s2 = F('0.2319')
cv, ca = F(1, 2) + 2 * s2, F(1, 2)
cvp, cap = 1 - cv, 1 - ca
n = 2
plus = cv**2 + ca**2 + n * (cvp**2 + cap**2)
minus = cv**2 - ca**2 + n * (cvp**2 - cap**2)
for name, v, test in (("Sigma+", plus, 1.6815313), ("Sigma-", minus, 0.1815313)):
    print(f"{name} = {float(v):.10f} (exact {v}); test {test}, |diff| = {abs(float(v) - test):.1e}")
print("both within 1e-7" if abs(float(plus) - 1.6815313) < 1e-7 and abs(float(minus) - 0.1815313) < 1e-7 else "MISMATCH")
