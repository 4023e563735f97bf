// CSV nodes and edges with neo4j-admin import headers (id:ID, :LABEL, :START_ID, :END_ID,
// :TYPE); plain spreadsheets read them as ordinary headed columns.
#include <string>

#include "export/exporters.h"
#include "export/xml_escape.h"

namespace newsgraph {
namespace {

// RFC 4180: quote a field holding a comma, quote, CR or LF (or leading/trailing space, which
// some readers trim), doubling inner quotes.
std::string field(std::string_view raw) {
  std::string s = valid_utf8_text(raw);
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string join(const std::vector<std::string>& v, const std::string* skip = nullptr) {
  std::string out;
  for (const auto& s : v) {
    if (skip && s == *skip) continue;
    if (!out.empty()) out += ';';
    out += s;
  }
  return out;
}

std::string neo4j_label(EntityType t) {
  switch (t) {
    case EntityType::Person: return "Person";
    case EntityType::Organisation: return "Organisation";
    case EntityType::Office: return "Office";
  }
  return "Entity";
}

std::string neo4j_type(std::string_view relation) {
  std::string out;
  for (char c : relation) out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out.empty() ? "RELATED_TO" : out;
}

const char* boolean(bool b) { return b ? "true" : "false"; }

}  // namespace

void write_csv_nodes(const ExportInput& in, std::ostream& out) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  out << "id:ID,:LABEL,label,type,aliases:string[],mentions:int,degree:int,weighted_degree:int,component:int,"
         "betweenness:double\r\n";
  for (std::size_t v = 0; v < in.graph.num_vertices(); ++v) {
    const auto& p = g[v];
    const auto& m = in.metrics[v];
    out << field(p.key) << ',' << neo4j_label(p.type) << ',' << field(p.label) << ',' << to_string(p.type) << ','
        << field(join(p.aliases, &p.label)) << ',' << p.mentions << ',' << m.degree << ',' << m.weighted_degree << ','
        << m.component << ',' << format_double(m.betweenness) << "\r\n";
  }
}

void write_csv_edges(const ExportInput& in, std::ostream& out) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  out << ":START_ID,:END_ID,:TYPE,id,relation,category,symmetric:boolean,title,org,former:boolean,weight:int,"
         "first_date,last_date,docs:string[],evidence\r\n";
  for (std::size_t i = 0; i < in.edges.size(); ++i) {
    Edge e = in.edges[i];
    const auto& p = g[e];
    out << field(g[boost::source(e, g)].key) << ',' << field(g[boost::target(e, g)].key) << ','
        << field(neo4j_type(p.relation)) << ',' << edge_id(i) << ',' << field(p.relation) << ',' << field(p.category)
        << ',' << boolean(p.symmetric) << ',' << field(p.title) << ',' << field(p.org.value_or("")) << ','
        << boolean(p.former) << ',' << p.weight << ',' << field(p.first_date()) << ',' << field(p.last_date()) << ','
        << field(join(p.docs)) << ',' << field(evidence_text(p)) << "\r\n";
  }
}

}  // namespace newsgraph
