#!/usr/bin/env bash
# Hyper-parameter sweep behind the defaults (docs/BENCHMARKS.md). As in MODELS.md, settings are
# chosen on a validation slice of train.csv, never on test.csv: every user keeps a seeded random
# ceil(80 %) of their train ratings for fitting and the rest is scored (the protocol's own split,
# one level down). Each row changes the listed options on top of the defaults.
# Usage: bench/sweep.sh [DATASETS_DIR [OPTIONS...]]   (default ../shared/datasets); prints a markdown
# table. Each further argument is one row's options (quoted, e.g. "--ranking-iterations 20"); without
# any, every row of the list below runs.
# SEEDS="7 8 9" bench/sweep.sh ... scores each row on several validation slices (one per seed of the
# per-user shuffle; 7 alone is the slice of the earlier passes) and adds their mean NDCG@10: a
# difference of a few thousandths on one slice is within its noise, the mean of three is steadier.
# TRAIN_SEEDS="42 43" also trains each row with each seed of the random starting factors (--seed) on
# every slice and averages over all of them: a different seed alone moves a slice's NDCG@10 by up
# to 0.004 (docs/BENCHMARKS.md, "Issue 8, sixth pass").
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-../shared/datasets}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seeds=(${SEEDS:-7})
train_seeds=(${TRAIN_SEEDS:-})
for seed in "${seeds[@]}"; do
python3 - "$datasets/ml-latest-small-split/train.csv" "$work" "$seed" <<'PY'
import collections, math, random, sys
lines = open(sys.argv[1]).read().splitlines()
by_user = collections.defaultdict(list)
for line in lines[1:]:
    by_user[line.split(',')[0]].append(line)
rng = random.Random(int(sys.argv[3]))
fit, valid = [lines[0]], [lines[0]]
for user, rows in by_user.items():
    rows = rows[:]
    rng.shuffle(rows)
    keep = math.ceil(0.8 * len(rows))
    fit += rows[:keep]
    valid += rows[keep:]
open(f"{sys.argv[2]}/fit{sys.argv[3]}.csv", "w").write("\n".join(fit) + "\n")
open(f"{sys.argv[2]}/valid{sys.argv[3]}.csv", "w").write("\n".join(valid) + "\n")
PY
done

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
  # issue 8, fifth pass: frequency-scaled ridge of the ranking model, lambda (n + N)^nu (Rendle et
  # al. 2022), lambda re-tuned for each nu
  "--ranking-frequency-exponent 1 --ranking-lambda 0.003"
  "--ranking-frequency-exponent 1 --ranking-lambda 0.007"
  "--ranking-frequency-exponent 1 --ranking-lambda 0.01"
  "--ranking-frequency-exponent 1 --ranking-lambda 0.015"
  "--ranking-frequency-exponent 1 --ranking-lambda 0.03"
  "--ranking-frequency-exponent 0.5 --ranking-lambda 0.3"
  "--ranking-frequency-exponent 0.5 --ranking-lambda 0.5"
  "--ranking-frequency-exponent 0.5 --ranking-lambda 0.6"
  "--ranking-frequency-exponent 0.5 --ranking-lambda 0.75"
  "--ranking-frequency-exponent 0.5 --ranking-lambda 1"
  "--ranking-frequency-exponent 0.5 --ranking-lambda 1.5"
  "--ranking-frequency-exponent 0.5 --ranking-lambda 3"
  # issue 8, sixth pass (run with SEEDS="7 8 9" TRAIN_SEEDS="42 43", then "44 45" for the best):
  # the confidence shape c = 1 + alpha r^p, now p 3 / alpha 0.06; the first row is the earlier default
  "--ranking-confidence-exponent 1 --ranking-alpha 1"
  "--ranking-confidence-exponent 0 --ranking-alpha 4"
  "--ranking-confidence-exponent 0.5 --ranking-alpha 2.2"
  "--ranking-confidence-exponent 1.5 --ranking-alpha 0.45"
  "--ranking-confidence-exponent 2 --ranking-alpha 0.15"
  "--ranking-confidence-exponent 2 --ranking-alpha 0.2"
  "--ranking-confidence-exponent 2 --ranking-alpha 0.3"
  "--ranking-confidence-exponent 2 --ranking-alpha 0.2 --ranking-lambda 25"
  "--ranking-confidence-exponent 2.5 --ranking-alpha 0.09"
  "--ranking-alpha 0.04"
)

if (($# > 0)); then configs=("$@"); fi

runs=()
for seed in "${seeds[@]}"; do
  if ((${#train_seeds[@]} == 0)); then runs+=("$seed:"); else for t in "${train_seeds[@]}"; do runs+=("$seed:$t"); done; fi
done
if ((${#runs[@]} == 1)); then
  echo "| options (on top of the defaults) | validation RMSE | bias-only RMSE | validation NDCG@10 | coverage | train s |"
  echo "|---|---|---|---|---|---|"
else
  echo "| options (on top of the defaults) | validation RMSE (mean) | NDCG@10 per slice:training seed (${runs[*]}) | mean NDCG@10 | coverage (mean) | train s (mean) |"
  echo "|---|---|---|---|---|---|"
fi
for config in "${configs[@]}"; do
  results=()
  for run in "${runs[@]}"; do
    seed=${run%%:*} train_seed=${run#*:}
    # shellcheck disable=SC2086
    dotnet "$app" evaluate --train "$work/fit$seed.csv" --test "$work/valid$seed.csv" \
      --movies "$datasets/ml-latest-small/movies.csv" --json "$work/result$seed-$train_seed.json" $config ${train_seed:+--seed $train_seed} > /dev/null 2>&1
    results+=("$work/result$seed-$train_seed")
  done
  python3 - "$config" "${results[@]}" <<'PY'
import json, sys
config, results = sys.argv[1], [json.load(open(f + ".json")) for f in sys.argv[2:]]
name = f"`{config or '(defaults)'}`"
m = [r["model"] for r in results]
if len(m) == 1:
    b = results[0]["bias_only"]
    print(f"| {name} | {m[0]['rmse']:.4f} | {b['rmse']:.4f} | {m[0]['ndcg_at_10']:.4f} | {m[0]['coverage']:.4f} | {m[0]['train_seconds']:.2f} |", flush=True)
else:
    mean = lambda key: sum(x[key] for x in m) / len(m)
    slices = " / ".join(f"{x['ndcg_at_10']:.4f}" for x in m)
    print(f"| {name} | {mean('rmse'):.4f} | {slices} | {mean('ndcg_at_10'):.4f} | {mean('coverage'):.4f} | {mean('train_seconds'):.2f} |", flush=True)
PY
done
