#!/usr/bin/env bash
# hms-kg with its response cache off against the other stores, in one run of the harness: the synthetic policy
# graph (1M triples by default) and its 10 queries. hms-kg comes first, so the report's ratios read "peer ÷ hms-kg";
# bench/peer-summary.py prints them the other way round (hms-kg ÷ peer), as the targets are written.
#   bench/peer-bench.sh [--triples N] [--tdb2] [run.sh options]
# Memory (default): `serve --data FILE --no-cache` against plain Fuseki in memory, Virtuoso and Oxigraph.
# --tdb2: `serve --tdb2 DIR --no-cache` on the layout `build --tdb2` writes (the data in its named graph, the union
# once more in the default graph, the statistics file) against plain Fuseki on TDB2 and Virtuoso.
# Every JVM gets the same maximum heap (JVM_HEAP, default 3g; hms-kg through its launcher as HMSKG_HEAP, keeping
# its other options). Loopback only.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
triples=1000000
mode=memory
while [ $# -gt 0 ]; do
  case "$1" in
    --triples) triples=$2; shift 2 ;;
    --tdb2) mode=tdb2; shift ;;
    *) break ;;
  esac
done
args=()
while [ $# -gt 0 ]; do   # run.sh runs in bench/work: make --out absolute here
  if [ "$1" = --out ]; then args+=(--out "$(realpath -m "$2")"); shift 2; else args+=("$1"); shift; fi
done
[ "${args[*]}" = "" ] || set -- "${args[@]}"
out_default=(--out "$bench/results/peers-$mode-$((triples / 1000))k-$(date +%H%M)")
printf '%s\n' "$@" | grep -qx -- --out && out_default=()
name="policy-$((triples / 1000))k"
data="$bench/data/$name.nt"
mkdir -p "$bench/data" "$bench/work"
[ -f "$data" ] || python3 "$bench/synthetic/gen_policy_kg.py" --triples "$triples" --out "$data"
export JVM_HEAP="${JVM_HEAP:-3g}"
export HMSKG_HEAP="$JVM_HEAP"   # the launcher's own JVM options, with the same maximum heap as every peer
unset HMSKG_JAVA_OPTS           # (which would replace them)
"$root/hms-kg" --version >/dev/null   # build + AOT cache for these options, untimed
port="${HMSKG_BENCH_PORT:-3341}"
if [ "$mode" = tdb2 ]; then
  tdb="$bench/work/hmskg-tdb2/$name"
  "$bench/tdb2-load.sh" "$data" "$tdb"
  endpoints=(--endpoint "hms-kg-tdb2=http://127.0.0.1:$port/sparql"
             --start "hms-kg-tdb2=$root/hms-kg serve --port $port --tdb2 $tdb --no-cache"
             --peer fuseki-tdb2 --peer virtuoso)
else
  endpoints=(--endpoint "hms-kg=http://127.0.0.1:$port/sparql"
             --start "hms-kg=$root/hms-kg serve --seeds $root/seeds --port $port --data {DATA} --no-cache"
             --peer fuseki-mem --peer virtuoso --peer oxigraph-js)
fi
cd "$bench/work"   # plain Fuseki writes its run/ folder into the working directory
exec "$bench/run.sh" --data "$data" --queries "$bench/synthetic/queries" "${endpoints[@]}" \
  --runs 20 --warmup 2 --warmup-seconds 30 --warmup-chunk 5 --duration 15 --concurrency 1,16 --cell-budget 20 \
  --no-drop-caches "${out_default[@]}" "$@"
