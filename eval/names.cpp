#include "eval/names.h"

#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "eval/pytext.h"
#include "extract/embedded.h"

namespace newsgraph::eval {
namespace {

const std::unordered_set<std::string> kHonorifics = {
    "mr", "mrs", "ms", "dr", "sir", "gen", "general", "lieutenant-general", "sheikh", "father", "sister", "judge",
};

const std::unordered_set<std::string> kFunctionWords = {"of", "in", "for", "to", "and", "the", "'s"};

// Abbreviated titles as wire copy writes them ("Sen.", "Rep.", "Gov.") equal the full word.
const std::unordered_map<std::string, std::string> kTitleAbbrev = {
    {"sen.", "senator"},        {"sen", "senator"},        {"sens.", "senator"},
    {"sens", "senator"},        {"senators", "senator"},   {"rep.", "representative"},
    {"rep", "representative"},  {"reps.", "representative"}, {"gov.", "governor"},
    {"gov", "governor"},        {"govs.", "governor"},     {"pres.", "president"},
    {"sec.", "secretary"},      {"atty.", "attorney"},     {"gen.", "general"},
    {"amb.", "ambassador"},     {"supt.", "superintendent"}, {"cmdr.", "commander"},
};

// Prefixes score.py's _FORMER_RE drops from titles, in its alternation order.
const char* const kFormerPrefixes[] = {"former", "ex-", "ex ", "then-", "then ", "one-time ", "onetime "};

// One country mention: [begin, end) bytes of the whole match (with a possessive 's) and the
// canonical country it names.
struct CountryMatch {
  std::size_t begin, end;
  const std::string* canon;
};

// score.py's COUNTRY_RE: (?<![\w.])(?P<c>ALTERNATIVES)(?:'s)?(?![\w]), alternatives longest
// first. RE2 has no lookaround, so the lookbehind is checked by hand and the lookahead is
// emulated by consuming one non-word character (or the end): RE2's leftmost-first semantics
// then pick the same alternative Python's backtracking does at each start position.
class CountryMatcher {
 public:
  CountryMatcher() {
    auto data = newsgraph::embedded_file("countries_scoring.txt");
    if (!data) throw std::runtime_error("embedded file countries_scoring.txt is missing");
    std::string_view rest = *data;
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (py_strip(line).empty() || line[0] == '#') continue;
      std::vector<std::string> names;
      std::size_t b = 0;
      while (true) {
        auto bar = line.find('|', b);
        std::string n = py_strip(line.substr(b, bar == std::string_view::npos ? std::string_view::npos : bar - b));
        if (!n.empty()) names.push_back(n);
        if (bar == std::string_view::npos) break;
        b = bar + 1;
      }
      if (names.empty()) continue;
      std::string target = basic(names[0]);
      for (const auto& n : names) canon_[basic(n)] = target;  // a later line wins, as in a dict
    }
    std::vector<std::string> alts;
    for (const auto& [k, v] : canon_) alts.push_back(k);
    std::sort(alts.begin(), alts.end(), [](const std::string& a, const std::string& b) {
      auto la = py_len(a), lb = py_len(b);
      return la != lb ? la > lb : a < b;  // byte order of UTF-8 == code point order
    });
    // \s+ between words as in score.py, with Python's notion of whitespace.
    const std::string ws = R"([\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+)";
    std::string body;
    for (const auto& a : alts) {
      if (!body.empty()) body += '|';
      bool first = true;
      for (const auto& w : split_on_space(a)) {
        if (!first) body += ws;
        first = false;
        body += RE2::QuoteMeta(w);
      }
    }
    RE2::Options opt;
    opt.set_max_mem(64 << 20);
    // group 1: the mention with its possessive; group 2: the country words.
    full_ = std::make_unique<RE2>("((" + body + ")(?:'s)?)(?:[^\\p{L}\\p{N}_]|\\z)", opt);
    scan_ = std::make_unique<RE2>("(?:" + body + ")", opt);
    if (!full_->ok() || !scan_->ok()) throw std::runtime_error("country pattern: " + full_->error() + scan_->error());
  }

  // Every match, left to right, non-overlapping, as re.finditer would return them. `s` holds
  // only single spaces as whitespace (it went through basic()).
  std::vector<CountryMatch> find_all(std::string_view s) const {
    std::vector<CountryMatch> out;
    std::size_t pos = 0;
    re2::StringPiece text(s.data(), s.size());
    while (pos < s.size()) {
      re2::StringPiece cand;
      if (!scan_->Match(text, pos, s.size(), RE2::UNANCHORED, &cand, 1)) break;
      std::size_t start = static_cast<std::size_t>(cand.data() - s.data());
      re2::StringPiece groups[3];
      if (lookbehind_ok(s, start) && full_->Match(text, start, s.size(), RE2::ANCHOR_START, groups, 3)) {
        std::string c(groups[2].data(), groups[2].size());
        std::size_t end = start + groups[1].size();
        out.push_back({start, end, &canon_.at(collapse_space(c))});
        pos = end;
      } else {
        pos = start + 1;
        while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xc0) == 0x80) ++pos;
      }
    }
    return out;
  }

 private:
  // (?<![\w.]): the character before `start` is neither a word character nor '.'.
  static bool lookbehind_ok(std::string_view s, std::size_t start) {
    if (start == 0) return true;
    std::size_t b = start - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xc0) == 0x80) --b;
    std::u32string prev = to_u32(s.substr(b, start - b));
    return !prev.empty() && prev[0] != U'.' && !is_word(prev[0]);
  }

  std::unordered_map<std::string, std::string> canon_;
  std::unique_ptr<RE2> full_, scan_;
};

