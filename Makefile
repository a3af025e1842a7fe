# Estrade — one-word entry points. `make run` to try it, `make test` to check everything.
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test release run-release bench bench-phone watch build fmt clean-data

## run: install missing tools, build, and serve on SQLite with demo data at http://127.0.0.1:3000
run:
	@scripts/ensure-tools.sh
	SEED_DEMO_IF_EMPTY=true cargo leptos serve

## watch: rebuild and reload on every change (for developers)
watch:
	@scripts/ensure-tools.sh
	SEED_DEMO_IF_EMPTY=true cargo leptos watch

## build: build the server and the site (debug)
build:
	@scripts/ensure-tools.sh
	cargo leptos build

## test: every test — deployment files (hadolint, Kubernetes schemas), unit, integration on SQLite and PostgreSQL, browser (Chromium)
test:
	@scripts/ensure-tools.sh test
	scripts/validate-deploy.sh
	cargo leptos build
	cargo test --workspace --no-fail-fast

## release: optimised server and size-optimised wasm (wasm-opt)
release:
	@scripts/ensure-tools.sh release
	cargo leptos build --release

## run-release: serve the release build with demo data
run-release: release
	SEED_DEMO_IF_EMPTY=true LEPTOS_SITE_ROOT=target/site LEPTOS_HASH_FILES=true $${CARGO_TARGET_DIR:-target}/release/server

## bench: load-test the release build on a large seeded event (wrk) and record the figures in BENCHMARKS.md
bench:
	@scripts/bench.sh

## bench-phone: with `make run-release` serving the demo, time the proposal form on a throttled phone profile
bench-phone:
	@npm install --silent --prefix .tools playwright-core@1.64.1
	node scripts/phone.mjs $${BASE_URL:-http://127.0.0.1:3000} speaker@estrade.example demo-speaker-pass /events/cndf-2027/cfp/propose

fmt:
	cargo fmt --all

## clean-data: forget the local database and mails
clean-data:
	rm -rf data
