#!/usr/bin/env bash
# The whole test suite: set up (if needed), build, run every test (Swift Testing; summary last).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build "$@"
