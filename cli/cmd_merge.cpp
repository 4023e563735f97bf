// newsgraph merge: the reduce step. Relation records (from `extract`) and saved graphs (from
// earlier merges or builds) in, one saved graph out. Associative and order-independent, so
// shards can be merged in any order and grouping, and new shards added to an old graph.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "export/atomic_file.h"
#include "graph/knowledge_graph.h"

namespace newsgraph::cli {

void add_merge_command(CLI::App& app, int& status) {
  struct Options {
    std::vector<std::string> inputs;
    std::string output;
    bool quiet = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("merge", "Merge relation records and saved graphs into one saved graph");
  cmd->footer(
      "Inputs are JSON Lines: relation records as `newsgraph extract` writes them, saved graphs as\n"
      "`newsgraph merge` writes them, or the graph.json of `newsgraph build`, in any mix. `-` (the\n"
      "default) reads standard input. Merging is associative and order-independent: shards merged in\n"
      "any order or grouping give a byte-identical graph.\n\n"
      "Examples:\n"
      "  newsgraph merge shard-*.jsonl -o graph.jsonl\n"
      "  newsgraph merge graph.jsonl new-shard.jsonl -o graph.jsonl     (incremental)\n"
      "  newsgraph extract news/ | newsgraph merge - > graph.jsonl\n\n"
      "A malformed line is reported as FILE:LINE: ... and skipped; the exit status is then 3.");
  cmd->add_option("inputs", opt->inputs, "record files, saved graphs, or - for stdin")->type_name("INPUT");
  cmd->add_option("-o,--output", opt->output, "saved graph to write (default: standard output)")->type_name("GRAPH");
  cmd->add_flag("-q,--quiet", opt->quiet, "no summary on stderr");
  cmd->callback([opt, &status] {
    if (opt->inputs.empty()) opt->inputs.push_back("-");
    KnowledgeGraph& g = keep_until_exit(std::make_unique<KnowledgeGraph>());
    KnowledgeGraph::ReadStats total;
    bool unreadable = false;
    auto report = [](const std::string& m) { std::fprintf(stderr, "newsgraph merge: %s\n", m.c_str()); };
    for (const auto& path : opt->inputs) {
      KnowledgeGraph::ReadStats st;
      if (path == "-") {
        st = g.merge_lines(std::cin, "<stdin>", report);
      } else {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
          report(path + ": cannot open");
          unreadable = true;
          continue;
        }
        st = g.merge_lines(in, path, report);
        if (in.bad()) {
          report(path + ": read error");
          unreadable = true;
        }
      }
      total.records += st.records;
      total.dropped += st.dropped;
      total.graph_lines += st.graph_lines;
      total.bad_lines += st.bad_lines;
    }
    try {
      if (opt->output.empty() || opt->output == "-") {
        g.save(std::cout);
        std::cout.flush();
        if (!std::cout) throw OutputError("standard output: write failed");
      } else {
        install_signal_cleanup();
        AtomicFile out(opt->output);
        g.save(out.stream());
        out.commit();
      }
    } catch (const OutputError& e) {
      std::fprintf(stderr, "newsgraph merge: %s\n", e.what());
      status = kExitFailure;
      return;
    }
    if (!opt->quiet)
      std::fprintf(stderr,
                   "newsgraph merge: %zu records, %zu graph lines -> %zu entities, %zu edges"
                   "%s%s\n",
                   total.records, total.graph_lines, g.num_vertices(), g.num_edges(),
                   total.dropped ? (", " + std::to_string(total.dropped) + " records dropped (one entity at both ends)").c_str() : "",
                   total.bad_lines ? (", " + std::to_string(total.bad_lines) + " malformed lines skipped").c_str() : "");
    status = (total.bad_lines || unreadable) ? kExitSkipped : kExitOk;
  });
}

}  // namespace newsgraph::cli
