#include "graph/knowledge_graph.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

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

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put_str(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void put_opt(Writer& w, const std::optional<std::string>& s) {
  if (s)
    put_str(w, *s);
  else
    w.Null();
}
void put_list(Writer& w, const std::vector<std::string>& v) {
  w.StartArray();
  for (const auto& s : v) put_str(w, s);
  w.EndArray();
}

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
  std::sort(out.begin(), out.end());
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

Vertex KnowledgeGraph::vertex_for(const std::string& key, std::optional<std::string_view> spelling,
                                  EntityType type, std::size_t mentions) {
  auto it = by_key_.find(key);
  Vertex v;
  if (it == by_key_.end()) {
    v = boost::add_vertex(g_);
    by_key_.emplace(key, v);
    auto& p = g_[v];
    p.key = key;
    p.label = key;  // until a spelling is seen
    p.type = type;
  } else {
    v = it->second;
  }
  auto& p = g_[v];
  if (static_cast<int>(type) > static_cast<int>(p.type)) p.type = type;
  p.mentions += mentions;
  if (spelling) {
    std::string s(*spelling);
    auto pos = std::lower_bound(p.aliases.begin(), p.aliases.end(), s);
    if (pos == p.aliases.end() || *pos != s) p.aliases.insert(pos, s);
    // The label is always the best alias, whatever order the aliases arrived in.
    if (p.aliases.size() == 1 || better_spelling(s, p.label)) p.label = s;
  }
  return v;
}

void KnowledgeGraph::add_aliases(Vertex v, const std::vector<std::string>& aliases) {
  for (const auto& a : aliases) vertex_for(g_[v].key, a, EntityType::Office, 0);
}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other) : g_(other.g_) { reindex(); }
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) : g_(std::move(other.g_)) {
  reindex();
  other = KnowledgeGraph();
}
KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) {
    g_ = other.g_;
    reindex();
  }
  return *this;
}
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
  if (this != &other) {
    g_ = std::move(other.g_);
    reindex();
    other.g_.clear();
    other.by_key_.clear();
    other.edges_.clear();
  }
  return *this;
}

void KnowledgeGraph::reindex() {
  by_key_.clear();
  edges_.clear();
  for (auto v : boost::make_iterator_range(boost::vertices(g_))) by_key_.emplace(g_[v].key, v);
  for (auto e : boost::make_iterator_range(boost::edges(g_))) edges_.emplace(edge_key(e), e);
}

KnowledgeGraph::EdgeKey KnowledgeGraph::edge_key(const Edge& e) const {
  const auto& p = g_[e];
  return {g_[boost::source(e, g_)].key, g_[boost::target(e, g_)].key, p.relation, p.category,
          entity_key(p.title), p.former};
}

Edge KnowledgeGraph::oriented(Edge e) const {
  auto key = edge_key(e);
  auto it = edges_.find(key);
  if (it != edges_.end() && &g_[it->second] == &g_[e]) return it->second;
  std::swap(std::get<0>(key), std::get<1>(key));
  it = edges_.find(key);
  return it != edges_.end() ? it->second : e;
}

void KnowledgeGraph::merge_edge(Vertex s, Vertex t, const EdgeProps& p) {
  if (p.symmetric && g_[t].key < g_[s].key) std::swap(s, t);
  EdgeKey key{g_[s].key, g_[t].key, p.relation, p.category, entity_key(p.title), p.former};
  auto it = edges_.find(key);
  if (it == edges_.end()) {
    auto [e, ok] = boost::add_edge(s, t, p, g_);
    (void)ok;  // parallel edges are allowed (listS edge storage)
    edges_.emplace(std::move(key), e);
    return;
  }
  auto& q = g_[it->second];
  q.weight += p.weight;
  q.symmetric = q.symmetric || p.symmetric;
  // Titles fold equal but may be spelled differently: keep the better spelling, like labels.
  if (better_spelling(p.title, q.title)) q.title = p.title;
  if (p.org && (!q.org || better_spelling(*p.org, *q.org))) q.org = p.org;
  union_into(q.dates, p.dates);
  union_into(q.docs, p.docs);
  merge_evidence(q.evidence, p.evidence);
}

