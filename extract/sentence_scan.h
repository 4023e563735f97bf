// The sentence scanner: one sentence's tokens classified into chunks (titles, countries,
// parties, organisations, and persons not yet resolved), which find_entities (entities.cpp)
// resolves across the document. Internal to extract/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/sentences.h"
#include "extract/tokens.h"

namespace newsgraph {

class Lexicon;

// What the text says of a person's sex, from a word before the name; most persons stay unknown.
enum class Sex : char { kUnknown, kMale, kFemale, kBoth };

// The sex a word before a name tells: a sexed honorific or a kinship noun.
Sex sex_of_word(std::string_view lower);

bool is_pronoun_subject(std::string_view lower);

// A piece of a sentence found by the scanner, before persons are resolved.
// Marks an org guessed from one unknown word before a title ("Gazprom chairman"): when the
// document names a person with that word ("Biden's chief of staff"), it is that person.
inline constexpr const char* kTentativeOrg = "tentative-org";

struct Chunk {
  MentionKind kind;
  std::size_t tb, te;       // tokens [tb, te) of the whole mention (honorific included)
  std::size_t name_tb = 0;  // persons: first token of the name proper
  bool anchored = false;    // persons: a title or honorific stands right before
  bool former = false;      // titles: "ex-"/"former-" glued on
  std::size_t text_begin = 0;
  std::string value;
  bool elect = false;       // titles: "-elect" glued on
};

struct ScannedSentence {
  SentenceSpan span;
  std::vector<Token> tokens;
  std::vector<Chunk> chunks;
};

// The clean text of tokens [b, e).
std::string join_tokens(const std::vector<Token>& t, std::size_t b, std::size_t e, std::string_view clean);

// Tokenizes one sentence of the clean text (`lower` is the whole text lower-cased) and
// classifies its capitalised runs, titles, countries and parties into chunks.
ScannedSentence scan_sentence(const Lexicon& lex, std::string_view clean, std::string_view lower, SentenceSpan span);

}  // namespace newsgraph
