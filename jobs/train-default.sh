#!/usr/bin/env bash
# Regenerates the bundled default model, src/main/resources/mizan/model/default.bin, and its training report.
#
#   jobs/train-default.sh [WORK_DIR]          (default WORK_DIR: target/default-model)
#
# Data: the UN QuadClass Arabic/English TRAIN split (../shared/data/un-quadclass-ar-en, or $MIZAN_SHARED/data/...;
# the fixed SHA-1 test split is never read for training) plus the "train" rows of the team's own labelled JSONL
# (src/sample/devset.jsonl and, when present, src/train/news-sentences.jsonl). Their "dev"/"validation" rows are
# only scored, for the report. Seed and every other setting: reference.conf (mizan.train.*).
# model.mode=rules: training needs no model, so the previous bundled one is not read.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/target/default-model}"
SHARED="${MIZAN_SHARED:-$ROOT/../shared}"
UN="$SHARED/data/un-quadclass-ar-en"
[[ -d "$UN" ]] || { echo "train-default: $UN not found (set MIZAN_SHARED)" >&2; exit 2; }
INPUT="$ROOT/src/sample/devset.jsonl"
if [[ -f "$ROOT/src/train/news-sentences.jsonl" ]]; then
  INPUT="$INPUT,$ROOT/src/train/news-sentences.jsonl"
fi
start=$(date +%s)
MIZAN_JAVA_OPTS="${MIZAN_JAVA_OPTS:--Xmx6g}" "$ROOT/jobs/mizan" train --output "$OUT" --master 'local[2]' \
  --input "$INPUT" --set model.mode=rules --set "train.un-quadclass-dir=\"$UN\""
echo "train-default: trained in $(( $(date +%s) - start )) s (wall, including the JVM start)"
mkdir -p "$ROOT/src/main/resources/mizan/model"
cp "$OUT/mizan-model.bin" "$ROOT/src/main/resources/mizan/model/default.bin"
cp "$OUT/training-report.json" "$ROOT/src/main/resources/mizan/model/training-report.json"
echo "train-default: wrote src/main/resources/mizan/model/default.bin ($(stat -c %s "$ROOT/src/main/resources/mizan/model/default.bin") bytes)"
