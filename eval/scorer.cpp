#include "eval/scorer.h"

#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <unordered_map>

#include "eval/matching.h"
#include "eval/names.h"
#include "eval/pytext.h"

namespace newsgraph::eval {
namespace {

constexpr std::array<std::string_view, 5> kGoldRelations = {"met_with", "phoned", "holds_office", "member_of",
                                                            "affiliated_with"};
constexpr std::size_t kMetWith = 0, kPhoned = 1, kContact = 2, kOffice = 3, kOfficeStrict = 4, kOfficeNoFormer = 5,
                      kAffiliation = 6, kMemberOf = 7, kAffiliatedWith = 8, kMicro = 9;

bool is_gold_relation(std::string_view r) {
  return std::find(kGoldRelations.begin(), kGoldRelations.end(), r) != kGoldRelations.end();
}
bool is_pair(std::string_view r) { return r == "met_with" || r == "phoned"; }
bool is_affil(std::string_view r) { return r == "member_of" || r == "affiliated_with"; }

// --- reading JSON Lines like Python's text mode ------------------------------------------------

// Calls f(line_number, line) for every line of the file. Lines end at "\n", "\r" or "\r\n"
// (Python's universal newlines), so line numbers agree with score.py's. Throws LoadError when the
// file cannot be opened or a line is not UTF-8 (Python would stop with a decoding error).
void for_each_line(const std::string& path, const std::function<void(int, std::string_view)>& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path + ": cannot open");
  std::string chunk;
  int lineno = 0;
  auto emit = [&](std::string_view line) {
    ++lineno;
    if (!valid_utf8(line)) throw LoadError(path + ":" + std::to_string(lineno) + ": not valid UTF-8");
    f(lineno, line);
  };
  while (std::getline(in, chunk)) {
    if (chunk.find('\r') == std::string::npos) {
      emit(chunk);
      continue;
    }
    std::string_view rest = chunk;
    while (true) {
      auto cr = rest.find('\r');
      if (cr == std::string_view::npos) {
        // what follows the last '\r' is a line unless the chunk ended with that '\r'
        if (!rest.empty()) emit(rest);
        break;
      }
      emit(rest.substr(0, cr));
      rest = rest.substr(cr + 1);
    }
  }
  if (in.bad()) throw LoadError(path + ": read error");
}

bool blank(std::string_view line) { return py_strip(line).empty(); }

// Iterative: a line of a million "[" cannot overflow the stack.
constexpr unsigned kParseFlags = rapidjson::kParseNanAndInfFlag | rapidjson::kParseIterativeFlag;

std::string text_of(const rapidjson::Value* v) {
  return v != nullptr && v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
}

// score.py's _text(): a string, or the "name" (else "text") of an object; nullopt otherwise.
std::optional<std::string> text_field(const rapidjson::Value* v) {
  if (v != nullptr && v->IsObject()) {
    const rapidjson::Value* name = member(*v, "name");
    v = name != nullptr ? name : member(*v, "text");
  }
  if (v != nullptr && v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  return std::nullopt;
}

// Iterating a JSON value as Python would for `for x in value or []`: list items, string
// characters, object keys; non-strings become "".
std::vector<std::string> py_iter_texts(const rapidjson::Value* v) {
  std::vector<std::string> out;
  if (!py_truthy(v)) return out;
  if (v->IsArray()) {
    for (const auto& e : v->GetArray()) out.push_back(text_of(&e));
  } else if (v->IsString()) {
    for (char32_t c : to_u32(std::string_view(v->GetString(), v->GetStringLength())))
      out.push_back(to_utf8(std::u32string(1, c)));
  } else if (v->IsObject()) {
    for (auto it = v->MemberBegin(); it != v->MemberEnd(); ++it)
      out.emplace_back(it->name.GetString(), it->name.GetStringLength());
  }
  return out;
}

// `a or b` on two JSON values, reduced to text as the norm_* functions see it (non-string -> "").
std::string or_text(const rapidjson::Value* a, const rapidjson::Value* b) { return text_of(py_truthy(a) ? a : b); }

std::shared_ptr<rapidjson::Document> parse_row(const std::string& path, int lineno, std::string_view line,
                                               const char* what) {
  auto d = std::make_shared<rapidjson::Document>();
  d->Parse<kParseFlags>(line.data(), line.size());
  if (d->HasParseError())
    throw LoadError(path + ":" + std::to_string(lineno) + ": bad JSON in " + what + ": " +
                    rapidjson::GetParseError_En(d->GetParseError()) + " (column " +
                    std::to_string(d->GetErrorOffset() + 1) + ")");
  return d;
}

std::string pad_right(std::string s, std::size_t width) {
  auto n = py_len(s);
  if (n < width) s.append(width - n, ' ');
  return s;
}

double round4(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", x);
  return std::strtod(buf, nullptr);
}

// --- per document scoring ---------------------------------------------------------------------

// A resolved name: the set of person keys it may stand for, as sorted ids.
using PersonSet = std::vector<int>;

bool intersects(const PersonSet& a, const PersonSet& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j)
      ++i;
    else
      ++j;
  }
  return false;
}

