#!/usr/bin/env bash
# Regenerates the example figures in Docs/figures/ (issue 18 item 8: one example of each figure the tool draws, with
# the CSV beside it). Not part of CI: ~25 min on the 2-core machine (the whole-star track is ~10 of them, the two
# posteriors ~4 each, bound and compare ~3 each).
# Usage: scripts/make-figures.sh [figure-name ...]   (no name: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
selected=("$@")
known=" $(grep -o '^run [a-z0-9-]*' scripts/make-figures.sh | cut -d' ' -f2 | tr '\n' ' ')"
for name in "${selected[@]}"; do
    [[ "$known" == *" $name "* ]] || { echo "make-figures: unknown figure '$name'; known:$known" >&2; exit 2; }
done
swift build -c release --product stellarbound >/dev/null
sb="$PWD/.build/release/stellarbound"
out=Docs/figures
run() {  # name, then the command's arguments (the figure is $out/name.png)
    local name="$1"; shift
    if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " == *" $name "* ]]; then return 0; fi
    echo "== $name: stellarbound $*" >&2
    "$sb" "$@" --plot "$out/$name.png" > /dev/null
}
run bound-default bound --quiet
run compare-limits compare --quiet
run millicharge-limits millicharge --red-giant --quiet
run scattering-reactor-ge scattering --charge 3e-12
run scattering-solar-xe scattering --source solar --target xe
run dispersion-rg-centre dispersion --density 1e6 --temperature 1e8 --points 121
run plasma-map plasma-map --step 0.05 --quiet
run flash-standard flash --quiet
run posterior-m5 posterior --calibration m5-viaux2013 --quiet
run posterior-franz2023-omega-cen posterior --calibration omega-cen-cr2020 --priors franz2023 --quiet
run star-standard star --mass 0.8 --helium 0.245 --metallicity 0.001 --mixing-length 1.643 --stop flash --eos table --quiet
