#!/usr/bin/env bash
# Every engine figure of docs/BENCHMARKS.md, in one run: the evaluation on the shared split
# (with its two baselines), training speed on ml-latest-small and on the MovieLens 32M shape,
# and serving latency on the 32M-shape model. Takes about ten minutes on 2 cores.
# Usage: bench/engine.sh [DATASETS_DIR]   (default ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/.."
d=${1:-../shared/datasets}
out=${OUT:-/tmp/movierec-bench}
mkdir -p "$out"
dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null
run() { echo; echo "\$ dotnet run --project MovieRec.Web -c Release -- $*"; dotnet MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll "$@" 2>/dev/null; }

date -u +"%Y-%m-%d %H:%M UTC"
echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
run evaluate --train "$d/ml-latest-small-split/train.csv" --test "$d/ml-latest-small-split/test.csv" \
  --movies "$d/ml-latest-small/movies.csv" --json "$out/evaluate.json"
run evaluate --train "$d/ml-latest-small-split/train.csv" --test "$d/ml-latest-small-split/test.csv" \
  --movies "$d/ml-latest-small/movies.csv" --original
run bench train --dataset "$d/ml-latest-small" --original
run bench train --dataset "$d/ml-latest-small" --model als --rank 20 --iterations 20
run bench train --dataset "$d/ml-latest-small" --model full
run bench train --synthetic --rank 64 --iterations 10 --output "$out/m32.bin" --json "$out/train32.json"
run bench recommend --model "$out/m32.bin" --json "$out/recommend32.json"
