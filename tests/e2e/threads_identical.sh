#!/usr/bin/env bash
# Differential test: the number of threads never changes the output. `newsgraph extract -j1`
# and `-j4` (and -j3, and the default, all cores) must write byte-identical records on a few MB
# of articles (more documents than one batch of the pipeline, so batches and the order of
# completion vary); so must `newsgraph build` (graph.json) with -j1 and -j4. Also checks that
# nothing is written to stderr when it is not a terminal (no progress output in pipelines).
#
# Input: ../shared/dev/*/articles.jsonl, or, when $NEWSGRAPH_SHARED_DIR/dev is missing, the
# project's samples/articles.jsonl, repeated with varied ids to $THREADS_TEST_MB (default 3).
# Env (set by ctest): NEWSGRAPH, NEWSGRAPH_SOURCE_DIR, NEWSGRAPH_SHARED_DIR, PYTHON.
set -u
bin=${NEWSGRAPH:?NEWSGRAPH must point to the newsgraph binary}
src=${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
py=${PYTHON:-python3}
mb=${THREADS_TEST_MB:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
inputs=()
if [ -n "${NEWSGRAPH_SHARED_DIR:-}" ] && [ -d "$NEWSGRAPH_SHARED_DIR/dev" ]; then
  inputs=("$NEWSGRAPH_SHARED_DIR"/dev/*/articles.jsonl)
fi
if [ ${#inputs[@]} -eq 0 ]; then
  echo "note: no \$NEWSGRAPH_SHARED_DIR/dev articles; using $src/samples/articles.jsonl"
  inputs=("$src/samples/articles.jsonl")
fi
"$py" "$src/bench/make_corpus.py" "$mb" "$tmp/in.jsonl" "${inputs[@]}" || { echo "FAIL: cannot write the input"; exit 1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# extract with -j N (or default when N is empty) -> $tmp/extract-N.jsonl; stderr must stay empty.
extract() {
  local n=$1 args=()
  [ -n "$n" ] && args=(-j "$n")
  "$bin" extract "${args[@]}" "$tmp/in.jsonl" >"$tmp/extract-${n:-default}.jsonl" 2>"$tmp/err-${n:-default}"
  local rc=$?
  [ $rc -eq 0 ] || fail "extract ${args[*]} exited $rc: $(head -c 300 "$tmp/err-${n:-default}")"
  [ -s "$tmp/err-${n:-default}" ] && fail "extract ${args[*]} wrote to stderr (not a terminal): $(head -c 300 "$tmp/err-${n:-default}")"
}
extract 1
extract 4
extract 3
extract ""
lines=$(wc -l <"$tmp/extract-1.jsonl")
[ "$lines" -gt 0 ] || fail "extract -j1 wrote no records"
for n in 4 3 default; do
  cmp -s "$tmp/extract-1.jsonl" "$tmp/extract-$n.jsonl" ||
    fail "extract -j1 and -j$n differ: $(diff "$tmp/extract-1.jsonl" "$tmp/extract-$n.jsonl" | head -c 400)"
done
# Standard input streams the same documents: the same records.
"$bin" extract -j4 - <"$tmp/in.jsonl" >"$tmp/extract-stdin.jsonl" 2>/dev/null || fail "extract -j4 - failed"
cmp -s "$tmp/extract-1.jsonl" "$tmp/extract-stdin.jsonl" || fail "extract -j4 from stdin differs from extract -j1 FILE"

if "$bin" build --help >/dev/null 2>&1; then
  for n in 1 4; do
    "$bin" build -q -j "$n" "$tmp/in.jsonl" --json "$tmp/graph-$n.json" >/dev/null 2>"$tmp/build-err-$n" ||
      fail "build -j$n failed: $(head -c 300 "$tmp/build-err-$n")"
  done
  cmp -s "$tmp/graph-1.json" "$tmp/graph-4.json" || fail "build -j1 and -j4 graphs differ"
else
  fail "newsgraph has no build command"
fi

docs=$(grep -c . "$tmp/in.jsonl")
if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "ok: $docs documents, $lines records, identical for -j1, -j3, -j4, default, stdin; build -j1 = -j4"
