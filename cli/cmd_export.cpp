// newsgraph export: a saved graph (or records) in, one file format out.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "export/atomic_file.h"
#include "export/exporters.h"
#include "graph/knowledge_graph.h"

namespace newsgraph::cli {
namespace {

std::string format_from_extension(const std::string& path) {
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return {};
  std::string ext = path.substr(dot + 1);
  if (ext == "gv") ext = "dot";
  if (ext == "xml") ext = "graphml";
  return is_format(ext) ? ext : std::string();
}

}  // namespace

void add_export_command(CLI::App& app, int& status) {
  struct Options {
    std::string graph;
    std::string format;
    std::string output;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Write a saved graph as GraphML, DOT, GEXF, JSON, CSV, HTML, SVG or PNG");
  cmd->footer(
      "Formats:\n"
      "  graphml  Gephi, NetworkX, igraph, yEd; typed attributes incl. degree, component, betweenness\n"
      "  dot      Graphviz (`dot -Tsvg`); for more than 1000 nodes use sfdp or Gephi instead\n"
      "  gexf     GEXF 1.3 for Gephi, with date spells for the timeline\n"
      "  json     node-link JSON (networkx.node_link_graph, d3); also readable by merge/query\n"
      "  csv      PATH.nodes.csv and PATH.edges.csv (PATH/nodes.csv, PATH/edges.csv for a\n"
      "           directory) with neo4j-admin import headers\n"
      "  html     one self-contained page: the map in any browser, offline (search, evidence, filters)\n"
      "  svg, png drawn by Graphviz (dot; sfdp past 1000 nodes), which must be installed\n"
      "The format defaults to the extension of -o. Without -o (or with -o -) the file goes to\n"
      "standard output (not for csv). Files are written to a temporary file and renamed into place.\n\n"
      "Examples:\n  newsgraph export out/graph.json --format gexf -o out/graph.gexf\n"
      "  newsgraph export out/graph.json -o map.html");
  cmd->add_option("graph", opt->graph, "saved graph (merge output, build's graph.json) or records; - for stdin")
      ->required()
      ->type_name("GRAPH");
  cmd->add_option("-f,--format", opt->format, "graphml, dot, gexf, json, csv, html, svg or png")
      ->type_name("FORMAT")
      ->check(CLI::IsMember(format_names()));
  cmd->add_option("-o,--output", opt->output, "output path (a prefix for csv)")->type_name("PATH");
  cmd->callback([opt, &status] {
    std::string format = opt->format.empty() ? format_from_extension(opt->output) : opt->format;
    if (format.empty()) {
      std::fprintf(stderr, "newsgraph export: give --format (graphml, dot, gexf, json, csv, html, svg, png)\n");
      status = kExitUsage;
      return;
    }
    const bool to_stdout = opt->output.empty() || opt->output == "-";
    if (to_stdout && format == "csv") {
      std::fprintf(stderr, "newsgraph export: csv writes two files; give -o PREFIX\n");
      status = kExitUsage;
      return;
    }
    if (auto why = format_unavailable(format); !why.empty() && format == "html") {
      std::fprintf(stderr, "newsgraph export: %s\n", why.c_str());
      status = kExitFailure;
      return;
    }
    KnowledgeGraph g;
    KnowledgeGraph::ReadStats st;
    auto report = [](const std::string& m) { std::fprintf(stderr, "newsgraph export: %s\n", m.c_str()); };
    if (opt->graph == "-") {
      st = g.merge_lines(std::cin, "<stdin>", report);
    } else {
      std::ifstream in(opt->graph, std::ios::binary);
      if (!in) {
        report(opt->graph + ": cannot open");
        status = kExitFailure;
        return;
      }
      st = g.merge_lines(in, opt->graph, report);
    }
    if (auto why = format_unavailable(format, g.num_vertices()); !why.empty()) {
      std::fprintf(stderr, "newsgraph export: %s\n", why.c_str());
      status = kExitFailure;
      return;
    }
    if ((format == "svg" || format == "png") && g.num_vertices() > kDotNodeLimit)
      std::fprintf(stderr, "newsgraph export: note: %zu nodes; drawing with sfdp, not dot (too slow past %zu)\n",
                   g.num_vertices(), kDotNodeLimit);
    if (format == "dot" && g.num_vertices() > kDotNodeLimit)
      std::fprintf(stderr,
                   "newsgraph export: note: %zu nodes; Graphviz dot becomes unusably slow past about %zu. "
                   "Try `sfdp -Tsvg` or open the GraphML/GEXF in Gephi.\n",
                   g.num_vertices(), kDotNodeLimit);
    try {
      // g is not used again: no copy of a large graph.
      ExportInput& input = keep_until_exit(std::make_unique<ExportInput>(std::move(g)));
      if (!input.exact_betweenness)
        std::fprintf(stderr,
                     "newsgraph export: note: betweenness estimated from %zu sources (exact is O(V*E), too slow "
                     "for this graph)\n",
                     kBetweennessPivots);
      if (to_stdout) {
        if (format == "graphml") write_graphml(input, std::cout);
        if (format == "dot") write_dot(input, std::cout);
        if (format == "gexf") write_gexf(input, std::cout);
        if (format == "json") write_json(input, std::cout);
        if (format == "html") write_html(input, std::cout);
        if (format == "svg" || format == "png") write_graphviz_image(input, format, std::cout);
        std::cout.flush();
        if (!std::cout) throw OutputError("standard output: write failed");
      } else {
        install_signal_cleanup();
        for (const auto& p : write_format(input, format, opt->output))
          std::fprintf(stderr, "newsgraph export: wrote %s\n", p.c_str());
      }
    } catch (const OutputError& e) {
      std::fprintf(stderr, "newsgraph export: %s\n", e.what());
      status = kExitFailure;
      return;
    }
    status = st.bad_lines ? kExitSkipped : kExitOk;
  });
}

}  // namespace newsgraph::cli
