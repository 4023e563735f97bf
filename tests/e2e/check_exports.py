#!/usr/bin/python3
"""Opens every newsgraph export with a real consumer and compares it with the saved graph.

usage: check_exports.py DIR
DIR holds graph.jsonl (the saved graph: the truth) and graph.graphml, graph.gexf, graph.json,
graph.dot, graph.nodes.csv, graph.edges.csv written from it by `newsgraph export`.

Consumers: NetworkX (read_graphml, read_gexf, node_link_graph), igraph (Graph.Read_GraphML),
Graphviz (`dot -Tsvg`, stderr must be empty) and Python's csv module. A missing consumer is a
failure, because the test setup installs them all, unless NEWSGRAPH_ALLOW_MISSING_TOOLS=1.
"""
import csv
import json
import math
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ALLOW_MISSING = os.environ.get("NEWSGRAPH_ALLOW_MISSING_TOOLS") == "1"
failures = []
skipped = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def missing(tool, why):
    if ALLOW_MISSING:
        skipped.append(tool)
        print(f"note: {tool} unavailable ({why}); skipped (NEWSGRAPH_ALLOW_MISSING_TOOLS=1)", file=sys.stderr)
    else:
        fail(f"{tool} is not installed for {sys.executable} ({why}); the test setup must install it "
             "(Debian: python3-networkx, python3-igraph, graphviz), or set NEWSGRAPH_ALLOW_MISSING_TOOLS=1")


def check(cond, msg):
    if not cond:
        fail(msg)
    return cond


# ---------------------------------------------------------------- the truth: the saved graph
def load_saved(path):
    nodes, edges = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if obj.get("kind") == "node":
                nodes[obj["key"]] = obj
            elif obj.get("kind") == "edge":
                edges.append(obj)
    return nodes, edges


def expected_aliases(node):
    return "; ".join(a for a in node["aliases"] if a != node["label"])


def evidence_text(edge):
    lines = []
    for ev in edge["evidence"]:
        head = ev["doc"] + (" " + ev["date"] if ev["date"] else "")
        lines.append(f"[{head}] {ev['text']}")
    return "\n".join(lines)


def edge_signature(a_label, b_label, relation, title, weight, first, last, docs, evidence):
    """Order-free for the endpoints: the exports are undirected."""
    return (tuple(sorted([a_label, b_label])), relation, title, int(weight), first or "", last or "", docs or "",
            evidence or "")


def expected_edges(nodes, edges):
    out = []
    for e in edges:
        out.append(edge_signature(nodes[e["source"]]["label"], nodes[e["target"]]["label"], e["relation"], e["title"],
                                  e["weight"], e["dates"][0] if e["dates"] else "",
                                  e["dates"][-1] if e["dates"] else "", "; ".join(e["docs"]), evidence_text(e)))
    return sorted(out)


def expected_metrics(nodes, edges, nx):
    """Degree etc. recomputed by NetworkX from the saved graph, to check newsgraph's analytics."""
    G = nx.MultiGraph()
    for k in nodes:
        G.add_node(k)
    for e in edges:
        G.add_edge(e["source"], e["target"], weight=e["weight"])
    bc = nx.betweenness_centrality(nx.Graph(G))
    comps = nx.number_connected_components(G)
    return {k: {"degree": G.degree(k), "weighted_degree": G.degree(k, weight="weight"), "betweenness": bc[k]}
            for k in nodes}, comps


def compare_nodes(fmt, got, nodes, metrics, n_components):
    """got: {label: attrs}. Values may come back as str, int or float depending on the reader."""
    check(len(got) == len(nodes), f"{fmt}: {len(got)} nodes, expected {len(nodes)}")
    by_label = {n["label"]: n for n in nodes.values()}
    check(len(by_label) == len(nodes), "test data has two nodes with one label")
    components = set()
    for label, attrs in got.items():
        if not check(label in by_label, f"{fmt}: unexpected node label {label!r}"):
            continue
        n = by_label[label]
        m = metrics[n["key"]]
        check(attrs.get("type") == n["type"], f"{fmt}: {label!r} type {attrs.get('type')!r} != {n['type']!r}")
        aliases = attrs.get("aliases") or ""
        if isinstance(aliases, list):
            aliases = "; ".join(aliases)
        check(aliases == expected_aliases(n), f"{fmt}: {label!r} aliases {aliases!r} != {expected_aliases(n)!r}")
        for k in ("mentions",):
            check(int(attrs.get(k, -1)) == n[k], f"{fmt}: {label!r} {k} {attrs.get(k)!r} != {n[k]}")
        for k in ("degree", "weighted_degree"):
            check(int(attrs.get(k, -1)) == m[k], f"{fmt}: {label!r} {k} {attrs.get(k)!r} != {m[k]} (NetworkX)")
        check(math.isclose(float(attrs.get("betweenness", -1)), m["betweenness"], abs_tol=1e-6),
              f"{fmt}: {label!r} betweenness {attrs.get('betweenness')!r} != {m['betweenness']} (NetworkX)")
        components.add(int(attrs.get("component", -1)))
    check(len(components) == n_components, f"{fmt}: {len(components)} component ids, NetworkX finds {n_components}")


