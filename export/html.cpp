// The HTML map: one self-contained page (viewer code from export/html_viewer.h, built from
// web/) with the graph inlined as JSON in <script type="application/json" id="newsgraph-data">.
// The viewer (web/src/viewer.js) reads this compact shape, one array per node and per edge:
//   {"version":1,"nodes":[[key,label,type,[other aliases],degree,weighted_degree,component,
//                          betweenness],...],
//    "edges":[[source index,target index,relation,category,weight,first_date,last_date,title,
//              org,former,[[doc,date,text,place],...]],...]}
// Dates, org and place are "" when unknown. Arrays rather than objects keep a 50,000-edge map
// a third smaller, and JSON.parse of it fast.
#include <algorithm>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/atomic_file.h"
#include "export/exporters.h"
#include "export/html_viewer.h"
#include "export/xml_escape.h"

namespace newsgraph {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void str(Writer& w, const std::string& s) {
  std::string v = valid_utf8_text(s);
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
}

std::string graph_data(const ExportInput& in) {
  using namespace export_detail;
  const Graph& g = in.graph.graph();
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("version");
  w.Int(1);
  w.Key("nodes");
  w.StartArray();
  for (std::size_t v = 0; v < in.graph.num_vertices(); ++v) {
    const auto& p = g[v];
    const auto& m = in.metrics[v];
    w.StartArray();
    str(w, p.key);
    str(w, p.label);
    str(w, std::string(to_string(p.type)));
    w.StartArray();
    for (const auto& a : p.aliases)
      if (a != p.label) str(w, a);
    w.EndArray();
    w.Uint64(m.degree);
    w.Uint64(m.weighted_degree);
    w.Uint64(m.component);
    w.Double(m.betweenness);
    w.EndArray();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (Edge e : in.edges) {
    const auto& p = g[e];
    w.StartArray();
    w.Uint64(boost::source(e, g));
    w.Uint64(boost::target(e, g));
    str(w, p.relation);
    str(w, p.category);
    w.Uint64(p.weight);
    str(w, p.first_date());
    str(w, p.last_date());
    str(w, p.title);
    str(w, p.org.value_or(""));
    w.Bool(p.former);
    w.StartArray();
    for (const auto& ev : p.evidence) {
      w.StartArray();
      str(w, ev.doc);
      str(w, ev.date.value_or(""));
      str(w, ev.text);
      str(w, ev.place.value_or(""));
      w.EndArray();
    }
    w.EndArray();
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  // '<' only occurs inside JSON strings, where \u003c means the same; without any '<' the text
  // cannot close its <script> element ("</script>") or open a comment ("<!--").
  std::string out;
  out.reserve(buf.GetSize() + buf.GetSize() / 64);
  for (const char* c = buf.GetString(); *c; ++c) {
    if (*c == '<')
      out += "\\u003c";
    else
      out += *c;
  }
  return out;
}

}  // namespace

void write_html(const ExportInput& in, std::ostream& out) {
  std::string_view page = html_viewer_page();
  if (page.empty()) throw OutputError(format_unavailable("html"));
  const std::string title = "newsgraph map: " + std::to_string(in.graph.num_vertices()) + " entities, " +
                            std::to_string(in.edges.size()) + " relations";
  const std::string data = graph_data(in);
  constexpr std::string_view kTitle = "@NEWSGRAPH_TITLE@", kData = "@NEWSGRAPH_DATA@";
  while (!page.empty()) {
    auto t = page.find(kTitle), d = page.find(kData);
    auto next = std::min(t, d);
    out << page.substr(0, next);
    if (next == std::string_view::npos) break;
    if (next == t) {
      out << xml_escape(title, false);
      page.remove_prefix(t + kTitle.size());
    } else {
      out << data;
      page.remove_prefix(d + kData.size());
    }
  }
}

}  // namespace newsgraph
