#!/usr/bin/env bash
# Copied from the team's shared benchmark harness (/work/shared/bench, 2026-11-26) so that the project needs
# nothing outside itself; hms-kg changes are marked "hms-kg addition" or listed in bench/README.md.
# peers.sh — install, start and stop the peer triple stores of the benchmark.
#
#   peers.sh setup                      install/fetch everything the peers need
#   peers.sh list                       peers this script knows
#   peers.sh start PEER DATA [--fresh]  start PEER serving DATA (loads it first
#                                       when no database for DATA exists, or
#                                       with --fresh); prints the endpoint URL
#   peers.sh restart PEER DATA          stop + start on the existing database
#                                       (cold start; in-memory peers reload)
#   peers.sh stop PEER|all              stop by PID (TERM, then KILL after 60 s)
#   peers.sh status                     running peers
#   peers.sh url PEER                   endpoint URL
#
# Every server listens on 127.0.0.1 only.  State lives in $BENCH_WORK
# (default bench/work): run/PEER.{pid,json,log}, db/PEER-<datakey>/.
# run/PEER.json holds the measurements of the last start: load_s,
# load_peak_rss_kb, start_to_first_query_s, db_bytes, ...
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="${BENCH_WORK:-$BENCH/work}"
RUN="$WORK/run"
DBROOT="$WORK/db"
CACHE="$BENCH/.cache"
mkdir -p "$RUN" "$DBROOT" "$CACHE"

JENA_VERSION="${JENA_VERSION:-6.2.0}"
JAVA_HOME_25="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA25="$JAVA_HOME_25/bin/java"
M2="${M2_REPO:-$HOME/.m2/repository}"
FUSEKI_JAR="$M2/org/apache/jena/jena-fuseki-server/$JENA_VERSION/jena-fuseki-server-$JENA_VERSION.jar"
JENA_TGZ="$M2/org/apache/jena/apache-jena/$JENA_VERSION/apache-jena-$JENA_VERSION.tar.gz"
JENA_HOME_DIR="$CACHE/apache-jena-$JENA_VERSION"
# Same max heap for every JVM peer (and the TDB2 loader); override per run.
JVM_HEAP="${JVM_HEAP:-8g}"
TDB2_LOADER="${TDB2_LOADER:-}"          # empty = tdb2.tdbloader's default loader
VIRTUOSO_BUFFERS="${VIRTUOSO_BUFFERS:-340000}"      # 8 KiB pages: ~2.7 GiB (ini's "4 GB RAM" row)
VIRTUOSO_DIRTY="${VIRTUOSO_DIRTY:-250000}"
VIRTUOSO_THREADS="${VIRTUOSO_THREADS:-32}"          # HTTP threads / connections (default ini: 10)

PORT_fuseki_mem="${PORT_FUSEKI_MEM:-13030}"
PORT_fuseki_tdb2="${PORT_FUSEKI_TDB2:-13031}"
PORT_virtuoso="${PORT_VIRTUOSO:-18890}"
PORT_virtuoso_sql="${PORT_VIRTUOSO_SQL:-11111}"
PORT_oxigraph_js="${PORT_OXIGRAPH_JS:-17878}"
PORT_blazegraph="${PORT_BLAZEGRAPH:-19999}"
BLAZEGRAPH_VERSION=2.1.5
BLAZEGRAPH_JAR="$M2/com/blazegraph/blazegraph-jar/$BLAZEGRAPH_VERSION/blazegraph-jar-$BLAZEGRAPH_VERSION.jar"
BLAZEGRAPH_HOME="$CACHE/blazegraph-$BLAZEGRAPH_VERSION"
# Blazegraph 2.1.5 (2019) predates Java 9 modules; it runs on the default JDK 17
# when started through NanoSparqlServer (its StandaloneNanoSparqlServer jar
# entry point fails on Java >= 9: getResource("/war") returns null).
JAVA17="${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
START_TIMEOUT="${START_TIMEOUT:-1800}"   # seconds to wait for a peer to answer

