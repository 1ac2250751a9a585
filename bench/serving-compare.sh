#!/usr/bin/env bash
# Issue 14's serving targets in one run: the app's GET /api/recommendations?n=10 against a bare
# minimal-API endpoint returning the same JSON (bench/bare-web), and /Movies/Details/{id} against a
# bare Razor page of about the same size, all under the same wrk settings (2 threads, 16
# connections, 127.0.0.1, SECONDS each), interleaved bare / app in every round. The app's requests
# come from 20 signed-in people taken in turn, each with ten ratings of their own; the details
# pages go through the 100 most rated movies. Prints every slice and, per round, the app's share.
# Usage: bench/serving-compare.sh [DATASETS_DIR] [SECONDS] [ROUNDS]   (defaults ../shared/datasets, 10, 3)
# WARMUP=N (default 10) seconds of each route first, not counted. APP_ROOT=DIR measures another checkout's app.
# BEFORE_ROOT=DIR also runs that checkout's app (its own store, the same people and ratings) on BEFORE_PORT,
# interleaved in every round as bare / before / after, so a before/after pair shares the machine's load.
# APP_PORT / BARE_PORT / BEFORE_PORT (default 5171 / 5172 / 5173): loopback ports, away from bench/load.sh's 5059.
set -euo pipefail
script_root=$(cd "$(dirname "$0")/.." && pwd)
datasets=$(cd "${1:-$script_root/../shared/datasets}" && pwd)
seconds=${2:-10}
rounds=${3:-3}
warmup=${WARMUP:-10}
people=20
url=http://127.0.0.1:${APP_PORT:-5171}
bare=http://127.0.0.1:${BARE_PORT:-5172}
before=${BEFORE_ROOT:+http://127.0.0.1:${BEFORE_PORT:-5173}}
data=$(mktemp -d)
trap 'kill ${APP_PID:-} ${BARE_PID:-} ${BEFORE_PID:-} 2>/dev/null || true; rm -rf "$data"' EXIT
source "$script_root/bench/lib/session.sh"
if [ -n "$before" ]; then
  before_root=$(cd "$BEFORE_ROOT" && pwd)
  (cd "$before_root" && dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null)
fi
cd "${APP_ROOT:-$script_root}"
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null
dotnet build "$script_root/bench/bare-web" -c Release -v quiet -nologo -o "$data/bare" > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); load $(cut -d' ' -f1-3 /proc/loadavg)"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
if [ -n "$before" ]; then
  mkdir -p "$data/before"
  after_dll=$app_dll; app_dll="$before_root/$app_dll"; after_pid=$APP_PID
  start_app "$before" "$data/before" "$datasets/ml-latest-small" "$data/before.log"
  BEFORE_PID=$APP_PID; APP_PID=$after_pid; app_dll=$after_dll
  echo "before (${before_root}): model loaded after $(seconds_until "$before" '"loaded":true') s"
fi
echo "model loaded after $(seconds_until "$url" '"loaded":true') s"

# Twenty people, each rating ten movies of their own among the 100 most rated, so their picks differ
# (the same people and ratings in the before app, when there is one). Prints their cookie headers.
popular=$(curl -s "$url/api/popular?n=100" | grep -o '"id":[0-9]*' | cut -d: -f2)
sign_in_people() {
  local list="" p movie
  for p in $(seq 1 $people); do
    new_session "$1" "serve-$p-$(date +%s)"
    for movie in $(shuf -n 10 --random-source=<(yes "$p") <<< "$popular"); do rate "$1" "$movie" "$(( (p + movie) % 9 / 2 + 1 )).0" > /dev/null; done
    list="$list${list:+|}$COOKIE"
  done
  echo "$list"
}
cookies=$(sign_in_people "$url")
[ -n "$before" ] && before_cookies=$(sign_in_people "$before")
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
  if [ -n "$before" ]; then
    slice warmup "$before" "/api/recommendations?n=10" "$warmup" "$before_cookies" > /dev/null
    slice warmup "$before" "/Movies/Details/{movie}" "$warmup" "$before_cookies" > /dev/null
  fi
  echo "warm-up: ${warmup} s per route, not counted"
fi
rps() { sed -n 's/.* rps=\([0-9]*\).*/\1/p' <<< "$1"; }
share() { echo "scale=3; $(rps "$1") / $(rps "$2")" | bc; }
for round in $(seq 1 "$rounds"); do
  echo "=== round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  a=$(slice bare-recommendations "$bare" /bare/recommendations "$seconds"); echo "$a"
  if [ -n "$before" ]; then e=$(slice before-recommendations "$before" "/api/recommendations?n=10" "$seconds" "$before_cookies"); echo "$e"; fi
  b=$(slice recommendations "$url" "/api/recommendations?n=10" "$seconds" "$cookies"); echo "$b"
  c=$(slice bare-details "$bare" /bare/details "$seconds"); echo "$c"
  if [ -n "$before" ]; then f=$(slice before-details "$before" "/Movies/Details/{movie}" "$seconds" "$before_cookies"); echo "$f"; fi
  d=$(slice details "$url" "/Movies/Details/{movie}" "$seconds" "$cookies"); echo "$d"
  echo "SHARE round=$round recommendations=$(share "$b" "$a") details=$(share "$d" "$c")${before:+ before-recommendations=$(share "$e" "$a") before-details=$(share "$f" "$c")}"
done
echo "working set of the app at the end: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' "/proc/$APP_PID/status")"
