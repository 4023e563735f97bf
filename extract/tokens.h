// Splits one sentence of cleaned text into word and punctuation tokens. Words keep internal
// hyphens, apostrophes and the dots of abbreviations and initials ("U.S.", "W.", "Sen.",
// "O'Brien", "Vice-Premier"); a possessive "'s" is a token of its own.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsgraph {

struct Token {
  std::size_t begin;  // byte offsets into the cleaned document text
  std::size_t end;
  std::string_view text;
  bool word;     // letters or digits (else one punctuation character)
  bool cap;      // starts with an upper-case letter (ASCII, or any non-ASCII letter)
  bool allcaps;  // two or more letters, none lower-case ("BBC", "U.S.")
  bool hyphen = false;  // a word with an inner hyphen ("Vice-Premier", "ex-minister")
};

// Tokens of text[begin, end).
std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace newsgraph
