// KnowledgeGraph: name folding, record merge, and the property that lets `merge` run as a
// reduce step: any order and grouping of shards gives byte-identical output.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/exporters.h"
#include "graph/knowledge_graph.h"

using namespace newsgraph;

namespace {

Relation meet(std::string a, std::string b, std::string doc, std::optional<std::string> date = std::nullopt,
              std::size_t begin = 0) {
  Relation r;
  r.doc = std::move(doc);
  r.relation = "met_with";
  r.category = "meeting";
  r.symmetric = true;
  r.subject = std::move(a);
  r.object = std::move(b);
  r.evidence = r.subject + " met " + r.object + ".";
  r.span_begin = begin;
  r.span_end = begin + r.evidence.size();
  r.date = std::move(date);
  r.rule = "test.meet";
  return r;
}

Relation office(std::string person, std::string title, std::optional<std::string> org, std::string doc,
                bool former = false) {
  Relation r;
  r.doc = std::move(doc);
  r.relation = "holds_office";
  r.category = "office";
  r.subject = std::move(person);
  r.title = std::move(title);
  r.org = std::move(org);
  r.object = r.org ? r.title + " of " + *r.org : r.title;
  r.former = former;
  r.evidence = r.subject + ", " + r.object;
  r.rule = "test.office";
  return r;
}

std::string saved(const KnowledgeGraph& g) {
  std::ostringstream ss;
  g.save(ss);
  return ss.str();
}

// Names that break naive writers: quotes, ampersands, angle brackets, newlines, diacritics.
const std::vector<std::string> kNasty = {
    "Vương Đình Huệ", "Vuong Dinh Hue", "Anna \"Ann\" O'Neil", "Smith & Wesson", "<script>alert(1)</script>",
    "Line\nBreak", "Zoë Ångström", "node", "Back\\slash", "Xi Jinping", "Wang Yi", "José María Aznar",
};

std::vector<Relation> random_records(std::mt19937& rng, std::size_t n) {
  std::vector<Relation> out;
  std::uniform_int_distribution<std::size_t> pick(0, kNasty.size() - 1), kind(0, 3), day(1, 28);
  for (std::size_t i = 0; i < n; ++i) {
    std::string doc = "doc" + std::to_string(i % 17);
    std::string date = "2024-0" + std::to_string(1 + i % 9) + "-" + (day(rng) < 10 ? "0" : "") + std::to_string(day(rng) % 28 + 1);
    auto a = kNasty[pick(rng)], b = kNasty[pick(rng)];
    switch (kind(rng)) {
      case 0: out.push_back(meet(a, b, doc, date, i * 10)); break;
      case 1: {
        auto r = meet(a, b, doc, std::nullopt, i * 10);
        r.relation = "phoned";
        r.category = "call";
        out.push_back(r);
        break;
      }
      case 2: out.push_back(office(a, "President", std::string("Republic of <X> & \"Y\""), doc)); break;
      default: out.push_back(office(a, "Foreign Minister", std::nullopt, doc, i % 2 == 0)); break;
    }
  }
  return out;
}

KnowledgeGraph build(const std::vector<Relation>& rs) {
  KnowledgeGraph g;
  for (const auto& r : rs) g.add(r);
  return g;
}

}  // namespace

TEST_CASE("entity_key folds case, diacritics and punctuation") {
  CHECK(entity_key("Vương Đình Huệ") == "vuong dinh hue");
  CHECK(entity_key("Vuong Dinh Hue") == "vuong dinh hue");
  CHECK(entity_key("  VUONG   DINH\nHUE ") == "vuong dinh hue");
  CHECK(entity_key("O'Neil") == entity_key("ONeil"));
  CHECK(entity_key("Jean-Pierre Raffarin") == entity_key("Jean Pierre Raffarin"));
  CHECK(entity_key("Mr. Blinken") == "mr blinken");
  CHECK(entity_key("Zoë Ångström") == "zoe angstrom");
  CHECK(entity_key("Łukasz Søren") == "lukasz soren");
  CHECK(entity_key("...") == "");
  CHECK(entity_key("\xff\xfe broken") == "broken");  // invalid UTF-8 never throws
}

