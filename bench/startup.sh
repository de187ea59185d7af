#!/usr/bin/env bash
# Start-up benchmark: process start -> first answered SPARQL query (ASK over HTTP), N runs, median, with the
# launcher's JVM options (and its AOT cache on JDK 25). Loopback only.
#   bench/startup.sh [runs] [extra serve arguments…]     e.g. bench/startup.sh 5 --no-snapshot
# Prints one line per run (seconds, peak RSS) and the median; note `uptime` beside the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"; shift || true
port="${STARTUP_PORT:-3397}"
url="http://127.0.0.1:$port/sparql"
"$root/hms-kg" --version >/dev/null   # build and train the AOT cache first, outside the timing
# one unmeasured run, so that a snapshot of the seeds exists (unless --no-snapshot is given)
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for i in $(seq 0 "$runs"); do
  log="$(mktemp)"
  t0=$(date +%s%N)
  "$root/hms-kg" serve --port "$port" "$@" >"$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 --data-urlencode 'query=ASK { ?s ?p ?o }' \
          -H 'Accept: application/sparql-results+json' "$url" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "startup.sh: server exited" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  if [ "$i" -eq 0 ]; then echo "warm-up run: $s s"; else echo "run $i: $s s, peak RSS $((hwm / 1024)) MiB"; times+=("$s"); fi
  rm -f "$log"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "median of %d: %.3f s\n", NR, m }'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
