// Word lists the entity layer looks up by token: titles, title modifiers, portfolio words,
// honorifics, organisation and place words, party words, non-name words, and countries
// (Debian's iso-codes names plus data/country_aliases.txt for demonyms and short forms).
//
// Every list is a hash set or map keyed by lower-cased words or word sequences (joined by one
// space): a lookup costs one hash of a few bytes, whatever the size of the list, and takes a
// string_view, so it builds no std::string (the entity scanner looks up every token several
// times; see docs/performance.md). Lexicons are never compiled into one big regex alternation,
// which RE2 would scan far more slowly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsgraph {

// FNV-1a over the bytes: lexicon keys are short words, where it beats std::hash's
// murmur-style loop; `is_transparent` lets the sets below be searched with a string_view.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<std::size_t>(h ^ (h >> 32));
  }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
using WordMap = std::unordered_map<std::string, std::string, WordHash, std::equal_to<>>;

class Lexicon {
 public:
  // The lexicon built from the files compiled into the binary (data/*.txt, iso-codes).
  static const Lexicon& builtin();

  bool is_title(std::string_view lower) const { return titles_.count(lower) > 0; }
  bool is_title_modifier(std::string_view lower) const { return title_modifiers_.count(lower) > 0; }
  bool is_portfolio(std::string_view lower) const { return portfolios_.count(lower) > 0; }
  bool is_title_head(std::string_view lower) const { return title_heads_.count(lower) > 0; }
  bool is_honorific(std::string_view lower) const { return honorifics_.count(lower) > 0; }
  bool is_org_word(std::string_view lower) const { return org_words_.count(lower) > 0; }
  bool is_place_word(std::string_view lower) const { return place_words_.count(lower) > 0; }
  bool is_non_name(std::string_view lower) const { return non_names_.count(lower) > 0; }
  bool is_role_word(std::string_view lower) const { return role_words_.count(lower) > 0; }
  // Places that read like names: data/places.txt and iso-codes' subdivisions ("New York").
  bool is_place(std::string_view lower) const { return places_.count(lower) > 0; }

  // Whether a title can begin with the word `lower` (lower-cased, with any "ex-", "former-" or
  // "then-" removed): it is the first word of a title or a portfolio, a title head or a title
  // modifier, or it is glued to "vice-", "co-" or "deputy-" and that prefix is one of those.
  // False means no title starts here, so a scanner can skip the token after one lookup.
  bool may_start_title(std::string_view lower) const;

  // The party a party word names ("tory" -> "Conservative Party"), or "".
  std::string_view party(std::string_view lower) const;
  // The country a country name, abbreviation or demonym stands for, as it should be written
  // in an org ("chinese" -> "China", "u.s." -> "U.S."), or "".
  std::string_view country(std::string_view lower) const;

  // Longest word count of any multiword entry, so scanners know how far to look ahead.
  std::size_t max_title_words() const { return max_title_words_; }
  std::size_t max_country_words() const { return max_country_words_; }

 private:
  Lexicon();
  WordSet titles_, title_modifiers_, portfolios_, title_heads_, honorifics_, org_words_, place_words_,
      non_names_, places_, role_words_;
  WordSet title_starts_;  // first words of titles and portfolios, title heads, title modifiers
  WordMap parties_, countries_;
  std::size_t max_title_words_ = 1;
  std::size_t max_country_words_ = 1;
};

// ASCII lower-casing (names and titles in news are ASCII in their lexicon forms).
std::string to_lower_ascii(std::string_view s);

}  // namespace newsgraph
