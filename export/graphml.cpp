// GraphML written by hand rather than with boost::write_graphml, which writes unknown value
// types as "string" and does not escape attribute names.
#include <charconv>
#include <string>
#include <vector>

#include "export/exporters.h"
#include "export/xml_escape.h"
#include "graph/ordered_blocks.h"

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

// Values are appended to a block of text (graph/ordered_blocks.h), with no temporary strings.
// One thread: the graph is canonical, its edges lie in memory in the order they are written,
// and a second thread was measured to cost more than it saved.
void append_uint(std::string& out, std::size_t n) {
  char tmp[24];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, n);
  out.append(tmp, r.ptr);
}
void data(std::string& out, std::size_t key, std::string_view value) {
  out += "      <data key=\"d";
  append_uint(out, key);
  out += "\">";
  xml_escape_append(out, value, false);
  out += "</data>\n";
}
void data(std::string& out, std::size_t key, std::size_t value) {
  out += "      <data key=\"d";
  append_uint(out, key);
  out += "\">";
  append_uint(out, value);
  out += "</data>\n";
}

const char* boolean(bool b) { return b ? "true" : "false"; }

}  // namespace

void write_graphml(const ExportInput& in, std::ostream& out) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  std::size_t id = 0;
  auto declare = [&](const Key& k) {
    head += "  <key id=\"d";
    append_uint(head, id++);
    head += std::string("\" for=\"") + k.for_ + "\" attr.name=\"" + xml_escape(k.name, true) + "\" attr.type=\"" +
            k.type + "\"/>\n";
  };
  for (const auto& k : kNodeKeys) declare(k);
  for (const auto& k : kEdgeKeys) declare(k);
  head += "  <graph id=\"newsgraph\" edgedefault=\"undirected\">\n";
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  write_in_blocks(out, in.graph.num_vertices(), 1, [&](std::string& buf, std::size_t v) {
    const auto& p = g[v];
    const auto& m = in.metrics[v];
    buf += "    <node id=\"n";
    append_uint(buf, v);
    buf += "\">\n";
    data(buf, 0, p.label);
    data(buf, 1, to_string(p.type));
    data(buf, 2, aliases_text(p));
    data(buf, 3, p.mentions);
    data(buf, 4, m.degree);
    data(buf, 5, m.weighted_degree);
    data(buf, 6, m.component);
    data(buf, 7, format_double(m.betweenness));
    buf += "    </node>\n";
  });
  write_in_blocks(out, in.edges.size(), 1, [&](std::string& buf, std::size_t i) {
    const Edge e = in.edges[i];
    const auto& p = g[e];
    buf += "    <edge id=\"e";
    append_uint(buf, i);
    buf += "\" source=\"n";
    append_uint(buf, boost::source(e, g));
    buf += "\" target=\"n";
    append_uint(buf, boost::target(e, g));
    buf += "\">\n";
    std::size_t k = kNodeKeyCount;
    data(buf, k++, p.relation);
    data(buf, k++, p.category);
    data(buf, k++, boolean(p.symmetric));
    data(buf, k++, p.title);
    data(buf, k++, p.org ? std::string_view(*p.org) : std::string_view());
    data(buf, k++, boolean(p.former));
    data(buf, k++, p.weight);
    data(buf, k++, p.dates.empty() ? std::string_view() : std::string_view(p.dates.front()));
    data(buf, k++, p.dates.empty() ? std::string_view() : std::string_view(p.dates.back()));
    data(buf, k++, docs_text(p));
    data(buf, k++, evidence_text(p));
    buf += "    </edge>\n";
  });
  static constexpr std::string_view kTail = "  </graph>\n</graphml>\n";
  out.write(kTail.data(), static_cast<std::streamsize>(kTail.size()));
}

}  // namespace newsgraph
