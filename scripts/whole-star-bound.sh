#!/usr/bin/env bash
# The whole-star bound of one calibration (Docs/bounds.md §11), with its two checks. Not part of CI.
#
# 1. `bound --engine whole-star --calibration C` into a track store (7 tip-curve tracks and 25 budget tracks, two at
#    a time: ~1 h for M5 on this 2-core machine from cold, seconds once stored); the JSON and the text report.
# 2. The budget's ΔM_I at μ12 = 0 and at the reference μ12 = 4, side by side (how far from linear the response is).
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

# The budget's response at mu12 = 0 and at the reference mu12 side by side (every track variation is run at both
# since 2026-12-08, except the wind: Docs/bounds.md §11).
python3 - "$out" <<'EOF'
import json, sys
c = json.load(open(f"{sys.argv[1]}/bound.json"))["calibrations"][0]
print(f"{'variation':32s} {'dM_I(0)':>9s} {'dM_I(ref)':>9s}")
for b in c["budget"]:
    print(f"{b['variation']:32s} {b['delta_m_i_mu12_0']:+9.4f} {b['delta_m_i_reference_mu12']:+9.4f}")
EOF
