#!/usr/bin/env bash
# The main job on built-in defaults: set up (if needed), build in release mode, run:
# the plasma summary and the standard star's helium flash.
# Extra arguments go to stellarbound, e.g. scripts/run.sh plasma --density 1e6 --temperature 1e8
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift build -c release --product stellarbound >&2
if [ "$#" -gt 0 ]; then
  exec .build/release/stellarbound "$@"
fi
# No arguments: the plasma summary at red-giant conditions, then the standard star to the helium flash
# (the bound extractor, issue 4, will become the main job).
.build/release/stellarbound
echo
exec .build/release/stellarbound flash
