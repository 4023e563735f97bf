#include "extract/tokens.h"

#include <array>
#include <cctype>
#include <string>

namespace newsgraph {
namespace {

// Byte classes from one table: the tokenizer asks about every byte of the text, and the
// branchy range tests (or libc ctype calls) were a measurable part of extraction.
enum : unsigned char { kUpper = 1, kLower = 2, kDigit = 4, kHigh = 8 };
constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kHigh;
  return t;
}
constexpr std::array<unsigned char, 256> kClasses = make_classes();
inline unsigned char byte_class(char c) { return kClasses[static_cast<unsigned char>(c)]; }
inline bool is_upper(unsigned char c) { return kClasses[c] & kUpper; }
inline bool is_word_byte(unsigned char c) { return kClasses[c] != 0; }

// U+FFFD, what invalid bytes and NULs became in the clean text.
bool is_replacement(std::string_view text, std::size_t i, std::size_t end) {
  return i + 2 < end && static_cast<unsigned char>(text[i]) == 0xEF &&
         static_cast<unsigned char>(text[i + 1]) == 0xBF && static_cast<unsigned char>(text[i + 2]) == 0xBD;
}

// Abbreviations whose final dot belongs to the word (lower-cased, without the dot).
bool keeps_dot(std::string_view w) {
  static const std::array<std::string_view, 41> kAbbrev = {
      "mr",  "mrs", "ms",   "dr",   "st",  "jr",   "sr",  "gen",  "lt",   "col",  "sen", "sens", "rep",  "reps",
      "gov", "co",  "corp", "inc",  "ltd", "no",   "vs",  "rev",  "prof", "capt", "sgt", "maj",  "adm",  "jan",
      "feb", "aug", "sept", "sep",  "oct", "nov",  "dec", "pres", "dept", "bros", "brig"};
  if (w.size() == 1 && is_upper(static_cast<unsigned char>(w[0]))) return true;  // initials
  if (w.size() > 4) return false;  // no abbreviation is longer; most words end here
  auto same = [&](std::string_view a) {
    if (a.size() != w.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if ((is_upper(static_cast<unsigned char>(w[i])) ? w[i] + 32 : w[i]) != a[i]) return false;
    return true;
  };
  for (auto a : kAbbrev)
    if (same(a)) return true;
  return false;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Token> out;
  out.reserve((end - begin) / 5 + 1);  // about one token per 5-6 bytes of English news
  std::size_t i = begin;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n') {
      ++i;
      continue;
    }
    // U+FFFD (what invalid bytes and NULs became) is punctuation, never part of a name.
    if (c == 0xEF && is_replacement(text, i, end)) {
      out.push_back({i, i + 3, text.substr(i, 3), false, false, false});
      i += 3;
      continue;
    }
    if (!is_word_byte(c)) {
      // "'s" after a word is the possessive token.
      if (c == '\'' && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') &&
          (i + 2 >= end || !is_word_byte(static_cast<unsigned char>(text[i + 2]))) && !out.empty() &&
          out.back().word && out.back().end == i) {
        out.push_back({i, i + 2, text.substr(i, 2), true, false, false});
        i += 2;
        continue;
      }
      out.push_back({i, i + 1, text.substr(i, 1), false, false, false});
      i += 1;
      continue;
    }
    // Letters are counted on the way (for "allcaps"); joiners and a final dot are no letters.
    int letters = 0, lower = 0;
    bool hyphen = false;
    std::size_t j = i;
    while (j < end) {
      unsigned char d = static_cast<unsigned char>(text[j]);
      if (unsigned char cls = byte_class(text[j])) {
        if (d == 0xEF && is_replacement(text, j, end)) break;
        letters += (cls & (kUpper | kLower)) != 0;
        lower += (cls & kLower) != 0;
        ++j;
        continue;
      }
      // Internal joiners: "Vice-Premier", "O'Brien", "U.S.", "4.8".
      if ((d == '-' || d == '.' || d == '\'' || d == '&') && j + 1 < end &&
          is_word_byte(static_cast<unsigned char>(text[j + 1])) && !is_replacement(text, j + 1, end)) {
        if (d == '\'' && (text[j + 1] == 's' || text[j + 1] == 'S') &&
            (j + 2 >= end || !is_word_byte(static_cast<unsigned char>(text[j + 2]))))
          break;  // possessive
        if (d == '&' && !(j > i && is_upper(static_cast<unsigned char>(text[j - 1])))) break;
        // "Sen.Joe Biden": a title's abbreviation glued to the capitalised name after it.
        if (d == '.' && j - i >= 2 && is_upper(static_cast<unsigned char>(text[j + 1])) && keeps_dot(text.substr(i, j - i)) &&
            text.substr(i, j - i).find('.') == std::string_view::npos)
          break;
        hyphen = hyphen || d == '-';
        j += 1;
        continue;
      }
      break;
    }
    // A final dot belongs to abbreviations and to dotted forms such as "U.S." / "U.K.".
    if (j < end && text[j] == '.') {
      std::string_view w = text.substr(i, j - i);
      if (keeps_dot(w) || w.find('.') != std::string_view::npos) ++j;
    }
    std::string_view w = text.substr(i, j - i);
    bool cap = is_upper(static_cast<unsigned char>(w[0])) || static_cast<unsigned char>(w[0]) >= 0x80;
    // Arabic name particles glued to a capitalised name ("al-Sisi", "bin-Salman") are names.
    if (!cap && hyphen) {
      auto dash = w.find('-');
      if (dash != std::string_view::npos && dash <= 3 && dash + 1 < w.size() &&
          is_upper(static_cast<unsigned char>(w[dash + 1]))) {
        std::string_view pre = w.substr(0, dash);
        cap = pre == "al" || pre == "el" || pre == "ad" || pre == "as" || pre == "bin" || pre == "ibn" || pre == "abu";
      }
    }
    out.push_back({i, j, w, true, cap, letters >= 2 && lower == 0, hyphen});
    i = j;
  }
  return out;
}

}  // namespace newsgraph
