#!/usr/bin/env bash
# Runs every test: unit, store and route tests on SQLite and PostgreSQL, then the browser tests in Debian's chromium.
# Sets up what the tests need on a fresh machine: starts PostgreSQL if it is down, installs chromium if missing,
# and builds the web UI the browser tests open.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh

node scripts/build-web.mjs --if-stale
# The browser and CLI tests start `trag` as users do, which runs this bundle when it is current.
node scripts/build-server.mjs --if-stale
npx vitest run --project unit "$@"
npx vitest run --project browser "$@"
