#include "graph/analytics.h"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

namespace newsgraph {

bool betweenness_is_exact(std::size_t vertices, std::size_t edges) {
  return static_cast<double>(vertices) * static_cast<double>(edges) <= kExactBetweennessWork;
}

namespace detail {

std::vector<double> brandes_from(const std::vector<std::vector<std::size_t>>& adj, const std::vector<std::size_t>& sources) {
  const std::size_t n = adj.size();
  std::vector<double> bc(n, 0.0), sigma(n), delta(n);
  std::vector<std::int64_t> dist(n);
  std::vector<std::size_t> order, queue;
  order.reserve(n);
  queue.reserve(n);
  for (std::size_t s : sources) {
    std::fill(sigma.begin(), sigma.end(), 0.0);
    std::fill(delta.begin(), delta.end(), 0.0);
    std::fill(dist.begin(), dist.end(), -1);
    order.clear();
    queue.clear();
    sigma[s] = 1.0;
    dist[s] = 0;
    queue.push_back(s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      std::size_t v = queue[head];
      order.push_back(v);
      for (std::size_t w : adj[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      std::size_t w = *it;
      for (std::size_t v : adj[w])
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      if (w != s) bc[w] += delta[w];
    }
  }
  return bc;
}


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
  // NetworkX's normalised value: dependencies over unordered pairs {s, t} divided by the
  // (n-1)(n-2)/2 pairs not containing the vertex.
  double scale = n > 2 ? 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;
  if (betweenness_is_exact(n, seen.size())) {
    // On an undirected graph Boost counts each unordered pair once.
    boost::brandes_betweenness_centrality(
        s, boost::make_iterator_property_map(bc.begin(), boost::get(boost::vertex_index, s)));
  } else {
    std::vector<std::vector<std::size_t>> adj(n);
    for (const auto& [a, b] : seen) {
      adj[a].push_back(b);
      adj[b].push_back(a);
    }
    std::vector<std::size_t> pivots;
    const std::size_t k = std::min(n, kBetweennessPivots);
    for (std::size_t i = 0; i < k; ++i) pivots.push_back(i * n / k);
    bc = brandes_from(adj, pivots);
    // Ordered pairs from k sources estimate n/k times as many; halve for unordered pairs.
    for (auto& x : bc) x *= static_cast<double>(n) / static_cast<double>(k) / 2.0;
  }
  for (std::size_t v = 0; v < n; ++v) out[v].betweenness = std::round(bc[v] * scale * 1e9) / 1e9;
  return out;
}

}  // namespace detail

std::vector<NodeMetrics> compute_metrics(const KnowledgeGraph& g) { return detail::compute_metrics_mask(g, nullptr); }

}  // namespace newsgraph
