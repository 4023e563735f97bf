// Unit tests of `newsgraph eval` (eval/): the scoring rules of ../shared/GUIDELINES.md, "How
// predictions are scored", on small gold and predictions written here. The differential test
// tests/e2e/eval_matches_reference.sh checks the same code against score.py on real gold.
#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eval/matching.h"
#include "eval/names.h"
#include "eval/pytext.h"
#include "eval/scorer.h"

namespace fs = std::filesystem;
using namespace newsgraph::eval;

namespace {

// A scratch directory with gold/aliases/articles/pred files, removed at the end of the test.
class Scratch {
 public:
  Scratch() {
    static std::atomic<int> n{0};
    dir_ = fs::temp_directory_path() / ("newsgraph_test_eval_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string write(const std::string& name, const std::vector<std::string>& lines) {
    fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    for (const auto& l : lines) out << l << "\n";
    return p.string();
  }

 private:
  fs::path dir_;
};

struct Run {
  EvalInput in;
  Predictions preds;
  EvalResult result;
  const Counts& exact(std::string_view cat) const { return result.exact[index(cat)].counts; }
  const Counts& folded(std::string_view cat) const { return result.folded[index(cat)].counts; }
  static std::size_t index(std::string_view cat) {
    for (std::size_t i = 0; i < kNumCategories; ++i)
      if (kCategoryNames[i] == cat) return i;
    FAIL("unknown category " << cat);
    return 0;
  }
};

Run score(const std::vector<std::string>& gold, const std::vector<std::string>& aliases,
          const std::vector<std::string>& pred, const std::vector<std::string>& articles = {}) {
  Scratch s;
  Run r;
  load_gold(r.in, s.write("gold.jsonl", gold));
  load_aliases(r.in, s.write("aliases.jsonl", aliases));
  if (!articles.empty()) load_articles(r.in, s.write("articles.jsonl", articles));
  r.preds = load_predictions(s.write("pred.jsonl", pred), r.in.universe);
  r.result = evaluate(r.in, r.preds, true);
  return r;
}

void check(const Counts& c, long long tp, long long fp, long long fn) {
  CHECK(c.tp == tp);
  CHECK(c.fp == fp);
  CHECK(c.fn == fn);
}

const std::string kXiAliases = R"({"doc": "d1", "canonical": "Xi Jinping", "aliases": ["Xi Jinping", "Xi"]})";

}  // namespace

TEST_CASE("eval: met_with matches an unordered pair once") {
  auto r = score({R"({"doc": "d1", "relation": "met_with", "subject": "Xi Jinping", "object": "Vo Van Thuong"})"}, {},
                 {R"({"doc": "d1", "relation": "met_with", "subject": "Vo Van Thuong", "object": "Xi Jinping"})",
                  R"({"doc": "d1", "relation": "met_with", "subject": "Xi Jinping", "object": "Vo Van Thuong"})"});
  check(r.exact("met_with"), 1, 0, 0);  // both lines are one unit
  check(r.exact("phoned"), 0, 0, 0);
  check(r.exact("contact"), 1, 0, 0);
  check(r.exact("micro"), 1, 0, 0);
}

TEST_CASE("eval: contact lets a phoned prediction match a met_with gold line") {
  auto r = score({R"({"doc": "d1", "relation": "met_with", "subject": "A B", "object": "C D"})"}, {},
                 {R"({"doc": "d1", "category": "call", "subject": "A B", "object": "C D"})"});
  check(r.exact("met_with"), 0, 0, 1);
  check(r.exact("phoned"), 0, 1, 0);
  check(r.exact("contact"), 1, 0, 0);
}

TEST_CASE("eval: names resolve through the document's aliases") {
  auto r = score({R"({"doc": "d1", "relation": "met_with", "subject": "Xi Jinping", "object": "Vo Van Thuong"})"},
                 {kXiAliases},
                 {R"({"doc": "d1", "relation": "met_with", "subject": "Xi", "object": "Vo Van Thuong"})"});
  check(r.exact("met_with"), 1, 0, 0);
}

TEST_CASE("eval: honorifics and possessives and case and spacing do not matter") {
  CHECK(norm_name("Mr. Tony Blair's", false) == "tony blair");
  CHECK(norm_name("Lieutenant General  Sir\nJohn Smith", false) == "john smith");
  CHECK(norm_name("Sir", false) == "sir");  // never the last word
  CHECK(norm_name("Gerhard M\u00fcller", true) == "gerhard muller");
  auto r = score({R"({"doc": "d1", "relation": "phoned", "subject": "Tony Blair", "object": "George Bush"})"}, {},
                 {R"({"doc": "d1", "relation": "phoned", "subject": "MR TONY BLAIR", "object": "President's"})",
                  R"({"doc": "d1", "relation": "phoned", "subject": "Dr. Tony  Blair", "object": "Mr George Bush's"})"});
  check(r.exact("phoned"), 1, 1, 0);
}

TEST_CASE("eval: diacritics only matter in the exact score") {
  auto r = score({R"({"doc": "d1", "relation": "met_with", "subject": "Gerhard M\u00fcller", "object": "Vuong Dinh Hue"})"},
                 {}, {R"({"doc": "d1", "relation": "met_with", "subject": "Gerhard Muller", "object": "V\u01b0\u01a1ng \u0110\u00ecnh Hu\u1ec7"})"});
  check(r.exact("met_with"), 0, 1, 1);
  check(r.folded("met_with"), 1, 0, 0);
}

TEST_CASE("eval: title normalisation drops country words and the and former and dangling function words") {
  CHECK(norm_title("Chinese President", false) == "president");
  CHECK(norm_title("President", false) == "president");
  CHECK(norm_title("the former U.S. Secretary of State", false) == "secretary of state");
  CHECK(norm_title("Britain's Foreign Secretary", false) == "foreign secretary");
  CHECK(norm_title("Sen.", false) == "senator");
  CHECK(norm_title("president of", false) == "president");
  CHECK(norm_title("ex-chief executive", false) == "chief executive");
  auto r = score({R"({"doc": "d1", "relation": "holds_office", "subject": "Xi Jinping", "object": "president of China", "title": "president", "org": "China"})"},
                 {kXiAliases},
                 {R"({"doc": "d1", "relation": "holds_office", "subject": "Xi", "object": "Chinese President", "title": "Chinese President", "org": null})"});
  check(r.exact("holds_office"), 1, 0, 0);
  // no org given, but "Chinese" in the title implies China
  check(r.exact("holds_office_strict"), 1, 0, 0);
}

TEST_CASE("eval: US = U.S. = United States and UK = Britain and orgs match by token containment") {
  CHECK(norm_org("U.S.", false) == OrgTokens{"united", "states"});
  CHECK(norm_org("US", false) == norm_org("United States", false));
  CHECK(norm_org("the U.K.", false) == norm_org("Britain", false));
  CHECK(norm_org("America's", false) == OrgTokens{"united", "states"});
  CHECK(norm_org("Workers&#x27; Party", false) == OrgTokens{"workers", "party"});
  CHECK(orgs_match(norm_org("National Assembly", false), norm_org("the National Assembly of Vietnam", false)));
  CHECK_FALSE(orgs_match(norm_org("Assembly National", false), norm_org("National Assembly of Vietnam", false)));
  CHECK_FALSE(orgs_match({}, {}));
  CHECK(countries_in("Vietnamese and U.S. officials") == std::vector<std::string>{"vietnam", "united states"});
  CHECK(countries_in("Nigerian") == std::vector<std::string>{"nigeria"});  // not "niger"
}

TEST_CASE("eval: strict office needs the org where gold has one") {
  std::vector<std::string> gold = {
      R"({"doc": "d1", "relation": "holds_office", "subject": "Vuong Dinh Hue", "object": "chairman of National Assembly of Vietnam", "title": "chairman", "org": "National Assembly of Vietnam"})",
      R"({"doc": "d1", "relation": "holds_office", "subject": "Gordon Brown", "object": "Chancellor", "title": "Chancellor"})",
      R"({"doc": "d1", "relation": "holds_office", "subject": "Jack Straw", "object": "Foreign Secretary of Britain", "title": "Foreign Secretary", "org": "Britain", "former": true})"};
  auto r = score(gold, {},
                 {R"({"doc": "d1", "relation": "holds_office", "subject": "Vuong Dinh Hue", "title": "Chairman", "org": "the National Assembly"})",
                  R"({"doc": "d1", "relation": "holds_office", "subject": "Gordon Brown", "title": "chancellor", "org": "Treasury"})",
                  R"({"doc": "d1", "relation": "holds_office", "subject": "Jack Straw", "title": "Foreign Secretary", "org": "U.K."})"});
  check(r.exact("holds_office"), 3, 0, 0);
  check(r.exact("holds_office_strict"), 3, 0, 0);  // gold without org: any org will do
  check(r.exact("holds_office_no_former"), 2, 0, 0);

  auto wrong = score(gold, {},
                     {R"({"doc": "d1", "relation": "holds_office", "subject": "Vuong Dinh Hue", "title": "chairman", "org": "Senate"})"});
  check(wrong.exact("holds_office"), 1, 0, 2);
  check(wrong.exact("holds_office_strict"), 0, 1, 3);
  CHECK(wrong.result.errors.find("ORG Vuong Dinh Hue :: chairman: gold org='National Assembly of Vietnam', predicted org='Senate'") !=
        std::string::npos);
}

TEST_CASE("eval: org absorption collapses an office without org and a shorter org into one unit") {
  auto r = score({R"({"doc": "d1", "relation": "holds_office", "subject": "Xi Jinping", "object": "general secretary of Communist Party of China", "title": "general secretary", "org": "Communist Party of China"})"},
                 {kXiAliases},
                 {R"({"doc": "d1", "relation": "holds_office", "subject": "Xi", "title": "general secretary"})",
                  R"({"doc": "d1", "relation": "holds_office", "subject": "Xi Jinping", "title": "General Secretary", "org": "Communist Party"})",
                  R"({"doc": "d1", "relation": "holds_office", "subject": "Xi Jinping", "title": "general secretary", "org": "Communist Party of China"})"});
  check(r.exact("holds_office"), 1, 0, 0);
  check(r.exact("holds_office_strict"), 1, 0, 0);

  // two unrelated orgs stay two units: one of them is a false positive
  auto two = score({R"({"doc": "d1", "relation": "affiliated_with", "subject": "Jane Doe", "object": "Brookings Institution"})"},
                   {},
                   {R"({"doc": "d1", "relation": "affiliated_with", "subject": "Jane Doe", "object": "the Brookings Institution"})",
                    R"({"doc": "d1", "relation": "member_of", "subject": "Jane Doe", "org": "Brookings"})",
                    R"({"doc": "d1", "relation": "affiliated_with", "subject": "Jane Doe", "org": "Reuters"})"});
  check(two.exact("affiliation"), 1, 1, 0);
  check(two.exact("affiliated_with"), 1, 1, 0);
  check(two.exact("member_of"), 0, 1, 0);
}

TEST_CASE("eval: matching is one-to-one and maximum") {
  // gold 0 could take either prediction; gold 1 only prediction 0: an augmenting path is needed
  Matching m = max_matching(2, 2, [](std::size_t g, std::size_t p) { return g == 0 || p == 0; });
  CHECK(m.size() == 2);
  CHECK(m.gold_to_pred[1] == 0);
  CHECK(m.gold_to_pred[0] == 1);

  // two gold offices with different orgs, one prediction: one TP, one FN
  auto r = score({R"({"doc": "d1", "relation": "holds_office", "subject": "A B", "title": "director", "org": "Acme"})",
                  R"({"doc": "d1", "relation": "holds_office", "subject": "A B", "title": "director", "org": "Widgets Ltd"})"},
                 {}, {R"({"doc": "d1", "relation": "holds_office", "subject": "A B", "title": "director"})"});
  check(r.exact("holds_office"), 1, 0, 1);
}

TEST_CASE("eval: docs without gold count for false positives and docs outside the universe are ignored") {
  std::vector<std::string> gold = {R"({"doc": "d1", "relation": "met_with", "subject": "A B", "object": "C D"})"};
  std::vector<std::string> pred = {R"({"doc": "d2", "relation": "met_with", "subject": "E F", "object": "G H"})",
                                   R"({"doc": "d3", "relation": "met_with", "subject": "E F", "object": "G H"})",
                                   R"({"doc": "d1", "relation": "spouse_of", "subject": "A B", "object": "C D"})",
                                   R"({"doc": "d1", "relation": "met_with", "subject": "A B"})", "not json"};
  auto with_docs = score(gold, {}, pred, {R"({"id": "d1", "text": "..."})", R"({"id": "d2", "text": "..."})"});
  check(with_docs.exact("met_with"), 0, 1, 1);
  CHECK(with_docs.preds.ignored_doc_not_in_universe == 1);
  CHECK(with_docs.preds.ignored_malformed == 2);
  REQUIRE(with_docs.preds.ignored_unknown_category.size() == 1);
  CHECK(with_docs.preds.ignored_unknown_category[0].first == "spouse_of");
  CHECK(with_docs.result.per_doc.size() == 2);

  auto gold_only = score(gold, {}, pred);
  check(gold_only.exact("met_with"), 0, 0, 1);
  CHECK(gold_only.preds.ignored_doc_not_in_universe == 2);
}

TEST_CASE("eval: precision and recall and F1 edge cases") {
  auto same = [](Prf p, double pr, double re, double f) {
    CHECK(p.precision == doctest::Approx(pr));
    CHECK(p.recall == doctest::Approx(re));
    CHECK(p.f1 == doctest::Approx(f));
  };
  same(prf(0, 0, 0), 1, 1, 1);  // nothing to find, nothing found
  same(prf(0, 2, 0), 0, 0, 0);  // no gold but predictions
  same(prf(0, 0, 3), 0, 0, 0);  // gold but no predictions
  same(prf(1, 1, 1), 0.5, 0.5, 0.5);
  CHECK(finish(CategoryCounts{Counts{2, 1, 0}})[0].precision == 0.6667);  // rounded to 4 places
  auto r = score({R"({"doc": "d1", "relation": "met_with", "subject": "A B", "object": "C D"})"}, {}, {});
  CHECK(r.result.exact[Run::index("phoned")].f1 == 1.0);
  CHECK(r.result.exact[Run::index("met_with")].f1 == 0.0);
}

TEST_CASE("eval: the table has score.py's layout") {
  auto r = score({R"({"doc": "d1", "relation": "met_with", "subject": "A B", "object": "C D"})"}, {},
                 {R"({"doc": "d1", "relation": "met_with", "subject": "A B", "object": "C D"})"});
  std::string t = format_table(r.result.exact, r.result.folded);
  CHECK(t.rfind("category                      gold  pred   TP   FP   FN      P      R     F1 | F1 fold\n", 0) == 0);
  CHECK(t.find("met_with                         1     1    1    0    0  1.000  1.000  1.000 |   1.000\n") !=
        std::string::npos);
}

TEST_CASE("eval: Python text semantics") {
  CHECK(html_unescape("AT&amp;T &lt;b&gt; &#x27;x&#39; &eacute;t&eacute &ampfoo &#0; &#xD800; &bogus;") ==
        "AT&T <b> 'x' \u00e9t\u00e9 &foo \ufffd \ufffd &bogus;");
  CHECK(casefold("Stra\u00dfe \u0130") == "strasse i\u0307");
  CHECK(fold_diacritics("\u00f8stergaard \u0142\u00f3d\u017a \u00e6") == "ostergaard lodz ae");
  CHECK(basic("  The\u00a0U.S.\n Senate\u2019s ") == "the u.s. senate's");
  CHECK(py_repr(std::string_view("it's")) == "\"it's\"");
  CHECK(py_repr(std::string_view("a\nb")) == "'a\\nb'");
}

TEST_CASE("eval: a bad gold line is reported with file and line") {
  Scratch s;
  EvalInput in;
  std::string path = s.write("gold.jsonl", {R"({"doc": "d1", "relation": "met_with", "subject": "A", "object": "B"})", "{oops"});
  try {
    load_gold(in, path);
    FAIL("no error");
  } catch (const LoadError& e) {
    CHECK(std::string(e.what()).rfind(path + ":2: bad JSON in gold", 0) == 0);
  }
  EvalInput in2;
  std::string path2 = s.write("gold2.jsonl", {R"({"doc": "d1", "relation": "knows", "subject": "A", "object": "B"})"});
  CHECK_THROWS_AS(load_gold(in2, path2), LoadError);
  EvalInput in3;
  CHECK_THROWS_AS(load_gold(in3, s.write("gold3.jsonl", {}) + ".missing"), LoadError);
}
