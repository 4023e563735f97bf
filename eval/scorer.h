// `newsgraph eval`: scores relation records against gold relations, a port of the reference
// scorer ../shared/tools/score.py that must give THE SAME FIGURES (tests/e2e/
// eval_matches_reference.sh checks that it does). The rules are those of ../shared/GUIDELINES.md,
// "How predictions are scored"; score.py's docstring spells out every detail. In short:
//
//   * per document; the document universe is the gold docs, plus every article id of --docs
//     (so predictions for articles without gold count as false positives);
//   * names are resolved against the document's aliases (eval/names.h normalises them);
//   * predictions collapse into units the way gold is built (unordered pairs, one office per
//     person + title + org with org absorption, one affiliation per person + org);
//   * each category is a one-to-one maximum matching (eval/matching.h);
//   * every figure is computed twice: with exact names and with diacritics folded.
//
// Usage:
//   EvalInput in;
//   load_gold(in, "gold.jsonl"); load_aliases(in, "aliases.jsonl"); load_articles(in, "articles.jsonl");
//   Predictions preds = load_predictions("pred.jsonl", in.universe);
//   EvalResult r = evaluate(in, preds, /*want_errors=*/false);
//   std::cout << format_report(in, preds, r);
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

namespace newsgraph::eval {

// The categories in report order (score.py's CATEGORIES).
inline constexpr std::size_t kNumCategories = 10;
inline constexpr std::array<std::string_view, kNumCategories> kCategoryNames = {
    "met_with",    "phoned",    "contact",         "holds_office", "holds_office_strict", "holds_office_no_former",
    "affiliation", "member_of", "affiliated_with", "micro",
};
// Row labels of the table.
inline constexpr std::array<std::string_view, kNumCategories> kCategoryLabels = {
    "met_with",
    "phoned",
    "contact (met_with+phoned)",
    "holds_office (primary)",
    "holds_office strict (+org)",
    "holds_office w/o former",
    "affiliation (member+affil)",
    "  member_of",
    "  affiliated_with",
    "micro (all five)",
};

struct Counts {
  long long tp = 0, fp = 0, fn = 0;
};
using CategoryCounts = std::array<Counts, kNumCategories>;

struct CategoryScore {
  Counts counts;
  long long gold = 0, pred = 0;
  double precision = 0, recall = 0, f1 = 0;  // rounded to 4 decimals, as score.py reports them
};
using ScoreTable = std::array<CategoryScore, kNumCategories>;

struct Prf {
  double precision, recall, f1;
};
// Precision with no prediction is 1 if there is also no gold line, else 0; recall with no gold
// line is 1 if there is also no prediction, else 0; F1 is 0 when P + R is 0. Not rounded.
Prf prf(long long tp, long long fp, long long fn);
ScoreTable finish(const CategoryCounts& counts);

// Thrown by the loaders: a file that cannot be read or a gold/aliases/articles line that is not
// valid; what() is "FILE:LINE: ..." or "FILE: ...". Prediction lines never throw (a bad one is
// counted as malformed), except when the file is unreadable or not UTF-8.
struct LoadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One gold or aliases line, kept as parsed JSON: formatting it for --errors needs the fields as
// they were written.
struct JsonRow {
  std::string doc;
  int line = 0;
  std::shared_ptr<rapidjson::Document> json;
  const rapidjson::Value* get(std::string_view key) const;
};

// What the scorer is given besides the predictions.
struct EvalInput {
  std::vector<JsonRow> gold;     // relation is one of the five, doc a non-empty string
  std::vector<JsonRow> aliases;  // {"doc","canonical","aliases":[...]}
  std::set<std::string> universe;  // gold docs, plus article ids once load_articles ran
  std::size_t gold_docs = 0;       // distinct docs in gold
  bool with_docs = false;          // load_articles ran
  std::set<std::string> article_ids;  // every id of the articles files
};

// Gold docs that no articles file has (score.py warns about them), sorted.
std::vector<std::string> missing_gold_docs(const EvalInput& in);

// Call load_gold for every gold file first, then load_aliases, then load_articles (the articles
// only add doc ids; texts are not kept, the file is streamed).
void load_gold(EvalInput& in, const std::string& path);
void load_aliases(EvalInput& in, const std::string& path);
void load_articles(EvalInput& in, const std::string& path);

// One usable prediction line (score.py's load_predictions): relation mapped (from "relation" or
// "category"), subject/object/title/org reduced to text ({"name": ...} objects allowed).
struct Prediction {
  std::string doc, relation, subject, object, title;
  std::optional<std::string> org;       // office: "org" as given; others: "org" or else "object"
  bool former = false;                  // "former": true
  std::optional<std::string> evidence;  // when "evidence" is a string
  int line = 0;
};

struct Predictions {
  std::vector<Prediction> lines;  // in file order
  long long pred_lines = 0, used = 0, ignored_doc_not_in_universe = 0, ignored_malformed = 0;
  // str(label) -> count, in order of first occurrence
  std::vector<std::pair<std::string, long long>> ignored_unknown_category;
  // "FILE:LINE: why" for every malformed line (counted and not scored, as in score.py)
  std::vector<std::string> problems;
};

// Reads a predictions file against the universe. Throws LoadError if unreadable.
Predictions load_predictions(const std::string& path, const std::set<std::string>& universe);

struct EvalResult {
  ScoreTable exact, folded;
  std::vector<std::pair<std::string, CategoryCounts>> per_doc;  // exact, sorted by doc
  std::string errors;  // score.py's --errors text (exact names), when asked for
};

EvalResult evaluate(const EvalInput& in, const Predictions& preds, bool want_errors);

// The two summary lines and the table, as score.py prints them (errors not included).
std::string format_report(const EvalInput& in, const Predictions& preds, const EvalResult& r);
std::string format_table(const ScoreTable& exact, const ScoreTable& folded);

// score.py's --json payload. `gold`, `aliases`, `pred`, `docs` are the path fields (a path, or
// several joined with ", " for several --dir; docs may be absent).
std::string result_json(const EvalInput& in, const Predictions& preds, const EvalResult& r, const std::string& gold,
                        const std::string& aliases, const std::string& pred, const std::optional<std::string>& docs);

}  // namespace newsgraph::eval
