// Graphviz DOT written by hand: boost::write_graphviz escapes only '"', so a backslash or a
// name such as "node" breaks its files. Here every id and value is a quoted string.
#include <cmath>
#include <string>

#include "export/exporters.h"
#include "export/xml_escape.h"

namespace newsgraph {
namespace {

// A DOT double-quoted string. Inside quotes only \" is a DOT escape, but labels then interpret
// backslash escapes (\n, \l, \N, \G ...), so a literal backslash is doubled; a newline becomes
// the label line break \n and CR is dropped.
std::string quoted(std::string_view raw) {
  std::string s = valid_utf8_text(raw);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += ' ';
        else
          out += c;
    }
  }
  return out + "\"";
}

const char* category_colour(std::string_view category) {
  if (category == "meeting") return "#1f77b4";
  if (category == "call") return "#2ca02c";
  if (category == "office") return "#d62728";
  if (category == "membership") return "#9467bd";
  if (category == "affiliation") return "#8c564b";
  if (category == "visit") return "#ff7f0e";
  return "#7f7f7f";
}

const char* shape(EntityType t) {
  switch (t) {
    case EntityType::Person: return "ellipse";
    case EntityType::Organisation: return "box";
    case EntityType::Office: return "hexagon";
  }
  return "ellipse";
}

const char* fill(EntityType t) {
  switch (t) {
    case EntityType::Person: return "#fff7e0";
    case EntityType::Organisation: return "#e0f0ff";
    case EntityType::Office: return "#f0f0f0";
  }
  return "#ffffff";
}

}  // namespace

void write_dot(const ExportInput& in, std::ostream& out) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  out << "// newsgraph: " << in.graph.num_vertices() << " nodes, " << in.edges.size()
      << " edges. Edge colours: meeting blue, call green, office red, membership purple,\n"
         "// affiliation brown. For more than about 1000 nodes use sfdp or Gephi instead of dot.\n"
         "graph \"newsgraph\" {\n"
         "  graph [overlap=\"false\", splines=\"true\", charset=\"UTF-8\"];\n"
         "  node [style=\"filled\"];\n";
  for (std::size_t v = 0; v < in.graph.num_vertices(); ++v) {
    const auto& p = g[v];
    out << "  " << quoted(node_id(v)) << " [label=" << quoted(p.label) << ", shape=" << quoted(shape(p.type))
        << ", fillcolor=" << quoted(fill(p.type)) << ", tooltip=" << quoted(std::string(to_string(p.type))) << "];\n";
  }
  for (std::size_t i = 0; i < in.edges.size(); ++i) {
    Edge e = in.edges[i];
    const auto& p = g[e];
    std::string label = p.category == "office" ? (p.former ? "former " : "") + p.title : p.relation;
    if (p.weight > 1) label += " (" + std::to_string(p.weight) + ")";
    double pen = 1.0 + std::log2(static_cast<double>(p.weight));
    out << "  " << quoted(node_id(boost::source(e, g))) << " -- " << quoted(node_id(boost::target(e, g)))
        << " [label=" << quoted(label) << ", color=" << quoted(category_colour(p.category))
        << ", fontcolor=" << quoted(category_colour(p.category)) << ", penwidth=" << quoted(format_double(pen))
        << ", id=" << quoted(edge_id(i)) << "];\n";
  }
  out << "}\n";
}

}  // namespace newsgraph
