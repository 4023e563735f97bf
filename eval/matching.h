// One-to-one matching of gold lines and prediction units: a gold line is matched at most once
// and a prediction at most once, and as many as possible are matched (maximum bipartite
// matching). Which pairs end up matched matters beyond the count (the "w/o former" score and the
// --errors listing read them), so this is exactly the reference scorer's algorithm: Kuhn's
// augmenting paths, golds tried in order, each gold's candidate predictions in index order.
#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace newsgraph::eval {

struct Matching {
  std::vector<int> gold_to_pred;  // -1 when unmatched
  std::vector<int> pred_to_gold;  // -1 when unmatched
  std::size_t size() const;
  // (gold, pred) pairs in prediction order (the order score.py's dict iterates in).
  std::vector<std::pair<int, int>> pairs() const;
};

// compat(g, p): may gold g be matched with prediction p.
Matching max_matching(std::size_t n_gold, std::size_t n_pred,
                      const std::function<bool(std::size_t, std::size_t)>& compat);

}  // namespace newsgraph::eval
