#include "graph/knowledge_graph.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

#include "graph/ordered_blocks.h"

namespace newsgraph {

std::string valid_utf8_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      n = 1;
    } else {
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    }
    p += n;
    left -= n;
  }
  return out;
}

namespace {


void append_cp(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Letters that carry no combining mark, so STRIPMARK leaves them alone ("Đ" is its own letter).
const char* fold_letter(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x0111: return "d";   // đ (Vietnamese)
    case 0x00F0: return "d";   // ð
    case 0x00F8: return "o";   // ø
    case 0x0142: return "l";   // ł
    case 0x00E6: return "ae";  // æ
    case 0x0153: return "oe";  // œ
    case 0x0131: return "i";   // dotless ı
    case 0x00FE: return "th";  // þ
    default: return nullptr;
  }
}

std::size_t non_ascii_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if (c >= 0xC0) ++n;  // lead bytes: one per non-ASCII code point
  return n;
}

bool mixed_case(std::string_view s) {
  bool upper = false, lower = false;
  for (unsigned char c : s) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
  }
  return upper && lower;
}

template <typename T>
void union_into(std::vector<T>& into, const std::vector<T>& from) {
  // One mention at a time is the common case (build, merge of records): insert in place rather
  // than copying the whole list, which made an edge seen in n documents cost O(n^2).
  if (from.size() == 1) {
    auto pos = std::lower_bound(into.begin(), into.end(), from.front());
    if (pos == into.end() || from.front() < *pos) into.insert(pos, from.front());
    return;
  }
  std::vector<T> out;
  out.reserve(into.size() + from.size());
  std::set_union(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(out));
  into.swap(out);
}

void merge_evidence(std::vector<Evidence>& into, const std::vector<Evidence>& from) {
  union_into(into, from);
  if (into.size() > KnowledgeGraph::kMaxEvidence) into.resize(KnowledgeGraph::kMaxEvidence);
}

// Saved-graph lines are written straight into one buffer, escaped byte for byte as
// rapidjson::Writer escapes (the format's reference writer, still used for records):
// " and \\ and control characters; everything else, UTF-8 included, as it is.
bool json_escaped(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// True when one of the eight bytes of x is below 0x20, '"' or '\\' (bytewise tests on a 64-bit
// word; a true answer is checked byte by byte, so the test only has to miss nothing).
bool json_escaped8(std::uint64_t x) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero_byte = [&](std::uint64_t y) { return (y - ones) & ~y & highs; };
  return ((x - ones * 0x20) & ~x & highs) | zero_byte(x ^ (ones * '"')) | zero_byte(x ^ (ones * '\\'));
}

void put_str(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char* p = s.data();
  const std::size_t n = s.size();
  out += '"';
  std::size_t i = 0, run = 0;
  for (;;) {
    for (std::uint64_t x; i + 8 <= n; i += 8) {  // evidence sentences: skip clean words whole
      std::memcpy(&x, p + i, 8);
      if (json_escaped8(x)) break;
    }
    while (i < n && !json_escaped(static_cast<unsigned char>(p[i]))) ++i;
    if (i == n) break;
    const auto c = static_cast<unsigned char>(p[i]);
    out.append(p + run, i - run);
    run = ++i;
    out += '\\';
    switch (c) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '\b': out += 'b'; break;
      case '\t': out += 't'; break;
      case '\n': out += 'n'; break;
      case '\f': out += 'f'; break;
      case '\r': out += 'r'; break;
      default:
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(p + run, n - run);
  out += '"';
}
void put_opt(std::string& out, const std::optional<std::string>& s) {
  if (s)
    put_str(out, *s);
  else
    out += "null";
}
void put_list(std::string& out, const std::vector<std::string>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    put_str(out, v[i]);
  }
  out += ']';
}
void put_uint(std::string& out, std::uint64_t n) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, r.ptr);
}
void put_bool(std::string& out, bool b) { out += b ? "true" : "false"; }

