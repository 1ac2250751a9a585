-- wrk script for bench/login-flood.sh: what a visitor browses (movie list pages, a movie, the
-- popular list), one line of latency figures at the end.
local paths = { "/Movies?p=2", "/Movies?sort=year&p=3", "/api/movies?q=star&page=1", "/api/popular?n=20", "/Movies/Details/1" }
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BROWSE requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
