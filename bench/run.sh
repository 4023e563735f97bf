#!/usr/bin/env bash
# Throughput and memory benchmark of newsgraph. Not a test: it measures, it does not judge.
#
#   bench/run.sh [SIZE_MB]          (default 200; use 1000 to check peak RSS on a 1 GB input)
#
# Builds newsgraph and bench/re2_scan in Release (in $BUILD_DIR, default build-bench), writes a
# corpus of SIZE_MB of JSON Lines from ../shared/dev/*/articles.jsonl (every copy of an article
# has its own id) into a temporary directory, then measures on those same bytes:
#   cat > /dev/null           the cost of reading the input at all
#   re2_scan                  one case-insensitive RE2 over the bytes for the rules' trigger words
#   newsgraph extract -j1/-j2 records to a file in the temporary directory
#   newsgraph build   -j1/-j2 graph.graphml, graph.dot, graph.json in the temporary directory
# and finally bench/merge_1m.sh (1M synthetic records -> merge -> GraphML), unless SKIP_MERGE=1.
# Every measurement runs $REPEAT times (default 2); the table shows the best wall time (with
# that run's CPU time) and the highest peak RSS seen (/usr/bin/time -v). On a shared machine
# wall time depends on the other load; "MB per CPU-s" (input MB / user+system seconds) does not
# much, and is the per-core speed to compare with the targets.
#
# Caveat: the corpus repeats a small set of articles, so RE2's lazily built DFA states are
# all warm after the first copy. Real news, where most sentences are new, costs more in RE2
# (docs/performance.md measures the difference).
#
# Environment: BUILD_DIR, SHARED_DIR (default ../shared), REPEAT, SKIP_BUILD=1 (use
# $BUILD_DIR/newsgraph as it is), SKIP_MERGE=1, KEEP=1 (keep the temporary directory),
# TMPDIR (where the corpus goes; it needs SIZE_MB of free space plus the outputs).
# Output: a Markdown table on stdout; progress notes on stderr.
set -euo pipefail

SIZE_MB=${1:-200}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$root/build-bench}
SHARED_DIR=${SHARED_DIR:-$root/../shared}
REPEAT=${REPEAT:-2}
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}

note() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
shopt -s nullglob
articles=("$SHARED_DIR"/dev/*/articles.jsonl)
[[ ${#articles[@]} -gt 0 ]] || die "no $SHARED_DIR/dev/*/articles.jsonl (set SHARED_DIR)"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  note "building Release in $BUILD_DIR"
  cmake -S "$root" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DNEWSGRAPH_BENCH=ON >/dev/null
  cmake --build "$BUILD_DIR" --target newsgraph re2_scan -- -j"$(nproc)" >&2
fi
NG=$BUILD_DIR/newsgraph
SCAN=$BUILD_DIR/bench/re2_scan
[[ -x $NG ]] || die "$NG not built"
[[ -x $SCAN ]] || die "$SCAN not built (configure with -DNEWSGRAPH_BENCH=ON)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench.XXXXXX")
if [[ "${KEEP:-0}" == 1 ]]; then note "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi

corpus=$tmp/corpus.jsonl
note "writing a $SIZE_MB MB corpus from ${#articles[@]} article files"
"$PYTHON" "$here/make_corpus.py" "$SIZE_MB" "$corpus" "${articles[@]}"
bytes=$(stat -c %s "$corpus")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

# measure NAME THREADS CMD...: runs CMD $REPEAT times; records best wall seconds, its CPU
# seconds, and the highest peak RSS (MB) in $tmp/results.
measure() {
  local name=$1 threads=$2
  shift 2
  local best="" best_cpu="" rss=0
  for ((r = 1; r <= REPEAT; r++)); do
    local t0 t1 wall cpu m
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$tmp/time.txt" "$@" || die "$name failed (exit $?): $*"
    t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$tmp/time.txt")
    m=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$tmp/time.txt")
    note "$name run $r: ${wall}s wall, ${cpu}s CPU, ${m} MB peak RSS"
    if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall
      best_cpu=$cpu
    fi
    ((m > rss)) && rss=$m
  done
  echo "$name|$threads|$best|$best_cpu|$rss" >>"$tmp/results"
}

: >"$tmp/results"
measure "cat > /dev/null" 1 sh -c 'cat "$1" > /dev/null' sh "$corpus"
measure "re2_scan (trigger words)" 1 sh -c '"$1" "$2" > /dev/null' sh "$SCAN" "$corpus"
measure "extract -j1" 1 sh -c '"$1" extract -q -j1 "$2" > "$3"' sh "$NG" "$corpus" "$tmp/records.jsonl"
records=$(wc -l <"$tmp/records.jsonl")
cp "$tmp/records.jsonl" "$tmp/records-j1.jsonl"
measure "extract -j2" 2 sh -c '"$1" extract -q -j2 "$2" > "$3"' sh "$NG" "$corpus" "$tmp/records.jsonl"
if cmp -s "$tmp/records.jsonl" "$tmp/records-j1.jsonl"; then same="identical"; else same="DIFFERENT"; fi
rm -f "$tmp/records-j1.jsonl"
build_ok=1
if "$NG" build --help >/dev/null 2>&1; then
  measure "build -j1" 1 "$NG" build -q -j1 "$corpus" -o "$tmp/out" || build_ok=0
  measure "build -j2" 2 "$NG" build -q -j2 "$corpus" -o "$tmp/out" || build_ok=0
else
  note "newsgraph has no build command: build not measured"
  build_ok=0
fi

# The table: MB/s over the corpus; per core = MB/s / threads; ratios against the references.
echo
echo "Input: $mb MB of JSON Lines ($records relation records extracted; -j1 and -j2 outputs $same)."
echo "Best of $REPEAT runs each (wall time); peak RSS is the highest of the runs."
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(date -u +%Y-%m-%d)."
echo "Command: bench/run.sh $SIZE_MB"
echo
awk -F'|' -v bytes="$bytes" '
  { name[NR] = $1; th[NR] = $2; wall[NR] = $3; cpu[NR] = $4; rss[NR] = $5; idx[$1] = NR }
  END {
    printf "| step | threads | wall s | MB/s | MB/s per core | CPU s | MB per CPU-s | peak RSS MB | wall / cat | wall / re2_scan |\n"
    printf "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    c = wall[idx["cat > /dev/null"]]; s = wall[idx["re2_scan (trigger words)"]]
    for (i = 1; i <= NR; i++) {
      mbs = (wall[i] > 0) ? bytes / 1e6 / wall[i] : 0
      printf "| %s | %d | %.2f | %.1f | %.1f | %.2f | %.1f | %d | %.1f | %.1f |\n", name[i], th[i], wall[i], mbs, mbs / th[i],
             cpu[i], (cpu[i] > 0 ? bytes / 1e6 / cpu[i] : 0), rss[i], (c > 0 ? wall[i] / c : 0), (s > 0 ? wall[i] / s : 0)
    }
    printf "\n"
    for (k = 0; k < 2; k++) {
      step = k == 0 ? "extract" : "build"
      a = idx[step " -j1"]; b = idx[step " -j2"]
      if (a && b && wall[b] > 0) printf "Speed-up of %s from 1 to 2 threads: %.2fx\n", step, wall[a] / wall[b]
    }
  }' "$tmp/results"
[[ $build_ok == 1 ]] || echo "build: not measured or failed (see stderr)"

if [[ "${SKIP_MERGE:-0}" != 1 ]]; then
  echo
  SKIP_BUILD=1 BUILD_DIR=$BUILD_DIR REPEAT=$REPEAT TMPDIR=$tmp "$here/merge_1m.sh"
fi
