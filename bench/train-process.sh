#!/usr/bin/env bash
# `train` as a whole process on ml-latest-small (start-up, reading the CSV files, training the
# default model, writing and keeping the model), two checkouts, each as a plain build
# (bin/Release) and as a ReadyToRun publish, interleaved round by round, with the CPU seconds of
# the process beside its wall time (steadier on a shared machine). BEFORE is another checkout (for
# example `git archive main | tar -x -C /tmp/before`); AFTER is this one. Its publish is ReadyToRun
# through MovieRec.Web.csproj; BEFORE's is made ReadyToRun on the command line, so the two differ
# only by the code.
# Usage: bench/train-process.sh BEFORE_DIR [ROUNDS [DATASETS]]   (DOTNET_EnableAVX512=0: the AVX2 kind; DOTNET_EnableAVX512F=0 leaves AVX-512 on in .NET 10)
set -euo pipefail
before=$(cd "$1" && pwd)
after=$(cd "$(dirname "$0")/.." && pwd)
rounds=${2:-3}
small=$(cd "${3:-$after/../shared/datasets}" && pwd)/ml-latest-small
work=$(mktemp -d)
for dir in "$before" "$after"; do
  name=$([ "$dir" = "$before" ] && echo before || echo after)
  (cd "$dir" && dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null \
    && dotnet publish MovieRec.Web -c Release -r linux-x64 -p:PublishReadyToRun=true -o "$work/$name-r2r" -v quiet -nologo > /dev/null)
done
date -u +"%Y-%m-%d %H:%M UTC"; echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo); DOTNET_EnableAVX512=${DOTNET_EnableAVX512:-unset}"
mkdir -p "$work/cwd"
for round in $(seq 1 "$rounds"); do
  for variant in before-build after-build before-r2r after-r2r; do
    case $variant in
      before-build) dll=$before/MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll ;;
      after-build) dll=$after/MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll ;;
      *) dll=$work/$variant/MovieRec.Web.dll ;;
    esac
    printf '%s %-12s load %s: ' "$round" "$variant" "$(cut -d' ' -f1 /proc/loadavg)"
    # Its own working folder, so the model history (data/models) starts empty for every variant.
    (cd "$work/cwd" && rm -rf data && /usr/bin/time -f '%e s wall, %U s user + %S s system, peak %M KB' \
      dotnet "$dll" train --ratings "$small/ratings.csv" --movies "$small/movies.csv" --output "$work/model.bin" 2>&1 >/dev/null | tail -1)
  done
done
rm -rf "$work"
