#include "extract/sentence_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "extract/lexicon.h"

namespace newsgraph {
namespace {

// Lower-case particles that may sit inside a person's name ("Abdullah bin Abdul Aziz",
// "Julio De Vido" is capitalised anyway).
bool is_name_particle(std::string_view lower) {
  static constexpr std::string_view kParticles[] = {"bin", "ibn", "al",  "el", "de",  "da",  "di", "du",  "van", "von",
                                                    "der", "den", "la", "le", "del", "dos", "y",  "abu", "bint"};
  if (lower.size() > 4) return false;  // most words
  for (std::string_view p : kParticles)
    if (lower == p) return true;
  return false;
}

// Lower-case words that may join capitalised words into one organisation name
// ("Oil and Natural Gas Corporation", "Commission for External Relations of the ...").
bool is_org_joiner(std::string_view lower) {
  return lower == "of" || lower == "and" || lower == "for" || lower == "the" || lower == "&" || lower == "on";
}


// Length of the "ex-", "former-" or "then-" glued to the front of a lower-cased word, 0 if none.
std::size_t former_prefix_length(std::string_view w) {
  std::size_t n = 0;
  for (std::string_view p : {"ex-", "former-", "then-"})
    if (w.size() > n + p.size() && w.substr(n, p.size()) == p) n += p.size();
  return n;
}

// "MPs", "CEOs", "NGOs": two or more capitals and a final lower-case "s".
bool plural_acronym(std::string_view w) {
  if (w.size() < 3 || w.back() != 's') return false;
  for (std::size_t i = 0; i + 1 < w.size(); ++i)
    if (w[i] < 'A' || w[i] > 'Z') return false;
  return true;
}


struct SexedWord {
  std::string_view word;
  Sex sex;
};
// Kinship nouns anchor the one name after them ("his wife Melania") and tell its sex.
constexpr SexedWord kKinship[] = {
    {"wife", Sex::kFemale},          {"husband", Sex::kMale},          {"son", Sex::kMale},
    {"daughter", Sex::kFemale},      {"brother", Sex::kMale},          {"sister", Sex::kFemale},
    {"father", Sex::kMale},          {"mother", Sex::kFemale},         {"widow", Sex::kFemale},
    {"son-in-law", Sex::kMale},      {"daughter-in-law", Sex::kFemale}};
// Honorifics that tell a sex ("Mr", "Lady"); the others ("Dr", "Gen.") do not.
constexpr SexedWord kSexedHonorifics[] = {
    {"mr", Sex::kMale},      {"mr.", Sex::kMale},     {"sir", Sex::kMale},       {"lord", Sex::kMale},
    {"king", Sex::kMale},    {"prince", Sex::kMale},  {"duke", Sex::kMale},      {"ms", Sex::kFemale},
    {"ms.", Sex::kFemale},   {"mrs", Sex::kFemale},   {"mrs.", Sex::kFemale},    {"miss", Sex::kFemale},
    {"madam", Sex::kFemale}, {"madame", Sex::kFemale}, {"lady", Sex::kFemale},   {"dame", Sex::kFemale},
    {"queen", Sex::kFemale}, {"princess", Sex::kFemale}, {"baroness", Sex::kFemale}, {"duchess", Sex::kFemale}};

Sex kinship_sex(std::string_view lower) {
  for (const auto& k : kKinship)
    if (lower == k.word) return k.sex;
  return Sex::kUnknown;
}

bool is_kinship(std::string_view lower) { return kinship_sex(lower) != Sex::kUnknown; }


// A vector of at most N elements that lives on the stack: title matching builds one per
// candidate token, and heap allocations there showed up in profiles.
template <typename T, std::size_t N>
struct SmallVec {
  std::array<T, N> items{};
  std::size_t n = 0;
  void push_back(T v) {
    if (n < N) items[n++] = v;
  }
  std::size_t size() const { return n; }
  const T& operator[](std::size_t i) const { return items[i]; }
};
// A title looks at most 8 tokens ahead, each at most two words ("vice-premier").
using TitleWords = SmallVec<std::string_view, 16>;
using TitleOwners = SmallVec<std::size_t, 16>;

// A title word span [b, e) of tokens, and whether "ex-"/"former-" was glued to its first token.
struct TitleMatch {
  std::size_t end = 0;  // token index past the title; 0 = no match
  bool former = false;
  bool elect = false;  // "President-elect": chosen, not yet in office
  std::size_t text_begin = 0;  // clean offset where the title's own words begin (after "ex-")
};

class SentenceScanner {
 public:
  // `lower` is the lower-cased clean text of the whole document (same byte offsets).
  SentenceScanner(const Lexicon& lex, const std::vector<Token>& toks, std::string_view lower)
      : lex_(lex), t_(toks), lower_doc_(lower) {
    flags_.reserve(t_.size());
    for (std::size_t i = 0; i < t_.size(); ++i) flags_.push_back(t_[i].word ? lex_.flags(this->lower(i)) : 0);
  }

  std::string_view lower(std::size_t i) const { return lower_doc_.substr(t_[i].begin, t_[i].end - t_[i].begin); }
  // The lexicon flags of token i alone (LexFlag bits), looked up once per token.
  bool is(std::size_t i, std::uint32_t flag) const { return flags_[i] & flag; }

  // Lower-cased words [b, e) joined by single spaces, as lexicon keys are written: a view of
  // the document when the words are so separated already, else built in `buf`.
  std::string_view phrase(std::size_t b, std::size_t e, std::string& buf) const {
    bool plain = true;
    for (std::size_t k = b + 1; k < e && plain; ++k)
      plain = t_[k].begin == t_[k - 1].end + 1 && lower_doc_[t_[k - 1].end] == ' ';
    if (plain) return lower_doc_.substr(t_[b].begin, t_[e - 1].end - t_[b].begin);
    buf.clear();
    for (std::size_t k = b; k < e; ++k) {
      if (k > b) buf += ' ';
      buf += lower(k);
    }
    return buf;
  }