PEERS="fuseki-mem fuseki-tdb2 virtuoso oxigraph-js blazegraph"

die() { echo "peers.sh: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2])-float(sys.argv[1]):.3f}')" "$1" "$2"; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo ""; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
port_of() { local v="PORT_${1//-/_}"; echo "${!v}"; }

url_of() {
  local p; p=$(port_of "$1")
  case "$1" in
    fuseki-mem|fuseki-tdb2) echo "http://127.0.0.1:$p/ds/query" ;;
    virtuoso) echo "http://127.0.0.1:$p/sparql" ;;
    oxigraph-js) echo "http://127.0.0.1:$p/query" ;;
    blazegraph) echo "http://127.0.0.1:$p/blazegraph/namespace/kb/sparql" ;;
    *) die "unknown peer $1 (known: $PEERS)" ;;
  esac
}

datakey() { # stable key for a data file: name + size + mtime
  local f; f=$(readlink -f "$1")
  echo "$(basename "$f" | tr -c 'A-Za-z0-9._-' _)-$(stat -c '%s-%Y' "$f" | md5sum | cut -c1-8)"
}

# One SPARQL ASK over HTTP; 0 when the endpoint answered 200.
probe() {
  local code
  code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'Accept: application/sparql-results+json' \
    --data-urlencode 'query=ASK { ?s ?p ?o }' "$1" 2>/dev/null || true)
  [ "$code" = "200" ]
}

# wait until URL answers or PID dies; echoes nothing, returns 1 on failure
wait_ready() {
  local url=$1 pid=$2 deadline
  deadline=$(( $(date +%s) + START_TIMEOUT ))
  while :; do
    probe "$url" && return 0
    alive "$pid" || return 1
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

write_json() { # file key=value ... (values that look numeric stay numbers)
  local f=$1; shift
  python3 - "$f" "$@" <<'EOF'
import json, sys
out = {}
for kv in sys.argv[2:]:
    k, v = kv.split("=", 1)
    try:
        out[k] = int(v)
    except ValueError:
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v if v != "" else None
json.dump(out, open(sys.argv[1], "w"), indent=1)
EOF
}

# ----------------------------------------------------------------- setup
cmd_setup() {
  if ! command -v virtuoso-t >/dev/null || ! command -v wrk >/dev/null || [ ! -x /usr/bin/time ]; then
    # policy-rc.d answers 101 in this container image, so the package's own
    # service is not started; we run virtuoso-t ourselves on our own ports.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource wrk time curl
  fi
  [ -x "$JAVA25" ] || die "need a JDK >= 21 at $JAVA_HOME_25 (Jena 6)"
  [ -f "$FUSEKI_JAR" ] || mvn -q dependency:get -Dartifact="org.apache.jena:jena-fuseki-server:$JENA_VERSION" -Dtransitive=false
  [ -f "$JENA_TGZ" ] || mvn -q dependency:get -Dartifact="org.apache.jena:apache-jena:$JENA_VERSION:tar.gz" -Dtransitive=false
  [ -x "$JENA_HOME_DIR/bin/tdb2.tdbloader" ] || tar -xzf "$JENA_TGZ" -C "$CACHE"
  [ -f "$BLAZEGRAPH_JAR" ] || mvn -q dependency:get -Dartifact="com.blazegraph:blazegraph-jar:$BLAZEGRAPH_VERSION" -Dtransitive=false
  if [ ! -f "$BLAZEGRAPH_HOME/jetty.xml" ]; then
    mkdir -p "$BLAZEGRAPH_HOME" && (cd "$BLAZEGRAPH_HOME" && unzip -o -q "$BLAZEGRAPH_JAR" 'war/*' jetty.xml)
  fi
  if [ ! -d "$BENCH/peers/oxigraph/node_modules/oxigraph" ]; then
    (cd "$BENCH/peers/oxigraph" && npm install --no-audit --no-fund --loglevel=error)
  fi
  echo "setup done: fuseki=$FUSEKI_JAR jena=$JENA_HOME_DIR virtuoso=$(command -v virtuoso-t) wrk=$(command -v wrk)"
}

# ----------------------------------------------------------------- helpers
launch() { # peer logfile cmd... -> echoes pid; process in its own session
  local peer=$1 log=$2; shift 2
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > "$RUN/$peer.pid"
  echo "$pid"
}

stop_pid() {
  local pid=$1 i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 600); do alive "$pid" || return 0; sleep 0.1; done
  echo "peers.sh: pid $pid ignored TERM for 60 s, sending KILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  local peer=$1
  if [ "$peer" = all ]; then
    for p in $PEERS; do cmd_stop "$p"; done
    return
  fi
  local pidf="$RUN/$peer.pid"
  [ -f "$pidf" ] || return 0
  local pid; pid=$(cat "$pidf")
  if alive "$pid"; then
    if [ "$peer" = virtuoso ]; then
      # clean shutdown (checkpoint) through SQL, then TERM as fallback
      timeout 60 isql-vt "127.0.0.1:$PORT_virtuoso_sql" dba dba exec="shutdown;" >/dev/null 2>&1 || true
      for _ in $(seq 1 300); do alive "$pid" || break; sleep 0.1; done
    fi
    stop_pid "$pid"
    echo "stopped $peer (pid $pid)"
  fi
  rm -f "$pidf"
}