def compare_edges(fmt, got, expected):
    got = sorted(got)
    check(len(got) == len(expected), f"{fmt}: {len(got)} edges, expected {len(expected)}")
    for g, e in zip(got, expected):
        if g != e:
            fail(f"{fmt}: edge differs:\n  got      {g!r}\n  expected {e!r}")
            break


def nx_edges(G, labels):
    out = []
    for u, v, d in G.edges(data=True):
        out.append(edge_signature(labels[u], labels[v], d.get("relation"), d.get("title") or "", d.get("weight"),
                                  d.get("first_date"), d.get("last_date"), d.get("docs"), d.get("evidence")))
    return out


# ---------------------------------------------------------------- consumers
def check_graphml_networkx(d, nodes, edges, nx, metrics, ncomp):
    G = nx.read_graphml(os.path.join(d, "graph.graphml"))
    labels = {n: a["label"] for n, a in G.nodes(data=True)}
    compare_nodes("graphml/networkx", {a["label"]: a for _, a in G.nodes(data=True)}, nodes, metrics, ncomp)
    compare_edges("graphml/networkx", nx_edges(G, labels), expected_edges(nodes, edges))
    for _, _, a in G.edges(data=True):
        check(isinstance(a.get("weight"), int), f"graphml/networkx: weight read as {type(a.get('weight'))}")
        check(isinstance(a.get("symmetric"), bool), "graphml/networkx: symmetric not read as boolean")
    for _, a in G.nodes(data=True):
        check(isinstance(a.get("betweenness"), float), "graphml/networkx: betweenness not read as float")


def check_graphml_igraph(d, nodes, edges, metrics, ncomp):
    import igraph
    g = igraph.Graph.Read_GraphML(os.path.join(d, "graph.graphml"))
    check(g.vcount() == len(nodes), f"graphml/igraph: {g.vcount()} vertices, expected {len(nodes)}")
    check(g.ecount() == len(edges), f"graphml/igraph: {g.ecount()} edges, expected {len(edges)}")
    check(not g.is_directed(), "graphml/igraph: read as directed")
    got = {}
    for v in g.vs:
        got[v["label"]] = {k: v[k] for k in g.vs.attributes()}
    compare_nodes("graphml/igraph", got, nodes, metrics, ncomp)
    labels = {v.index: v["label"] for v in g.vs}
    out = []
    for e in g.es:
        a = e.attributes()
        out.append(edge_signature(labels[e.source], labels[e.target], a["relation"], a["title"] or "", a["weight"],
                                  a["first_date"], a["last_date"], a["docs"], a["evidence"]))
    compare_edges("graphml/igraph", out, expected_edges(nodes, edges))


def check_gexf(d, nodes, edges, nx, metrics, ncomp):
    from networkx.readwrite import gexf as gx
    # NetworkX before 3.x knows GEXF 1.1draft and 1.2draft only; teach it the 1.3 namespace
    # (same element names) so it can read the file newsgraph writes for current Gephi.
    if not any(v.get("NS_GEXF") == "http://gexf.net/1.3" for v in gx.GEXF.versions.values()):
        gx.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    path = os.path.join(d, "graph.gexf")
    root = ET.parse(path).getroot()
    check(root.get("version") == "1.3", "gexf: version is not 1.3")
    for spell in root.iter("{http://gexf.net/1.3}spell"):
        check(spell.get("start") and spell.get("end"), "gexf: open spell (Gephi's timeline needs closed ones)")
    G = nx.read_gexf(path)
    labels = {n: a["label"] for n, a in G.nodes(data=True)}
    compare_nodes("gexf/networkx", {a["label"]: a for _, a in G.nodes(data=True)}, nodes, metrics, ncomp)
    compare_edges("gexf/networkx", nx_edges(G, labels), expected_edges(nodes, edges))
    # Spells: one closed [d, d] per distinct date of the edge.
    want = sorted(tuple(sorted([nodes[e["source"]]["label"], nodes[e["target"]]["label"]])) + (e["relation"], e["title"],
                  tuple(e["dates"])) for e in edges)
    got = sorted(tuple(sorted([labels[u], labels[v]])) + (a["relation"], a.get("title") or "",
                 tuple(s for s, _ in a.get("spells", []))) for u, v, a in G.edges(data=True))
    check(want == got, f"gexf: edge spells differ:\n  got {got}\n  want {want}")
    for _, _, a in G.edges(data=True):
        for s, e in a.get("spells", []):
            check(s == e, f"gexf: spell {s}..{e} is not one day")


