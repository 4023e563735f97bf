// newsgraph build: extract and merge in one process, then write the exports.
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/progress.h"
#include "export/atomic_file.h"
#include "export/exporters.h"
#include "extract/input.h"
#include "extract/pipeline.h"
#include "extract/rules.h"
#include "graph/knowledge_graph.h"

namespace newsgraph::cli {

void add_build_command(CLI::App& app, int& status) {
  struct Options {
    std::vector<std::string> inputs;
    std::string dir;
    std::string graphml, dot, gexf, json, csv, html;
    unsigned threads = 0;
    std::vector<std::string> rules;
    bool replace_rules = false;
    bool quiet = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("build", "Read articles, extract relations and write the graph in one step");
  cmd->footer(
      "Inputs: .txt files, directories (recursive), JSON Lines of {\"id\",\"date\",\"title\",\"text\",\n"
      "\"source\"}, or - for standard input.\n\n"
      "Outputs: by default DIR/graph.graphml, DIR/graph.dot and DIR/graph.json in -o DIR (default\n"
      "\"out\", created if missing). graph.json is node-link JSON that NetworkX reads and that\n"
      "`newsgraph merge`, `export` and `query` accept as a saved graph. With any of --graphml,\n"
      "--dot, --gexf, --json, --csv, --html only those files are written (plus DIR's if -o is given\n"
      "too). --html writes one page that shows the map in a browser, offline.\n"
      "Every file is written to a temporary file and renamed into place.\n\n"
      "Exit status: 0 ok, 1 failure, 2 usage error, 3 some input was skipped (see stderr).\n\n"
      "Example:\n  newsgraph build samples/ -o out && newsgraph query out/graph.json who-met Xi");
  cmd->add_option("inputs", opt->inputs, "files, directories, or - for stdin")->required()->type_name("INPUT");
  auto* dir_opt = cmd->add_option("-o,--output-dir", opt->dir, "directory for graph.graphml, graph.dot, graph.json")
                      ->type_name("DIR");
  cmd->add_option("--graphml", opt->graphml, "write GraphML to FILE")->type_name("FILE");
  cmd->add_option("--dot", opt->dot, "write Graphviz DOT to FILE")->type_name("FILE");
  cmd->add_option("--gexf", opt->gexf, "write GEXF 1.3 to FILE")->type_name("FILE");
  cmd->add_option("--json", opt->json, "write node-link JSON (a saved graph) to FILE")->type_name("FILE");
  cmd->add_option("--csv", opt->csv, "write PREFIX.nodes.csv and PREFIX.edges.csv")->type_name("PREFIX");
  cmd->add_option("--html", opt->html, "write the self-contained HTML map to FILE")->type_name("FILE");
  cmd->add_option("-j,--threads", opt->threads, "worker threads (default: all cores)");
  cmd->add_option("--rules", opt->rules, "extra rule file(s) (JSON); see `newsgraph rules --help`")->allow_extra_args(false)->type_name("FILE");
  cmd->add_flag("--replace-rules", opt->replace_rules, "use only the --rules files, not the built-in rules");
  cmd->add_flag("-q,--quiet", opt->quiet, "no progress and no summary");
  cmd->callback([opt, &status, dir_opt] {
    std::vector<std::pair<std::string, std::string>> outputs;  // (format, path)
    for (auto [fmt, path] : {std::pair{"graphml", &opt->graphml}, {"dot", &opt->dot}, {"gexf", &opt->gexf},
                             {"json", &opt->json}, {"csv", &opt->csv}, {"html", &opt->html}})
      if (!path->empty()) outputs.emplace_back(fmt, *path);
    if (outputs.empty() || dir_opt->count() > 0) {
      std::string dir = opt->dir.empty() ? "out" : opt->dir;
      std::error_code ec;
      std::filesystem::create_directories(dir, ec);
      if (!std::filesystem::is_directory(dir)) {
        std::fprintf(stderr, "newsgraph build: %s: cannot create directory%s%s\n", dir.c_str(),
                     ec ? ": " : "", ec ? ec.message().c_str() : "");
        status = kExitFailure;
        return;
      }
      for (const char* fmt : {"graphml", "dot", "json"})
        outputs.emplace_back(fmt, (std::filesystem::path(dir) / (std::string("graph.") + fmt)).string());
    }

    for (const auto& [fmt, path] : outputs)
      if (auto why = format_unavailable(fmt); !why.empty()) {  // before hours of extraction
        std::fprintf(stderr, "newsgraph build: %s\n", why.c_str());
        status = kExitFailure;
        return;
      }
    auto rules = load_rule_files(opt->rules, opt->replace_rules);  // throws RuleError: main reports it
    Extractor extractor(rules);
    DocumentReader reader(opt->inputs,
                          [](const std::string& msg) { std::fprintf(stderr, "newsgraph build: %s\n", msg.c_str()); });
    KnowledgeGraph graph;
    std::map<std::string, std::size_t> per_category;
    std::size_t dropped = 0;
    Progress progress(opt->quiet);
    auto stats = run_extraction(
        reader, extractor, opt->threads,
        [&](const Document&, std::vector<Relation>&& records) {
          for (const auto& r : records) {
            if (graph.add(r))
              ++per_category[r.category];
            else
              ++dropped;
          }
        },
        [&](const ExtractStats& s) { progress.update(s.documents, s.bytes); });
    progress.finish();

    install_signal_cleanup();
    ExportInput input(graph);
    if (!input.exact_betweenness)
      std::fprintf(stderr,
                   "newsgraph build: note: betweenness estimated from %zu sources (exact is O(V*E), too slow for "
                   "this graph)\n",
                   kBetweennessPivots);
    std::vector<std::string> written;
    bool failed = false;
    for (const auto& [fmt, path] : outputs) {
      if (fmt == "dot" && graph.num_vertices() > kDotNodeLimit)
        std::fprintf(stderr,
                     "newsgraph build: note: %zu nodes; Graphviz dot becomes unusably slow past about %zu. "
                     "Try `sfdp -Tsvg %s` or open the GraphML/GEXF in Gephi.\n",
                     graph.num_vertices(), kDotNodeLimit, path.c_str());
      try {
        for (auto& p : write_format(input, fmt, path)) written.push_back(p);
      } catch (const OutputError& e) {
        std::fprintf(stderr, "newsgraph build: %s\n", e.what());
        failed = true;
      }
    }

    if (!opt->quiet) {
      std::printf("documents read: %zu (%.1f MB)%s\n", stats.documents, static_cast<double>(stats.bytes) / 1e6,
                  reader.problems() ? (", " + std::to_string(reader.problems()) + " problems (see stderr)").c_str() : "");
      std::printf("entities: %zu\nedges: %zu\nrelations: %zu", graph.num_vertices(), graph.num_edges(), stats.relations);
      if (!per_category.empty()) {
        std::printf(" (");
        bool first = true;
        for (const auto& [cat, n] : per_category) {
          std::printf("%s%s %zu", first ? "" : ", ", cat.c_str(), n);
          first = false;
        }
        std::printf(")");
      }
      if (dropped) std::printf(", %zu dropped (one entity at both ends)", dropped);
      std::printf("\n");
      for (const auto& p : written) std::printf("wrote %s\n", p.c_str());
    }
    if (failed)
      status = kExitFailure;
    else
      status = reader.problems() > 0 ? kExitSkipped : kExitOk;
  });
}

}  // namespace newsgraph::cli
