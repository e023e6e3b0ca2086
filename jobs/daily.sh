#!/usr/bin/env bash
# The daily Mizan job, for cron and other schedulers: runs `jobs/mizan run` for the dates not yet processed.
#
# Usage: jobs/daily.sh [--input PATH] [--output DIR] [--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD]
#                      [--state-dir DIR] [--force] [-- OPTIONS FOR jobs/mizan run ...]
#
#   --input, --output  default to $MIZAN_INPUT and $MIZAN_OUTPUT (any Hadoop URI Mizan can read and write).
#   --date D           one day; default: yesterday (UTC).
#   --from A --to B    a range (inclusive) to backfill.
#   --state-dir DIR    where the per-date markers and the lock live; default DIR/_state when --output is a local
#                      path ($MIZAN_STATE_DIR otherwise; required for hdfs://, s3a://, ... outputs).
#   --force            process the dates again even if they are marked as processed.
#   after --            options handed to `jobs/mizan run` (e.g. --input-format json, --conf conf/cluster.conf,
#                      --master yarn --deploy-mode cluster; SPARK_HOME decides spark-submit or embedded mode).
#
# A date counts as processed once `jobs/mizan run` covering it exited 0 (its tables were committed, _manifest.json
# written): the marker STATE/processed/D is written then. Dates not yet processed are run as few contiguous ranges
# (one `run --from A --to B` each), oldest first; already processed dates are skipped, so running twice is safe.
# A lock (STATE/lock, flock) keeps two daily.sh from working on the same output at once.
#
# Exit status: 0 done (or nothing to do); 1 a run failed (the dates before it stay processed; rerun to resume);
#              2 usage error; 3 another daily.sh holds the lock.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MIZAN="${MIZAN_LAUNCHER:-$ROOT/jobs/mizan}"

say() { echo "daily.sh: $*" >&2; }
usage() { say "$*"; say "usage: jobs/daily.sh [--input PATH] [--output DIR] [--date D | --from D --to D] [--state-dir DIR] [--force] [-- mizan options]"; exit 2; }

input="${MIZAN_INPUT:-}"
output="${MIZAN_OUTPUT:-}"
state="${MIZAN_STATE_DIR:-}"
day=""
from=""
to=""
force=0
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --input|--output|--date|--from|--to|--state-dir)
      [[ $# -ge 2 ]] || usage "option $1 needs a value"
      case "$1" in
        --input) input="$2" ;; --output) output="$2" ;; --date) day="$2" ;;
        --from) from="$2" ;; --to) to="$2" ;; --state-dir) state="$2" ;;
      esac
      shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) usage "unknown option $1" ;;
  esac
done

[[ -n "$input" ]] || usage "no input: give --input PATH or set MIZAN_INPUT"
[[ -n "$output" ]] || usage "no output: give --output DIR or set MIZAN_OUTPUT"

iso() { # prints the date if $1 is a valid yyyy-MM-dd, else fails
  [[ "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || return 1
  local d
  d="$(date -u -d "$1" +%F 2>/dev/null)" || return 1
  [[ "$d" == "$1" ]] && echo "$d"
}

if [[ -n "$day" && ( -n "$from" || -n "$to" ) ]]; then usage "give --date or --from/--to, not both"; fi
if [[ -n "$from" || -n "$to" ]]; then
  [[ -n "$from" && -n "$to" ]] || usage "--from and --to go together"
else
  [[ -n "$day" ]] || day="$(date -u -d yesterday +%F)"
  from="$day"; to="$day"
fi
iso "$from" >/dev/null || usage "--from/--date \"$from\" is not a date (yyyy-MM-dd)"
iso "$to" >/dev/null || usage "--to \"$to\" is not a date (yyyy-MM-dd)"
[[ ! "$to" < "$from" ]] || usage "--to $to is before --from $from"

if [[ -z "$state" ]]; then
  case "$output" in
    file://*) state="${output#file://}/_state" ;;
    *://*) usage "--output $output is not a local path: give --state-dir DIR (or MIZAN_STATE_DIR) for the markers and the lock" ;;
    *) state="$output/_state" ;;
  esac
fi
mkdir -p "$state/processed" || { say "cannot create the state directory $state/processed"; exit 1; }

# One daily.sh per output at a time.
if command -v flock >/dev/null 2>&1; then
  exec 9>>"$state/lock"
  if ! flock -n 9; then
    say "another daily.sh is running on $output (lock $state/lock is held); nothing done"
    exit 3
  fi
else
  if ! mkdir "$state/lock.d" 2>/dev/null; then
    say "another daily.sh is running on $output (lock $state/lock.d exists: $(cat "$state/lock.d/pid" 2>/dev/null || echo '?')); nothing done"
    exit 3
  fi
  echo $$ > "$state/lock.d/pid"
  trap 'rm -rf "$state/lock.d"' EXIT
fi

# The dates to process, grouped into contiguous ranges.
ranges=()
start=""
prev=""
d="$from"
while [[ ! "$d" > "$to" ]]; do
  if [[ $force == 1 || ! -f "$state/processed/$d" ]]; then
    if [[ -n "$start" && "$(date -u -d "$prev + 1 day" +%F)" == "$d" ]]; then
      prev="$d"
    else
      [[ -n "$start" ]] && ranges+=("$start:$prev")
      start="$d"; prev="$d"
    fi
  else
    say "$d already processed ($(head -n1 "$state/processed/$d")); skipped"
  fi
  d="$(date -u -d "$d + 1 day" +%F)"
done
[[ -n "$start" ]] && ranges+=("$start:$prev")

if [[ ${#ranges[@]} -eq 0 ]]; then
  say "nothing to do: every date in $from..$to is processed (markers in $state/processed; --force to redo)"
  exit 0
fi

for r in "${ranges[@]}"; do
  a="${r%%:*}"; b="${r##*:}"
  say "running: $MIZAN run --input $input --output $output --from $a --to $b ${extra[*]+${extra[*]}}"
  started="$(date -u +%FT%TZ)"
  status=0
  "$MIZAN" run --input "$input" --output "$output" --from "$a" --to "$b" ${extra[@]+"${extra[@]}"} || status=$?
  if [[ $status -ne 0 ]]; then
    say "FAILED: jobs/mizan run --from $a --to $b exited with status $status; those dates stay unprocessed (rerun to resume)"
    exit 1
  fi
  d="$a"
  while [[ ! "$d" > "$b" ]]; do
    printf 'processed %s by run --from %s --to %s started %s finished %s\n' "$d" "$a" "$b" "$started" \
      "$(date -u +%FT%TZ)" > "$state/processed/.$d.tmp"
    mv -f "$state/processed/.$d.tmp" "$state/processed/$d"
    d="$(date -u -d "$d + 1 day" +%F)"
  done
  say "done: $a..$b"
done
exit 0
