#!/usr/bin/env bash
# `make bench`: load-tests the release build on a fresh SQLite database holding the large
# `bench-conf` event (`server seed-bench`), with wrk, and measures what a first visit downloads.
# Prints a Markdown table and records it, dated, in BENCHMARKS.md.
#
#   BENCH_DURATION=20s BENCH_CONNECTIONS=64 BENCH_THREADS=2   wrk settings
#   BENCH_SKIP_BUILD=1                                        reuse the last release build
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
DURATION="${BENCH_DURATION:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"
ENCODING='br, gzip'
SLUG=bench-conf
target_dir="${CARGO_TARGET_DIR:-$root/target}"
# A site root of its own: cargo-leptos empties the site root it builds, and the debug site in
# target/site may be in use by tests.
export LEPTOS_SITE_ROOT="${BENCH_SITE_ROOT:-target/site-bench}"
export LEPTOS_HASH_FILES=true
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    say "Installing wrk from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  fi
}

build_release() {
  if [ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -x "$target_dir/release/server" ]; then
    say "Reusing the release build (BENCH_SKIP_BUILD=1)"
    return
  fi
  "$root/scripts/ensure-tools.sh" release
  say "Building the release server and site into $LEPTOS_SITE_ROOT"
  cargo leptos build --release
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

seed_and_start() {
  export DATABASE_URL="sqlite://$work/bench.sqlite?mode=rwc" DATA_DIR="$work/data"
  say "Seeding bench-conf into a fresh SQLite database"
  "$target_dir/release/server" seed-bench | tee "$work/seed.txt" >&2
  port="$(free_port)"
  base="http://127.0.0.1:$port"
  export LEPTOS_SITE_ADDR="127.0.0.1:$port" BASE_URL="$base"
  "$target_dir/release/server" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    if curl -fsS "$base/readyz" >/dev/null 2>&1; then return; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
  say "The server did not become ready"; cat "$work/server.log" >&2; exit 1
}

# The organiser's session cookie ("name=value"), signing in like the hydrated app does.
sign_in() {
  local email password
  email="$(sed -n 's/^Organiser: \(.*\) \/ .*/\1/p' "$work/seed.txt")"
  password="$(sed -n 's/^Organiser: .* \/ \(.*\)/\1/p' "$work/seed.txt")"
  curl -fsS -o /dev/null -D "$work/sign-in.headers" -H "Origin: $base" -H 'Accept: application/json' \
    --data-urlencode "email=$email" --data-urlencode "password=$password" "$base/api/auth/sign_in"
  tr -d '\r' <"$work/sign-in.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | grep -v '=$' | head -n1 || true
}

status_of() { curl -s -o /dev/null -w '%{http_code}' -H "Accept-Encoding: $ENCODING" "$@"; }

# wrk latency ("1.23ms", "850.00us", "1.02s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# Runs wrk on a path; prints "req/s|p50 ms|p99 ms|non-2xx".
measure() {
  local path="$1"; shift
  local out
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: $ENCODING" "$@" "$base$path")"
  echo "$out" >>"$work/wrk.txt"
  local rps p50 p99 bad
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  bad="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")"
  echo "$rps|$p50|$p99|${bad:-0}"
}

# One table row: name, path, target, then extra wrk/curl arguments (a cookie header).
row() {
  local name="$1" path="$2" target="$3"; shift 3
  local code
  code="$(status_of "$@" "$base$path")"
  if [ "$code" != 200 ]; then
    say "Skipping $path: it answers $code"
    echo "| $name | \`$path\` | — | — | — | skipped: HTTP $code | $target |"
    return
  fi
  say "wrk on $path ($DURATION, $CONNECTIONS connections)"
  curl -s -o /dev/null "$@" "$base$path"  # warm the cache once
  IFS='|' read -r rps p50 p99 bad <<<"$(measure "$path" "$@")"
  echo "| $name | \`$path\` | $rps | $p50 | $p99 | $bad | $target |"
}

