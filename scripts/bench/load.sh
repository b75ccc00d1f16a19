#!/usr/bin/env bash
# `make bench-load` (the second half of `make bench`): the everyday calls under load against the
# release server on loopback, PostgreSQL, with oha (bounded by time: BENCH_SECONDS a measurement).
#   1. a 10,000-case database ${DB}_10k (scripts/bench/generate.sql -v cases=10000, always fresh)
#      and the 1,000,000-case database $DB (huiyin_bench, the statistics benchmark's; reused when it
#      holds the data set, generated the same way as scripts/bench/run.sh otherwise);
#   2. on both: the queue (open cases of one department by due time, 15 and 50 a page), first and
#      tenth page, at 16 clients and at one;
#   3. on the 1M database: case creation (a new phone complaint a request: oha sends the lines of a
#      generated file of bodies, random customer and property each) at 16 and 64 clients, and at 64
#      connections with a fixed arrival rate (half the saturated rate, latency corrected for
#      coordinated omission); case detail, its timeline, customer lookup by phone (oha
#      --urls-from-file);
#   4. the limit: pgbench replaying the SQL of one case creation (scripts/bench/create.pgbench,
#      written from the PostgreSQL statement log of a real create) at 16 and 64 clients;
#   5. the server's peak RSS (VmHWM);
#   6. issue #14: the least a durable create can cost (scripts/bench/minimal.pgbench: the case row
#      and its first event) at 16 and 64 clients, with Huiyin's create rate as a share of it; the
#      dispatch → resolve → reply → visit loop per client (scripts/bench/loop.py) as a share of
#      it; all five console queues for an agent of every project (loop.py queues) on both data
#      sets, with at least 30 % of the open cases lacking a due time (paused).
# A table goes to stdout and to $BENCH_LOAD_OUT. Without oha the oha rows are skipped (the
# pgbench and loop.py rows still run: a quick check of the scripts on a small data set).
# Environment: BENCH_PG (server URL without database), BENCH_DB (huiyin_bench), BENCH_CASES
# (1000000), BENCH_SECONDS (10), BENCH_LOAD_PORT (18090), BENCH_GENERATE (the generator),
# BENCH_SSLMODE (prefer).
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN=${1:?usage: load.sh path/to/release/huiyin}
BIN=$(realpath "$BIN")
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
# TLS to PostgreSQL for Huiyin, psql and pgbench alike: libpq's default (`prefer`: TLS when the
# server offers it) unless BENCH_SSLMODE says otherwise (issue #14 measured with `disable`).
SSLMODE=${BENCH_SSLMODE:-prefer}
export PGSSLMODE=$SSLMODE
DB=${BENCH_DB:-huiyin_bench}
CASES=${BENCH_CASES:-1000000}
SECONDS_EACH=${BENCH_SECONDS:-10}
PORT=${BENCH_LOAD_PORT:-18090}
GENERATE=${BENCH_GENERATE:-scripts/bench/generate.sql}
OUT=${BENCH_LOAD_OUT:-target-bench-load.md}
THREADS=$(nproc)
DATA=$(mktemp -d)
export HUIYIN_DATA_DIR="$DATA" RUST_LOG=${RUST_LOG:-warn}
export HUIYIN_JWT_SECRET=bench-secret-bench-secret-bench-secret-0001 HUIYIN_ACCESS_TTL_SECS=7200
PSQL=(psql "$PG/postgres" -v ON_ERROR_STOP=1 -qAt)
SERVER=
WORKER=
SAMPLER=
trap 'kill $SERVER $WORKER $SAMPLER 2>/dev/null || true; rm -rf "$DATA"' EXIT

NO_OHA=
command -v oha >/dev/null || { echo "oha is missing (make bench-load installs it): its rows are skipped"; NO_OHA=1; }
[ -f "$GENERATE" ] || { echo "$GENERATE is missing (it comes with the statistics benchmark)"; exit 1; }

