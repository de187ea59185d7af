#!/usr/bin/env bash
# JFR profile of `serve --data FILE --no-cache` under the workload-2 mix: starts hms-kg through its launcher with
# the flight recorder on, drives the 10 synthetic queries round-robin with wrk (4 connections, after a warm-up),
# stops the server and prints the hottest methods. Loopback only.
#   bench/profile.sh [seconds=30] [extra serve options…]      (HMSKG_HEAP, default 3g)
# Writes bench/work/profile-<time>.jfr; `jfr view hot-methods FILE` or `jfr print --events ExecutionSample FILE`.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
seconds="${1:-30}"; shift || true
data="$bench/data/policy-1000k.nt"
[ -f "$data" ] || python3 "$bench/synthetic/gen_policy_kg.py" --triples 1000000 --out "$data"
mkdir -p "$bench/work"
jfr="$bench/work/profile-$(date +%H%M%S).jfr"
port="${PROFILE_PORT:-3361}"
url="http://127.0.0.1:$port/sparql"
export HMSKG_HEAP="${HMSKG_HEAP:-3g}"
"$root/hms-kg" --version >/dev/null
HMSKG_EXTRA_OPTS="-XX:StartFlightRecording=filename=$jfr,settings=profile" \
  "$root/hms-kg" serve --seeds "$root/seeds" --port "$port" --data "$data" --no-cache "$@" >"$bench/work/profile-serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/\$/ping"; do
  kill -0 "$server" 2>/dev/null || { cat "$bench/work/profile-serve.log" >&2; exit 1; }
  sleep 0.5
done
reqs="$bench/work/profile-requests.tsv"
python3 - "$bench/synthetic/queries" "$reqs" <<'PY'
import os, sys, urllib.parse
d, out = sys.argv[1], sys.argv[2]
with open(out, "w") as f:
    for q in sorted(os.listdir(d)):
        text = open(os.path.join(d, q), encoding="utf-8").read()
        acc = "application/n-triples" if ("CONSTRUCT" in text or "DESCRIBE" in text) else "application/sparql-results+json"
        f.write(acc + "\t" + urllib.parse.urlencode({"query": text}) + "\n")
PY
BENCH_REQS="$reqs" wrk -t1 -c4 -d10s -s "$bench/tools/sparql_mix.lua" "$url" >/dev/null   # warm-up
BENCH_REQS="$reqs" wrk -t1 -c4 -d"${seconds}s" -s "$bench/tools/sparql_mix.lua" "$url" | grep -E "Requests/sec|requests in"
kill -TERM "$server"; wait "$server" 2>/dev/null || true
trap - EXIT
echo "recording: $jfr"
/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr view --width 160 hot-methods "$jfr" | head -30