bool KnowledgeGraph::add(const Relation& r) {
  const bool office = r.category == "office";
  // An office record points at its organisation; an org-less title becomes an office vertex.
  std::string object_name = office ? (r.org ? *r.org : (r.title.empty() ? r.object : r.title)) : r.object;
  EntityType object_type = EntityType::Organisation;
  if (office)
    object_type = r.org ? EntityType::Organisation : EntityType::Office;
  else if (r.category == "meeting" || r.category == "call")
    object_type = EntityType::Person;

  std::string skey = entity_key(r.subject), okey = entity_key(object_name);
  if (skey.empty() || okey.empty() || skey == okey) return false;

  Vertex s = vertex_for(skey, r.subject, EntityType::Person, 1);
  Vertex t = vertex_for(okey, object_name, object_type, 1);

  EdgeProps p;
  p.relation = r.relation;
  p.category = r.category;
  p.symmetric = r.symmetric;
  if (office) {
    p.title = r.title;
    p.org = r.org;
    p.former = r.former;
  }
  p.weight = 1;
  if (r.date) p.dates.push_back(*r.date);
  p.docs.push_back(r.doc);
  p.evidence.push_back(Evidence{r.doc, r.date, r.span_begin, r.span_end, r.evidence, r.rule, r.place});
  merge_edge(s, t, p);
  return true;
}

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
  const Graph& o = other.g_;
  for (auto v : boost::make_iterator_range(boost::vertices(o))) {
    const auto& p = o[v];
    Vertex mine = vertex_for(p.key, std::nullopt, p.type, p.mentions);
    add_aliases(mine, p.aliases);
  }
  for (auto e : boost::make_iterator_range(boost::edges(o))) {
    Vertex s = by_key_.at(o[boost::source(e, o)].key);
    Vertex t = by_key_.at(o[boost::target(e, o)].key);
    merge_edge(s, t, o[e]);
  }
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view name) const {
  auto it = by_key_.find(entity_key(name));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> KnowledgeGraph::sorted_vertices() const {
  std::vector<Vertex> vs(boost::vertices(g_).first, boost::vertices(g_).second);
  std::sort(vs.begin(), vs.end(), [&](Vertex a, Vertex b) { return g_[a].key < g_[b].key; });
  return vs;
}

std::vector<Edge> KnowledgeGraph::sorted_edges() const {
  std::vector<Edge> es;
  es.reserve(edges_.size());
  for (const auto& [key, e] : edges_) es.push_back(e);  // std::map: already in key order
  return es;
}

KnowledgeGraph KnowledgeGraph::canonical() const {
  KnowledgeGraph out;
  for (Vertex v : sorted_vertices()) {
    Vertex w = boost::add_vertex(g_[v], out.g_);
    out.by_key_.emplace(g_[v].key, w);
  }
  for (const auto& [key, e] : edges_) {
    auto [ne, ok] = boost::add_edge(out.by_key_.at(std::get<0>(key)), out.by_key_.at(std::get<1>(key)),
                                    g_[e], out.g_);
    (void)ok;
    out.edges_.emplace(key, ne);
  }
  return out;
}

void KnowledgeGraph::save(std::ostream& out) const {
  {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("newsgraph");
    w.String("graph");
    w.Key("version");
    w.Uint(1);
    w.Key("nodes");
    w.Uint64(num_vertices());
    w.Key("edges");
    w.Uint64(num_edges());
    w.EndObject();
    out.write(buf.GetString(), static_cast<std::streamsize>(buf.GetSize()));
    out.put('\n');
  }
  for (Vertex v : sorted_vertices()) {
    const auto& p = g_[v];
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("kind");
    w.String("node");
    w.Key("key");
    put_str(w, p.key);
    w.Key("label");
    put_str(w, p.label);
    w.Key("type");
    put_str(w, to_string(p.type));
    w.Key("aliases");
    put_list(w, p.aliases);
    w.Key("mentions");
    w.Uint64(p.mentions);
    w.EndObject();
    out.write(buf.GetString(), static_cast<std::streamsize>(buf.GetSize()));
    out.put('\n');
  }
  for (Edge e : sorted_edges()) {
    const auto& p = g_[e];
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("kind");
    w.String("edge");
    w.Key("source");
    put_str(w, g_[boost::source(e, g_)].key);
    w.Key("target");
    put_str(w, g_[boost::target(e, g_)].key);
    w.Key("relation");
    put_str(w, p.relation);
    w.Key("category");
    put_str(w, p.category);
    w.Key("symmetric");
    w.Bool(p.symmetric);
    w.Key("title");
    put_str(w, p.title);
    w.Key("org");
    put_opt(w, p.org);
    w.Key("former");
    w.Bool(p.former);
    w.Key("weight");
    w.Uint64(p.weight);
    w.Key("dates");
    put_list(w, p.dates);
    w.Key("docs");
    put_list(w, p.docs);
    w.Key("evidence");
    w.StartArray();
    for (const auto& ev : p.evidence) {
      w.StartObject();
      w.Key("doc");
      put_str(w, ev.doc);
      w.Key("date");
      put_opt(w, ev.date);
      w.Key("span");
      w.StartArray();
      w.Uint64(ev.span_begin);
      w.Uint64(ev.span_end);
      w.EndArray();
      w.Key("text");
      put_str(w, ev.text);
      w.Key("rule");
      put_str(w, ev.rule);
      w.Key("place");
      put_opt(w, ev.place);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out.write(buf.GetString(), static_cast<std::streamsize>(buf.GetSize()));
    out.put('\n');
  }
}

bool KnowledgeGraph::is_saved_line(std::string_view line) {
  // Cheap test first: records never carry these keys.
  if (line.find("\"kind\"") == std::string_view::npos && line.find("\"newsgraph\"") == std::string_view::npos &&
      line.find("\"links\"") == std::string_view::npos)
    return false;
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  return !d.HasParseError() && d.IsObject() && !d.HasMember("subject") &&
         (d.HasMember("kind") || d.HasMember("newsgraph") || (d.HasMember("nodes") && d.HasMember("links")));
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
    std::sort(p.evidence.begin(), p.evidence.end());
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

void KnowledgeGraph::add_edge_line(const std::string& skey, const std::string& tkey, const EdgeProps& p) {
  if (skey.empty() || tkey.empty() || skey == tkey) throw GraphFormatError("edge ends must be two different keys");
  // An edge may precede its nodes (hand-edited or concatenated files): create the ends from
  // their keys; a later node line adds the label and type.
  Vertex s = vertex_for(skey, std::nullopt, EntityType::Office, 0);
  Vertex t = vertex_for(tkey, std::nullopt, EntityType::Office, 0);
  merge_edge(s, t, p);
}

void KnowledgeGraph::add_saved_line(std::string_view line) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  if (d.HasParseError())
    throw GraphFormatError(std::string("invalid JSON at column ") + std::to_string(d.GetErrorOffset() + 1) + ": " +
                           rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsObject()) throw GraphFormatError("a saved-graph line must be a JSON object");
  if (d.HasMember("links") && d.HasMember("nodes")) {
    // The JSON node-link export (export/json_graph.cpp) carries everything a saved graph does.
    if (!d["nodes"].IsArray() || !d["links"].IsArray()) throw GraphFormatError("\"nodes\" and \"links\" must be arrays");
    for (const auto& n : d["nodes"].GetArray()) {
      if (!n.IsObject()) throw GraphFormatError("a node is not an object");
      add_node_line(str_field(n, "id", true), str_field(n, "label", false), str_field(n, "type", true),
                    uint_field(n, "mentions"), list_field(n, "aliases"));
    }
    for (const auto& l : d["links"].GetArray()) {
      if (!l.IsObject()) throw GraphFormatError("a link is not an object");
      add_edge_line(str_field(l, "source", true), str_field(l, "target", true), edge_props_from(l, true));
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
    add_node_line(str_field(d, "key", true), str_field(d, "label", true), str_field(d, "type", true),
                  uint_field(d, "mentions"), list_field(d, "aliases"));
    return;
  }
  if (kind != "edge") throw GraphFormatError("unknown kind \"" + kind + "\"");
  add_edge_line(str_field(d, "source", true), str_field(d, "target", true), edge_props_from(d, false));
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

}  // namespace newsgraph

namespace newsgraph {

KnowledgeGraph::ReadStats KnowledgeGraph::merge_lines(std::istream& in, const std::string& name,
                                                      const std::function<void(const std::string&)>& error) {
  ReadStats st;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    try {
      if (is_saved_line(line)) {
        add_saved_line(line);
        ++st.graph_lines;
      } else if (add(relation_from_json(line))) {
        ++st.records;
      } else {
        ++st.dropped;
      }
    } catch (const std::exception& e) {  // RecordError, GraphFormatError
      ++st.bad_lines;
      if (error) error(name + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  return st;
}

}  // namespace newsgraph
