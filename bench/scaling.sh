#!/usr/bin/env bash
# Cost growth with the size of the data (docs/SCALING.md): for each synthetic shape, training
# (rank 64, 10 iterations: time, peak memory), the model file's size, its load time, top-N /
# similar / fold-in latency, and the import rate into a fresh SQLite file.
#   bash bench/scaling.sh REPO_DIR OUT_DIR [SHAPE ...]
# REPO_DIR is a checkout built with `dotnet build MovieRec.Web -c Release`; SHAPE is
# USERS,MOVIES,RATINGS (default: the MovieLens 1M, 10M and 32M shapes). Every process is timed by
# /usr/bin/time as well (CPU seconds read more steadily than wall time on a loaded machine).
set -euo pipefail
repo=$1; out=$2; shift 2
shapes=("$@")
[[ ${#shapes[@]} -gt 0 ]] || shapes=(6040,3706,1000209 69878,10677,10000054 200948,87585,32000204)
mkdir -p "$out"
timed() { (cd "$repo" && /usr/bin/time -f 'cpu: %U s user + %S s system, %e s wall, peak %M KB' dotnet MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll "$@") 2>&1; }
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg); DOTNET_EnableAVX512=${DOTNET_EnableAVX512:-unset}"
for shape in "${shapes[@]}"; do
  name=${shape//,/x}
  echo "== $shape: bench train --synthetic $shape --rank 64 --iterations 10 (load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%H:%M))"
  timed bench train --synthetic "$shape" --rank 64 --iterations 10 --output "$out/$name.bin" --json "$out/$name-train.json" \
    | grep -E '^(ratings |total|ALS solves|held-out)|^cpu:'
  echo "model file: $(stat -c %s "$out/$name.bin") bytes"
  echo "== $shape: bench recommend (load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%H:%M))"
  timed bench recommend --model "$out/$name.bin" --samples 1000 --person-ratings 500 --json "$out/$name-recommend.json" \
    | grep -E '^(model|top-N|similar|fold-in|picks)|^cpu:'
  echo "== $shape: bench store --synthetic $shape (load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%H:%M))"
  timed bench store --synthetic "$shape" --upserts 500 --writers 1 --json "$out/$name-store.json" \
    | grep -E '^(import|upserts)|^cpu:'
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