TEST_CASE("the label is the most complete spelling whatever the order") {
  for (int order = 0; order < 2; ++order) {
    KnowledgeGraph g;
    auto r1 = meet("Vuong Dinh Hue", "Xi Jinping", "d1");
    auto r2 = meet("Vương Đình Huệ", "XI JINPING", "d2");
    if (order) std::swap(r1, r2);
    g.add(r1);
    g.add(r2);
    REQUIRE(g.num_vertices() == 2);
    auto v = g.find("vuong dinh hue");
    REQUIRE(v);
    CHECK(g.graph()[*v].label == "Vương Đình Huệ");
    CHECK(g.graph()[*v].aliases == std::vector<std::string>{"Vuong Dinh Hue", "Vương Đình Huệ"});
    CHECK(g.graph()[*g.find("xi jinping")].label == "Xi Jinping");
    CHECK(g.num_edges() == 1);
  }
}

TEST_CASE("symmetric relations merge regardless of direction; asymmetric ones do not") {
  KnowledgeGraph g;
  g.add(meet("Wang Yi", "Bui Thanh Son", "d1", "2024-04-08"));
  g.add(meet("Bui Thanh Son", "Wang Yi", "d2", "2024-01-02"));
  g.add(meet("Bui Thanh Son", "Wang Yi", "d2", "2024-01-02", 50));
  REQUIRE(g.num_edges() == 1);
  const auto& e = g.graph()[g.sorted_edges().front()];
  CHECK(e.weight == 3);
  CHECK(e.first_date() == "2024-01-02");
  CHECK(e.last_date() == "2024-04-08");
  CHECK(e.docs == std::vector<std::string>{"d1", "d2"});
  CHECK(e.evidence.size() == 3);
  CHECK(e.evidence.front().date == std::optional<std::string>("2024-01-02"));
}

TEST_CASE("office records link a person to an organisation or an office vertex") {
  KnowledgeGraph g;
  CHECK(g.add(office("Vo Van Thuong", "President", std::string("Vietnam"), "d1")));
  CHECK(g.add(office("Wang Yi", "Foreign Minister", std::nullopt, "d1")));
  CHECK(g.add(office("Vo Van Thuong", "President", std::string("Vietnam"), "d2", true)));
  CHECK(g.num_vertices() == 4);
  CHECK(g.graph()[*g.find("Vietnam")].type == EntityType::Organisation);
  CHECK(g.graph()[*g.find("foreign minister")].type == EntityType::Office);
  CHECK(g.graph()[*g.find("Vo Van Thuong")].type == EntityType::Person);
  CHECK(g.num_edges() == 3);  // former and current presidency are two edges
  // A person named as an org elsewhere stays a person (person > organisation > office).
  g.add(office("Vietnam", "member", std::string("ASEAN"), "d3"));
  CHECK(g.graph()[*g.find("Vietnam")].type == EntityType::Person);
}

TEST_CASE("records with one entity at both ends or an empty end are dropped") {
  KnowledgeGraph g;
  CHECK_FALSE(g.add(meet("Xi Jinping", "XI JINPING", "d")));
  CHECK_FALSE(g.add(meet("", "Xi", "d")));
  CHECK_FALSE(g.add(meet("...", "Xi", "d")));
  CHECK(g.num_vertices() == 0);
}

TEST_CASE("evidence is capped to the smallest items, so the cap is order-independent") {
  std::vector<Relation> rs;
  for (int i = 0; i < 20; ++i) rs.push_back(meet("A B", "C D", "doc" + std::to_string(i % 7), "2024-03-" + std::to_string(10 + i), i));
  auto g1 = build(rs);
  std::reverse(rs.begin(), rs.end());
  auto g2 = build(rs);
  const auto& e = g1.graph()[g1.sorted_edges().front()];
  CHECK(e.evidence.size() == KnowledgeGraph::kMaxEvidence);
  CHECK(e.weight == 20);
  CHECK(*e.evidence.front().date == "2024-03-10");
  CHECK(saved(g1) == saved(g2));
}

TEST_CASE("merge is order- and grouping-independent (shuffled, regrouped shards)") {
  std::mt19937 rng(12345);
  auto records = random_records(rng, 300);
  const std::string reference = saved(build(records));
  for (int trial = 0; trial < 8; ++trial) {
    auto rs = records;
    std::shuffle(rs.begin(), rs.end(), rng);
    // Random shards, merged in random groups, merges of merges, through save/load.
    std::uniform_int_distribution<int> nshards(1, 9);
    std::vector<KnowledgeGraph> shards(static_cast<std::size_t>(nshards(rng)));
    for (std::size_t i = 0; i < rs.size(); ++i) shards[rng() % shards.size()].add(rs[i]);
    while (shards.size() > 1) {
      std::shuffle(shards.begin(), shards.end(), rng);
      KnowledgeGraph a = std::move(shards.back());
      shards.pop_back();
      KnowledgeGraph b = std::move(shards.back());
      shards.pop_back();
      if (trial % 2) {  // round-trip through the saved format on odd trials
        std::istringstream in(saved(a));
        a = KnowledgeGraph::load(in);
      }
      b.merge(a);
      shards.push_back(std::move(b));
    }
    CHECK(saved(shards.front()) == reference);
  }
}

