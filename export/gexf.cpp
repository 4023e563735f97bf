// GEXF 1.3 (https://gexf.net/1.3) for Gephi. Dynamic mode with closed date spells so that the
// timeline plays meetings over time; Gephi's timeline has had bugs with open intervals, so
// every spell has both start and end.
#include <string>

#include "export/exporters.h"
#include "export/xml_escape.h"

namespace newsgraph {
namespace {

struct Attr {
  const char* title;
  const char* type;
};
constexpr Attr kNodeAttrs[] = {{"type", "string"},       {"aliases", "string"},      {"mentions", "integer"},
                               {"degree", "integer"},    {"weighted_degree", "integer"}, {"component", "integer"},
                               {"betweenness", "double"}};
constexpr Attr kEdgeAttrs[] = {{"relation", "string"},   {"category", "string"},  {"symmetric", "boolean"},
                               {"title", "string"},      {"org", "string"},       {"former", "boolean"},
                               {"first_date", "string"}, {"last_date", "string"}, {"docs", "string"},
                               {"evidence", "string"}};

void attributes(std::ostream& out, const char* cls, const Attr* attrs, std::size_t n) {
  out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
  for (std::size_t i = 0; i < n; ++i)
    out << "      <attribute id=\"" << i << "\" title=\"" << attrs[i].title << "\" type=\"" << attrs[i].type
        << "\"/>\n";
  out << "    </attributes>\n";
}

void value(std::ostream& out, std::size_t i, const std::string& v) {
  out << "          <attvalue for=\"" << i << "\" value=\"" << xml_escape(v, true) << "\"/>\n";
}

const char* boolean(bool b) { return b ? "true" : "false"; }

// Gephi rejects a file whose spell is not a date; records promise yyyy-mm-dd but the saved
// graph may come from anywhere.
bool iso_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

}  // namespace

void write_gexf(const ExportInput& in, std::ostream& out) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  const std::size_t n = in.graph.num_vertices();

  // A node lives from its first to its last dated edge.
  std::vector<std::string> first(n), last(n);
  for (Edge e : in.edges) {
    const auto& p = g[e];
    for (const auto& d : p.dates) {
      if (!iso_date(d)) continue;
      for (Vertex v : {boost::source(e, g), boost::target(e, g)}) {
        if (first[v].empty() || d < first[v]) first[v] = d;
        if (last[v].empty() || d > last[v]) last[v] = d;
      }
    }
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta>\n    <creator>newsgraph</creator>\n"
         "    <description>who met whom, who phoned whom, who holds which office</description>\n  </meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" "
         "timerepresentation=\"interval\">\n";
  attributes(out, "node", kNodeAttrs, std::size(kNodeAttrs));
  attributes(out, "edge", kEdgeAttrs, std::size(kEdgeAttrs));
  out << "    <nodes>\n";
  for (std::size_t v = 0; v < n; ++v) {
    const auto& p = g[v];
    const auto& m = in.metrics[v];
    out << "      <node id=\"" << node_id(v) << "\" label=\"" << xml_escape(p.label, true) << "\">\n"
        << "        <attvalues>\n";
    value(out, 0, std::string(to_string(p.type)));
    value(out, 1, aliases_text(p));
    value(out, 2, std::to_string(p.mentions));
    value(out, 3, std::to_string(m.degree));
    value(out, 4, std::to_string(m.weighted_degree));
    value(out, 5, std::to_string(m.component));
    value(out, 6, format_double(m.betweenness));
    out << "        </attvalues>\n";
    if (!first[v].empty())
      out << "        <spells>\n          <spell start=\"" << xml_escape(first[v], true) << "\" end=\""
          << xml_escape(last[v], true) << "\"/>\n        </spells>\n";
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (std::size_t i = 0; i < in.edges.size(); ++i) {
    Edge e = in.edges[i];
    const auto& p = g[e];
    // 1.3 "kind" tells Gephi that parallel edges (two offices at one org) are distinct.
    std::string kind = p.category == "office" ? p.relation + ":" + (p.former ? "former " : "") + p.title : p.relation;
    out << "      <edge id=\"" << edge_id(i) << "\" source=\"" << node_id(boost::source(e, g)) << "\" target=\""
        << node_id(boost::target(e, g)) << "\" label=\"" << xml_escape(p.relation, true) << "\" kind=\""
        << xml_escape(kind, true) << "\" weight=\"" << p.weight << "\">\n"
        << "        <attvalues>\n";
    value(out, 0, p.relation);
    value(out, 1, p.category);
    value(out, 2, boolean(p.symmetric));
    value(out, 3, p.title);
    value(out, 4, p.org.value_or(""));
    value(out, 5, boolean(p.former));
    value(out, 6, p.first_date());
    value(out, 7, p.last_date());
    value(out, 8, docs_text(p));
    value(out, 9, evidence_text(p));
    out << "        </attvalues>\n";
    std::string spells;
    for (const auto& d : p.dates)
      if (iso_date(d)) spells += "          <spell start=\"" + d + "\" end=\"" + d + "\"/>\n";
    if (!spells.empty()) out << "        <spells>\n" << spells << "        </spells>\n";
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace newsgraph