virtuoso_ini() { # dbdir datadir port sqlport
  local db=$1 datadir=$2 port=$3 sqlport=$4
  cat > "$db/virtuoso.ini" <<EOF
; generated by bench/peers.sh from Debian's /etc/virtuoso-opensource-7/virtuoso.ini
; changes: paths, loopback ports, buffers sized for RAM, HTTP threads for
; concurrency 16, ResultSetMaxRows raised so results are not truncated.
[Database]
DatabaseFile       = $db/virtuoso.db
ErrorLogFile       = $db/virtuoso.log
LockFile           = $db/virtuoso.lck
TransactionFile    = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = $db/virtuoso-temp.db
TransactionFile    = $db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0
[Parameters]
ServerPort               = 127.0.0.1:$sqlport
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = $VIRTUOSO_THREADS
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., /usr/share/virtuoso-opensource-7/vad, $datadir
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
VADInstallDir            = /usr/share/virtuoso-opensource-7/vad/
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxMemPoolSize           = 200000000
MacSpotlight             = 0
MaxQueryMem              = 2G
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = 4
AsyncQueueMaxThreads     = 10
NumberOfBuffers          = $VIRTUOSO_BUFFERS
MaxDirtyBuffers          = $VIRTUOSO_DIRTY
[HTTPServer]
ServerPort                  = 127.0.0.1:$port
ServerRoot                  = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections        = $VIRTUOSO_THREADS
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
DefaultMailServer           = localhost:25
ServerThreads               = $VIRTUOSO_THREADS
MaxKeepAlives               = $VIRTUOSO_THREADS
KeepAliveTimeout            = 10
MaxCachedProxyConnections   = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
MaintenancePage             = atomic.html
EnabledGzipContent          = 1
[AutoRepair]
BadParentLinks = 0
[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0
[VDB]
ArrayOptimization           = 0
NumArrayParameters          = 10
VDBDisconnectTimeout        = 1000
KeepConnectionOnFixedThread = 0
[Replication]
ServerName   = db
ServerEnable = 1
QueueMax     = 50000
[Zero Config]
ServerName = virtuoso
[URIQA]
DynamicLocal = 0
DefaultHost  = localhost:$port
[SPARQL]
ResultSetMaxRows           = 100000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 300
DefaultQuery               = select distinct ?Concept where {[] a ?Concept} LIMIT 100
DeferInferenceRulesInit    = 0
EOF
}

isql() { timeout "${ISQL_TIMEOUT:-7200}" isql-vt "127.0.0.1:$PORT_virtuoso_sql" dba dba "$@"; }

# ----------------------------------------------------------------- start
cmd_start() {
  local peer=$1 data=$2 fresh=${3:-}
  [ -f "$data" ] || die "no data file $data"
  data=$(readlink -f "$data")
  local url; url=$(url_of "$peer")
  if [ -f "$RUN/$peer.pid" ] && alive "$(cat "$RUN/$peer.pid")"; then
    die "$peer already running (pid $(cat "$RUN/$peer.pid")); stop it first"
  fi
  probe "$url" && die "something already answers on $url"
  local key; key=$(datakey "$data")
  local log="$RUN/$peer.log"
  : > "$log"
  local load_s="" load_rss="" start_s="" db="" pid t0 t1 loaded=0 db_bytes=""
  case "$peer" in
  fuseki-mem)
    [ -f "$FUSEKI_JAR" ] || die "run peers.sh setup first"
    t0=$(now)
    pid=$(launch "$peer" "$log" "$JAVA25" "-Xmx$JVM_HEAP" -jar "$FUSEKI_JAR" --localhost \
          --port "$(port_of "$peer")" --file "$data" /ds)
    wait_ready "$url" "$pid" || { tail -20 "$log" >&2; cmd_stop "$peer"; die "$peer did not come up"; }
    t1=$(now)
    start_s=$(elapsed "$t0" "$t1"); load_s=$start_s; load_rss=$(hwm_kb "$pid"); loaded=1
    ;;
  fuseki-tdb2)
    [ -x "$JENA_HOME_DIR/bin/tdb2.tdbloader" ] || die "run peers.sh setup first"
    db="$DBROOT/fuseki-tdb2-$key"
    if [ -n "$fresh" ] || [ ! -f "$db/.loaded" ]; then
      rm -rf "$db"; mkdir -p "$db"
      local loader_args=()
      [ -n "$TDB2_LOADER" ] && loader_args=(--loader="$TDB2_LOADER")
      echo "# tdb2.tdbloader ${loader_args[*]:-} --loc $db/DB $data" >> "$log"
      JAVA_HOME="$JAVA_HOME_25" JVM_ARGS="-Xmx$JVM_HEAP" /usr/bin/time -f 'TIME %e %M' -o "$db/load.time" \
        "$JENA_HOME_DIR/bin/tdb2.tdbloader" "${loader_args[@]}" --loc "$db/DB" "$data" >> "$log" 2>&1 \
        || { tail -20 "$log" >&2; die "tdb2.tdbloader failed"; }
      load_s=$(awk '/^TIME/ {print $2}' "$db/load.time"); load_rss=$(awk '/^TIME/ {print $3}' "$db/load.time")
      echo "load_s=$load_s load_rss=$load_rss" > "$db/.loaded"; loaded=1
    fi
    t0=$(now)
    pid=$(launch "$peer" "$log" "$JAVA25" "-Xmx$JVM_HEAP" -jar "$FUSEKI_JAR" --localhost \
          --port "$(port_of "$peer")" --tdb2 --loc "$db/DB" /ds)
    wait_ready "$url" "$pid" || { tail -20 "$log" >&2; cmd_stop "$peer"; die "$peer did not come up"; }
    t1=$(now); start_s=$(elapsed "$t0" "$t1")
    ;;
  virtuoso)
    command -v virtuoso-t >/dev/null || die "run peers.sh setup first"
    db="$DBROOT/virtuoso-$key"
    local need_load=0
    if [ -n "$fresh" ] || [ ! -f "$db/.loaded" ]; then
      rm -rf "$db"; mkdir -p "$db"; need_load=1
    fi
    virtuoso_ini "$db" "$(dirname "$data")" "$(port_of virtuoso)" "$PORT_virtuoso_sql"
    t0=$(now)
    pid=$(cd "$db" && launch "$peer" "$log" virtuoso-t -f -c "$db/virtuoso.ini")
    if [ "$need_load" = 1 ]; then
      # wait for the SQL port, then bulk load (ld_dir + rdf_loader_run) and checkpoint
      local ok=0
      for _ in $(seq 1 600); do
        if isql exec="select 1;" >/dev/null 2>&1; then ok=1; break; fi
        alive "$pid" || break; sleep 0.2
      done
      [ "$ok" = 1 ] || { tail -20 "$log" "$db/virtuoso.log" >&2; cmd_stop "$peer"; die "virtuoso did not start"; }
      local graph="https://example.org/policy/graph"
      t0=$(now)
      isql exec="ld_dir('$(dirname "$data")', '$(basename "$data")', '$graph'); rdf_loader_run(); checkpoint;" >> "$log" 2>&1 \
        || { tail -20 "$log" >&2; cmd_stop "$peer"; die "virtuoso load failed"; }
      t1=$(now)
      local errs
      errs=$(isql exec="select ll_file, ll_error from DB.DBA.LOAD_LIST where ll_error is not null;" 2>&1 | grep -c '^/' || true)
      [ "$errs" = 0 ] || { isql exec="select ll_file, ll_error from DB.DBA.LOAD_LIST where ll_error is not null;" >&2; die "virtuoso loader reported errors"; }
      load_s=$(elapsed "$t0" "$t1"); load_rss=$(hwm_kb "$pid"); loaded=1
      echo "load_s=$load_s load_rss=$load_rss" > "$db/.loaded"
      wait_ready "$url" "$pid" || { tail -20 "$log" >&2; cmd_stop "$peer"; die "$peer did not answer"; }
      start_s=""   # not a cold start; run 'restart' to measure one
    else
      wait_ready "$url" "$pid" || { tail -20 "$log" "$db/virtuoso.log" >&2; cmd_stop "$peer"; die "$peer did not come up"; }
      t1=$(now); start_s=$(elapsed "$t0" "$t1")
    fi
    ;;
  oxigraph-js)
    [ -d "$BENCH/peers/oxigraph/node_modules/oxigraph" ] || die "run peers.sh setup first"
    t0=$(now)
    pid=$(launch "$peer" "$log" node --max-old-space-size=8192 "$BENCH/peers/oxigraph/server.js" \
          --host 127.0.0.1 --port "$(port_of "$peer")" --data "$data")
    wait_ready "$url" "$pid" || { tail -20 "$log" >&2; cmd_stop "$peer"; die "$peer did not come up"; }
    t1=$(now)
    start_s=$(elapsed "$t0" "$t1"); load_s=$start_s; load_rss=$(hwm_kb "$pid"); loaded=1
    ;;
  blazegraph)
    [ -f "$BLAZEGRAPH_HOME/jetty.xml" ] || die "run peers.sh setup first"
    db="$DBROOT/blazegraph-$key"
    if [ -n "$fresh" ] || [ ! -f "$db/.loaded" ]; then
      rm -rf "$db"; mkdir -p "$db"
      # the RWStore.properties shipped in the jar, with quads=false (our data
      # has no named graphs): no inference, no text index
      cat > "$db/RWStore.properties" <<EOF
