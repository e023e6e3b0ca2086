#!/usr/bin/env bash
# Regenerates docs/evaluation.md: jobs/evaluate-all.sh [RUNS_DIR]   (default RUNS_DIR: target/evaluation)
#
# For each system (mizan.model.mode = rules, model, hybrid) it runs `mizan evaluate` on
#   un-ar-test       UN QuadClass Arabic, fixed SHA-1 test split (942 rows)
#   un-en-test       UN QuadClass English, test split
#   unscon           UNSCon sentences, conflict vs none (evaluation only; with the Lexicoder baseline recomputed)
#   devset-all/-train/-dev   src/sample/devset.jsonl, all rows and its two splits
#   news-validation  src/train/news-sentences.jsonl, split validation (when the file exists)
# writing RUNS_DIR/<mode>/<run>/{metrics.json,metrics.txt,errors.jsonl}, then
#   mizan evaluate --report RUNS_DIR --output docs/evaluation.md
# which merges docs/error-notes.tsv (hand-written notes on representative errors).
#
# A mode the settings reject (a build without mizan.model.mode) is handled, not fatal: "rules" then runs with the
# default settings (which are rules only in such a build) and says so in RUNS_DIR/rules/NOTE; "model" and "hybrid"
# are skipped with the reason in RUNS_DIR/<mode>/SKIPPED. Both notes appear at the top of the report.
# MIZAN_SHARED: the shared data folder (default: ../shared beside the repository). Needs Java 17 and Maven
# (jobs/mizan builds the jar when it is missing or stale).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-$ROOT/target/evaluation}"
SHARED="${MIZAN_SHARED:-$ROOT/../shared}"
DATA="$SHARED/data"
MIZAN="$ROOT/jobs/mizan"

for need in "$DATA/un-quadclass-ar-en" "$DATA/unscon-en"; do
  [[ -d "$need" ]] || { echo "evaluate-all: $need is missing (set MIZAN_SHARED to the shared folder)" >&2; exit 2; }
done

# name|arguments (word-split; the paths have no spaces)
runs=(
  "un-ar-test|--dataset un-quadclass --input $DATA/un-quadclass-ar-en --lang ar --split test"
  "un-en-test|--dataset un-quadclass --input $DATA/un-quadclass-ar-en --lang en --split test"
  "unscon|--dataset unscon --input $DATA/unscon-en"
  "devset-all|--dataset jsonl --input $ROOT/src/sample/devset.jsonl --split all"
  "devset-train|--dataset jsonl --input $ROOT/src/sample/devset.jsonl --split train"
  "devset-dev|--dataset jsonl --input $ROOT/src/sample/devset.jsonl --split dev"
)
if [[ -f "$ROOT/src/train/news-sentences.jsonl" ]]; then
  runs+=("news-validation|--dataset jsonl --input $ROOT/src/train/news-sentences.jsonl --split validation")
fi

"$MIZAN" --help >/dev/null # builds the jar once, up front
export MIZAN_SKIP_BUILD=1

rm -rf "$RUNS"
for mode in rules model hybrid; do
  mkdir -p "$RUNS/$mode"
  mode_args=(--set "model.mode=$mode")
  for entry in "${runs[@]}"; do
    name="${entry%%|*}"
    read -r -a args <<<"${entry#*|}"
    out="$RUNS/$mode/$name"
    echo "evaluate-all: $mode $name" >&2
    set +e
    "$MIZAN" evaluate "${mode_args[@]}" "${args[@]}" --output "$out" >"$RUNS/$mode/$name.log" 2>"$RUNS/$mode/$name.err"
    rc=$?
    set -e
    if [[ $rc -eq 2 && ${#mode_args[@]} -gt 0 ]] && grep -q "mizan.model.mode" "$RUNS/$mode/$name.err"; then
      reason="$(grep "mizan.model.mode" "$RUNS/$mode/$name.err" | head -1)"
      if [[ "$mode" == rules ]]; then
        echo "this build rejects --set model.mode=rules (\"${reason#mizan evaluate: }\"); ran the default settings," \
          "which in such a build are the rule scorer alone." >"$RUNS/$mode/NOTE"
        mode_args=()
        "$MIZAN" evaluate "${args[@]}" --output "$out" >"$RUNS/$mode/$name.log" 2>"$RUNS/$mode/$name.err" || {
          echo "evaluate-all: $mode $name failed; see $RUNS/$mode/$name.err" >&2; exit 1; }
      else
        echo "the settings of this build reject --set model.mode=$mode (\"${reason#mizan evaluate: }\"): the learned" \
          "model is not in this build." >"$RUNS/$mode/SKIPPED"
        rm -f "$RUNS/$mode/$name.log" "$RUNS/$mode/$name.err"
        break
      fi
    elif [[ $rc -ne 0 ]]; then
      echo "evaluate-all: $mode $name failed (exit $rc); see $RUNS/$mode/$name.err" >&2
      exit 1
    fi
  done
done

"$MIZAN" evaluate --report "$RUNS" --output "$ROOT/docs/evaluation.md"
