#!/usr/bin/env bash
# Robustness sweep of the whole star over the prior box of Franz et al. 2023 (issue 14, "Bad input and robustness"):
# M 0.7-2.25 Msun, Y 0.2-0.3, Z 1e-5-0.04, mu12 0-6, every track to the helium flash (or 20 Gyr). Not part of CI.
# Each track must end with a status (flashed, quiescent_ignition, age_reached; `failed` counts as a failure, and so
# does a crash, a missing JSON or a non-finite number). Prints one line per track and the failure count.
#
# The 16 corners of the box (the short 2.25 Msun tracks first) and its centre (17 tracks), or with --random N, N points drawn uniformly in M, Y, mu12
# and in log Z (seeded: --seed S). Tracks run two at a time with the tabulated EOS (built once per Z, ~10 s, cached).
# The corners take ~2-4 h on this 2-core machine (low-mass, low-Z tracks are the long ones: ~10 min each).
# Usage: scripts/sweep-prior-box.sh [--random N] [--seed S] [--jobs J] [output-directory]
# (STELLARBOUND_BIN=path runs that binary instead of building this checkout's release build.)
set -euo pipefail
cd "$(dirname "$0")/.."
random=0; seed=1; jobs=2; out=prior-box-sweep
while [ $# -gt 0 ]; do
    case "$1" in
        --random) random="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        *) out="$1"; shift ;;
    esac
done
mkdir -p "$out"
if [ -n "${STELLARBOUND_BIN:-}" ]; then
    bin="$STELLARBOUND_BIN"
else
    swift build -c release --product stellarbound >/dev/null
    bin="$PWD/.build/release/stellarbound"
fi

python3 - "$random" "$seed" > "$out/points.txt" <<'PY'
import itertools, math, random, sys
n, seed = int(sys.argv[1]), int(sys.argv[2])
if n == 0:
    pts = list(itertools.product([2.25, 0.7], [0.2, 0.3], [1e-5, 0.04], [0, 6])) + [(1.4, 0.25, 6.3e-4, 3)]
else:
    r = random.Random(seed)
    pts = [(r.uniform(0.7, 2.25), r.uniform(0.2, 0.3), 10 ** r.uniform(-5, math.log10(0.04)), r.uniform(0, 6))
           for _ in range(n)]
for i, (m, y, z, mu) in enumerate(pts):
    print("t%02d --mass %.4f --helium %.4f --metallicity %.6g --mu12 %.3f" % (i, m, y, z, mu))
PY

export bin out
xargs -P "$jobs" -L 1 bash -c 'n=$0; "$bin" star --stop flash --eos table --json --history "$out/$n-history.csv" "$@" \
    > "$out/$n.json" 2> "$out/$n.err" || true' < "$out/points.txt"

python3 - "$out" <<'PY'
import json, math, os, sys
out = sys.argv[1]
failures = 0
print("%-4s %6s %6s %9s %5s  %-19s %7s %7s %8s %6s %7s" % ("run", "M", "Y", "Z", "mu12", "status", "M_c", "logLtip",
                                                          "Teff", "steps", "wall s"))
for line in open(os.path.join(out, "points.txt")):
    name, *args = line.split()
    a = dict(zip(args[0::2], args[1::2]))
    try:
        j = json.load(open(os.path.join(out, name + ".json")))
    except Exception as e:
        j = {"status": "no-json"}
    finite = all(not (isinstance(v, float) and not math.isfinite(v)) for v in j.values())
    bad = j.get("status") not in ("flashed", "quiescent_ignition", "age_reached") or not finite
    failures += bad
    f = lambda k, fmt: (fmt % j[k]) if j.get(k) is not None else "-"
    print("%-4s %6s %6s %9s %5s  %-19s %7s %7s %8s %6s %7s%s" % (
        name, a["--mass"], a["--helium"], a["--metallicity"], a["--mu12"], j.get("status"),
        f("core_mass_msun", "%.4f"), f("log_l_tip", "%.4f"), f("teff_tip_k", "%.0f"), f("steps", "%d"),
        f("wall_time_s", "%.0f"), ("   " + str(j.get("failure_reason"))[:160]) if bad else ""))
print("failures: %d of %d" % (failures, sum(1 for _ in open(os.path.join(out, "points.txt")))))
PY
