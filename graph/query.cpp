#include "graph/query.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>
#include <utf8proc.h>

#include <algorithm>
#include <deque>
#include <map>

namespace newsgraph {
namespace {

std::vector<std::string> words(const std::string& key) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    if (j > i) out.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool contains_words(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (std::equal(needle.begin(), needle.end(), hay.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

Vertex other_end(const Graph& g, Edge e, Vertex v) {
  Vertex s = boost::source(e, g);
  return s == v ? boost::target(e, g) : s;
}

// One line per cell: newlines and tabs in names would break the table.
std::string cell(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

std::size_t width(std::string_view s) {
  std::size_t w = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) n = 1, cp = '?';
    int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? static_cast<std::size_t>(cw) : 0;
    p += n;
    left -= n;
  }
  return w;
}

void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return;
  std::vector<std::size_t> w(rows.front().size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], width(r[i]));
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) line.append(w[i] - width(r[i]) + 2, ' ');
    }
    out << line << '\n';
  }
}

std::string dates_text(const EdgeProps& p) {
  if (p.dates.empty()) return "-";
  if (p.first_date() == p.last_date()) return p.first_date();
  return p.first_date() + ".." + p.last_date();
}

std::string relation_text(const EdgeProps& p) {
  if (p.category == "office") return p.relation + " (" + (p.former ? "former " : "") + p.title + ")";
  return p.relation;
}

