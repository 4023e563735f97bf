#include "extract/rules.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "extract/embedded.h"
#include "extract/relation.h"

namespace newsgraph {
namespace {

// 1-based line and column of a byte offset.
std::pair<int, int> line_col(std::string_view text, std::size_t offset) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

// The line where a rule's id is written, for messages about that rule.
int line_of_id(std::string_view text, const std::string& id) {
  auto pos = text.find("\"" + id + "\"");
  return pos == std::string_view::npos ? 0 : line_col(text, pos).first;
}

// RE2's messages quote the expanded pattern; markers are control bytes, shown as [ and ].
std::string readable(std::string s) {
  for (auto& c : s) {
    if (c == '\x01') c = '[';
    else if (c == '\x02') c = ']';
  }
  return s;
}

RE2::Options rule_options() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  // Bytes, not UTF-8 characters: the built-in patterns are ASCII words and marker bytes, and a
  // class such as [^,;\x01] then compiles to one byte range instead of a UTF-8 automaton
  // (smaller DFAs, 4% faster extraction, same records). Non-ASCII text passes as bytes.
  o.set_encoding(RE2::Options::EncodingLatin1);
  return o;
}

const char* kMarkerList = "(?:,|,? and|, and|,? or|,? as well as) ";

std::string slot_regex(const std::string& kind, const std::string& name) {
  const std::string g = "(?P<" + name + ">";
  // A person in a list may carry " of <State>" ("Christopher Dodd of Connecticut").
  const std::string person =
      "\x01P\\d+\x02(?: (?:of|at|in) (?:the |his |her )?(?:New |North |South |West |Rhode )?\\w+)?";
  if (kind == "PERSON") return "\x01P" + g + "\\d+)\x02";
  if (kind == "PERSONS") return g + person + "(?:" + kMarkerList + person + ")*)";
  if (kind == "TITLE") return "\x01T" + g + "\\d+)\x02";
  if (kind == "ORG") return g + "\x01O\\d+\x02)";
  if (kind == "COUNTRY") return g + "\x01" "C\\d+\x02)";
  if (kind == "PARTY") return g + "\x01" "A\\d+\x02)";
  if (kind == "ORGLIKE") return g + "\x01[OCA]\\d+\x02(?:(?:'s)? \x01[OCA]\\d+\x02){0,2})";
  if (kind == "ORGMOD") return g + "(?:\x01[OCA]\\d+\x02(?:'s)? ){1,3})";
  return {};
}

// The prefilters' answers depend only on which literals a sentence holds. Sentences repeat
// (wire stories, boilerplate, an article in several feeds), so each thread remembers recent
// answers of the rule set it last used, in a fixed table: a miss costs a hash and a compare.
struct PrefilterMemo {
  struct Entry {
    bool used = false;
    std::vector<int> found;   // the literals found, sorted
    std::vector<int> answer;  // the candidates, or {coarse_may_match}
  };
  enum Question { kFine, kCoarse, kCoarseMayMatch };
  static constexpr std::size_t kSlots = 4096;  // per question; a power of two
  std::uint64_t owner = 0;  // RuleSet serial the answers belong to
  std::vector<Entry> table[3];
  std::vector<int> found;   // scratch: the set's answer
  std::vector<int> counts;  // scratch: coarse_may_match's runs found per atom

  static PrefilterMemo& of(std::uint64_t serial) {
    thread_local PrefilterMemo memo;
    if (memo.owner != serial) {
      for (auto& t : memo.table) t.assign(kSlots, Entry{});
      memo.owner = serial;
    }
    return memo;
  }
  // The entry for `found` (sorted here); its answer holds when *hit.
  Entry& entry(Question q, bool* hit) {
    std::sort(found.begin(), found.end());
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a over the indexes
    for (int f : found) h = (h ^ static_cast<std::uint32_t>(f)) * 1099511628211ull;
    Entry& e = table[q][h & (kSlots - 1)];
    *hit = e.used && e.found == found;
    return e;
  }
  void remember(Entry& e, const std::vector<int>& answer) {
    e.used = true;
    e.found = found;
    e.answer = answer;
  }
};

std::atomic<std::uint64_t> next_serial{1};

}  // namespace