// score.py's NameIndex: a gold person is ("P", normalised canonical); a name matching nobody is
// ("N", normalised name).
class NameIndex {
 public:
  explicit NameIndex(bool fold) : fold_(fold) {}

  void add(std::string_view canonical, const std::vector<std::string>& aliases = {}) {
    std::string cn = norm_name(canonical, fold_);
    if (cn.empty()) return;
    int key = intern('P', cn);
    canon_.emplace(cn, key);
    insert(alias_[cn], key);
    for (const auto& a : aliases) {
      std::string an = norm_name(a, fold_);
      if (!an.empty()) insert(alias_[an], key);
    }
  }

  PersonSet resolve(std::string_view name) {
    std::string n = norm_name(name, fold_);
    if (auto it = canon_.find(n); it != canon_.end()) return {it->second};
    if (auto it = alias_.find(n); it != alias_.end()) return it->second;
    return {intern('N', n)};
  }

 private:
  static void insert(PersonSet& s, int key) {
    auto it = std::lower_bound(s.begin(), s.end(), key);
    if (it == s.end() || *it != key) s.insert(it, key);
  }
  int intern(char kind, const std::string& s) {
    auto [it, added] = keys_.emplace(std::make_pair(kind, s), static_cast<int>(keys_.size()));
    return it->second;
  }

  bool fold_;
  std::map<std::pair<char, std::string>, int> keys_;
  std::unordered_map<std::string, int> canon_;
  std::unordered_map<std::string, PersonSet> alias_;
};

struct GoldPair {
  std::string rel;
  PersonSet a, b;
  const JsonRow* row;
};
struct PredPair {
  std::string rel;
  PersonSet a, b;
  std::vector<const Prediction*> lines;
};
struct GoldOffice {
  PersonSet subj;
  std::string title;
  std::vector<OrgTokens> orgs;
  bool former;
  const JsonRow* row;
};
struct PredOffice {
  PersonSet subj;
  std::string title;
  OrgTokens org;
  std::vector<const Prediction*> lines;
  bool former;
};
struct GoldAffil {
  std::string rel;
  PersonSet subj;
  OrgTokens org;
  const JsonRow* row;
};
struct PredAffil {
  std::string rel;
  PersonSet subj;
  OrgTokens org;
  std::vector<const Prediction*> lines;
};

using OrgLine = std::pair<const Prediction*, OrgTokens>;  // a line with its normalised org

// score.py's _collapse_by_org: lines of one person (and title) grouped into units by org; a line
// without org goes to the first unit, an org contained in a longer one is absorbed by it.
std::vector<std::pair<OrgTokens, std::vector<const Prediction*>>> collapse_by_org(const std::vector<OrgLine>& lines) {
  std::vector<OrgTokens> orgs;
  for (const auto& [p, o] : lines)
    if (!o.empty() && std::find(orgs.begin(), orgs.end(), o) == orgs.end()) orgs.push_back(o);
  std::vector<OrgTokens> by_len = orgs;
  std::stable_sort(by_len.begin(), by_len.end(), [](const OrgTokens& a, const OrgTokens& b) { return a.size() > b.size(); });
  std::vector<OrgTokens> kept;
  for (const auto& o : by_len) {
    bool absorbed = std::any_of(kept.begin(), kept.end(),
                                [&](const OrgTokens& k) { return contains_tokens(k, o) || contains_tokens(o, k); });
    if (!absorbed) kept.push_back(o);
  }
  auto first_seen = [&](const OrgTokens& o) { return std::find(orgs.begin(), orgs.end(), o) - orgs.begin(); };
  std::stable_sort(kept.begin(), kept.end(),
                   [&](const OrgTokens& a, const OrgTokens& b) { return first_seen(a) < first_seen(b); });
  std::vector<std::pair<OrgTokens, std::vector<const Prediction*>>> units;
  if (kept.empty()) {
    units.emplace_back();
    for (const auto& [p, o] : lines) units.back().second.push_back(p);
    return units;
  }
  for (const auto& k : kept) units.emplace_back(k, std::vector<const Prediction*>{});
  for (const auto& [p, o] : lines) {
    std::size_t target = 0;
    if (!o.empty()) {
      for (std::size_t i = 0; i < kept.size(); ++i) {
        if (kept[i] == o || contains_tokens(kept[i], o) || contains_tokens(o, kept[i])) {
          target = i;
          break;
        }
      }
    }
    units[target].second.push_back(p);
  }
  return units;
}

