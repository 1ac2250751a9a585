#!/usr/bin/env bash
# Hyper-parameter sweep behind the defaults (docs/BENCHMARKS.md). As in MODELS.md, settings are
# chosen on a validation slice of train.csv (a seeded random 10 % of its ratings), never on test.csv.
# Usage: bench/sweep.sh [DATASETS_DIR]   (default ../shared/datasets); prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -F, -v seed=7 -v fit="$work/fit.csv" -v valid="$work/valid.csv" '
  BEGIN { srand(seed) }
  NR == 1 { print > fit; print > valid; next }
  { if (rand() < 0.1) print > valid; else print > fit }' "$datasets/ml-latest-small-split/train.csv"

dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null
app=MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll

configs=(
  "--original"
  "--original --weighted-lambda true --lambda 0.15"
  "--svdpp false --ranking false --bias-mode from-mu --bias-lambda 10"
  "--svdpp false --ranking false --rank 20 --lambda 0.15"
  "--svdpp false --ranking false --rank 50 --lambda 0.1"
  "--svdpp false --ranking false --rank 50 --lambda 0.15"
  "--svdpp false --ranking false --rank 50 --lambda 0.2"
  "--svdpp false --ranking false --rank 64 --lambda 0.15"
  "--ranking false --lambda-y 100"
  "--ranking false --lambda-y 300"
  "--ranking false --lambda-y 30"
  "--ranking false --lambda-y 1000"
  "--ranking false --rank 30"
  "--ranking false --rank 64"
  "--ranking false --iterations 8"
  "--ranking false --iterations 15"
  "--ranking-weight 0"
  "--ranking-weight 0.05"
  "--ranking-weight 0.1"
  "--ranking-weight 0.2"
  "--ranking-alpha 2"
  "--ranking-alpha 20"
  "--ranking-lambda 10"
  "--ranking-lambda 50"
  "--ranking-rank 24"
  "--ranking-rank 48"
  "--ranking-iterations 15"
)

echo "| options (on top of the defaults) | validation RMSE | bias-only RMSE | validation NDCG@10 | coverage | train s |"
echo "|---|---|---|---|---|---|"
for config in "${configs[@]}"; do
  # shellcheck disable=SC2086
  dotnet "$app" evaluate --train "$work/fit.csv" --test "$work/valid.csv" \
    --movies "$datasets/ml-latest-small/movies.csv" --json "$work/result.json" $config > /dev/null 2>&1
  python3 - "$work/result.json" "$config" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m, b = r["model"], r["bias_only"]
print(f"| `{sys.argv[2]}` | {m['rmse']:.4f} | {b['rmse']:.4f} | {m['ndcg_at_10']:.4f} | {m['coverage']:.4f} | {m['train_seconds']:.2f} |")
PY
done
