#include "export/exporters.h"

#include <charconv>
#include <filesystem>
#include <stdexcept>

#include "export/atomic_file.h"
#include "export/html_viewer.h"

namespace newsgraph {

ExportInput::ExportInput(const KnowledgeGraph& g) : ExportInput(g.canonical()) {}

ExportInput::ExportInput(KnowledgeGraph&& g)
    : graph(std::move(g).canonical()),
      metrics(compute_metrics(graph)),
      edges(graph.sorted_edges()),
      exact_betweenness(betweenness_is_exact(graph.num_vertices(), graph.num_edges())) {}

namespace export_detail {

std::string aliases_text(const VertexProps& v) {
  std::string out;
  for (const auto& a : v.aliases) {
    if (a == v.label) continue;
    if (!out.empty()) out += "; ";
    out += a;
  }
  return out;
}

std::string docs_text(const EdgeProps& e) {
  std::string out;
  for (const auto& d : e.docs) {
    if (!out.empty()) out += "; ";
    out += d;
  }
  return out;
}

std::string evidence_text(const EdgeProps& e) {
  std::string out;
  for (const auto& ev : e.evidence) {
    if (!out.empty()) out += '\n';
    out += '[' + ev.doc;
    if (ev.date) out += ' ' + *ev.date;
    out += "] " + ev.text;
  }
  return out;
}

std::string format_double(double x) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

// Built with append: GCC 12 warns (-Wrestrict, a false positive) on "literal" + std::string&&.
std::string node_id(std::size_t i) { return std::string("n").append(std::to_string(i)); }
std::string edge_id(std::size_t i) { return std::string("e").append(std::to_string(i)); }

}  // namespace export_detail

std::pair<std::string, std::string> csv_paths(const std::string& prefix) {
  std::error_code ec;
  if (!prefix.empty() && (prefix.back() == '/' || std::filesystem::is_directory(prefix, ec))) {
    std::string dir = prefix.back() == '/' ? prefix : prefix + "/";
    return {dir + "nodes.csv", dir + "edges.csv"};
  }
  return {prefix + ".nodes.csv", prefix + ".edges.csv"};
}

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"graphml", "dot", "gexf", "json", "csv", "html", "svg", "png"};
  return names;
}

std::string format_unavailable(std::string_view format, std::size_t nodes) {
  if (format == "html" && html_viewer_page().empty())
    return "this newsgraph was built without the HTML map: " + std::string(html_viewer_missing_reason());
  if (format == "svg" || format == "png") return graphviz_unavailable(nodes);
  return {};
}

bool is_format(std::string_view name) {
  for (const auto& n : format_names())
    if (n == name) return true;
  return false;
}

std::vector<std::string> write_format(const ExportInput& in, std::string_view format, const std::string& path) {
  if (!is_format(format))
    throw std::invalid_argument("unknown format \"" + std::string(format) + "\" (graphml, dot, gexf, json, csv, html, svg, png)");
  if (auto why = format_unavailable(format, in.graph.num_vertices()); !why.empty()) throw OutputError(why);
  if (format == "csv") {
    auto [nodes, edges] = csv_paths(path);
    // Open both before committing either, so a bad path leaves neither file half-replaced.
    AtomicFile n(nodes), e(edges);
    write_csv_nodes(in, n.stream());
    write_csv_edges(in, e.stream());
    n.commit();
    e.commit();
    return {nodes, edges};
  }
  AtomicFile f(path);
  if (format == "graphml")
    write_graphml(in, f.stream());
  else if (format == "dot")
    write_dot(in, f.stream());
  else if (format == "gexf")
    write_gexf(in, f.stream());
  else if (format == "json")
    write_json(in, f.stream());
  else if (format == "html")
    write_html(in, f.stream());
  else if (format == "svg" || format == "png")
    write_graphviz_image(in, format, f.stream());
  else
    throw std::invalid_argument("unknown format \"" + std::string(format) + "\" (graphml, dot, gexf, json, csv)");
  f.commit();
  return {path};
}

}  // namespace newsgraph