// Insertion-ordered grouping (Python's OrderedDict / setdefault pattern).
template <class Key, class Value>
class OrderedGroups {
 public:
  Value& operator[](const Key& k) {
    auto [it, added] = index_.emplace(k, items_.size());
    if (added) items_.emplace_back(k, Value{});
    return items_[it->second].second;
  }
  const std::vector<std::pair<Key, Value>>& items() const { return items_; }

 private:
  std::map<Key, std::size_t> index_;
  std::vector<std::pair<Key, Value>> items_;
};

std::string ev_text(const std::optional<std::string>& s) {
  // score.py's _ev: whitespace collapsed, cut at 400 characters
  if (!s || s->empty()) return {};
  std::string t = py_strip(collapse_space(*s));
  std::u32string u = to_u32(t);
  if (u.size() <= 400) return t;
  return to_utf8(u.substr(0, 399)) + "\xE2\x80\xA6";
}

std::string ev_of(const JsonRow& row) {
  const rapidjson::Value* v = row.get("evidence");
  if (v == nullptr || !v->IsString()) return {};
  return ev_text(text_of(v));
}

std::string fmt_gold(const JsonRow& g) {
  std::string rel = text_of(g.get("relation"));
  std::string s = pad_right(rel, 16) + py_str(g.get("subject"));
  if (is_pair(rel)) {
    s += " -- " + py_str(g.get("object"));
  } else if (rel == "holds_office") {
    s += " :: " + py_str(g.get("title"));
    if (py_truthy(g.get("org"))) s += " | org=" + py_str(g.get("org"));
    if (py_truthy(g.get("org_alt"))) s += " | org_alt=" + py_str(g.get("org_alt"));
    if (py_truthy(g.get("former"))) s += " | former";
  } else {
    s += " :: " + py_str(g.get("object"));
  }
  return s;
}

std::string fmt_pred(const Prediction& p) {
  std::string s = pad_right(p.relation, 16) + p.subject;
  if (is_pair(p.relation)) {
    s += " -- " + p.object;
  } else if (p.relation == "holds_office") {
    s += " :: " + p.title;
    if (p.org && !p.org->empty()) s += " | org=" + *p.org;
    if (p.former) s += " | former";
  } else {
    s += " :: " + p.org.value_or("None");
  }
  return s + "   [pred line " + std::to_string(p.line) + "]";
}

class DocScorer {
 public:
  DocScorer(const std::vector<const JsonRow*>& gold, const std::vector<const JsonRow*>& aliases,
            const std::vector<const Prediction*>& preds, bool fold)
      : fold_(fold), idx_(fold) {
    for (const JsonRow* a : aliases) idx_.add(text_of(a->get("canonical")), py_iter_texts(a->get("aliases")));
    for (const JsonRow* g : gold) {
      idx_.add(text_of(g->get("subject")));
      if (is_pair(text_of(g->get("relation")))) idx_.add(text_of(g->get("object")));
    }
    build_gold(gold);
    build_pred(preds);
  }

