#!/usr/bin/env bash
# What "My ratings" costs a person with 6,919 ratings (issue 12): GET /Ratings, size and time
# (curl's size_download and time_total), ten times per side. The person is dataset user 999001,
# imported with `import --dataset` from a folder holding ml-latest-small's movies.csv and a
# ratings.csv of 6,919 of those movies (random half stars, fixed seed), then given a password by
# `users set-password` and logged in with curl. With BEFORE_DIR (another checkout with its own
# Release build, e.g. `git archive <commit> | tar -x -C /tmp/before` and
# `dotnet build MovieRec.Web -c Release` there) both builds run side by side on their own data
# folders and the requests alternate, so both meet the same machine state.
# Usage: bench/ratings-page.sh [DATASETS_DIR] [BEFORE_DIR]   (default ../shared/datasets). Needs curl, bc.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/session.sh
side_by_side 5073 5074 "$@"

# The heavy rater's folder: the catalogue and 6,919 ratings of user 999001.
mkdir -p "$data/heavy"
cp "$datasets/ml-latest-small/movies.csv" "$data/heavy/movies.csv"
{ echo "userId,movieId,rating,timestamp"
  tail -n +2 "$datasets/ml-latest-small/movies.csv" | cut -d, -f1 | head -n 6919 |
    awk 'BEGIN { srand(12) } { printf "999001,%s,%.1f,%d\n", $1, (int(rand() * 10) + 1) / 2, 1500000000 + NR * 60 }'
} > "$data/heavy/ratings.csv"

sides=(after)
[ -n "$before" ] && sides=(before after)
for side in "${sides[@]}"; do
  url=$after_url; dll=MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll
  [ "$side" = before ] && url=$before_url && dll=$before/MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll
  mkdir -p "$data/$side"
  app_dll=$dll start_app "$url" "$data/$side" "$datasets/ml-latest-small" "$data/$side/app.log"
  pids+=("$APP_PID")
  seconds_until "$url" '"loaded":true' > /dev/null
  env Storage__SqlitePath="$data/$side/movierec.db" Model__Path="$data/$side/model.bin" Sessions__KeyRingPath="$data/$side/keys" \
    Serilog__MinimumLevel__Default=Warning dotnet "$dll" import --dataset "$data/heavy" > /dev/null
  echo 'benchmark password' | env Storage__SqlitePath="$data/$side/movierec.db" Model__Path="$data/$side/model.bin" \
    Sessions__KeyRingPath="$data/$side/keys" Serilog__MinimumLevel__Default=Warning dotnet "$dll" users set-password movielens-999001 > /dev/null
  jar="$data/$side/cookies"
  token=$(curl -s -c "$jar" -b "$jar" "$url/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$url/Account/Login" --data-urlencode "Username=movielens-999001" \
    --data-urlencode "Password=benchmark password" --data-urlencode "__RequestVerificationToken=$token"
  # One uncounted request, so that no measured one pays for just-in-time compilation.
  curl -s -b "$jar" -o /dev/null "$url/Ratings"
  printf '%-6s counted on the page: %s\n' "$side" "$(curl -s -b "$jar" "$url/Ratings" | grep -o 'You have rated [0-9,]* movies' || echo "(no count: the page lists them all)")"
done

for round in $(seq 1 10); do
  for side in "${sides[@]}"; do
    url=$after_url; [ "$side" = before ] && url=$before_url
    printf '%-6s GET /Ratings: %s\n' "$side" "$(curl -s -b "$data/$side/cookies" -o /dev/null -w '%{http_code} %{size_download} bytes %{time_total} s' "$url/Ratings")"
  done
done
