#include "eval/matching.h"

namespace newsgraph::eval {
namespace {

struct Kuhn {
  const std::vector<std::vector<int>>& adj;
  std::vector<int>& owner;
  std::vector<char> seen;

  bool augment(int i) {
    for (int j : adj[static_cast<std::size_t>(i)]) {
      auto uj = static_cast<std::size_t>(j);
      if (seen[uj]) continue;
      seen[uj] = 1;
      if (owner[uj] == -1 || augment(owner[uj])) {
        owner[uj] = i;
        return true;
      }
    }
    return false;
  }
};

}  // namespace

std::size_t Matching::size() const {
  std::size_t n = 0;
  for (int g : pred_to_gold) n += g != -1;
  return n;
}

std::vector<std::pair<int, int>> Matching::pairs() const {
  std::vector<std::pair<int, int>> out;
  for (std::size_t j = 0; j < pred_to_gold.size(); ++j)
    if (pred_to_gold[j] != -1) out.emplace_back(pred_to_gold[j], static_cast<int>(j));
  return out;
}

Matching max_matching(std::size_t n_gold, std::size_t n_pred,
                      const std::function<bool(std::size_t, std::size_t)>& compat) {
  std::vector<std::vector<int>> adj(n_gold);
  for (std::size_t i = 0; i < n_gold; ++i)
    for (std::size_t j = 0; j < n_pred; ++j)
      if (compat(i, j)) adj[i].push_back(static_cast<int>(j));
  Matching m;
  m.pred_to_gold.assign(n_pred, -1);
  m.gold_to_pred.assign(n_gold, -1);
  Kuhn k{adj, m.pred_to_gold, {}};
  for (std::size_t i = 0; i < n_gold; ++i) {
    k.seen.assign(n_pred, 0);  // a fresh `seen` per gold line, as in score.py
    k.augment(static_cast<int>(i));
  }
  for (std::size_t j = 0; j < n_pred; ++j)
    if (m.pred_to_gold[j] != -1) m.gold_to_pred[static_cast<std::size_t>(m.pred_to_gold[j])] = static_cast<int>(j);
  return m;
}

}  // namespace newsgraph::eval