  CategoryCounts score() {
    CategoryCounts res{};
    auto run = [&](std::size_t cat, std::size_t n_gold, std::size_t n_pred,
                   const std::function<bool(std::size_t, std::size_t)>& ok) {
      Matching m = max_matching(n_gold, n_pred, ok);
      auto tp = static_cast<long long>(m.size());
      res[cat] = {tp, static_cast<long long>(n_pred) - tp, static_cast<long long>(n_gold) - tp};
      return m;
    };
    auto pair_ok = [](const PersonSet& a, const PersonSet& b, const PersonSet& x, const PersonSet& y) {
      return (intersects(a, x) && intersects(b, y)) || (intersects(a, y) && intersects(b, x));
    };
    for (std::size_t cat : {kMetWith, kPhoned}) {
      std::string_view rel = kCategoryNames[cat];
      std::vector<const GoldPair*> gs;
      std::vector<const PredPair*> ps;
      for (const auto& g : g_pairs_)
        if (g.rel == rel) gs.push_back(&g);
      for (const auto& p : p_pairs_)
        if (p.rel == rel) ps.push_back(&p);
      Matching m = run(cat, gs.size(), ps.size(),
                       [&](std::size_t i, std::size_t j) { return pair_ok(gs[i]->a, gs[i]->b, ps[j]->a, ps[j]->b); });
      record_pairs(gs, ps, m);
    }
    run(kContact, g_pairs_.size(), p_pairs_.size(), [&](std::size_t i, std::size_t j) {
      return pair_ok(g_pairs_[i].a, g_pairs_[i].b, p_pairs_[j].a, p_pairs_[j].b);
    });

    auto primary = [&](std::size_t i, std::size_t j) {
      const auto& g = g_office_[i];
      const auto& p = p_office_[j];
      return intersects(g.subj, p.subj) && g.title == p.title && !g.title.empty();
    };
    auto strict = [&](std::size_t i, std::size_t j) {
      if (!primary(i, j)) return false;
      const auto& g = g_office_[i];
      if (g.orgs.empty()) return true;
      return std::any_of(g.orgs.begin(), g.orgs.end(), [&](const OrgTokens& o) { return orgs_match(p_office_[j].org, o); });
    };
    Matching m = run(kOffice, g_office_.size(), p_office_.size(), primary);
    Matching ms = run(kOfficeStrict, g_office_.size(), p_office_.size(), strict);
    Counts nf;
    for (std::size_t i = 0; i < g_office_.size(); ++i) {
      if (g_office_[i].former) continue;
      if (m.gold_to_pred[i] != -1)
        ++nf.tp;
      else
        ++nf.fn;
    }
    for (std::size_t j = 0; j < p_office_.size(); ++j)
      if (m.pred_to_gold[j] == -1 && !p_office_[j].former) ++nf.fp;
    res[kOfficeNoFormer] = nf;
    record_office(m, ms);

    auto affil_ok = [](const GoldAffil& g, const PredAffil& p) {
      return intersects(g.subj, p.subj) && orgs_match(p.org, g.org);
    };
    Matching ma = run(kAffiliation, g_affil_.size(), p_affil_.size(),
                      [&](std::size_t i, std::size_t j) { return affil_ok(g_affil_[i], p_affil_[j]); });
    record_affil(ma);
    for (std::size_t cat : {kMemberOf, kAffiliatedWith}) {
      std::string_view rel = kCategoryNames[cat];
      std::vector<const GoldAffil*> gs;
      for (const auto& g : g_affil_)
        if (g.rel == rel) gs.push_back(&g);
      const auto& ps = p_affil_by_rel_[cat == kMemberOf ? 0 : 1];
      run(cat, gs.size(), ps.size(), [&](std::size_t i, std::size_t j) { return affil_ok(*gs[i], ps[j]); });
    }
    for (std::size_t part : {kMetWith, kPhoned, kOffice, kAffiliation}) {
      res[kMicro].tp += res[part].tp;
      res[kMicro].fp += res[part].fp;
      res[kMicro].fn += res[part].fn;
    }
    return res;
  }

  // score.py's print_errors() lines for this document (empty when there are none).
  std::string errors() const {
    std::string out;
    for (const auto& [kind, text, ev] : error_lines_) {
      out += "  " + pad_right(kind, 4) + text + "\n";
      if (!ev.empty()) out += "        evidence: " + ev + "\n";
    }
    return out;
  }

 private:
  void build_gold(const std::vector<const JsonRow*>& gold) {
    for (const JsonRow* g : gold) {
      std::string rel = text_of(g->get("relation"));
      PersonSet subj = idx_.resolve(text_of(g->get("subject")));
      if (is_pair(rel)) {
        g_pairs_.push_back({rel, subj, idx_.resolve(text_of(g->get("object"))), g});
      } else if (rel == "holds_office") {
        std::vector<OrgTokens> orgs;
        OrgTokens o = norm_org(text_of(g->get("org")), fold_);
        if (!o.empty()) orgs.push_back(o);
        for (const auto& alt : py_iter_texts(g->get("org_alt"))) {
          OrgTokens a = norm_org(alt, fold_);
          if (!a.empty()) orgs.push_back(a);
        }
        const rapidjson::Value* former = g->get("former");
        g_office_.push_back({subj, norm_title(or_text(g->get("title"), g->get("object")), fold_), std::move(orgs),
                             former != nullptr && former->IsBool() && former->GetBool(), g});
      } else if (is_affil(rel)) {
        g_affil_.push_back({rel, subj, norm_org(or_text(g->get("org"), g->get("object")), fold_), g});
      }
    }
  }

