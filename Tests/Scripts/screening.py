#!/usr/bin/env python3
"""Triple-alpha screening enhancement in pure helium, evaluated with pynucastro's screening module (an
independent implementation; `pip install pynucastro`, 3.1.0 checked) as the product of the two steps
  alpha + alpha -> 8Be  and  alpha + 8Be -> 12C   (Z = 4, A = 8 for the second pair, as in MESA and sneut5-era networks),
for screen5 (Wallace, Woosley & Weaver 1982 / Alastuey & Jancovici 1978 / Itoh 1979, as in Timmes' screen5)
and Chugunov, DeWitt & Yakovlev 2007 (PRD 76, 025028).

Reproduces Tests/MicrophysicsTests/TranscriptionTests.swift (strongerScreening: rho = 1e7, T = 1e8) and
Tests/MicrophysicsTests/TripleAlphaTests.swift (redGiantScreening: rho = 1e6, T = 1e8), each to 1 %.
"""
import numpy as np
from pynucastro.nucdata import Nucleus
from pynucastro.screening import chugunov_2007, make_plasma_state, make_screen_factors, screen5

he4, be8 = Nucleus("he4"), Nucleus("be8")


def enhancement(method, rho, t):
    state = make_plasma_state(t, rho, {he4: 1.0 / 4.0})   # molar fractions Y = X/A
    # pynucastro's screening functions return the exponent h (enhancement e^h)
    return np.exp(method(state, make_screen_factors(he4, he4)) + method(state, make_screen_factors(he4, be8)))


CHECKS = [
    ("screen5 rho=1e7 T=1e8", enhancement(screen5, 1e7, 1e8), 34.0),
    ("CDY07   rho=1e7 T=1e8", enhancement(chugunov_2007, 1e7, 1e8), 35.7),
    ("screen5 rho=1e6 T=1e8", enhancement(screen5, 1e6, 1e8), 5.65),
    ("CDY07   rho=1e6 T=1e8", enhancement(chugunov_2007, 1e6, 1e8), 4.62),
]

if __name__ == "__main__":
    ok = True
    for name, v, test in CHECKS:
        d = abs(v / test - 1)
        ok &= d < 0.01
        print(f"{name}: {v:.4f}  test {test} (tolerance 0.01): {d:.1e}{'' if d < 0.01 else ' FAIL'}")
    print("all within the tests' tolerances" if ok else "MISMATCH")
