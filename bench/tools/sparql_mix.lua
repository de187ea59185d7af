-- Copied from the shared benchmark harness (/work/shared/bench, 2026-11-26); hms-kg addition: page GETs.
-- wrk script: SPARQL protocol requests, round-robin over a request file.
-- BENCH_REQS = file with one request per line: "<Accept>\t<query=...urlencoded...>", or
--   "<Accept>\t\t<path>" for a plain GET of a page on the same host (hms-kg addition)
-- BENCH_METHOD = post (form-urlencoded POST, default) | get
-- Prints one line "BENCHJSON {...}" with totals and latency percentiles (us).

local reqs = {}
local method = os.getenv("BENCH_METHOD") or "post"
do
  local path = os.getenv("BENCH_REQS")
  local f = assert(io.open(path, "r"), "cannot open BENCH_REQS " .. tostring(path))
  for line in f:lines() do
    local accept, rest = line:match("^([^\t]*)\t(.*)$")
    if accept then
      local page = rest:match("^\t(.+)$")
      reqs[#reqs + 1] = { accept = accept, body = rest, page = page }
    end
  end
  f:close()
  assert(#reqs > 0, "no requests in " .. path)
end

local counter = 0
local nthreads = 0

function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
end

function init(args)
  -- start each thread at a different query so the mix is spread from t=0
  counter = tid or 0
end

function request()
  local r = reqs[(counter % #reqs) + 1]
  counter = counter + 1
  if r.page then
    return wrk.format("GET", r.page, { ["Accept"] = r.accept })
  end
  if method == "get" then
    return wrk.format("GET", wrk.path .. "?" .. r.body, { ["Accept"] = r.accept })
  end
  return wrk.format("POST", wrk.path, {
    ["Accept"] = r.accept,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, r.body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"lat_us":{"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d,"mean":%.1f,"stdev":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean, latency.stdev))
end
