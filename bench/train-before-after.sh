#!/usr/bin/env bash
# Interleaved before/after run of the training benchmarks (issue 14): every figure is taken for the
# old build and then the new one, back to back, so that both see the same machine and load.
#   bash bench/train-before-after.sh OLD_REPO_DIR NEW_REPO_DIR DATASETS_DIR [--no-32m | --only-32m]
# Each DIR is a checkout built with `dotnet build MovieRec.Web -c Release`. Every run is timed by
# /usr/bin/time too: CPU seconds (user + system) read more steadily than wall time on a loaded machine.
# TOGETHER=1 starts the two 32M runs at the same moment instead of one after the other (on a
# machine so loaded that the second run would see a different load); BIG_OUTPUT=FILE makes the
# new build's 32M run write its model there. DOTNET_EnableAVX512=0 in the environment (not ...AVX512F=0, which .NET 10 ignores) measures
# the AVX2 kind of machine on an AVX-512 one.
set -euo pipefail
old=$1; new=$2; datasets=$3; big=${4:-}
small=$datasets/ml-latest-small
run() { (cd "$1" && dotnet MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll "${@:2}"); }
summary() { grep -E '^(total|ALS solves|held-out|ratings |stages|process CPU)|^cpu:' || true; }
timed() { (cd "$1" && /usr/bin/time -f 'cpu: %U s user + %S s system, %e s wall, peak %M KB' dotnet MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll "${@:2}") 2>&1; }
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
lscpu | grep -E 'Model name|^CPU\(s\)|Flags' | sed -E 's/^(Flags:\s+).*/\1'"$(grep -o -w -E 'avx2|avx512f|fma' /proc/cpuinfo | sort -u | tr '\n' ' ')"'(excerpt)/'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); DOTNET_EnableAVX512=${DOTNET_EnableAVX512:-unset}"
[[ "$big" == "--only-32m" ]] || for round in 1 2; do
  for build in "$old" "$new"; do
    echo "== $build: bench train --dataset ml-latest-small --original (round $round, load $(cut -d' ' -f1 /proc/loadavg))"
    timed "$build" bench train --dataset "$small" --original | summary
    echo "== $build: bench train --dataset ml-latest-small --model als --rank 20 --iterations 20 (round $round)"
    timed "$build" bench train --dataset "$small" --model als --rank 20 --iterations 20 | summary
    echo "== $build: bench train --dataset ml-latest-small --model full (round $round)"
    timed "$build" bench train --dataset "$small" --model full | summary
    echo "== $build: train as a process (round $round)"
    /usr/bin/time -f 'train process: %e s wall, %U s user + %S s system, peak %M KB' \
      bash -c "cd '$build' && dotnet MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll train --ratings '$small/ratings.csv' --movies '$small/movies.csv' --output /tmp/train-before-after.bin > /dev/null" 2>&1 | tail -1
  done
done
big_run() {
  local build=$1 extra=()
  [[ "$build" == "$new" && -n "${BIG_OUTPUT:-}" ]] && extra=(--output "$BIG_OUTPUT")
  echo "== $build: bench train --synthetic --rank 64 --iterations 10 ${extra[*]} (load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%H:%M))"
  timed "$build" bench train --synthetic --rank 64 --iterations 10 "${extra[@]}" | summary
}
if [[ "$big" != "--no-32m" ]]; then
  if [[ "${TOGETHER:-}" == 1 ]]; then
    work=$(mktemp -d)
    big_run "$old" > "$work/old" & big_run "$new" > "$work/new" & wait
    cat "$work/old" "$work/new"; rm -rf "$work"
  else
    for build in "$old" "$new"; do big_run "$build"; done
  fi
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
