#!/usr/bin/env bash
# Builds the release bundle and runs the benchmark beside the plain-JavaScript
# yardstick; results go to benchmarks/results.md. Not part of the tests: timings on
# shared machines are too noisy for pass/fail, the ratios are what to read.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"
scripts/build-release.sh
node scripts/benchmark.mjs
