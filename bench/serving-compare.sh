#!/usr/bin/env bash
# Issue 14's serving targets in one run: the app's GET /api/recommendations?n=10 against a bare
# minimal-API endpoint returning the same JSON (bench/bare-web), and /Movies/Details/{id} against a
# bare Razor page of about the same size, all under the same wrk settings (2 threads, 16
# connections, 127.0.0.1, SECONDS each), interleaved bare / app in every round. The app's requests
# come from 20 signed-in people taken in turn, each with ten ratings of their own; the details
# pages go through the 100 most rated movies. Prints every slice and, per round, the app's share.
# Usage: bench/serving-compare.sh [DATASETS_DIR] [SECONDS] [ROUNDS]   (defaults ../shared/datasets, 10, 3)
# WARMUP=N (default 10) seconds of each route first, not counted. APP_ROOT=DIR measures another checkout's app.
# APP_PORT / BARE_PORT (default 5171 / 5172): loopback ports, away from bench/load.sh's 5059.
set -euo pipefail
script_root=$(cd "$(dirname "$0")/.." && pwd)
datasets=$(cd "${1:-$script_root/../shared/datasets}" && pwd)
seconds=${2:-10}
rounds=${3:-3}
warmup=${WARMUP:-10}
people=20
url=http://127.0.0.1:${APP_PORT:-5171}
bare=http://127.0.0.1:${BARE_PORT:-5172}
data=$(mktemp -d)
trap 'kill ${APP_PID:-} ${BARE_PID:-} 2>/dev/null || true; rm -rf "$data"' EXIT
source "$script_root/bench/lib/session.sh"
cd "${APP_ROOT:-$script_root}"
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null
dotnet build "$script_root/bench/bare-web" -c Release -v quiet -nologo -o "$data/bare" > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); load $(cut -d' ' -f1-3 /proc/loadavg)"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
echo "model loaded after $(seconds_until "$url" '"loaded":true') s"

# Twenty people, each rating ten movies of their own among the 100 most rated, so their picks differ.
popular=$(curl -s "$url/api/popular?n=100" | grep -o '"id":[0-9]*' | cut -d: -f2)
cookies=""
for p in $(seq 1 $people); do
  new_session "$url" "serve-$p-$(date +%s)"
  for movie in $(shuf -n 10 --random-source=<(yes "$p") <<< "$popular"); do rate "$url" "$movie" "$(( (p + movie) % 9 / 2 + 1 )).0" > /dev/null; done
  cookies="$cookies${cookies:+|}$COOKIE"
done
MOVIES=$(head -100 <<< "$popular" | paste -sd, -)
export COOKIES="$cookies" MOVIES

# The bare app serves a copy of a real answer, and a page of the real page's size.
curl -s -H "Cookie: ${cookies%%|*}" "$url/api/recommendations?n=10" > "$data/answer.json"
page_bytes=$(curl -s -H "Cookie: ${cookies%%|*}" "$url/Movies/Details/1" | wc -c)
echo "recommendations answer: $(wc -c < "$data/answer.json") bytes, $(grep -o '"kind":"[a-z]*"' "$data/answer.json"); details page of movie 1: $page_bytes bytes"
BARE_JSON="$data/answer.json" BARE_PAGE_BYTES=$page_bytes dotnet "$data/bare/bare-web.dll" --urls "$bare" > "$data/bare.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 200); do curl -sf "$bare/bare/recommendations" > /dev/null 2>&1 && break; sleep 0.1; done
echo "bare answer: $(curl -s "$bare/bare/recommendations" | wc -c) bytes; bare page: $(curl -s "$bare/bare/details" | wc -c) bytes"

# slice LABEL BASE PATH SECONDS [COOKIES]: one wrk run; prints its RESULT line.
slice() {
  LABEL=$1 PATH_TEMPLATE=$3 COOKIES=${5:-} wrk -t2 -c16 -d"$4s" -s "$script_root/bench/people.lua" "$2" | grep -E "^RESULT|Non-2xx|Socket errors"
}
if [ "$warmup" -gt 0 ]; then
  for pair in "$bare /bare/recommendations" "$url /api/recommendations?n=10" "$bare /bare/details" "$url /Movies/Details/{movie}"; do
    set -- $pair; slice warmup "$1" "$2" "$warmup" "$([ "$1" = "$url" ] && echo "$cookies")" > /dev/null
  done
  echo "warm-up: ${warmup} s per route, not counted"
fi
rps() { sed -n 's/.* rps=\([0-9]*\).*/\1/p' <<< "$1"; }
for round in $(seq 1 "$rounds"); do
  echo "=== round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  a=$(slice bare-recommendations "$bare" /bare/recommendations "$seconds"); echo "$a"
  b=$(slice recommendations "$url" "/api/recommendations?n=10" "$seconds" "$cookies"); echo "$b"
  c=$(slice bare-details "$bare" /bare/details "$seconds"); echo "$c"
  d=$(slice details "$url" "/Movies/Details/{movie}" "$seconds" "$cookies"); echo "$d"
  echo "SHARE round=$round recommendations=$(echo "scale=3; $(rps "$b") / $(rps "$a")" | bc) details=$(echo "scale=3; $(rps "$d") / $(rps "$c")" | bc)"
done
echo "working set of the app at the end: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' "/proc/$APP_PID/status")"
