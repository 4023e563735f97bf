// Node measures that Gephi users otherwise compute by hand, written by every exporter and used
// by `query top`. All are computed on the undirected simple graph underneath the knowledge
// graph: parallel edges between two entities (an office held twice, say) count once for
// components and betweenness, but each counts for degree and weighted degree, as NetworkX
// counts them on the MultiGraph it reads back.
#pragma once

#include <cstddef>
#include <vector>

#include "graph/knowledge_graph.h"

namespace newsgraph {

struct NodeMetrics {
  std::size_t degree = 0;           // incident edges
  std::size_t weighted_degree = 0;  // sum of incident edge weights (mentions)
  std::size_t component = 0;       // 0-based; components numbered by their first vertex
  double betweenness = 0.0;         // normalised like NetworkX's betweenness_centrality()
};

// Exact betweenness (Boost's brandes_betweenness_centrality) costs O(V*E): minutes for a graph of
// 20,000 entities and 200,000 edges. Above this much work (V*E) it is estimated instead from
// kBetweennessPivots source vertices spread evenly over the vertex order (Brandes' algorithm
// from those sources only, scaled by V/pivots, as NetworkX's betweenness_centrality(k=...)
// does with random sources). Deterministic either way.
constexpr double kExactBetweennessWork = 2e8;
constexpr std::size_t kBetweennessPivots = 256;
// True when compute_metrics gives exact betweenness for a graph of this size.
bool betweenness_is_exact(std::size_t vertices, std::size_t edges);

// One entry per vertex, indexed by vertex descriptor (vecS: 0..n-1). Component numbers follow
// the graph's vertex order, so call it on KnowledgeGraph::canonical() for numbers that do not
// depend on merge order. Betweenness is Brandes' algorithm (O(V*E)), the unweighted shortest
// paths, normalised like NetworkX: pair dependencies / ((n-1)(n-2)/2) for n > 2 (0 otherwise), rounded to 1e-9 so that outputs are
// stable across platforms.
std::vector<NodeMetrics> compute_metrics(const KnowledgeGraph& g);

// Same, over only the edges for which keep(edge) is true (for query filters). Degree counts
// only kept edges.
template <typename Pred>
std::vector<NodeMetrics> compute_metrics_if(const KnowledgeGraph& g, Pred keep);

namespace detail {
// Brandes' accumulation from the given sources only, over undirected simple adjacency lists:
// dependencies summed over ordered pairs (s, t) with s in `sources`. Walks from `threads`
// sources run at once; the result is bit-identical for any number of threads. Exposed for tests.
std::vector<double> brandes_from(const std::vector<std::vector<std::size_t>>& adj,
                                 const std::vector<std::size_t>& sources, std::size_t threads = 1);
std::vector<NodeMetrics> compute_metrics_mask(const KnowledgeGraph& g, const std::vector<bool>* keep_by_edge_index);
}

template <typename Pred>
std::vector<NodeMetrics> compute_metrics_if(const KnowledgeGraph& g, Pred keep) {
  std::vector<bool> mask;
  for (auto e : g.sorted_edges()) mask.push_back(keep(e));
  return detail::compute_metrics_mask(g, &mask);
}

}  // namespace newsgraph
