// Exporters: one file per format, each reading only the graph (never the text).
//
//   ExportInput in(graph);                 // canonical order + node metrics, computed once
//   write_graphml(in, std::cout);
//   write_format(in, "gexf", "out/graph.gexf");   // via AtomicFile
//
// Every writer is deterministic: equal graphs give byte-identical files, whatever order the
// graph was merged in. Vertices are written in key order with ids n0, n1, ... (XML and DOT)
// or with their key as id (JSON, CSV); edges in canonical order with ids e0, e1, ....
//
// Attributes common to all formats:
//   node: label, type (person|organisation|office), aliases (other spellings; "; "-joined in
//         GraphML/GEXF/CSV, a list in JSON), mentions, degree, weighted_degree, component,
//         betweenness (see graph/analytics.h)
//   edge: relation, category, symmetric, title, org ("" when none), former, weight,
//         first_date, last_date ("" when undated), docs ("; "-joined), evidence (one
//         "[doc date] sentence" per line)
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/analytics.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {

struct ExportInput {
  // Copies `g` into canonical order and computes the metrics (betweenness is O(V*E)). The
  // rvalue form takes the graph over: no copy at all when it is canonical already (a loaded
  // saved graph), which halves the memory of `newsgraph export`.
  explicit ExportInput(const KnowledgeGraph& g);
  explicit ExportInput(KnowledgeGraph&& g);
  KnowledgeGraph graph;              // canonical: vertex i has the i-th smallest key
  std::vector<NodeMetrics> metrics;  // by vertex
  std::vector<Edge> edges;           // canonical order; edge i has id "e<i>"
  bool exact_betweenness = true;     // false: estimated (see graph/analytics.h); callers say so
};

// GraphML with typed <key>s (int, double, boolean, string only: older NetworkX rejects
// "long"), each with for="node"/"edge", declared in the order <data> elements are written.
void write_graphml(const ExportInput& in, std::ostream& out);

// Graphviz DOT (undirected), every id and string quoted and escaped, one colour per category.
void write_dot(const ExportInput& in, std::ostream& out);
// dot's layout becomes unusably slow past about this many nodes; callers warn above it.
constexpr std::size_t kDotNodeLimit = 1000;

// GEXF 1.3, dynamic with timeformat="date": every dated edge has one closed spell per distinct
// date (start == end), every node one spell from its first to its last dated edge. Undated
// elements carry no spell (Gephi shows them at all times).
void write_gexf(const ExportInput& in, std::ostream& out);

// JSON node-link data as networkx.node_link_graph() reads it: {"directed":false,
// "multigraph":true,"graph":{...},"nodes":[{"id":key,...}],"links":[{"source","target",
// "key":"e<i>",...}]}, all on one line. Lossless: KnowledgeGraph reads it back as a saved
// graph, so the build's graph.json is both the JSON export and a graph `merge` can extend.
void write_json(const ExportInput& in, std::ostream& out);

// CSV (RFC 4180, UTF-8, header row) for spreadsheets and neo4j-admin import: node columns
// id:ID,:LABEL,label,type,aliases:string[],mentions:int,degree:int,weighted_degree:int,
// component:int,betweenness:double; edge columns :START_ID,:END_ID,:TYPE,id,relation,
// category,symmetric:boolean,title,org,former:boolean,weight:int,first_date,last_date,
// docs:string[],evidence. Arrays use ';' (neo4j's default delimiter). Fields with newlines are
// quoted; neo4j-admin needs --multiline-fields=true for them.
void write_csv_nodes(const ExportInput& in, std::ostream& out);
void write_csv_edges(const ExportInput& in, std::ostream& out);
// The two files written for a CSV prefix: "P.nodes.csv" and "P.edges.csv", or
// "P/nodes.csv" and "P/edges.csv" when P ends in '/' or is an existing directory.
std::pair<std::string, std::string> csv_paths(const std::string& prefix);

// A self-contained HTML page (export/html.cpp): the map drawn by sigma.js with a force layout,
// search by any alias, evidence on a click, filters by category and date; no network needed.
// Throws OutputError when this binary was built without the viewer (see format_unavailable).
void write_html(const ExportInput& in, std::ostream& out);

// SVG or PNG (format "svg" or "png") drawn by Graphviz from write_dot's output, run as a
// subprocess: graphviz_engine() is `dot`, or `sfdp` past kDotNodeLimit nodes. Throws OutputError
// when the engine is not on PATH or fails (export/graphviz_image.cpp).
void write_graphviz_image(const ExportInput& in, std::string_view format, std::ostream& out);
std::string graphviz_engine(std::size_t nodes);
std::string graphviz_unavailable(std::size_t nodes);  // "" when the engine is on PATH, else why

// Why this binary cannot write `format` here ("" when it can): html needs the viewer compiled
// in (node and npm at build time, NEWSGRAPH_HTML); svg and png need Graphviz on PATH (`nodes`
// picks dot or sfdp). Callers check it before doing any work.
std::string format_unavailable(std::string_view format, std::size_t nodes = 0);

// The format names accepted by write_format: graphml, dot, gexf, json, csv, html, svg, png.
const std::vector<std::string>& format_names();
bool is_format(std::string_view name);

// Writes one format to `path` atomically (see export/atomic_file.h) and returns the paths
// written (two for csv). Throws OutputError naming the path; std::invalid_argument for an
// unknown format.
std::vector<std::string> write_format(const ExportInput& in, std::string_view format, const std::string& path);

// Attribute text shared by the writers so that every format carries the same values.
namespace export_detail {
std::string aliases_text(const VertexProps& v);  // aliases other than the label, "; "-joined
std::string docs_text(const EdgeProps& e);       // "; "-joined
std::string evidence_text(const EdgeProps& e);   // "[doc date] sentence" lines
std::string format_double(double x);             // shortest text that reads back as x
std::string node_id(std::size_t i);              // "n<i>"
std::string edge_id(std::size_t i);              // "e<i>"
}  // namespace export_detail

}  // namespace newsgraph