# $1 database, $2 number of cases: fresh, migrated, generated, rolled up.
generate() {
  echo "== generating $1 ($2 cases)"
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
  DATABASE_URL="$PG/$1?sslmode=$SSLMODE" "$BIN" migrate
  local start=$(date +%s)
  psql "$PG/$1" -v ON_ERROR_STOP=1 -q -v cases="$2" -f "$GENERATE" >/dev/null
  DATABASE_URL="$PG/$1?sslmode=$SSLMODE" "$BIN" stats-rebuild
  psql "$PG/$1" -qc "VACUUM ANALYZE"
  echo "== generated $1 in $(($(date +%s) - start)) s"
}

count_cases() {
  psql "$PG/$1" -qAt -c "SELECT count(*) FROM cases" 2>/dev/null || echo 0
}

# generate.sql leaves the deadline columns empty; open cases have a next deadline (their due
# time), and the queue sorts by it.
fill_deadlines() {
  psql "$PG/$1" -qAt -v ON_ERROR_STOP=1 -c "UPDATE cases SET next_due_at = due_at
    WHERE next_due_at IS NULL AND due_at IS NOT NULL AND status IN ('dispatched', 'in_progress')
      AND paused_at IS NULL" \
    -c "ANALYZE cases" >/dev/null
}

start_server() {
  DATABASE_URL="$PG/$1?sslmode=$SSLMODE" "$BIN" serve --no-worker --bind "127.0.0.1:$PORT" >"$DATA/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  BASE="http://127.0.0.1:$PORT"
  psql "$PG/$1" -qAt -c "DELETE FROM users WHERE username = 'bench'" >/dev/null
  DATABASE_URL="$PG/$1?sslmode=$SSLMODE" "$BIN" create-admin --username bench --password load-test-secret-2026 >/dev/null
  BENCH_TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username": "bench", "password": "load-test-secret-2026"}' | jq -r .access_token)
  export BENCH_TOKEN
}

# The background worker as production runs it (`huiyin worker` beside the server): it folds the
# statistics deltas the creates write and runs their warning checks, so its cost is in the
# figures. A sampler reads the fold lag from /metrics twice a second (issue #14: <= 2 s).
start_worker() {
  DATABASE_URL="$PG/$1?sslmode=$SSLMODE" "$BIN" worker >"$DATA/worker-$1.log" 2>&1 &
  WORKER=$!
  echo 0 >"$DATA/lag"
  (while kill -0 "$WORKER" 2>/dev/null; do
    curl -fs "$BASE/metrics" | awk '/^huiyin_stats_fold_lag_seconds/ {print $2}' >>"$DATA/lag"
    sleep 0.5
  done) &
  SAMPLER=$!
}

stop_worker() {
  kill "$WORKER" "$SAMPLER" 2>/dev/null || true
  wait "$WORKER" "$SAMPLER" 2>/dev/null || true
  MAX_LAG=$(sort -g "$DATA/lag" | tail -n 1)
}

stop_server() {
  PEAK_RSS=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER/status")
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=
}

api() {
  curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" "$BASE/api/v1$1"
}

