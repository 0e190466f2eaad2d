#!/usr/bin/env bash
# The Slurm test of issue 16 (Docs/grids.md §3), run by the test suite (CLITests "Slurm job array"):
# starts a real one-node Slurm cluster on localhost (scripts/slurm-cluster.sh), writes a 6-track grid's job
# array with `stellarbound grid slurm --shards 4`, submits it (the export job waits with afterok), waits, and checks
# that the exported CSV equals the same grid computed in one process (every column but the run time wall_time_s).
#
#   scripts/test-slurm.sh STELLARBOUND_BINARY [DIR]
#
# Exit 0: passed; 77: Slurm cannot be installed here (the caller skips, with the reason on stderr); 1: failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sb=${1:?usage: $0 STELLARBOUND_BINARY [DIR]}
dir=${2:-$(mktemp -d /tmp/sb-slurm-XXXXXX)}
mkdir -p "$dir"
timeout_s=${SLURM_TEST_TIMEOUT:-1800}

"$here/slurm-cluster.sh" available || exit 77
set +e
conf=$("$here/slurm-cluster.sh" start "$dir/cluster")
rc=$?
set -e
[[ $rc == 0 ]] || exit "$rc"
eval "$conf"
trap '"$here/slurm-cluster.sh" stop "$dir/cluster" >/dev/null 2>&1 || true' EXIT

cat > "$dir/g.json" <<'JSON'
{ "name": "slurmtest",
  "fixed": { "helium": 0.245, "metallicity": 0.001 },
  "axes": [ { "name": "mass", "values": [0.8, 0.9] }, { "name": "mu12", "values": [0, 2, 4] } ] }
JSON

# The job array and its export, into their own store.
"$sb" grid slurm "$dir/g.json" --shards 4 --time 60 --store "$dir/store-slurm" --output-dir "$dir/slurm"
grep -q -- '--array=0-3' "$dir/slurm/slurmtest-array.sbatch"
submitted=$(bash "$dir/slurm/slurmtest-submit.sh")
echo "$submitted"
array=$(sed -n 's/^array job \([0-9]*\).*/\1/p' <<<"$submitted")
export_job=$(sed -n 's/.*export job \([0-9]*\).*/\1/p' <<<"$submitted")
[[ -n $array && -n $export_job ]] || { echo "test-slurm: could not read the job ids" >&2; exit 1; }

# Meanwhile, the same grid in one process.
"$sb" grid run "$dir/g.json" --store "$dir/store-one" --quiet >/dev/null
"$sb" grid export "$dir/g.json" --csv --store "$dir/store-one" --output "$dir/one.csv"

# Wait for the array and the export (no accounting: a job is done when squeue no longer lists it).
start=$(date +%s)
while [[ -n $(squeue -h -j "$array,$export_job" 2>/dev/null) ]]; do
  if (( $(date +%s) - start > timeout_s )); then
    echo "test-slurm: jobs still queued after ${timeout_s} s:" >&2
    squeue -j "$array,$export_job" >&2 || true
    exit 1
  fi
  sleep 2
done
echo "jobs finished after $(( $(date +%s) - start )) s"

[[ -s $dir/slurm/slurmtest.csv ]] || {
  echo "test-slurm: the export job wrote no CSV; logs:" >&2
  tail -n 20 "$dir"/slurm/logs/* >&2 || true
  exit 1
}
"$sb" grid status "$dir/g.json" --shards 4 --store "$dir/store-slurm" | tee "$dir/status.txt"
grep -q '(complete)' "$dir/status.txt"
logs=$(ls "$dir"/slurm/logs/slurmtest-*_*.out | wc -l)
[[ $logs == 4 ]] || { echo "test-slurm: expected 4 array-task logs, found $logs" >&2; exit 1; }

# Equal but for the run time of each track.
drop_time() { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "wall_time_s") c = i } { out = ""; for (i = 1; i <= NF; i++) if (i != c) out = out (out == "" ? "" : ",") $i; print out }' "$1"; }
if ! diff <(drop_time "$dir/one.csv") <(drop_time "$dir/slurm/slurmtest.csv"); then
  echo "test-slurm: the Slurm grid differs from the one-process grid" >&2
  exit 1
fi
rows=$(($(wc -l < "$dir/one.csv") - 1))
flashed=$(grep -c ',flashed,' "$dir/one.csv" || true)
echo "test-slurm: passed: $rows tracks in 4 array tasks equal the one-process grid ($flashed flashed)"
