// A relation record is one fact newsgraph read in one document: "Xi Jinping met_with Vuong
// Dinh Hue", "Vuong Dinh Hue holds_office chairman of National Assembly of Vietnam". Records
// are what `newsgraph extract` writes (one JSON object per line), what `newsgraph merge`
// reads to build the graph, and what `newsgraph eval` scores against gold.
//
// The line format (see ../shared/DESIGN.md, "Relation records"):
//   {"doc","relation","category","symmetric","subject","object",
//    "title","org","former"            (office records only; org may be null),
//    "evidence","span":[begin,end],"date","place","rule"}
// `span` is a [begin, end) byte range into the document's original text, and `evidence` is
// exactly those bytes. `date` and `place` are null when the text gives none.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsgraph {

// The five relations of ../shared/GUIDELINES.md and the category each belongs to.
//   met_with -> meeting, phoned -> call, holds_office -> office,
//   member_of -> membership, affiliated_with -> affiliation
struct Relation {
  std::string doc;
  std::string relation;  // met_with, phoned, holds_office, member_of, affiliated_with
  std::string category;  // meeting, call, office, membership, affiliation
  bool symmetric = false;
  std::string subject;
  std::string object;  // a person, "<title> of <org>" / "<title>", or an organisation

  // Office records (category "office") always carry these; others leave them empty.
  std::string title;
  std::optional<std::string> org;  // nullopt is written as null
  bool former = false;
  // When `org` is an acronym the document defined ("CPV" after "Communist Party of Vietnam
  // (CPV)"), its full name; written as "org_full" only when set. `org` stays as written.
  std::optional<std::string> org_full;

  std::string evidence;
  std::size_t span_begin = 0;
  std::size_t span_end = 0;
  std::optional<std::string> date;   // ISO yyyy-mm-dd when resolvable
  std::optional<std::string> place;  // "Beijing" when the text says "in Beijing"
  std::string rule;                  // id of the rule that produced it
};

// The category of a guideline relation name, or "" when unknown.
std::string_view category_of(std::string_view relation);
// The relation name of a category ("meeting" -> "met_with"), or "" when unknown.
std::string_view relation_of_category(std::string_view category);

// One JSON object, no trailing newline.
std::string to_json(const Relation& r);

// Thrown by relation_from_json for a line that is not a relation record; what() says why
// (the caller adds file and line).
struct RecordError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses one record line. Requires doc, subject, object and relation or category; the other
// fields are optional. Throws RecordError.
Relation relation_from_json(std::string_view line);

}  // namespace newsgraph
