#!/usr/bin/env bash
# Installs what building Estrade needs, skipping whatever is already there (quick when all is present).
#   scripts/ensure-tools.sh          build tools: wasm32 target, cargo-leptos, wasm-bindgen CLI
#   scripts/ensure-tools.sh test     … plus Chromium + chromedriver (Debian) for browser tests
#   scripts/ensure-tools.sh release  … plus wasm-opt (binaryen 132 from npm) for size-optimised wasm
set -euo pipefail

CARGO_LEPTOS_VERSION=0.3.7
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
root="$(cd "$(dirname "$0")/.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target (about a minute)"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (once; about 15 minutes on 2 cores)"
  cargo install "cargo-leptos@$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once; about 5 minutes)"
  # Not --locked: its lock file pins a yanked webpki-roots.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

case "${1:-}" in
  test)
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
      say "Installing Chromium and chromedriver from Debian"
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    fi
    # xmllint validates the schedule.xml export against the frab XSD in the exports tests.
    if ! command -v xmllint >/dev/null; then
      say "Installing xmllint (libxml2-utils) from Debian"
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils
    fi
    if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432 && command -v pg_ctlcluster >/dev/null; then
      say "Starting the local PostgreSQL"
      as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
    ;;
  release)
    if ! "$root/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
      say "Installing wasm-opt (binaryen $BINARYEN_VERSION from npm; Debian's 108 breaks wasm-bindgen output)"
      npm install --silent --prefix "$root/.tools" "binaryen@$BINARYEN_VERSION"
    fi
    ;;
esac