RuleSet::RuleSet() : serial_(next_serial++) {}
RuleSet::~RuleSet() = default;

std::string RuleSet::expand(const std::string& pattern, const std::string& where) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      i += 2;
      continue;
    }
    if (c == '{' && i + 1 < pattern.size() && std::isupper(static_cast<unsigned char>(pattern[i + 1]))) {
      auto close = pattern.find('}', i);
      if (close == std::string::npos) throw RuleError(where + "unclosed '{' in pattern");
      std::string inner = pattern.substr(i + 1, close - i - 1);
      auto colon = inner.find(':');
      if (colon != std::string::npos) {
        std::string kind = inner.substr(0, colon), name = inner.substr(colon + 1);
        std::string re = slot_regex(kind, name);
        if (re.empty())
          throw RuleError(where + "unknown slot type '" + kind +
                          "' (known: PERSON, PERSONS, TITLE, ORG, COUNTRY, PARTY, ORGLIKE, ORGMOD)");
        out += re;
      } else {
        auto it = std::find_if(macros_.begin(), macros_.end(), [&](const auto& m) { return m.first == inner; });
        if (it == macros_.end()) throw RuleError(where + "unknown macro {" + inner + "}");
        out += "(?:" + it->second + ")";
      }
      i = close + 1;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

void RuleSet::add_file(const std::string& name, std::string_view contents) {
  if (compiled_) throw std::logic_error("RuleSet::add_file after compile()");
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(contents.data(), contents.size());  // no recursion: deep nesting cannot overflow the stack
  if (d.HasParseError()) {
    auto [line, col] = line_col(contents, d.GetErrorOffset());
    throw RuleError(name + ":" + std::to_string(line) + ":" + std::to_string(col) +
                    ": JSON syntax error: " + rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) throw RuleError(name + ":1: a rule file must be a JSON object");

  if (d.HasMember("macros")) {
    const auto& m = d["macros"];
    if (!m.IsObject()) throw RuleError(name + ": \"macros\" must be an object");
    for (const auto& kv : m.GetObject()) {
      if (!kv.value.IsString()) throw RuleError(name + ": macro " + kv.name.GetString() + " must be a string");
      std::string key = kv.name.GetString();
      std::string where = name + ":" + std::to_string(line_of_id(contents, key)) + ": macro " + key + ": ";
      std::string value = expand(kv.value.GetString(), where);
      auto it = std::find_if(macros_.begin(), macros_.end(), [&](const auto& p) { return p.first == key; });
      if (it != macros_.end())
        it->second = value;
      else
        macros_.emplace_back(key, value);
    }
  }
  if (d.HasMember("collapse")) {
    const auto& c = d["collapse"];
    if (!c.IsArray()) throw RuleError(name + ": \"collapse\" must be an array");
    for (const auto& r : c.GetArray()) {
      if (!r.IsObject() || !r.HasMember("pattern") || !r["pattern"].IsString())
        throw RuleError(name + ": every collapse entry needs a string \"pattern\"");
      std::string pat = r["pattern"].GetString();
      std::string where = name + ":" + std::to_string(line_of_id(contents, pat.substr(0, 20))) + ": collapse: ";
      Rewrite w;
      w.re = std::make_unique<RE2>(expand(pat, where), rule_options());
      if (!w.re->ok()) throw RuleError(where + readable(w.re->error()));
      w.replace = r.HasMember("replace") && r["replace"].IsString() ? r["replace"].GetString() : "";
      collapse_.push_back(std::move(w));
      if (!adding_builtin_) custom_collapse_ = true;
    }
  }
  if (d.HasMember("rules")) {
    const auto& rs = d["rules"];
    if (!rs.IsArray()) throw RuleError(name + ": \"rules\" must be an array");
    int index = 0;
    std::set<std::string> ids_here;  // a file that names a rule twice has a slip, not an override
    for (const auto& r : rs.GetArray()) {
      ++index;
      if (!r.IsObject()) throw RuleError(name + ": rule #" + std::to_string(index) + " is not an object");
      auto str = [&](const char* key) -> std::string {
        if (!r.HasMember(key)) return {};
        if (!r[key].IsString()) throw RuleError(name + ": rule #" + std::to_string(index) + ": \"" + key + "\" must be a string");
        return r[key].GetString();
      };
      auto rule = std::make_unique<Rule>();
      rule->id = str("id");
      if (rule->id.empty()) throw RuleError(name + ": rule #" + std::to_string(index) + " has no \"id\"");
      rule->file = name;
      rule->line = line_of_id(contents, rule->id);
      std::string where = name + ":" + std::to_string(rule->line) + ": rule " + rule->id + ": ";
      if (!ids_here.insert(rule->id).second)
        throw RuleError(where + "this id appears twice in the file (a later file may replace a rule by its id; one file may not)");
      rule->relation = str("relation");
      rule->category = std::string(category_of(rule->relation));
      if (rule->category.empty())
        throw RuleError(where + "unknown relation '" + rule->relation +
                        "' (known: met_with, phoned, holds_office, member_of, affiliated_with)");
      rule->symmetric = rule->relation == "met_with" || rule->relation == "phoned";
      std::string view = str("view");
      if (view.empty()) view = rule->symmetric ? "coarse" : "fine";
      if (view != "fine" && view != "coarse") throw RuleError(where + "view must be \"fine\" or \"coarse\"");
      rule->view = view == "fine" ? RuleView::Fine : RuleView::Coarse;
      rule->pattern = str("pattern");
      if (rule->pattern.empty()) throw RuleError(where + "missing \"pattern\"");
      rule->compiled = expand(rule->pattern, where);
      rule->re = std::make_unique<RE2>(rule->compiled, rule_options());
      if (!rule->re->ok()) throw RuleError(where + "bad pattern: " + readable(rule->re->error()));
      // RE2 accepts a group name twice and reports only one of the two groups: a slot written
      // in two alternatives would silently lose what the second one captures.
      for (std::size_t at = rule->compiled.find("(?P<"); at != std::string::npos; at = rule->compiled.find("(?P<", at + 4)) {
        std::size_t close = rule->compiled.find('>', at);
        std::string group = rule->compiled.substr(at + 4, close - at - 4);
        if (rule->compiled.find("(?P<" + group + ">", close) != std::string::npos)
          throw RuleError(where + "slot or group '" + group + "' appears twice; write one rule per alternative");
      }
      const auto& groups = rule->re->NamedCapturingGroups();
      auto slot = [&](const char* g) {
        auto it = groups.find(g);
        return it == groups.end() ? -1 : it->second;
      };
      rule->slots = {slot("a"), slot("b"), slot("p"), slot("t"), slot("o"), slot("o2"), slot("o3"), slot("former"),
                     slot("reject")};
      auto need = [&](const char* g) {
        if (!groups.count(g)) throw RuleError(where + "pattern has no slot named '" + g + "'");
      };
      std::string event = str("event");
      if (!event.empty()) {
        if (rule->relation != "met_with") throw RuleError(where + "\"event\" is for met_with rules only");
        if (event == "attends") rule->event = Rule::Event::Attends;
        else if (event == "joins") rule->event = Rule::Event::Joins;
        else throw RuleError(where + "\"event\" must be \"attends\" or \"joins\"");
      }
      if (rule->event == Rule::Event::Attends) {
        need("a");
      } else if (rule->event == Rule::Event::Joins) {
        need("b");
      } else if (rule->symmetric) {
        need("a");
        need("b");
      } else if (rule->relation == "holds_office") {
        need("p");
        rule->title = str("title");
        if (rule->title.empty()) need("t");
      } else {
        need("p");
        rule->org = str("org");  // "R-Texas": the rule names the party
        if (rule->org.empty()) need("o");
      }
      if (r.HasMember("names_only")) {
        if (!r["names_only"].IsBool()) throw RuleError(where + "\"names_only\" must be true or false");
        rule->names_only = r["names_only"].GetBool();
      }
      std::string unless = str("unless");
      if (!unless.empty()) {
        rule->unless = std::make_unique<RE2>(expand(unless, where), rule_options());
        if (!rule->unless->ok()) throw RuleError(where + "bad \"unless\" pattern: " + readable(rule->unless->error()));
      }
      auto same = std::find_if(rules_.begin(), rules_.end(), [&](const auto& x) { return x->id == rule->id; });
      if (same != rules_.end())
        *same = std::move(rule);
      else
        rules_.push_back(std::move(rule));
    }
  }
}

void RuleSet::add_builtin() {
  // Macros first, so that every other file may use them.
  std::vector<EmbeddedFile> files;
  for (const auto& f : embedded_files())
    if (f.name.size() > 5 && f.name.substr(f.name.size() - 5) == ".json" && f.name.substr(0, 4) != "iso_") files.push_back(f);
  std::stable_sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    bool am = a.name == "macros.json", bm = b.name == "macros.json";
    return am != bm ? am : a.name < b.name;
  });
  adding_builtin_ = true;
  for (const auto& f : files) add_file("rules/" + std::string(f.name), f.contents);
  adding_builtin_ = false;
}

