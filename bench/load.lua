-- wrk script for bench/load.sh: carries the session cookie and antiforgery token, and picks a
-- random movie per request for the similar and rating routes.
-- Environment: COOKIE, CSRF, MOVIES (comma-separated ids),
-- ROUTE (recommendations | similar | rate | mixed: 60 % recommendations, 30 % similar, 10 % rate).

local route = os.getenv("ROUTE") or "recommendations"
local movies = {}
for id in string.gmatch(os.getenv("MOVIES") or "1", "%d+") do movies[#movies + 1] = id end

wrk.headers["Cookie"] = os.getenv("COOKIE")
wrk.headers["X-CSRF-TOKEN"] = os.getenv("CSRF")
wrk.headers["Content-Type"] = "application/json"

local statuses = {}

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (id or 0))
end

function request()
  local movie = movies[math.random(#movies)]
  local this = route
  if route == "mixed" then
    local draw = math.random()
    this = draw < 0.6 and "recommendations" or (draw < 0.9 and "similar" or "rate")
  end
  if this == "similar" then
    return wrk.format("GET", "/api/movies/" .. movie .. "/similar?n=10")
  elseif this == "rate" then
    local stars = math.random(1, 10) / 2
    return wrk.format("PUT", "/api/ratings/" .. movie, nil, string.format('{"rating": %.1f}', stars))
  end
  return wrk.format("GET", "/api/recommendations?n=10")
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT route=%s requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    route, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
