#!/usr/bin/env bash
# Runs every check bitalign has: formatting, lints (native and wasm32), native tests,
# the release build with its size gate, and the end-to-end tests in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests"
cargo test --locked

step "release build"
trunk build --release

step "bundle size gate"
node scripts/check-bundle-size.mjs dist

step "end-to-end tests (headless Chromium)"
playwright test --config tests/e2e/playwright.config.mjs
