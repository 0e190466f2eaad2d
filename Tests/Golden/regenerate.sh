#!/usr/bin/env bash
# Regenerates the golden outputs in Tests/Golden/ from the release binary:
# for each line "<name>: <arguments>" of commands.txt, runs `stellarbound <arguments>` and stores its
# standard output as <name>.json (or <name>.csv when the output is CSV). Prints each command's time.
# Run it only when an output is MEANT to change, and say in the commit which numbers moved and why.
# Usage: Tests/Golden/regenerate.sh [scratch path, default .build-golden]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
golden="$root/Tests/Golden"
scratch="${1:-.build-golden}"
cd "$root"
swift build -c release --scratch-path "$scratch" --product stellarbound
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/stellarbound"
export STELLARBOUND_DATA="$root/StellarModels"
grep -v '^[[:space:]]*#' "$golden/commands.txt" | grep -v '^[[:space:]]*$' | while IFS= read -r line; do
    name="${line%%:*}"
    args="${line#*:}"
    read -r -a argv <<< "$args"
    ext=json
    for a in "${argv[@]}"; do [ "$a" = "--csv" ] && ext=csv; done
    start=$(date +%s.%N)
    "$bin" "${argv[@]}" > "$golden/$name.$ext"
    end=$(date +%s.%N)
    printf '%-20s %7.2f s  stellarbound%s\n' "$name" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$args"
done
