// Word lists the entity layer looks up by token: titles, title modifiers, portfolio words,
// honorifics, organisation and place words, party words, non-name words, and countries
// (Debian's iso-codes names plus data/country_aliases.txt for demonyms and short forms).
//
// Keys are lower-cased words or word sequences (joined by one space): a lookup costs one hash
// of a few bytes, whatever the size of the lists, and takes a string_view, so it builds no
// std::string (see docs/performance.md). Lexicons are never compiled into one big regex alternation,
// which RE2 would scan far more slowly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// Every word and phrase of every list but the places lives in one open-addressing hash table
// (WordTable below), with a bit per list it belongs to: the scanner asks "title? org word? country?" of a token with one hash
// and one probe, instead of one lookup per list (profiles showed lexicon lookups at ~15% of
// extraction time when each list was its own std::unordered_set).
enum LexFlag : std::uint32_t {
  kTitle = 1u << 0,
  kTitleModifier = 1u << 1,
  kPortfolio = 1u << 2,
  kTitleHead = 1u << 3,
  kHonorific = 1u << 4,
  kOrgWord = 1u << 5,
  kPlaceWord = 1u << 6,
  kNonName = 1u << 7,
  kRoleWord = 1u << 8,
  kTitleStart = 1u << 10,  // first word of a title or portfolio, a title head or modifier
  kParty = 1u << 11,
  kCountry = 1u << 12,
  kCountryStart = 1u << 13,  // first word of a country name, abbreviation or demonym
  kPortfolioStart = 1u << 14,  // first word of a portfolio ("work" of "work and pensions")
  kTitleEnd = 1u << 15,        // a word a title can end with: last words of titles and portfolios, heads
  kHonorificStart = 1u << 16,  // first word of an honorific of two words or more ("tan" of "tan sri")
  kCalendar = 1u << 17,        // day and month names, "today", "yesterday": never part of a name
  kPluralTitle = 1u << 18,     // a title with its last word plural ("senators", "foreign ministers"):
                               // a title only right before names ("Texas Senators A and B")
  kInstitutionPlace = 1u << 19,  // places.txt: a place that stands for an institution ("Downing Street")
  kSurnameCountry = 1u << 20,    // a country word that is also a common surname ("Jordan")
  kGivenNameWord = 1u << 21,     // a month or country that is also a first name ("Jan", "Israel")
  kPostNominal = 1u << 22,       // letters after a name that are not part of it ("QC", "OBE")
  kFemaleName = 1u << 23,        // a first name that tells a woman ("Hillary")
  kMaleName = 1u << 24,          // a first name that tells a man ("Donald")
  kTitleBeforeName = 1u << 25,   // titles.txt "| before a name": a title only where a name follows
                                 // ("Justice Antonin Scalia", not "the Justice Department")
  kRank = 1u << 26,              // honorifics.txt "| rank": a military or police rank ("Lt.", "Colonel")
};

// An open-addressing hash table from lower-cased words or phrases to their lexicon entry.
// At most half full, so a miss (most tokens) ends after a probe or two; a slot holds the upper
// half of the key's hash, so keys are compared only when those agree.
class WordTable {
 public:
  struct Entry {
    std::string key;
    std::uint32_t flags = 0;
    std::int32_t party = -1;    // index into the lexicon's values
    std::int32_t country = -1;  // index into the lexicon's values
  };

