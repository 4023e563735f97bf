// Exporters and AtomicFile. Real consumers (NetworkX, igraph, Graphviz, csv) read the files in
// tests/e2e/exports_open.sh; these tests pin the escaping and file-handling contracts.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "export/atomic_file.h"
#include "export/exporters.h"
#include "export/xml_escape.h"
#include "graph/analytics.h"
#include "graph/knowledge_graph.h"
#include "test_support.h"

using namespace newsgraph;
namespace fs = std::filesystem;

namespace {

Relation rec(std::string a, std::string b, std::string category, std::string doc = "d1",
             std::optional<std::string> date = "2024-04-08") {
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
  r.evidence = "evidence with \"quotes\" & <tags>\nand a newline";
  r.date = std::move(date);
  r.rule = "t";
  return r;
}

KnowledgeGraph nasty_graph() {
  KnowledgeGraph g;
  g.add(rec("Anna \"Ann\" O'Neil", "Smith & Wesson", "meeting"));
  g.add(rec("<b>Bold</b>", "Line\nBreak", "call"));
  g.add(rec("Vương Đình Huệ", "node", "meeting"));
  g.add(rec("Back\\slash", "National Assembly <VN>", "office"));
  return g;
}

std::string render(void (*fn)(const ExportInput&, std::ostream&), const KnowledgeGraph& g) {
  std::ostringstream ss;
  fn(ExportInput(g), ss);
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("ng_export_" + std::to_string(getpid()) + "_" + std::to_string(rand()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator())); }
};

}  // namespace

TEST_CASE("xml_escape escapes markup, and newlines only in attributes") {
  CHECK(xml_escape("a<b>&\"c'", false) == "a&lt;b&gt;&amp;\"c'");
  CHECK(xml_escape("a<b>&\"c'", true) == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("x\ny\r", false) == "x\ny&#13;");
  CHECK(xml_escape("x\ny\tz", true) == "x&#10;y&#9;z");
  CHECK(xml_escape(std::string("bell\x07", 5), false) == "bell\xEF\xBF\xBD");
  CHECK(xml_escape("bad\xff", false) == "bad\xEF\xBF\xBD");
  CHECK(xml_escape("Vương", true) == "Vương");
}

TEST_CASE("GraphML declares typed keys with for= in data order and escapes names") {
  auto s = render(write_graphml, nasty_graph());
  CHECK(s.find("attr.type=\"long\"") == std::string::npos);
  CHECK(s.find("<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(s.find("attr.name=\"betweenness\" attr.type=\"double\"") != std::string::npos);
  CHECK(s.find("attr.name=\"weight\" attr.type=\"int\"") != std::string::npos);
  CHECK(s.find("Anna \"Ann\" O'Neil") != std::string::npos);  // element content: quotes literal
  CHECK(s.find("Smith &amp; Wesson") != std::string::npos);
  CHECK(s.find("&lt;b&gt;Bold&lt;/b&gt;") != std::string::npos);
  CHECK(s.find("<b>") == std::string::npos);
  CHECK(s.find("Vương Đình Huệ") != std::string::npos);
  // Every <key> says what it is for (Gephi needs it).
  std::size_t keys = 0, pos = 0;
  while ((pos = s.find("<key ", pos)) != std::string::npos) {
    CHECK(s.compare(s.find(' ', pos + 5) + 1, 4, "for=") == 0);
    ++keys;
    ++pos;
  }
  CHECK(keys == 19);
}

TEST_CASE("DOT quotes every id and escapes backslashes, quotes and newlines") {
  auto s = render(write_dot, nasty_graph());
  CHECK(s.find("label=\"Anna \\\"Ann\\\" O'Neil\"") != std::string::npos);
  CHECK(s.find("label=\"Back\\\\slash\"") != std::string::npos);
  CHECK(s.find("label=\"Line\\nBreak\"") != std::string::npos);
  CHECK(s.find("label=\"node\"") != std::string::npos);  // a keyword, but quoted
  CHECK(s.find("Line\nBreak") == std::string::npos);
  CHECK(s.find("color=\"#1f77b4\"") != std::string::npos);  // meeting
  CHECK(s.find("color=\"#d62728\"") != std::string::npos);  // office
}

