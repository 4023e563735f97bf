// The knowledge graph: one vertex per entity, one edge per (subject, relation, object), merged
// across any number of documents. It reads relation records (extract/relation.h) and nothing
// else from upstream; it never parses text.
//
//   KnowledgeGraph g;
//   g.add(record);              // one relation record
//   g.merge(other_graph);       // a shard built elsewhere
//   g.save(std::cout);          // canonical JSON Lines (below)
//
// Vertices. Entities merge on entity_key(): NFC, case folded, diacritics and punctuation
// removed, whitespace collapsed, so "Vương Đình Huệ" and "Vuong Dinh Hue" are one vertex.
// Every spelling seen is kept in `aliases`; the label is the most complete one (see
// better_spelling). Vertex types:
//   person        subject of any record, object of a meeting or call record;
//   organisation  the org of an office record, the object of membership/affiliation records;
//   office        the object of an office record whose org is null ("Foreign Minister"), so
//                 every holder of an org-less title links to one "foreign minister" vertex.
// When one key is seen with several types the highest wins: person > organisation > office.
//
// Edges. An office record becomes an edge holds_office person -> org vertex (or -> office
// vertex when org is null), with `title` and `former` as edge attributes; an office edge's
// identity includes the folded title and `former`, so "president of X" and "former president
// of X" stay two (parallel) edges. Other records become an edge subject -> object. Symmetric
// relations (meeting, call) use an order-free identity: the endpoint with the smaller key is
// the source. The graph is undirected for analytics; source/target keep subject/object order
// for asymmetric relations. Records whose two ends fold to the same key are dropped.
//
// Merge is a commutative, associative union: weights and mention counts add, aliases,
// dates and documents are set unions, evidence keeps the kMaxEvidence smallest items by
// (undated last, date, doc, span, text, rule, place). So shards merged in any order or
// grouping give byte-identical save() output.
//
// Saved-graph format (save/load): JSON Lines, one object per line, in this order:
//   {"newsgraph":"graph","version":1,"nodes":N,"edges":M}
//   {"kind":"node","key":K,"label":L,"type":T,"aliases":[...sorted],"mentions":n}   (by key)
//   {"kind":"edge","source":K1,"target":K2,"relation":R,"category":C,"symmetric":b,
//    "title":t,"org":o|null,"former":b,"weight":n,"dates":[...sorted],"docs":[...sorted],
//    "evidence":[{"doc","date"|null,"span":[b,e],"text","rule","place"|null},...]}
//   edges sorted by (source, target, relation, category, title key, former).
// No whitespace between tokens, and keys always come in this order, so equal graphs are
// byte-equal files. `merge` accepts these lines mixed with relation records, and also the
// one-line JSON node-link export (graph.json), which carries the same data.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/relation.h"

namespace newsgraph {

// Folding used to merge names across documents (see top of file). Never throws; invalid UTF-8
// is folded byte-wise. Returns "" for a name made only of punctuation.
std::string entity_key(std::string_view name);

// Valid UTF-8: every invalid byte becomes U+FFFD, so utf8proc never fails on record text and no
// exporter writes a file that a strict parser rejects.
std::string valid_utf8_text(std::string_view s);

// True when spelling `a` should be preferred to `b` as a label: more non-ASCII letters
// (diacritics kept), then mixed case over all-upper/all-lower, then longer, then bytewise
// smaller. A strict total order, so the choice is independent of the order seen.
bool better_spelling(std::string_view a, std::string_view b);

enum class EntityType { Office = 0, Organisation = 1, Person = 2 };
std::string_view to_string(EntityType t);          // "office", "organisation", "person"
std::optional<EntityType> entity_type_from(std::string_view s);

struct Evidence {
  std::string doc;
  std::optional<std::string> date;
  std::size_t span_begin = 0;
  std::size_t span_end = 0;
  std::string text;
  std::string rule;
  std::optional<std::string> place;
};
// The canonical order used to cap evidence deterministically (dated items first).
bool operator<(const Evidence& a, const Evidence& b);
bool operator==(const Evidence& a, const Evidence& b);

struct VertexProps {
  std::string key;    // entity_key(label); unique in the graph
  std::string label;  // the best spelling among aliases
  EntityType type = EntityType::Office;
  std::vector<std::string> aliases;  // every spelling seen, sorted, unique (includes label)
  std::size_t mentions = 0;          // record ends that named this entity
};

struct EdgeProps {
  std::string relation;  // met_with, phoned, holds_office, ...
  std::string category;  // meeting, call, office, ...
  bool symmetric = false;
  std::string title;               // office edges only
  std::optional<std::string> org;  // office edges only; null for org-less titles
  bool former = false;             // office edges only
  std::size_t weight = 0;          // number of records merged into this edge
  std::vector<std::string> dates;  // distinct ISO dates, sorted
  std::vector<std::string> docs;   // distinct document ids, sorted
  std::vector<Evidence> evidence;  // at most kMaxEvidence, sorted