  WordTable() { rehash(64); }
  Entry& add(std::string_view lower);
  const Entry* find(std::string_view lower) const {
    std::uint64_t h = hash(lower);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.entry < 0) return nullptr;
      if (s.tag == static_cast<std::uint32_t>(h >> 32) && same_key(entries_[s.entry].key, lower)) return &entries_[s.entry];
    }
  }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  // Eight bytes at a time, then the tail in at most two loads (overlapping ones for 4-7
  // bytes): a byte loop for the tail cost a mispredicted branch per word length.
  static std::uint64_t hash(std::string_view s) noexcept {
    const char* p = s.data();
    const std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 29;
    }
    const std::size_t r = n - i;
    std::uint64_t w = 0;
    if (r >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p + i, 4);
      std::memcpy(&b, p + i + r - 4, 4);
      w = (std::uint64_t(a) << 32) | b;
    } else if (r > 0) {
      w = (std::uint64_t(static_cast<unsigned char>(p[i])) << 16) |
          (std::uint64_t(static_cast<unsigned char>(p[i + r / 2])) << 8) | static_cast<unsigned char>(p[i + r - 1]);
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 32);
  }
  // Key equality without a libc call: most hits are short words ("the", "said"), and the
  // memcmp call cost more than the comparison.
  static bool same_key(const std::string& key, std::string_view s) noexcept {
    if (key.size() != s.size()) return false;
    const char* a = key.data();
    const char* b = s.data();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t x, y;
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    for (; i < s.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  void rehash(std::size_t slots);
  // Eight bytes, so the slots of the word table (4,096) fit in a core's L1 cache: most tokens
  // are misses, answered by one slot.
  struct Slot {
    std::uint32_t tag = 0;  // the hash's upper half
    std::int32_t entry = -1;
  };
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

class Lexicon {
 public:
  // The lexicon built from the files compiled into the binary (data/*.txt, iso-codes).
  static const Lexicon& builtin();

  // The LexFlag bits of a lower-cased word or phrase (words joined by one space); 0 if unknown.
  std::uint32_t flags(std::string_view lower) const {
    const auto* e = words_.find(lower);
    return e ? e->flags : 0;
  }

  bool is_title(std::string_view lower) const { return flags(lower) & kTitle; }
  bool is_title_modifier(std::string_view lower) const { return flags(lower) & kTitleModifier; }
  bool is_portfolio(std::string_view lower) const { return flags(lower) & kPortfolio; }
  bool is_title_head(std::string_view lower) const { return flags(lower) & kTitleHead; }
  bool is_honorific(std::string_view lower) const { return flags(lower) & kHonorific; }
  bool is_org_word(std::string_view lower) const { return flags(lower) & kOrgWord; }
  bool is_place_word(std::string_view lower) const { return flags(lower) & kPlaceWord; }
  bool is_non_name(std::string_view lower) const { return flags(lower) & kNonName; }
  bool is_role_word(std::string_view lower) const { return flags(lower) & kRoleWord; }
  // A domain of work rather than an organisation: a portfolio, maybe after a title modifier
  // ("national security", "deputy national security").
  bool is_domain(std::string_view lower) const {
    if (auto sp = lower.find(' '); sp != std::string_view::npos && is_title_modifier(lower.substr(0, sp)))
      lower.remove_prefix(sp + 1);
    return is_portfolio(lower);
  }
  // Places that read like names: data/places.txt and iso-codes' subdivisions ("New York").
  bool is_place(std::string_view lower) const { return places_.find(lower) != nullptr; }
  // A place that is only a place: not one that stands for an institution ("Downing Street",
  // "Wall Street"), which people work for.
  bool is_plain_place(std::string_view lower) const {
    const auto* e = places_.find(lower);
    return e && !(e->flags & kInstitutionPlace);
  }

  // Whether a title can begin with the word `lower` (lower-cased, with any "ex-", "former-" or
  // "then-" removed): it is the first word of a title or a portfolio, a title head or a title
  // modifier, or it is glued to "vice-", "co-" or "deputy-" and that prefix is one of those.
  // False means no title starts here, so a scanner can skip the token after one lookup.
  bool may_start_title(std::string_view lower) const;

  // The party a party word names ("tory" -> "Conservative Party"), or "".
  std::string_view party(std::string_view lower) const {
    const auto* e = words_.find(lower);
    return e && e->party >= 0 ? std::string_view(values_[e->party]) : std::string_view();
  }
  // The country a country name, abbreviation or demonym stands for, as it should be written
  // in an org ("chinese" -> "China", "u.s." -> "U.S."), or "".
  std::string_view country(std::string_view lower) const {
    const auto* e = words_.find(lower);
    return e && e->country >= 0 ? std::string_view(values_[e->country]) : std::string_view();
  }

  // Longest word count of any multiword entry, so scanners know how far to look ahead.
  std::size_t max_title_words() const { return max_title_words_; }
  std::size_t max_country_words() const { return max_country_words_; }

 private:
  Lexicon();
  WordTable words_;   // every list but the places
  WordTable places_;  // data/places.txt and iso-codes' subdivisions: phrases only, kept apart
                      // so that the table every token probes stays small and in cache
  std::vector<std::string> values_;  // party and country names
  std::size_t max_title_words_ = 1;
  std::size_t max_country_words_ = 1;
};

// ASCII lower-casing (names and titles in news are ASCII in their lexicon forms). Lengths and
// byte offsets are kept, so a lower-cased copy of a text shares the text's token offsets.
std::string to_lower_ascii(std::string_view s);
inline char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

}  // namespace newsgraph
