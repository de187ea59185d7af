#!/usr/bin/env bash
# Loads an N-Triples file into a TDB2 folder the way `build --tdb2` lays one out (store/StoredUnionTdb2.java): the
# triples in one named graph, their union once more in the default graph, the marker file that tells
# `serve --tdb2` so, and TDB2's statistics file of the default graph (Data-0001/stats.opt, by tdb2.tdbstats). Uses Jena's tdb2.tdbloader from `peers.sh setup`; done once per folder (.loaded-union).
#   bench/tdb2-load.sh DATA.nt DIR
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data=$1
tdb=$2
[ -f "$tdb/.loaded-union" ] && exit 0
[ -x "$bench/.cache/apache-jena-6.2.0/bin/tdb2.tdbloader" ] || "$bench/peers.sh" setup
name=$(basename "$data" .nt)
java_home=/usr/lib/jvm/temurin-25-jdk-amd64
rm -rf "$tdb" && mkdir -p "$tdb"
JAVA_HOME="$java_home" JVM_ARGS="-Xmx${JVM_HEAP:-3g}" "$bench/.cache/apache-jena-6.2.0/bin/tdb2.tdbloader" \
  --loc "$tdb" --graph "https://w3id.org/hmskg/graph/$name" "$data"
JAVA_HOME="$java_home" JVM_ARGS="-Xmx${JVM_HEAP:-3g}" "$bench/.cache/apache-jena-6.2.0/bin/tdb2.tdbloader" \
  --loc "$tdb" "$data"
echo "The default graph of this TDB2 database holds the union of its named graphs." > "$tdb/hmskg-union-default-graph"
JAVA_HOME="$java_home" JVM_ARGS="-Xmx${JVM_HEAP:-3g}" "$bench/.cache/apache-jena-6.2.0/bin/tdb2.tdbstats" \
  --loc "$tdb" > "$tdb/stats.opt.new"
mv "$tdb/stats.opt.new" "$(ls -d "$tdb"/Data-* | tail -1)/stats.opt"
touch "$tdb/.loaded-union"
