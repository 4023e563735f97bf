#include "graph/analytics.h"

#include <boost/graph/betweenness_centrality.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <thread>
#include <utility>

namespace newsgraph {

bool betweenness_is_exact(std::size_t vertices, std::size_t edges) {
  return static_cast<double>(vertices) * static_cast<double>(edges) <= kExactBetweennessWork;
}

namespace detail {

namespace {

// Adjacency in two flat arrays (compressed sparse rows): the neighbours of v are
// next[start[v] .. start[v + 1]). Half the memory of vectors of size_t and no pointer chasing,
// which is most of the cost of running Brandes from hundreds of sources.
struct Adjacency {
  std::vector<std::uint32_t> start;
  std::vector<std::uint32_t> next;
};

// Brandes' two passes from one source, with state of its own, so that walks from several
// sources can run on several threads.
class Walk {
 public:
  explicit Walk(std::size_t n) : sigma_(n, 0.0), delta_(n, 0.0), dist_(n, -1), queue_(n) {}

  void run(const Adjacency& adj, std::uint32_t s) {
    // Plain pointers and a queue of fixed size (each vertex enters once): no push_back in the
    // inner loops, so nothing forces the compiler to reload these from memory at every step.
    double* const sigma = sigma_.data();
    double* const delta = delta_.data();
    std::int32_t* const dist = dist_.data();
    std::uint32_t* const queue = queue_.data();
    const std::uint32_t* const start = adj.start.data();
    const std::uint32_t* const next = adj.next.data();
    for (std::size_t i = 0; i < tail_; ++i) {  // reset only what the last source reached
      sigma[queue[i]] = 0.0;
      delta[queue[i]] = 0.0;
      dist[queue[i]] = -1;
    }
    std::size_t tail = 0;
    source_ = s;
    sigma[s] = 1.0;
    dist[s] = 0;
    queue[tail++] = s;
    for (std::size_t head = 0; head < tail; ++head) {
      const std::uint32_t v = queue[head];
      const std::int32_t dw = dist[v] + 1;
      const double sv = sigma[v];
      for (std::uint32_t i = start[v], end = start[v + 1]; i < end; ++i) {
        const std::uint32_t w = next[i];
        if (dist[w] < 0) {
          dist[w] = dw;
          queue[tail++] = w;
        }
        if (dist[w] == dw) sigma[w] += sv;
      }
    }
    for (std::size_t j = tail; j-- > 0;) {
      const std::uint32_t w = queue[j];
      const std::int32_t dv = dist[w] - 1;
      const double sw = sigma[w], dw1 = 1.0 + delta[w];
      for (std::uint32_t i = start[w], end = start[w + 1]; i < end; ++i) {
        const std::uint32_t v = next[i];
        if (dist[v] == dv) delta[v] += sigma[v] / sw * dw1;
      }
    }
    tail_ = tail;
  }

  // bc[w] += this source's dependency of w. Vertices not reached would add 0.0, which changes
  // nothing, so only the reached ones are visited.
  void add_to(std::vector<double>& bc) const {
    for (std::size_t i = 0; i < tail_; ++i)
      if (queue_[i] != source_) bc[queue_[i]] += delta_[queue_[i]];
  }

