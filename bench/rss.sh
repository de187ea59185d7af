#!/usr/bin/env bash
# Peak resident memory of `serve --data FILE --no-cache` under 16 clients, for one set of JVM options: the quick
# experiment behind the launcher's heap options (bench/RESULTS.md, "Peak RSS and the young generation").
# Starts the server, waits 8 s for its background work, then 16 curl loops post the synthetic queries for 30 s;
# prints the peak RSS (VmHWM) before and after, and the requests answered. Loopback only.
#   bench/rss.sh "JAVA OPTIONS" [DATA.nt] [PORT]
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
opts=$1
data=${2:-$bench/data/policy-1000k.nt}
port=${3:-3351}
[ -f "$data" ] || python3 "$bench/synthetic/gen_policy_kg.py" --triples 1000000 --out "$data"
HMSKG_JAVA_OPTS="$opts" "$root/hms-kg" serve --seeds "$root/seeds" --port "$port" --data "$data" --no-cache --no-watch \
  >/tmp/hmskg-rss-$port.log 2>&1 &
launcher=$!
trap 'kill "$launcher" 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/\$/ping" >/dev/null && break; sleep 1; done
pid=$launcher   # the launcher execs java
hwm() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status"; }
sleep 8
before=$(hwm)
loop() {
  local n=0 end=$((SECONDS + 30))
  while [ $SECONDS -lt $end ]; do
    for q in "$bench"/synthetic/queries/*.rq; do
      curl -s -o /dev/null --data-urlencode "query@$q" -H "Accept: application/sparql-results+json" \
        "http://127.0.0.1:$port/sparql"
      n=$((n + 1))
    done
  done
  echo "$n"
}
counts=$(for _ in $(seq 16); do loop & done; wait)
echo "$opts | peak RSS before load $before MiB | after 16 clients x 30 s $(hwm) MiB | requests $(echo "$counts" | paste -sd+ | bc)"