# Compressed bytes of the agenda's HTML and every /pkg or asset file it references; files the
# server sends uncompressed also get their gzip -9 size, for comparison.
first_visit() {
  local html="$work/agenda.html" total=0 gz_total=0 size enc gz url
  curl -s -H "Accept-Encoding: $ENCODING" --compressed -o "$html" "$base/events/$SLUG/agenda"
  size="$(curl -s -H "Accept-Encoding: $ENCODING" -o /dev/null -w '%{size_download}' "$base/events/$SLUG/agenda")"
  total=$((total + size)) gz_total=$((gz_total + size))
  echo "- \`/events/$SLUG/agenda\` (HTML): $size bytes" >"$work/assets.txt"
  for url in $(grep -oE "[\"'](/[A-Za-z0-9._/-]+\.(css|js|wasm|svg|png|ico|woff2?))[\"']" "$html" | tr -d "\"'" | sort -u); do
    read -r size enc <<<"$(curl -s -H "Accept-Encoding: $ENCODING" -o /dev/null -w '%{size_download} %header{content-encoding}' "$base$url")"
    total=$((total + size))
    if [ -z "$enc" ]; then
      gz="$(curl -s "$base$url" | gzip -9 | wc -c)"
      gz_total=$((gz_total + gz))
      echo "- \`$url\`: $size bytes, sent **uncompressed** (gzip -9 would make it $gz bytes)" >>"$work/assets.txt"
    else
      gz_total=$((gz_total + size))
      echo "- \`$url\`: $size bytes ($enc)" >>"$work/assets.txt"
    fi
  done
  echo "$total $gz_total"
}

# Compressed bytes a first visit to PATH downloads (HTML and every CSS, JS, wasm and image file it
# references), with the extra curl arguments given (a cookie header).
weigh() {
  local path="$1"; shift
  local html="$work/page.html" total size url
  curl -s "$@" -H "Accept-Encoding: $ENCODING" --compressed -o "$html" "$base$path"
  total="$(curl -s "$@" -H "Accept-Encoding: $ENCODING" -o /dev/null -w '%{size_download}' "$base$path")"
  for url in $(grep -oE "[\"'](/[A-Za-z0-9._/-]+\.(css|js|wasm|svg|png|ico|woff2?))[\"']" "$html" | tr -d "\"'" | sort -u); do
    size="$(curl -s -H "Accept-Encoding: $ENCODING" -o /dev/null -w '%{size_download}' "$base$url")"
    total=$((total + size))
  done
  echo "$total"
}

# One row of the page-weight table: name, path, target in KB, then curl arguments.
weight_row() {
  local name="$1" path="$2" target="$3"; shift 3
  local code bytes verdict
  code="$(status_of "$@" "$base$path")"
  if [ "$code" != 200 ]; then
    echo "| $name | \`$path\` | — | skipped: HTTP $code | ≤ $target KB |"
    return
  fi
  bytes="$(weigh "$path" "$@")"
  verdict="$([ $((bytes / 1024)) -le "$target" ] && echo met || echo '**missed**')"
  echo "| $name | \`$path\` | $((bytes / 1024)) KB | $verdict | ≤ $target KB |"
}

# First visits, empty cache, signed in as the organiser (who may also propose and review).
page_weights() {
  local cookie="$1" proposal="$2"
  echo "| Page | Path | First visit (compressed) | Verdict | Target |"
  echo "|---|---|---:|---|---|"
  weight_row "Call for papers" "/events/$SLUG/cfp" 250 -H "Cookie: $cookie"
  weight_row "Proposal form" "/events/$SLUG/cfp/propose" 250 -H "Cookie: $cookie"
  weight_row "My proposals" "/proposals" 250 -H "Cookie: $cookie"
  weight_row "Profile" "/profile" 250 -H "Cookie: $cookie"
  weight_row "Review queue" "/review/$SLUG" 300 -H "Cookie: $cookie"
  weight_row "A proposal to review" "/review/$SLUG/$proposal" 300 -H "Cookie: $cookie"
  weight_row "Proposals (organisers)" "/admin/events/$SLUG/proposals" 500 -H "Cookie: $cookie"
  weight_row "Deliberation" "/admin/events/$SLUG/selection" 500 -H "Cookie: $cookie"
  weight_row "Schedule builder" "/admin/events/$SLUG/schedule" 700 -H "Cookie: $cookie"
}

