#!/usr/bin/env bash
# Before/after pairs of bench/load.sh, interleaved in one run, so that both builds meet the same
# machine state (other builds on the shared cores come and go). BEFORE is another checkout of the
# repository (for example `git archive <commit> | tar -x -C /tmp/before`); AFTER is this one. Both
# are driven by this checkout's load.sh (APP_ROOT picks the build), with WARMUP seconds (default 10)
# of uncounted load first, so that neither side's first slice measures a cold process.
# Usage: bench/load-compare.sh BEFORE_DIR [DATASETS_DIR] [SECONDS] [ROUNDS]   (defaults ../shared/datasets, 10, 2)
set -euo pipefail
before=$(cd "$1" && pwd)
after=$(cd "$(dirname "$0")/.." && pwd)
datasets=$(cd "${2:-$after/../shared/datasets}" && pwd)
seconds=${3:-10}
rounds=${4:-2}
export WARMUP=${WARMUP:-10}
for round in $(seq 1 "$rounds"); do
  for side in before after; do
    dir=$before; [ "$side" = after ] && dir=$after
    echo "=== round $round, $side: $dir"
    APP_ROOT=$dir bash "$after/bench/load.sh" "$datasets" "$seconds"
  done
done
