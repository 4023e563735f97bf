// Splits cleaned text (see normalize.h) into sentences. Survives abbreviations and initials
// ("Mr.", "U.S.", "Dec. 13", "Gen.", "J. P. Morgan", "No. 10"), decimal numbers ("4.8"),
// quotes (a sentence ending inside quotes: `... he said."`), Reuters datelines
// ("WASHINGTON, March 11 - ..."), and BBC style without full stops ("Mr Blair").
// A paragraph break ("\n" in the clean text) always ends a sentence; headlines without a final
// full stop therefore stay separate sentences.
#pragma once

#include <cstddef>
#include <vector>

#include "extract/normalize.h"

namespace newsgraph {

struct SentenceSpan {
  std::size_t begin;  // byte offsets into NormalizedText::text, [begin, end)
  std::size_t end;    // trimmed: no leading or trailing whitespace
};

std::vector<SentenceSpan> split_sentences(const NormalizedText& text);

}  // namespace newsgraph
