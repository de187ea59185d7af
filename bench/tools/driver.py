#!/usr/bin/env python3
# Copied from the team's shared benchmark harness (/work/shared/bench, 2026-11-26) so that the project needs
# nothing outside itself; hms-kg changes are marked "hms-kg addition" or listed in bench/README.md.
"""SPARQL endpoint benchmark driver (stdlib only; throughput via wrk).

  driver.py --endpoint A=URL --endpoint B=URL --queries DIR --out DIR
            [--pid A=PID] [--meta A=peer.json] [--runs 20] [--warmup 2]
            [--duration 15] [--concurrency 1,4,16] [--method post-form]

Passes
  latency     every query N times per endpoint, sequential, interleaved
              A B C A B C ... (after W interleaved warm-up rounds); median,
              p95, min, mean per (query, endpoint); result sizes compared.
  throughput  wrk, one endpoint at a time, for each concurrency level a mix
              of all queries round-robin (or one query per run with
              --throughput-mode per-query) for --duration seconds.  The
              endpoint order is reversed on every other level (A B C, C B A,
              ...) so slow drift of the machine does not always hit the same
              endpoint.  Server CPU seconds are read from /proc when a PID is
              known.
  report      results.csv (long format) and REPORT.md with ratios to the
              first endpoint.

Everything is bounded: each request has --timeout, each (query, endpoint)
latency cell stops sampling after --cell-budget seconds, wrk runs for
--duration seconds.
"""
import argparse
import csv
import datetime as dt
import http.client
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------- utils


def query_form(text):
    s = re.sub(r"#[^\n]*", " ", text)
    s = re.sub(r"<[^>]*>", "<>", s)  # IRIs may contain keywords
    m = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", s, re.I)
    return m.group(1).upper() if m else "SELECT"


def accept_for(form):
    if form in ("CONSTRUCT", "DESCRIBE"):
        # text/plain = N-Triples for stores that predate application/n-triples (Blazegraph)
        return "application/n-triples, text/plain;q=0.9"
    return "application/sparql-results+json"


def pct(values, p):
    """nearest-rank percentile (p in 0..100) of a non-empty list"""
    v = sorted(values)
    k = max(1, math.ceil(p / 100.0 * len(v)))
    return v[k - 1]


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def proc_cpu_s(pid):
    """utime+stime of pid and its threads, seconds (None if unknown)"""
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(parts[11]) + int(parts[12])) / ticks
    except (OSError, IndexError, ValueError):
        return None


def proc_status_kb(pid, key):
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def kv_list(items, what):
    out = []
    for it in items or []:
        if "=" not in it:
            sys.exit(f"{what} must be NAME=VALUE, got {it!r}")
        k, v = it.split("=", 1)
        out.append((k, v))
    return out