 private:
  std::vector<double> sigma_, delta_;
  std::vector<std::int32_t> dist_;
  std::vector<std::uint32_t> queue_;  // BFS order, walked backwards for the dependencies
  std::size_t tail_ = 0;
  std::uint32_t source_ = 0;
};

// Walks from `threads` sources at a time. Their dependencies are added to the sums in source
// order, so every sum is made of the same additions in the same order whatever the number of
// threads: results are bit-identical to one thread's.
std::vector<double> brandes_csr(const Adjacency& adj, const std::vector<std::size_t>& sources, std::size_t threads) {
  const std::size_t n = adj.start.empty() ? 0 : adj.start.size() - 1;
  std::vector<double> bc(n, 0.0);
  threads = std::max<std::size_t>(1, std::min(threads, sources.size()));
  std::vector<Walk> walks(threads, Walk(n));
  for (std::size_t i = 0; i < sources.size(); i += threads) {
    const std::size_t m = std::min(threads, sources.size() - i);
    std::vector<std::thread> running;
    for (std::size_t j = 1; j < m; ++j)
      running.emplace_back([&, j] { walks[j].run(adj, static_cast<std::uint32_t>(sources[i + j])); });
    walks[0].run(adj, static_cast<std::uint32_t>(sources[i]));
    for (auto& t : running) t.join();
    for (std::size_t j = 0; j < m; ++j) walks[j].add_to(bc);
  }
  return bc;
}

// Threads for the sampled betweenness: it is the one long computation of an export.
std::size_t walk_threads() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

}  // namespace

std::vector<double> brandes_from(const std::vector<std::vector<std::size_t>>& adj, const std::vector<std::size_t>& sources,
                                 std::size_t threads) {
  Adjacency a;
  a.start.reserve(adj.size() + 1);
  a.start.push_back(0);
  for (const auto& ns : adj) {
    for (std::size_t w : ns) a.next.push_back(static_cast<std::uint32_t>(w));
    a.start.push_back(static_cast<std::uint32_t>(a.next.size()));
  }
  return brandes_csr(a, sources, threads);
}

std::vector<NodeMetrics> compute_metrics_mask(const KnowledgeGraph& kg, const std::vector<bool>* keep) {
  const Graph& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  std::vector<NodeMetrics> out(n);

  // Simple graph for components and betweenness: Brandes would count a parallel edge as a
  // second shortest path. `pairs` holds each (smaller, larger) pair once, sorted; `first_seen`
  // keeps them in canonical edge order, the order Boost's exact Brandes has always got them in.
  std::vector<std::uint64_t> pairs;
  auto edges = kg.sorted_edges();
  pairs.reserve(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (keep && !(*keep)[i]) continue;
    auto a = boost::source(edges[i], g), b = boost::target(edges[i], g);
    out[a].degree++;
    out[b].degree++;
    out[a].weighted_degree += g[edges[i]].weight;
    out[b].weighted_degree += g[edges[i]].weight;
    auto [lo, hi] = std::minmax(a, b);
    pairs.push_back((std::uint64_t{lo} << 32) | hi);
  }
  std::vector<std::uint64_t> first_seen = pairs;
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  if (n == 0) return out;

  // Neighbours in increasing order: filling from the sorted pairs gives that directly.
  Adjacency adj;
  adj.start.assign(n + 1, 0);
  for (auto p : pairs) {
    adj.start[(p >> 32) + 1]++;
    adj.start[(p & 0xffffffffu) + 1]++;
  }
  for (std::size_t v = 0; v < n; ++v) adj.start[v + 1] += adj.start[v];
  adj.next.resize(adj.start[n]);
  {
    std::vector<std::uint32_t> fill(adj.start.begin(), adj.start.end() - 1);
    for (auto p : pairs) {
      auto a = static_cast<std::uint32_t>(p >> 32), b = static_cast<std::uint32_t>(p & 0xffffffffu);
      adj.next[fill[a]++] = b;
      adj.next[fill[b]++] = a;
    }
  }

  // Components numbered in order of their first vertex, as boost::connected_components does.
  {
    std::vector<std::size_t> comp(n, SIZE_MAX), queue;
    std::size_t count = 0;
    for (std::size_t r = 0; r < n; ++r) {
      if (comp[r] != SIZE_MAX) continue;
      comp[r] = count;
      queue.assign(1, r);
      for (std::size_t head = 0; head < queue.size(); ++head)
        for (std::uint32_t i = adj.start[queue[head]]; i < adj.start[queue[head] + 1]; ++i)
          if (comp[adj.next[i]] == SIZE_MAX) {
            comp[adj.next[i]] = count;
            queue.push_back(adj.next[i]);
          }
      ++count;
    }
    for (std::size_t v = 0; v < n; ++v) out[v].component = comp[v];
  }

  std::vector<double> bc(n, 0.0);
  // NetworkX's normalised value: dependencies over unordered pairs {s, t} divided by the
  // (n-1)(n-2)/2 pairs not containing the vertex.
  double scale = n > 2 ? 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;
  if (betweenness_is_exact(n, pairs.size())) {
    using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Simple s(n);
    std::vector<bool> added(pairs.size());
    for (auto p : first_seen) {
      auto at = static_cast<std::size_t>(std::lower_bound(pairs.begin(), pairs.end(), p) - pairs.begin());
      if (added[at]) continue;
      added[at] = true;
      boost::add_edge(p >> 32, p & 0xffffffffu, s);
    }
    // On an undirected graph Boost counts each unordered pair once.
    boost::brandes_betweenness_centrality(
        s, boost::make_iterator_property_map(bc.begin(), boost::get(boost::vertex_index, s)));
  } else {
    std::vector<std::size_t> pivots;
    const std::size_t k = std::min(n, kBetweennessPivots);
    for (std::size_t i = 0; i < k; ++i) pivots.push_back(i * n / k);
    bc = brandes_csr(adj, pivots, walk_threads());
    // Ordered pairs from k sources estimate n/k times as many; halve for unordered pairs.
    for (auto& x : bc) x *= static_cast<double>(n) / static_cast<double>(k) / 2.0;
  }
  for (std::size_t v = 0; v < n; ++v) out[v].betweenness = std::round(bc[v] * scale * 1e9) / 1e9;
  return out;
}

}  // namespace detail

std::vector<NodeMetrics> compute_metrics(const KnowledgeGraph& g) { return detail::compute_metrics_mask(g, nullptr); }

}  // namespace newsgraph
