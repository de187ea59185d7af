#!/usr/bin/env bash
# Workload 2: the harness's synthetic policy graph (default 1M triples) and its 10 queries. Plain Fuseki in memory
# first (every ratio reads "hms-kg / plain Fuseki"), then hms-kg three ways: `serve --data FILE --no-cache`,
# `serve --data FILE` (response cache on: the throughput mix repeats its 10 queries), and `serve --tdb2 DIR
# --no-cache` on a TDB2 database holding the same triples in one named graph (and, as `build --tdb2` writes it,
# their union in the default graph). Same maximum heap for every JVM
# (JVM_HEAP, default 3g). Bounded to a few minutes; loopback only.
#   bench/policy-bench.sh [--triples N] [run.sh options]
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
triples=1000000
if [ "${1:-}" = --triples ]; then triples=$2; shift 2; fi
name="policy-$((triples / 1000))k"
data="$bench/data/$name.nt"
mkdir -p "$bench/data" "$bench/work"
[ -f "$data" ] || python3 "$bench/synthetic/gen_policy_kg.py" --triples "$triples" --out "$data"
export JVM_HEAP="${JVM_HEAP:-3g}"
tdb="$bench/work/hmskg-tdb2/$name"
"$bench/tdb2-load.sh" "$data" "$tdb"   # the layout `build --tdb2` writes
export HMSKG_HEAP="$JVM_HEAP"   # the launcher's own JVM options, with the same maximum heap as every peer
unset HMSKG_JAVA_OPTS           # (which would replace them)
"$root/hms-kg" --version >/dev/null   # build + AOT cache for these options, untimed
cd "$bench/work"   # plain Fuseki writes its run/ folder into the working directory
exec "$bench/run.sh" --data "$data" --queries "$bench/synthetic/queries" \
  --peer fuseki-mem \
  --endpoint "hms-kg-nocache=http://127.0.0.1:3331/sparql" \
  --start "hms-kg-nocache=$root/hms-kg serve --seeds $root/seeds --port 3331 --data {DATA} --no-cache" \
  --endpoint "hms-kg-cache=http://127.0.0.1:3332/sparql" \
  --start "hms-kg-cache=$root/hms-kg serve --seeds $root/seeds --port 3332 --data {DATA}" \
  --endpoint "hms-kg-tdb2=http://127.0.0.1:3333/sparql" \
  --start "hms-kg-tdb2=$root/hms-kg serve --port 3333 --tdb2 $tdb --no-cache" \
  --warmup-seconds 20 --warmup-chunk 5 --runs 5 --duration 8 --concurrency 1,16 --cell-budget 8 \
  --no-drop-caches "$@"
