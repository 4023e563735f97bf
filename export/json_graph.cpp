// JSON node-link data in the shape networkx.node_link_graph() reads (and web viewers such as
// d3-force take): nodes keyed by entity key, links by source/target key plus a multigraph key.
// It carries everything the saved graph does (aliases, dates, docs, evidence), so `merge`,
// `export` and `query` read it back as a graph (KnowledgeGraph::add_saved_line).
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include "export/exporters.h"
#include "export/xml_escape.h"

namespace newsgraph {
namespace {

using Writer = rapidjson::Writer<rapidjson::OStreamWrapper>;

void str(Writer& w, const std::string& s) {
  // RapidJSON writes bytes as given; make sure they are UTF-8 so strict readers accept them.
  std::string v = valid_utf8_text(s);
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
}
void kv(Writer& w, const char* k, const std::string& v) {
  w.Key(k);
  str(w, v);
}
void list(Writer& w, const char* k, const std::vector<std::string>& v) {
  w.Key(k);
  w.StartArray();
  for (const auto& s : v) str(w, s);
  w.EndArray();
}

}  // namespace

void write_json(const ExportInput& in, std::ostream& out) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  rapidjson::OStreamWrapper os(out);
  Writer w(os);
  w.StartObject();
  w.Key("directed");
  w.Bool(false);
  w.Key("multigraph");
  w.Bool(true);  // two offices at one organisation are two parallel edges
  w.Key("graph");
  w.StartObject();
  kv(w, "name", "newsgraph");
  w.EndObject();
  w.Key("nodes");
  w.StartArray();
  for (std::size_t v = 0; v < in.graph.num_vertices(); ++v) {
    const auto& p = g[v];
    const auto& m = in.metrics[v];
    w.StartObject();
    kv(w, "id", p.key);
    kv(w, "label", p.label);
    kv(w, "type", std::string(to_string(p.type)));
    std::vector<std::string> others;
    for (const auto& a : p.aliases)
      if (a != p.label) others.push_back(a);
    list(w, "aliases", others);
    w.Key("mentions");
    w.Uint64(p.mentions);
    w.Key("degree");
    w.Uint64(m.degree);
    w.Key("weighted_degree");
    w.Uint64(m.weighted_degree);
    w.Key("component");
    w.Uint64(m.component);
    w.Key("betweenness");
    w.Double(m.betweenness);
    w.EndObject();
  }
  w.EndArray();
  w.Key("links");
  w.StartArray();
  for (std::size_t i = 0; i < in.edges.size(); ++i) {
    Edge e = in.edges[i];
    const auto& p = g[e];
    w.StartObject();
    kv(w, "source", g[boost::source(e, g)].key);
    kv(w, "target", g[boost::target(e, g)].key);
    kv(w, "key", edge_id(i));
    kv(w, "relation", p.relation);
    kv(w, "category", p.category);
    w.Key("symmetric");
    w.Bool(p.symmetric);
    kv(w, "title", p.title);
    w.Key("org");
    if (p.org)
      str(w, *p.org);
    else
      w.Null();
    w.Key("former");
    w.Bool(p.former);
    w.Key("weight");
    w.Uint64(p.weight);
    kv(w, "first_date", p.first_date());
    kv(w, "last_date", p.last_date());
    list(w, "dates", p.dates);
    list(w, "docs", p.docs);
    w.Key("evidence");
    w.StartArray();
    for (const auto& ev : p.evidence) {
      w.StartObject();
      kv(w, "doc", ev.doc);
      w.Key("date");
      if (ev.date)
        str(w, *ev.date);
      else
        w.Null();
      w.Key("span");
      w.StartArray();
      w.Uint64(ev.span_begin);
      w.Uint64(ev.span_end);
      w.EndArray();
      kv(w, "text", ev.text);
      kv(w, "rule", ev.rule);
      w.Key("place");
      if (ev.place)
        str(w, *ev.place);
      else
        w.Null();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  os.Flush();
  out << '\n';
}

}  // namespace newsgraph