  // A title starting at token i: modifiers* (country words after a modifier) then a title
  // phrase, or portfolio words + a head noun, or a head noun + "for" + portfolio words.
  // Scanning asks about the same token many times (run extension, joiners, apposition
  // checks): both lookups are computed once per token and cached.
  TitleMatch match_title(std::size_t i) const {
    if (i >= t_.size() || !may_open_title(i)) return {};
    if (title_cache_.empty()) title_cache_.resize(t_.size());
    auto& slot = title_cache_[i];
    if (!slot) slot = compute_title(i);
    return *slot;
  }

  std::pair<std::size_t, std::string_view> match_country(std::size_t i) const {
    if (i >= t_.size() || !t_[i].word || !t_[i].cap || !is(i, kCountryStart)) return {0, {}};
    if (country_cache_.empty()) country_cache_.resize(t_.size());
    auto& slot = country_cache_[i];
    if (!slot) slot = compute_country(i);
    return *slot;
  }

 private:
  // Whether a title may start at token i. A word without a hyphen has no "ex-" or "-elect" to
  // strip and is no glued form, so its cached flag answers for most tokens, before any cache
  // slot is touched.
  bool may_open_title(std::size_t i) const { return t_[i].word && (t_[i].hyphen || is(i, kTitleStart)); }

  TitleMatch compute_title(std::size_t i) const {
    TitleMatch m;
    if (i >= t_.size() || !t_[i].word) return m;
    std::string_view first = lower(i);
    bool former = false;
    std::size_t text_begin = t_[i].begin;
    if (std::size_t n = former_prefix_length(first)) {
      first = first.substr(n);
      former = true;
      text_begin = t_[i].begin + n;
    }
    // Most words open no title: one lookup (cached per token when nothing was stripped), and done.
    // "Senator-elect", "Prime Minister-elect": the title without its suffix, flagged.
    std::size_t elect_token = t_.size();
    auto strip_elect = [&](std::size_t k, std::string_view w) {
      constexpr std::string_view kElect = "-elect";
      if (w.size() > kElect.size() && w.ends_with(kElect)) {
        elect_token = k;
        return w.substr(0, w.size() - kElect.size());
      }
      return w;
    };
    first = strip_elect(i, first);
    bool glued = former || elect_token == i || first.find('-') != std::string_view::npos;
    if (glued ? !lex_.may_start_title(first) : !is(i, kTitleStart)) return m;
    // "former Labour minister": a capitalised party word inside a sentence is the party, not the
    // labour portfolio (which "Labour minister, Alfredo Franco" opening a sentence may be).
    if (i > 0 && t_[i].cap && !lex_.party(first).empty()) return m;
    // Words with a leading "vice-"/"co-" are a modifier glued to a title ("Vice-Premier").
    TitleWords words;  // subwords, with token index
    TitleOwners owner;
    auto push_token = [&](std::size_t k, std::string_view w) {
      for (const char* pre : {"vice-", "co-", "deputy-"}) {
        std::string_view p(pre);
        if (w.size() > p.size() && w.compare(0, p.size(), p) == 0 && !lex_.is_title(w)) {
          words.push_back(p.substr(0, p.size() - 1));
          owner.push_back(k);
          words.push_back(w.substr(p.size()));
          owner.push_back(k);
          return;
        }
      }
      words.push_back(w);
      owner.push_back(k);
    };
    // A title ends on a word that can end one (or a glued form such as "co-chairman"): tokens
    // after the last such word in reach cannot belong to it, and with none there is no title.
    std::size_t reach = 0;
    for (std::size_t k = i; k < t_.size() && k < i + 8; ++k) {
      if (!t_[k].word) break;
      if (is(k, kTitleEnd) || t_[k].hyphen) reach = k + 1;
    }
    if (!reach) return m;
    push_token(i, first);
    for (std::size_t k = i + 1; k < reach && elect_token == t_.size(); ++k) push_token(k, strip_elect(k, lower(k)));
    // Walk: modifiers, then one of the title forms; keep the longest that ends on a token end.
    std::size_t best_w = 0;
    std::size_t w = 0;
    bool had_modifier = false;
    while (w < words.size() && lex_.is_title_modifier(words[w]) && !ends_title_here(words, w)) {
      ++w;
      had_modifier = true;
      // "Top Chinese diplomat": a country word inside, after a modifier.
      while (had_modifier && w < words.size() && !lex_.country(words[w]).empty() && t_[owner[w]].cap) ++w;
    }
    for (std::size_t start : {w, std::size_t(0)}) {
      // Fixed phrases.
      std::string& phrase = phrase_buf_;
      phrase.clear();
      std::size_t used = 0;
      for (std::size_t k = start; k < words.size() && used < lex_.max_title_words(); ++k) {
        // "Top Chinese diplomat": country words inside a title are skipped for the lookup.
        if (k > start && !lex_.country(words[k]).empty() && t_[owner[k]].cap) continue;
        if (!phrase.empty()) phrase += ' ';
        phrase += words[k];
        ++used;
        if (is_token_end(owner, k)) {
          std::uint32_t f = lex_.flags(phrase);  // one lookup for both forms
          // "Justice" is a title only before a name: "the Justice Department" is no justice.
          bool needs_name = f & kTitleBeforeName;
          if (((f & kTitle) && (!needs_name || name_follows(owner[k]))) || ((f & kPluralTitle) && names_follow(owner[k])))
            best_w = std::max(best_w, k + 1);
        }
      }
      // Portfolio words + head ("energy and mines minister", "Treasury Secretary").
      std::size_t k = start;
      bool any_portfolio = false;
      while (k < words.size()) {
        if (std::size_t n = portfolio_at(words, k)) {
          k += n;
          any_portfolio = true;
        } else if (any_portfolio && words[k] == "and" && k + 1 < words.size() && portfolio_at(words, k + 1)) {
          k += 1;
        } else {
          break;
        }
      }
      if (any_portfolio && k < words.size() && lex_.is_title_head(words[k]) && is_token_end(owner, k))
        best_w = std::max(best_w, k + 1);
      // Head + for + portfolio ("Minister for Foreign Affairs").
      if (start < words.size() && lex_.is_title_head(words[start]) && start + 2 < words.size() &&
          (words[start + 1] == "for" || words[start + 1] == "of")) {
        std::size_t q = start + 2;
        std::size_t last = 0;
        while (q < words.size()) {
          if (std::size_t n = portfolio_at(words, q)) {
            q += n;
            last = q;
          } else if (last && words[q] == "affairs") {
            q += 1;
            last = q;
          } else {
            break;
          }
        }
        if (last && is_token_end(owner, last - 1)) best_w = std::max(best_w, last);
      }
      // A title + "for" + a portfolio: "assistant secretary of state for European affairs",
      // "deputy director for international security affairs".
      if (best_w && best_w + 1 < words.size() && words[best_w] == "for") {
        std::size_t q = best_w + 1;
        std::size_t n = portfolio_at(words, q);
        if (!n)  // up to three plain words before "affairs"
          for (std::size_t k = 1; k <= 3 && q + k < words.size(); ++k) {
            std::string_view w = words[q + k - 1];
            if (w.empty() || !std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) break;
            if (words[q + k] == "affairs") {
              n = k + 1;
              break;
            }
          }
        // "spokesman for the foreign affairs ministry": the portfolio names the organisation.
        std::size_t next = n ? owner[q + n - 1] + 1 : 0;
        bool org_follows = n && next < t_.size() && t_[next].word && lex_.is_org_word(lower(next));
        if (n && !org_follows && is_token_end(owner, q + n - 1)) best_w = q + n;
      }
      if (best_w) break;
    }
    if (!best_w) return m;
    m.end = owner[best_w - 1] + 1;
    m.former = former;
    m.elect = elect_token + 1 == m.end;
    m.text_begin = text_begin;
    return m;
  }

