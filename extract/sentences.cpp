// Rule-based sentence splitting over the clean text (single ' ' between words, "\n" between
// paragraphs). A sentence ends at a paragraph break, or after '.', '?' or '!' (with any closing
// quotes or brackets after it) that is followed by a space and then something that can start
// a sentence: an uppercase letter, a digit or an opening quote/bracket.
//
// A full stop does not end a sentence after:
//  - a title or an abbreviation that always precedes something ("Mr.", "Gen.", "St.", "No.",
//    "vs."), or a single-letter initial ("George W. Bush", "J. P. Morgan");
//  - an abbreviation that may also end a sentence ("Inc.", "Jr.", "etc.", "Dec.", "U.S.",
//    "a.m."), UNLESS the next word is one that typically opens a sentence ("The", "He", "But",
//    ...). So "the U.S. Embassy" and "Dec. 13" stay whole, while "talks with the U.S. The
//    meeting" is split. Telling a capitalised name after "U.S." from a new sentence in general
//    needs more than a splitter knows; this errs on the side of not splitting.
#include "extract/sentences.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace newsgraph {
namespace {

// Abbreviations that are followed by a name or number, never the end of a sentence.
constexpr std::string_view kNeverFinal[] = {
    "Adm",  "Amb",    "Atty", "Brig", "Capt", "Cdr",  "Cmdr", "Cmdt", "Col",  "Cpl",   "Dr",
    "Drs",  "Fig",    "Fr",   "Ft",   "Gen",  "Gens", "Gov",  "Hon",  "Insp", "Lieut", "Lt",
    "Maj",  "Messrs", "Mmes", "Msgr", "Mr",   "Mrs",  "Ms",   "Mt",   "No",   "Nos",   "Nr",
    "Pres", "Prof",   "Pvt",  "Rep",  "Reps", "Rev",  "Rt",   "Sen",  "Sens", "Sgt",   "St",
    "Ste",  "Supt",   "Vol",  "cf",   "pp",   "v",    "vs",
};

// Abbreviations that may close a sentence: split after them only before a sentence opener.
constexpr std::string_view kMaybeFinal[] = {
    "Inc",  "Corp", "Co",     "Ltd",   "Jr",  "Bros", "Plc",  "etc",  "al",   "Jan",  "Feb",
    "Mar",  "Apr",  "Jun",    "Jul",   "Aug", "Sep",  "Sept", "Oct",  "Nov",  "Dec",  "Dept",
    "Univ", "Assn", "approx", "est",   "Ave", "Blvd", "Rd",   "Sq",   "Cos",  "Mfg",  "Intl",
    "Govt", "Natl", "Sr",     "Calif", "Fla", "Ga",   "Ill",  "Mass", "Mich", "Minn", "Penn",
    "Tenn", "Tex",  "Va",     "Wash",  "Wis", "Conn", "Ariz", "Colo", "Okla", "Ore",  "Del",
};

// Words that usually open a sentence; after an ambiguous abbreviation they tip it to a split.
constexpr std::string_view kOpeners[] = {
    "The",     "He",    "She",     "It",    "They",     "We",      "I",       "You",       "His",
    "Her",     "Its",   "Their",   "Our",   "This",     "That",    "These",   "Those",     "There",
    "Here",    "In",    "On",      "At",    "By",       "For",     "From",    "With",      "After",
    "Before",  "But",   "And",     "Or",    "So",       "Yet",     "However", "Meanwhile", "Also",
    "As",      "If",    "When",    "While", "Although", "Though",  "Since",   "According", "Last",
    "Earlier", "Later", "Both",    "Some",  "Many",     "Most",    "A",       "An",        "Such",
    "What",    "Why",   "How",     "Who",   "During",   "Despite", "Then",    "Now",       "Still",
    "Instead", "Other", "Another", "Each",  "One",      "Two",     "Three",
};

// Bytes the splitter stops at; every other byte of the text is passed over with one lookup.
constexpr std::array<bool, 256> make_stops() {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\n', '.', '?', '!'}) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kStops = make_stops();

bool contains(const std::string_view* first, const std::string_view* last, std::string_view w) {
  return std::find(first, last, w) != last;
}

bool is_space(char c) { return c == ' ' || c == '\n'; }

bool is_closer(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

bool is_opener(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether the character at s[i] is an uppercase letter (any script).
bool is_upper_at(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return false;
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

// "U.S", "a.m", "D.C" (the final dot excluded): single letters joined by dots.
bool is_dotted_acronym(std::string_view w) {
  if (w.size() < 3) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool letter_slot = i % 2 == 0;
    if (letter_slot ? !is_ascii_letter(w[i]) : w[i] != '.') return false;
  }
  return w.size() % 2 == 1;
}

enum class Abbrev { kNone, kNever, kMaybe };

// Classifies the word that ends just before the full stop at s[dot].
Abbrev classify_before(std::string_view s, std::size_t begin, std::size_t dot) {
  std::size_t start = dot;
  while (start > begin && !is_space(s[start - 1])) --start;
  std::string_view w = s.substr(start, dot - start);
  while (!w.empty() && is_opener(w.front())) w.remove_prefix(1);
  if (w.empty()) return Abbrev::kNone;
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return Abbrev::kNever;  // an initial
  if (w == "e.g" || w == "i.e") return Abbrev::kNever;
  if (is_dotted_acronym(w)) return Abbrev::kMaybe;
  if (contains(std::begin(kNeverFinal), std::end(kNeverFinal), w)) return Abbrev::kNever;
  if (contains(std::begin(kMaybeFinal), std::end(kMaybeFinal), w)) return Abbrev::kMaybe;
  return Abbrev::kNone;
}

// The word starting at s[i] (letters only), for the opener check.
std::string_view word_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_ascii_letter(s[j])) ++j;
  return s.substr(i, j - i);
}

bool can_start_sentence(std::string_view s, std::size_t i) {
  char c = s[i];
  if (c >= '0' && c <= '9') return true;
  if (is_opener(c)) return true;
  // A list item: "* Feb. 13: Flynn is fired", "- Item", "• Item".
  if ((c == '*' || c == '-') && i + 1 < s.size() && s[i + 1] == ' ') return true;
  if (s.substr(i, 4) == "\xE2\x80\xA2 ") return true;
  return is_upper_at(s, i);
}

}  // namespace

std::vector<SentenceSpan> split_sentences(const NormalizedText& clean) {
  std::string_view s = clean.text;
  const std::size_t n = s.size();
  std::vector<SentenceSpan> out;
  out.reserve(n / 120 + 1);

  std::size_t start = 0;
  auto emit = [&](std::size_t b, std::size_t e) {
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    if (e > b) out.push_back({b, e});
  };

  for (std::size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (!kStops[static_cast<unsigned char>(c)]) continue;
    if (c == '\n') {
      emit(start, i);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '?' && c != '!') continue;

    // The terminator run ("?!", "...") and any closing quotes or brackets after it.
    std::size_t term = i;
    std::size_t j = i + 1;
    while (j < n && (s[j] == '.' || s[j] == '?' || s[j] == '!')) ++j;
    const std::size_t last_term = j - 1;
    while (j < n && is_closer(s[j])) ++j;
    i = j - 1;                            // resume after the run either way
    if (j >= n || s[j] != ' ') continue;  // "4.8", "U.S.-led", end of text, or a paragraph break
    const std::size_t next = j + 1;
    if (next >= n || !can_start_sentence(s, next)) continue;

    // A single full stop may belong to an abbreviation or initial.
    if (s[term] == '.' && last_term == term) {
      // A closing quote before the dot (`called it "a deal".`) ends a word, not an abbreviation.
      // A quote right after it (`he said "No." Then`) closes a sentence too.
      bool quoted = (term > 0 && is_closer(s[term - 1])) || j > last_term + 1;
      Abbrev a = quoted ? Abbrev::kNone : classify_before(s, start, term);
      if (a == Abbrev::kNever) continue;
      if (a == Abbrev::kMaybe &&
          !contains(std::begin(kOpeners), std::end(kOpeners), word_at(s, next)))
        continue;
    }
    emit(start, j);
    start = next;
  }
  emit(start, n);
  return out;
}

}  // namespace newsgraph
