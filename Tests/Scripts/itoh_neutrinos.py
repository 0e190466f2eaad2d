#!/usr/bin/env python3
"""Itoh et al. 1996 (ApJS 102, 411) photo, pair and bremsstrahlung neutrino fits, evaluated with
pynucastro's sneut5 (an independent Python implementation of the same paper, after Timmes' sneut5;
`pip install --no-deps pynucastro`, version 3.1.0 checked). Only its neutrino_cooling/sneut5_mod.py
(numpy only) is loaded, so pynucastro's other dependencies are not needed.

Reproduces, for helium (A = 4, Z = 2, Y_e = 0.5), the constants of
  Tests/MicrophysicsTests/TranscriptionTests.swift: photo (1e-6) and pair (1e-6), erg cm^-3 s^-1
  (sneut5 returns erg g^-1 s^-1: times rho);
  Tests/MicrophysicsTests/NeutrinoFitTests.swift: bremValues, the liquid-metal branch (1 %), erg g^-1 s^-1.
sneut5 picks the bremsstrahlung branch itself (weak-degenerate above 0.3 T_F): all three test points
are liquid there, so the weak-branch values of bremValues are NOT checked by this script.
"""
import importlib.util
import pathlib
import sys

try:
    import pynucastro  # noqa: F401  (only to find the installed files)
    root = pathlib.Path(pynucastro.__file__).parent
except Exception:
    import site
    roots = [pathlib.Path(p) / "pynucastro" for p in site.getsitepackages()]
    root = next((r for r in roots if r.exists()), None)
    if root is None:
        sys.exit("pynucastro is not installed: pip install --no-deps pynucastro")

spec = importlib.util.spec_from_file_location("sneut5_mod", root / "neutrino_cooling" / "sneut5_mod.py")
sneut5_mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sneut5_mod)


def components(rho, t):
    _, c = sneut5_mod.sneut5(rho, t, abar=4.0, zbar=2.0, full_output=True)
    return c


CHECKS = []
for rho, t, q in [(1e4, 5e7, 8.578406e+00), (1e6, 1.5e8, 4.051501e+05), (1e3, 5e8, 5.274803e+07), (1e5, 2e9, 1.163201e+14)]:
    CHECKS.append((f"photo  rho={rho:.0e} T={t:.1e}", rho * components(rho, t).sphot, q, 1e-6))
for rho, t, q in [(1e4, 2e9, 7.323262e+17), (1e6, 5e9, 6.065393e+21), (1e2, 1e9, 9.041231e+13)]:
    CHECKS.append((f"pair   rho={rho:.0e} T={t:.1e}", rho * components(rho, t).spair, q, 1e-6))
for rho, t, liquid in [(1e5, 1e8, 0.216), (1e6, 1e8, 0.229), (1e6, 1.5e8, 2.76)]:
    CHECKS.append((f"brem (liquid) rho={rho:.0e} T={t:.1e}", components(rho, t).sbrem, liquid, 1e-2))

if __name__ == "__main__":
    ok = True
    for name, v, test, tol in CHECKS:
        d = abs(v / test - 1)
        ok &= d < tol
        print(f"{name:34s} {v:.6e}  test {test:.6e} (tolerance {tol:g}): {d:.1e}{'' if d < tol else ' FAIL'}")
    print("all within the tests' tolerances" if ok else "MISMATCH")
