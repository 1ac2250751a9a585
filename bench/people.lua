-- wrk script for bench/serving-compare.sh: GET PATH_TEMPLATE as each of the signed-in people in
-- turn (COOKIES: their cookie headers separated by "|"; empty for the bare app), with {movie}
-- replaced by the next of MOVIES (comma-separated ids) when the path has it. One RESULT line.
local cookies = {}
for cookie in string.gmatch(os.getenv("COOKIES") or "", "[^|]+") do cookies[#cookies + 1] = cookie end
local movies = {}
for id in string.gmatch(os.getenv("MOVIES") or "1", "%d+") do movies[#movies + 1] = id end
local template = os.getenv("PATH_TEMPLATE") or "/"
local label = os.getenv("LABEL") or template
local turn = 0

function setup(thread)
  thread:set("offset", math.random(0, 1000))
end

function request()
  turn = turn + 1
  local n = turn + (offset or 0)
  local path = string.gsub(template, "{movie}", movies[(n % #movies) + 1])
  local headers = {}
  if #cookies > 0 then headers["Cookie"] = cookies[(n % #cookies) + 1] end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    label, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
