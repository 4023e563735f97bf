// Entities of one document: who and what its sentences name.
//
// Mentions come from the tokens of each sentence, looked up in the lexicons (lexicon.h):
//   Title    "Foreign Minister", "deputy prime minister", "chief executive" (modifiers and
//            portfolio words included; "former"/"ex-" are left outside as text)
//   Country  "China", "Chinese", "U.S." (names from iso-codes, demonyms, abbreviations)
//   Party    "Republican", "Labour", "Tory" (party words)
//   Org      capitalised phrases holding an organisation word ("National Assembly of Vietnam")
//            and acronyms ("LSE", "BBC")
//   Person   other capitalised names: two or more name words, or one word anchored by a title
//            or honorific ("President Reagan", "Mr Blair") or known in the document already.
//
// Persons are then resolved within the document: every mention points to one Entity whose
// canonical name is the most complete form the document gives, with honorifics dropped
// ("Mr Blair" and "Blair" -> "Tony Blair"; "Xi" -> "Xi Jinping"; "Trong" -> "Nguyen Phu
// Trong"). A subject "He"/"She" resolves to the salient person of the sentences before it.
//
// Each sentence is also rendered as a tagged string, the text that relation rules match:
// the sentence with every mention replaced by a marker "\x01" KIND INDEX "\x02", where KIND is
// P (person; INDEX = entity id), T, O, C, A (title, org, country, party; INDEX = mention id).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extract/normalize.h"
#include "extract/sentences.h"
#include "extract/tokens.h"

namespace newsgraph {

enum class MentionKind : char { Person = 'P', Title = 'T', Org = 'O', Country = 'C', Party = 'A' };

struct Mention {
  MentionKind kind;
  std::size_t begin;  // clean-text byte span of the mention (for persons: the name, without honorific)
  std::size_t end;
  int entity = -1;    // persons: index into DocumentEntities::persons
  std::string value;  // countries: the country name; parties: the party name; an acronym the
                      // text defined ("CPV"): the full organisation name; titles: "former"
                      // ("ex-minister") or "elect" ("President-elect"); persons not named
                      // where they stand: "pronoun" ("he"), "pair" ("the pair"), "title-ref"
                      // ("the chancellor"); else empty
};

struct PersonEntity {
  std::string name;                  // canonical: the most complete form, honorifics dropped
  std::vector<std::string> aliases;  // every other form seen
};

struct TaggedSentence {
  SentenceSpan span;              // in the clean text
  std::vector<Mention> mentions;  // in text order
  std::string tagged;             // the sentence with markers (see above)
  // tagged_to_clean[i] = clean-text offset of tagged byte i (markers map to their mention's
  // begin); size tagged.size() + 1, last entry = span.end.
  std::vector<std::size_t> tagged_to_clean;
};

struct DocumentEntities {
  std::vector<PersonEntity> persons;
  std::vector<TaggedSentence> sentences;
};

DocumentEntities find_entities(const NormalizedText& text, const std::vector<SentenceSpan>& sentences);

}  // namespace newsgraph