std::string str_field(const rapidjson::Value& o, const char* key, bool required) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || it->value.IsNull()) {
    if (required) throw GraphFormatError(std::string("missing field \"") + key + "\"");
    return {};
  }
  if (!it->value.IsString()) throw GraphFormatError(std::string("field \"") + key + "\" is not a string");
  return {it->value.GetString(), it->value.GetStringLength()};
}
std::optional<std::string> opt_field(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsString()) throw GraphFormatError(std::string("field \"") + key + "\" is not a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}
std::size_t uint_field(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd()) return 0;
  if (!it->value.IsUint64()) throw GraphFormatError(std::string("field \"") + key + "\" is not a count");
  return it->value.GetUint64();
}
bool bool_field(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || it->value.IsNull()) return false;
  if (!it->value.IsBool()) throw GraphFormatError(std::string("field \"") + key + "\" is not a boolean");
  return it->value.GetBool();
}
std::vector<std::string> list_field(const rapidjson::Value& o, const char* key) {
  std::vector<std::string> out;
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || it->value.IsNull()) return out;
  if (!it->value.IsArray()) throw GraphFormatError(std::string("field \"") + key + "\" is not an array");
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsString()) throw GraphFormatError(std::string("field \"") + key + "\" holds a non-string");
    out.emplace_back(v.GetString(), v.GetStringLength());
  }
  // Saved graphs hold sorted lists: check before sorting.
  if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::string entity_key(std::string_view name) {
  const std::string clean = valid_utf8_text(name);
  utf8proc_uint8_t* mapped = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                             UTF8PROC_STRIPMARK);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                                    static_cast<utf8proc_ssize_t>(clean.size()), &mapped, opts);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
  std::string out;
  if (n < 0) return out;  // cannot happen on valid UTF-8; folding to "" drops the record
  bool space = false;
  const utf8proc_uint8_t* p = mapped;
  utf8proc_ssize_t left = n;
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
    if (k <= 0) break;
    p += k;
    left -= k;
    auto cat = utf8proc_category(cp);
    bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    // Dashes and separators split words ("Jean-Pierre" == "Jean Pierre"); other punctuation
    // and marks vanish ("O'Brien" == "OBrien", "Mr." == "Mr").
    bool sep = cat == UTF8PROC_CATEGORY_PD || (cat >= UTF8PROC_CATEGORY_ZS && cat <= UTF8PROC_CATEGORY_ZP) ||
               cp == '\t' || cp == '\n' || cp == '\r';
    if (word) {
      if (space && !out.empty()) out += ' ';
      space = false;
      if (const char* f = fold_letter(cp))
        out += f;
      else
        append_cp(out, cp);
    } else if (sep) {
      space = true;
    }
  }
  return out;
}

bool better_spelling(std::string_view a, std::string_view b) {
  auto na = non_ascii_count(a), nb = non_ascii_count(b);
  if (na != nb) return na > nb;
  bool ma = mixed_case(a), mb = mixed_case(b);
  if (ma != mb) return ma;
  if (a.size() != b.size()) return a.size() > b.size();
  return a < b;
}

std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::Person: return "person";
    case EntityType::Organisation: return "organisation";
    case EntityType::Office: return "office";
  }
  return "office";
}

std::optional<EntityType> entity_type_from(std::string_view s) {
  if (s == "person") return EntityType::Person;
  if (s == "organisation") return EntityType::Organisation;
  if (s == "office") return EntityType::Office;
  return std::nullopt;
}

namespace {
auto evidence_tuple(const Evidence& e) {
  return std::tie(e.doc, e.span_begin, e.span_end, e.text, e.rule, e.place);
}
}  // namespace

bool operator<(const Evidence& a, const Evidence& b) {
  // Dated evidence first (it is what a reader wants to see), then oldest first.
  if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
  if (a.date != b.date) return *a.date < *b.date;
  return evidence_tuple(a) < evidence_tuple(b);
}

bool operator==(const Evidence& a, const Evidence& b) {
  return a.date == b.date && evidence_tuple(a) == evidence_tuple(b);
}

Vertex KnowledgeGraph::vertex_for(std::string_view key, std::optional<std::string_view> spelling, EntityType type,
                                  std::size_t mentions) {
  Graph& g = *g_;
  auto it = by_key_.find(key);
  Vertex v;
  if (it == by_key_.end()) {
    v = boost::add_vertex(g);
    by_key_.emplace(std::string(key), v);
    auto& p = g[v];
    p.key = key;
    p.label = key;  // until a spelling is seen
    p.type = type;
  } else {
    v = it->second;
  }
  auto& p = g[v];
  if (static_cast<int>(type) > static_cast<int>(p.type)) p.type = type;
  p.mentions += mentions;
  if (spelling) {
    std::string_view s = *spelling;
    auto pos = std::lower_bound(p.aliases.begin(), p.aliases.end(), s);
    if (pos == p.aliases.end() || *pos != s) {
      p.aliases.insert(pos, std::string(s));
      // The label is always the best alias, whatever order the aliases arrived in.
      if (p.aliases.size() == 1 || better_spelling(s, p.label)) p.label = s;
    }
  }
  return v;
}

void KnowledgeGraph::add_aliases(Vertex v, const std::vector<std::string>& aliases) {
  for (const auto& a : aliases) vertex_for((*g_)[v].key, a, EntityType::Office, 0);
}

KnowledgeGraph::KnowledgeGraph() : g_(std::make_unique<Graph>()) {}
KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other) : g_(std::make_unique<Graph>(*other.g_)) { reindex(); }
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) : KnowledgeGraph() { *this = std::move(other); }
KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) {
    *g_ = *other.g_;
    reindex();
  }
  return *this;
}
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
  if (this != &other) {
    g_ = std::move(other.g_);
    by_key_ = std::move(other.by_key_);
    by_spelling_ = std::move(other.by_spelling_);
    atoms_ = std::move(other.atoms_);
    atom_ids_ = std::move(other.atom_ids_);
    title_atoms_ = std::move(other.title_atoms_);
    edges_ = std::move(other.edges_);
    edge_slots_ = std::move(other.edge_slots_);
    other.g_ = std::make_unique<Graph>();
    other.reindex();
  }
  return *this;
}

