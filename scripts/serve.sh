#!/usr/bin/env bash
# Builds the release bundle and serves it on http://127.0.0.1:8080/ (PORT to change).
# The app opens with the sample model the first time; everything stays in the browser.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"

scripts/build-release.sh
port="${PORT:-8080}"
echo
echo "bitalign is served at http://127.0.0.1:${port}/  (Ctrl+C stops it)"
exec node tests/e2e/static-server.mjs --root dist --port "$port" --prefix /
