#!/usr/bin/env bash
# Serving latency with and without a retrain running in the app (issue 13): picks
# (GET /api/recommendations, 16 connections) measured alone, then while a retrain started by
# POST /api/admin/retrain trains on ml-latest-small, alternating in one run (ROUNDS pairs, each
# retrain allowed to finish before the next pair), on 127.0.0.1 only and bounded in time.
# Usage: bench/retrain-load.sh [DATASETS_DIR] [SECONDS]   (defaults ../shared/datasets, 15). Needs curl, bc, wrk.
# APP_ENV="Retrain__Threads=2" measures another retrain setting.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=$(cd "${1:-../shared/datasets}" && pwd)
seconds=${2:-15}
rounds=${ROUNDS:-3}
url=http://127.0.0.1:5063
data=$(mktemp -d)
APP_PID=
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$data"' EXIT
source bench/lib/session.sh
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); APP_ENV=${APP_ENV:-none}"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
echo "model loaded after $(seconds_until "$url" '"loaded":true') s"

# An administrator: dataset user 1 given a password and the role by the command line, as an operator would.
admin=movielens-1
echo "benchmark-password" | Storage__SqlitePath="$data/movierec.db" Serilog__MinimumLevel__Default=Warning dotnet "$app_dll" users set-password "$admin" > /dev/null
Storage__SqlitePath="$data/movierec.db" Serilog__MinimumLevel__Default=Warning dotnet "$app_dll" users grant-admin "$admin" > /dev/null
admin_jar=$(mktemp)
form=$(curl -s -c "$admin_jar" -b "$admin_jar" "$url/Account/Login")
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<< "$form" | sed 's/.*value="//; s/"$//')
curl -s -c "$admin_jar" -b "$admin_jar" -o /dev/null -X POST "$url/Account/Login" --data-urlencode "Username=$admin" \
  --data-urlencode "Password=benchmark-password" --data-urlencode "__RequestVerificationToken=$token"
admin_csrf=$(curl -s -c "$admin_jar" -b "$admin_jar" "$url/" | grep -o 'name="csrf-token" content="[^"]*"' | sed 's/.*content="//; s/"$//')
status() { curl -s -b "$admin_jar" "$url/api/admin/retrain/status" || true; }
test "$(curl -s -o /dev/null -w "%{http_code}" -b "$admin_jar" "$url/api/admin/retrain/status")" = 200 || { echo "the administrator could not sign in"; exit 1; }

signed_in_rater "$url" "picks-$(date +%s)"
export ROUTE=recommendations
wrk -t2 -c16 -d10s -s bench/load.lua "$url" > /dev/null
echo "warm-up: 10 s of picks, not counted"

for round in $(seq 1 "$rounds"); do
  echo "\$ ROUTE=recommendations wrk -t2 -c16 -d${seconds}s -s bench/load.lua $url   # round $round, no retrain"
  wrk -t2 -c16 -d"${seconds}s" -s bench/load.lua "$url" | grep -E "^RESULT|Non-2xx|Socket errors" | sed 's/^RESULT/RESULT idle   /'
  code=$(curl -s -o /dev/null -w "%{http_code}" -b "$admin_jar" -X POST "$url/api/admin/retrain" -H "X-CSRF-TOKEN: $admin_csrf")
  sleep 1
  echo "\$ curl -X POST $url/api/admin/retrain ($code); wrk -t2 -c16 -d${seconds}s ...   # round $round, during the retrain"
  wrk -t2 -c16 -d"${seconds}s" -s bench/load.lua "$url" | grep -E "^RESULT|Non-2xx|Socket errors" | sed 's/^RESULT/RESULT retrain/'
  still=$(status | grep -o '"running":[a-z]*' | cut -d: -f2 || true)
  echo "retrain still running when the load ended: $still"
  for _ in $(seq 1 600); do status | grep -q '"running":false' && break; sleep 1; done
  echo "retrain took $(status | grep -o '"seconds":[0-9.]*' | head -1 | cut -d: -f2 || true) s: $(status | grep -o '"outcome":"[a-z]*"' | head -1 || true)"
done
echo "working set of the app at the end: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' "/proc/$APP_PID/status")"