void KnowledgeGraph::reindex() {
  const Graph& g = *g_;
  by_key_.clear();
  by_spelling_.clear();
  atoms_.clear();
  atom_ids_.clear();
  title_atoms_.clear();
  edges_.clear();
  edge_slots_.clear();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) by_key_.emplace(g[v].key, v);
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto& p = g[e];
    EdgeKey key{static_cast<std::uint32_t>(boost::source(e, g)), static_cast<std::uint32_t>(boost::target(e, g)),
                atom(p.relation), atom(p.category), title_atom(p.title), p.former};
    index_edge(key, e);
  }
}

std::size_t KnowledgeGraph::EdgeKey::hash() const {
  // MurmurHash3's finaliser: every input bit reaches the low bits the table is indexed by.
  auto mix = [](std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
  };
  std::uint64_t ends = (std::uint64_t{source} << 32) | target;
  std::uint64_t rest = (std::uint64_t{relation} << 42) ^ (std::uint64_t{category} << 21) ^ (std::uint64_t{title} << 1) ^
                       std::uint64_t{former};
  return static_cast<std::size_t>(mix(mix(ends) ^ rest));
}

std::optional<std::size_t> KnowledgeGraph::find_edge(const EdgeKey& k) const {
  if (edge_slots_.empty()) return std::nullopt;
  const std::size_t mask = edge_slots_.size() - 1;
  for (std::size_t i = k.hash() & mask;; i = (i + 1) & mask) {
    const std::uint32_t at = edge_slots_[i];
    if (at == 0) return std::nullopt;
    if (edges_[at - 1].first == k) return at - 1;
  }
}

void KnowledgeGraph::index_edge(const EdgeKey& k, Edge e) {
  auto place = [this](std::size_t index) {
    const std::size_t mask = edge_slots_.size() - 1;
    std::size_t i = edges_[index].first.hash() & mask;
    while (edge_slots_[i] != 0) i = (i + 1) & mask;
    edge_slots_[i] = static_cast<std::uint32_t>(index + 1);
  };
  edges_.emplace_back(k, e);
  if (edges_.size() * 2 > edge_slots_.size()) {  // at most half full: probes stay short
    edge_slots_.assign(std::max<std::size_t>(1024, edge_slots_.size() * 2), 0);
    for (std::size_t i = 0; i < edges_.size(); ++i) place(i);
  } else {
    place(edges_.size() - 1);
  }
}

std::uint32_t KnowledgeGraph::atom(std::string_view s) {
  auto it = atom_ids_.find(s);
  if (it != atom_ids_.end()) return it->second;
  auto id = static_cast<std::uint32_t>(atoms_.size());
  atoms_.emplace_back(s);
  atom_ids_.emplace(std::string(s), id);
  return id;
}

std::uint32_t KnowledgeGraph::title_atom(const std::string& title) {
  // A few hundred distinct titles in a million records: fold each spelling once.
  auto it = title_atoms_.find(title);
  if (it != title_atoms_.end()) return it->second;
  auto id = atom(entity_key(title));
  title_atoms_.emplace(title, id);
  return id;
}

std::optional<KnowledgeGraph::EdgeKey> KnowledgeGraph::find_edge_key(const Edge& e) const {
  const Graph& g = *g_;
  const auto& p = g[e];
  auto rel = atom_ids_.find(p.relation), cat = atom_ids_.find(p.category);
  auto title = title_atoms_.find(p.title);
  if (rel == atom_ids_.end() || cat == atom_ids_.end() || title == title_atoms_.end()) return std::nullopt;
  return EdgeKey{static_cast<std::uint32_t>(boost::source(e, g)), static_cast<std::uint32_t>(boost::target(e, g)),
                 rel->second, cat->second, title->second, p.former};
}

Edge KnowledgeGraph::oriented(Edge e) const {
  auto key = find_edge_key(e);
  if (!key) return e;
  const Graph& g = *g_;
  auto at = find_edge(*key);
  if (at && &g[edges_[*at].second] == &g[e]) return edges_[*at].second;
  std::swap(key->source, key->target);
  at = find_edge(*key);
  return at ? edges_[*at].second : e;
}

