#!/usr/bin/env bash
# What a deep page of each movie list order costs (issue 10, finding 9): GET
# /api/movies?sort=S&page=400 five times per order, two rounds interleaved, on 127.0.0.1 (curl's
# time_total in seconds). Usage: bench/sort-pages.sh [DATASETS_DIR]   (default ../shared/datasets). Needs curl.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
url=http://127.0.0.1:5063
data=$(mktemp -d)
APP_PID=
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$data"' EXIT
source bench/lib/session.sh
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null
date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); load: $(cut -d' ' -f1-3 /proc/loadavg)"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
seconds_until "$url" '"reachable":true' > /dev/null
for round in 1 2; do
  for sort in popularity rating year title; do
    printf '%-10s page 400:' "$sort"
    for _ in 1 2 3 4 5; do printf ' %s' "$(curl -s -o /dev/null -w '%{time_total}' "$url/api/movies?sort=$sort&page=400")"; done
    echo
  done
done