TEST_CASE("GEXF 1.3 writes closed date spells and escaped attribute values") {
  auto s = render(write_gexf, nasty_graph());
  CHECK(s.find("xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(s.find("version=\"1.3\"") != std::string::npos);
  CHECK(s.find("timeformat=\"date\"") != std::string::npos);
  CHECK(s.find("<spell start=\"2024-04-08\" end=\"2024-04-08\"/>") != std::string::npos);
  CHECK(s.find("label=\"Line&#10;Break\"") != std::string::npos);
  CHECK(s.find("label=\"Anna &quot;Ann&quot; O&apos;Neil\"") != std::string::npos);
  CHECK(s.find("startopen") == std::string::npos);
}

TEST_CASE("CSV quotes fields per RFC 4180 with neo4j headers") {
  auto nodes = render(write_csv_nodes, nasty_graph());
  auto edges = render(write_csv_edges, nasty_graph());
  CHECK(nodes.rfind("id:ID,:LABEL,label,", 0) == 0);
  CHECK(edges.rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
  CHECK(nodes.find(",\"Anna \"\"Ann\"\" O'Neil\",") != std::string::npos);
  CHECK(nodes.find(",\"Line\nBreak\",") != std::string::npos);
  CHECK(edges.find(",MET_WITH,") != std::string::npos);
  CHECK(edges.find(",HOLDS_OFFICE,") != std::string::npos);
}

TEST_CASE("exports are byte-identical for equal graphs built in different orders") {
  KnowledgeGraph a, b;
  std::vector<Relation> rs = {rec("A", "B", "meeting"), rec("B", "C", "call", "d2"), rec("C", "Org", "office", "d3"),
                              rec("D", "E", "meeting", "d4", std::nullopt)};
  for (const auto& r : rs) a.add(r);
  for (auto it = rs.rbegin(); it != rs.rend(); ++it) b.add(*it);
  for (auto fn : {write_graphml, write_dot, write_gexf, write_json, write_csv_nodes, write_csv_edges})
    CHECK(render(fn, a) == render(fn, b));
}

TEST_CASE("metrics: degree, weighted degree, components and NetworkX-normalised betweenness") {
  KnowledgeGraph g;
  // A path a - b - c plus an isolated pair d - e; b is on the only a-c path.
  g.add(rec("a", "b", "meeting"));
  g.add(rec("a", "b", "meeting", "d2"));
  g.add(rec("b", "c", "meeting"));
  g.add(rec("d", "e", "call"));
  ExportInput in(g);
  auto v = [&](const char* k) { return *in.graph.find(k); };
  CHECK(in.metrics[v("b")].degree == 2);
  CHECK(in.metrics[v("b")].weighted_degree == 3);
  CHECK(in.metrics[v("a")].component == 0);
  CHECK(in.metrics[v("c")].component == 0);
  CHECK(in.metrics[v("d")].component == 1);
  // NetworkX: betweenness_centrality(b) = 1 pair / ((5-1)(5-2)/2) = 1/6.
  CHECK(in.metrics[v("b")].betweenness == doctest::Approx(1.0 / 6.0));
  CHECK(in.metrics[v("a")].betweenness == 0.0);
}

TEST_CASE("AtomicFile writes in place only on commit and cleans up otherwise") {
  TempDir dir;
  auto target = (dir.path / "graph.graphml").string();
  {
    AtomicFile f(target);
    f.stream() << "first";
    f.commit();
  }
  CHECK(test::read_file(target) == "first");
  {
    AtomicFile f(target);
    f.stream() << "second, never committed";
  }
  CHECK(test::read_file(target) == "first");
  CHECK(dir.entries() == 1);  // no temporary left behind
  {
    AtomicFile f(target);
    f.stream() << "second";
    f.commit();
  }
  CHECK(test::read_file(target) == "second");
  CHECK(dir.entries() == 1);
}

TEST_CASE("AtomicFile gives clear errors for directories, missing dirs and full disks") {
  TempDir dir;
  CHECK_THROWS_WITH_AS(AtomicFile(dir.path.string()), doctest::Contains("is a directory"), OutputError);
  CHECK_THROWS_WITH_AS(AtomicFile((dir.path / "no/such/dir/x.dot").string()), doctest::Contains("does not exist"),
                       OutputError);
  if (fs::exists("/dev/full")) {
    AtomicFile f("/dev/full");
    f.stream() << std::string(1 << 16, 'x');
    CHECK_THROWS_WITH_AS(f.commit(), doctest::Contains("/dev/full"), OutputError);
  }
}

TEST_CASE("write_format writes csv as two files and rejects unknown formats") {
  TempDir dir;
  ExportInput in(nasty_graph());
  auto paths = write_format(in, "csv", (dir.path / "g").string());
  REQUIRE(paths.size() == 2);
  CHECK(fs::exists(dir.path / "g.nodes.csv"));
  CHECK(fs::exists(dir.path / "g.edges.csv"));
  CHECK(csv_paths(dir.path.string()).first == (dir.path / "nodes.csv").string());
  CHECK_THROWS_AS(write_format(in, "pdf", (dir.path / "g.pdf").string()), std::invalid_argument);
  CHECK_FALSE(fs::exists(dir.path / "g.pdf"));
}

TEST_CASE("install_signal_cleanup removes pending temporaries on SIGTERM") {
  TempDir dir;
  auto target = (dir.path / "graph.dot").string();
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    install_signal_cleanup();
    AtomicFile f(target);
    f.stream() << "half-written";
    f.stream().flush();
    raise(SIGTERM);
    _exit(0);  // not reached: the handler re-raises with the default action
  }
  int st = 0;
  waitpid(pid, &st, 0);
  CHECK(WIFSIGNALED(st));
  CHECK(WTERMSIG(st) == SIGTERM);
  CHECK(dir.entries() == 0);  // neither the temporary nor a partial target
}