  void build_pred(const std::vector<const Prediction*>& preds) {
    OrderedGroups<std::tuple<std::string, PersonSet, PersonSet>, PredPair> pairs;
    OrderedGroups<std::pair<PersonSet, std::string>, std::vector<OrgLine>> office_groups;
    OrderedGroups<std::pair<std::string, PersonSet>, std::vector<OrgLine>> affil_groups;
    for (const Prediction* p : preds) {
      PersonSet subj = idx_.resolve(p->subject);
      if (is_pair(p->relation)) {
        PersonSet obj = idx_.resolve(p->object);
        // frozenset([subj, obj]): order does not matter, {A, A} == {A}
        auto key = subj < obj ? std::make_tuple(p->relation, subj, obj) : std::make_tuple(p->relation, obj, subj);
        PredPair& u = pairs[key];
        if (u.lines.empty()) u = {p->relation, subj, obj, {}};
        u.lines.push_back(p);
      } else if (p->relation == "holds_office") {
        OrgTokens org = norm_org(p->org.value_or(""), fold_);
        if (org.empty()) {
          auto implied = countries_in(p->title);
          if (!implied.empty()) org = norm_org(implied[0], fold_);
        }
        office_groups[{subj, norm_title(p->title, fold_)}].emplace_back(p, std::move(org));
      } else {
        affil_groups[{p->relation, subj}].emplace_back(p, norm_org(p->org.value_or(""), fold_));
      }
    }
    for (const auto& [key, u] : pairs.items()) p_pairs_.push_back(u);
    for (const auto& [key, lines] : office_groups.items()) {
      for (auto& [org, ls] : collapse_by_org(lines)) {
        bool former = std::any_of(ls.begin(), ls.end(), [](const Prediction* p) { return p->former; });
        p_office_.push_back({key.first, key.second, org, ls, former});
      }
    }
    OrderedGroups<PersonSet, std::vector<OrgLine>> merged;
    for (const auto& [key, lines] : affil_groups.items()) {
      const auto& [rel, subj] = key;
      for (auto& [org, ls] : collapse_by_org(lines))
        p_affil_by_rel_[rel == "member_of" ? 0 : 1].push_back({rel, subj, org, ls});
      auto& m = merged[subj];
      m.insert(m.end(), lines.begin(), lines.end());
    }
    for (const auto& [subj, lines] : merged.items())
      for (auto& [org, ls] : collapse_by_org(lines)) p_affil_.push_back({"", subj, org, ls});
  }

  // --- --errors ---------------------------------------------------------------------------------
  // score.py lists, per document, FN/FP of met_with, phoned, holds_office, affiliation in that
  // order, then the ORG lines.
  template <class G, class P>
  void record(const std::vector<G>& golds, const std::vector<P>& preds, const Matching& m) {
    for (std::size_t i = 0; i < golds.size(); ++i)
      if (m.gold_to_pred[i] == -1) error_lines_.push_back({"FN", fmt_gold(*row_of(golds[i])), ev_of(*row_of(golds[i]))});
    for (std::size_t j = 0; j < preds.size(); ++j) {
      if (m.pred_to_gold[j] != -1) continue;
      const auto& lines = lines_of(preds[j]);
      const Prediction& first = *lines.front();
      std::string extra = lines.size() > 1 ? " (+" + std::to_string(lines.size() - 1) + " duplicate line(s))" : "";
      error_lines_.push_back({"FP", fmt_pred(first) + extra, ev_text(first.evidence)});
    }
  }
  static const JsonRow* row_of(const GoldPair* g) { return g->row; }
  static const JsonRow* row_of(const GoldOffice& g) { return g.row; }
  static const JsonRow* row_of(const GoldAffil& g) { return g.row; }
  static const std::vector<const Prediction*>& lines_of(const PredPair* p) { return p->lines; }
  static const std::vector<const Prediction*>& lines_of(const PredOffice& p) { return p.lines; }
  static const std::vector<const Prediction*>& lines_of(const PredAffil& p) { return p.lines; }

  void record_pairs(const std::vector<const GoldPair*>& gs, const std::vector<const PredPair*>& ps, const Matching& m) {
    record(gs, ps, m);
  }
  void record_office(const Matching& primary, const Matching& strict) {
    record(g_office_, p_office_, primary);
    office_primary_ = primary;
    office_strict_ = strict;
  }
  void record_affil(const Matching& m) {
    record(g_affil_, p_affil_, m);
    for (const auto& [i, j] : office_primary_.pairs()) {
      if (office_strict_.gold_to_pred[static_cast<std::size_t>(i)] != -1) continue;
      const JsonRow& g = *g_office_[static_cast<std::size_t>(i)].row;
      const Prediction& p = *p_office_[static_cast<std::size_t>(j)].lines.front();
      std::string alt = py_truthy(g.get("org_alt")) ? " org_alt=" + py_repr(g.get("org_alt")) : "";
      error_lines_.push_back({"ORG",
                              py_str(g.get("subject")) + " :: " + py_str(g.get("title")) +
                                  ": gold org=" + py_repr(g.get("org")) + alt + ", predicted org=" +
                                  (p.org ? py_repr(*p.org) : std::string("None")) + "   [pred line " +
                                  std::to_string(p.line) + "]",
                              ""});
    }
  }

  bool fold_;
  NameIndex idx_;
  std::vector<GoldPair> g_pairs_;
  std::vector<PredPair> p_pairs_;
  std::vector<GoldOffice> g_office_;
  std::vector<PredOffice> p_office_;
  std::vector<GoldAffil> g_affil_;
  std::vector<PredAffil> p_affil_;
  std::array<std::vector<PredAffil>, 2> p_affil_by_rel_;  // member_of, affiliated_with
  Matching office_primary_, office_strict_;
  struct ErrorLine {
    std::string kind, text, ev;
  };
  std::vector<ErrorLine> error_lines_;
};