class Endpoint:
    def __init__(self, name, url, timeout):
        self.name = name
        self.url = url
        u = urllib.parse.urlsplit(url)
        if u.hostname not in ("127.0.0.1", "localhost", "::1") and not u.hostname.startswith("127."):
            sys.exit(f"refusing non-loopback endpoint {url}")
        self.host = u.hostname
        self.port = u.port or 80
        self.path = u.path or "/"
        self.base_query = u.query
        self.timeout = timeout
        self.conn = None

    def _connect(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def request(self, query, method, page=None):
        """-> (seconds, status, body bytes, content-type); raises on transport error"""
        form = query_form(query)
        headers = {"Accept": accept_for(form), "User-Agent": "sparql-bench/1"}
        if page is not None:
            path, headers["Accept"] = page
            body = None
            verb = "GET"
        elif method == "get":
            qs = urllib.parse.urlencode({"query": query})
            path = self.path + "?" + (self.base_query + "&" if self.base_query else "") + qs
            body = None
            verb = "GET"
        elif method == "post-query":
            path = self.path + ("?" + self.base_query if self.base_query else "")
            body = query.encode("utf-8")
            headers["Content-Type"] = "application/sparql-query; charset=utf-8"
            verb = "POST"
        else:
            path = self.path + ("?" + self.base_query if self.base_query else "")
            body = urllib.parse.urlencode({"query": query}).encode("ascii")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            verb = "POST"
        for attempt in (1, 2):
            if self.conn is None:
                self._connect()
            try:
                t0 = time.perf_counter()
                self.conn.request(verb, path, body=body, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                t1 = time.perf_counter()
                if resp.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return t1 - t0, resp.status, data, resp.getheader("Content-Type", "")
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                    http.client.CannotSendRequest, http.client.BadStatusLine):
                # stale keep-alive connection: reconnect once, do not time the failed try
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise RuntimeError("unreachable")


def result_size(form, status, data, ctype):
    if status != 200:
        return None
    try:
        if form in ("SELECT", "ASK"):
            j = json.loads(data)
            if "boolean" in j:
                return 1 if j["boolean"] else 0
            return len(j["results"]["bindings"])
        if "n-triples" in ctype or "text/plain" in ctype:
            return sum(1 for line in data.decode("utf-8").splitlines() if line.strip() and not line.startswith("#"))
        return None
    except (ValueError, KeyError, UnicodeDecodeError):
        return None


# hms-kg addition: pages. A query file whose header says "# get: /path" (and optionally
# "# get-accept: TYPE") is sent to endpoints named hms-kg* as a GET of that page on the
# same host; other endpoints run its SPARQL, the same question asked the only way they can.
PAGES = {}


def page_for(e, qname):
    if e.name.startswith("hms-kg") and qname in PAGES:
        return PAGES[qname]
    return None


def load_queries(qdir, only=None):
    files = sorted(f for f in os.listdir(qdir) if f.endswith(".rq"))
    if only:
        keep = set(only.split(","))
        files = [f for f in files if f in keep or f[:-3] in keep or f.split("-")[0] in keep]
    out = []
    for f in files:
        with open(os.path.join(qdir, f), encoding="utf-8") as fh:
            text = fh.read()
        m = re.search(r"^# get: (\S+)$", text, re.M)
        if m:
            acc = re.search(r"^# get-accept: (.+)$", text, re.M)
            PAGES[f[:-3]] = (m.group(1), acc.group(1).strip() if acc else "*/*")
        out.append((f[:-3], text))
    if not out:
        sys.exit(f"no .rq files in {qdir}")
    return out


# ------------------------------------------------------------------- latency


def latency_pass(eps, queries, a, log):
    rows = []
    samples_out = []
    for qname, qtext in queries:
        form = query_form(qtext)
        times = {e.name: [] for e in eps}
        first = {}
        sizes = {}
        errors = {e.name: 0 for e in eps}
        spent = {e.name: 0.0 for e in eps}
        err_msg = {}

        def one(e, record):
            if spent[e.name] > a.cell_budget:
                return
            try:
                t, status, data, ctype = e.request(qtext, a.method, page_for(e, qname))
            except Exception as ex:  # timeout, refused ...
                errors[e.name] += 1
                spent[e.name] += a.timeout
                err_msg[e.name] = repr(ex)[:200]
                e.conn = None
                return
            spent[e.name] += t
            if e.name not in first:
                first[e.name] = t
            if status != 200:
                errors[e.name] += 1
                err_msg[e.name] = f"HTTP {status}: {data[:200]!r}"
                return
            if e.name not in sizes:
                sizes[e.name] = None if page_for(e, qname) else result_size(form, status, data, ctype)
            if record:
                times[e.name].append(t)
                samples_out.append((qname, e.name, len(times[e.name]), t))

        for _ in range(a.warmup):
            for e in eps:
                one(e, False)
        for _ in range(a.runs):
            for e in eps:
                one(e, True)
        for e in eps:
            ts = times[e.name]
            row = {
                "query": qname, "form": form, "endpoint": e.name, "n": len(ts),
                "errors": errors[e.name], "result_size": sizes.get(e.name),
                "first_ms": round(first[e.name] * 1000, 3) if e.name in first else None,
                "median_ms": round(statistics.median(ts) * 1000, 3) if ts else None,
                "p95_ms": round(pct(ts, 95) * 1000, 3) if ts else None,
                "min_ms": round(min(ts) * 1000, 3) if ts else None,
                "mean_ms": round(statistics.fmean(ts) * 1000, 3) if ts else None,
                "error": err_msg.get(e.name),
            }
            rows.append(row)
        log(f"latency {qname}: " + "  ".join(
            f"{r['endpoint']}={r['median_ms']}ms(n={r['n']},rows={r['result_size']}{',ERR' if r['errors'] else ''})"
            for r in rows[-len(eps):]))
    return rows, samples_out


# ---------------------------------------------------------------- throughput


def write_request_file(path, queries, method, e=None):
    with open(path, "w", encoding="utf-8") as f:
        for qname, text in queries:
            page = page_for(e, qname) if e is not None else None
            if page is not None:
                f.write(page[1] + "\t\t" + page[0] + "\n")
                continue
            accept = accept_for(query_form(text))
            if method == "get":
                body = urllib.parse.urlencode({"query": text})
            else:  # wrk always POSTs a form here (see README)
                body = urllib.parse.urlencode({"query": text})
            f.write(accept + "\t" + body + "\n")


def run_wrk(e, reqfile, conc, duration, timeout, method, log):
    threads = max(1, min(conc, os.cpu_count() or 2))
    cmd = ["wrk", "-t", str(threads), "-c", str(conc), "-d", f"{duration}s", "--timeout", f"{int(math.ceil(timeout))}s",
           "-s", os.path.join(HERE, "sparql_mix.lua"), e.url]
    env = dict(os.environ, BENCH_REQS=reqfile, BENCH_METHOD="get" if method == "get" else "post")
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=duration + timeout + 60)
    m = re.search(r"^BENCHJSON (.*)$", p.stdout, re.M)
    if p.returncode != 0 or not m:
        log(f"wrk failed on {e.name} c={conc}: rc={p.returncode} {p.stderr[-500:]} {p.stdout[-500:]}")
        return None
    return json.loads(m.group(1))