TEST_CASE("save/load and the JSON node-link export round-trip losslessly") {
  std::mt19937 rng(7);
  auto g = build(random_records(rng, 120));
  const std::string s = saved(g);
  std::istringstream in(s);
  CHECK(saved(KnowledgeGraph::load(in)) == s);

  std::ostringstream json;
  write_json(ExportInput(g), json);
  KnowledgeGraph back;
  std::istringstream jin(json.str());
  auto st = back.merge_lines(jin, "graph.json", {});
  CHECK(st.bad_lines == 0);
  CHECK(st.graph_lines == 1);
  CHECK(saved(back) == s);
}

TEST_CASE("save escapes strings byte for byte as rapidjson::Writer does (saved files stay comparable)") {
  std::string odd = "Alice A\x01\x1f\"\\/\b\f\n\r\t\x7f\xC3\xA9\xFF B";
  odd += '\0';
  odd += "C";
  auto g = build({meet(odd, "Bob", "d1")});
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(odd.data(), static_cast<rapidjson::SizeType>(odd.size()));
  const std::string s = saved(g);
  CHECK(s.find(std::string("\"aliases\":[") + buf.GetString() + "]") != std::string::npos);
  std::istringstream in(s);
  CHECK(saved(KnowledgeGraph::load(in)) == s);
}

TEST_CASE("merge_lines applies a long input in line order (the reading thread keeps order)") {
  // More lines than one batch of the reading thread, with bad lines spread through.
  std::string input;
  std::mt19937 rng(5);
  auto records = random_records(rng, 3000);
  for (std::size_t i = 0; i < records.size(); ++i) {
    input += to_json(records[i]) + "\n";
    if (i % 700 == 3) input += "broken " + std::to_string(i) + "\n";
  }
  KnowledgeGraph g;
  std::istringstream in(input);
  std::vector<std::string> errors;
  auto st = g.merge_lines(in, "big", [&](const std::string& m) { errors.push_back(m); });
  CHECK(st.bad_lines == errors.size());
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].rfind("big:5: ", 0) == 0);
  CHECK(errors[1].rfind("big:706: ", 0) == 0);
  CHECK(saved(g) == saved(build(records)));
}

TEST_CASE("incremental merge: old graph + new shard == everything at once") {
  std::mt19937 rng(99);
  auto rs = random_records(rng, 100);
  std::vector<Relation> first(rs.begin(), rs.begin() + 60), second(rs.begin() + 60, rs.end());
  std::istringstream old(saved(build(first)));
  auto g = KnowledgeGraph::load(old);
  for (const auto& r : second) g.add(r);
  CHECK(saved(g) == saved(build(rs)));
}

TEST_CASE("merge_lines reads records and graph lines, reporting bad lines with FILE:LINE") {
  KnowledgeGraph g;
  std::string input = to_json(meet("Xi Jinping", "Vo Van Thuong", "d1")) + "\n" +
                      "not json\n" +
                      "\n" +
                      "{\"doc\":\"d2\",\"relation\":\"met_with\"}\n" +
                      saved(build({meet("Wang Yi", "Bui Thanh Son", "d3")}));
  std::istringstream in(input);
  std::vector<std::string> errors;
  auto st = g.merge_lines(in, "shard.jsonl", [&](const std::string& m) { errors.push_back(m); });
  CHECK(st.records == 1);
  CHECK(st.bad_lines == 2);
  CHECK(st.graph_lines == 4);  // header, two nodes, one edge
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].rfind("shard.jsonl:2: ", 0) == 0);
  CHECK(errors[1].rfind("shard.jsonl:4: ", 0) == 0);
  CHECK(g.num_vertices() == 4);
}

TEST_CASE("load rejects bad saved graphs with a line number") {
  std::istringstream in("{\"newsgraph\":\"graph\",\"version\":1}\n{\"kind\":\"node\",\"key\":\"a\",\"label\":\"A\",\"type\":\"alien\"}\n");
  CHECK_THROWS_WITH_AS(KnowledgeGraph::load(in), doctest::Contains("line 2"), GraphFormatError);
  std::istringstream v2("{\"newsgraph\":\"graph\",\"version\":2}\n");
  CHECK_THROWS_AS(KnowledgeGraph::load(v2), GraphFormatError);
}