void write_table(rapidjson::PrettyWriter<rapidjson::StringBuffer>& w, const ScoreTable& t) {
  w.StartObject();
  for (std::size_t c = 0; c < kNumCategories; ++c) {
    const auto& s = t[c];
    w.Key(kCategoryNames[c].data(), static_cast<rapidjson::SizeType>(kCategoryNames[c].size()));
    w.StartObject();
    w.Key("tp"); w.Int64(s.counts.tp);
    w.Key("fp"); w.Int64(s.counts.fp);
    w.Key("fn"); w.Int64(s.counts.fn);
    w.Key("gold"); w.Int64(s.gold);
    w.Key("pred"); w.Int64(s.pred);
    w.Key("precision"); w.Double(s.precision);
    w.Key("recall"); w.Double(s.recall);
    w.Key("f1"); w.Double(s.f1);
    w.EndObject();
  }
  w.EndObject();
}

void write_string(rapidjson::PrettyWriter<rapidjson::StringBuffer>& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

}  // namespace

// --- public ------------------------------------------------------------------------------------

const rapidjson::Value* JsonRow::get(std::string_view key) const { return json ? member(*json, key) : nullptr; }

Prf prf(long long tp, long long fp, long long fn) {
  double p = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : (fn == 0 ? 1.0 : 0.0);
  double r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : (fp == 0 ? 1.0 : 0.0);
  double f = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
  return {p, r, f};
}

ScoreTable finish(const CategoryCounts& counts) {
  ScoreTable out{};
  for (std::size_t c = 0; c < kNumCategories; ++c) {
    const Counts& k = counts[c];
    Prf s = prf(k.tp, k.fp, k.fn);
    out[c] = {k, k.tp + k.fn, k.tp + k.fp, round4(s.precision), round4(s.recall), round4(s.f1)};
  }
  return out;
}

void load_gold(EvalInput& in, const std::string& path) {
  std::optional<std::string> first_bad;
  for_each_line(path, [&](int lineno, std::string_view line) {
    if (blank(line)) return;
    auto d = parse_row(path, lineno, line, "gold");
    if (!d->IsObject()) return;  // score.py keeps objects only
    JsonRow row{"", lineno, d};
    const rapidjson::Value* rel = row.get("relation");
    const rapidjson::Value* doc = row.get("doc");
    bool rel_ok = rel != nullptr && rel->IsString() && is_gold_relation(text_of(rel));
    bool doc_ok = doc != nullptr && doc->IsString() && doc->GetStringLength() > 0;
    if ((!rel_ok || !doc_ok) && !first_bad)
      first_bad = path + ":" + std::to_string(lineno) + ": " +
                  (rel_ok ? "missing or empty \"doc\"" : "unknown relation " + py_repr(rel));
    row.doc = text_of(doc);
    in.gold.push_back(std::move(row));
  });
  if (first_bad) throw LoadError(*first_bad);
  in.universe.clear();
  for (const auto& g : in.gold) in.universe.insert(g.doc);
  in.gold_docs = in.universe.size();
}

void load_aliases(EvalInput& in, const std::string& path) {
  for_each_line(path, [&](int lineno, std::string_view line) {
    if (blank(line)) return;
    auto d = parse_row(path, lineno, line, "aliases");
    if (!d->IsObject()) return;
    JsonRow row{"", lineno, d};
    const rapidjson::Value* doc = row.get("doc");
    if (doc == nullptr || !doc->IsString())
      throw LoadError(path + ":" + std::to_string(lineno) + ": aliases line without a \"doc\" string");
    row.doc = text_of(doc);
    in.aliases.push_back(std::move(row));
  });
}

void load_articles(EvalInput& in, const std::string& path) {
  std::set<std::string>& ids = in.article_ids;
  for_each_line(path, [&](int lineno, std::string_view line) {
    if (blank(line)) return;
    rapidjson::Document d;  // one article at a time; only its id is kept
    d.Parse<kParseFlags>(line.data(), line.size());
    if (d.HasParseError())
      throw LoadError(path + ":" + std::to_string(lineno) + ": bad JSON in articles: " +
                      rapidjson::GetParseError_En(d.GetParseError()));
    const rapidjson::Value* id = member(d, "id");
    if (id != nullptr && id->IsString()) ids.insert(text_of(id));
  });
  in.universe.insert(ids.begin(), ids.end());
  in.with_docs = true;
}

std::vector<std::string> missing_gold_docs(const EvalInput& in) {
  std::set<std::string> missing;
  for (const auto& g : in.gold)
    if (!in.article_ids.count(g.doc)) missing.insert(g.doc);
  return {missing.begin(), missing.end()};
}

