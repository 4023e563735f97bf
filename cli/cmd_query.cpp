// newsgraph query: questions over a saved graph (see graph/query.h).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "graph/knowledge_graph.h"
#include "graph/query.h"

namespace newsgraph::cli {
namespace {

struct QueryOptions {
  std::string graph;
  bool json = false;
  std::string since, until;
  std::string name, other;
  std::string category;
  std::string by = "degree";
  std::size_t n = 10;
};

bool load(const std::string& path, KnowledgeGraph& out) {
  KnowledgeGraph g;
  auto report = [](const std::string& m) { std::fprintf(stderr, "newsgraph query: %s\n", m.c_str()); };
  if (path == "-") {
    g.merge_lines(std::cin, "<stdin>", report);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      report(path + ": cannot open");
      return false;
    }
    g.merge_lines(in, path, report);
  }
  out = g.canonical();  // query.h wants canonical order for deterministic ties
  return true;
}

bool valid_date_bound(const std::string& s) {
  // yyyy, yyyy-mm or yyyy-mm-dd
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  if (s.size() >= 7 && (s.compare(5, 2, "01") < 0 || s.compare(5, 2, "12") > 0)) return false;
  if (s.size() == 10 && (s.compare(8, 2, "01") < 0 || s.compare(8, 2, "31") > 0)) return false;
  return true;
}

// Resolves a name or prints why not. Returns false when the caller should stop.
bool resolve(const KnowledgeGraph& g, const std::string& name, const QueryOptions& o, Vertex& v) {
  auto c = resolve_name(g, name);
  if (c.size() == 1) {
    v = c.front();
    return true;
  }
  print_candidates(std::cout, g, name, c, o.json);
  return false;
}

}  // namespace

void add_query_command(CLI::App& app, int& status) {
  auto o = std::make_shared<QueryOptions>();
  auto* cmd = app.add_subcommand("query", "Ask a saved graph who met whom, neighbours, paths and top entities");
  cmd->footer(
      "Examples:\n"
      "  newsgraph query out/graph.json who-met \"Xi Jinping\"\n"
      "  newsgraph query graph.jsonl neighbours \"Vuong Dinh Hue\" --category office\n"
      "  newsgraph query graph.jsonl path \"Wang Yi\" \"Bui Thanh Son\" --json\n"
      "  newsgraph query graph.jsonl top --by betweenness -n 5 --since 2024-01\n\n"
      "Names are found by normalised key (case, diacritics and punctuation ignored) or by whole\n"
      "words (\"Xi\" finds \"Xi Jinping\"); an ambiguous name lists its candidates and exits 1.\n"
      "--since/--until take yyyy, yyyy-mm or yyyy-mm-dd and keep edges with a date in range.");
  cmd->add_option("graph", o->graph, "saved graph (merge output or build's graph.json); - for stdin")
      ->required()
      ->type_name("GRAPH");
  cmd->add_flag("--json", o->json, "JSON output instead of a table");
  cmd->add_option("--since", o->since, "keep edges dated on or after this date")->type_name("DATE");
  cmd->add_option("--until", o->until, "keep edges dated on or before this date")->type_name("DATE");
  cmd->require_subcommand(1);

  auto* who = cmd->add_subcommand("who-met", "Everyone NAME met, most meetings first");
  who->add_option("name", o->name, "a person")->required()->type_name("NAME");
  auto* nb = cmd->add_subcommand("neighbours", "Every entity linked to NAME");
  nb->alias("neighbors");
  nb->add_option("name", o->name, "an entity")->required()->type_name("NAME");
  nb->add_option("--category", o->category, "meeting, call, office, membership, affiliation")->type_name("C");
  auto* path = cmd->add_subcommand("path", "Shortest chain of relations from A to B, with evidence");
  path->add_option("a", o->name, "from")->required()->type_name("A");
  path->add_option("b", o->other, "to")->required()->type_name("B");
  path->add_option("--category", o->category, "use only edges of this category")->type_name("C");
  auto* top_cmd = cmd->add_subcommand("top", "The most connected entities");
  top_cmd->add_option("--by", o->by, "degree, weighted or betweenness")
      ->check(CLI::IsMember({"degree", "weighted", "betweenness"}));
  top_cmd->add_option("-n", o->n, "how many (default 10)");
  top_cmd->add_option("--category", o->category, "count only edges of this category")->type_name("C");
  for (auto* sub : {who, nb, path, top_cmd}) sub->fallthrough();  // --json etc. may follow

  auto run = [o, &status, who, nb, path, top_cmd] {
    for (const auto* d : {&o->since, &o->until})
      if (!d->empty() && !valid_date_bound(*d)) {
        std::fprintf(stderr, "newsgraph query: bad date \"%s\" (yyyy, yyyy-mm or yyyy-mm-dd)\n", d->c_str());
        status = kExitUsage;
        return;
      }
    KnowledgeGraph g;
    if (!load(o->graph, g)) {
      status = kExitFailure;
      return;
    }
    Filter f;
    if (!o->since.empty()) f.since = o->since;
    if (!o->until.empty()) f.until = o->until;
    if (!o->category.empty()) f.category = o->category;
    status = kExitOk;
    Vertex a{}, b{};
    if (who->parsed()) {
      f.category = "meeting";
      if (!resolve(g, o->name, *o, a)) {
        status = kExitFailure;
        return;
      }
      print_neighbours(std::cout, g, a, neighbours(g, a, f), o->json);
    } else if (nb->parsed()) {
      if (!resolve(g, o->name, *o, a)) {
        status = kExitFailure;
        return;
      }
      print_neighbours(std::cout, g, a, neighbours(g, a, f), o->json);
    } else if (path->parsed()) {
      if (!resolve(g, o->name, *o, a) || !resolve(g, o->other, *o, b)) {
        status = kExitFailure;
        return;
      }
      auto p = shortest_path(g, a, b, f);
      print_path(std::cout, g, a, b, p, o->json);
      if (!p) status = kExitFailure;
    } else if (top_cmd->parsed()) {
      auto by = *top_by_from(o->by);
      print_top(std::cout, g, by, top(g, by, o->n, f), o->json);
    }
  };
  // The parent's callback runs after the subcommand's: all options are parsed by then.
  cmd->callback(run);
}

}  // namespace newsgraph::cli
