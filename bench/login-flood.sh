#!/usr/bin/env bash
# Browsing latency during a flood of valid logins (issue 10, finding 4), on 127.0.0.1 only and
# bounded in time. Browsing (bench/browse.lua, 4 connections) is measured alone, then while 32
# connections post valid logins (bench/login.lua), under two settings:
#   limits      the defaults: per-address and per-username limits turn the flood into cheap 429s;
#   hashing     those limits lifted (as for a flood spread over many addresses and names): only
#               the bounded password-hashing concurrency stands between the flood and browsing.
# Usage: bench/login-flood.sh [DATASETS_DIR] [SECONDS]   (defaults ../shared/datasets, 20). Needs curl, bc, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
seconds=${2:-20}
url=http://127.0.0.1:5061
data=$(mktemp -d)
APP_PID=
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$data"' EXIT
source bench/lib/session.sh
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
export FLOOD_USER FLOOD_PASSWORD=benchmark-password FORM_COOKIE FORM_TOKEN

for setting in ${SETTINGS:-limits hashing}; do
  APP_ENV=
  if [ "$setting" = hashing ]; then
    APP_ENV="SignInLimits__LoginsPerAddressPerMinute=1000000 SignInLimits__LoginsPerUsernamePerMinute=1000000"
  fi
  rm -rf "$data"/*
  start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
  echo "== $setting: model loaded after $(seconds_until "$url" '"loaded":true') s"
  FLOOD_USER="flood-$(date +%s)"
  new_session "$url" "$FLOOD_USER"
  jar=$(mktemp)
  form=$(curl -s -c "$jar" "$url/Account/Login")
  FORM_TOKEN=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<< "$form" | sed 's/.*value="//; s/"$//')
  FORM_COOKIE=$(awk -F'\t' 'NF >= 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")

  echo "\$ wrk -t1 -c4 -d${seconds}s -s bench/browse.lua $url   # alone"
  wrk -t1 -c4 -d"${seconds}s" -s bench/browse.lua "$url" | grep -E "^BROWSE"
  echo "\$ wrk -t1 -c32 -d$((seconds + 4))s -s bench/login.lua $url & sleep 2; wrk -t1 -c4 -d${seconds}s -s bench/browse.lua $url"
  wrk -t1 -c32 -d"$((seconds + 4))s" -s bench/login.lua "$url" > "$data/flood.txt" &
  flood=$!
  sleep 2
  wrk -t1 -c4 -d"${seconds}s" -s bench/browse.lua "$url" | grep -E "^BROWSE"
  wait $flood
  grep -E "^FLOOD" "$data/flood.txt"
  echo "working set of the app: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' "/proc/$APP_PID/status")"
  kill $APP_PID; wait $APP_PID 2>/dev/null || true
done