template <typename Props>
void KnowledgeGraph::merge_edge(Vertex s, Vertex t, Props&& p) {
  Graph& g = *g_;
  if (p.symmetric && g[t].key < g[s].key) std::swap(s, t);
  EdgeKey key{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(t), atom(p.relation), atom(p.category),
              title_atom(p.title), p.former};
  auto at = find_edge(key);
  if (!at) {
    // Parallel edges are allowed (listS edge storage). add_edge has no move form: add an empty
    // edge and move the properties in.
    Edge e = boost::add_edge(s, t, g).first;
    g[e] = std::forward<Props>(p);
    index_edge(key, e);
    return;
  }
  auto& q = g[edges_[*at].second];
  q.weight += p.weight;
  q.symmetric = q.symmetric || p.symmetric;
  // Titles fold equal but may be spelled differently: keep the better spelling, like labels.
  if (better_spelling(p.title, q.title)) q.title = p.title;
  if (p.org && (!q.org || better_spelling(*p.org, *q.org))) q.org = p.org;
  union_into(q.dates, p.dates);
  union_into(q.docs, p.docs);
  merge_evidence(q.evidence, p.evidence);
}

bool KnowledgeGraph::add(const Relation& r) { return add(Relation(r)); }

bool KnowledgeGraph::add(Relation&& r) {
  const bool office = r.category == "office";
  // An office record points at its organisation; an org-less title becomes an office vertex.
  const std::string& object_name = office ? (r.org ? *r.org : (r.title.empty() ? r.object : r.title)) : r.object;
  EntityType object_type = EntityType::Organisation;
  if (office)
    object_type = r.org ? EntityType::Organisation : EntityType::Office;
  else if (r.category == "meeting" || r.category == "call")
    object_type = EntityType::Person;

  // A name seen before is found as written (by_spelling_): folding it with utf8proc is the
  // costly part, and a million records name some 50,000 entities.
  Graph& g = *g_;
  struct End {
    std::optional<Vertex> v;  // known spelling
    std::string key;          // else its folded key
  };
  auto resolve = [&](const std::string& name) {
    auto it = by_spelling_.find(name);
    return it != by_spelling_.end() ? End{it->second, {}} : End{std::nullopt, entity_key(name)};
  };
  End s = resolve(r.subject), o = resolve(object_name);
  const std::string& skey = s.v ? g[*s.v].key : s.key;
  const std::string& okey = o.v ? g[*o.v].key : o.key;
  if (skey.empty() || okey.empty() || skey == okey) return false;

  // What vertex_for(key, name, type, 1) does; for a known spelling the alias and the label
  // are already there.
  auto end_vertex = [&](End& x, const std::string& name, EntityType type) {
    if (!x.v) {
      Vertex v = vertex_for(x.key, name, type, 1);
      by_spelling_.emplace(name, v);
      return v;
    }
    auto& p = g[*x.v];
    if (static_cast<int>(type) > static_cast<int>(p.type)) p.type = type;
    p.mentions += 1;
    return *x.v;
  };
  Vertex sv = end_vertex(s, r.subject, EntityType::Person);
  Vertex tv = end_vertex(o, object_name, object_type);

  EdgeProps p;
  p.relation = std::move(r.relation);
  p.category = std::move(r.category);
  p.symmetric = r.symmetric;
  if (office) {
    p.title = std::move(r.title);
    p.org = std::move(r.org);
    p.former = r.former;
  }
  p.weight = 1;
  if (r.date) p.dates.push_back(*r.date);
  p.docs.push_back(r.doc);
  p.evidence.push_back(Evidence{std::move(r.doc), std::move(r.date), r.span_begin, r.span_end, std::move(r.evidence),
                                std::move(r.rule), std::move(r.place)});
  merge_edge(sv, tv, std::move(p));
  return true;
}

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
  const Graph& o = *other.g_;
  for (auto v : boost::make_iterator_range(boost::vertices(o))) {
    const auto& p = o[v];
    Vertex mine = vertex_for(p.key, std::nullopt, p.type, p.mentions);
    add_aliases(mine, p.aliases);
  }
  for (auto e : boost::make_iterator_range(boost::edges(o))) {
    Vertex s = by_key_.find(o[boost::source(e, o)].key)->second;
    Vertex t = by_key_.find(o[boost::target(e, o)].key)->second;
    merge_edge(s, t, o[e]);
  }
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view name) const {
  auto it = by_key_.find(entity_key(name));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> KnowledgeGraph::sorted_vertices() const {
  const Graph& g = *g_;
  std::vector<Vertex> vs(boost::vertices(g).first, boost::vertices(g).second);
  std::sort(vs.begin(), vs.end(), [&](Vertex a, Vertex b) { return g[a].key < g[b].key; });
  return vs;
}

std::vector<std::uint32_t> KnowledgeGraph::canonical_edge_order() const {
  // Ranks stand in for the strings: vertex keys are unique and atoms distinct, so comparing
  // ranks orders edges exactly as comparing (source key, target key, relation, ...) would.
  std::vector<std::uint32_t> vrank(num_vertices());
  auto vs = sorted_vertices();
  for (std::size_t i = 0; i < vs.size(); ++i) vrank[vs[i]] = static_cast<std::uint32_t>(i);
  std::vector<std::uint32_t> by_atom(atoms_.size()), arank(atoms_.size());
  for (std::uint32_t i = 0; i < by_atom.size(); ++i) by_atom[i] = i;
  std::sort(by_atom.begin(), by_atom.end(), [&](std::uint32_t a, std::uint32_t b) { return atoms_[a] < atoms_[b]; });
  for (std::size_t i = 0; i < by_atom.size(); ++i) arank[by_atom[i]] = static_cast<std::uint32_t>(i);

  struct Item {
    std::uint32_t s, t, rel, cat, title;
    bool former;
    std::uint32_t index;
    bool operator<(const Item& o) const {
      return std::tie(s, t, rel, cat, title, former) < std::tie(o.s, o.t, o.rel, o.cat, o.title, o.former);
    }
  };
  std::vector<Item> items;
  items.reserve(edges_.size());
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    const auto& k = edges_[i].first;
    items.push_back({vrank[k.source], vrank[k.target], arank[k.relation], arank[k.category], arank[k.title],
                     k.former, static_cast<std::uint32_t>(i)});
  }
  // A graph read from a saved file is in canonical order already.
  if (!std::is_sorted(items.begin(), items.end())) std::sort(items.begin(), items.end());
  std::vector<std::uint32_t> order;
  order.reserve(items.size());
  for (const auto& it : items) order.push_back(it.index);
  return order;
}