void RuleSet::compile() {
  for (auto view : {RuleView::Fine, RuleView::Coarse}) {
    Prefilter& pf = view == RuleView::Fine ? fine_ : coarse_;
    // Atoms of two bytes count: "\x01t" (a title marker) is what most office rules need.
    pf.filter = std::make_unique<re2::FilteredRE2>(2);
    pf.ids.clear();
    for (std::size_t i = 0; i < rules_.size(); ++i) {
      if (rules_[i]->view != view) continue;
      int id = -1;
      if (pf.filter->Add(rules_[i]->compiled, rule_options(), &id) != RE2::NoError)
        throw RuleError(rules_[i]->file + ": rule " + rules_[i]->id + ": RE2 refused the pattern");
      pf.ids.push_back(static_cast<int>(i));
    }
    std::vector<std::string> atoms;
    if (!pf.ids.empty()) pf.filter->Compile(&atoms);
    pf.atoms.reset();
    if (view == RuleView::Coarse) index_letter_runs(atoms);
    if (!atoms.empty()) {
      auto set = std::make_unique<RE2::Set>(rule_options(), RE2::UNANCHORED);
      for (const auto& a : atoms) {
        std::string err;
        if (set->Add(RE2::QuoteMeta(a), &err) < 0) throw RuleError("rules: bad prefilter literal: " + err);
      }
      if (!set->Compile()) throw RuleError("rules: RE2 could not compile the prefilter (out of memory)");
      pf.atoms = std::move(set);
    }
  }
  compiled_ = true;
}