Predictions load_predictions(const std::string& path, const std::set<std::string>& universe) {
  Predictions out;
  auto count_unknown = [&](const std::string& label) {
    for (auto& [l, n] : out.ignored_unknown_category)
      if (l == label) {
        ++n;
        return;
      }
    out.ignored_unknown_category.emplace_back(label, 1);
  };
  for_each_line(path, [&](int lineno, std::string_view line) {
    if (blank(line)) return;
    ++out.pred_lines;
    rapidjson::Document d;
    d.Parse<kParseFlags>(line.data(), line.size());
    auto malformed = [&](const std::string& why) {
      ++out.ignored_malformed;
      out.problems.push_back(path + ":" + std::to_string(lineno) + ": " + why);
    };
    if (d.HasParseError()) {
      malformed(std::string("bad JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
      return;
    }
    const rapidjson::Value* doc = member(d, "doc");
    if (doc == nullptr || !doc->IsString()) {
      malformed("not an object with a \"doc\" string");
      return;
    }
    // relation if it is one of the five, else the category mapped
    std::string rel;
    const rapidjson::Value* r = member(d, "relation");
    const rapidjson::Value* cat = member(d, "category");
    if (r != nullptr && r->IsString() && is_gold_relation(text_of(r))) {
      rel = text_of(r);
    } else if (cat != nullptr && cat->IsString()) {
      std::string c = py_strip(text_of(cat));
      std::transform(c.begin(), c.end(), c.begin(), [](char ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; });
      static const std::pair<const char*, const char*> kMap[] = {{"meeting", "met_with"},
                                                                 {"call", "phoned"},
                                                                 {"office", "holds_office"},
                                                                 {"membership", "member_of"},
                                                                 {"affiliation", "affiliated_with"}};
      for (const auto& [from, to] : kMap)
        if (c == from) rel = to;
    }
    if (rel.empty()) {
      count_unknown(py_str(cat != nullptr && !cat->IsNull() ? cat : r));
      return;
    }
    Prediction p;
    p.doc = text_of(doc);
    if (!universe.count(p.doc)) {
      ++out.ignored_doc_not_in_universe;
      return;
    }
    auto subj = text_field(member(d, "subject"));
    if (!subj || subj->empty()) {
      malformed("no \"subject\"");
      return;
    }
    p.relation = rel;
    p.subject = *subj;
    p.line = lineno;
    if (const rapidjson::Value* ev = member(d, "evidence"); ev != nullptr && ev->IsString()) p.evidence = text_of(ev);
    auto nonempty = [](std::optional<std::string> s) { return s && !s->empty() ? s : std::nullopt; };
    if (is_pair(rel)) {
      auto obj = nonempty(text_field(member(d, "object")));
      if (!obj) {
        malformed("no \"object\"");
        return;
      }
      p.object = *obj;
    } else if (rel == "holds_office") {
      auto title = nonempty(text_field(member(d, "title")));
      if (!title) title = nonempty(text_field(member(d, "object")));
      if (!title) {
        malformed("no \"title\" or \"object\"");
        return;
      }
      p.title = *title;
      p.org = text_field(member(d, "org"));
      const rapidjson::Value* former = member(d, "former");
      p.former = former != nullptr && former->IsBool() && former->GetBool();
    } else {
      auto org = nonempty(text_field(member(d, "org")));
      if (!org) org = nonempty(text_field(member(d, "object")));
      if (!org) {
        malformed("no \"org\" or \"object\"");
        return;
      }
      p.org = org;
    }
    out.lines.push_back(std::move(p));
    ++out.used;
  });
  return out;
}

EvalResult evaluate(const EvalInput& in, const Predictions& preds, bool want_errors) {
  std::unordered_map<std::string, std::vector<const JsonRow*>> gold_by_doc, alias_by_doc;
  std::unordered_map<std::string, std::vector<const Prediction*>> pred_by_doc;
  for (const auto& g : in.gold) gold_by_doc[g.doc].push_back(&g);
  for (const auto& a : in.aliases) alias_by_doc[a.doc].push_back(&a);
  for (const auto& p : preds.lines) pred_by_doc[p.doc].push_back(&p);
  auto of = [](auto& map, const std::string& doc) -> decltype(map[doc]) { return map[doc]; };

  EvalResult r;
  for (bool fold : {false, true}) {
    CategoryCounts totals{};
    for (const auto& doc : in.universe) {
      DocScorer ds(of(gold_by_doc, doc), of(alias_by_doc, doc), of(pred_by_doc, doc), fold);
      CategoryCounts res = ds.score();
      for (std::size_t c = 0; c < kNumCategories; ++c) {
        totals[c].tp += res[c].tp;
        totals[c].fp += res[c].fp;
        totals[c].fn += res[c].fn;
      }
      if (!fold) {
        r.per_doc.emplace_back(doc, res);
        if (want_errors) {
          std::string e = ds.errors();
          if (!e.empty()) r.errors += "\n== " + doc + "\n" + e;
        }
      }
    }
    (fold ? r.folded : r.exact) = finish(totals);
  }
  if (want_errors)
    r.errors = "\nErrors per document (FN = gold line missed, FP = prediction unit not in gold, ORG = office found "
               "but org not matched in the strict score)\n" +
               r.errors;
  return r;
}

std::string format_table(const ScoreTable& exact, const ScoreTable& folded) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-29s%5s%6s%5s%5s%5s%7s%7s%7s | %7s", "category", "gold", "pred", "TP", "FP", "FN",
                "P", "R", "F1", "F1 fold");
  std::string hdr = buf;
  std::string out = hdr + "\n" + std::string(hdr.size(), '-') + "\n";
  for (std::size_t c = 0; c < kNumCategories; ++c) {
    const auto& e = exact[c];
    std::snprintf(buf, sizeof buf, "%5lld%6lld%5lld%5lld%5lld%7.3f%7.3f%7.3f | %7.3f", e.gold, e.pred, e.counts.tp,
                  e.counts.fp, e.counts.fn, e.precision, e.recall, e.f1, folded[c].f1);
    out += pad_right(std::string(kCategoryLabels[c]), 29) + buf + "\n";
  }
  return out;
}

