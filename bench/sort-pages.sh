#!/usr/bin/env bash
# What a deep page of each movie list order costs (issue 10, finding 9): GET
# /api/movies?sort=S&page=400 five times per order, two rounds, on 127.0.0.1 (curl's time_total in
# seconds). With BEFORE_DIR (another checkout with its own Release build, for example
# `git archive <commit> | tar -x -C /tmp/before` and `dotnet build MovieRec.Web -c Release` there),
# both builds run side by side, each on its own fresh data folder, and every line of one is followed
# by the same line of the other, so both meet the same machine state.
# Requests start once each side has loaded its first model (no training in the background) and
# each line ends with its median in ms. ROUNDS (default 2) sets how many times the orders repeat.
# Usage: bench/sort-pages.sh [DATASETS_DIR] [BEFORE_DIR]   (default ../shared/datasets). Needs curl.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/session.sh
side_by_side 5063 5064 "$@"

sides=(after)
mkdir -p "$data/after"
start_app "$after_url" "$data/after" "$datasets/ml-latest-small" "$data/after/app.log"
pids+=("$APP_PID")
if [ -n "$before" ]; then
  sides=(before after)
  mkdir -p "$data/before"
  app_dll=$before/MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll start_app "$before_url" "$data/before" "$datasets/ml-latest-small" "$data/before/app.log"
  pids+=("$APP_PID")
fi
# Ready when the first model is loaded (the import has committed and training has ended), then one
# uncounted request of each order per side, so that no measured request pays for just-in-time compilation.
for side in "${sides[@]}"; do
  url=$after_url; [ "$side" = before ] && url=$before_url
  seconds_until "$url" '"loaded":true' > /dev/null
  for sort in popularity rating year title; do curl -s -o /dev/null "$url/api/movies?sort=$sort&page=400"; done
done

for round in $(seq 1 "${ROUNDS:-2}"); do
  for sort in popularity rating year title; do
    for side in "${sides[@]}"; do
      url=$after_url; [ "$side" = before ] && url=$before_url
      printf '%-6s %-10s page 400:' "$side" "$sort"
      times=()
      for _ in 1 2 3 4 5; do times+=("$(curl -s -o /dev/null -w '%{time_total}' "$url/api/movies?sort=$sort&page=400")"); done
      printf ' %s' "${times[@]}"
      printf '  median %s ms\n' "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }')"
    done
  done
done