machine() {
  local cpu
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "$(nproc) CPUs ($cpu), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
}

report() {
  local cookie="$1" talk="$2" bytes gz_bytes
  echo "| Page | Path | Requests/s | p50 (ms) | p99 (ms) | Non-2xx | Target |"
  echo "|---|---|---:|---:|---:|---:|---|"
  row "Agenda (anonymous)" "/events/$SLUG/agenda" "≥ 5,000 req/s, p99 < 20 ms"
  row "Talk page (anonymous)" "$talk" "—"
  row "schedule.json" "/$SLUG/schedule.json" "≥ 5,000 req/s, p99 < 20 ms"
  row "Agenda (signed in, organiser)" "/events/$SLUG/agenda" "≥ 3,000 req/s" -H "Cookie: $cookie"
  read -r bytes gz_bytes <<<"$(first_visit)"
  echo
  echo "First visit to the agenda (HTML + CSS + JS + wasm, \`Accept-Encoding: $ENCODING\`): **$((bytes / 1024)) KB** ($bytes bytes) — target ≤ 250 KB."
  if [ "$gz_bytes" != "$bytes" ]; then
    echo "With every file compressed (gzip -9 for those sent uncompressed): $((gz_bytes / 1024)) KB."
  fi
  echo
  cat "$work/assets.txt"
  echo
  echo "Speakers', reviewers' and organisers' pages (\`Accept-Encoding: $ENCODING\`):"
  echo
  page_weights "$cookie" "$(sed -n 's/^Sample proposal: //p' "$work/seed.txt")"
}

# Replaces today's section of BENCHMARKS.md (or appends it).
record() {
  local section="$1" file="$root/BENCHMARKS.md" heading
  heading="## $(date -u +%Y-%m-%d)"
  [ -f "$file" ] || printf '# Benchmarks\n\nMeasured by `make bench` (scripts/bench.sh).\n' >"$file"
  awk -v h="$heading" '$0 == h { skip = 1; next } skip && /^## / { skip = 0 } !skip' "$file" >"$work/bench.md"
  printf '\n%s\n\n%s\n' "$heading" "$section" >>"$work/bench.md"
  cat -s "$work/bench.md" >"$file"
}

main() {
  ensure_wrk
  build_release
  seed_and_start
  local cookie talk table
  cookie="$(sign_in)"
  [ -n "$cookie" ] || { say "Signing in failed"; exit 1; }
  if ! curl -s -X POST -H "Origin: $base" -H 'Accept: application/json' -H "Cookie: $cookie" "$base/api/auth/me" | grep -q 'Bench Organiser'; then
    say "The session cookie is not accepted"; exit 1
  fi
  # The signed-in row must measure a personal page (the organiser's menu), not the anonymous one.
  if ! curl -s --compressed -H "Accept-Encoding: $ENCODING" -H "Cookie: $cookie" "$base/events/$SLUG/agenda" | grep -q 'Bench Organiser'; then
    say "The signed-in agenda does not show the organiser's menu"; exit 1
  fi
  talk="$(sed -n 's/^Sample talk: //p' "$work/seed.txt")"
  table="$(report "$cookie" "$talk")"
  local section
  section="Machine: $(machine). Commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'). \
wrk $THREADS threads, $CONNECTIONS connections, $DURATION per page, run on the same machine as the server.

$table"
  echo "$section"
  record "$section"
  say "Recorded in BENCHMARKS.md"
}

main "$@"