std::string format_report(const EvalInput& in, const Predictions& preds, const EvalResult& r) {
  long long unknown = 0;
  std::string unknown_json;
  for (const auto& [label, n] : preds.ignored_unknown_category) {
    unknown += n;
    unknown_json += (unknown_json.empty() ? "{" : ", ") + json_quote(label, true) + ": " + std::to_string(n);
  }
  if (!unknown_json.empty()) unknown_json = " " + unknown_json + "}";
  std::string out = "gold: " + std::to_string(in.gold.size()) + " lines in " + std::to_string(in.gold_docs) +
                    " docs; universe: " + std::to_string(in.universe.size()) + " docs" +
                    (in.with_docs ? " (with --docs)" : " (gold docs only)") + "\n";
  out += "predictions: " + std::to_string(preds.pred_lines) + " lines, " + std::to_string(preds.used) +
         " used; ignored: " + std::to_string(unknown) + " unknown category" + unknown_json + ", " +
         std::to_string(preds.ignored_doc_not_in_universe) + " outside the doc universe, " +
         std::to_string(preds.ignored_malformed) + " malformed\n";
  return out + format_table(r.exact, r.folded);
}

std::string result_json(const EvalInput& in, const Predictions& preds, const EvalResult& r, const std::string& gold,
                        const std::string& aliases, const std::string& pred, const std::optional<std::string>& docs) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 1);
  w.StartObject();
  w.Key("gold"); write_string(w, gold);
  w.Key("aliases"); write_string(w, aliases);
  w.Key("pred"); write_string(w, pred);
  w.Key("docs");
  if (docs)
    write_string(w, *docs);
  else
    w.Null();
  w.Key("gold_lines"); w.Uint64(in.gold.size());
  w.Key("gold_docs"); w.Uint64(in.gold_docs);
  w.Key("universe_docs"); w.Uint64(in.universe.size());
  w.Key("predictions");
  w.StartObject();
  w.Key("pred_lines"); w.Int64(preds.pred_lines);
  w.Key("used"); w.Int64(preds.used);
  w.Key("ignored_doc_not_in_universe"); w.Int64(preds.ignored_doc_not_in_universe);
  w.Key("ignored_malformed"); w.Int64(preds.ignored_malformed);
  w.Key("ignored_unknown_category");
  w.StartObject();
  for (const auto& [label, n] : preds.ignored_unknown_category) {
    write_string(w, label);
    w.Int64(n);
  }
  w.EndObject();
  w.EndObject();
  w.Key("scores");
  w.StartObject();
  w.Key("exact");
  write_table(w, r.exact);
  w.Key("folded");
  write_table(w, r.folded);
  w.EndObject();
  w.Key("per_doc");
  w.StartObject();
  for (const auto& [doc, counts] : r.per_doc) {
    write_string(w, doc);
    w.StartObject();
    for (std::size_t c = 0; c < kNumCategories; ++c) {
      w.Key(kCategoryNames[c].data(), static_cast<rapidjson::SizeType>(kCategoryNames[c].size()));
      w.StartObject();
      w.Key("tp"); w.Int64(counts[c].tp);
      w.Key("fp"); w.Int64(counts[c].fp);
      w.Key("fn"); w.Int64(counts[c].fn);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace newsgraph::eval
