-- wrk script for the harness. Configured by environment variables because
-- wrk hands script arguments only to init(), yet whether `request` exists
-- must be known at load time: without it wrk sends one pre-built request per
-- write and never enters Lua (fastest for plain load).
--   BENCH_METHOD    GET | POST
--   BENCH_BODY      request body (sent with Content-Type: application/json)
--   BENCH_HEADERS   extra request headers, one "Name: value" per line
--   BENCH_PIPELINE  requests per write; > 1 pipelines like TechEmpower's plaintext test
-- done() prints one line "BENCH_JSON {...}" for lib/wrk.js to parse.

local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
local depth = tonumber(os.getenv("BENCH_PIPELINE") or "1")

wrk.method = method
if #body > 0 then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

for name, value in string.gmatch(os.getenv("BENCH_HEADERS") or "", "([^:\n]+):%s*([^\n]*)") do
  wrk.headers[name] = value
end

if depth > 1 then
  local batch
  -- init runs after wrk has set the Host header, so wrk.format() is complete here.
  init = function(args)
    local requests = {}
    for i = 1, depth do
      requests[i] = wrk.format()
    end
    batch = table.concat(requests)
  end
  request = function()
    return batch
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
