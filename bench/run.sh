#!/usr/bin/env bash
# Copied from the team's shared benchmark harness (/work/shared/bench, 2026-11-26) so that the project needs
# nothing outside itself; hms-kg changes are marked "hms-kg addition" or listed in bench/README.md.
# run.sh — benchmark SPARQL endpoints side by side on one data file and one
# folder of queries, in ONE run, and write ratios to the first endpoint.
#
#   run.sh --data FILE --queries DIR  ENDPOINTS...  [options]
#
# ENDPOINTS (order = column order; the first one is the reference):
#   --peer NAME             a peer managed by peers.sh (fuseki-mem, fuseki-tdb2,
#                           virtuoso, oxigraph-js): stopped if running, loaded
#                           fresh from --data (load time + peak RSS), restarted
#                           on the built database (cold start), benchmarked and
#                           stopped at the end.
#   --endpoint NAME=URL     any SPARQL endpoint that is already serving the same
#                           data (e.g. the new service). If NAME is a peer that
#                           peers.sh started, its load/RSS figures are picked up.
#   --start NAME=CMD        with --endpoint NAME=URL: run.sh starts CMD itself
#                           ({DATA} is replaced by the data file), measures time
#                           to first answered query and peak RSS, stops it at
#                           the end (by PID).
#   --pid NAME=PID          server PID of an --endpoint, for CPU and RSS.
# Options:
#   --out DIR               default results/<data>-<timestamp>
#   --runs N (20) --warmup N (2) --warmup-seconds S (90) --warmup-chunk S (10)
#   --duration S (15)
#   --concurrency LIST (1,4,16) --method post-form|get|post-query
#   --throughput-mode mix|per-query   --only q01,q05   --cell-budget S (40)
#   --workload NAME=q01,q07,q08   extra throughput workload (repeatable); the
#                           default workload 'all' cycles through every query
#   --no-cold-start         skip the restart that measures cold start
#   --no-drop-caches        do not drop the OS page cache before cold starts
#   --keep                  leave managed peers running at the end
#   --skip-latency / --skip-throughput
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PEERS_SH="$BENCH/peers.sh"
WORK="${BENCH_WORK:-$BENCH/work}"

die() { echo "run.sh: $*" >&2; exit 1; }
DATA="" QUERIES="" OUT="" COLD=1 DROP=1 KEEP=0
ORDER=()            # endpoint names in order
declare -A KIND URL START PID META
DRIVER_ARGS=()
ARGV=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --peer) ORDER+=("$2"); KIND[$2]=peer; shift 2 ;;
    --endpoint) n=${2%%=*}; ORDER+=("$n"); KIND[$n]=url; URL[$n]=${2#*=}; shift 2 ;;
    --start) n=${2%%=*}; START[$n]=${2#*=}; shift 2 ;;
    --pid) n=${2%%=*}; PID[$n]=${2#*=}; shift 2 ;;
    --no-cold-start) COLD=0; shift ;;
    --no-drop-caches) DROP=0; shift ;;
    --keep) KEEP=1; shift ;;
    --runs|--warmup|--warmup-seconds|--warmup-chunk|--duration|--concurrency|--method|--throughput-mode|--workload|--only|--cell-budget|--timeout|--throughput-only)
      DRIVER_ARGS+=("$1" "$2"); shift 2 ;;
    --skip-latency|--skip-throughput) DRIVER_ARGS+=("$1"); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[ -n "$DATA" ] && [ -f "$DATA" ] || die "--data FILE is required"
