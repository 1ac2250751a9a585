-- wrk script for bench/login-flood.sh: valid login form posts, as fast as the connections allow.
-- Environment: FLOOD_USER, FLOOD_PASSWORD, FORM_COOKIE (the antiforgery cookie), FORM_TOKEN.
local body = "Username=" .. os.getenv("FLOOD_USER") .. "&Password=" .. os.getenv("FLOOD_PASSWORD") ..
  "&__RequestVerificationToken=" .. os.getenv("FORM_TOKEN")
wrk.method = "POST"
wrk.path = "/Account/Login"
wrk.body = body
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("FORM_COOKIE")

function done(summary, latency, requests)
  -- Refused attempts (429 from a limit, 503 when every hashing slot is taken) count as status errors.
  io.write(string.format("FLOOD requests=%d rps=%.1f refused_4xx_5xx=%d p50_ms=%.1f p99_ms=%.1f\n",
    summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