def throughput_pass(eps, groups, a, pids, outdir, log):
    """groups: [(workload name, [(query name, text), ...]), ...]"""
    rows = []
    concs = [int(c) for c in a.concurrency.split(",") if c]
    for gi, (gname, gq) in enumerate(groups):
        for ci, c in enumerate(concs):
            order = eps if (ci + gi) % 2 == 0 else list(reversed(eps))
            for e in order:
                reqfile = os.path.join(outdir, f"wrk-requests-{gname}-{e.name}.tsv")
                write_request_file(reqfile, gq, a.method, e)
                pid = pids.get(e.name)
                cpu0 = proc_cpu_s(pid)
                t0 = time.time()
                r = run_wrk(e, reqfile, c, a.duration, a.timeout, a.method, log)
                cpu1 = proc_cpu_s(pid)
                row = {"workload": gname, "endpoint": e.name, "concurrency": c, "duration_s": a.duration}
                if r is None:
                    row.update({"rps": None, "errors": None})
                else:
                    secs = r["duration_us"] / 1e6
                    errs = sum(r["errors"].values())
                    row.update({
                        "requests": r["requests"], "rps": round(r["requests"] / secs, 2) if secs else None,
                        "ok_rps": round((r["requests"] - r["errors"]["status"]) / secs, 2) if secs else None,
                        "errors": errs, "errors_detail": json.dumps(r["errors"]),
                        "p50_ms": r["lat_us"]["p50"] / 1000, "p90_ms": r["lat_us"]["p90"] / 1000,
                        "p99_ms": r["lat_us"]["p99"] / 1000, "max_ms": r["lat_us"]["max"] / 1000,
                        "mean_ms": round(r["lat_us"]["mean"] / 1000, 3),
                        "mbytes": round(r["bytes"] / 1e6, 2),
                    })
                if cpu0 is not None and cpu1 is not None:
                    row["server_cpu_s"] = round(cpu1 - cpu0, 2)
                    if row.get("requests"):
                        row["server_cpu_ms_per_req"] = round((cpu1 - cpu0) * 1000 / row["requests"], 3)
                rows.append(row)
                log(f"throughput {gname} c={c} {e.name}: rps={row.get('rps')} errors={row.get('errors')} "
                    f"p50={row.get('p50_ms')}ms p99={row.get('p99_ms')}ms cpu={row.get('server_cpu_s')}s")
                time.sleep(a.pause)
    return rows


# -------------------------------------------------------------------- report


