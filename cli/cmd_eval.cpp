// newsgraph eval: scores relation records against gold, with the same figures as the reference
// scorer ../shared/tools/score.py (eval/scorer.h).
//
//   newsgraph eval --gold G --aliases A --pred P [--docs ARTICLES] [--errors] [--json OUT]
//   newsgraph eval --dir D [--dir D2 ...] --pred P [--errors] [--json OUT]
//
// --dir D reads D/gold.jsonl, D/aliases.jsonl and, when present, D/articles.jsonl (the layout of
// ../shared/samples and ../shared/dev/part-*); several --dir are scored as one set, as if their
// files were concatenated.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "eval/scorer.h"

namespace newsgraph::cli {
namespace {

struct EvalOptions {
  std::string gold, aliases, pred, docs, json;
  std::vector<std::string> dirs;
  bool errors = false;
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

int run_eval(const EvalOptions& o) {
  if (o.dirs.empty() == (o.gold.empty() && o.aliases.empty())) {
    std::fprintf(stderr, "newsgraph eval: give either --gold and --aliases, or --dir\n");
    return kExitUsage;
  }
  if (o.dirs.empty() && (o.gold.empty() || o.aliases.empty())) {
    std::fprintf(stderr, "newsgraph eval: --gold and --aliases go together\n");
    return kExitUsage;
  }
  std::vector<std::string> gold_files, alias_files, article_files;
  if (o.dirs.empty()) {
    gold_files = {o.gold};
    alias_files = {o.aliases};
  }
  for (const auto& d : o.dirs) {
    std::filesystem::path dir(d);
    if (!std::filesystem::is_directory(dir)) {
      std::fprintf(stderr, "newsgraph eval: %s: not a directory\n", d.c_str());
      return kExitFailure;
    }
    gold_files.push_back((dir / "gold.jsonl").string());
    alias_files.push_back((dir / "aliases.jsonl").string());
    if (std::filesystem::exists(dir / "articles.jsonl")) article_files.push_back((dir / "articles.jsonl").string());
  }
  if (!o.docs.empty()) article_files.push_back(o.docs);

  try {
    eval::EvalInput in;
    for (const auto& f : gold_files) eval::load_gold(in, f);
    for (const auto& f : alias_files) eval::load_aliases(in, f);
    for (const auto& f : article_files) eval::load_articles(in, f);
    if (in.with_docs) {
      auto missing = eval::missing_gold_docs(in);
      if (!missing.empty()) {
        std::vector<std::string> first(missing.begin(), missing.begin() + std::min<std::size_t>(5, missing.size()));
        std::fprintf(stderr, "warning: %zu gold doc(s) not in %s: %s\n", missing.size(), join(article_files).c_str(),
                     join(first).c_str());
      }
    }
    eval::Predictions preds = eval::load_predictions(o.pred, in.universe);
    // malformed prediction lines are counted in the report; the first few are named here
    for (std::size_t i = 0; i < preds.problems.size() && i < 20; ++i)
      std::fprintf(stderr, "%s (line ignored)\n", preds.problems[i].c_str());
    if (preds.problems.size() > 20)
      std::fprintf(stderr, "%s: %zu more malformed line(s)\n", o.pred.c_str(), preds.problems.size() - 20);
    eval::EvalResult r = eval::evaluate(in, preds, o.errors);
    std::cout << eval::format_report(in, preds, r);
    if (o.errors) std::cout << r.errors;
    std::cout.flush();
    if (!o.json.empty()) {
      std::optional<std::string> docs;
      if (!article_files.empty()) docs = join(article_files);
      std::string payload =
          eval::result_json(in, preds, r, join(gold_files), join(alias_files), o.pred, docs);
      std::ofstream out(o.json, std::ios::binary);
      out << payload;
      out.close();
      if (!out) {
        std::fprintf(stderr, "newsgraph eval: %s: cannot write\n", o.json.c_str());
        return kExitFailure;
      }
    }
  } catch (const eval::LoadError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_eval_command(CLI::App& app, int& status) {
  auto opts = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand(
      "eval", "Score relation records against gold relations (same figures as ../shared/tools/score.py)");
  cmd->add_option("--gold", opts->gold, "gold relations (JSON Lines)");
  cmd->add_option("--aliases", opts->aliases, "aliases of the gold persons (JSON Lines)");
  cmd->add_option("--pred", opts->pred, "predicted relation records (JSON Lines)")->required();
  cmd->add_option("--docs", opts->docs, "articles (JSON Lines): every article id joins the document universe");
  cmd->add_option("--dir", opts->dirs, "a directory with gold.jsonl, aliases.jsonl, articles.jsonl (repeatable)");
  cmd->add_option("--json", opts->json, "write all numbers to this file");
  cmd->add_flag("--errors", opts->errors, "print missed gold lines and wrong predictions per doc");
  cmd->callback([opts, &status] { status = run_eval(*opts); });
}

}  // namespace newsgraph::cli