  std::string first_date() const { return dates.empty() ? std::string() : dates.front(); }
  std::string last_date() const { return dates.empty() ? std::string() : dates.back(); }
};

// listS edge storage keeps edge descriptors (and their property pointers) stable as the graph
// grows; vecS vertices give dense indices for analytics.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexProps,
                                    EdgeProps, boost::no_property, boost::listS>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

// Thrown for a saved-graph line that cannot be read; what() says why (the caller adds
// FILE:LINE).
struct GraphFormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class KnowledgeGraph {
 public:
  // At most this many evidence items are kept per edge: enough to show why an edge exists,
  // few enough that a hub edge seen in 10,000 documents stays small.
  static constexpr std::size_t kMaxEvidence = 5;

  KnowledgeGraph();
  // Copies rebuild the indexes (edge descriptors point into one graph's edge list); moves keep
  // them, since the graph itself stays where it is on the heap.
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph(KnowledgeGraph&& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(KnowledgeGraph&& other);

  // Adds one record. Returns false (and changes nothing) when the record has an empty
  // subject or object, or both ends fold to the same key. The rvalue form moves the record's
  // strings into the graph instead of copying them.
  bool add(const Relation& r);
  bool add(Relation&& r);

  // Adds every vertex and edge of `other` (see "Merge" above).
  void merge(const KnowledgeGraph& other);

  // Adds one line of the saved-graph format (a header, node or edge line), or a whole JSON
  // node-link document on one line as export/json_graph.cpp writes it. Edge lines may come
  // before the node lines of their ends: missing ends are created from the key.
  // Throws GraphFormatError.
  void add_saved_line(std::string_view line);
  // True when a JSON line looks like a saved-graph line rather than a relation record.
  static bool is_saved_line(std::string_view line);

  // What merge_lines() read.
  struct ReadStats {
    std::size_t records = 0;      // relation records added
    std::size_t dropped = 0;      // records with an empty end or both ends one entity
    std::size_t graph_lines = 0;  // saved-graph / node-link lines added
    std::size_t bad_lines = 0;    // malformed lines, reported and skipped
  };
  // Reads JSON Lines holding relation records and/or saved-graph lines, in any mix. A
  // malformed line is reported as "NAME:LINE: why" to `error` and skipped; reading goes on.
  ReadStats merge_lines(std::istream& in, const std::string& name,
                        const std::function<void(const std::string&)>& error);

  // Writes the canonical form (see top of file). Deterministic for equal graphs.
  void save(std::ostream& out) const;
  // Reads a whole saved graph. Throws GraphFormatError with "line N: ...".
  static KnowledgeGraph load(std::istream& in);

  // Lookup by entity_key(name); nullopt when absent.
  std::optional<Vertex> find(std::string_view name) const;

  const Graph& graph() const { return *g_; }
  std::size_t num_vertices() const { return boost::num_vertices(*g_); }
  std::size_t num_edges() const { return boost::num_edges(*g_); }

  // The descriptor of `e` with its stored orientation (source = subject, or the smaller key for
  // symmetric relations). Needed because out_edges(v) of an undirected graph reports every
  // edge with source == v.
  Edge oriented(Edge e) const;

  // Vertices sorted by key and edges in canonical order: exporters write in this order so
  // their output does not depend on how the graph was assembled.
  std::vector<Vertex> sorted_vertices() const;
  std::vector<Edge> sorted_edges() const;

  // A copy whose internal vertex and edge order is the canonical one (vertex i of the copy is
  // sorted_vertices()[i]). Analytics on it are then independent of merge order too. The rvalue
  // form moves the properties instead of copying them, and returns the graph itself when it is
  // canonical already (as a loaded saved graph is).
  KnowledgeGraph canonical() const&;
  KnowledgeGraph canonical() &&;
  // True when the internal order is the canonical one.
  bool is_canonical() const;

 private:
  // An edge's identity, (source key, target key, relation, category, folded title, former), as
  // integers: vertex indices and interned strings (atoms_). Hashing six integers is what makes
  // merging a million records cheap; the canonical order is recovered by sorting on demand.
  struct EdgeKey {
    std::uint32_t source, target, relation, category, title;
    bool former;
    bool operator==(const EdgeKey&) const = default;
    std::size_t hash() const;
  };
  // Heterogeneous lookup: find a std::string key with a string_view, without a copy.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

  // The vertex of `key`, created if missing; raises its type to `type`, adds `mentions`, and
  // adds `spelling` to its aliases (the label is the best alias, or the key when none).
  Vertex vertex_for(std::string_view key, std::optional<std::string_view> spelling, EntityType type,
                    std::size_t mentions);
  void add_aliases(Vertex v, const std::vector<std::string>& aliases);
  void add_node_line(const std::string& key, const std::string& label, const std::string& type_name,
                     std::size_t mentions, std::vector<std::string> aliases);
  void add_edge_line(const std::string& source_key, const std::string& target_key, EdgeProps&& p);
  template <typename Props>
  void merge_edge(Vertex s, Vertex t, Props&& p);
  // edges_ index of `k`, or nullopt.
  std::optional<std::size_t> find_edge(const EdgeKey& k) const;
  // Appends a new edge to edges_ and the hash table.
  void index_edge(const EdgeKey& k, Edge e);
  std::uint32_t atom(std::string_view s);
  std::uint32_t title_atom(const std::string& title);
  // The identity of `e` as stored, or nullopt when a string of it was never interned.
  std::optional<EdgeKey> find_edge_key(const Edge& e) const;
  // Indices into edges_ in canonical order.
  std::vector<std::uint32_t> canonical_edge_order() const;
  // canonical() of a const graph (copies) or of one about to be discarded (moves).
  template <typename Self>
  static KnowledgeGraph canonical_of(Self& self);

  // Reading (merge_lines): a second thread reads and parses lines into ParsedLines, which
  // this one applies in line order. Parsing needs no graph, so it runs beside the building.
  struct SavedItem;   // a node or an edge of a saved-graph line, parsed, not yet added
  struct ParsedLine;  // one input line, parsed
  class LineParser;
  // Adds a parsed line; throws what the line-at-a-time reading threw for it.
  void apply(ParsedLine& line, ReadStats& st);
  void reindex();

  std::unique_ptr<Graph> g_;  // on the heap so that a move leaves every descriptor valid
  StringMap<Vertex> by_key_;
  StringMap<Vertex> by_spelling_;  // a record end's name as written -> its vertex (a memo)
  std::vector<std::string> atoms_;  // relations, categories, folded titles
  StringMap<std::uint32_t> atom_ids_;
  StringMap<std::uint32_t> title_atoms_;  // title as spelled -> atom of its entity_key
  // Every edge with its identity, in the order added (the graph's edge list order), and an
  // open-addressing hash table over it: slot = 1 + index into edges_, 0 = free. No allocation
  // per edge, and a sequential walk for sorting.
  std::vector<std::pair<EdgeKey, Edge>> edges_;
  std::vector<std::uint32_t> edge_slots_;
};

}  // namespace newsgraph
