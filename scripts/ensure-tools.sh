#!/usr/bin/env bash
# Installs what building and testing bitalign needs, only where it is missing, so it
# is cheap to run before every build. Meant to be sourced by serve.sh and test.sh: it
# also exports PATH and the cargo target directory.
#
# The cargo target directory lives outside the clone (~/.cache/bitalign/target unless
# CARGO_TARGET_DIR is set) so that a fresh clone on the same machine, as CI makes,
# reuses the compiled dependencies instead of building everything again.
set -euo pipefail

repository_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repository_root"

path_without_repository_tools="$HOME/.cargo/bin:$PATH"
export PATH="$HOME/.cargo/bin:$repository_root/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/bitalign/target}"
mkdir -p "$CARGO_TARGET_DIR"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    say "apt-get update"
    apt-get update -qq
    apt_updated=yes
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Rust: the wasm target and the lint tools.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# rust-src lets the release build compile the standard library for size (see
# scripts/build-release.sh).
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

# The release build compiles the standard library from rust-src (see
# build-release.sh), and Trunk runs cargo offline: the standard library's own
# dependencies must be in the local registry cache. Fetched once; afterwards the
# offline fetch succeeds without the network.
rust_library_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if ! RUSTC_BOOTSTRAP=1 cargo fetch --offline --manifest-path "$rust_library_manifest" >/dev/null 2>&1; then
  say "fetching the standard library's dependencies (for the size-optimized build)"
  RUSTC_BOOTSTRAP=1 cargo fetch --manifest-path "$rust_library_manifest"
fi

# Trunk 0.21.14: later versions need a newer rustc than these machines have.
if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  say "installing trunk 0.21.14 (about 11 minutes on 2 cores, once)"
  cargo install --locked trunk --version 0.21.14
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly. It is
# installed without --locked because its lock file names a version the registry
# mirror lacks.
wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${wasm_bindgen_version}\$"; then
  say "installing wasm-bindgen-cli ${wasm_bindgen_version} (about 4 minutes, once)"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# Node.js for the npm tools (binaryen's wasm-opt, Playwright, ajv, axe-core).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi

# Debian's Chromium for the end-to-end tests (Playwright's own browser download
# does not work on these machines), and xmllint for XML checks.
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
if ! command -v xmllint >/dev/null 2>&1; then
  apt_install libxml2-utils
fi

# wasm-opt 132 from npm's binaryen, installed globally as well, so that a plain
# `trunk build --release` finds it on PATH without the scripts. Debian's binaryen
# (wasm-opt 108) produces modules that fail in the browser: it must not be used.
if ! PATH="$path_without_repository_tools" wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing wasm-opt 132 (npm binaryen) globally"
  npm install --global --no-audit --no-fund --loglevel=error binaryen@132.0.0
fi

# npm packages, reinstalled only when package-lock.json changed.
if ! cmp -s package-lock.json node_modules/.bitalign-installed-lock 2>/dev/null; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.bitalign-installed-lock
fi
