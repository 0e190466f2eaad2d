#!/usr/bin/env bash
# The main job on built-in defaults: set up (if needed), build in release mode, run.
# Extra arguments go to stellarbound, e.g. scripts/run.sh plasma --density 1e6 --temperature 1e8
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift build -c release --product stellarbound >&2
exec .build/release/stellarbound "$@"