  // A country phrase starting at token i (capitalised), returning its end or 0.
  std::pair<std::size_t, std::string_view> compute_country(std::size_t i) const {
    if (!t_[i].word || !t_[i].cap || !is(i, kCountryStart)) return {0, {}};
    std::string buf;
    std::pair<std::size_t, std::string_view> best{0, {}};
    for (std::size_t k = i; k < t_.size() && k < i + lex_.max_country_words(); ++k) {
      if (!t_[k].word) break;
      auto c = lex_.country(phrase(i, k + 1, buf));
      if (!c.empty() && t_[k].cap) best = {k + 1, c};
    }
    // "US" must be upper case ("us" is a pronoun); "Georgia"/"Jordan" as names are rare enough.
    if (best.first && best.first == i + 1 && (lower(i) == "us" || lower(i) == "uk") && !t_[i].allcaps) return {0, {}};
    return best;
  }

  // Whether a list of names follows token `last_token`. A plural title ("senators") is a title
  // only there: "Texas Senators John Cornyn and Ted Cruz", "Governors Kim Reynolds of Iowa, Rick
  // Snyder of Michigan", not "senators said" nor "House of Representatives Intelligence Committee".
  // Two capitalised words after the token that are no organisation words: a name.
  bool name_follows(std::size_t last_token) const {
    std::size_t words = 0;
    for (std::size_t k = last_token + 1; k < t_.size() && t_[k].word && t_[k].cap && !is(k, kOrgWord | kNonName); ++k)
      ++words;
    return words >= 2;
  }

  bool names_follow(std::size_t last_token) const {
    std::size_t k = last_token + 1, words = 0;
    for (; k < t_.size() && t_[k].word && t_[k].cap && !is(k, kOrgWord | kNonName); ++k) ++words;
    if (words < 2) return false;  // a first name and a surname at least
    if (k + 1 < t_.size() && lower(k) == "of" && t_[k + 1].cap) k += 2;  // "Kim Reynolds of Iowa"
    return k + 1 < t_.size() && (t_[k].text == "," || lower(k) == "and") && t_[k + 1].word && t_[k + 1].cap;
  }

  bool is_token_end(const TitleOwners& owner, std::size_t w) const {
    return w + 1 >= owner.size() || owner[w + 1] != owner[w];
  }
  // A modifier that is itself the last word of a title ("Attorney General"): stop there.
  bool ends_title_here(const TitleWords& words, std::size_t w) const {
    return lex_.is_title(words[w]) && (w + 1 >= words.size() || !(lex_.is_title(join(words, w, 2)) ||
                                                                  lex_.is_title_modifier(words[w + 1]) ||
                                                                  lex_.is_portfolio(words[w + 1]) ||
                                                                  lex_.is_title_head(words[w + 1]) ||
                                                                  lex_.is_title(words[w + 1])));
  }

  // Words in a portfolio starting at words[k] ("work and pensions", "foreign affairs",
  // "energy"), longest first; 0 if none.
  std::size_t portfolio_at(const TitleWords& words, std::size_t k) const {
    if (k >= words.size() || !(lex_.flags(words[k]) & kPortfolioStart)) return 0;  // most words
    for (std::size_t n = std::min<std::size_t>(3, words.size() - k); n >= 1; --n)
      if (lex_.is_portfolio(join(words, k, n))) return n;
    return 0;
  }

