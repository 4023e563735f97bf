#include "graph/analytics.h"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include <cmath>
#include <set>
#include <utility>

namespace newsgraph {
namespace detail {

std::vector<NodeMetrics> compute_metrics_mask(const KnowledgeGraph& kg, const std::vector<bool>* keep) {
  const Graph& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  std::vector<NodeMetrics> out(n);

  // Simple graph for components and betweenness: Brandes would count a parallel edge as a
  // second shortest path.
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Simple s(n);
  std::set<std::pair<std::size_t, std::size_t>> seen;
  auto edges = kg.sorted_edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (keep && !(*keep)[i]) continue;
    auto a = boost::source(edges[i], g), b = boost::target(edges[i], g);
    out[a].degree++;
    out[b].degree++;
    out[a].weighted_degree += g[edges[i]].weight;
    out[b].weighted_degree += g[edges[i]].weight;
    auto key = std::minmax(a, b);
    if (seen.insert({key.first, key.second}).second) boost::add_edge(a, b, s);
  }
  if (n == 0) return out;

  std::vector<int> comp(n);
  boost::connected_components(s, comp.data());
  for (std::size_t v = 0; v < n; ++v) out[v].component = static_cast<std::size_t>(comp[v]);

  std::vector<double> bc(n, 0.0);
  boost::brandes_betweenness_centrality(
      s, boost::make_iterator_property_map(bc.begin(), boost::get(boost::vertex_index, s)));
  // On an undirected graph Boost counts each unordered pair {s, t} once; NetworkX's normalised
  // value is that count divided by the (n-1)(n-2)/2 pairs not containing the vertex.
  double scale = n > 2 ? 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;
  for (std::size_t v = 0; v < n; ++v) out[v].betweenness = std::round(bc[v] * scale * 1e9) / 1e9;
  return out;
}

}  // namespace detail

std::vector<NodeMetrics> compute_metrics(const KnowledgeGraph& g) { return detail::compute_metrics_mask(g, nullptr); }

}  // namespace newsgraph
