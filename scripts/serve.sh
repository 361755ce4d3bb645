#!/usr/bin/env bash
# Builds the release bundle and serves it on http://127.0.0.1:8080/ (PORT to change).
# The app opens with the sample model the first time; everything stays in the browser.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"

# Extra arguments go to the build, e.g. `--features roadmap-screen --dist dist-roadmap`.
dist_directory=dist
arguments=("$@")
for index in "${!arguments[@]}"; do
  if [ "${arguments[$index]}" = "--dist" ]; then
    dist_directory="${arguments[$((index + 1))]}"
  fi
done
scripts/build-release.sh "$@"
port="${PORT:-8080}"
echo
echo "bitalign is served at http://127.0.0.1:${port}/  (Ctrl+C stops it)"
exec node tests/e2e/static-server.mjs --root "$dist_directory" --port "$port" --prefix /
