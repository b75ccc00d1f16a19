#!/usr/bin/env bash
# Property-based API testing with Schemathesis against the real server and its live
# /api/v1/openapi.json: a fresh demo database (SQLite) in a temp dir, then every operation as
# the admin (staff JWT), as the demo resident (resident JWT) and with an API key (as a bearer).
# Checks: no 5xx, status codes, content types and bodies exactly as documented.
#
#   scripts/schemathesis.sh path/to/huiyin               bounded run for `make test` (about 2½ minutes)
#   SCHEMATHESIS_EXAMPLES=300 scripts/schemathesis.sh …   long run (`make fuzz`)
#
# Any failure exits non-zero; the reproducing curl commands are printed and the server log's
# tail is shown.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: schemathesis.sh path/to/huiyin}
examples=${SCHEMATHESIS_EXAMPLES:-30}
seed=${SCHEMATHESIS_SEED:-}
venv_bin=$(scripts/schemathesis-venv.sh)

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export HUIYIN_DATA_DIR="$work/data" DATABASE_URL="sqlite://$work/data/huiyin.db?mode=rwc" RUST_LOG=error
export HUIYIN_STATIC_DIR="$work/no-spa" HUIYIN_ACCESS_TTL_SECS=86400
# Generated logins would otherwise lock the demo accounts and the test client's address out.
export HUIYIN_LOGIN_FAILURES_PER_USER=1000000 HUIYIN_LOGIN_ATTEMPTS_PER_IP=1000000
mkdir -p "$HUIYIN_DATA_DIR"
"$bin" serve --demo --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
cleanup() {
	kill "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
	curl -fsS "$base/readyz" >/dev/null 2>&1 && break
	kill -0 "$server" 2>/dev/null || {
		cat "$work/server.log"
		exit 1
	}
	sleep 0.2
done

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
login() {
	curl -fsS -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
		-d "{\"username\": \"$1\", \"password\": \"$2\"}" | json_field access_token
}
admin=$(login admin admin123)
resident=$(login 13800138000 huiyin123)
api_key=$(curl -fsS -X POST "$base/api/v1/api-keys" -H "Authorization: Bearer $admin" \
	-H 'Content-Type: application/json' \
	-d '{"name": "schemathesis", "scopes": ["stats:read", "cases:read", "pii:read"]}' | json_field key)

failed=0
run() {
	local who=$1
	shift
	echo "=== schemathesis as $who (max $examples examples per operation)"
	# shellcheck disable=SC2086
	(cd "$work" && "$venv_bin/schemathesis" run "$base/api/v1/openapi.json" \
		--checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
		--max-examples "$examples" ${seed:+--seed "$seed"} \
		--generation-database none --generation-with-security-parameters false \
		--request-timeout 30 --no-color --workers 2 "$@") || failed=1
}
# The admin, the resident and the API key on every operation: what one of them may not do must be
# refused as documented too. The key goes as `Authorization: Bearer` (keys are accepted there as
# well as in X-API-Key): without a bearer header Schemathesis 4.32.5 tries to bootstrap a login of
# its own and crashes. X-API-Key itself is covered by the black-box tests.
run admin -H "Authorization: Bearer $admin"
run resident -H "Authorization: Bearer $resident"
run "API key" -H "Authorization: Bearer $api_key"

if [ "$failed" != 0 ]; then
	echo "--- server log (errors, last 40 lines)"
	tail -40 "$work/server.log"
	exit 1
fi
echo "schemathesis: no failures"
