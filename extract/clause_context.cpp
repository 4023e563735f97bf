#include "extract/clause_context.h"

#include <re2/re2.h>

namespace newsgraph {
namespace {

// The rest of the clause from `at`: up to the next , ; : or . (or the end).
re2::StringPiece clause_after(std::string_view text, std::size_t at) {
  std::size_t end = text.find_first_of(",;:.", at);
  if (end == std::string_view::npos) end = text.size();
  return re2::StringPiece(text.data() + at, end - at);
}

// The clause up to `at`: after the last , ; : and after the last subordinator ("denied that he
// misled them when he failed to disclose a meeting": the meeting's clause starts at "when").
re2::StringPiece clause_before(std::string_view text, std::size_t at) {
  std::size_t start = at == 0 ? 0 : text.find_last_of(",;:", at - 1);
  start = start == std::string_view::npos || at == 0 ? 0 : start + 1;
  static const RE2 subordinate("(?i)\\b(?:when|after|because|while|since|although|where|before)\\b");
  re2::StringPiece rest(text.data() + start, at - start);
  while (RE2::FindAndConsume(&rest, subordinate)) start = static_cast<std::size_t>(rest.data() - text.data());
  return re2::StringPiece(text.data() + start, at - start);
}

}  // namespace

bool not_a_fact_before(std::string_view text, std::size_t at) {
  // A denied meeting is a disputed one, which the guidelines count: only conditions here.
  static const RE2 opener("(?i)\\b(?:if|unless|whether)\\b");
  return RE2::PartialMatch(clause_before(text, at), opener);
}

bool called_off_after(std::string_view text, std::size_t at) {
  static const RE2 off(
      "(?i)^ (?:was|were|has been|have been|had been|is|are)(?: \\w+)? (?:cancel\\w*|postponed|called off|scrapped|"
      "delayed|put off|shelved|abandoned)\\b");
  return RE2::PartialMatch(clause_after(text, at), off);
}

bool remote_after(std::string_view text, std::size_t at) {
  static const RE2 remote(
      "(?i)^(?: [\\w'-]+){0,4}? (?:by|over the|on the|via|in a) (?:tele)?(?:phone|video)\\b|"
      "^(?: [\\w'-]+){0,4}? by (?:telephone|videoconference|video link)\\b");
  return RE2::PartialMatch(clause_after(text, at), remote);
}

bool candidacy_before(std::string_view text, std::size_t title_digits) {
  std::size_t at = title_digits >= 2 ? title_digits - 2 : 0;  // the marker starts at "\x01T"
  std::size_t from = at > 48 ? at - 48 : 0;
  static const RE2 running(
      "(?i)\\b(?:nominee|nomination|candidate|candidacy|hopeful|contender|running|run|race|bid|campaign) "
      "(?:for|as)(?: the| a)?(?: \\x01[OCA]\\d+\\x02(?:'s)?)* $");
  return RE2::PartialMatch(re2::StringPiece(text.data() + from, at - from), running);
}

}  // namespace newsgraph