  // words[k, k + n) joined by spaces, in a buffer of the scanner's: valid until the next call.
  std::string_view join(const TitleWords& words, std::size_t k, std::size_t n) const {
    join_buf_.clear();
    for (std::size_t j = k; j < k + n; ++j) {
      if (j > k) join_buf_ += ' ';
      join_buf_ += words[j];
    }
    return join_buf_;
  }

  const Lexicon& lex_;
  const std::vector<Token>& t_;
  std::string_view lower_doc_;
  std::vector<std::uint32_t> flags_;
  mutable std::string phrase_buf_, join_buf_;
  mutable std::vector<std::optional<TitleMatch>> title_cache_;
  mutable std::vector<std::optional<std::pair<std::size_t, std::string_view>>> country_cache_;
};


// Whether token k, a month or country that is also a first name ("Jan", "Israel"), starts a
// person's name here: a plain capitalised name word follows, and no date opener comes before
// ("in June Merkel said" stays a date).
bool given_name_here(const SentenceScanner& sc, const std::vector<Token>& t, std::size_t k) {
  if (!sc.is(k, kGivenNameWord) || !t[k].cap || k + 1 >= t.size()) return false;
  const Token& n = t[k + 1];
  if (!n.word || !n.cap || n.allcaps || sc.is(k + 1, kNonName | kCalendar | kCountry | kOrgWord | kPlaceWord | kParty) ||
      sc.match_title(k + 1).end)
    return false;
  if (k == 0 || !t[k - 1].word) return true;
  std::string_view before = sc.lower(k - 1);
  for (std::string_view opener : {"in", "on", "since", "until", "by", "from", "last", "next", "early", "late", "mid",
                                  "during", "this", "of", "to", "through", "before", "after"})
    if (before == opener) return false;
  return true;
}

// Classifies a capitalised run [b, e) into chunks appended to out.
bool is_possessive_determiner(std::string_view w) {
  return w == "his" || w == "her" || w == "their" || w == "its" || w == "our" || w == "my" || w == "your";
}

bool is_compass(std::string_view w) {
  return w == "north" || w == "south" || w == "east" || w == "west" || w == "northern" || w == "southern" ||
         w == "eastern" || w == "western" || w == "central" || w == "upstate" || w == "downstate";
}

void classify_run(const Lexicon& lex, const SentenceScanner& sc, const std::vector<Token>& t, std::size_t b,
                  std::size_t e, bool anchored, std::size_t honorific_tb, std::vector<Chunk>& out) {
  // Drop non-name words at the edges ("The", "But", "Monday"). After a title, "He" or "An"
  // followed by another name word is a name ("Vice Premier He Lifeng"), not a pronoun.
  auto name_after_title = [&](std::size_t k) {
    return anchored && k + 1 < e && t[k].cap && t[k + 1].cap && t[k + 1].word &&
           (sc.lower(k) == "he" || sc.lower(k) == "an" || sc.lower(k) == "do" || sc.lower(k) == "so");
  };
  // "New Jersey", "North Carolina": a common word that opens a place name stays.
  auto opens_place = [&](std::size_t k) {
    std::string buf;
    for (std::size_t n = 2; n <= 3 && k + n <= e; ++n)
      if (t[k].cap && lex.is_place(sc.phrase(k, k + n, buf))) return true;
    return false;
  };
  while (b < e && !name_after_title(b) && (sc.is(b, kNonName) || is_org_joiner(sc.lower(b)) || !t[b].cap) &&
         !opens_place(b) && !given_name_here(sc, t, b)) {
    ++b;
    anchored = false;
    honorific_tb = b;
  }
  // At the end only joiners and calendar words go ("... Monday"): a capitalised "An" or "Do"
  // closing a run is part of a name ("Bui Van An").
  auto calendar = [&](std::size_t k) { return sc.is(k, kCalendar); };
  // "Xi Jinping Thought": a doctrine named after a person is not that person.
  auto doctrine = [&](std::string_view w) { return w == "thought" || w == "doctrine" || w == "theory"; };
  // Post-nominal letters ("Guy Mansfield QC", "Jane Doe OBE") close a name without being part of it.
  auto post_nominal = [&](std::size_t k) { return t[k].allcaps && sc.is(k, kPostNominal); };
  while (e > b && (calendar(e - 1) || is_org_joiner(sc.lower(e - 1)) || !t[e - 1].cap ||
                   (e - b >= 3 && doctrine(sc.lower(e - 1))) || (e - b >= 3 && post_nominal(e - 1))))
    --e;
  if (b >= e) return;
  // "Democrat Al Franken", "Republican Roy Moore": a party word leading a name is the party.
  // "Republican Senate candidate": the party, then the chamber; "Democratic Party" stays whole.
  std::string_view second = e - b >= 2 ? sc.lower(b + 1) : sc.lower(b);
  bool party_then_org = e - b == 2 && (second == "senate" || second == "house" || second == "congress" ||
                                       second == "assembly" || second == "parliament" || second == "caucus" ||
                                       lex.is_place(second));  // "Republican Alabama Senator"
  // An organisation word anywhere after the party word makes the run one organisation
  // ("Democratic National Committee", "Republican Governors Association").
  bool org_after = false;
  for (std::size_t k = b + 1; k < e; ++k) org_after = org_after || sc.is(k, kOrgWord);
  // "the Republican McConnell", "Democrat Schumer": a party member's word and one more word that
  // is no organisation; the word is a person only if the document names one so (it is not
  // anchored). Only these two words: "Green Paper", "Labour Market" are no party and person.
  bool member_word = sc.lower(b) == "republican" || sc.lower(b) == "democrat";
  bool party_then_word = e - b == 2 && member_word && !party_then_org && !org_after;
  std::string pbuf;
  std::string_view two_word_party = e - b >= 4 ? lex.party(sc.phrase(b, b + 2, pbuf)) : std::string_view();
  if (!two_word_party.empty() && !org_after) {
    // "Liberal Democrat Vince Cable": a party of two words, then the name.
    out.push_back({MentionKind::Party, b, b + 2, b, false, false, 0, std::string(two_word_party)});
    b += 2;
    anchored = true;
    honorific_tb = b;
  } else if ((e - b >= 3 || party_then_org || party_then_word) && sc.is(b, kParty) && (party_then_org || !org_after)) {
    out.push_back({MentionKind::Party, b, b + 1, b, false, false, 0, std::string(lex.party(sc.lower(b)))});
    ++b;
    anchored = !party_then_org && !party_then_word;
    honorific_tb = b;
  } else if (e - b >= 4 && sc.is(b + 1, kParty) && lex.is_place(sc.lower(b)) && !org_after) {
    // "Alabama Democrat Doug Jones", "Texas Republican Ted Cruz": a place and a party word, then a name.
    out.push_back({MentionKind::Party, b, b + 2, b, false, false, 0, std::string(lex.party(sc.lower(b + 1)))});
    b += 2;
    anchored = true;
    honorific_tb = b;
  }
  bool has_org_word = false, has_place_word = false;
  for (std::size_t k = b; k < e; ++k) {
    if (sc.is(k, kOrgWord)) has_org_word = true;
    if (sc.is(k, kPlaceWord)) has_place_word = true;
  }
  // "Republican Party": the party word is the party; "Party" stays a plain word after it, so
  // that "Trump's Republican Party" and "Republican Party chairman" read as they are written.
  if (e - b == 2 && sc.is(b, kParty) && sc.lower(b + 1) == "party") {
    out.push_back({MentionKind::Party, b, b + 1, b, false, false, 0, std::string(lex.party(sc.lower(b)))});
    return;
  }
  // "House Republican", "Senate Democrats": an org word then a party word is a party member.
  if (has_org_word && e - b == 2 && sc.is(e - 1, kParty) && sc.is(b, kOrgWord)) {
    out.push_back({MentionKind::Org, b, b + 1, b, false, false, 0, {}});
    out.push_back({MentionKind::Party, b + 1, e, b + 1, false, false, 0, std::string(lex.party(sc.lower(e - 1)))});
    return;
  }
  if (has_org_word && !anchored) {
    // "Amy Chen of the Peterson Institute": two or three name words, then "of"/"at" and an
    // organisation, are a person and the organisation.
    std::size_t joiner = b;
    while (joiner < e && t[joiner].word && t[joiner].cap) ++joiner;
    bool head_is_name = joiner - b >= 2 && joiner - b <= 3 && joiner + 1 < e &&
                        (sc.lower(joiner) == "of" || sc.lower(joiner) == "at");
    for (std::size_t k = b; k < joiner && head_is_name; ++k)
      if (t[k].allcaps || sc.is(k, kOrgWord | kNonName | kPlaceWord | kCountry | kTitleStart | kParty) ||
          lex.is_place(sc.lower(k)))
        head_is_name = false;
    if (head_is_name) {
      std::size_t org_b = joiner + 1;
      if (org_b < e && sc.lower(org_b) == "the") ++org_b;
      if (org_b < e) {
        out.push_back({MentionKind::Person, b, joiner, b, false, false, 0, {}});
        out.push_back({MentionKind::Org, org_b, e, org_b, false, false, 0, {}});
        return;
      }
    }
    // "... Central Committee Nguyen Phu Trong": two or more name words after the last
    // organisation word are a person named right after the organisation.
    std::size_t last_org = b;
    for (std::size_t k = b; k < e; ++k)
      if (sc.is(k, kOrgWord)) last_org = k;
    std::size_t tail = e - (last_org + 1);
    // An organisation word opening the run begins the name ("Parti Pribumi Bersatu"): no tail.
    bool tail_is_name = tail >= 2 && tail <= 4 && last_org > b;
    for (std::size_t k = last_org + 1; k < e && tail_is_name; ++k)
      if (!t[k].word || !t[k].cap || t[k].allcaps || sc.is(k, kNonName) || is_org_joiner(sc.lower(k)) ||
          sc.is(k, kCountry))
        tail_is_name = false;
    if (tail_is_name) {
      out.push_back({MentionKind::Org, b, last_org + 1, b, false, false, 0, {}});
      out.push_back({MentionKind::Person, last_org + 1, e, last_org + 1, false, false, 0, {}});
      return;
    }
    out.push_back({MentionKind::Org, b, e, b, false, false, 0, {}});
    return;
  }
  // Otherwise split at joiners: each piece is a name, a party, an acronym org or a place.
  std::size_t s = b;
  for (std::size_t k = b; k <= e; ++k) {
    if (k < e && !(is_org_joiner(sc.lower(k)) && !t[k].cap) && !(calendar(k) && k > b)) continue;
    std::size_t pe = k;
    if (pe > s) {
      std::string buf;
      std::string_view phrase = sc.phrase(s, pe, buf);
      // "Ms. English", "Mr. French": a country word right after an honorific is a surname.
      bool surname = anchored && s == b && honorific_tb < b && pe - s == 1;
      if (!surname && !lex.country(phrase).empty() && t[s].cap) {
        out.push_back({MentionKind::Country, s, pe, s, false, false, 0, std::string(lex.country(phrase))});
      } else if (pe - s <= 2 && !lex.party(phrase).empty()) {
        out.push_back({MentionKind::Party, s, pe, s, false, false, 0, std::string(lex.party(phrase))});
      } else if (pe - s >= 2 && pe - s <= 3 && sc.is(pe - 1, kParty) && !(anchored && s == b)) {
        // "a Missouri Democrat", "Utah Republicans": a place and a party word name a party member.
        out.push_back({MentionKind::Party, s, pe, s, false, false, 0, std::string(lex.party(sc.lower(pe - 1)))});
      } else if (s > b && pe - s >= 3 && sc.is(s, kParty) && !sc.is(s + 1, kParty) &&
                 std::none_of(t.begin() + s + 1, t.begin() + pe, [&](const Token& tok) {
                   return sc.is(static_cast<std::size_t>(&tok - t.data()), kOrgWord);
                 })) {
        // "Mike Conaway and Democrat Adam Schiff": a party word opening a later piece is the
        // party of the name after it, as it is at the start of a run.
        out.push_back({MentionKind::Party, s, s + 1, s, false, false, 0, std::string(lex.party(sc.lower(s)))});
        out.push_back({MentionKind::Person, s + 1, pe, s + 1, true, false, 0, {}});
      } else if (pe - s == 1 && t[s].allcaps && !(anchored && s == b)) {
        out.push_back({MentionKind::Org, s, pe, s, false, false, 0, {}});
      } else if (pe - s >= 2 && lex.is_place(phrase) && !lex.is_plain_place(phrase)) {
        // "White House", "Downing Street": a place that stands for an institution names it.
        out.push_back({MentionKind::Org, s, pe, s, false, false, 0, {}});
      } else if ((has_place_word && sc.is(pe - 1, kPlaceWord)) || lex.is_place(phrase) ||
                 (pe - s == 2 && is_compass(sc.lower(s)) && lex.is_place(sc.lower(s + 1)))) {
        // ("West Texas", "Northern California": a compass word before a place is that place's part.)
        // A place: no mention. A one-word place may still be a surname ("Paul", a town in Cape
        // Verde, after "Rand Paul"): an unanchored one-word person chunk is kept only if the
        // document names a person with that word, and is plain text otherwise.
        if (pe - s == 1 && !has_place_word && !(anchored && s == b))
          out.push_back({MentionKind::Person, s, pe, s, false, false, 0, {}});
      } else if (!(anchored && s == b) && std::any_of(t.begin() + s, t.begin() + pe, [&](const Token& tok) {
                   return sc.is(static_cast<std::size_t>(&tok - t.data()), kOrgWord);
                 })) {
        // "Democrat on the Senate Intelligence Committee": a piece after a joiner that holds an
        // organisation word is an organisation.
        out.push_back({MentionKind::Org, s, pe, s, false, false, 0, {}});
      } else if (pe - s >= 3 && doctrine(sc.lower(pe - 1))) {
        // a doctrine ("Xi Jinping Thought on Socialism ..."): no mention
      } else if (plural_acronym(t[pe - 1].text)) {
        // "MPs", "Bersatu MPs", "CEOs": a plural abbreviation names a group, never a person
      } else {
        bool a = anchored && s == b;
        // "Gordon Brown and Mr Blair", "Although Datuk Shahrul Salleh": an honorific opening a piece
        // (after a joiner, or after a word trimmed off the run) anchors its name.
        std::size_t name = s;
        if (!a) {
          std::string hbuf;
          if (pe - s >= 3 && lex.is_honorific(sc.phrase(s, s + 2, hbuf)))
            name = s + 2;
          else if (pe - s >= 2 && sc.is(s, kHonorific))
            name = s + 1;
        }
        out.push_back({MentionKind::Person, a ? honorific_tb : s, pe, name, a || name > s, false, 0, {}});
      }
    }
    s = k + 1;
  }
}

}  // namespace

Sex sex_of_word(std::string_view lower) {
  for (const auto& h : kSexedHonorifics)
    if (lower == h.word) return h.sex;
  return kinship_sex(lower);
}

bool is_pronoun_subject(std::string_view lower) { return lower == "he" || lower == "she"; }

std::string join_tokens(const std::vector<Token>& t, std::size_t b, std::size_t e, std::string_view clean) {
  if (b >= e) return {};
  return std::string(clean.substr(t[b].begin, t[e - 1].end - t[b].begin));
}

ScannedSentence scan_sentence(const Lexicon& lex, std::string_view clean, std::string_view lower, SentenceSpan span) {
  ScannedSentence out{span, tokenize(clean, span.begin, span.end), {}};
  const auto& t = out.tokens;
  SentenceScanner sc(lex, t, lower);
  std::size_t i = 0;
  bool after_title = false;
  while (i < t.size()) {
    if (!t[i].word) {
      ++i;
      after_title = false;
      continue;
    }
    // Four or more words in capitals in a row ("CHIEF MARKET ECONOMIST AT FIRST STANDARD
    // FINANCIAL"): a heading or a shouted line, where capitals tell nothing about names.
    if (t[i].allcaps) {
      std::size_t e = i;
      while (e < t.size() && t[e].word && t[e].allcaps) ++e;
      if (e - i >= 4) {
        i = e;
        after_title = false;
        continue;
      }
    }
    if (auto tm = sc.match_title(i); tm.end) {
      // A capitalised title word that opens a name run of its own is still a title
      // ("President Xi"), but "General Motors" is not: require the lexicon match.
      Chunk c{MentionKind::Title, i, tm.end, i, false, tm.former, tm.text_begin, {}, tm.elect};
      out.chunks.push_back(c);
      i = tm.end;
      after_title = true;
      continue;
    }
    // "then-Republican candidate": a party word with "then-"/"ex-"/"former-" glued on.
    if (t[i].hyphen) {  // "then-Republican", and "Then-Republican" opening a sentence
      std::string_view w = sc.lower(i);
      std::size_t n = former_prefix_length(w);
      if (std::string_view party = n ? lex.party(w.substr(n)) : std::string_view(); !party.empty()) {
        out.chunks.push_back({MentionKind::Party, i, i + 1, i, false, false, 0, std::string(party)});
        ++i;
        after_title = false;
        continue;
      }
    }
    if (auto [ce, country] = sc.match_country(i); ce && !(ce == i + 1 && given_name_here(sc, t, i))) {
      // "Bank of England" etc. are caught by the org run below only when an org word leads.
      out.chunks.push_back({MentionKind::Country, i, ce, i, false, false, 0, std::string(country)});
      i = ce;
      after_title = false;
      continue;
    }
    // Honorifics anchor the name after them ("Mr Blair", "Tan Sri Muhyiddin").
    std::size_t hb = i;
    bool honorific = false;
    while (i < t.size() && t[i].word && t[i].cap) {
      std::string buf;
      std::string_view two =
          i + 1 < t.size() && sc.is(i, kHonorificStart) ? sc.phrase(i, i + 2, buf) : std::string_view();
      if (!two.empty() && lex.is_honorific(two) && i + 2 < t.size() && t[i + 2].cap) {
        i += 2;
        honorific = true;
      } else if (sc.is(i, kHonorific) && i + 1 < t.size() && t[i + 1].word && t[i + 1].cap &&
                 !sc.is(i + 1, kNonName)) {
        i += 1;
        honorific = true;
      } else {
        break;
      }
    }
    if (!honorific && i < t.size() && t[i].word && t[i].cap && sc.is(i, kRoleWord)) {
      ++i;  // "Adviser Tom Bossert": the name after a role word is anchored by it
      after_title = true;
      continue;
    }
    if (i < t.size() && t[i].word && t[i].cap) {
      std::size_t b = i;
      std::size_t e = i;
      while (e < t.size()) {
        if (e > b && sc.is(e, kRoleWord)) break;
        // "Army Lt. Col. Matthew Scalia", "Navy Adm. X": a rank after a service's name opens a name.
        if (e > b && sc.is(e - 1, kOrgWord) && sc.is(e, kRank) && e + 1 < t.size() &&
            t[e + 1].cap)
          break;
        // A capitalised title inside a run ends it when a name follows ("Bundesbank President
        // Karl Otto Poehl"); at the end of a run it is a surname ("Mervyn King,").
        if (e > b) {
          std::size_t te = sc.match_title(e).end;
          if (te && te < t.size() && t[te].word && t[te].cap) break;
          if (te && te < t.size() && t[te].text == "'s") break;
          if (te && t[e].allcaps) break;  // "Frank Field MP": an abbreviation is never a surname
          // "a former Alabama Supreme Court Justice": a title that closes the run after an
          // organisation word is that organisation's post, not part of its name.
          // "The current FHFA Director, Mel Watt", "the Iowa GOP Chairman, Jeff Kaufman": the
          // same after an acronym or a party word.
          if (te && (sc.is(e - 1, kOrgWord) || sc.is(e - 1, kParty) || t[e - 1].allcaps || lex.is_place(sc.lower(e - 1))) &&
              (te >= t.size() || !t[te].word || !t[te].cap))
            break;
        }
        if (auto ce = e > b ? sc.match_country(e).first : 0; ce && !sc.is(e - 1, kOrgWord)) {
          // A country that ends a longer place name is part of it ("New Jersey", "New
          // Mexico", "Northern Ireland", not "New" and the island of Jersey).
          std::string buf;
          if (lex.is_place(sc.phrase(e - 1, ce, buf)) || (e - b >= 2 && lex.is_place(sc.phrase(e - 2, ce, buf)))) {
            e = ce;
            continue;
          }
          // "Representative Jim Jordan": after a title or honorific, one name word and a
          // one-word country that is also a surname and ends the name make a surname.
          bool ends_name = ce == e + 1 && (ce >= t.size() || !t[ce].word || !t[ce].cap);
          if (e == b + 1 && (honorific || after_title) && ends_name && sc.is(e, kSurnameCountry) &&
              !sc.is(b, kNonName)) {
            e = ce;
            continue;
          }
          // a country inside an org name ("Communist Party of Vietnam") stays in the run
          if (!(e >= 1 && is_org_joiner(sc.lower(e - 1)))) break;
        }
        if (t[e].word && t[e].cap) {
          ++e;
          continue;
        }
        // "(CPV)" right after a run, and joiners followed by a capitalised word.
        if (!t[e].word && t[e].text == "(" && e + 2 < t.size() && t[e + 1].allcaps && t[e + 2].text == ")" && e > b) {
          e += 3;
          continue;
        }
        if (t[e].word && (is_org_joiner(sc.lower(e)) || is_name_particle(sc.lower(e)))) {
          // "of the National People's Congress": a joiner, maybe "the", then a capitalised word
          // that does not start a title of its own ("... Committee and Chinese president").
          std::size_t next = e + 1;
          if (next < t.size() && sc.lower(next) == "the" && sc.lower(e) != "the") ++next;
          // "von der Leyen", "van der Berg": two particles before the surname.
          else if (next < t.size() && is_name_particle(sc.lower(e)) && t[next].word && !t[next].cap &&
                   is_name_particle(sc.lower(next)))
            ++next;
          bool joins = next < t.size() && t[next].word && t[next].cap && !sc.match_title(next).end;
          // "Chad Pergram and the Associated Press": "and the" opens a name of its own.
          if (joins && sc.lower(e) == "and" && e + 1 < t.size() && sc.lower(e + 1) == "the") joins = false;
          if (joins) {
            auto [ce, country] = sc.match_country(next);
            // "... and Chinese president", "Aleksey Miller and India's ...": a country after
            // "and" starts a phrase of its own.
            if (ce && sc.lower(e) == "and") joins = false;
          }
          if (joins) {
            e = next;
            continue;
          }
        }
        break;
      }
      std::size_t before = out.chunks.size();
      classify_run(lex, sc, t, b, e, honorific || after_title, hb, out.chunks);
      // "his Rancho Palos Verdes golf course": a name between a possessive and a common noun
      // qualifies the noun; it is a place or a business, not a person.
      if (out.chunks.size() == before + 1 && out.chunks.back().kind == MentionKind::Person && !out.chunks.back().anchored &&
          e - b >= 2 && b > 0 && is_possessive_determiner(sc.lower(b - 1)) && e < t.size() && t[e].word && !t[e].cap &&
          !sc.is(e, kNonName))
        out.chunks.back().kind = MentionKind::Org;
      // A place right before a title is the title's organisation ("Utah Governor Gary Herbert").
      // A capitalised "Former" opening the sentence is not part of it ("Former Pennsylvania Governor").
      std::string pbuf;
      std::size_t pb = b;
      while (pb + 1 < e && (sc.lower(pb) == "former" || sc.lower(pb) == "outgoing")) ++pb;
      if (out.chunks.size() == before && e < t.size() && sc.match_title(e).end &&
          ((!sc.is(pb, kNonName) && !sc.is(e - 1, kNonName)) || (e - pb >= 2 && lex.is_place(sc.phrase(pb, e, pbuf)))))
        out.chunks.push_back({MentionKind::Org, pb, e, pb, false, false, 0, {}});
      // An unknown capitalised name right before a title is the title's organisation ("Gazprom
      // chairman Aleksey Miller", "Turkcell's chief operating officer"; of two or three words
      // only when a name follows the title: "Bidco Africa chairman Vimal Shah").
      bool before_titled_name = false;
      if (e < t.size()) {
        std::size_t te = sc.match_title(e).end;
        before_titled_name = te && te < t.size() && t[te].word && t[te].cap;
      }
      // A party word or an acronym in the run names no person ("the Iowa GOP Chairman, X").
      bool party_or_acronym = false;
      for (std::size_t k = b; k < e && !party_or_acronym; ++k) party_or_acronym = sc.is(k, kParty) || t[k].allcaps;
      if (out.chunks.size() == before + 1 && out.chunks.back().kind == MentionKind::Person &&
          (e == pb + 1 || (e - b <= 3 && (before_titled_name || party_or_acronym))) && !out.chunks.back().anchored) {
        std::size_t next = e < t.size() && t[e].text == "'s" ? e + 1 : e;
        bool based = sc.lower(b).ends_with("-based");  // "Beijing-based manager" is no org
        if (next < t.size() && sc.match_title(next).end && !based) {
          out.chunks.back().kind = MentionKind::Org;
          out.chunks.back().value = kTentativeOrg;  // a person after all if the document names one so
        }
      }
      // "the former chief executive of Exxon Mobil": an unknown name right after "TITLE of (the)"
      // is the title's organisation, unless the document names a person so.
      if (out.chunks.size() == before + 1 && out.chunks.back().kind == MentionKind::Person &&
          out.chunks.back().te - out.chunks.back().tb >= 2 && !out.chunks.back().anchored && before > 0 &&
          out.chunks[before - 1].kind == MentionKind::Title) {
        // "chief executive of Exxon Mobil", "leader of the opposition Civic Platform": "of",
        // maybe "the", maybe one lower-case word, then the name.
        std::size_t before_run = b;
        if (before_run >= 2 && t[before_run - 1].word && !t[before_run - 1].cap && sc.lower(before_run - 1) != "of" &&
            sc.lower(before_run - 1) != "the" && sc.lower(before_run - 2) == "the")
          --before_run;
        std::size_t of = before_run >= 1 && sc.lower(before_run - 1) == "the" ? before_run - 2 : before_run - 1;
        if (of + 1 >= 2 && of < t.size() && sc.lower(of) == "of" && out.chunks[before - 1].te == of)
          out.chunks.back() = {MentionKind::Org, out.chunks.back().tb, out.chunks.back().te, out.chunks.back().tb,
                               false, false, 0, kTentativeOrg};
      }
      // "Homeland Security Adviser Tom Bossert": words right before a role word name its domain.
      if (out.chunks.size() > before && out.chunks.back().kind == MentionKind::Person && !out.chunks.back().anchored &&
          e < t.size() && sc.is(e, kRoleWord)) {
        std::string phrase = to_lower_ascii(join_tokens(t, out.chunks.back().tb, out.chunks.back().te, clean));
        if (lex.is_domain(phrase)) {  // also "Deputy National Security Adviser"
          out.chunks.pop_back();  // a portfolio ("Homeland Security Adviser") is a domain, no org
        } else {
          out.chunks.back().kind = MentionKind::Org;
        }
      }
      i = e;
      after_title = false;
      continue;
    }
    if (honorific) continue;
    // "his wife Melania": a kinship noun anchors the one name that follows it.
    bool kin = i + 1 < t.size() && t[i + 1].word && t[i + 1].cap && t[i].word && !t[i].cap && is_kinship(sc.lower(i));
    ++i;
    after_title = kin;
  }
  return out;
}

}  // namespace newsgraph
