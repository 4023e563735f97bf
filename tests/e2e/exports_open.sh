#!/usr/bin/env bash
# Builds a graph with the newsgraph binary from hand-written records whose names carry quotes,
# ampersands, angle brackets, newlines, backslashes, DOT keywords and diacritics; exports every
# format and opens each with a real consumer (tests/e2e/check_exports.py). Also checks that
# merge is order- and grouping-independent and that bad outputs fail cleanly.
set -euo pipefail
: "${NEWSGRAPH:?set NEWSGRAPH to the newsgraph binary}"
PY="${PYTHON:-/usr/bin/python3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

cat > a.jsonl <<'JSON'
{"doc":"d1","relation":"met_with","category":"meeting","symmetric":true,"subject":"Anna \"Ann\" O'Neil","object":"Smith & Wesson <Ltd>","evidence":"Anna \"Ann\" O'Neil met Smith & Wesson <Ltd> on Monday.","span":[0,55],"date":"2024-04-08","place":"Hanoi","rule":"t.meet"}
{"doc":"d1","relation":"phoned","category":"call","symmetric":true,"subject":"Line\nBreak","object":"Vương Đình Huệ","evidence":"Line\nBreak phoned Vương Đình Huệ.","span":[60,95],"date":"2024-04-08","place":null,"rule":"t.call"}
{"doc":"d2","relation":"met_with","category":"meeting","symmetric":true,"subject":"Vuong Dinh Hue","object":"Xi Jinping","evidence":"Vuong Dinh Hue met Xi Jinping in Beijing.","span":[0,40],"date":"2024-04-09","place":"Beijing","rule":"t.meet"}
this line is not JSON
JSON
cat > b.jsonl <<'JSON'
{"doc":"d3","relation":"met_with","category":"meeting","symmetric":true,"subject":"Xi Jinping","object":"VUONG DINH HUE","evidence":"Xi met Hue again.","span":[10,27],"date":"2024-05-01","place":null,"rule":"t.meet"}
{"doc":"d3","relation":"met_with","category":"meeting","symmetric":true,"subject":"node","object":"Back\\slash -- edge","evidence":"node met Back\\slash.","span":[0,20],"date":null,"place":null,"rule":"t.meet"}
{"doc":"d3","relation":"holds_office","category":"office","symmetric":false,"subject":"Xi Jinping","object":"general secretary of Communist Party of China","title":"general secretary","org":"Communist Party of China","former":false,"evidence":"Xi Jinping, general secretary of the Communist Party of China","span":[30,90],"date":"2024-05-01","place":null,"rule":"t.office"}
{"doc":"d4","relation":"holds_office","category":"office","symmetric":false,"subject":"Xi Jinping","object":"chairman of Communist Party of China","title":"chairman","org":"Communist Party of China","former":true,"evidence":"former chairman","span":[0,15],"date":"2023-01-02","place":null,"rule":"t.office"}
{"doc":"d4","relation":"holds_office","category":"office","symmetric":false,"subject":"Wang Yi","object":"Foreign Minister","title":"Foreign Minister","org":null,"former":false,"evidence":"Foreign Minister Wang Yi","span":[0,24],"date":null,"place":null,"rule":"t.office"}
{"doc":"d5","relation":"met_with","category":"meeting","symmetric":true,"subject":"Zoë \"Z\" Ångström & Co","object":"Tab\tName 🙂","evidence":"Zoë met\r\nTab.","span":[0,14],"date":"2024-06-30","place":null,"rule":"t.meet"}
JSON

# Malformed line: reported with FILE:LINE, skipped, exit status 3.
set +e
"$NEWSGRAPH" merge a.jsonl b.jsonl -o graph.jsonl 2> merge.err
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "merge with a malformed line exited $rc, expected 3"
grep -q "a.jsonl:4:" merge.err || fail "no a.jsonl:4: message: $(cat merge.err)"

# Order and grouping independence through the binary.
grep -v 'not JSON' a.jsonl > a.ok.jsonl
"$NEWSGRAPH" merge -q b.jsonl a.ok.jsonl -o ba.jsonl
"$NEWSGRAPH" merge -q a.ok.jsonl -o a.graph.jsonl
"$NEWSGRAPH" merge -q b.jsonl a.graph.jsonl -o incremental.jsonl
cat b.jsonl a.ok.jsonl | "$NEWSGRAPH" merge -q - > stdin.jsonl
cmp graph.jsonl ba.jsonl || fail "merge a b != merge b a"
cmp graph.jsonl incremental.jsonl || fail "merge (merge a) b != merge a b"
cmp graph.jsonl stdin.jsonl || fail "merge from stdin differs"

for fmt in graphml dot gexf json; do
  "$NEWSGRAPH" export graph.jsonl --format "$fmt" -o "graph.$fmt" 2>/dev/null || fail "export $fmt"
done
"$NEWSGRAPH" export graph.jsonl --format csv -o graph 2>/dev/null || fail "export csv"
# The JSON export is itself a graph: re-merging it changes nothing.
"$NEWSGRAPH" merge -q graph.json -o from_json.jsonl
cmp graph.jsonl from_json.jsonl || fail "graph.json does not read back as the same graph"

"$PY" "$HERE/check_exports.py" "$work"

# Bad outputs: clear error naming the path, exit 1, existing output untouched, no temp left.
cp graph.dot before.dot
mkdir adir
set +e
"$NEWSGRAPH" export graph.jsonl --format dot -o adir 2> err1; rc1=$?
"$NEWSGRAPH" export graph.jsonl --format dot -o /dev/full 2> err2; rc2=$?
"$NEWSGRAPH" export graph.jsonl --format dot -o no/such/dir/g.dot 2> err3; rc3=$?
set -e
[ "$rc1" -eq 1 ] && grep -q "adir: is a directory" err1 || fail "directory output: rc=$rc1 $(cat err1)"
[ "$rc2" -eq 1 ] && grep -q "/dev/full" err2 || fail "/dev/full output: rc=$rc2 $(cat err2)"
[ "$rc3" -eq 1 ] && grep -q "no/such/dir" err3 || fail "missing directory: rc=$rc3 $(cat err3)"
cmp graph.dot before.dot || fail "existing output changed"
if ls -a | grep -q '\.tmp$'; then fail "temporary file left behind: $(ls -a)"; fi

# Queries over the saved graph.
"$NEWSGRAPH" query graph.jsonl who-met "Vuong Dinh Hue" | grep -q "Xi Jinping" || fail "who-met"
"$NEWSGRAPH" query graph.jsonl path "Line Break" "Xi" --json | "$PY" -c 'import json,sys; d=json.load(sys.stdin); assert d["found"] and len(d["hops"]) == 2, d'
echo "exports_open: ok"
