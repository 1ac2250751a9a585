#!/usr/bin/env bash
# Load test of the JSON API with wrk, against 127.0.0.1 only and bounded in time: GET
# /api/recommendations, GET /api/movies/{id}/similar and PUT /api/ratings/{id}, each at fixed
# concurrencies, signed in as a user with ratings (a Lua script carries the cookie and token).
# Usage: bench/load.sh [DATASETS_DIR] [SECONDS]   (defaults ../shared/datasets, 20). Needs curl, bc, wrk.
# WARMUP=N first runs N seconds of mixed load whose figures are thrown away, so that the first
# measured slice is not the just-in-time compilation of a fresh process. APP_ROOT=DIR builds and
# runs the app of another checkout with this script (bench/load-compare.sh uses both). APP_PORT (default
# 5059) moves it to another loopback port, for when another instance of these scripts already holds 5059.
set -euo pipefail
script_root=$(cd "$(dirname "$0")/.." && pwd)
datasets=$(cd "${1:-$script_root/../shared/datasets}" && pwd)
cd "${APP_ROOT:-$script_root}"
warmup=${WARMUP:-0}
seconds=${2:-20}
url=http://127.0.0.1:${APP_PORT:-5059}
data=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$data"' EXIT
source "$script_root/bench/lib/session.sh"
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
echo "model loaded after $(seconds_until "$url" '"loaded":true') s"
signed_in_rater "$url" "load-$(date +%s)"
export ROUTE
if [ "$warmup" -gt 0 ]; then
  ROUTE=mixed wrk -t2 -c16 -d"${warmup}s" -s "$script_root/bench/load.lua" "$url" > /dev/null
  echo "warm-up: ${warmup} s of mixed load, not counted"
fi

for ROUTE in recommendations similar rate; do
  for connections in 16 64; do
    echo "\$ ROUTE=$ROUTE wrk -t2 -c$connections -d${seconds}s -s bench/load.lua $url"
    wrk -t2 -c"$connections" -d"${seconds}s" -s "$script_root/bench/load.lua" "$url" | grep -E "^RESULT|Non-2xx|Socket errors"
  done
done
echo "working set of the app at the end: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' "/proc/$APP_PID/status")"
