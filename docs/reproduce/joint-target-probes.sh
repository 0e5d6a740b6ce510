#!/usr/bin/env bash
# The single-config probes behind the joint-target tables of docs/decisions.md (issue 13): rounds 1-3 on the paper MF,
# the NCF RBO -> MS curve, and ml-latest-small. Runs on the store paper-sweep.sh left, whose paper-recipe MF and NCF
# `sae train --rec-preset paper` finds by recipe. One JSON summary per run goes to <out>/probes/.
# Usage: docs/reproduce/joint-target-probes.sh <ml-1m folder> <paper-sweep out folder>
# Takes about 2.5 h on one core (an MF probe 15-30 s, an NCF probe about 2 min).
set -euo pipefail
ml1m=${1:?give the ML-1M folder (movies.dat, users.dat, ratings.dat)}
out=${2:?give the out folder of paper-sweep.sh}
store="$out/store.db"
[ -e "$store" ] || { echo "$store does not exist: run docs/reproduce/paper-sweep.sh first" >&2; exit 1; }
out=$(cd "$out" && pwd)
ml1m=$(cd "$ml1m" && pwd)
mkdir -p "$out/probes"
cd "$(dirname "$0")/../.."
# RECSAE_CLI=<path to recsae.dll> runs an already built CLI instead of building it here.
recsae() { if [ -n "${RECSAE_CLI:-}" ]; then dotnet "$RECSAE_CLI" "$@"; else dotnet run -c Release --project src/RecSaeExplorer.Cli -- "$@"; fi; }
probe() { # probe <model> <overrides...>: one SAE on the paper recommender, summary to probes/<model>_<overrides>.json
  local model=$1; shift
  recsae sae train --dataset ml-1m --data-dir "$ml1m" --store "$store" --threads 1 --rec-preset paper --model "$model" --json "$@" \
    > "$out/probes/$(echo "$model $*" | tr -s ' -' '_').json"
}
seeds() { for s in 1 2 3; do probe "$@" --seed "$s"; done; } # tables of 3-seed means

# Round 1 (seed 1): compact, K, and the paper preset trained longer.
probe mf --preset compact --beta 1
probe mf --preset compact --beta 10
probe mf --preset compact --k 8 --beta 10
probe mf --preset compact --width 22 --k 4 --beta 10
probe mf --preset paper --steps 4000 --lr 0.003 --beta 10

# Round 2 (seed 1): the paper's MF term on block logits, TopK and BatchTopK over K and width, beta, L1.
block=(--preset compact --pred-loss LogitMse --pairs Block --steps 4000)
for act in TopK BatchTopK; do for w in 22 32 48; do for k in 4 8 16; do probe mf "${block[@]}" --activation $act --width $w --k $k --beta 10; done; done; done
for k in 12 14 15 18; do probe mf "${block[@]}" --activation BatchTopK --width 22 --k $k --beta 10; done
probe mf "${block[@]}" --activation BatchTopK --width 20 --k 16 --beta 10
for b in 1 2 5 20; do probe mf "${block[@]}" --activation BatchTopK --width 22 --k 16 --beta $b; done
for w in 22 40; do probe mf --preset paper --steps 4000 --lr 0.003 --width $w --beta 10; done
probe mf --preset paper --steps 4000 --lr 0.003 --width 22 --beta 10 --l1 0.01

# Round 3 (3 seeds): expert choice against K, steps and input scaling; balanced (MF) is expert choice, K = 16, 8,000 steps.
seeds mf --preset balanced --activation BatchTopK --steps 4000 --beta 10
seeds mf --preset balanced --steps 4000 --beta 10
seeds mf --preset balanced --beta 10
for k in 19 20; do seeds mf --preset balanced --k $k --beta 10; done
for b in 1 2; do seeds mf --preset balanced --k 20 --beta $b; done
seeds mf --preset balanced --unit-norm true --k 19 --steps 4000 --beta 10
probe mf --preset balanced --activation BatchTopK --unit-norm true --steps 4000 --beta 10
# A small L1 on top of TopK, BatchTopK and expert choice; expert choice at K = 20 trained longer.
probe mf --preset balanced --activation BatchTopK --steps 4000 --l1 0.01 --beta 10 --seed 1
for l1 in 0.1 0.3 1; do seeds mf --preset balanced --activation BatchTopK --steps 4000 --l1 $l1 --beta 10; done
for l1 in 0.01 0.1; do probe mf "${block[@]}" --activation TopK --width 22 --k 16 --l1 $l1 --beta 10; done
for l1 in 0.01 0.1; do seeds mf --preset balanced --l1 $l1 --beta 10; done
seeds mf --preset balanced --k 20 --steps 16000 --beta 10

# The NCF RBO -> MS curve (beta 10, seed 1; balanced for NCF is BatchTopK, K = 16, m = 22), then expert choice on NCF at
# 3 seeds and 4 betas.
for k in 4 8 12 16 20; do probe ncf --preset balanced --width 22 --k $k --beta 10; done
probe ncf --preset balanced --width 16 --k 8 --beta 10
probe ncf --preset balanced --width 32 --k 16 --beta 10
probe ncf --preset balanced --width 32 --k 24 --beta 10
probe ncf --preset balanced --width 48 --k 32 --beta 10
probe ncf --preset compact --width 32 --k 8 --beta 10
probe ncf --preset compact --width 22 --k 16 --beta 10
for k in 16 20; do probe ncf --preset balanced --activation ExpertChoice --k $k --beta 10; done
for b in 1 2 5 10; do seeds ncf --preset balanced --activation ExpertChoice --beta $b; done
# TopK at m = 22 on NCF, 3 seeds and 4 betas.
recsae sae sweep --dataset ml-1m --data-dir "$ml1m" --store "$store" --threads 1 --model ncf --rec-preset paper --preset compact \
  --width 22 --beta 1,2,5,10 --seeds 3 --csv "$out/probes/ncf-topk-m22.csv"

# ml-latest-small (shipped in data/): a tuned MF at d = 64, beta 10, seed 1.
small=(--dataset ml-latest-small --data-dir data/ml-latest-small --store "$out/small.db" --threads 1 --model mf --beta 10 --json)
recsae sae train "${small[@]}" --preset balanced --k 16 > "$out/probes/small_balanced_k16.json"
recsae sae train "${small[@]}" --preset balanced > "$out/probes/small_balanced.json"
recsae sae train "${small[@]}" --preset compact > "$out/probes/small_compact.json"

python3 - "$out/probes" <<'PY'
import json, pathlib, sys
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    t = f.read_text(); d = json.loads(t[t.index("{"):])
    print(f.stem, " ".join(f"{k}={d[k]:.3f}" for k in ["rbo", "kendall", "ms", "msMetadata", "l0", "deadShare", "rareShare"]), d["runId"])
PY
