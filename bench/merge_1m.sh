#!/usr/bin/env bash
# Merge benchmark: 1 million relation records into one graph, written as GraphML.
#
#   bench/merge_1m.sh [RECORDS]      (default 1000000; bench/run.sh runs it last)
#
# Generates RECORDS synthetic records (bench/gen_records.py: ~50k persons, mixed categories,
# deterministic) in a temporary directory and measures, best of $REPEAT runs (default 2):
#   merge            newsgraph merge records.jsonl -o graph.jsonl   (the reduce step)
#   export graphml   newsgraph export graph.jsonl -o graph.graphml  (analytics + GraphML)
#   merge+graphml    the sum of the two: records in, GraphML out
# with /usr/bin/time -v for peak RSS. Environment as for bench/run.sh (BUILD_DIR, REPEAT,
# SKIP_BUILD, KEEP, TMPDIR).
set -euo pipefail

N=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$root/build-bench}
REPEAT=${REPEAT:-2}
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}
note() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake -S "$root" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DNEWSGRAPH_BENCH=ON >/dev/null
  cmake --build "$BUILD_DIR" --target newsgraph -- -j"$(nproc)" >&2
fi
NG=$BUILD_DIR/newsgraph
[[ -x $NG ]] || die "$NG not built"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-merge.XXXXXX")
if [[ "${KEEP:-0}" == 1 ]]; then note "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
note "generating $N records"
"$PYTHON" "$here/gen_records.py" "$N" "$tmp/records.jsonl"
mb=$(awk -v b="$(stat -c %s "$tmp/records.jsonl")" 'BEGIN { printf "%.0f", b / 1e6 }')

# run NAME CMD...: best wall seconds and highest peak RSS (MB) over $REPEAT runs -> "wall rss".
run() {
  local name=$1 best="" rss=0 status=0
  shift
  for ((r = 1; r <= REPEAT; r++)); do
    local t0 t1 wall m
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$tmp/time.txt" "$@" || status=$?
    t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    m=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$tmp/time.txt")
    note "$name run $r: ${wall}s, ${m} MB peak RSS, exit $status"
    [[ $status == 0 ]] || { echo "FAILED $status"; return; }
    if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
    ((m > rss)) && rss=$m
  done
  echo "$best $rss"
}

merge=$(run merge "$NG" merge -q "$tmp/records.jsonl" -o "$tmp/graph.jsonl")
if [[ $merge == FAILED* ]]; then
  export_=$merge
else
  export_=$(run "export graphml" "$NG" export "$tmp/graph.jsonl" -o "$tmp/graph.graphml")
fi
summary=""
[[ -s $tmp/graph.graphml ]] && summary=" GraphML: $(grep -c '<node ' "$tmp/graph.graphml") nodes, $(grep -c '<edge ' "$tmp/graph.graphml") edges, $(awk -v b="$(stat -c %s "$tmp/graph.graphml")" 'BEGIN { printf "%.0f", b / 1e6 }') MB."

echo "Merge: $N synthetic records ($mb MB, bench/gen_records.py), best of $REPEAT runs.$summary"
echo "Command: bench/merge_1m.sh $N"
echo
echo "| step | seconds | peak RSS MB |"
echo "|---|---:|---:|"
row() {
  if [[ $2 == FAILED* ]]; then echo "| $1 | $2 | - |"; else echo "| $1 | ${2% *} | ${2#* } |"; fi
}
row "merge (records -> saved graph)" "$merge"
row "export graphml (saved graph -> GraphML)" "$export_"
if [[ $merge != FAILED* && $export_ != FAILED* ]]; then
  total=$(awk -v a="${merge% *}" -v b="${export_% *}" 'BEGIN { printf "%.2f", a + b }')
  peak=$(( ${merge#* } > ${export_#* } ? ${merge#* } : ${export_#* } ))
  echo "| merge + graphml | $total | $peak |"
fi
