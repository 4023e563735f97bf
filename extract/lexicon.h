// Word lists the entity layer looks up by token: titles, title modifiers, portfolio words,
// honorifics, organisation and place words, party words, non-name words, and countries
// (Debian's iso-codes names plus data/country_aliases.txt for demonyms and short forms).
//
// Every list is a hash set or map keyed by lower-cased words or word sequences (joined by one
// space): a lookup costs one hash of a few bytes, whatever the size of the list. Lexicons are
// never compiled into one big regex alternation, which RE2 would scan far more slowly.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsgraph {

class Lexicon {
 public:
  // The lexicon built from the files compiled into the binary (data/*.txt, iso-codes).
  static const Lexicon& builtin();

  bool is_title(std::string_view lower) const { return titles_.count(std::string(lower)) > 0; }
  bool is_title_modifier(std::string_view lower) const { return title_modifiers_.count(std::string(lower)) > 0; }
  bool is_portfolio(std::string_view lower) const { return portfolios_.count(std::string(lower)) > 0; }
  bool is_title_head(std::string_view lower) const { return title_heads_.count(std::string(lower)) > 0; }
  bool is_honorific(std::string_view lower) const { return honorifics_.count(std::string(lower)) > 0; }
  bool is_org_word(std::string_view lower) const { return org_words_.count(std::string(lower)) > 0; }
  bool is_place_word(std::string_view lower) const { return place_words_.count(std::string(lower)) > 0; }
  bool is_non_name(std::string_view lower) const { return non_names_.count(std::string(lower)) > 0; }
  bool is_role_word(std::string_view lower) const { return role_words_.count(std::string(lower)) > 0; }
  // Places that read like names: data/places.txt and iso-codes' subdivisions ("New York").
  bool is_place(std::string_view lower) const { return places_.count(std::string(lower)) > 0; }

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
  std::unordered_set<std::string> titles_, title_modifiers_, portfolios_, title_heads_, honorifics_,
      org_words_, place_words_, non_names_, places_, role_words_;
  std::unordered_map<std::string, std::string> parties_, countries_;
  std::size_t max_title_words_ = 1;
  std::size_t max_country_words_ = 1;
};

// ASCII lower-casing (names and titles in news are ASCII in their lexicon forms).
std::string to_lower_ascii(std::string_view s);

}  // namespace newsgraph
