#!/usr/bin/env bash
# Reproduces the paper-preset and compact numbers of docs/decisions.md on an empty store.
# Usage: docs/reproduce/paper-sweep.sh <ml-1m folder> [out folder]
# Needs ML-1M (never committed); takes about 2 h on 2 busy cores (the NCF recommender is most of it).
set -euo pipefail
ml1m=${1:?give the ML-1M folder (movies.dat, users.dat, ratings.dat)}
out=${2:-sweep-out}
mkdir -p "$out"
store="$out/store.db"
[ -e "$store" ] && { echo "$store exists: use an empty out folder" >&2; exit 1; }
cd "$(dirname "$0")/../.."
# RECSAE_CLI=<path to recsae.dll> runs an already built CLI instead of building it here.
recsae() { if [ -n "${RECSAE_CLI:-}" ]; then dotnet "$RECSAE_CLI" "$@"; else dotnet run -c Release --project src/RecSaeExplorer.Cli -- "$@"; fi; }
common=(--dataset ml-1m --data-dir "$ml1m" --store "$store" --threads 1)

# 1. The paper's method on the paper's recommenders (trains and stores the paper-recipe MF and NCF, d = 20).
recsae sae sweep "${common[@]}" --model mf --rec-preset paper --preset paper --beta 0,1,2,5,10 --seeds 3 --csv "$out/paper-mf.csv"
recsae sae sweep "${common[@]}" --model ncf --rec-preset paper --preset paper --beta 0,1,2,5,10 --seeds 3 --csv "$out/paper-ncf.csv"

# 2. The compact preset on the same recommenders (found in the store by recipe and split seed).
recsae sae sweep "${common[@]}" --model mf,ncf --rec-preset paper --preset compact --beta 1,10 --seeds 1 --csv "$out/compact.csv"

# 3. The balanced preset (the joint target's best trade-off) on the same recommenders: 3 seeds each (an MF run takes
#    about 30 s, an NCF run about 2 min).
recsae sae sweep "${common[@]}" --model mf --rec-preset paper --preset balanced --beta 1,2,5,10 --seeds 3 --csv "$out/balanced-mf.csv"
recsae sae sweep "${common[@]}" --model ncf --rec-preset paper --preset balanced --beta 1,2,5,10 --seeds 3 --csv "$out/balanced-ncf.csv"

# The same preset on tuned recommenders (trains a tuned MF and NCF at d = 20).
recsae sae sweep "${common[@]}" --model mf,ncf --rec-preset tuned --rec-dim 20 --preset balanced --beta 10 --seeds 1 --csv "$out/balanced-tuned.csv"

# 4. The lists behind one run's fidelity, for an outside check.
run=$(recsae runs list --store "$store" --json | python3 -c "import json,sys; print([r['id'] for r in json.load(sys.stdin) if r['kind']=='sae'][0])")
recsae sae eval "$run" "${common[@]:0:6}" --lists "$out/lists-$run.csv" --json > "$out/eval-$run.json"
