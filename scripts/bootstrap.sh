#!/usr/bin/env bash
# Installs what stellarbound needs from Debian when it is missing:
#   libgsl-dev + pkg-config (GSL, the numerical workhorse), gnuplot-nox (plots) and fonts-dejavu-core (the plots'
#   font: its Greek ν does not look like a v).
# Skips apt entirely when `pkg-config --exists gsl`, `gnuplot` and the font already work (milliseconds).
set -euo pipefail

need=()
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists gsl; then
  need+=(libgsl-dev pkg-config)
fi
command -v gnuplot >/dev/null 2>&1 || need+=(gnuplot-nox)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${need[*]} (Debian packages)" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "bootstrap: need root or sudo to install: ${need[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has empty package lists: install fails until 'apt-get update' has run.
if ! "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
pkg-config --exists gsl || { echo "bootstrap: GSL still not visible to pkg-config" >&2; exit 1; }
