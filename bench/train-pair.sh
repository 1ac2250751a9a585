#!/usr/bin/env bash
# Training time before/after in one run: builds BASE_REF (a commit) and the working tree in
# Release, then times `bench train --model full` on ml-latest-small with the two builds
# interleaved, ROUNDS times each, so that whatever else loads the machine hits both alike.
# Prints every pair and the medians with their ratio (after / before), then each stage's median
# wall and process CPU seconds (bench train's stage_seconds / stage_cpu_seconds) for both builds.
# Usage: bench/train-pair.sh BASE_REF [ROUNDS] [DATASETS_DIR] [extra bench-train options...]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?give the commit to compare against, e.g. main}
rounds=${2:-6}
datasets=${3:-../shared/datasets}
shift $(( $# < 3 ? $# : 3 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
dotnet build "$work/base-src/MovieRec.Web" -c Release -o "$work/before" -v quiet -nologo > /dev/null
dotnet build MovieRec.Web -c Release -o "$work/after" -v quiet -nologo > /dev/null

run() {
  dotnet "$work/$1/MovieRec.Web.dll" bench train --dataset "$datasets/ml-latest-small" --model full "${@:3}" \
    --json "$work/$1-$2.json" > /dev/null 2>&1
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['total_seconds'])" "$work/$1-$2.json"
}

echo "| round | before (s) | after (s) | load average |"
echo "|---|---|---|---|"
: > "$work/before.txt"; : > "$work/after.txt"
for round in $(seq 1 "$rounds"); do
  b=$(run before "$round" "$@"); a=$(run after "$round" "$@")
  echo "$b" >> "$work/before.txt"; echo "$a" >> "$work/after.txt"
  echo "| $round | $b | $a | $(cut -d' ' -f1 /proc/loadavg) |"
done
python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
b = [float(x) for x in open(f"{work}/before.txt")]
a = [float(x) for x in open(f"{work}/after.txt")]
mb, ma = statistics.median(b), statistics.median(a)
print(f"\nmedian before {mb:.2f} s, after {ma:.2f} s, ratio {ma / mb:.2f}")
runs = {w: [json.load(open(f"{work}/{w}-{r}.json")) for r in range(1, rounds + 1)] for w in ("before", "after")}
print("\n| stage | before wall (s) | after wall (s) | before CPU (s) | after CPU (s) |\n|---|---|---|---|---|")
for stage in runs["after"][0]["stage_seconds"]:
    def median(which, key):
        # Builds from before the stage figures existed have no such key: their cells read "-".
        values = [run[key][stage] for run in runs[which] if stage in run.get(key, {})]
        return f"{statistics.median(values):.3f}" if values else "-"
    print(f"| {stage} | {median('before', 'stage_seconds')} | {median('after', 'stage_seconds')} | {median('before', 'stage_cpu_seconds')} | {median('after', 'stage_cpu_seconds')} |")
PY
