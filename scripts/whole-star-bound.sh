#!/usr/bin/env bash
# The whole-star bound of one calibration (Docs/bounds.md §11), with its two checks. Not part of CI.
#
# 1. `bound --engine whole-star --calibration C` into a track store (6 tip-curve tracks and 13 budget tracks, two at
#    a time: ~40 min for M5 on this 2-core machine from cold, seconds once stored); the JSON and the text report.
# 2. The linear-response check of the whole star's budget: the helium (Y + 0.01) and mixing-length (α + 0.2)
#    variations re-run at μ12 = 4 with `star`, their ΔM_I at μ12 = 4 printed beside the ΔM_I at μ12 = 0 that the
#    budget carries to every μ12 (the BC read as `bound` reads it: Docs/bounds.md §11 quotes the result).
#
# Usage: scripts/whole-star-bound.sh [--calibration NAME] [--store DIR] [output-directory]
# (STELLARBOUND_BIN=path runs that binary instead of building this checkout's release build.)
set -euo pipefail
cd "$(dirname "$0")/.."
calibration=m5-viaux2013; store=whole-star-store; out=whole-star-bound
while [ $# -gt 0 ]; do
    case "$1" in
        --calibration) calibration="$2"; shift 2 ;;
        --store) store="$2"; shift 2 ;;
        *) out="$1"; shift ;;
    esac
done
mkdir -p "$out" "$store"
if [ -n "${STELLARBOUND_BIN:-}" ]; then
    bin="$STELLARBOUND_BIN"
else
    swift build -c release --product stellarbound >/dev/null
    bin="$PWD/.build/release/stellarbound"
fi

"$bin" bound --engine whole-star --calibration "$calibration" --store "$store" --json > "$out/bound.json"
"$bin" bound --engine whole-star --calibration "$calibration" --store "$store" --plot "$out/bound.png" > "$out/bound.txt"
cat "$out/bound.txt"

# The standard star of the report, and the two variations at mu12 = 4 (the reference).
read -r z y m alpha <<< "$(python3 -c "
import json; c = json.load(open('$out/bound.json'))['calibrations'][0]
print(c['metallicity_z'], c['helium_y'], c['mass_msun'], json.load(open('StellarModels/solar-calibration/gs98.json'))['mixing_length'])")"
run() { "$bin" star --mass "$m" --metallicity "$z" --eos table --stop flash --age 20 --mu12 4 --json "$@"; }
run --helium "$(python3 -c "print($y + 0.01)")" --mixing-length "$alpha" > "$out/helium-plus-mu12-4.json" &
run --helium "$y" --mixing-length "$(python3 -c "print($alpha + 0.2)")" > "$out/alpha-plus-mu12-4.json" &
wait
python3 - "$out" "$calibration" <<'EOF'
import json, sys
out, name = sys.argv[1], sys.argv[2]
r = json.load(open(f"{out}/bound.json"))
c = r["calibrations"][0]
curve = {p["mu12"]: p["m_i"] for p in c["tip_curve"]}
budget = {b["variation"]: b["delta_m_i_mu12_0"] for b in c["budget"]}
# M_I of a star report through the same BC table (cv14-p04, the default): the bound's own photometry.
table = json.load(open("StellarModels/bolometric-corrections/cv14-p04.json"))
def trilinear(grid, t, g, z):
    import bisect
    def bracket(axis, x):
        i = max(0, min(len(axis) - 2, bisect.bisect_right(axis, x) - 1))
        return i, (x - axis[i]) / (axis[i + 1] - axis[i])
    g = min(max(g, table["logg"][0]), table["logg"][-1])   # the BC at the grid's edge, as TipPhotometry reads it
    (i, ft), (j, fg), (k, fz) = bracket(table["teff_k"], t), bracket(table["logg"], g), bracket(table["feh"], z)
    v = 0.0
    for di, wi in ((0, 1 - ft), (1, ft)):
        for dj, wj in ((0, 1 - fg), (1, fg)):
            for dk, wk in ((0, 1 - fz), (1, fz)):
                v += wi * wj * wk * grid[k + dk][j + dj][i + di]   # stored [feh][log g][T_eff]
    return v
def m_i(star):
    return table["mbol_sun"] - 2.5 * star["log_l_tip"] - trilinear(table["bc_i"], star["teff_tip_k"], star["log_g_tip"], c["feh"])
for label, f, key in (("Y +0.010", "helium-plus-mu12-4.json", "Y +0.010"),
                      ("alpha +0.20", "alpha-plus-mu12-4.json", "mixing length α +0.20")):
    s = json.load(open(f"{out}/{f}"))
    if s["status"] not in ("flashed", "quiescent_ignition"):
        print(f"{label}: the mu12 = 4 track failed: {s['failure_reason']}"); continue
    print(f"{label}: dM_I at mu12 = 0: {budget[key]:+.4f} mag (carried to every mu12); at mu12 = 4: {m_i(s) - curve[4.0]:+.4f} mag")
EOF