const CountryMatcher& countries() {
  static const CountryMatcher m;
  return m;
}

// re.sub(pattern, replacement(match), s) over the country matches.
std::string replace_countries(std::string_view s, const std::function<std::string(const CountryMatch&)>& repl) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& m : countries().find_all(s)) {
    out.append(s.substr(pos, m.begin - pos));
    out += repl(m);
    pos = m.end;
  }
  out.append(s.substr(pos));
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// re.sub(r"^the\s+", "", s) on a basic()-normalised string (only single spaces).
std::string drop_leading_the(std::string s) {
  if (starts_with(s, "the ")) {
    std::size_t i = 4;
    while (i < s.size() && s[i] == ' ') ++i;
    s.erase(0, i);
  }
  return s;
}

}  // namespace

std::string norm_name(std::string_view raw, bool fold) {
  std::string s = basic(raw);
  s = py_strip_chars(s, " ,;:\"()[]{}");
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, "'s") == 0) s.erase(s.size() - 2);
  s = py_strip(s);
  std::vector<std::string> toks = split_on_space(s);
  std::size_t first = 0;
  while (toks.size() - first > 1) {
    std::string t0 = py_rstrip_chars(toks[first], ".");
    if (t0 == "lieutenant" && toks.size() - first > 2 && py_rstrip_chars(toks[first + 1], ".") == "general") {
      first += 2;
      continue;
    }
    if (kHonorifics.count(t0)) {
      ++first;
      continue;
    }
    break;
  }
  std::string out;
  for (std::size_t i = first; i < toks.size(); ++i) {
    if (i > first) out += ' ';
    out += toks[i];
  }
  return fold ? fold_diacritics(out) : out;
}

std::string norm_title(std::string_view raw, bool fold) {
  std::string s = basic(raw);
  std::string prev;
  do {
    prev = s;
    s = drop_leading_the(s);
    for (const char* p : kFormerPrefixes) {
      if (starts_with(s, p)) {
        std::size_t i = std::string_view(p).size();
        std::u32string rest = to_u32(std::string_view(s).substr(i));
        std::size_t k = 0;
        while (k < rest.size() && is_space(rest[k])) ++k;  // \s*
        s = to_utf8(std::u32string_view(rest).substr(k));
        break;
      }
    }
  } while (prev != s);
  s = replace_countries(s, [](const CountryMatch&) { return std::string(" "); });
  s = py_strip_chars(collapse_space(s), " ,;:-");
  if (s.empty()) return "";
  std::vector<std::string> toks = split_on_space(s);
  std::size_t b = 0, e = toks.size();
  while (b < e && kFunctionWords.count(toks[b])) ++b;
  while (e > b && kFunctionWords.count(toks[e - 1])) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    if (toks[i].empty()) continue;
    auto it = kTitleAbbrev.find(toks[i]);
    if (!out.empty()) out += ' ';
    out += it == kTitleAbbrev.end() ? toks[i] : it->second;
  }
  return fold ? fold_diacritics(out) : out;
}

OrgTokens norm_org(std::string_view raw, bool fold) {
  std::string s = drop_leading_the(basic(raw));
  s = replace_countries(s, [](const CountryMatch& m) { return " " + *m.canon + " "; });
  // re.sub(r"'s\b", " ", s): 's is a word character, so \b means "no word character follows".
  std::u32string u = to_u32(s);
  std::u32string t;
  t.reserve(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (u[i] == U'\'' && i + 1 < u.size() && u[i + 1] == U's' && (i + 2 == u.size() || !is_word(u[i + 2]))) {
      t.push_back(U' ');
      ++i;
      continue;
    }
    t.push_back(u[i]);
  }
  // drop dots, then every other character that is neither word nor space becomes a space
  std::u32string v;
  v.reserve(t.size());
  for (char32_t c : t) {
    if (c == U'.') continue;
    v.push_back(is_word(c) || is_space(c) ? c : U' ');
  }
  s = to_utf8(v);
  if (fold) s = fold_diacritics(s);
  OrgTokens toks = py_split(s);
  if (!toks.empty() && toks[0] == "the") toks.erase(toks.begin());
  return toks;
}

std::vector<std::string> countries_in(std::string_view raw) {
  std::string s = basic(raw);
  std::vector<std::string> out;
  for (const auto& m : countries().find_all(s))
    if (std::find(out.begin(), out.end(), *m.canon) == out.end()) out.push_back(*m.canon);
  return out;
}

bool contains_tokens(const OrgTokens& big, const OrgTokens& small) {
  if (small.empty() || small.size() > big.size()) return false;
  return std::search(big.begin(), big.end(), small.begin(), small.end()) != big.end();
}

bool orgs_match(const OrgTokens& a, const OrgTokens& b) {
  return !a.empty() && !b.empty() && (contains_tokens(a, b) || contains_tokens(b, a));
}

}  // namespace newsgraph::eval
