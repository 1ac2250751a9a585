#!/usr/bin/env bash
# Model swaps under load: while wrk drives GET /api/recommendations (127.0.0.1 only, bounded in
# time), the live model file is replaced 10 times by valid models and then once by a corrupt file.
# Expected: no failed request, the corrupt file refused, the last valid model serving.
# Usage: bench/swap.sh [DATASETS_DIR]   (default ../shared/datasets). Needs curl, bc, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
url=http://127.0.0.1:5061
data=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$data"' EXIT
source bench/lib/session.sh
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null

date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
echo "training 10 models with different seeds (smaller, so that this takes seconds)"
for seed in $(seq 1 10); do
  dotnet "$app_dll" train --ratings "$datasets/ml-latest-small/ratings.csv" --movies "$datasets/ml-latest-small/movies.csv" \
    --output "$data/candidate-$seed.bin" --seed "$seed" --rank 16 --iterations 4 --ranking-rank 8 --ranking-iterations 4 2> /dev/null
done
head -c 100000 "$data/candidate-1.bin" > "$data/corrupt.bin"   # truncated: must be refused

cp "$data/candidate-1.bin" "$data/model.bin"
start_app "$url" "$data" "$datasets/ml-latest-small" "$data/app.log"
echo "model loaded after $(seconds_until "$url" '"loaded":true') s"
signed_in_rater "$url" "swap-$(date +%s)"

echo "\$ wrk -t2 -c16 -d40s --latency $url/api/recommendations?n=10   (swapping meanwhile)"
wrk -t2 -c16 -d40s --latency -H "Cookie: $COOKIE" "$url/api/recommendations?n=10" > "$data/wrk.txt" &
wrk_pid=$!
# Replace the file the way retrain does: write beside it, then rename over it (atomic).
for seed in $(seq 2 10) 1; do
  sleep 3
  cp "$data/candidate-$seed.bin" "$data/next.tmp" && mv "$data/next.tmp" "$data/model.bin"
done
# The model's checksum is the SHA-256 stored in its last 32 bytes (docs/MODEL_FORMAT.md).
last=$(tail -c 32 "$data/candidate-1.bin" | od -An -tx1 | tr -d ' \n')
sleep 3
cp "$data/corrupt.bin" "$data/next.tmp" && mv "$data/next.tmp" "$data/model.bin"
wait "$wrk_pid"
sleep 1   # let the reloader see the corrupt file if it has not yet
cat "$data/wrk.txt" | grep -E "requests in|Requests/sec|50%|99%|Non-2xx|Socket errors" || true
loads=$(curl -s "$url/health")
echo "health after the corrupt file: $loads"
grep -iE "refused" "$data/app.log" | head -3 || true
if grep -q "$last" <<< "$loads"; then echo "PASS: the last valid model (sha256 $last) still serves"; else echo "FAIL: the serving model is not the last valid one"; exit 1; fi
if grep -qE "Non-2xx|Socket errors" "$data/wrk.txt"; then echo "FAIL: some requests failed"; exit 1; else echo "PASS: no failed request"; fi
