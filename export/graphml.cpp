// GraphML written by hand rather than with boost::write_graphml, which writes unknown value
// types as "string" and does not escape attribute names.
#include <charconv>
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

// The document is built in a string and handed to the stream in blocks of about a megabyte:
// a million edges make tens of millions of small values.
class Out {
 public:
  explicit Out(std::ostream& os) : os_(os) { buf_.reserve(kBlock + kBlock / 4); }
  void flush() {
    os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  void end_item() {
    if (buf_.size() >= kBlock) flush();
  }
  Out& operator<<(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  Out& operator<<(std::size_t n) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, n);
    buf_.append(tmp, r.ptr);
    return *this;
  }
  void data(std::size_t key, std::string_view value) {
    *this << "      <data key=\"d" << key << "\">";
    xml_escape_append(buf_, value, false);
    buf_ += "</data>\n";
  }
  void data(std::size_t key, std::size_t value) {
    *this << "      <data key=\"d" << key << "\">" << value << "</data>\n";
  }

 private:
  static constexpr std::size_t kBlock = 1 << 20;
  std::ostream& os_;
  std::string buf_;
};

const char* boolean(bool b) { return b ? "true" : "false"; }

}  // namespace

void write_graphml(const ExportInput& in, std::ostream& os) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  Out out(os);
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
    out << "    <node id=\"n" << v << "\">\n";
    out.data(0, p.label);
    out.data(1, to_string(p.type));
    out.data(2, aliases_text(p));
    out.data(3, p.mentions);
    out.data(4, m.degree);
    out.data(5, m.weighted_degree);
    out.data(6, m.component);
    out.data(7, format_double(m.betweenness));
    out << "    </node>\n";
    out.end_item();
  }
  for (std::size_t i = 0; i < in.edges.size(); ++i) {
    Edge e = in.edges[i];
    const auto& p = g[e];
    out << "    <edge id=\"e" << i << "\" source=\"n" << boost::source(e, g) << "\" target=\"n" << boost::target(e, g)
        << "\">\n";
    std::size_t k = kNodeKeyCount;
    out.data(k++, p.relation);
    out.data(k++, p.category);
    out.data(k++, boolean(p.symmetric));
    out.data(k++, p.title);
    out.data(k++, p.org ? std::string_view(*p.org) : std::string_view());
    out.data(k++, boolean(p.former));
    out.data(k++, p.weight);
    out.data(k++, p.dates.empty() ? std::string_view() : std::string_view(p.dates.front()));
    out.data(k++, p.dates.empty() ? std::string_view() : std::string_view(p.dates.back()));
    out.data(k++, docs_text(p));
    out.data(k++, evidence_text(p));
    out << "    </edge>\n";
    out.end_item();
  }
  out << "  </graph>\n</graphml>\n";
  out.flush();
}

}  // namespace newsgraph