TEST_CASE("Brandes on several threads gives bit-identical sums") {
  std::mt19937 rng(11);
  const std::size_t n = 300;
  std::vector<std::vector<std::size_t>> adj(n);
  for (std::size_t i = 0; i < 1500; ++i) {
    std::size_t a = rng() % n, b = rng() % n;
    if (a == b || std::find(adj[a].begin(), adj[a].end(), b) != adj[a].end()) continue;
    adj[a].push_back(b);
    adj[b].push_back(a);
  }
  std::vector<std::size_t> sources;
  for (std::size_t i = 0; i < n; i += 7) sources.push_back(i);
  auto one = detail::brandes_from(adj, sources, 1);
  for (std::size_t threads : {2, 3, 8}) CHECK(detail::brandes_from(adj, sources, threads) == one);
}

TEST_CASE("Brandes from every source equals Boost's exact betweenness (the estimate's basis)") {
  KnowledgeGraph g;
  const char* names[] = {"a", "b", "c", "d", "e", "f", "g"};
  int pairs[][2] = {{0, 1}, {1, 2}, {2, 3}, {1, 3}, {3, 4}, {4, 5}, {5, 6}, {4, 6}, {0, 6}};
  for (auto& p : pairs) g.add(rec(names[p[0]], names[p[1]], "meeting"));
  ExportInput in(g);
  REQUIRE(in.exact_betweenness);
  const auto& G = in.graph.graph();
  std::vector<std::vector<std::size_t>> adj(in.graph.num_vertices());
  std::vector<std::size_t> all;
  for (std::size_t v = 0; v < adj.size(); ++v) {
    all.push_back(v);
    for (auto e : boost::make_iterator_range(boost::out_edges(v, G))) adj[v].push_back(boost::target(e, G));
  }
  auto bc = detail::brandes_from(adj, all);
  const double n = static_cast<double>(adj.size());
  for (std::size_t v = 0; v < adj.size(); ++v)
    CHECK(bc[v] / ((n - 1) * (n - 2)) == doctest::Approx(in.metrics[v].betweenness).epsilon(1e-6));
}
