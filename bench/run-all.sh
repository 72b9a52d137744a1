#!/usr/bin/env bash
# Runs every benchmark (bench/*.ts) one after the other with its default arguments, printing each one's figures and
# keeping a copy in bench/results/<name>.txt (not committed). `npm run bench` calls this.
# Start PostgreSQL first (bash scripts/ensure-services.sh) for the benchmarks that compare engines.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
bash scripts/ensure-services.sh >/dev/null 2>&1 || echo "warning: could not start PostgreSQL; PostgreSQL figures may fail"
status=0
for script in bench/*.ts; do
  name="$(basename "$script" .ts)"
  echo "=== $name ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if ! npx tsx "$script" 2>&1 | tee "bench/results/$name.txt"; then
    echo "!!! $name failed"
    status=1
  fi
  echo
done
exit $status
