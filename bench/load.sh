#!/usr/bin/env bash
# Load benchmark (issue #8): starts ./hms-kg serve on a loopback port with its default limits and heap
# (-Xmx512m), runs bench/LoadDriver.java (16 clients, example queries and entity pages, an abusive query every
# 8 requests), samples the server's resident memory, and checks the server is still up and never ran out of
# memory. Loopback only. Usage: bench/load.sh [seconds=120] [clients=16]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-120}"
clients="${2:-16}"
port="${HMSKG_BENCH_PORT:-3931}"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$root"
"$root/hms-kg" --version >/dev/null   # builds the program first if needed
java=""
for j in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$j/bin/java" ] && grep -qE 'JAVA_VERSION="(2[1-9]|[3-9][0-9])' "$j/release" 2>/dev/null; then java="$j/bin/java"; break; fi
done
[ -n "$java" ] || { echo "load.sh: no JDK >= 21 found" >&2; exit 1; }

"$root/hms-kg" serve --port "$port" --no-watch >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/\$/ping" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
pid="$(pgrep -P "$server" java || echo "$server")"   # the launcher execs java; this finds it either way
( peak=0; while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$work/peak"
    sleep 1
  done ) &
sampler=$!

status=0
"$java" "$root/bench/LoadDriver.java" --base "http://127.0.0.1:$port" --clients "$clients" --seconds "$seconds" || status=$?
kill "$sampler" 2>/dev/null || true
echo "server peak resident memory: $(( $(cat "$work/peak" 2>/dev/null || echo 0) / 1024 )) MiB (heap limit 512 MiB)"
if ! curl -fsS "http://127.0.0.1:$port/\$/ping" >/dev/null; then echo "FAILED: the server stopped answering" >&2; status=3; fi
if grep -q OutOfMemoryError "$work/server.log"; then echo "FAILED: OutOfMemoryError in the server log" >&2; status=4; fi
curl -fsS "http://127.0.0.1:$port/\$/metrics" | grep -E '^hmskg_sparql_timeouts_total' || true
exit "$status"
