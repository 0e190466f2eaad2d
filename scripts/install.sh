#!/usr/bin/env bash
# Installs stellarbound under PREFIX (default ~/.local): PREFIX/bin/stellarbound and its data in
# PREFIX/share/stellarbound/StellarModels, where the installed binary looks first after
# --data-dir / $STELLARBOUND_DATA (see StellarModels/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-$HOME/.local}"
bash scripts/bootstrap.sh
swift build -c release --product stellarbound >&2
install -d "$prefix/bin" "$prefix/share/stellarbound"
install -m 755 .build/release/stellarbound "$prefix/bin/stellarbound"
rm -rf "$prefix/share/stellarbound/StellarModels"
cp -R StellarModels "$prefix/share/stellarbound/StellarModels"
echo "installed $prefix/bin/stellarbound (data: $prefix/share/stellarbound/StellarModels)" >&2
