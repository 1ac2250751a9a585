#!/usr/bin/env bash
# Serving latency (bench recommend) of two builds, interleaved in one run: for each round and each
# model, BEFORE then AFTER, once with AVX-512 switched off (DOTNET_EnableAVX512=0: the AVX2 kind; on
# .NET 10 DOTNET_EnableAVX512F=0 alone leaves Vector512 on, as `bench` prints
# of machine issue 14's targets name) and once native. BEFORE is another checkout, built here
# (for example `git archive 8805332 | tar -x -C /tmp/before`); AFTER is this one.
# Usage: bench/recommend-before-after.sh BEFORE_DIR ROUNDS MODEL... (SAMPLES=2000 by default)
set -euo pipefail
before=$(cd "$1" && pwd); shift
after=$(cd "$(dirname "$0")/.." && pwd)
rounds=$1; shift
samples=${SAMPLES:-2000}
for dir in "$before" "$after"; do (cd "$dir" && dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null); done
date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo)"
echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|fma|avx512f|avx512bw|avx512vl)$' | paste -sd' ')"
for round in $(seq 1 "$rounds"); do
  for model in "$@"; do
    for kind in avx2 native; do
      for side in before after; do
        dir=$before; [ "$side" = after ] && dir=$after
        echo "=== round $round, $kind, $side ($dir), load $(cut -d' ' -f1-3 /proc/loadavg)"
        env $([ "$kind" = avx2 ] && echo DOTNET_EnableAVX512=0 DOTNET_EnableAVX512F=0) \
          dotnet "$dir/MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll" bench recommend --model "$model" --samples "$samples" 2>/dev/null \
          | grep -vE '^(machine|command):'
      done
    done
  done
done
