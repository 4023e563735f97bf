#!/usr/bin/env bash
# The Hadoop Streaming / Spark pipe() contract, simulated locally with the built binary:
#   split    the JSON Lines input into 3 line-aligned chunks (input splits);
#   map      `newsgraph extract -` on each chunk, stdin -> stdout: exit 0, stdout nothing but
#            JSON record lines (none holds a raw tab, so Hadoop's key is the whole line and the
#            value empty), stderr empty (not a terminal);
#   shuffle  as Hadoop does it: key = text before the first tab, partitioned over reducers,
#            sorted bytewise (LC_ALL=C sort); the reducer reads "KEY<TAB>VALUE" lines, here
#            "RECORD<TAB>" (an empty value still gets its separator);
#   reduce   `newsgraph merge -`; TextOutputFormat writes "LINE<TAB>" again;
# and the graph must equal `newsgraph build` of the same input (as a saved graph: merge of
# build's graph.json), with 1 reducer, and with 2 reducers whose outputs are merged once more.
# Also: a malformed input line makes the mapper exit 3 with the line named on stderr and the
# records of the good lines on stdout, and the counter wrapper in docs/scale.md turns that into
# a Hadoop counter (reporter:counter:...) and exit 0.
# Input: ../shared/dev/*/articles.jsonl plus samples/articles.jsonl (samples only without
# $NEWSGRAPH_SHARED_DIR/dev).
set -u
bin=${NEWSGRAPH:?NEWSGRAPH must point to the newsgraph binary}
src=${NEWSGRAPH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

shopt -s nullglob
inputs=()
[ -n "${NEWSGRAPH_SHARED_DIR:-}" ] && inputs=("$NEWSGRAPH_SHARED_DIR"/dev/*/articles.jsonl)
[ ${#inputs[@]} -eq 0 ] && echo "note: no \$NEWSGRAPH_SHARED_DIR/dev; samples only"
inputs+=("$src/samples/articles.jsonl")
cat "${inputs[@]}" >"$tmp/input.jsonl"
cd "$tmp" || exit 1

"$bin" build -q input.jsonl --json build.json || { echo "FAIL: build failed"; exit 1; }
"$bin" merge -q build.json -o expected.jsonl || { echo "FAIL: merge of build.json failed"; exit 1; }

# --- split and map ---------------------------------------------------------------------------
split -n l/3 -d input.jsonl split-
splits=(split-*)
[ ${#splits[@]} -eq 3 ] || fail "split made ${#splits[@]} chunks, not 3"
for s in "${splits[@]}"; do
  "$bin" extract - <"$s" >"$s.map" 2>"$s.err"
  rc=$?
  [ $rc -eq 0 ] || fail "mapper on $s exited $rc: $(head -c 300 "$s.err")"
  [ -s "$s.err" ] && fail "mapper on $s wrote to stderr: $(head -c 300 "$s.err")"
done
cat split-*.map >map.out
[ -s map.out ] || fail "the mappers wrote no records"
"$py" - map.out <<'PY' || fail "mapper output is not only relation records"
import json, sys
need = {"doc", "relation", "category", "subject", "object", "span", "rule"}
with open(sys.argv[1], "rb") as f:
    for n, line in enumerate(f, 1):
        assert line.endswith(b"\n"), f"line {n}: no newline at the end"
        assert b"\t" not in line, f"line {n}: a raw tab would split the Hadoop key: {line[:200]!r}"
        rec = json.loads(line)
        assert isinstance(rec, dict) and need <= rec.keys(), f"line {n}: not a record: {line[:200]!r}"
PY
# The same records as one process reading the whole file (the split changes nothing).
"$bin" extract -q input.jsonl >whole.out || fail "extract input.jsonl failed"
cmp -s <(sort map.out) <(sort whole.out) || fail "mapper records differ from extract of the whole input"

# --- shuffle and reduce ----------------------------------------------------------------------
# Map output KEY<TAB>VALUE: no tab, so KEY = the line and VALUE = "". Reducer input: KEY<TAB>.
sed 's/$/\t/' map.out >shuffled.unsorted
reduce() {  # input file -> output file; checks that stdout holds only saved-graph lines
  "$bin" merge - <"$1" >"raw-$2" 2>"err-$2"
  local rc=$?
  [ $rc -eq 0 ] || fail "reducer on $1 exited $rc: $(head -c 300 "err-$2")"
  "$py" -c '
import json, sys
for n, line in enumerate(open(sys.argv[1], "rb"), 1):
    obj = json.loads(line)
    assert isinstance(obj, dict), f"line {n}: not a JSON object"
    assert n > 1 or obj.get("newsgraph") == "graph", "line 1: not a saved-graph header"
' "raw-$2" || fail "reducer stdout on $1 is not a saved graph"
  sed 's/$/\t/' "raw-$2" >"$2"  # TextOutputFormat: KEY<TAB>(empty VALUE)
}
# One reducer: everything, sorted.
sort shuffled.unsorted >reduce-in-0
reduce reduce-in-0 part-00000
"$bin" merge -q part-00000 >final-1.jsonl || fail "merge of the reducer output failed"
cmp -s final-1.jsonl expected.jsonl || fail "1 reducer: graph differs from build: $(diff final-1.jsonl expected.jsonl | head -c 400)"
# The reducer's own stdout, tabs aside, is already that graph.
cmp -s raw-part-00000 expected.jsonl || fail "1 reducer: reducer output differs from build"

# Two reducers: hash-partitioned by key, each sorted; their outputs merged once more.
"$py" - shuffled.unsorted <<'PY' || fail "partitioning failed"
import sys, zlib
outs = [open(f"unsorted-{i}", "wb") for i in range(2)]
for line in open(sys.argv[1], "rb"):
    key = line.split(b"\t", 1)[0]
    outs[zlib.crc32(key) % 2].write(line)
PY
for i in 0 1; do
  [ -s "unsorted-$i" ] || fail "reducer $i got no records"
  sort "unsorted-$i" >"reduce-in-$i"
  reduce "reduce-in-$i" "part-r-0000$i"
done
"$bin" merge -q part-r-00001 part-r-00000 >final-2.jsonl || fail "merge of 2 reducer outputs failed"
cmp -s final-2.jsonl expected.jsonl || fail "2 reducers: graph differs from build: $(diff final-2.jsonl expected.jsonl | head -c 400)"
cat part-r-0000* | "$bin" merge -q - >final-2cat.jsonl || fail "merge - of concatenated outputs failed"
cmp -s final-2cat.jsonl expected.jsonl || fail "2 reducers, outputs concatenated on stdin: graph differs from build"

# --- a malformed line: exit 3, named on stderr, good lines still mapped ----------------------
{ head -n 1 input.jsonl; echo '{"id": "broken", "text": '; sed -n 2p input.jsonl; } >bad.jsonl
"$bin" extract - <bad.jsonl >bad.map 2>bad.err
rc=$?
[ $rc -eq 3 ] || fail "mapper on a malformed line exited $rc, expected 3"
grep -q ':2: invalid JSON' bad.err || fail "stderr does not name line 2: $(head -c 300 bad.err)"
head -n 2 input.jsonl | "$bin" extract -q - >good.map
cmp -s bad.map good.map || fail "records of the good lines differ when a malformed line sits between them"
# The counter wrapper of docs/scale.md: exit 3 -> a Hadoop counter and exit 0.
wrapper='newsgraph extract -q -; rc=$?; if [ $rc -eq 3 ]; then echo reporter:counter:newsgraph,input_skipped,1 >&2; exit 0; fi; exit $rc'
PATH="$(cd "$(dirname "$bin")" && pwd):$PATH" sh -c "$wrapper" <bad.jsonl >wrapped.map 2>wrapped.err
rc=$?
[ $rc -eq 0 ] || fail "counter wrapper exited $rc"
grep -qx 'reporter:counter:newsgraph,input_skipped,1' wrapped.err || fail "counter wrapper wrote no counter line: $(head -c 300 wrapped.err)"
cmp -s wrapped.map good.map || fail "counter wrapper changed the records"

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "ok: $(grep -c . input.jsonl) documents in 3 splits -> $(wc -l <map.out) records; 1 and 2 reducers give build's graph"
