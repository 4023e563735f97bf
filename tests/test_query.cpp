// Queries over a small hand-written graph.
#include <doctest/doctest.h>

#include <sstream>

#include "graph/knowledge_graph.h"
#include "graph/query.h"

using namespace newsgraph;

namespace {

Relation rel(std::string a, std::string b, std::string category, std::string doc, std::optional<std::string> date) {
  Relation r;
  r.doc = std::move(doc);
  r.category = category;
  r.relation = std::string(relation_of_category(category));
  r.symmetric = category == "meeting" || category == "call";
  r.subject = std::move(a);
  r.object = std::move(b);
  if (category == "office") {
    r.title = "chairman";
    r.org = r.object;
  }
  r.evidence = r.subject + " and " + r.object + " (" + r.doc + ")";
  r.date = std::move(date);
  r.rule = std::string("t");  // not = "t": GCC 12 -Wrestrict false positive
  return r;
}

KnowledgeGraph sample() {
  KnowledgeGraph g;
  g.add(rel("Xi Jinping", "Vương Đình Huệ", "meeting", "d1", "2024-04-08"));
  g.add(rel("Xi Jinping", "Vuong Dinh Hue", "meeting", "d2", "2024-04-09"));
  g.add(rel("Xi Jinping", "Vo Van Thuong", "meeting", "d3", "2023-12-13"));
  g.add(rel("Wang Yi", "Bui Thanh Son", "call", "d4", "2024-02-01"));
  g.add(rel("Wang Yi", "Xi Jinping", "meeting", "d5", std::nullopt));
  g.add(rel("Vuong Dinh Hue", "National Assembly of Vietnam", "office", "d1", "2024-04-08"));
  g.add(rel("Xi Wang", "Someone Else", "meeting", "d6", "2022-01-01"));
  return g.canonical();
}

std::string label(const KnowledgeGraph& g, Vertex v) { return g.graph()[v].label; }

}  // namespace

TEST_CASE("names resolve by key, without diacritics, by words; ambiguity lists candidates") {
  auto g = sample();
  auto hue = resolve_name(g, "vuong dinh hue");
  REQUIRE(hue.size() == 1);
  CHECK(label(g, hue[0]) == "Vương Đình Huệ");
  CHECK(resolve_name(g, "VƯƠNG ĐÌNH HUỆ") == hue);
  CHECK(resolve_name(g, "Dinh Hue") == hue);
  auto xi = resolve_name(g, "Xi");  // Xi Jinping and Xi Wang
  CHECK(xi.size() == 2);
  auto wang = resolve_name(g, "Wang");  // Wang Yi and Xi Wang
  CHECK(wang.size() == 2);
  CHECK(resolve_name(g, "Nobody").empty());
  std::ostringstream out;
  print_candidates(out, g, "Xi", xi, false);
  CHECK(out.str().find("ambiguous") != std::string::npos);
  CHECK(out.str().find("Xi Jinping") != std::string::npos);
  CHECK(out.str().find("Xi Wang") != std::string::npos);
}

TEST_CASE("who-met lists meeting partners, heaviest first; date filters apply") {
  auto g = sample();
  Vertex xi = resolve_name(g, "Xi Jinping").front();
  Filter f;
  f.category = "meeting";
  auto es = neighbours(g, xi, f);
  REQUIRE(es.size() == 3);
  CHECK(g.graph()[es[0]].weight == 2);
  f.since = "2024";
  CHECK(neighbours(g, xi, f).size() == 1);  // undated Wang Yi meeting and the 2023 one drop out
  f.since.reset();
  f.until = "2023-12";
  es = neighbours(g, xi, f);
  REQUIRE(es.size() == 1);
  CHECK(g.graph()[es[0]].first_date() == "2023-12-13");

  std::ostringstream json;
  print_neighbours(json, g, xi, neighbours(g, xi, Filter{}), true);
  CHECK(json.str().find("\"neighbours\":[") != std::string::npos);
}

TEST_CASE("path finds the shortest chain with evidence per hop") {
  auto g = sample();
  Vertex hue = resolve_name(g, "Vuong Dinh Hue").front();
  Vertex son = resolve_name(g, "Bui Thanh Son").front();
  auto p = shortest_path(g, hue, son, Filter{});
  REQUIRE(p);
  REQUIRE(p->size() == 3);  // Hue - Xi - Wang Yi - Bui Thanh Son
  CHECK(label(g, (*p)[1].to) == "Wang Yi");
  std::ostringstream out;
  print_path(out, g, hue, son, p, false);
  CHECK(out.str().find("3 hops") != std::string::npos);
  CHECK(out.str().find("(d1)") != std::string::npos);  // evidence of the first hop
  Filter meetings;
  meetings.category = "meeting";
  CHECK_FALSE(shortest_path(g, hue, son, meetings));
  CHECK(shortest_path(g, hue, hue, Filter{})->empty());
}

TEST_CASE("top ranks by degree, weighted degree and betweenness") {
  auto g = sample();
  auto rows = top(g, TopBy::Degree, 2, Filter{});
  REQUIRE(rows.size() == 2);
  CHECK(label(g, rows[0].v) == "Xi Jinping");
  CHECK(rows[0].metrics.degree == 3);
  rows = top(g, TopBy::Betweenness, 1, Filter{});
  CHECK(label(g, rows[0].v) == "Xi Jinping");
  rows = top(g, TopBy::Weighted, 100, Filter{});
  CHECK(rows.size() == 8);  // every vertex with an edge
  Filter calls;
  calls.category = "call";
  CHECK(top(g, TopBy::Degree, 10, calls).size() == 2);
}

TEST_CASE("edges listed from the object's side keep subject -> object orientation") {
  auto g = sample();
  Vertex na = resolve_name(g, "National Assembly of Vietnam").front();
  auto es = neighbours(g, na, Filter{});
  REQUIRE(es.size() == 1);
  CHECK(label(g, boost::source(es[0], g.graph())) == "Vương Đình Huệ");
  CHECK(label(g, boost::target(es[0], g.graph())) == "National Assembly of Vietnam");
}