std::vector<int> RuleSet::candidates(RuleView view, std::string_view text) const {
  std::vector<int> out;
  candidates(view, text, out);
  return out;
}

void RuleSet::candidates(RuleView view, std::string_view text, std::vector<int>& out) const {
  const Prefilter& pf = view == RuleView::Fine ? fine_ : coarse_;
  out.clear();
  if (!pf.filter || pf.ids.empty()) return;
  PrefilterMemo& memo = PrefilterMemo::of(serial_);
  memo.found.clear();
  if (pf.atoms) {
    RE2::Set::ErrorInfo info{};
    if (!pf.atoms->Match(text, &memo.found, &info) && info.kind != RE2::Set::kNoError) {
      out = pf.ids;  // undecided: run all
      return;
    }
  }
  bool hit = false;
  auto& remembered = memo.entry(view == RuleView::Fine ? PrefilterMemo::kFine : PrefilterMemo::kCoarse, &hit);
  if (hit) {
    out = remembered.answer;
    return;
  }
  std::vector<int> potentials;
  pf.filter->AllPotentials(memo.found, &potentials);
  std::sort(potentials.begin(), potentials.end());
  for (int p : potentials) out.push_back(pf.ids[p]);
  memo.remember(remembered, out);
}

void RuleSet::index_letter_runs(const std::vector<std::string>& atoms) {
  coarse_runs_.reset();
  coarse_atom_runs_.assign(atoms.size(), {});
  std::vector<std::string> runs;
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    const std::string& atom = atoms[a];
    for (std::size_t i = 0; i < atom.size();) {
      if (!std::isalpha(static_cast<unsigned char>(atom[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < atom.size() && std::isalpha(static_cast<unsigned char>(atom[j]))) ++j;
      std::string run = atom.substr(i, j - i);
      auto it = std::find(runs.begin(), runs.end(), run);
      if (it == runs.end()) it = runs.insert(runs.end(), run);
      auto r = static_cast<int>(it - runs.begin());
      if (std::find(coarse_atom_runs_[a].begin(), coarse_atom_runs_[a].end(), r) == coarse_atom_runs_[a].end())
        coarse_atom_runs_[a].push_back(r);  // each run once: coarse_may_match counts them
      i = j;
    }
  }
  coarse_run_atoms_.assign(runs.size(), {});
  for (std::size_t a = 0; a < atoms.size(); ++a)
    for (int r : coarse_atom_runs_[a]) coarse_run_atoms_[static_cast<std::size_t>(r)].push_back(static_cast<int>(a));
  if (runs.empty()) return;
  auto set = std::make_unique<RE2::Set>(rule_options(), RE2::UNANCHORED);
  for (const auto& r : runs) {
    std::string err;
    if (set->Add(RE2::QuoteMeta(r), &err) < 0) throw RuleError("rules: bad prefilter literal: " + err);
  }
  if (!set->Compile()) throw RuleError("rules: RE2 could not compile the prefilter (out of memory)");
  coarse_runs_ = std::move(set);
}

bool RuleSet::coarse_may_match(std::string_view fine) const {
  const Prefilter& pf = coarse_;
  if (!pf.filter || pf.ids.empty()) return false;
  if (custom_collapse_) return true;
  PrefilterMemo& memo = PrefilterMemo::of(serial_);
  std::vector<int>& found = memo.found;
  found.clear();
  if (coarse_runs_) {
    RE2::Set::ErrorInfo info{};
    if (!coarse_runs_->Match(fine, &found, &info) && info.kind != RE2::Set::kNoError) return true;
  }
  bool hit = false;
  auto& remembered = memo.entry(PrefilterMemo::kCoarseMayMatch, &hit);
  if (hit) return remembered.answer[0] != 0;
  // An atom counts as present when all its runs were found: count them from the runs' side.
  std::vector<int>& runs_found = memo.counts;
  runs_found.assign(coarse_atom_runs_.size(), 0);
  for (int f : found)
    for (int a : coarse_run_atoms_[static_cast<std::size_t>(f)]) ++runs_found[static_cast<std::size_t>(a)];
  std::vector<int> hits, potentials;
  for (std::size_t a = 0; a < coarse_atom_runs_.size(); ++a)
    if (runs_found[a] == static_cast<int>(coarse_atom_runs_[a].size())) hits.push_back(static_cast<int>(a));
  pf.filter->AllPotentials(hits, &potentials);
  bool may_match = !potentials.empty();
  memo.remember(remembered, {may_match ? 1 : 0});
  return may_match;
}

std::shared_ptr<const RuleSet> RuleSet::builtin() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    auto r = std::make_shared<RuleSet>();
    r->add_builtin();
    r->compile();
    return std::shared_ptr<const RuleSet>(std::move(r));
  }();
  return rules;
}

std::shared_ptr<const RuleSet> load_rule_files(const std::vector<std::string>& paths, bool replace_builtin) {
  if (paths.empty() && !replace_builtin) return RuleSet::builtin();
  auto set = std::make_shared<RuleSet>();
  if (!replace_builtin) set->add_builtin();
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuleError(path + ": cannot read rules file: " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    set->add_file(path, ss.str());
  }
  set->compile();
  return set;
}

}  // namespace newsgraph
