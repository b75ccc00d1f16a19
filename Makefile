# Huiyin — the two commands a new user needs:
#   make run    build the SPA and the server, migrate ./data/huiyin.db, seed demo data, serve on :8080
#   make test   every check CI runs (format, lints, Rust tests on SQLite and PostgreSQL,
#               OpenAPI drift, frontend checks and build, browser end-to-end tests)

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Build output lives outside the clone so fresh clones (and CI) reuse earlier builds.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/huiyin-target
export CARGO_TERM_COLOR ?= never
BIN_DEBUG := $(CARGO_TARGET_DIR)/debug/huiyin
BIN_RELEASE := $(CARGO_TARGET_DIR)/release/huiyin
NPM := npm --prefix frontend --no-audit --no-fund

.PHONY: help run build frontend-deps frontend-build frontend-check test test-rust lint fmt openapi api-types e2e chromium clean-test-dbs bench bench-load schemathesis fuzz

help:
	@echo "make run      build everything and serve Huiyin with demo data on http://127.0.0.1:8080"
	@echo "make test     run the whole test suite (what CI runs)"
	@echo "make openapi  regenerate openapi/openapi.json and the frontend's API types"
	@echo "make fmt      format the Rust code"
	@echo "make fuzz     long hostile-input run: many more property-test cases and Schemathesis examples"
	@echo "make bench    statistics benchmark on 1,000,000 generated cases (PostgreSQL, release build)"

frontend-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	$(NPM) ci
	@touch $@

frontend-build: frontend-deps
	$(NPM) run build

build: frontend-build
	cargo build --release -p huiyin

run: build
	$(BIN_RELEASE) serve --demo --bind $${HUIYIN_BIND:-127.0.0.1:8080}

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	python3 scripts/check-sizes.py
	python3 scripts/check-module-cycles.py

test-rust:
	cargo test --workspace --locked

frontend-check: frontend-deps
	$(NPM) run check
	$(NPM) run build

openapi:
	cargo run --quiet -p huiyin -- openapi > openapi/openapi.json
	$(MAKE) api-types

api-types: frontend-deps
	$(NPM) run gen:api

# Debian's Chromium for the browser tests (a test tool's own browser download cannot work here).
chromium:
	@{ command -v /usr/bin/chromium && fc-list 2>/dev/null | grep -qi "noto.*cjk"; } >/dev/null || { \
		echo "installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; fi; }

e2e: chromium frontend-build
	cargo build -p huiyin
	scripts/e2e.sh $(BIN_DEBUG)

# Schemathesis against the live server's OpenAPI document (pinned, installed into a venv under
# ~/.cache by scripts/schemathesis-venv.sh). A bounded run here; `make fuzz` runs a long one.
schemathesis:
	cargo build -p huiyin
	scripts/schemathesis.sh $(BIN_DEBUG)

# The long hostile-input run (about 20 minutes on 2 cores): the property tests with many
# more cases, then Schemathesis with many more examples per operation.
FUZZ_CASES ?= 20000
FUZZ_EXAMPLES ?= 300
fuzz:
	PROPTEST_CASES=$(FUZZ_CASES) cargo test --locked -p huiyin-domain -p huiyin-store properties
	cargo build -p huiyin
	SCHEMATHESIS_EXAMPLES=$(FUZZ_EXAMPLES) scripts/schemathesis.sh $(BIN_DEBUG)

test: lint test-rust frontend-check e2e schemathesis
	@echo "all checks passed"

# The statistics benchmark (not part of `make test`): 1,000,000 generated cases in the PostgreSQL
# database huiyin_bench, the release server, oha. BENCH_REUSE=1 keeps an existing data set.
bench:
	cargo build --release -p huiyin
	@command -v oha >/dev/null || cargo install --locked oha
	scripts/bench/run.sh $(BIN_RELEASE)
	$(MAKE) bench-load

# Test databases left behind by an interrupted run.
clean-test-dbs:
	psql -h 127.0.0.1 -U postgres -d postgres -Atc "select datname from pg_database where datname like 'huiyin_test_%'" \
		| xargs -r -I{} psql -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS "{}" WITH (FORCE)'

# The load benchmark (not part of `make test`; the second half of `make bench`, after the
# statistics): creates, queue pages, case detail and customer lookup under oha against the
# release server on PostgreSQL, and pgbench replaying one create's SQL as the limit. See README.
bench-load:
	cargo build --release -p huiyin
	@command -v oha >/dev/null || cargo install --locked oha
	@command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: postgresql-client)"; exit 1; }
	scripts/bench/load.sh $(BIN_RELEASE)