std::vector<Edge> KnowledgeGraph::sorted_edges() const {
  std::vector<Edge> es;
  es.reserve(edges_.size());
  for (auto i : canonical_edge_order()) es.push_back(edges_[i].second);
  return es;
}

bool KnowledgeGraph::is_canonical() const {
  // edges_ is in edge list order, so the list is canonical when that order is.
  const Graph& g = *g_;
  for (std::size_t v = 1; v < num_vertices(); ++v)
    if (!(g[v - 1].key < g[v].key)) return false;
  auto order = canonical_edge_order();
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] != i) return false;
  return true;
}

template <typename Self>
KnowledgeGraph KnowledgeGraph::canonical_of(Self& self) {
  // Properties are moved out of a graph that is about to be discarded, else copied.
  auto take = [](auto& x) -> decltype(auto) {
    if constexpr (std::is_const_v<Self>)
      return static_cast<const std::remove_reference_t<decltype(x)>&>(x);
    else
      return std::move(x);
  };
  auto& g = *self.g_;
  KnowledgeGraph out;
  Graph& h = *out.g_;
  std::vector<Vertex> to(self.num_vertices());
  for (Vertex v : self.sorted_vertices()) {
    Vertex w = boost::add_vertex(h);
    h[w] = take(g[v]);
    to[v] = w;
    out.by_key_.emplace(h[w].key, w);
  }
  out.atoms_ = self.atoms_;
  out.atom_ids_ = self.atom_ids_;
  out.title_atoms_ = self.title_atoms_;
  for (auto i : self.canonical_edge_order()) {
    auto [key, e] = self.edges_[i];
    key.source = static_cast<std::uint32_t>(to[key.source]);
    key.target = static_cast<std::uint32_t>(to[key.target]);
    Edge ne = boost::add_edge(key.source, key.target, h).first;
    h[ne] = take(g[e]);
    out.index_edge(key, ne);
  }
  return out;
}

KnowledgeGraph KnowledgeGraph::canonical() const& { return canonical_of(*this); }

KnowledgeGraph KnowledgeGraph::canonical() && {
  if (is_canonical()) return std::move(*this);
  KnowledgeGraph out = canonical_of(*this);
  *this = KnowledgeGraph();  // the moved-from properties are empty; drop the rest too
  return out;
}

