#!/usr/bin/env bash
# The HTML map in a real browser: Debian's chromium, headless, driven by playwright-core (from
# web/package.json's devDependencies, installed by `npm ci` into BUILD/web at configure time).
#   1. the samples map: expected people drawn, search "Xi" highlights Vo Van Thuong, a click on
#      an edge shows its evidence, filters hide edges, no network request; screenshots saved
#      to BUILD/html_map_samples.png and BUILD/html_map_samples_evidence.png;
#   2. a generated 10,000-node / 50,000-edge map loads and stays responsive while its layout
#      runs (search answers within seconds, frames keep coming);
#   3. svg and png through Graphviz, and a clear message when Graphviz is missing.
# Fails (never skips) when chromium, node or playwright-core is missing: setup.sh installs them.
set -euo pipefail
: "${NEWSGRAPH:?set NEWSGRAPH to the newsgraph binary}"
PY="${PYTHON:-/usr/bin/python3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="${NEWSGRAPH_SOURCE_DIR:-$HERE/../..}"
BUILD="$(cd "$(dirname "$NEWSGRAPH")" && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
fail() { echo "FAIL: $*" >&2; exit 1; }

[ -x "$CHROMIUM" ] || fail "$CHROMIUM not found: apt-get install chromium (setup.sh does)"
command -v node >/dev/null || fail "node not found: apt-get install nodejs npm (setup.sh does)"
[ -d "$BUILD/web/node_modules/playwright-core" ] ||
  fail "$BUILD/web/node_modules/playwright-core missing: configure with node and npm (web/viewer.cmake runs npm ci)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# --- samples ---
"$NEWSGRAPH" build "$SRC/samples" -o out -q --html samples.html
[ -s samples.html ] || fail "build --html wrote nothing"
"$NEWSGRAPH" export out/graph.json --format html -o exported.html 2> export.err || fail "export --format html: $(cat export.err)"
cmp -s samples.html exported.html || fail "build --html and export --format html differ"
grep -q '<script type="application/json" id="newsgraph-data">' samples.html || fail "no inline graph data"
if grep -Eiq '<script[^>]+src=|<link[^>]+href=|https?://[^"]*\.(js|css)' samples.html; then
  fail "the page refers to an outside script or stylesheet"
fi

# --- 10,000 nodes, 50,000 edges ---
"$PY" - > big.jsonl <<'PY'
import json, random
rnd = random.Random(7)
n, m = 10000, 50000
cats = [("met_with", "meeting", True), ("phoned", "call", True), ("member_of", "membership", False),
        ("affiliated_with", "affiliation", False)]
name = lambda i: "Person %05d Q" % i
seen = set()
# Preferential attachment, so that there are hubs as in news: each new edge picks an end by
# degree half of the time.
ends = []
while len(seen) < m:
    k = len(seen)
    if k < n - 1:  # first a random tree, so that every node has an edge
        a, b = k + 1, rnd.randrange(k + 1)
    else:
        a = rnd.randrange(n) if rnd.random() < 0.5 else rnd.choice(ends)
        b = rnd.randrange(n)
    if a == b or (min(a, b), max(a, b)) in seen:
        continue
    seen.add((min(a, b), max(a, b)))
    ends += [a, b]
    rel, cat, sym = cats[rnd.randrange(4)]
    date = "20%02d-%02d-%02d" % (rnd.randrange(18, 25), rnd.randrange(1, 13), rnd.randrange(1, 29))
    doc = "gen%05d" % (len(seen) // 5)
    ev = "%s %s %s in a generated sentence." % (name(a), rel.replace("_", " "), name(b))
    print(json.dumps({"doc": doc, "relation": rel, "category": cat, "symmetric": sym, "subject": name(a),
                      "object": name(b), "evidence": ev, "span": [0, len(ev)], "date": date,
                      "place": None, "rule": "gen"}))
PY
"$NEWSGRAPH" merge big.jsonl -o big.graph 2> merge.err || fail "merge: $(cat merge.err)"
start=$(date +%s%N)
"$NEWSGRAPH" export big.graph --format html -o big.html 2> export.err || fail "export big: $(cat export.err)"
echo "html export of the 10k/50k graph: $((($(date +%s%N) - start) / 1000000)) ms, $(($(stat -c %s big.html) / 1024)) KiB"

# --- the browser ---
node "$HERE/html_map.mjs" "$CHROMIUM" "$work/samples.html" "$work/big.html" "$BUILD"

# --- svg and png through Graphviz ---
if command -v dot >/dev/null; then
  "$NEWSGRAPH" export out/graph.json --format svg -o map.svg 2> /dev/null || fail "export --format svg"
  grep -q "Vo Van Thuong" map.svg || fail "svg lacks a name"
  "$NEWSGRAPH" export out/graph.json -o map.png 2> /dev/null || fail "export map.png"
  [ "$(head -c 8 map.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "map.png is no PNG"
else
  echo "note: Graphviz not installed; svg/png rendering not checked" >&2
fi
mkdir nodot
ln -s "$(command -v cat)" nodot/cat
set +e
PATH="$work/nodot" "$NEWSGRAPH" export out/graph.json --format svg -o nodot.svg 2> nodot.err
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "svg without Graphviz exited $rc, expected 1"
grep -q "Graphviz is not installed" nodot.err || fail "no clear message without Graphviz: $(cat nodot.err)"
[ ! -e nodot.svg ] || fail "nodot.svg written without Graphviz"
echo "html_map: ok"
