#!/usr/bin/env bash
# The README's main job on the samples: `newsgraph build samples/` must find the meetings
# Xi Jinping - Vo Van Thuong and Xi Jinping - Vuong Dinh Hue and Vuong Dinh Hue's office, and
# write a GraphML that NetworkX opens and a DOT file.
set -euo pipefail
: "${NEWSGRAPH:?} ${NEWSGRAPH_SOURCE_DIR:?} ${PYTHON:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$NEWSGRAPH" extract "$NEWSGRAPH_SOURCE_DIR/samples/" -o "$tmp/records.jsonl"
"$PYTHON" - "$tmp/records.jsonl" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
pairs = {(r["relation"], frozenset((r["subject"], r["object"]))) for r in recs if r["category"] in ("meeting", "call")}
need = [("met_with", frozenset(("Xi Jinping", "Vo Van Thuong"))), ("met_with", frozenset(("Xi Jinping", "Vuong Dinh Hue")))]
for n in need:
    assert n in pairs, f"missing meeting {sorted(n[1])}; found {sorted(map(sorted, (p[1] for p in pairs)))}"
offices = [(r["subject"], r["title"], r["org"]) for r in recs if r["category"] == "office"]
assert ("Vuong Dinh Hue", "chairman", "National Assembly of Vietnam") in offices, offices
assert all(r["span"][0] < r["span"][1] and r["evidence"] for r in recs)
print(f"ok: {len(recs)} records")
PY

out="$tmp/out"
"$NEWSGRAPH" build "$NEWSGRAPH_SOURCE_DIR/samples/" -o "$out" > "$tmp/summary.txt"
grep -q "documents read: 2" "$tmp/summary.txt" || { cat "$tmp/summary.txt"; echo "summary does not report 2 documents"; exit 1; }
test -s "$out/graph.graphml" && test -s "$out/graph.dot"
"$PYTHON" - "$out/graph.graphml" <<'PY'
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
labels = {d.get("label") for _, d in g.nodes(data=True)}
for name in ("Xi Jinping", "Vo Van Thuong", "Vuong Dinh Hue"):
    assert name in labels, f"{name} not in the GraphML"
print(f"ok: GraphML with {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
PY