void KnowledgeGraph::save(std::ostream& out) const {
  constexpr std::size_t kSaveThreads = 4;
  const Graph& g = *g_;
  {
    std::string header = "{\"newsgraph\":\"graph\",\"version\":1,\"nodes\":";
    put_uint(header, num_vertices());
    header += ",\"edges\":";
    put_uint(header, num_edges());
    header += "}\n";
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
  }
  const auto vertices = sorted_vertices();
  write_in_blocks(out, vertices.size(), kSaveThreads, [&](std::string& buf, std::size_t i) {
    const auto& p = g[vertices[i]];
    buf += "{\"kind\":\"node\",\"key\":";
    put_str(buf, p.key);
    buf += ",\"label\":";
    put_str(buf, p.label);
    buf += ",\"type\":";
    put_str(buf, to_string(p.type));
    buf += ",\"aliases\":";
    put_list(buf, p.aliases);
    buf += ",\"mentions\":";
    put_uint(buf, p.mentions);
    buf += "}\n";
  });
  const auto edges = sorted_edges();
  write_in_blocks(out, edges.size(), kSaveThreads, [&](std::string& buf, std::size_t i) {
    // The properties lie in memory in the order edges were first seen, not in this order: ask
    // for the next edges' properties, then their evidence, before they are needed.
    if (i + 16 < edges.size()) __builtin_prefetch(&g[edges[i + 16]]);
    if (i + 8 < edges.size()) {
      const auto& ahead = g[edges[i + 8]];
      __builtin_prefetch(ahead.evidence.data());
      __builtin_prefetch(ahead.docs.data());
    }
    if (i + 4 < edges.size() && !g[edges[i + 4]].evidence.empty())
      __builtin_prefetch(g[edges[i + 4]].evidence.front().text.data());
    const Edge e = edges[i];
    const auto& p = g[e];
    buf += "{\"kind\":\"edge\",\"source\":";
    put_str(buf, g[boost::source(e, g)].key);
    buf += ",\"target\":";
    put_str(buf, g[boost::target(e, g)].key);
    buf += ",\"relation\":";
    put_str(buf, p.relation);
    buf += ",\"category\":";
    put_str(buf, p.category);
    buf += ",\"symmetric\":";
    put_bool(buf, p.symmetric);
    buf += ",\"title\":";
    put_str(buf, p.title);
    buf += ",\"org\":";
    put_opt(buf, p.org);
    buf += ",\"former\":";
    put_bool(buf, p.former);
    buf += ",\"weight\":";
    put_uint(buf, p.weight);
    buf += ",\"dates\":";
    put_list(buf, p.dates);
    buf += ",\"docs\":";
    put_list(buf, p.docs);
    buf += ",\"evidence\":[";
    for (std::size_t j = 0; j < p.evidence.size(); ++j) {
      const auto& ev = p.evidence[j];
      buf += j ? ",{\"doc\":" : "{\"doc\":";
      put_str(buf, ev.doc);
      buf += ",\"date\":";
      put_opt(buf, ev.date);
      buf += ",\"span\":[";
      put_uint(buf, ev.span_begin);
      buf += ',';
      put_uint(buf, ev.span_end);
      buf += "],\"text\":";
      put_str(buf, ev.text);
      buf += ",\"rule\":";
      put_str(buf, ev.rule);
      buf += ",\"place\":";
      put_opt(buf, ev.place);
      buf += '}';
    }
    buf += "]}\n";
  });
}

namespace {

// Cheap test first: records never carry these keys. One pass over the quotes of the line.
bool may_be_saved_line(std::string_view line) {
  for (auto q = line.find('"'); q != std::string_view::npos; q = line.find('"', q + 1)) {
    const auto rest = line.substr(q + 1);
    if (rest.starts_with("kind\"") || rest.starts_with("newsgraph\"") || rest.starts_with("links\"")) return true;
  }
  return false;
}

bool is_saved_doc(const rapidjson::Document& d) {
  return !d.HasParseError() && d.IsObject() && !d.HasMember("subject") &&
         (d.HasMember("kind") || d.HasMember("newsgraph") || (d.HasMember("nodes") && d.HasMember("links")));
}

}  // namespace

bool KnowledgeGraph::is_saved_line(std::string_view line) {
  if (!may_be_saved_line(line)) return false;
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  return is_saved_doc(d);
}

namespace {

EdgeProps edge_props_from(const rapidjson::Value& d, bool node_link) {
  EdgeProps p;
  p.relation = str_field(d, "relation", true);
  p.category = str_field(d, "category", true);
  p.symmetric = bool_field(d, "symmetric");
  p.title = str_field(d, "title", false);
  p.org = opt_field(d, "org");
  if (node_link && p.org && p.org->empty()) p.org.reset();
  p.former = bool_field(d, "former");
  p.weight = uint_field(d, "weight");
  p.dates = list_field(d, "dates");
  p.docs = list_field(d, "docs");
  if (auto it = d.FindMember("evidence"); it != d.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsArray()) throw GraphFormatError("field \"evidence\" is not an array");
    for (const auto& ev : it->value.GetArray()) {
      if (!ev.IsObject()) throw GraphFormatError("an evidence item is not an object");
      Evidence x;
      x.doc = str_field(ev, "doc", true);
      x.date = opt_field(ev, "date");
      if (auto s = ev.FindMember("span"); s != ev.MemberEnd()) {
        if (!s->value.IsArray() || s->value.Size() != 2 || !s->value[0].IsUint64() || !s->value[1].IsUint64())
          throw GraphFormatError("evidence \"span\" must be [begin, end]");
        x.span_begin = s->value[0].GetUint64();
        x.span_end = s->value[1].GetUint64();
      }
      x.text = str_field(ev, "text", false);
      x.rule = str_field(ev, "rule", false);
      x.place = opt_field(ev, "place");
      p.evidence.push_back(std::move(x));
    }
    if (!std::is_sorted(p.evidence.begin(), p.evidence.end())) std::sort(p.evidence.begin(), p.evidence.end());
    p.evidence.erase(std::unique(p.evidence.begin(), p.evidence.end()), p.evidence.end());
    if (p.evidence.size() > KnowledgeGraph::kMaxEvidence) p.evidence.resize(KnowledgeGraph::kMaxEvidence);
  }
  return p;
}

}  // namespace

