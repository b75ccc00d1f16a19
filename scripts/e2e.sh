#!/usr/bin/env bash
# Browser end-to-end tests: the real server with a fresh demo database and the built SPA,
# driven by playwright-core in Debian's headless Chromium. The binary is copied into an empty
# directory and started there with no HUIYIN_STATIC_DIR: the console it serves is the copy
# embedded at build time, so the run also proves that one binary is all a deployment needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: e2e.sh path/to/huiyin [spec name filters]}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
unset HUIYIN_STATIC_DIR
export HUIYIN_DATA_DIR="$work/data" DATABASE_URL="sqlite://$work/data/huiyin.db?mode=rwc" RUST_LOG=warn
# Every spec logs in from 127.0.0.1, several roles each: the suite makes far more logins within
# one window than the per-address limit meant for one person at one desk (30 per 5 minutes).
# The limit itself is proven by the black-box tests (tests/api), not by the browser walk.
export HUIYIN_LOGIN_ATTEMPTS_PER_IP=10000
mkdir -p "$HUIYIN_DATA_DIR" "$work/bin"
cp "$bin" "$work/bin/huiyin"
(cd "$work/bin" && exec ./huiyin serve --demo --bind "127.0.0.1:$port") >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
# Up to 120 s: a debug build seeding the demo data on a loaded 2-core machine took 37 s.
for _ in $(seq 1 600); do
	curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
	kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
	sleep 0.2
done
grep -q '<div id="root">' <(curl -fsS "http://127.0.0.1:$port/") || { echo "the copied binary does not serve the console at /"; cat "$work/server.log"; exit 1; }
BASE_URL="http://127.0.0.1:$port" npm --prefix frontend run e2e -- "${@:2}" || { echo "--- server log"; tail -50 "$work/server.log"; exit 1; }
