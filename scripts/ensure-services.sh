#!/usr/bin/env bash
# Makes sure PostgreSQL is up (for the PostgreSQL half of the store tests) and Debian's chromium is installed
# (for the browser tests). Never downloads a browser of its own.
set -euo pipefail

pg_url="${TRAG_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
if [[ ",${TRAG_TEST_DIALECTS:-sqlite,postgres}," == *",postgres,"* ]]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      echo "Starting PostgreSQL…"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
      for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
    fi
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "PostgreSQL is not reachable at 127.0.0.1:5432. Start it, or run with TRAG_TEST_DIALECTS=sqlite." >&2
    exit 1
  fi
  psql "$pg_url" -Atqc 'select 1' >/dev/null
fi

if [ -z "${TRAG_SKIP_BROWSER:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
