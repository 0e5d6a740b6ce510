#!/usr/bin/env bash
# Redoes the NCF concept and suppression numbers of the issue-5 note on an empty store:
# a topk SAE (β = 10, seed 2) on a tuned NCF at d = 20, its Horror neurons, and Horror suppression
# for the 50 Horror fans. Usage: docs/reproduce/issue5-ncf-concepts.sh <ml-1m folder> [out folder]
set -euo pipefail
ml1m=${1:?give the ML-1M folder}
out=${2:-issue5-out}
mkdir -p "$out"
store="$out/store.db"
[ -e "$store" ] && { echo "$store exists: use an empty out folder" >&2; exit 1; }
cd "$(dirname "$0")/../.."
# RECSAE_CLI=<path to recsae.dll> runs an already built CLI instead of building it here.
recsae() { if [ -n "${RECSAE_CLI:-}" ]; then dotnet "$RECSAE_CLI" "$@"; else dotnet run -c Release --project src/RecSaeExplorer.Cli -- "$@"; fi; }
common=(--dataset ml-1m --data-dir "$ml1m" --store "$store")

for seed in 1 2; do
  recsae sae train "${common[@]}" --threads 1 --model ncf --rec-preset tuned --rec-dim 20 --preset topk --beta 10 --seed "$seed" --json > "$out/sae-seed$seed.json"
  run=$(python3 -c "import json; print(json.load(open('$out/sae-seed$seed.json'))['runId'])")
  recsae neurons "$run" "${common[@]}" --json > "$out/neurons-seed$seed.json"
  # The best Horror neuron by purity@20, and the suppression of every Horror-labelled neuron.
  python3 - "$out/neurons-seed$seed.json" <<'PY'
import json, sys
ns = json.load(open(sys.argv[1]))
horror = sorted((n for n in ns if 'Horror' in (n['label'] or '')), key=lambda n: -n['purity20'])
print('Horror-labelled neurons (index, label, purity@20):', [(n['index'], n['label'], n['purity20']) for n in horror[:5]])
PY
  recsae suppress "$run" "${common[@]}" --neuron Horror --audience facet:Horror:50 --json > "$out/suppress-seed$seed.json" || true
done
