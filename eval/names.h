// The normalisations `newsgraph eval` compares names, titles and organisations with. They are
// the scoring contract of ../shared/GUIDELINES.md ("How predictions are scored") as implemented
// by the reference scorer ../shared/tools/score.py, and must stay identical to it:
//
//   norm_name   "Mr. Xi Jinping's"        -> "xi jinping"
//   norm_title  "the former Chinese President" -> "president"
//   norm_org    "the U.S. Senate"         -> {"united", "states", "senate"}
//
// Country names, demonyms and abbreviations come from data/countries_scoring.txt (a copy of
// score.py's COUNTRY_TABLE, embedded in the binary). With fold = true, diacritics are removed as
// well (the "F1 fold" column).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::eval {

// An organisation as a sequence of normalised tokens; empty for none.
using OrgTokens = std::vector<std::string>;

std::string norm_name(std::string_view s, bool fold);
std::string norm_title(std::string_view s, bool fold);
OrgTokens norm_org(std::string_view s, bool fold);

// Canonical country names (normalised, e.g. "united states") mentioned in s, first mention first,
// each once. Used to give "Chinese President" without an org the org "china".
std::vector<std::string> countries_in(std::string_view s);

// True when `small` is non-empty and occurs in `big` as a contiguous token sequence.
bool contains_tokens(const OrgTokens& big, const OrgTokens& small);
// Both non-empty and one contains the other.
bool orgs_match(const OrgTokens& a, const OrgTokens& b);

}  // namespace newsgraph::eval
