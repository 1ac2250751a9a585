#!/usr/bin/env bash
# The web app's figures of docs/BENCHMARKS.md: time of a first run (empty data folder: import and
# background training) and of a second start, then the latency of GET /api/recommendations
# measured by wrk from a separate process, on 127.0.0.1 only, bounded in time.
# Usage: bench/web.sh [DATASETS_DIR]   (default ../shared/datasets). Needs curl, bc and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
url=http://127.0.0.1:5057
data=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$data"' EXIT
source bench/lib/session.sh
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/first.log"
echo "first run, empty data folder: serving after $(seconds_until "$url" '"reachable":true') s"
echo "first run: model trained and loaded after $(seconds_until "$url" '"loaded":true') s (counted from the first answer)"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

start_app "$url" "$data" "$datasets/ml-latest-small" "$data/second.log"
echo "second start: serving with the model loaded after $(seconds_until "$url" '"loaded":true') s"

signed_in_rater "$url" "bench-$(date +%s)"
for connections in 1 16; do
  threads=$(( connections < 2 ? 1 : 2 ))
  echo; echo "\$ wrk -t$threads -c$connections -d15s --latency -H 'Cookie: ...' $url/api/recommendations?n=10"
  wrk -t"$threads" -c"$connections" -d15s --latency -H "Cookie: $COOKIE" "$url/api/recommendations?n=10"
done
