// Dates of events: the article's date as the source wrote it ("2023-12-13",
// " 7-APR-1987 11:41:18.32", "November 6, 2017 "), and relative days in a sentence
// ("on Monday", "yesterday", "last week") resolved against it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

// The article date as yyyy-mm-dd, or nullopt when it cannot be read.
std::optional<std::string> parse_article_date(std::string_view raw);

// The date a sentence's event happened: a weekday named in the sentence ("on Monday") is the
// latest such day on or before the article date (news reports the past); "yesterday" is the
// day before; otherwise the article date itself. nullopt without an article date.
std::optional<std::string> resolve_event_date(std::string_view sentence, const std::optional<std::string>& article_date);

}  // namespace newsgraph
