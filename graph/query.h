// Questions over a saved graph, as `newsgraph query` asks them:
//   who-met NAME        meeting partners of NAME
//   neighbours NAME     every entity linked to NAME (optionally one category)
//   path A B            a shortest chain of relations from A to B, each hop with evidence
//   top                 the most connected entities (degree, weighted degree, betweenness)
// Every query takes a Filter on category and dates. Results are plain structs; print_* turn
// them into a readable table or JSON.
//
// All functions expect a graph in canonical order (KnowledgeGraph::canonical(), which is what
// KnowledgeGraph::load() gives for a saved file), so ties are broken by key and results do not
// depend on how the graph was merged.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/analytics.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {

struct Filter {
  std::optional<std::string> category;  // keep only edges of this category
  // Keep only edges with at least one date d where since <= d and d <= until. A bound may be a
  // prefix ("2024", "2024-04"): --until 2024 includes all of 2024. With either bound set,
  // undated edges are dropped.
  std::optional<std::string> since;
  std::optional<std::string> until;
};
bool passes(const EdgeProps& e, const Filter& f);

// Finds NAME: first by exact normalised key (so "Vuong Dinh Hue" finds "Vương Đình Huệ"), then
// by whole words of a key ("Xi" -> "Xi Jinping", "Dinh Hue" -> "Vuong Dinh Hue"). Returns every
// candidate, sorted by key: none = unknown name, more than one = ambiguous (callers list them).
std::vector<Vertex> resolve_name(const KnowledgeGraph& g, std::string_view name);

// Edges at `v` that pass `f`, heaviest first (then by the other end's key).
std::vector<Edge> neighbours(const KnowledgeGraph& g, Vertex v, const Filter& f);

struct Hop {
  Vertex from;
  Vertex to;
  Edge edge;  // the heaviest passing edge between from and to
};
// A shortest path (fewest hops) from a to b over edges passing `f`; nullopt when b cannot be
// reached; empty when a == b. Among equal-length paths, neighbours are tried in key order.
std::optional<std::vector<Hop>> shortest_path(const KnowledgeGraph& g, Vertex a, Vertex b, const Filter& f);

enum class TopBy { Degree, Weighted, Betweenness };
std::optional<TopBy> top_by_from(std::string_view s);  // "degree", "weighted", "betweenness"
struct TopRow {
  Vertex v;
  NodeMetrics metrics;
};
// The n highest-ranked vertices with at least one passing edge, ties broken by key.
std::vector<TopRow> top(const KnowledgeGraph& g, TopBy by, std::size_t n, const Filter& f);

// Output. Tables are aligned columns for a terminal; JSON is one object per call.
void print_candidates(std::ostream& out, const KnowledgeGraph& g, std::string_view name,
                      const std::vector<Vertex>& candidates, bool json);
void print_neighbours(std::ostream& out, const KnowledgeGraph& g, Vertex v, const std::vector<Edge>& edges,
                      bool json);
void print_path(std::ostream& out, const KnowledgeGraph& g, Vertex a, Vertex b,
                const std::optional<std::vector<Hop>>& path, bool json);
void print_top(std::ostream& out, const KnowledgeGraph& g, TopBy by, const std::vector<TopRow>& rows, bool json);

}  // namespace newsgraph