com.bigdata.journal.AbstractJournal.file=$db/blazegraph.jnl
com.bigdata.journal.AbstractJournal.bufferMode=DiskRW
com.bigdata.service.AbstractTransactionService.minReleaseAge=1
com.bigdata.journal.Journal.groupCommit=false
com.bigdata.btree.writeRetentionQueue.capacity=4000
com.bigdata.btree.BTree.branchingFactor=128
com.bigdata.journal.AbstractJournal.initialExtent=209715200
com.bigdata.journal.AbstractJournal.maximumExtent=209715200
com.bigdata.rdf.sail.truthMaintenance=false
com.bigdata.rdf.store.AbstractTripleStore.quads=false
com.bigdata.rdf.store.AbstractTripleStore.statementIdentifiers=false
com.bigdata.rdf.store.AbstractTripleStore.textIndex=false
com.bigdata.rdf.store.AbstractTripleStore.axiomsClass=com.bigdata.rdf.axioms.NoAxioms
com.bigdata.namespace.kb.lex.com.bigdata.btree.BTree.branchingFactor=400
com.bigdata.namespace.kb.spo.com.bigdata.btree.BTree.branchingFactor=1024
EOF
      echo "# DataLoader -namespace kb $db/RWStore.properties $data" >> "$log"
      /usr/bin/time -f 'TIME %e %M' -o "$db/load.time" "$JAVA17" "-Xmx$JVM_HEAP" -cp "$BLAZEGRAPH_JAR" \
        com.bigdata.rdf.store.DataLoader -namespace kb "$db/RWStore.properties" "$data" >> "$log" 2>&1 \
        || { tail -20 "$log" >&2; die "blazegraph DataLoader failed"; }
      load_s=$(awk '/^TIME/ {print $2}' "$db/load.time"); load_rss=$(awk '/^TIME/ {print $3}' "$db/load.time")
      echo "load_s=$load_s load_rss=$load_rss" > "$db/.loaded"; loaded=1
    fi
    t0=$(now)
    pid=$(launch "$peer" "$log" "$JAVA17" -server "-Xmx$JVM_HEAP" -Djetty.host=127.0.0.1 \
          "-Djetty.home=file:$BLAZEGRAPH_HOME/war" -cp "$BLAZEGRAPH_JAR" \
          com.bigdata.rdf.sail.webapp.NanoSparqlServer -jettyXml "$BLAZEGRAPH_HOME/jetty.xml" \
          "$(port_of "$peer")" kb "$db/RWStore.properties")
    wait_ready "$url" "$pid" || { tail -20 "$log" >&2; cmd_stop "$peer"; die "$peer did not come up"; }
    t1=$(now); start_s=$(elapsed "$t0" "$t1")
    ;;
  *) die "unknown peer $peer (known: $PEERS)" ;;
  esac
  if [ -n "$db" ] && [ -f "$db/.loaded" ] && [ "$loaded" = 0 ]; then
    # report the metrics of the load that built this database
    # shellcheck disable=SC1090
    . "$db/.loaded"
  fi
  [ -n "$db" ] && db_bytes=$(du -s --block-size=1 "$db" | cut -f1)   # allocated, not apparent (TDB2 files are sparse)
  write_json "$RUN/$peer.json" peer="$peer" url="$url" pid="$pid" data="$data" \
    loaded_now="$loaded" load_s="$load_s" load_peak_rss_kb="$load_rss" \
    start_to_first_query_s="$start_s" rss_after_start_kb="$(hwm_kb "$pid")" db_dir="$db" db_bytes="$db_bytes"
  echo "$url"
}

cmd_status() {
  for p in $PEERS; do
    if [ -f "$RUN/$p.pid" ] && alive "$(cat "$RUN/$p.pid")"; then
      echo "$p running pid=$(cat "$RUN/$p.pid") url=$(url_of "$p") VmHWM=$(hwm_kb "$(cat "$RUN/$p.pid")")kB"
    fi
  done
}

case "${1:-}" in
  setup) cmd_setup ;;
  list) echo "$PEERS" ;;
  start) [ $# -ge 3 ] || die "usage: peers.sh start PEER DATA [--fresh]"; cmd_start "$2" "$3" "${4:-}" ;;
  restart) [ $# -ge 3 ] || die "usage: peers.sh restart PEER DATA"; cmd_stop "$2" >/dev/null; cmd_start "$2" "$3" ;;
  stop) [ $# -ge 2 ] || die "usage: peers.sh stop PEER|all"; cmd_stop "$2" ;;
  status) cmd_status ;;
  url) url_of "$2" ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
