#!/usr/bin/env bash
# Workload 1: the project's own graph. hms-kg (launcher, snapshot, its JVM options) against plain Fuseki in memory
# (first, so every ratio reads "hms-kg / plain Fuseki") and the other peers, on the N-Quads dump of `./hms-kg build`
# with the union of the graphs as default graph (peers get the union as N-Triples: no query in queries/ uses GRAPH).
# Queries: queries/*.rq plus bench/kg/*.rq (entity pages and search: hms-kg answers the GET of the page, the peers
# the same question in SPARQL). Bounded to a few minutes; loopback only.
#   bench/kg-bench.sh [--peer NAME …] [run.sh options]     (default peers: fuseki-mem fuseki-tdb2 virtuoso oxigraph-js)
#   HMSKG_SERVE_OPTS=--no-cache bench/kg-bench.sh …        (extra serve options, e.g. the response cache off)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
mkdir -p "$bench/data" "$bench/work"
"$root/hms-kg" build --out "$bench/data/hmskg.nq" >/dev/null
# union default graph for the peers: drop the graph term (quads end with "<graph> ."), keep each triple once
python3 - "$bench/data/hmskg.nq" "$bench/data/hmskg-union.nt" <<'PY'
import sys
seen = []
done = set()
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    body, graph, dot = line.rsplit(" ", 2)
    t = body + " ."
    if t not in done:
        done.add(t)
        seen.append(t)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(seen) + "\n")
PY
q="$bench/work/kg-queries"
rm -rf "$q" && mkdir -p "$q" && cp "$root"/queries/*.rq "$bench"/kg/*.rq "$q/"
peers=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in --peer) peers+=(--peer "$2"); shift 2 ;; *) extra+=("$1"); shift ;; esac
done
[ ${#peers[@]} -gt 0 ] || peers=(--peer fuseki-mem --peer fuseki-tdb2 --peer virtuoso --peer oxigraph-js)
port="${HMSKG_BENCH_PORT:-3330}"
"$root/hms-kg" serve --port 0 --exit-after-start >/dev/null 2>&1 || true   # snapshot + AOT cache, untimed
export JVM_HEAP="${JVM_HEAP:-512m}"   # the launcher's -Xmx for every JVM
export BENCH_COUNT_CLASS="https://w3id.org/hmskg/def#Measure"
cd "$bench/work"   # plain Fuseki writes its run/ folder into the working directory
exec "$bench/run.sh" --data "$bench/data/hmskg-union.nt" --queries "$q" \
  "${peers[0]}" "${peers[1]}" \
  --endpoint "hms-kg=http://127.0.0.1:$port/sparql" --start "hms-kg=$root/hms-kg serve --seeds $root/seeds --port $port ${HMSKG_SERVE_OPTS:-}" \
  "${peers[@]:2}" \
  --warmup-seconds 20 --warmup-chunk 5 --runs 10 --duration 8 --concurrency 1,16 --cell-budget 10 \
  --no-drop-caches "${extra[@]}"
