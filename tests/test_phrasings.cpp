// Common ways news writes a meeting or a call between two named persons, and look-alikes that
// are none (future, refused, cancelled, "called X a liar"), one sentence each, with the one
// relation each must give (or none). The names are invented and unambiguous so that only the
// phrasing is tested. A table of phrasings rather than one test per rule: a rule change that
// breaks a common phrasing shows here by its sentence.
#include <doctest/doctest.h>

#include <string>

#include "extract/extractor.h"

namespace {

struct Phrasing {
  const char* relation;  // "met_with", "phoned", or "" for none
  const char* sentence;
};

// Anna Kowalski, Peter Lindqvist, Lars Dahlberg; "Pope Francis" once.
const Phrasing kPhrasings[] = {
    {"met_with", "Prime Minister Anna Kowalski was joined by Foreign Minister Peter Lindqvist for talks in Oslo."},
    {"met_with", "Anna Kowalski exchanged views with Peter Lindqvist on regional security."},
    {"met_with", "Anna Kowalski was granted an audience with Pope Francis at the Vatican."},
    {"", "Anna Kowalski accompanied Peter Lindqvist on a tour of the factory."},
    {"met_with", "Anna Kowalski and Peter Lindqvist held a bilateral meeting on the sidelines of the G20 summit."},
    {"met_with", "Anna Kowalski met separately with Peter Lindqvist and Lars Dahlberg."},
    {"met_with", "Anna Kowalski, the prime minister, met Peter Lindqvist in Oslo on Tuesday."},
    {"met_with", "During his visit to Oslo, Peter Lindqvist met Anna Kowalski and Lars Dahlberg."},
    {"met_with", "Peter Lindqvist paid a visit to Anna Kowalski at her office."},
    {"met_with", "Anna Kowalski hosted Peter Lindqvist for dinner at her residence."},
    {"met_with", "Anna Kowalski played host to Peter Lindqvist in Oslo."},
    {"met_with", "Peter Lindqvist was received by Anna Kowalski at the presidential palace."},
    {"met_with", "Anna Kowalski held a one-on-one meeting with Peter Lindqvist."},
    {"met_with", "Anna Kowalski and Peter Lindqvist met face to face for the first time."},
    {"met_with", "Anna Kowalski had breakfast with Peter Lindqvist on Friday."},
    {"met_with", "Anna Kowalski sat down with Peter Lindqvist for an interview."},
    {"met_with", "Anna Kowalski welcomed Peter Lindqvist to the capital."},
    {"met_with", "Anna Kowalski met with a delegation led by Peter Lindqvist."},
    {"met_with", "Anna Kowalski shook hands with Peter Lindqvist before the talks."},
    {"met_with", "Anna Kowalski and Peter Lindqvist, who met in Paris last year, signed the deal."},
    {"met_with", "Anna Kowalski told reporters after meeting Peter Lindqvist that talks went well."},
    {"met_with", "Anna Kowalski, speaking after talks with Peter Lindqvist, said trade would grow."},
    {"met_with", "After their meeting, Anna Kowalski and Peter Lindqvist told reporters the talks went well."},
    {"met_with", "Anna Kowalski had a working lunch with Peter Lindqvist."},
    {"met_with", "Anna Kowalski huddled with Peter Lindqvist at the summit."},
    {"met_with", "Anna Kowalski visited Peter Lindqvist in hospital."},
    {"met_with", "Anna Kowalski flew to Oslo on Monday, where she met Peter Lindqvist."},
    {"met_with", "Anna Kowalski also met Lars Dahlberg, the opposition leader."},
    {"met_with", "Anna Kowalski met Lars Dahlberg, Peter Lindqvist's deputy, in Oslo."},
    {"phoned", "Anna Kowalski spoke by phone with Peter Lindqvist on Monday."},
    {"phoned", "Anna Kowalski and Peter Lindqvist spoke on the phone on Monday."},
    {"phoned", "Anna Kowalski had a phone conversation with Peter Lindqvist."},
    {"phoned", "Anna Kowalski telephoned Peter Lindqvist to congratulate him."},
    {"phoned", "Anna Kowalski held a video conference with Peter Lindqvist."},
    {"phoned", "In a telephone call on Monday, Anna Kowalski told Peter Lindqvist that trade would grow."},
    {"phoned", "Anna Kowalski phoned Peter Lindqvist on Monday."},
    {"phoned", "Anna Kowalski and Peter Lindqvist held phone talks on Monday."},
    {"phoned", "Anna Kowalski made a phone call to Peter Lindqvist."},
    {"phoned", "Anna Kowalski called Peter Lindqvist on Tuesday to discuss the crisis."},
    {"phoned", "Anna Kowalski spoke to Peter Lindqvist by telephone on Tuesday."},
    {"phoned", "Peter Lindqvist received a call from Anna Kowalski on Tuesday."},
    {"phoned", "Anna Kowalski and Peter Lindqvist talked by phone for an hour."},
    {"phoned", "Anna Kowalski held a phone call with Peter Lindqvist."},
    {"phoned", "Anna Kowalski had a video call with Peter Lindqvist."},
    {"", "Anna Kowalski will meet Peter Lindqvist next week."},
    {"", "Anna Kowalski is expected to meet Peter Lindqvist on Friday."},
    {"", "Anna Kowalski wants to meet Peter Lindqvist."},
    {"", "Anna Kowalski declined to meet Peter Lindqvist."},
    {"", "Anna Kowalski and Peter Lindqvist did not meet."},
    {"", "Anna Kowalski criticised Peter Lindqvist on Monday."},
    {"", "Anna Kowalski called Peter Lindqvist a liar."},
    {"", "Anna Kowalski called on Peter Lindqvist to resign."},
    {"", "Anna Kowalski praised Peter Lindqvist's decision."},
    {"", "Anna Kowalski is scheduled to hold talks with Peter Lindqvist."},
    {"", "A meeting between Anna Kowalski and Peter Lindqvist was cancelled."},
    {"", "Anna Kowalski said she had never met Peter Lindqvist."},
    {"", "Anna Kowalski plans to visit Peter Lindqvist in May."},
    {"", "Anna Kowalski asked for a meeting with Peter Lindqvist."},
    {"", "Anna Kowalski wrote to Peter Lindqvist on Monday."},
};

}  // namespace

TEST_CASE("phrasings: each common way of writing a meeting or a call gives that relation, and look-alikes none") {
  static const newsgraph::Extractor extractor;
  for (const auto& p : kPhrasings) {
    auto rs = extractor.extract(newsgraph::Document{"t", "2020-01-01", "", p.sentence, ""});
    std::string got;  // the kinds of contact found, each once
    for (const auto& r : rs)
      if ((r.relation == "met_with" || r.relation == "phoned") && got.find(r.relation) == std::string::npos)
        got += (got.empty() ? "" : ",") + r.relation;
    INFO(std::string(p.sentence));
    CHECK(got == std::string(p.relation));
  }
}
