#!/usr/bin/env bash
# Soak: mixed load (60 % picks, 30 % similar movies, 10 % ratings) for MINUTES minutes against
# 127.0.0.1, one wrk slice per minute, printing each minute's throughput and latency and the app's
# working set, to see that both stay flat.
# Usage: bench/soak.sh [DATASETS_DIR] [MINUTES]   (defaults ../shared/datasets, 10). Needs curl, bc, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
minutes=${2:-10}
url=http://127.0.0.1:5062
data=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$data"' EXIT
source bench/lib/session.sh
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
echo "model loaded after $(seconds_until "$url" '"loaded":true') s"
signed_in_rater "$url" "soak-$(date +%s)"
export ROUTE=mixed

echo "| minute | requests/s | p50 ms | p99 ms | max ms | errors | working set MiB |"
echo "|---|---|---|---|---|---|---|"
for minute in $(seq 1 "$minutes"); do
  result=$(wrk -t2 -c16 -d60s -s bench/load.lua "$url" | grep "^RESULT")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")
  eval "$(sed 's/^RESULT //; s/ /;/g' <<< "$result")"
  echo "| $minute | $rps | $p50_ms | $p99_ms | $max_ms | $errors | $rss |"
done
