#!/usr/bin/env bash
# The main job on built-in defaults: set up (if needed), build in release mode, run the default
# bound report (limits on the neutrino magnetic moment from four TRGB calibrations, with the
# systematics budget; about 50 s on 2 cores).
# Extra arguments go to stellarbound, e.g. scripts/run.sh plasma --density 1e6 --temperature 1e8
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift build -c release --product stellarbound >&2
if [ "$#" -gt 0 ]; then
  exec .build/release/stellarbound "$@"
fi
# No arguments: the default bound report.
exec .build/release/stellarbound bound