# $1 label, $2 clients, then oha's arguments (target, method, body, rate). A 2 s warm-up, then
# BENCH_SECONDS of measurement as a table row; any answer other than 2xx, or any connection
# error, stops the benchmark (requests still in flight when the time is up are not errors).
measure() {
  local label=$1 clients=$2 json
  shift 2
  if [ -n "$NO_OHA" ]; then
    echo "| $label | $clients | – | – | – | (oha missing) |" | tee -a "$OUT"
    LAST_RPS=0
    return
  fi
  oha -z 2s -c "$clients" --no-tui --output-format quiet -H "Authorization: Bearer $BENCH_TOKEN" "$@" >/dev/null
  json=$(oha -z "${SECONDS_EACH}s" -c "$clients" --no-tui --output-format json -t 10s \
    -H "Authorization: Bearer $BENCH_TOKEN" "$@")
  if [ "$(jq '[.statusCodeDistribution | to_entries[] | select(.key | startswith("2") | not) | .value] | add // 0' <<<"$json")" != 0 ] ||
    [ "$(jq '[.errorDistribution | to_entries[] | select(.key != "aborted due to deadline") | .value] | add // 0' <<<"$json")" != 0 ]; then
    echo "$label: failed requests: $(jq -c '{statusCodeDistribution, errorDistribution}' <<<"$json")"
    tail -n 20 "$DATA"/server-*.log
    exit 1
  fi
  jq -r --arg name "$label" --arg c "$clients" '
    def ms: . * 1000 | . * 10 | round / 10;
    "| \($name) | \($c) | \(.summary.requestsPerSec | round) | \(.latencyPercentiles.p50 | ms) | \(.latencyPercentiles.p99 | ms) | \([.statusCodeDistribution[]] | add) |"' \
    <<<"$json" | tee -a "$OUT"
  LAST_RPS=$(jq .summary.requestsPerSec <<<"$json")
}

# $1 label, $2 file of paths: one of them a request, 16 clients.
measure_paths() {
  sed "s|^|$BASE|" "$2" >"$DATA/urls"
  measure "$1" 16 --urls-from-file "$DATA/urls"
}