def check_json(d, nodes, edges, nx, metrics, ncomp):
    with open(os.path.join(d, "graph.json"), encoding="utf-8") as f:
        data = json.load(f)
    G = nx.node_link_graph(data)
    check(G.is_multigraph() and not G.is_directed(), "json: not an undirected multigraph")
    check(set(G.nodes) == set(nodes), "json: node ids are not the entity keys")
    labels = {n: a["label"] for n, a in G.nodes(data=True)}
    compare_nodes("json/networkx", {a["label"]: a for _, a in G.nodes(data=True)}, nodes, metrics, ncomp)
    out = []
    for u, v, a in G.edges(data=True):
        ev = "\n".join(f"[{x['doc']}{' ' + x['date'] if x['date'] else ''}] {x['text']}" for x in a["evidence"])
        out.append(edge_signature(labels[u], labels[v], a["relation"], a["title"], a["weight"], a["first_date"],
                                  a["last_date"], "; ".join(a["docs"]), ev))
    compare_edges("json/networkx", out, expected_edges(nodes, edges))


def check_dot(d, nodes):
    dot = shutil.which("dot")
    if not dot:
        missing("graphviz dot", "not on PATH")
        return
    r = subprocess.run([dot, "-Tsvg", os.path.join(d, "graph.dot")], capture_output=True)
    check(r.returncode == 0, f"dot: exit status {r.returncode}")
    check(r.stderr == b"", f"dot: stderr not empty: {r.stderr.decode(errors='replace')!r}")
    svg = ET.fromstring(r.stdout)
    texts = [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    titles_text = "\n".join(texts)
    for n in nodes.values():
        # dot draws one <text> per label line; a name with a newline becomes two lines. The DOT
        # writer drops CR and turns other control characters (TAB) into spaces.
        for part in n["label"].replace("\r", "").replace("\t", " ").split("\n"):
            check(part.strip() == "" or part.strip() in titles_text, f"dot: label line {part!r} not in the SVG")
    check(svg.find(".//{http://www.w3.org/2000/svg}g[@class='graph']") is not None, "dot: no graph in SVG")


def check_csv(d, nodes, edges, metrics):
    node_cols = ["id:ID", ":LABEL", "label", "type", "aliases:string[]", "mentions:int", "degree:int",
                 "weighted_degree:int", "component:int", "betweenness:double"]
    edge_cols = [":START_ID", ":END_ID", ":TYPE", "id", "relation", "category", "symmetric:boolean", "title", "org",
                 "former:boolean", "weight:int", "first_date", "last_date", "docs:string[]", "evidence"]
    with open(os.path.join(d, "graph.nodes.csv"), newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        check(r.fieldnames == node_cols, f"csv nodes: columns {r.fieldnames}")
        rows = list(r)
    check(len(rows) == len(nodes), f"csv nodes: {len(rows)} rows, expected {len(nodes)}")
    for row in rows:
        n = nodes.get(row["id:ID"])
        if not check(n is not None, f"csv nodes: unknown id {row['id:ID']!r}"):
            continue
        check(row["label"] == n["label"], f"csv nodes: label {row['label']!r} != {n['label']!r}")
        check(row[":LABEL"] == n["type"].capitalize(), f"csv nodes: :LABEL {row[':LABEL']!r}")
        want_aliases = ";".join(a for a in n["aliases"] if a != n["label"])
        check(row["aliases:string[]"] == want_aliases, f"csv nodes: aliases {row['aliases:string[]']!r}")
        check(int(row["degree:int"]) == metrics[n["key"]]["degree"], f"csv nodes: degree of {n['label']!r}")
    with open(os.path.join(d, "graph.edges.csv"), newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        check(r.fieldnames == edge_cols, f"csv edges: columns {r.fieldnames}")
        rows = list(r)
    check(len(rows) == len(edges), f"csv edges: {len(rows)} rows, expected {len(edges)}")
    want = sorted((e["source"], e["target"], e["relation"].upper(), e["title"], str(e["weight"]), evidence_text(e))
                  for e in edges)
    got = sorted((row[":START_ID"], row[":END_ID"], row[":TYPE"], row["title"], row["weight:int"], row["evidence"])
                 for row in rows)
    check(want == got, f"csv edges differ:\n  got {got}\n  want {want}")


def main():
    d = sys.argv[1]
    nodes, edges = load_saved(os.path.join(d, "graph.jsonl"))
    check(len(nodes) > 0 and len(edges) > 0, "empty saved graph")
    try:
        import networkx as nx
    except ImportError as e:
        nx = None
        missing("networkx", e)
    metrics = ncomp = None
    if nx:
        metrics, ncomp = expected_metrics(nodes, edges, nx)
        check_graphml_networkx(d, nodes, edges, nx, metrics, ncomp)
        check_gexf(d, nodes, edges, nx, metrics, ncomp)
        check_json(d, nodes, edges, nx, metrics, ncomp)
        try:
            import igraph  # noqa: F401
            check_graphml_igraph(d, nodes, edges, metrics, ncomp)
        except ImportError as e:
            missing("igraph", e)
        check_csv(d, nodes, edges, metrics)
    check_dot(d, nodes)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print(f"all exports open: {len(nodes)} nodes, {len(edges)} edges"
          + (f" (skipped: {', '.join(skipped)})" if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
