#!/usr/bin/env bash
# Hyper-parameter sweep behind the defaults (docs/BENCHMARKS.md). As in MODELS.md, settings are
# chosen on a validation slice of train.csv, never on test.csv: every user keeps a seeded random
# ceil(80 %) of their train ratings for fitting and the rest is scored (the protocol's own split,
# one level down). Each row changes the listed options on top of the defaults.
# Usage: bench/sweep.sh [DATASETS_DIR [OPTIONS...]]   (default ../shared/datasets); prints a markdown
# table. Each further argument is one row's options (quoted, e.g. "--ranking-iterations 20"); without
# any, every row of the list below runs.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$datasets/ml-latest-small-split/train.csv" "$work" <<'PY'
import collections, math, random, sys
lines = open(sys.argv[1]).read().splitlines()
by_user = collections.defaultdict(list)
for line in lines[1:]:
    by_user[line.split(',')[0]].append(line)
rng = random.Random(7)
fit, valid = [lines[0]], [lines[0]]
for user, rows in by_user.items():
    rows = rows[:]
    rng.shuffle(rows)
    keep = math.ceil(0.8 * len(rows))
    fit += rows[:keep]
    valid += rows[keep:]
open(f"{sys.argv[2]}/fit.csv", "w").write("\n".join(fit) + "\n")
open(f"{sys.argv[2]}/valid.csv", "w").write("\n".join(valid) + "\n")
PY

dotnet build MovieRec.Web -c Release -v quiet -nologo > /dev/null
app=MovieRec.Web/bin/Release/net10.0/MovieRec.Web.dll

configs=(
  # the rating model (RMSE); the ranking model is off to save time: it does not change RMSE
  "--ranking false"
  "--ranking false --bias-lambda 5 --lambda-y 100"
  "--ranking false --lambda 0.12"
  "--ranking false --lambda 0.18"
  "--ranking false --rank 64"
  "--ranking false --iterations 15"
  "--ranking false --lambda-y 100"
  "--ranking false --lambda-y 300"
  "--ranking false --bias-lambda 5"
  "--ranking false --bias-lambda 15"
  "--ranking false --item-bias-lambda 10"
  "--ranking false --item-bias-lambda 40"
  "--ranking false --user-bias-lambda 5"
  "--ranking false --user-bias-lambda 15"
  "--ranking false --lambda 0.14"
  "--ranking false --lambda 0.16"
  "--ranking false --rank 40"
  "--ranking false --iterations 8"
  # the ranking model and the blend (NDCG@10)
  ""
  "--ranking-rank 32 --ranking-cg-steps 0"
  "--ranking-rank 48"
  "--ranking-rank 64"
  "--ranking-rank 128"
  "--ranking-rank 256"
  "--ranking-iterations 8"
  "--ranking-iterations 15"
  "--ranking-lambda 20"
  "--ranking-lambda 25"
  "--ranking-lambda 35"
  "--ranking-lambda 40"
  "--ranking-alpha 0.5"
  "--ranking-alpha 2"
  "--ranking-cg-steps 2"
  "--ranking-cg-steps 5"
  "--ranking-cg-steps 0"
  "--ranking-weight 0"
  "--ranking-weight 0.3"
  "--ranking-weight 0.5"
  "--ranking-weight 1"
  "--ranking-weight 1.5"
  # issue 8, second pass: more ranking iterations, ranks around 96, weights around 0.7
  "--ranking-iterations 20"
  "--ranking-iterations 25"
  "--ranking-rank 112"
  "--ranking-rank 128 --ranking-iterations 20"
  "--ranking-iterations 20 --ranking-weight 0.5"
  "--ranking-iterations 20 --ranking-weight 0.9"
  "--ranking-iterations 20 --ranking-lambda 25"
  "--ranking-iterations 15 --ranking-weight 0.9"
  "--ranking-weight 0.8"
  "--ranking-weight 0.9"
  "--ranking-alpha 1.5"
  # issue 8, third pass: the neighbourhood term of the predicted rating (its blend weights are
  # fitted by bench/blend-probe on this slice) and the picks re-scored with it
  "--neighbours 0"
  "--neighbours 400"
  "--ranking-weight 0.5 --neighbours 200"
  "--ranking-weight 1 --neighbours 200"
  # issue 8, fourth pass: EASE on the N most-rated movies as a third score of the picks
  # (--ease-items N --ease-lambda L --ease-weight G), and the rating weight re-fitted beside it
  "--ease-items 0"
  "--ease-items 500 --ease-lambda 25 --ease-weight 0.1"
  "--ease-items 500 --ease-lambda 50 --ease-weight 0.1"
  "--ease-items 500 --ease-lambda 100 --ease-weight 0.1"
  "--ease-items 500 --ease-lambda 50 --ease-weight 0.2"
  "--ease-items 500 --ease-lambda 100 --ease-weight 0.2"
  "--ease-items 500 --ease-lambda 50 --ease-weight 0.3"
  "--ease-items 1000 --ease-lambda 50 --ease-weight 0.1"
  "--ease-items 1000 --ease-lambda 100 --ease-weight 0.2"
  "--ease-items 1000 --ease-lambda 50 --ease-weight 0.2"
  "--ranking-weight 0.6"
  "--ranking-weight 0.8"
)

if (($# > 0)); then configs=("$@"); fi

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
print(f"| `{sys.argv[2] or '(defaults)'}` | {m['rmse']:.4f} | {b['rmse']:.4f} | {m['ndcg_at_10']:.4f} | {m['coverage']:.4f} | {m['train_seconds']:.2f} |", flush=True)
PY
done