# $1 database, $2 label, $3 page size, $4 clients: first and tenth page of one department's open
# cases by due time (the tenth only when the department has that many).
queue() {
  local department query cursor
  department=$(psql "$PG/$1" -qAt -c "SELECT department_id FROM cases WHERE status IN ('dispatched', 'in_progress')
    GROUP BY department_id ORDER BY count(*) DESC, department_id LIMIT 1")
  query="/cases?department_id=$department&status=registered,dispatched,in_progress&sort=due&limit=$3"
  cursor=
  for _ in $(seq 1 9); do
    cursor=$(api "$query${cursor:+&cursor=$cursor}" | jq -r '.next_cursor // empty' | jq -Rr @uri)
    [ -n "$cursor" ] || break
  done
  measure "queue, first page of $3 ($2)" "$4" "$BASE/api/v1$query"
  if [ -n "$cursor" ]; then
    measure "queue, tenth page of $3 ($2)" "$4" "$BASE/api/v1$query&cursor=$cursor"
  else
    echo "| queue, tenth page of $3 ($2) | $4 | – | – | – | (the department has fewer than $((10 * $3)) open cases) |" |
      tee -a "$OUT"
  fi
}

# At least 30 % of the open cases without a due time (issue #14: sorting by a nullable column must
# stay on an index): a share of the dispatched ones paused, their clocks stopped.
shape_open_cases() {
  psql "$PG/$1" -qAt -v ON_ERROR_STOP=1 -c "UPDATE cases SET paused_at = now() - interval '1 day',
      pause_reason = '基准：等待业主', next_due_at = NULL, next_breach_at = NULL
    WHERE status IN ('dispatched', 'in_progress') AND paused_at IS NULL AND abs(hashtext(id::text)) % 100 < 35" \
    -c "VACUUM (ANALYZE) cases" >/dev/null
  OPEN_NO_DUE=$(psql "$PG/$1" -qAt -c "SELECT round(100.0 * count(*) FILTER (WHERE next_due_at IS NULL) / greatest(count(*), 1))
    FROM cases WHERE status IN ('registered', 'dispatched', 'in_progress')")
}

# An agent of every project in the busiest department, with a few open cases assigned: the five
# console queues as that agent (one client).
five_queues() {
  local department projects agent token
  department=$(psql "$PG/$1" -qAt -c "SELECT department_id FROM cases WHERE status IN ('dispatched', 'in_progress')
    GROUP BY department_id ORDER BY count(*) DESC, department_id LIMIT 1")
  projects=$(psql "$PG/$1" -qAt -c "SELECT json_agg(id) FROM projects")
  curl -fs -X POST "$BASE/api/v1/users" -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"username\": \"bench-agent\", \"password\": \"load-test-secret-2026\", \"display_name\": \"bench agent\",
         \"role\": \"agent\", \"department_id\": \"$department\", \"project_ids\": $projects}" >/dev/null || true
  agent=$(psql "$PG/$1" -qAt -c "SELECT id FROM users WHERE username = 'bench-agent'")
  psql "$PG/$1" -qAt -c "UPDATE cases SET assignee_id = '$agent' WHERE status IN ('dispatched', 'in_progress')
    AND abs(hashtext(id::text)) % 1000 = 7" >/dev/null
  token=$(curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username": "bench-agent", "password": "load-test-secret-2026"}' | jq -r .access_token)
  scripts/bench/loop.py queues "$BASE" "$token" "$SECONDS_EACH" "$2, $OPEN_NO_DUE % of open cases without due" | tee -a "$OUT"
}

[ "$(count_cases "${DB}_10k")" -ge 10000 ] || generate "${DB}_10k" 10000
[ "$(count_cases "$DB")" -ge "$CASES" ] || generate "$DB" "$CASES"
fill_deadlines "${DB}_10k"
fill_deadlines "$DB"
shape_open_cases "${DB}_10k"
shape_open_cases "$DB"
# A bulk load leaves gigabytes of dirty buffers; without a checkpoint first, the checkpointer
# writes them out during the measurements (a run right after generating measured creates at
# two thirds of the rate of a run on the same data a few minutes later).
"${PSQL[@]}" -c "CHECKPOINT"

{
  echo
  echo "Load benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$("${PSQL[@]}" -c 'SHOW server_version'), release build on loopback (sslmode=$SSLMODE), $(oha --version), ${SECONDS_EACH} s a row after a 2 s warm-up;"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared);"
  echo "$(count_cases "$DB") cases in $DB, $(count_cases "${DB}_10k") in ${DB}_10k. Latency in ms."
  echo
  echo "| call | clients | req/s | p50 | p99 | requests |"
  echo "|---|---:|---:|---:|---:|---:|"
} | tee -a "$OUT"

# The 10,000-case department has about 18 open cases: pages of 15 compare the two sizes with the
# same answer size; pages of 50 are the console's.
# One client shows what a page costs; sixteen show it on a saturated machine, where on two cores
# most of a request's time is waiting for the others.
start_server "${DB}_10k"
queue "${DB}_10k" 10k 15 16
queue "${DB}_10k" 10k 50 16
queue "${DB}_10k" 10k 15 1
queue "${DB}_10k" 10k 50 1
five_queues "${DB}_10k" 10k
stop_server

start_server "$DB"
queue "$DB" 1M 15 16
queue "$DB" 1M 50 16
queue "$DB" 1M 15 1
queue "$DB" 1M 50 1
five_queues "$DB" 1M
# 20,000 request bodies: a phone complaint from a random generated customer (found by phone, as
# the call centre does) about a random property; oha sends them line by line.
psql "$PG/$DB" -qAt -c "
  WITH props AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS i FROM properties),
  picks AS (SELECT g, (random() * 99999)::int AS c, (random() * ((SELECT count(*) FROM properties) - 1))::int AS i
            FROM generate_series(1, 20000) g)
  SELECT json_build_object('kind', 'complaint', 'channel', 'phone', 'severity', 'normal', 'property_id', props.id,
      'customer', json_build_object('name', '客户' || c, 'phone', '139' || lpad(c::text, 8, '0')),
      'title', '楼上噪音扰民', 'description', '基准测试：夜间施工噪音，请尽快处理。第' || g || '号')
  FROM picks JOIN props USING (i) ORDER BY g" >"$DATA/bodies"
create() {
  measure "$@" -m POST -H "Content-Type: application/json" -Z "$DATA/bodies" "$BASE/api/v1/cases"
}
# Issue #14: every statistics call at one client on the 1M data set (before any create).
# shellcheck source=stats-calls.sh
. scripts/bench/stats-calls.sh
for call in "${CALLS[@]}"; do
  measure "stats: ${call%%|*} (1M)" 1 "$BASE/api/v1${call#*|}"
done
start_worker "$DB"
create "create a case" 16
CREATE_16=$LAST_RPS
create "create a case" 64
CREATE_64=$LAST_RPS
RATE=$(awk -v r="$CREATE_64" 'BEGIN {printf "%d", r / 2}')
create "create a case at $RATE/s (half the 64-client rate)" 64 -q "$RATE" --latency-correction
# The statistics calls again, one client, while creates run at that rate in the background.
STATS_SECONDS=$((${#CALLS[@]} * (SECONDS_EACH + 2) + 10))
oha -z "${STATS_SECONDS}s" -c 64 -q "$RATE" --latency-correction --no-tui --output-format json -t 10s \
  -H "Authorization: Bearer $BENCH_TOKEN" -m POST -H "Content-Type: application/json" -Z "$DATA/bodies" \
  "$BASE/api/v1/cases" >"$DATA/background.json" &
BACKGROUND=$!
sleep 2
for call in "${CALLS[@]}"; do
  measure "stats: ${call%%|*} (1M, creates at $RATE/s)" 1 "$BASE/api/v1${call#*|}"
done
wait "$BACKGROUND"
echo "| (background creates during the statistics rows) | 64 | $(jq '.summary.requestsPerSec | round' "$DATA/background.json") | \
$(jq '.latencyPercentiles.p50 * 10000 | round / 10' "$DATA/background.json") | $(jq '.latencyPercentiles.p99 * 10000 | round / 10' "$DATA/background.json") | \
$(jq '[.statusCodeDistribution[]] | add' "$DATA/background.json") ($(jq -c '.statusCodeDistribution' "$DATA/background.json")) |" | tee -a "$OUT"
stop_worker
psql "$PG/$DB" -qAt -c "SELECT '/api/v1/cases/' || id FROM cases ORDER BY id DESC LIMIT 1000" >"$DATA/paths"
measure_paths "case detail" "$DATA/paths"
sed -i 's|$|/events|' "$DATA/paths"
measure_paths "case timeline" "$DATA/paths"
for i in $(seq 1 1000); do printf '/api/v1/customers?q=139%08d\n' $((RANDOM * 3 % 100000)); done >"$DATA/paths"
measure_paths "customer by phone" "$DATA/paths"
stop_server
echo | tee -a "$OUT"
echo "Server peak RSS (VmHWM) over the 1M run: $PEAK_RSS MiB. Statistics fold lag (the oldest unfolded delta, \
/metrics twice a second) while the creates and the statistics rows ran, with \`huiyin worker\` beside the server: at most $MAX_LAG s." | tee -a "$OUT"

# The limit: the same statements as one create, straight from pgbench, same database.
echo | tee -a "$OUT"
echo "| pgbench: the SQL of one create | clients | tx/s | p50 | p99 | Huiyin create req/s | Huiyin / pgbench |" | tee -a "$OUT"
echo "|---|---:|---:|---:|---:|---:|---:|" | tee -a "$OUT"
psql "$PG/$DB" -qAt -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS bench_properties" \
  -c "CREATE TABLE bench_properties AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id FROM properties" \
  -c "ALTER TABLE bench_properties ADD PRIMARY KEY (i)" >/dev/null
PGBENCH_SCRIPT=${BENCH_PGBENCH_SCRIPT:-scripts/bench/create.pgbench}
STATEMENTS=$(grep -cE "^(SELECT|INSERT|BEGIN|COMMIT|SET)" "$PGBENCH_SCRIPT")
for clients in 16 64; do
  rps=$([ "$clients" = 16 ] && echo "$CREATE_16" || echo "$CREATE_64")
  rm -f "$DATA"/pgb.*
  # -l: one log line per script run (its latency in µs, third field), for the percentiles.
  tps=$(pgbench -n -M prepared -j "$THREADS" -c "$clients" -T "$SECONDS_EACH" -l --log-prefix="$DATA/pgb" \
    -D actor="$(psql "$PG/$DB" -qAt -c "SELECT id FROM users WHERE username = 'bench'")" \
    -f "$PGBENCH_SCRIPT" "$PG/$DB" 2>&1 | tee "$DATA/pgbench.log" | awk '/^tps/ {print $3}') || true
  [ -n "$tps" ] || { echo "pgbench failed:"; grep -i error "$DATA/pgbench.log" | head -3; exit 1; }
  read -r p50 p99 < <(cat "$DATA"/pgb.* | awk '{print $3}' | sort -n |
    awk '{v[NR] = $1} END {printf "%.1f %.1f\n", v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000}')
  awk -v n="$STATEMENTS" -v c="$clients" -v t="$tps" -v r="$rps" -v p50="$p50" -v p99="$p99" \
    'BEGIN {printf "| create (%d statements) | %d | %.0f | %s | %s | %.0f | %.0f %% |\n", n, c, t, p50, p99, r, 100 * r / t}' |
    tee -a "$OUT"
done

# Issue #14: the least a durable create can cost — the case row and its first event, nothing else.
echo | tee -a "$OUT"
echo "| pgbench: minimal create (case row + first event) | clients | tx/s | p50 | p99 | Huiyin create req/s | Huiyin / minimal |" | tee -a "$OUT"
echo "|---|---:|---:|---:|---:|---:|---:|" | tee -a "$OUT"
ACTOR=$(psql "$PG/$DB" -qAt -c "SELECT id FROM users WHERE username = 'bench'")
for clients in 16 64; do
  rps=$([ "$clients" = 16 ] && echo "$CREATE_16" || echo "$CREATE_64")
  rm -f "$DATA"/pgm.*
  tps=$(pgbench -n -M prepared -j "$THREADS" -c "$clients" -T "$SECONDS_EACH" -l --log-prefix="$DATA/pgm" \
    -D actor="$ACTOR" -f scripts/bench/minimal.pgbench "$PG/$DB" 2>&1 | tee "$DATA/pgbench.log" | awk '/^tps/ {print $3}') || true
  [ -n "$tps" ] || { echo "pgbench failed:"; grep -i error "$DATA/pgbench.log" | head -3; exit 1; }
  read -r p50 p99 < <(cat "$DATA"/pgm.* | awk '{print $3}' | sort -n |
    awk '{v[NR] = $1} END {printf "%.1f %.1f\n", v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000}')
  [ "$clients" = 16 ] && MINIMAL_16=$tps
  awk -v c="$clients" -v t="$tps" -v r="$rps" -v p50="$p50" -v p99="$p99" \
    'BEGIN {printf "| minimal create | %d | %.0f | %s | %s | %.0f | %.1f %% |\n", c, t, p50, p99, r, 100 * r / t}' |
    tee -a "$OUT"
done

# The handling loop, per client: create, dispatch, resolve, reply, visit (satisfied), each action
# with the version its previous answer gave; each action's rate as a share of minimal.pgbench.
echo | tee -a "$OUT"
echo "| loop action (16 clients, each its own cases) | clients | req/s | p50 | p99 | requests | / minimal at 16 |" | tee -a "$OUT"
echo "|---|---:|---:|---:|---:|---:|---:|" | tee -a "$OUT"
start_server "$DB"
DEPARTMENT=$(psql "$PG/$DB" -qAt -c "SELECT id FROM departments ORDER BY id LIMIT 1")
start_worker "$DB"
scripts/bench/loop.py actions "$BASE" "$BENCH_TOKEN" "$SECONDS_EACH" 16 "$DEPARTMENT" "$DATA/bodies" |
  awk -F'|' -v m="$MINIMAL_16" '{printf "%s %.1f %% |\n", $0, 100 * $4 / m}' | tee -a "$OUT"
stop_worker
echo | tee -a "$OUT"
echo "Statistics fold lag during the loop: at most $MAX_LAG s." | tee -a "$OUT"
stop_server
