// GraphML written by hand rather than with boost::write_graphml, which writes unknown value
// types as "string" and does not escape attribute names.
#include <string>
#include <vector>

#include "export/exporters.h"
#include "export/xml_escape.h"

namespace newsgraph {
namespace {

struct Key {
  const char* for_;  // "node" or "edge"
  const char* name;
  const char* type;  // int, double, boolean, string (never "long")
};

// Declaration order == the order <data> is written: Gephi has put values in the wrong column
// when the two differ.
constexpr Key kNodeKeys[] = {
    {"node", "label", "string"},        {"node", "type", "string"},
    {"node", "aliases", "string"},      {"node", "mentions", "int"},
    {"node", "degree", "int"},          {"node", "weighted_degree", "int"},
    {"node", "component", "int"},       {"node", "betweenness", "double"},
};
constexpr Key kEdgeKeys[] = {
    {"edge", "relation", "string"},   {"edge", "category", "string"}, {"edge", "symmetric", "boolean"},
    {"edge", "title", "string"},      {"edge", "org", "string"},      {"edge", "former", "boolean"},
    {"edge", "weight", "int"},        {"edge", "first_date", "string"}, {"edge", "last_date", "string"},
    {"edge", "docs", "string"},       {"edge", "evidence", "string"},
};
constexpr std::size_t kNodeKeyCount = sizeof kNodeKeys / sizeof kNodeKeys[0];

void data(std::ostream& out, std::size_t key, const std::string& value) {
  out << "      <data key=\"d" << key << "\">" << xml_escape(value, false) << "</data>\n";
}

const char* boolean(bool b) { return b ? "true" : "false"; }

}  // namespace

void write_graphml(const ExportInput& in, std::ostream& out) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  std::size_t id = 0;
  for (const auto& k : kNodeKeys)
    out << "  <key id=\"d" << id++ << "\" for=\"" << k.for_ << "\" attr.name=\"" << xml_escape(k.name, true)
        << "\" attr.type=\"" << k.type << "\"/>\n";
  for (const auto& k : kEdgeKeys)
    out << "  <key id=\"d" << id++ << "\" for=\"" << k.for_ << "\" attr.name=\"" << xml_escape(k.name, true)
        << "\" attr.type=\"" << k.type << "\"/>\n";
  out << "  <graph id=\"newsgraph\" edgedefault=\"undirected\">\n";
  for (std::size_t v = 0; v < in.graph.num_vertices(); ++v) {
    const auto& p = g[v];
    const auto& m = in.metrics[v];
    out << "    <node id=\"" << node_id(v) << "\">\n";
    data(out, 0, p.label);
    data(out, 1, std::string(to_string(p.type)));
    data(out, 2, aliases_text(p));
    data(out, 3, std::to_string(p.mentions));
    data(out, 4, std::to_string(m.degree));
    data(out, 5, std::to_string(m.weighted_degree));
    data(out, 6, std::to_string(m.component));
    data(out, 7, format_double(m.betweenness));
    out << "    </node>\n";
  }
  for (std::size_t i = 0; i < in.edges.size(); ++i) {
    Edge e = in.edges[i];
    const auto& p = g[e];
    out << "    <edge id=\"" << edge_id(i) << "\" source=\"" << node_id(boost::source(e, g)) << "\" target=\""
        << node_id(boost::target(e, g)) << "\">\n";
    std::size_t k = kNodeKeyCount;
    data(out, k++, p.relation);
    data(out, k++, p.category);
    data(out, k++, boolean(p.symmetric));
    data(out, k++, p.title);
    data(out, k++, p.org.value_or(""));
    data(out, k++, boolean(p.former));
    data(out, k++, std::to_string(p.weight));
    data(out, k++, p.first_date());
    data(out, k++, p.last_date());
    data(out, k++, docs_text(p));
    data(out, k++, evidence_text(p));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace newsgraph
