#!/usr/bin/env bash
# Regenerates the numbers in benchmarks/scale-results.txt (local[2]; run on a quiet machine, it takes a long time).
#   benchmarks/run-scale.sh WORKDIR
# 1. generate 1,000,000 articles (seed 42) once. Article i depends only on (seed, i) and every file holds 25,000
#    articles, so the first 4 / 8 / 16 files of it ARE the 100k / 200k / 400k corpora of the same seed (symlinked).
# 2. bench on 200k (the ratios); 3. score on 100k and 400k (linearity); 4. score on 1M with a 1 GB heap (memory).
# In local mode the driver is the executor (one JVM), so spark.driver.memory=1g and a 2 GB executor heap cannot be
# set apart: the JVM heap is the only knob (MIZAN_JAVA_OPTS=-Xmx…), and the 1M run uses the smaller of the two, 1 GB.
set -euo pipefail
W="${1:?usage: benchmarks/run-scale.sh WORKDIR}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
M="$ROOT/jobs/mizan"
mkdir -p "$W"
t() { local s; s=$(date +%s.%N); "$@"; echo "wall_s $(echo "$(date +%s.%N) - $s" | bc)"; }
[[ -f "$W/c1m/_SUCCESS" ]] || MIZAN_JAVA_OPTS=-Xmx2g t "$M" generate --output "$W/c1m" --articles 1000000 --seed 42 --master 'local[2]'
for n in 4 8 16; do
  d="$W/c$((n * 25))k"; mkdir -p "$d"
  for f in $(ls "$W"/c1m/part-* | head -"$n"); do ln -sf "$f" "$d/"; done
done
uptime
MIZAN_JAVA_OPTS=-Xmx4g t "$M" bench --input "$W/c200k" --output "$W/b200k" --master 'local[2]'
uptime
MIZAN_JAVA_OPTS=-Xmx4g t "$M" score --input "$W/c100k" --output "$W/s100k" --master 'local[2]'
uptime
MIZAN_JAVA_OPTS=-Xmx4g t "$M" score --input "$W/c400k" --output "$W/s400k" --master 'local[2]'
uptime
# the GC log gives the peak heap: the largest "after" figure of the young pauses (grep 'Pause Young' W/gc-1m.log)
MIZAN_JAVA_OPTS="-Xmx1g -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$W -Xlog:gc:file=$W/gc-1m.log" \
  t "$M" score --input "$W/c1m" --output "$W/s1m" --master 'local[2]' --conf spark.driver.memory=1g
uptime
# (The cheap repro of the old out-of-memory in the persisted cache was 100k articles with -Xmx512m: before the fix it
# died in the analysis after 3.5 min; after it the analysis passes but 512 MB is too small for the table writes.)