def fmt(v, nd=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        if abs(v) >= 100:
            return f"{v:,.0f}"
        return f"{v:.{nd}f}"
    return str(v)


def ratio(v, ref):
    if v is None or ref is None or ref == 0:
        return None
    return v / ref


def rfmt(r):
    return "–" if r is None else f"{r:.2f}×"


def write_report(a, eps, meta, lat, thr, outdir, started, finished):
    names = [e.name for e in eps]
    ref = names[0]
    L = []
    L.append(f"# SPARQL benchmark report — {os.path.basename(a.data) if a.data else 'endpoints'}\n")
    L.append(f"Run {started} → {finished} on {platform.node()} ({os.cpu_count()} cores, "
             f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB). "
             f"Reference (ratio 1.00×) = **{ref}**. Ratios were measured in this one run; absolute times are noisy.\n")
    if a.data:
        L.append(f"Data: `{a.data}`" + (f" ({a.triples} triples)" if a.triples else "") + "  ")
    L.append(f"Queries: `{a.queries}` ({a.n_queries} files). Warm-up: wrk c=2 in {a.warmup_chunk} s chunks until two agree within 5 % (at most {a.warmup_seconds} s) per endpoint. "
             f"Latency pass: {a.warmup} warm-up + {a.runs} measured runs per query per endpoint, interleaved "
             f"(cells stop after {a.cell_budget:.0f} s); method {a.method}.  ")
    wl = "; ".join(f"`{n}` = {', '.join(q.split('-')[0] for q in qs)}" for n, qs in getattr(a, "workloads_desc", []))
    L.append(f"Throughput pass: wrk, {a.duration} s per level, concurrency {a.concurrency}; workloads "
             f"(round-robin over the listed queries): {wl or '–'}.\n")
    L.append("| endpoint | URL |\n|---|---|")
    for e in eps:
        L.append(f"| {e.name} | {e.url} |")
    L.append("")

    # store metrics
    if any(meta.get(n) for n in names):
        L.append("## Load, cold start, memory\n")
        L.append("`load` = bulk load of the data file (in-memory peers: process start to first answered query, "
                 "parse included); `cold start` = process start to first answered query on an already built "
                 "database (in-memory peers: same as load); RSS = VmHWM (peak resident set) of the server process; "
                 "`load RSS` is the loader's own peak where the load is a separate process (TDB2).\n")
        L.append("| endpoint | load s | ratio | load peak RSS MiB | cold start s | ratio | server peak RSS MiB (end of run) | ratio | DB on disk MiB |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        rm = meta.get(ref) or {}
        for n in names:
            m = meta.get(n) or {}
            mib = lambda kb: None if kb in (None, "") else kb / 1024
            L.append("| " + " | ".join([
                n, fmt(m.get("load_s"), 2), rfmt(ratio(m.get("load_s"), rm.get("load_s"))),
                fmt(mib(m.get("load_peak_rss_kb")), 0),
                fmt(m.get("cold_start_s"), 2), rfmt(ratio(m.get("cold_start_s"), rm.get("cold_start_s"))),
                fmt(mib(m.get("peak_rss_end_kb")), 0), rfmt(ratio(m.get("peak_rss_end_kb"), rm.get("peak_rss_end_kb"))),
                fmt(None if m.get("db_bytes") in (None, "") else m["db_bytes"] / 2**20, 0),
            ]) + " |")
        L.append("")

    if lat:
        L.append("## Latency (sequential, one request at a time)\n")
        L.append("Median ms per query and endpoint; ratio = median / median of the reference (lower is faster). "
                 "p95 and result sizes below. **Rows** that differ between endpoints are flagged: a ratio is only "
                 "meaningful where the answers agree.\n")
        by = {(r["query"], r["endpoint"]): r for r in lat}
        qs = []
        for r in lat:
            if r["query"] not in qs:
                qs.append(r["query"])
        head = "| query | " + " | ".join(f"{n} median ms" + ("" if n == ref else " (ratio)") for n in names) + " | rows agree |"
        L.append(head)
        L.append("|---|" + "---|" * len(names) + "---|")
        ratios = {n: [] for n in names}
        for q in qs:
            refm = by[(q, ref)]["median_ms"]
            cells = []
            sizes = []
            for n in names:
                r = by[(q, n)]
                rr = ratio(r["median_ms"], refm)
                if n != ref and rr is not None:
                    ratios[n].append(rr)
                c = fmt(r["median_ms"], 2)
                if r["errors"]:
                    c += f" ⚠{r['errors']} err"
                if n != ref:
                    c += f" ({rfmt(rr)})"
                cells.append(c)
                sizes.append(r["result_size"])
            known = [s for s in sizes if s is not None]
            agree = "yes" if known and len(set(known)) == 1 and len(known) == len(sizes) else \
                "**NO** " + "/".join("?" if s is None else str(s) for s in sizes)
            L.append(f"| {q} | " + " | ".join(cells) + f" | {agree} |")
        L.append("| **geometric mean of ratios** | " + " | ".join(
            "1.00×" if n == ref else rfmt(geomean(ratios[n])) for n in names) + " | |")
        L.append("")
        L.append("p95 ms / rows returned / first (cold-cache) run ms:\n")
        L.append("| query | " + " | ".join(names) + " |")
        L.append("|---|" + "---|" * len(names))
        for q in qs:
            cells = []
            for n in names:
                r = by[(q, n)]
                cells.append(f"{fmt(r['p95_ms'], 2)} / {fmt(r['result_size'])} / {fmt(r['first_ms'], 1)}")
            L.append(f"| {q} | " + " | ".join(cells) + " |")
        L.append("")
        errs = [r for r in lat if r.get("error")]
        if errs:
            L.append("Errors seen in the latency pass:\n")
            for r in errs:
                L.append(f"- {r['query']} @ {r['endpoint']}: {r['error']}")
            L.append("")

    if thr:
        L.append("## Throughput (wrk, closed loop)\n")
        L.append("Requests/s over the whole window (ratio = rps / reference rps, higher is better); errors = "
                 "socket errors + timeouts + non-2xx; latency percentiles from wrk; server CPU = CPU seconds the "
                 "server process used during the window (2 cores shared with wrk).\n")
        L.append("| workload | conc. | " + " | ".join(f"{n} rps" + ("" if n == ref else " (ratio)") for n in names) + " |")
        L.append("|---|---|" + "---|" * len(names))
        by = {(r["workload"], r["concurrency"], r["endpoint"]): r for r in thr}
        keys = []
        for r in thr:
            k = (r["workload"], r["concurrency"])
            if k not in keys:
                keys.append(k)
        for w, c in keys:
            refr = (by.get((w, c, ref)) or {}).get("rps")
            cells = []
            for n in names:
                r = by.get((w, c, n)) or {}
                cell = fmt(r.get("rps"), 1)
                if r.get("errors"):
                    cell += f" ⚠{r['errors']} err"
                if n != ref:
                    cell += f" ({rfmt(ratio(r.get('rps'), refr))})"
                cells.append(cell)
            L.append(f"| {w} | {c} | " + " | ".join(cells) + " |")
        L.append("")
        L.append("| workload | conc. | endpoint | requests | errors | p50 ms | p90 ms | p99 ms | max ms | server CPU s | CPU ms/req |")
        L.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for r in thr:
            L.append("| " + " | ".join(fmt(x, 2) for x in [
                r["workload"], r["concurrency"], r["endpoint"], r.get("requests"), r.get("errors"),
                r.get("p50_ms"), r.get("p90_ms"), r.get("p99_ms"), r.get("max_ms"),
                r.get("server_cpu_s"), r.get("server_cpu_ms_per_req")]) + " |")
        L.append("")

    # one-line summary per endpoint
    L.append("## Summary: ratios to " + ref + "\n")
    L.append("latency = geometric mean over queries of median ratios (lower is better); throughput = rps ratio "
             "(higher is better); load / cold start / RSS = value ratio (lower is better).\n")
    tkeys = []
    for r in thr:
        if (r["workload"], r["concurrency"]) not in tkeys:
            tkeys.append((r["workload"], r["concurrency"]))
    if len(tkeys) > 9:  # per-query mode: keep the summary narrow
        tkeys = [k for k in tkeys if k[0] == "all"] or tkeys[:9]
    L.append("| endpoint | latency | " + " | ".join(f"thr {w} c={c}" for w, c in tkeys) + " | load | cold start | peak RSS |")
    L.append("|---|---|" + "---|" * len(tkeys) + "---|---|---|")
    rm = meta.get(ref) or {}
    for n in names:
        m = meta.get(n) or {}
        if lat:
            byq = {}
            for r in lat:
                byq.setdefault(r["query"], {})[r["endpoint"]] = r["median_ms"]
            lr = geomean([ratio(v.get(n), v.get(ref)) for v in byq.values()])
        else:
            lr = None
        cells = [n, rfmt(lr)]
        for w, c in tkeys:
            rs = {r["endpoint"]: r.get("rps") for r in thr if r["concurrency"] == c and r["workload"] == w}
            cells.append(rfmt(ratio(rs.get(n), rs.get(ref))))
        cells += [rfmt(ratio(m.get("load_s"), rm.get("load_s"))), rfmt(ratio(m.get("cold_start_s"), rm.get("cold_start_s"))),
                  rfmt(ratio(m.get("peak_rss_end_kb"), rm.get("peak_rss_end_kb")))]
        L.append("| " + " | ".join(cells) + " |")
    L.append("")
    if a.env_file and os.path.exists(a.env_file):
        L.append("## Machine, versions, command\n")
        L.append("```")
        L.append(open(a.env_file, encoding="utf-8").read().rstrip())
        L.append("```")
        L.append("")
    with open(os.path.join(outdir, "REPORT.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


def write_csv(outdir, run_id, a, eps, meta, lat, thr):
    path = os.path.join(outdir, "results.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["run_id", "data", "endpoint", "pass", "query_or_workload", "concurrency", "metric", "value", "unit", "n"])
        ds = os.path.basename(a.data) if a.data else ""
        for e in eps:
            m = meta.get(e.name) or {}
            for k, unit in (("load_s", "s"), ("load_peak_rss_kb", "KiB"), ("cold_start_s", "s"),
                            ("peak_rss_end_kb", "KiB"), ("db_bytes", "B")):
                if m.get(k) not in (None, ""):
                    w.writerow([run_id, ds, e.name, "store", "", "", k, m[k], unit, 1])
        for r in lat:
            for k in ("median_ms", "p95_ms", "min_ms", "mean_ms", "first_ms"):
                w.writerow([run_id, ds, r["endpoint"], "latency", r["query"], 1, k, r[k], "ms", r["n"]])
            w.writerow([run_id, ds, r["endpoint"], "latency", r["query"], 1, "errors", r["errors"], "count", r["n"]])
            w.writerow([run_id, ds, r["endpoint"], "latency", r["query"], 1, "result_size", r["result_size"], "rows|triples", 1])
        for r in thr:
            for k, unit in (("rps", "req/s"), ("errors", "count"), ("requests", "count"), ("p50_ms", "ms"),
                            ("p90_ms", "ms"), ("p99_ms", "ms"), ("max_ms", "ms"), ("server_cpu_s", "s"),
                            ("server_cpu_ms_per_req", "ms")):
                if k in r:
                    w.writerow([run_id, ds, r["endpoint"], "throughput", r["workload"], r["concurrency"], k, r[k], unit, r.get("requests")])


# ---------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint", action="append", required=True, help="NAME=URL (order matters: first = reference)")
    ap.add_argument("--pid", action="append", help="NAME=PID of the server process (CPU and RSS)")
    ap.add_argument("--meta", action="append", help="NAME=JSON file with load_s, load_peak_rss_kb, cold_start_s, db_bytes")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--only", help="comma list of query names/prefixes (q01,q05)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", help="data file (for the report only)")
    ap.add_argument("--triples", help="triple count (for the report only)")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2, help="interleaved warm-up rounds per query in the latency pass")
    ap.add_argument("--warmup-seconds", type=int, default=90, help="max wrk warm-up per endpoint before any measurement (0 = none)")
    ap.add_argument("--warmup-chunk", type=int, default=10, help="warm-up chunk; stops when two chunks agree within 5%%")
    ap.add_argument("--env-file", help="text file appended to REPORT.md (machine, versions, command)")
    ap.add_argument("--cell-budget", type=float, default=40.0, help="max seconds spent per (query, endpoint) in the latency pass")
    ap.add_argument("--timeout", type=float, default=120.0, help="per-request timeout, seconds")
    ap.add_argument("--duration", type=int, default=15, help="seconds per throughput run")
    ap.add_argument("--concurrency", default="1,4,16")
    ap.add_argument("--throughput-mode", choices=["mix", "per-query"], default="mix",
                    help="mix: one workload 'all' = every query round-robin; per-query: each query alone")
    ap.add_argument("--workload", action="append", help="extra throughput workload NAME=q01,q07,... (round-robin over those queries)")
    ap.add_argument("--throughput-only", help="comma list of queries for the throughput pass (default: all)")
    ap.add_argument("--pause", type=float, default=2.0, help="seconds between throughput runs")
    ap.add_argument("--method", choices=["post-form", "get", "post-query"], default="post-form")
    ap.add_argument("--skip-latency", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    a = ap.parse_args()

    os.makedirs(a.out, exist_ok=True)
    logf = open(os.path.join(a.out, "driver.log"), "a", encoding="utf-8")

    def log(msg):
        line = f"[{dt.datetime.now().strftime('%H:%M:%S')}] {msg}"
        print(line, flush=True)
        logf.write(line + "\n")
        logf.flush()

    eps = [Endpoint(n, u, a.timeout) for n, u in kv_list(a.endpoint, "--endpoint")]
    if len({e.name for e in eps}) != len(eps):
        sys.exit("endpoint names must be unique")
    pids = {n: int(p) for n, p in kv_list(a.pid, "--pid") if p}
    meta = {}
    for n, f in kv_list(a.meta, "--meta"):
        with open(f) as fh:
            meta[n] = json.load(fh)
    queries = load_queries(a.queries, a.only)
    a.n_queries = len(queries)
    started = dt.datetime.now().isoformat(timespec="seconds")
    run_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S")

    lat, samples, thr = [], [], []
    if a.warmup_seconds > 0:
        # JIT / caches: a bounded wrk run of the whole mix per endpoint, not recorded
        # chunks of --warmup-chunk seconds at c=2 until two consecutive chunks
        # agree within 5 % on req/s (JIT settled), at most --warmup-seconds
        for e in eps:
            reqfile = os.path.join(a.out, f"wrk-requests-warmup-{e.name}.tsv")
            write_request_file(reqfile, queries, a.method, e)
            spent, prev, hist = 0, None, []
            while spent < a.warmup_seconds:
                chunk = min(a.warmup_chunk, a.warmup_seconds - spent)
                r = run_wrk(e, reqfile, 2, chunk, a.timeout, a.method, log)
                spent += chunk
                if r is None:
                    hist.append("failed")
                    break
                rps = r["requests"] / max(r["duration_us"] / 1e6, 1e-9)
                hist.append(f"{rps:.1f}")
                if prev is not None and rps > 0 and abs(rps - prev) / rps < 0.05:
                    break
                prev = rps
            log(f"warm-up {e.name}: {spent}s at c=2, req/s per {a.warmup_chunk}s chunk: {' '.join(hist)}")
    if not a.skip_latency:
        log(f"latency pass: {len(queries)} queries x {len(eps)} endpoints x ({a.warmup}+{a.runs}) runs")
        lat, samples = latency_pass(eps, queries, a, log)
        with open(os.path.join(a.out, "latency.json"), "w") as f:
            json.dump(lat, f, indent=1, ensure_ascii=False)
        with open(os.path.join(a.out, "latency-samples.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["query", "endpoint", "run", "seconds"])
            w.writerows(samples)
    if not a.skip_throughput:
        groups = []
        tq = load_queries(a.queries, a.throughput_only) if a.throughput_only else queries
        if a.throughput_mode == "per-query":
            groups += [(q[0], [q]) for q in tq]
        else:
            groups.append(("all", tq))
        for name, lst in kv_list(a.workload, "--workload"):
            groups.append((name, load_queries(a.queries, lst)))
        log(f"throughput pass: workloads {', '.join(g[0] + '=' + '+'.join(q[0].split('-')[0] for q in g[1]) for g in groups)}; "
            f"concurrency {a.concurrency}, {a.duration} s each")
        a.workloads_desc = [(g[0], [q[0] for q in g[1]]) for g in groups]
        thr = throughput_pass(eps, groups, a, pids, a.out, log)
        with open(os.path.join(a.out, "throughput.json"), "w") as f:
            json.dump(thr, f, indent=1)
    for e in eps:  # peak RSS at the end of the run
        pid = pids.get(e.name)
        if pid:
            meta.setdefault(e.name, {})["peak_rss_end_kb"] = proc_status_kb(pid, "VmHWM")
            meta[e.name]["rss_end_kb"] = proc_status_kb(pid, "VmRSS")
    with open(os.path.join(a.out, "store-metrics.json"), "w") as f:
        json.dump(meta, f, indent=1)
    finished = dt.datetime.now().isoformat(timespec="seconds")
    write_csv(a.out, run_id, a, eps, meta, lat, thr)
    write_report(a, eps, meta, lat, thr, a.out, started, finished)
    log(f"wrote {a.out}/REPORT.md and results.csv")


if __name__ == "__main__":
    main()
