#!/usr/bin/env bash
# Interleaved before/after run of the training benchmarks (issue 14): every figure is taken for the
# old build and then the new one, back to back, so that both see the same machine and load.
#   bash bench/train-before-after.sh OLD_REPO_DIR NEW_REPO_DIR DATASETS_DIR [--no-32m]
# Each DIR is a checkout built with `dotnet build MovieRec.Web -c Release`.
set -euo pipefail
old=$1; new=$2; datasets=$3; big=${4:-}
small=$datasets/ml-latest-small
run() { (cd "$1" && dotnet MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll "${@:2}"); }
summary() { grep -E '^(total|ALS solves|held-out|ratings )' || true; }
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
lscpu | grep -E 'Model name|^CPU\(s\)|Flags' | sed -E 's/^(Flags:\s+).*/\1'"$(grep -o -w -E 'avx2|avx512f|fma' /proc/cpuinfo | sort -u | tr '\n' ' ')"'(excerpt)/'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in 1 2; do
  for build in "$old" "$new"; do
    echo "== $build: bench train --dataset ml-latest-small --original (round $round)"
    run "$build" bench train --dataset "$small" --original | summary
    echo "== $build: bench train --dataset ml-latest-small --model full (round $round)"
    run "$build" bench train --dataset "$small" --model full | summary
    echo "== $build: train as a process (round $round)"
    /usr/bin/time -f 'train process: %e s wall, peak %M KB' \
      bash -c "cd '$build' && dotnet MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll train --ratings '$small/ratings.csv' --movies '$small/movies.csv' --output /tmp/train-before-after.bin > /dev/null" 2>&1 | tail -1
  done
done
if [[ "$big" != "--no-32m" ]]; then
  for build in "$old" "$new"; do
    echo "== $build: bench train --synthetic --rank 64 --iterations 10 (load $(cut -d' ' -f1 /proc/loadavg))"
    run "$build" bench train --synthetic --rank 64 --iterations 10 | summary
  done
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
