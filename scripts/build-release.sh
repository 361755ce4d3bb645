#!/usr/bin/env bash
# Builds the release bundle into dist/ with the standard library compiled for size.
#
# Why: the bundle has a size budget (250 KB gzip in CI, 180 KB aimed at). The
# standard library as shipped is compiled for speed and carries the machinery that
# formats panic messages and their source locations. Rebuilding it from rust-src
# with `optimize_for_size`, aborting on panic without formatting anything
# (`-Cpanic=immediate-abort`; the app has no panic hook either, a panic in
# WebAssembly ends the app in both cases) and without location strings saves about
# a tenth of the gzip size. These are unstable compiler options: RUSTC_BOOTSTRAP
# enables them on the stable toolchain for this one build only. Native tests,
# clippy and plain `trunk build` are unaffected and still work without them.
#
# The build uses its own target directory because the rebuilt standard library has
# different fingerprints: sharing one directory with clippy would rebuild back and
# forth.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"

export CARGO_TARGET_DIR="$HOME/.cache/bitalign/target-release-wasm"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
trunk build --release "$@"
