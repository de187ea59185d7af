#!/usr/bin/env python3
"""Ratios of one endpoint to each other endpoint of a run (hms-kg ÷ peer), from the run's results.csv.

  bench/peer-summary.py RUN_DIR [ENDPOINT]      (ENDPOINT: default the first endpoint of the run)

Latency: geometric mean over the queries of (median ms of ENDPOINT ÷ median ms of the peer); lower is better.
Throughput: requests/s of ENDPOINT ÷ requests/s of the peer at each concurrency level; higher is better.
Rows: whether the result sizes agree with ENDPOINT's on every query. Also the 1-minute load from env.txt.
"""
import csv
import math
import os
import sys


def main():
    run = sys.argv[1]
    rows = list(csv.DictReader(open(os.path.join(run, "results.csv"), encoding="utf-8")))
    endpoints = []
    for r in rows:
        if r["endpoint"] not in endpoints:
            endpoints.append(r["endpoint"])
    me = sys.argv[2] if len(sys.argv) > 2 else endpoints[0]
    median = {}
    size = {}
    rps = {}
    for r in rows:
        key = (r["endpoint"], r["query_or_workload"])
        if r["pass"] == "latency" and r["metric"] == "median_ms" and r["value"]:
            median[key] = float(r["value"])
        elif r["pass"] == "latency" and r["metric"] == "result_size":
            size[key] = r["value"]
        elif r["pass"] == "throughput" and r["metric"] == "rps" and r["value"]:
            rps[(r["endpoint"], r["query_or_workload"], int(r["concurrency"]))] = float(r["value"])
    queries = sorted({q for (_, q) in median})
    levels = sorted({c for (_, _, c) in rps})
    with open(os.path.join(run, "env.txt"), encoding="utf-8") as f:
        load = next((line.split(None, 1)[1].strip() for line in f if line.startswith("load:")), "?")
    print(f"run {os.path.basename(os.path.normpath(run))}; load at start {load}; ratios {me} ÷ peer")
    print("| peer | latency geo-mean | " + " | ".join(f"throughput c={c}" for c in levels) + " | rows agree |")
    print("|---|---|" + "---|" * len(levels) + "---|")
    for peer in endpoints:
        if peer == me:
            continue
        logs = [math.log(median[(me, q)] / median[(peer, q)]) for q in queries
                if median.get((me, q)) and median.get((peer, q))]
        lat = math.exp(sum(logs) / len(logs)) if logs else None
        thr = []
        for c in levels:
            a, b = rps.get((me, "all", c)), rps.get((peer, "all", c))
            thr.append(f"{a / b:.2f}× ({a:.1f} vs {b:.1f} req/s)" if a and b else "–")
        differ = [q for q in queries if size.get((me, q)) != size.get((peer, q))]
        agree = "yes" if not differ else "no: " + ", ".join(differ)
        print(f"| {peer} | " + (f"{lat:.2f}×" if lat else "–") + " | " + " | ".join(thr) + f" | {agree} |")
    print()
    print("| query | " + " | ".join(f"{e} ms" for e in endpoints) + " |")
    print("|---|" + "---|" * len(endpoints))
    for q in queries:
        print(f"| {q} | " + " | ".join(
            f"{median[(e, q)]:.1f}" if (e, q) in median else "–" for e in endpoints) + " |")


if __name__ == "__main__":
    main()
