#!/usr/bin/env bash
# `make bench`: the statistics endpoints against 1,000,000 cases on PostgreSQL, release build.
#   1. (re)creates the database huiyin_bench, migrates it with the real `huiyin migrate`, bulk-loads
#      scripts/bench/generate.sql and lets `huiyin` build the roll-ups (the first command after a
#      bulk load does, as `huiyin stats-rebuild` would);
#      BENCH_REUSE=1 keeps an existing huiyin_bench that already holds the data set;
#   2. serves it with the release binary and measures each call with oha (bounded request count).
# Environment: BENCH_PG (server URL without database, default postgres://postgres@127.0.0.1:5432),
# BENCH_REQUESTS (per call, default 200), BENCH_CONCURRENCY (default 4), BENCH_PORT (18089).
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN=${1:?usage: run.sh path/to/release/huiyin}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
DB=huiyin_bench
PORT=${BENCH_PORT:-18089}
N=${BENCH_REQUESTS:-200}
C=${BENCH_CONCURRENCY:-4}
DATA=$(mktemp -d)
export DATABASE_URL="$PG/$DB" HUIYIN_DATA_DIR="$DATA" RUST_LOG=${RUST_LOG:-warn}
export HUIYIN_JWT_SECRET=bench-secret-bench-secret-bench-secret-0001 HUIYIN_ACCESS_TTL_SECS=7200
PSQL=(psql "$PG/postgres" -v ON_ERROR_STOP=1 -qAt)

have_data() {
  [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = 1 ] &&
    [ "$(psql "$PG/$DB" -qAt -c "SELECT count(*) FROM stats_case_facts" 2>/dev/null || echo 0)" -ge 1000000 ]
}

if [ "${BENCH_REUSE:-0}" = 1 ] && have_data; then
  echo "== reusing $DB"
else
  echo "== creating $DB"
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  "$BIN" migrate
  start=$(date +%s)
  psql "$PG/$DB" -v ON_ERROR_STOP=1 -q -f scripts/bench/generate.sql
  echo "== generated in $(( $(date +%s) - start )) s"
  # The first command after a bulk load builds the roll-ups (as `huiyin stats-rebuild` would).
  start=$(date +%s)
  "$BIN" migrate
  echo "== roll-ups built in $(( $(date +%s) - start )) s"
  psql "$PG/$DB" -qc "VACUUM ANALYZE" -c "CHECKPOINT"
fi
psql "$PG/$DB" -qAt -c "DELETE FROM users WHERE username = 'bench'"
"$BIN" create-admin --username bench --password Huiyin-Stats-2026! >/dev/null

"$BIN" serve --no-worker --bind "127.0.0.1:$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
BASE="http://127.0.0.1:$PORT/api/v1"
TOKEN=$(curl -fs -X POST "$BASE/auth/login" -H 'Content-Type: application/json' \
  -d '{"username": "bench", "password": "Huiyin-Stats-2026!"}' | jq -r .access_token)

# shellcheck source=stats-calls.sh
. scripts/bench/stats-calls.sh

OUT=${BENCH_OUT:-target-bench.md}
{
  echo "Statistics benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("${PSQL[@]}" -c 'SHOW server_version'),"
  echo "$(psql "$PG/$DB" -qAt -c 'SELECT count(*) FROM cases') cases; oha -n $N -c $C per call; month $M_FROM..$M_TO, year $Y_FROM..$M_TO"
  echo
  echo "| call | p50 ms | p99 ms | req/s |"
  echo "|---|---:|---:|---:|"
} | tee "$OUT"
for call in "${CALLS[@]}"; do
  name=${call%%|*}
  path=${call#*|}
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$path")
  [ "$status" = 200 ] || { echo "$name: HTTP $status"; cat "$DATA/server.log"; exit 1; }
  json=$(oha -n "$N" -c "$C" --no-tui --output-format json -H "Authorization: Bearer $TOKEN" "$BASE$path")
  echo "$json" | jq -r --arg name "$name" \
    '"| \($name) | \(.latencyPercentiles.p50 * 1000 | . * 10 | round / 10) | \(.latencyPercentiles.p99 * 1000 | . * 10 | round / 10) | \(.summary.requestsPerSec | round) |"' |
    tee -a "$OUT"
done