using Writer = rapidjson::Writer<rapidjson::OStreamWrapper>;
void js(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void jkv(Writer& w, const char* k, const std::string& v) {
  w.Key(k);
  js(w, v);
}

void json_vertex(Writer& w, const Graph& g, Vertex v) {
  w.StartObject();
  jkv(w, "key", g[v].key);
  jkv(w, "label", g[v].label);
  jkv(w, "type", std::string(to_string(g[v].type)));
  w.EndObject();
}

void json_edge(Writer& w, const Graph& g, Edge e) {
  const auto& p = g[e];
  w.StartObject();
  jkv(w, "source", g[boost::source(e, g)].label);
  jkv(w, "target", g[boost::target(e, g)].label);
  jkv(w, "relation", p.relation);
  jkv(w, "category", p.category);
  if (p.category == "office") {
    jkv(w, "title", p.title);
    w.Key("org");
    if (p.org)
      js(w, *p.org);
    else
      w.Null();
    w.Key("former");
    w.Bool(p.former);
  }
  w.Key("weight");
  w.Uint64(p.weight);
  jkv(w, "first_date", p.first_date());
  jkv(w, "last_date", p.last_date());
  w.Key("docs");
  w.StartArray();
  for (const auto& d : p.docs) js(w, d);
  w.EndArray();
  w.Key("evidence");
  w.StartArray();
  for (const auto& ev : p.evidence) {
    w.StartObject();
    jkv(w, "doc", ev.doc);
    w.Key("date");
    if (ev.date)
      js(w, *ev.date);
    else
      w.Null();
    jkv(w, "text", ev.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

bool passes(const EdgeProps& e, const Filter& f) {
  if (f.category && e.category != *f.category) return false;
  if (!f.since && !f.until) return true;
  for (const auto& d : e.dates) {
    if (f.since && d < *f.since) continue;
    // Compare only the bound's length: "2024-05-01" is within --until 2024.
    if (f.until && d.compare(0, f.until->size(), *f.until) > 0) continue;
    return true;
  }
  return false;
}

std::vector<Vertex> resolve_name(const KnowledgeGraph& g, std::string_view name) {
  if (auto v = g.find(name)) return {*v};
  std::string key = entity_key(name);
  std::vector<Vertex> out;
  if (key.empty()) return out;
  const auto needle = words(key);
  for (Vertex v : g.sorted_vertices()) {
    const auto& p = g.graph()[v];
    bool hit = contains_words(words(p.key), needle);
    for (std::size_t i = 0; !hit && i < p.aliases.size(); ++i) hit = contains_words(words(entity_key(p.aliases[i])), needle);
    if (hit) out.push_back(v);
  }
  return out;
}

std::vector<Edge> neighbours(const KnowledgeGraph& kg, Vertex v, const Filter& f) {
  const Graph& g = kg.graph();
  std::vector<Edge> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
    if (passes(g[e], f)) out.push_back(kg.oriented(e));
  std::sort(out.begin(), out.end(), [&](Edge a, Edge b) {
    if (g[a].weight != g[b].weight) return g[a].weight > g[b].weight;
    const auto& ka = g[other_end(g, a, v)].key;
    const auto& kb = g[other_end(g, b, v)].key;
    if (ka != kb) return ka < kb;
    return std::tie(g[a].relation, g[a].title, g[a].former) < std::tie(g[b].relation, g[b].title, g[b].former);
  });
  return out;
}

std::optional<std::vector<Hop>> shortest_path(const KnowledgeGraph& kg, Vertex a, Vertex b, const Filter& f) {
  const Graph& g = kg.graph();
  if (a == b) return std::vector<Hop>{};
  const std::size_t n = kg.num_vertices();
  std::vector<bool> seen(n, false);
  std::vector<std::optional<Edge>> via(n);
  std::deque<Vertex> queue{a};
  seen[a] = true;
  while (!queue.empty() && !seen[b]) {
    Vertex v = queue.front();
    queue.pop_front();
    // Heaviest passing edge per neighbour, neighbours in key order: a deterministic BFS.
    std::map<std::string, Edge> best;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      if (!passes(g[e], f)) continue;
      Vertex w = other_end(g, e, v);
      auto [it, fresh] = best.emplace(g[w].key, kg.oriented(e));
      if (!fresh && g[e].weight > g[it->second].weight) it->second = kg.oriented(e);
    }
    for (const auto& [key, e] : best) {
      Vertex w = other_end(g, e, v);
      if (seen[w]) continue;
      seen[w] = true;
      via[w] = e;
      queue.push_back(w);
    }
  }
  if (!seen[b]) return std::nullopt;
  std::vector<Hop> hops;
  for (Vertex v = b; v != a;) {
    Edge e = *via[v];
    Vertex u = other_end(g, e, v);
    hops.push_back(Hop{u, v, e});
    v = u;
  }
  std::reverse(hops.begin(), hops.end());
  return hops;
}

std::optional<TopBy> top_by_from(std::string_view s) {
  if (s == "degree") return TopBy::Degree;
  if (s == "weighted") return TopBy::Weighted;
  if (s == "betweenness") return TopBy::Betweenness;
  return std::nullopt;
}

std::vector<TopRow> top(const KnowledgeGraph& kg, TopBy by, std::size_t n, const Filter& f) {
  const Graph& g = kg.graph();
  auto metrics = compute_metrics_if(kg, [&](Edge e) { return passes(g[e], f); });
  std::vector<TopRow> rows;
  for (Vertex v = 0; v < kg.num_vertices(); ++v)
    if (metrics[v].degree > 0) rows.push_back(TopRow{v, metrics[v]});
  auto score = [by](const NodeMetrics& m) {
    switch (by) {
      case TopBy::Degree: return static_cast<double>(m.degree);
      case TopBy::Weighted: return static_cast<double>(m.weighted_degree);
      case TopBy::Betweenness: return m.betweenness;
    }
    return 0.0;
  };
  std::sort(rows.begin(), rows.end(), [&](const TopRow& a, const TopRow& b) {
    double sa = score(a.metrics), sb = score(b.metrics);
    if (sa != sb) return sa > sb;
    return g[a.v].key < g[b.v].key;
  });
  if (rows.size() > n) rows.resize(n);
  return rows;
}

void print_candidates(std::ostream& out, const KnowledgeGraph& kg, std::string_view name,
                      const std::vector<Vertex>& candidates, bool json) {
  const Graph& g = kg.graph();
  if (json) {
    rapidjson::OStreamWrapper os(out);
    Writer w(os);
    w.StartObject();
    jkv(w, "query", std::string(name));
    w.Key("error");
    w.String(candidates.empty() ? "not found" : "ambiguous");
    w.Key("candidates");
    w.StartArray();
    for (Vertex v : candidates) json_vertex(w, g, v);
    w.EndArray();
    w.EndObject();
    os.Flush();
    out << '\n';
    return;
  }
  if (candidates.empty()) {
    out << "no entity named \"" << cell(name) << "\"\n";
    return;
  }
  out << "\"" << cell(name) << "\" is ambiguous; candidates:\n";
  std::vector<std::vector<std::string>> rows{{"  NAME", "TYPE", "DEGREE"}};
  for (Vertex v : candidates)
    rows.push_back({"  " + cell(g[v].label), std::string(to_string(g[v].type)), std::to_string(boost::out_degree(v, g))});
  print_table(out, rows);
}

void print_neighbours(std::ostream& out, const KnowledgeGraph& kg, Vertex v, const std::vector<Edge>& edges,
                      bool json) {
  const Graph& g = kg.graph();
  if (json) {
    rapidjson::OStreamWrapper os(out);
    Writer w(os);
    w.StartObject();
    w.Key("entity");
    json_vertex(w, g, v);
    w.Key("neighbours");
    w.StartArray();
    for (Edge e : edges) {
      w.StartObject();
      w.Key("entity");
      json_vertex(w, g, other_end(g, e, v));
      w.Key("edge");
      json_edge(w, g, e);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    os.Flush();
    out << '\n';
    return;
  }
  out << cell(g[v].label) << " (" << to_string(g[v].type) << "): " << edges.size()
      << (edges.size() == 1 ? " relation\n" : " relations\n");
  if (edges.empty()) return;
  std::vector<std::vector<std::string>> rows{{"NAME", "TYPE", "RELATION", "WEIGHT", "DATES", "DOCS"}};
  for (Edge e : edges) {
    Vertex o = other_end(g, e, v);
    const auto& p = g[e];
    std::string docs;
    for (std::size_t i = 0; i < p.docs.size() && i < 3; ++i) docs += (i ? ", " : "") + p.docs[i];
    if (p.docs.size() > 3) docs += ", ... (" + std::to_string(p.docs.size()) + ")";
    rows.push_back({cell(g[o].label), std::string(to_string(g[o].type)), cell(relation_text(p)),
                    std::to_string(p.weight), dates_text(p), cell(docs)});
  }
  print_table(out, rows);
}

void print_path(std::ostream& out, const KnowledgeGraph& kg, Vertex a, Vertex b,
                const std::optional<std::vector<Hop>>& path, bool json) {
  const Graph& g = kg.graph();
  if (json) {
    rapidjson::OStreamWrapper os(out);
    Writer w(os);
    w.StartObject();
    w.Key("from");
    json_vertex(w, g, a);
    w.Key("to");
    json_vertex(w, g, b);
    w.Key("found");
    w.Bool(path.has_value());
    w.Key("hops");
    w.StartArray();
    if (path)
      for (const auto& h : *path) {
        w.StartObject();
        w.Key("from");
        json_vertex(w, g, h.from);
        w.Key("to");
        json_vertex(w, g, h.to);
        w.Key("edge");
        json_edge(w, g, h.edge);
        w.EndObject();
      }
    w.EndArray();
    w.EndObject();
    os.Flush();
    out << '\n';
    return;
  }
  if (!path) {
    out << "no path from " << cell(g[a].label) << " to " << cell(g[b].label) << '\n';
    return;
  }
  out << path->size() << (path->size() == 1 ? " hop" : " hops") << " from " << cell(g[a].label) << " to "
      << cell(g[b].label) << ":\n";
  for (std::size_t i = 0; i < path->size(); ++i) {
    const auto& h = (*path)[i];
    const auto& p = g[h.edge];
    out << "  " << i + 1 << ". " << cell(g[h.from].label) << " -- " << cell(relation_text(p)) << " -- "
        << cell(g[h.to].label) << "  [weight " << p.weight << ", " << dates_text(p) << "]\n";
    if (!p.evidence.empty()) {
      const auto& ev = p.evidence.front();
      out << "     " << ev.doc << (ev.date ? " " + *ev.date : std::string()) << ": " << cell(ev.text) << '\n';
    }
  }
}

void print_top(std::ostream& out, const KnowledgeGraph& kg, TopBy by, const std::vector<TopRow>& rows, bool json) {
  const Graph& g = kg.graph();
  const char* by_name = by == TopBy::Degree ? "degree" : by == TopBy::Weighted ? "weighted" : "betweenness";
  if (json) {
    rapidjson::OStreamWrapper os(out);
    Writer w(os);
    w.StartObject();
    w.Key("by");
    w.String(by_name);
    w.Key("rows");
    w.StartArray();
    for (const auto& r : rows) {
      w.StartObject();
      jkv(w, "key", g[r.v].key);
      jkv(w, "label", g[r.v].label);
      jkv(w, "type", std::string(to_string(g[r.v].type)));
      w.Key("degree");
      w.Uint64(r.metrics.degree);
      w.Key("weighted_degree");
      w.Uint64(r.metrics.weighted_degree);
      w.Key("betweenness");
      w.Double(r.metrics.betweenness);
      w.Key("component");
      w.Uint64(r.metrics.component);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    os.Flush();
    out << '\n';
    return;
  }
  std::vector<std::vector<std::string>> table{{"#", "NAME", "TYPE", "DEGREE", "WEIGHTED", "BETWEENNESS"}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    char bc[32];
    std::snprintf(bc, sizeof bc, "%.4f", r.metrics.betweenness);
    table.push_back({std::to_string(i + 1), cell(g[r.v].label), std::string(to_string(g[r.v].type)),
                     std::to_string(r.metrics.degree), std::to_string(r.metrics.weighted_degree), bc});
  }
  print_table(out, table);
}

}  // namespace newsgraph
