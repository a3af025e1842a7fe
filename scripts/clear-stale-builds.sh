#!/usr/bin/env bash
# Frees disk in a shared cargo target dir: removes linked test and binary executables and incremental
# state (cargo relinks what it needs), keeping compiled libraries so dependencies are not rebuilt.
set -euo pipefail
target="${1:-${CARGO_TARGET_DIR:-target}}"
deps="$target/debug/deps"
[ -d "$deps" ] || exit 0
find "$deps" -maxdepth 1 -type f -perm -u+x -regextype posix-extended -regex '.*/[a-z0-9_]+-[0-9a-f]{16}' -delete
rm -rf "$target/debug/incremental"
echo "Cleared stale executables in $deps ($(df -h --output=avail "$target" | tail -1 | tr -d ' ') free)."
