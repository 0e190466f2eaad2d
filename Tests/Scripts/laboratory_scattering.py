#!/usr/bin/env python3
"""Independent evaluation (CODATA 2018 / PDG values typed here) of the laboratory test constants:

* nu-e elastic scattering on a free electron, Vogel & Engel 1989 (PRD 39, 3378) eqs. 1-2:
    weak:     dsigma/dT = (G_F^2 m_e / 2 pi) [(gV + gA)^2 + (gV - gA)^2 (1 - T/E)^2 + (gA^2 - gV^2) m_e T/E^2]
              gV = 2 s^2 - 1/2 (+1 for nu_e), gA = -1/2 (+1 for nu_e), gA -> -gA for antineutrinos, s^2 = 0.2387
    magnetic: dsigma/dT = (pi alpha^2 / m_e^2) (1/T - 1/E) (mu/mu_B)^2
  at E = 1 MeV, T = 10 keV, mu = 1e-11 mu_B (Tests/LaboratoryTests/LaboratoryTests.swift, textbookValues);
* the Standard-Model Dirac moment 3 e G_F m_nu / (8 sqrt2 pi^2) = 3 G_F m_e m_nu / (4 sqrt2 pi^2) mu_B
  (Fujikawa & Shrock 1980) per eV (fujikawaShrock, and the CLI's standard_model_dirac_moment_mu_b_per_ev).
"""
from mpmath import mp, mpf, pi, sqrt

mp.dps = 30
GF = mpf('1.1663787e-11')          # MeV^-2 (PDG)
ME = mpf('0.51099895000')          # MeV (CODATA 2018)
ALPHA = 1 / mpf('137.035999084')   # CODATA 2018
HBARC = mpf('197.3269804e-13')     # MeV cm (CODATA 2018)
S2 = mpf('0.2387')


def weak(e, t, electron, anti):
    gv, ga = 2 * S2 - mpf('0.5'), mpf('-0.5')
    if electron:
        gv, ga = gv + 1, ga + 1
    if anti:
        ga = -ga
    y = 1 - t / e
    scale = GF**2 * ME / (2 * pi) * HBARC**2
    return scale * ((gv + ga)**2 + (gv - ga)**2 * y * y + (ga * ga - gv * gv) * ME * t / e**2)


MAGNETIC_SCALE = pi * ALPHA**2 / ME**2 * HBARC**2      # cm^2


def magnetic(e, t, mu):
    return MAGNETIC_SCALE * (1 / t - 1 / e) * mu**2


SM_DIRAC_PER_EV = 3 * GF * 1e-12 * ME * 1e6 / (4 * sqrt(2) * pi**2)   # mu_B per eV (G_F in eV^-2, m_e in eV)

CHECKS = [
    ("weak anti-nu_e (cm2/MeV)", weak(mpf(1), mpf('0.01'), True, True), 1.018e-44, 2e-3),
    ("weak nu_e (cm2/MeV)", weak(mpf(1), mpf('0.01'), True, False), 1.035e-44, 2e-3),
    ("magnetic, mu = 1e-11 (cm2/MeV)", magnetic(mpf(1), mpf('0.01'), mpf('1e-11')), 2.47e-45, 3e-3),
    ("pi alpha^2/m_e^2 (cm2)", MAGNETIC_SCALE, 2.495e-25, 1e-3),
    ("SM Dirac moment (mu_B per eV)", SM_DIRAC_PER_EV, 3.20e-19, 5e-3),
]

if __name__ == "__main__":
    ok = True
    for name, v, test, tol in CHECKS:
        d = abs(float(v) / test - 1)
        ok &= d < tol
        print(f"{name:32s} {float(v):.5e}  test {test:.4g} (tolerance {tol:g}): {d:.1e}{'' if d < tol else ' FAIL'}")
    print("all within the tests' tolerances" if ok else "MISMATCH")