[ -n "$QUERIES" ] && [ -d "$QUERIES" ] || die "--queries DIR is required"
[ ${#ORDER[@]} -ge 1 ] || die "give at least one --peer or --endpoint"
DATA=$(readlink -f "$DATA"); QUERIES=$(readlink -f "$QUERIES")
for n in "${!START[@]}"; do [ "${KIND[$n]:-}" = url ] || die "--start $n needs --endpoint $n=URL"; done
STAMP=$(date +%Y%m%dT%H%M%S)
OUT=${OUT:-$BENCH/results/$(basename "$DATA" | sed 's/\.[^.]*$//')-$STAMP}
mkdir -p "$OUT/peers"
OUT=$(readlink -f "$OUT")
LOG="$OUT/run.log"
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$LOG"; }

# ---------------------------------------------------------------- cleanup
STARTED_PEERS=()
STARTED_PIDS=()
cleanup() {
  local rc=$?
  if [ "$KEEP" = 0 ]; then
    for p in "${STARTED_PEERS[@]}"; do "$PEERS_SH" stop "$p" >>"$LOG" 2>&1 || true; done
  fi
  for pid in "${STARTED_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

drop_caches() {
  [ "$DROP" = 1 ] || return 0
  sync
  if { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then log "dropped OS page cache"; else log "could not drop the page cache (cold start is page-cache warm)"; fi
}

probe() {
  local code
  code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'Accept: application/sparql-results+json' \
    --data-urlencode 'query=ASK { ?s ?p ?o }' "$1" 2>/dev/null || true)
  [ "$code" = 200 ]
}

# ---------------------------------------------------------------- environment note
{
  echo "command: $0 $(printf '%q ' "${ARGV[@]}")"
  echo "date:    $(date -Is)"
  echo "host:    $(uname -srm); $(nproc) cores; $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "cpu:     $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//')"
  echo "load:    $(cat /proc/loadavg)"
  echo "data:    $DATA ($(wc -l < "$DATA") lines, $(du -h "$DATA" | cut -f1))"
  echo "java:    $(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -version 2>&1 | head -1)"
  echo "fuseki:  jena-fuseki-server ${JENA_VERSION:-6.2.0}, JVM_HEAP=${JVM_HEAP:-8g}"
  echo "virtuoso: $(virtuoso-t -? 2>&1 | grep -m1 Version || echo n/a)"
  echo "node:    $(node --version 2>/dev/null) oxigraph $(node -p "require('$BENCH/peers/oxigraph/node_modules/oxigraph/package.json').version" 2>/dev/null || echo n/a)"
  echo "wrk:     $(wrk -v 2>&1 | head -1)"
} > "$OUT/env.txt"
log "output: $OUT"

# ---------------------------------------------------------------- bring endpoints up
EP_ARGS=()
for n in "${ORDER[@]}"; do
  if [ "${KIND[$n]}" = peer ]; then
    "$PEERS_SH" stop "$n" >>"$LOG" 2>&1 || true
    log "$n: fresh load of $(basename "$DATA")"
    STARTED_PEERS+=("$n")
    URL[$n]=$("$PEERS_SH" start "$n" "$DATA" --fresh 2>>"$LOG") || die "$n failed to start (see $LOG and $WORK/run/$n.log)"
    cp "$WORK/run/$n.json" "$OUT/peers/$n-load.json"
    if [ "$COLD" = 1 ]; then
      "$PEERS_SH" stop "$n" >>"$LOG" 2>&1
      drop_caches
      log "$n: cold start on the built database"
      "$PEERS_SH" start "$n" "$DATA" >>"$LOG" 2>&1 || die "$n failed to restart"
    fi
    cp "$WORK/run/$n.json" "$OUT/peers/$n.json"
    PID[$n]=$(cat "$WORK/run/$n.pid")
    # merged metrics: load from the fresh start, cold start from the restart
    python3 - "$OUT/peers/$n-load.json" "$OUT/peers/$n.json" "$OUT/peers/$n-meta.json" "$COLD" <<'EOF'
import json, sys
load = json.load(open(sys.argv[1])); cur = json.load(open(sys.argv[2]))
m = {"load_s": load.get("load_s"), "load_peak_rss_kb": load.get("load_peak_rss_kb"),
     "cold_start_s": cur.get("start_to_first_query_s") if sys.argv[4] == "1" else None,
     "db_bytes": cur.get("db_bytes"), "url": cur.get("url"), "pid": cur.get("pid")}
json.dump(m, open(sys.argv[3], "w"), indent=1)
EOF
    META[$n]="$OUT/peers/$n-meta.json"
    log "$n: up at ${URL[$n]} (pid ${PID[$n]}) $(cat "$OUT/peers/$n-meta.json" | tr -d '\n ')"
  else
    u=${URL[$n]}
    if [ -n "${START[$n]:-}" ]; then
      probe "$u" && die "$n: something already answers on $u; stop it or drop --start"
      cmd=${START[$n]//\{DATA\}/$DATA}
      log "$n: starting: $cmd"
      t0=$(date +%s.%N)
      setsid bash -c "exec $cmd" >"$OUT/peers/$n.log" 2>&1 < /dev/null &
      PID[$n]=$!; STARTED_PIDS+=("${PID[$n]}")
      deadline=$(( $(date +%s) + ${START_TIMEOUT:-1800} ))
      until probe "$u"; do
        kill -0 "${PID[$n]}" 2>/dev/null || die "$n exited during start (see $OUT/peers/$n.log)"
        [ "$(date +%s)" -lt "$deadline" ] || die "$n did not answer within ${START_TIMEOUT:-1800} s"
        sleep 0.05
      done
      t1=$(date +%s.%N)
      s=$(python3 -c "print(round($t1-$t0,3))")
      hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/${PID[$n]}/status")
      printf '{"load_s": %s, "load_peak_rss_kb": %s, "cold_start_s": %s, "pid": %s}\n' "$s" "${hwm:-null}" "$s" "${PID[$n]}" > "$OUT/peers/$n-meta.json"
      META[$n]="$OUT/peers/$n-meta.json"
      log "$n: up after $s s (pid ${PID[$n]})"
    else
      probe "$u" || die "$n: no answer from $u"
      # a peer started by hand with peers.sh: pick its figures up
      if [ -f "$WORK/run/$n.json" ] && [ -f "$WORK/run/$n.pid" ] && \
         python3 -c "import json,sys; sys.exit(0 if json.load(open('$WORK/run/$n.json'))['url']=='$u' else 1)"; then
        PID[$n]=${PID[$n]:-$(cat "$WORK/run/$n.pid")}
        python3 - "$WORK/run/$n.json" "$OUT/peers/$n-meta.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
json.dump({"load_s": j.get("load_s"), "load_peak_rss_kb": j.get("load_peak_rss_kb"),
           "cold_start_s": j.get("start_to_first_query_s"), "db_bytes": j.get("db_bytes")},
          open(sys.argv[2], "w"), indent=1)
EOF
        META[$n]="$OUT/peers/$n-meta.json"
      fi
      log "$n: external endpoint $u${PID[$n]:+ (pid ${PID[$n]})}"
    fi
  fi
  EP_ARGS+=(--endpoint "$n=${URL[$n]}")
  [ -n "${PID[$n]:-}" ] && EP_ARGS+=(--pid "$n=${PID[$n]}")
  [ -n "${META[$n]:-}" ] && EP_ARGS+=(--meta "$n=${META[$n]}")
done

# ---------------------------------------------------------------- sanity: same data everywhere?
log "triple counts (sanity; Virtuoso's default graph also holds its own system triples):"
for n in "${ORDER[@]}"; do
  c=$(curl -s -m 600 -H 'Accept: application/sparql-results+json' \
      --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { ?s a <${BENCH_COUNT_CLASS:-https://example.org/policy/def#Measure}> }" "${URL[$n]}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])' 2>/dev/null || echo "?")
  log "  $n: $c measures"
done
TRIPLE_ARGS=()
case "$DATA" in *.nt) TRIPLE_ARGS=(--triples "$(grep -c . "$DATA")") ;; esac

# ---------------------------------------------------------------- drive
python3 "$BENCH/tools/driver.py" "${EP_ARGS[@]}" --queries "$QUERIES" --out "$OUT" --data "$DATA" \
  "${TRIPLE_ARGS[@]}" --env-file "$OUT/env.txt" "${DRIVER_ARGS[@]}" 2>&1 | tee -a "$LOG"
log "done: $OUT/REPORT.md"