void KnowledgeGraph::add_node_line(const std::string& key, const std::string& label, const std::string& type_name,
                                   std::size_t mentions, std::vector<std::string> aliases) {
  auto type = entity_type_from(type_name);
  if (!type) throw GraphFormatError("unknown node type \"" + type_name + "\"");
  if (key.empty()) throw GraphFormatError("empty node key");
  Vertex v = vertex_for(key, std::nullopt, *type, mentions);
  if (!label.empty()) aliases.push_back(label);
  add_aliases(v, aliases);
}

void KnowledgeGraph::add_edge_line(const std::string& skey, const std::string& tkey, EdgeProps&& p) {
  if (skey.empty() || tkey.empty() || skey == tkey) throw GraphFormatError("edge ends must be two different keys");
  // An edge may precede its nodes (hand-edited or concatenated files): create the ends from
  // their keys; a later node line adds the label and type.
  Vertex s = vertex_for(skey, std::nullopt, EntityType::Office, 0);
  Vertex t = vertex_for(tkey, std::nullopt, EntityType::Office, 0);
  merge_edge(s, t, std::move(p));
}

struct KnowledgeGraph::SavedItem {
  bool edge = false;
  std::string key, label, type;  // a node
  std::size_t mentions = 0;
  std::vector<std::string> aliases;
  std::string source, target;  // an edge
  EdgeProps props;
};

struct KnowledgeGraph::ParsedLine {
  std::size_t number = 0;
  bool saved = false;
  Relation record;               // a relation record (!saved)
  std::vector<SavedItem> items;  // the nodes and edges of a saved-graph line
  bool failed = false;           // the line cannot be read (after `items`, for a saved line)
  std::string error;             // why
};

// Parses lines into ParsedLines; owns no graph. An error in a saved-graph line keeps the items
// before it, which are added before the error is reported, as when lines were parsed and added
// in one go.
class KnowledgeGraph::LineParser {
 public:
  LineParser() : pool_(64 * 1024), alloc_(pool_.data(), pool_.size()) {}

  void parse(std::string_view line, ParsedLine& out) {
    try {
      if (may_be_saved_line(line)) {
        // A fresh rapidjson::Document allocates 64 KB: reuse one block for every line.
        alloc_.Clear();
        rapidjson::Document d(&alloc_);
        if (line.find('\0') == std::string_view::npos) {
          // In place, in a copy of the line: strings are not copied again into the document.
          scratch_.assign(line);
          d.ParseInsitu<rapidjson::kParseIterativeFlag>(scratch_.data());
        } else {
          d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
        }
        if (is_saved_doc(d)) {
          out.saved = true;
          parse_saved_doc(d, out.items);
          return;
        }
      }
      out.record = relation_from_json(line);
    } catch (const std::exception& e) {  // RecordError, GraphFormatError
      out.failed = true;
      out.error = e.what();
    }
  }

  // A saved-graph line, as one document (the caller reports parse errors).
  void parse_saved(std::string_view line, ParsedLine& out) {
    alloc_.Clear();
    rapidjson::Document d(&alloc_);
    d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
    out.saved = true;
    try {
      if (d.HasParseError())
        throw GraphFormatError(std::string("invalid JSON at column ") + std::to_string(d.GetErrorOffset() + 1) + ": " +
                               rapidjson::GetParseError_En(d.GetParseError()));
      parse_saved_doc(d, out.items);
    } catch (const GraphFormatError& e) {
      out.failed = true;
      out.error = e.what();
    }
  }

 private:
  static SavedItem node_item(const rapidjson::Value& n, const char* key_field, bool label_required) {
    SavedItem it;
    it.key = str_field(n, key_field, true);
    it.label = str_field(n, "label", label_required);
    it.type = str_field(n, "type", true);
    it.mentions = uint_field(n, "mentions");
    it.aliases = list_field(n, "aliases");
    return it;
  }
  static SavedItem edge_item(const rapidjson::Value& l, bool node_link) {
    SavedItem it;
    it.edge = true;
    it.source = str_field(l, "source", true);
    it.target = str_field(l, "target", true);
    it.props = edge_props_from(l, node_link);
    return it;
  }

  static void parse_saved_doc(const rapidjson::Value& d, std::vector<SavedItem>& items) {
    if (!d.IsObject()) throw GraphFormatError("a saved-graph line must be a JSON object");
    if (d.HasMember("links") && d.HasMember("nodes")) {
      // The JSON node-link export (export/json_graph.cpp) carries everything a saved graph does.
      if (!d["nodes"].IsArray() || !d["links"].IsArray())
        throw GraphFormatError("\"nodes\" and \"links\" must be arrays");
      for (const auto& n : d["nodes"].GetArray()) {
        if (!n.IsObject()) throw GraphFormatError("a node is not an object");
        items.push_back(node_item(n, "id", false));
      }
      for (const auto& l : d["links"].GetArray()) {
        if (!l.IsObject()) throw GraphFormatError("a link is not an object");
        items.push_back(edge_item(l, true));
      }
      return;
    }
    if (d.HasMember("newsgraph")) {
      if (str_field(d, "newsgraph", true) != "graph") throw GraphFormatError("not a newsgraph graph header");
      if (uint_field(d, "version") != 1)
        throw GraphFormatError("unsupported saved-graph version (this newsgraph reads version 1)");
      return;
    }
    std::string kind = str_field(d, "kind", true);
    if (kind == "node") {
      items.push_back(node_item(d, "key", true));
      return;
    }
    if (kind != "edge") throw GraphFormatError("unknown kind \"" + kind + "\"");
    items.push_back(edge_item(d, false));
  }

