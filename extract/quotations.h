// Quotations and their speakers across a document: who "I" and "we" are inside quote marks.
// Internal to extract/; find_entities (entities.cpp) reads it while tagging.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/sentence_scan.h"

namespace newsgraph {

// Tokens [begin, end) of one sentence that stand inside quote marks spoken by `speaker`
// (a person entity of the document).
struct QuotedStretch {
  std::size_t begin = 0, end = 0;
  int speaker = -1;
};

// Per sentence, the quoted stretches whose speaker the text names: '"...," Trump said',
// '"...," said Trump', 'Trump said: "..."', and the sentences of a quotation that goes on after
// its attribution ('"...," Trump said. "I can only ... He called me last week."').
// chunk_entity[s][c] is the person entity of chunk c of sentence s (-1 for none); `clean` is
// the text the tokens point into, `lower` the same lower-cased.
std::vector<std::vector<QuotedStretch>> find_quotations(const std::vector<ScannedSentence>& sentences,
                                                        const std::vector<std::vector<int>>& chunk_entity,
                                                        std::string_view clean, std::string_view lower);

// A lower-case word that attributes speech ("said", "told", "added"): after a quotation, a name
// and one of these name its speaker; after a list of names, the last name opens a clause.
bool is_speech_verb(std::string_view lower);

// The speaker of token `t` of a sentence, -1 when it is not inside a quotation with a speaker.
int speaker_at(const std::vector<QuotedStretch>& stretches, std::size_t t);

}  // namespace newsgraph
