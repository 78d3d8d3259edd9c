-- wrk script for `make bench`: counts non-2xx responses and prints one machine-readable line.
--
-- Every wrk thread runs its own Lua state, so the per-thread counters are collected in
-- setup() (which runs in the main state) and read back with thread:get() in done().

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local non = 0
   for _, thread in ipairs(threads) do
      non = non + (thread:get("non2xx") or 0)
   end
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1000000
   local rps = 0
   if seconds > 0 then
      rps = summary.requests / seconds
   end
   io.write(string.format(
      "BENCH requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f non2xx=%d socket_errors=%d\n",
      summary.requests, rps,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      non, socket_errors))
end