  std::vector<char> pool_;
  rapidjson::MemoryPoolAllocator<> alloc_;
  std::string scratch_;
};

void KnowledgeGraph::apply(ParsedLine& line, ReadStats& st) {
  if (!line.saved) {
    if (line.failed) throw GraphFormatError(line.error);
    if (add(std::move(line.record)))
      ++st.records;
    else
      ++st.dropped;
    return;
  }
  for (auto& it : line.items) {
    if (it.edge)
      add_edge_line(it.source, it.target, std::move(it.props));
    else
      add_node_line(it.key, it.label, it.type, it.mentions, std::move(it.aliases));
  }
  if (line.failed) throw GraphFormatError(line.error);
  ++st.graph_lines;
}

void KnowledgeGraph::add_saved_line(std::string_view line) {
  LineParser parser;
  ParsedLine parsed;
  parser.parse_saved(line, parsed);
  ReadStats st;
  apply(parsed, st);
}

KnowledgeGraph KnowledgeGraph::load(std::istream& in) {
  KnowledgeGraph g;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      g.add_saved_line(line);
    } catch (const GraphFormatError& e) {
      throw GraphFormatError("line " + std::to_string(n) + ": " + e.what());
    }
  }
  return g;
}

namespace {

// Batches of parsed lines from the reading thread to the graph thread. Bounded, so a fast
// reader never holds more than a few thousand lines in memory.
template <typename Batch>
class BatchQueue {
 public:
  // False when the consumer has stopped.
  bool push(Batch&& b) {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return q_.size() < kMaxBatches || stopped_; });
    if (stopped_) return false;
    q_.push_back(std::move(b));
    changed_.notify_all();
    return true;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    changed_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    changed_.notify_all();
  }
  // Without waiting: false when full (push) or empty (pop).
  bool try_push(Batch&& b) {
    std::lock_guard lock(mu_);
    if (q_.size() >= kMaxBatches) return false;
    q_.push_back(std::move(b));
    return true;
  }
  bool try_pop(Batch& b) {
    std::lock_guard lock(mu_);
    if (q_.empty()) return false;
    b = std::move(q_.front());
    q_.pop_front();
    return true;
  }
  // False at the end.
  bool pop(Batch& b) {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return false;
    b = std::move(q_.front());
    q_.pop_front();
    changed_.notify_all();
    return true;
  }

 private:
  static constexpr std::size_t kMaxBatches = 8;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Batch> q_;
  bool closed_ = false, stopped_ = false;
};

}  // namespace

KnowledgeGraph::ReadStats KnowledgeGraph::merge_lines(std::istream& in, const std::string& name,
                                                      const std::function<void(const std::string&)>& error) {
  // Parsing JSON is about half the work of reading; a second thread does it while this one
  // builds the graph. Lines are applied in file order, so the graph and the order of error
  // messages are exactly those of reading one line at a time.
  using Batch = std::vector<ParsedLine>;
  constexpr std::size_t kBatchLines = 512;
  BatchQueue<Batch> queue;
  // Applied batches go back to the reader, which frees what is left of them: memory is then
  // freed by the thread that allocated it (glibc frees another thread's memory under a lock).
  BatchQueue<Batch> spent;
  std::exception_ptr reader_failed;
  std::thread reader([&] {
    try {
      LineParser parser;
      std::string line;
      std::size_t n = 0;
      Batch batch;
      while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        batch.emplace_back();
        batch.back().number = n;
        parser.parse(line, batch.back());
        if (batch.size() == kBatchLines) {
          if (!queue.push(std::move(batch))) break;
          if (!spent.try_pop(batch)) batch = Batch();
          batch.clear();
          batch.reserve(kBatchLines);
        }
      }
      if (!batch.empty()) queue.push(std::move(batch));
    } catch (...) {
      reader_failed = std::current_exception();
    }
    queue.close();
  });

  ReadStats st;
  try {
    Batch batch;
    while (queue.pop(batch)) {
      for (auto& line : batch) {
        try {
          apply(line, st);
        } catch (const std::exception& e) {  // RecordError, GraphFormatError
          ++st.bad_lines;
          if (error) error(name + ":" + std::to_string(line.number) + ": " + e.what());
        }
      }
      spent.try_push(std::move(batch));
      batch = Batch();
    }
  } catch (...) {
    queue.stop();
    reader.join();
    throw;
  }
  reader.join();
  if (reader_failed) std::rethrow_exception(reader_failed);
  return st;
}

}  // namespace newsgraph
