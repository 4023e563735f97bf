// Real news is messy: hard line wraps inside sentences and names ("Paul\nVolcker"), double
// spaces, SGML/HTML entities ("&lt;", "&amp;", "&#233;"), curly quotes and dashes, and
// sometimes invalid UTF-8. The extractor works on a cleaned copy of the text, and every byte
// of that copy remembers where it came from, so that evidence spans always point into the
// original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

struct NormalizedText {
  // The cleaned text:
  //  - every run of whitespace (spaces, tabs, \r, \n, NBSP) becomes one ' ', EXCEPT that a
  //    run holding a blank line (two or more '\n') becomes "\n" (a paragraph break, which
  //    the sentence splitter treats as a hard boundary); leading/trailing whitespace dropped;
  //  - SGML/HTML entities are decoded (named: lt gt amp quot apos nbsp and the common
  //    Latin-1 letters; numeric &#NNN; &#xHH;); an undecodable entity is kept as written;
  //    control characters from entities such as &#3; are dropped;
  //  - curly quotes become ' and ", en/em dashes become '-', ellipsis "..." ;
  //  - invalid UTF-8 bytes and NUL bytes become U+FFFD; text is NFC (utf8proc).
  std::string text;
  // origin[i] = byte offset in the original text of the character that produced text[i];
  // origin.size() == text.size() + 1 and origin.back() == original.size(), so a clean span
  // [b, e) maps to the original span [origin[b], origin[e]).
  std::vector<uint32_t> origin;

  // The original span of clean bytes [b, e): begins at origin[b] and ends just after the last
  // original byte that produced text[e-1] (so trailing whitespace is not included).
  std::pair<std::size_t, std::size_t> to_original(std::size_t b, std::size_t e) const;

  // Original offset just after the last character that produced clean text, so a span that
  // reaches the end of the clean text does not take in trailing whitespace. Set by
  // normalize_text(); a hand-built NormalizedText may leave it at kNoContentEnd, and
  // origin.back() is used instead.
  static constexpr uint32_t kNoContentEnd = 0xFFFFFFFFu;
  uint32_t content_end = kNoContentEnd;
};

// Never throws on any byte sequence. Documents over 4 GiB are not supported (offsets are 32-bit).
NormalizedText normalize_text(std::string_view original);

// Folding used for matching names across documents: NFKC, casefold, diacritics removed
// ("Vương Đình Huệ" -> "vuong dinh hue"; letters without a decomposition are folded too:
// ø->o, ł->l, đ->d, æ->ae, þ->th), punctuation dropped ("O'Brien" -> "obrien"), hyphens,
// dashes and slashes read as spaces ("Jean-Pierre" -> "jean pierre"), whitespace collapsed.
std::string fold_key(std::string_view s);

// Diacritics removed but case kept ("Vương" -> "Vuong").
std::string strip_diacritics(std::string_view s);

}  // namespace newsgraph
