// Event dates: weekdays and "yesterday" in a sentence, resolved against the article's date.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "extract/dates.h"

using newsgraph::resolve_event_date;

TEST_CASE("dates: a weekday phrase or yesterday, resolved against the article date") {
  const std::optional<std::string> wednesday = "2024-01-10";
  auto on = [&](const char* sentence) { return resolve_event_date(sentence, wednesday); };
  CHECK(on("They met on Monday in Paris.") == std::optional<std::string>("2024-01-08"));
  CHECK(on("They met LAST SUNDAY.") == std::optional<std::string>("2024-01-07"));
  CHECK(on("They meet this Wednesday.") == std::optional<std::string>("2024-01-10"));
  CHECK(on("They met yesterday.") == std::optional<std::string>("2024-01-09"));
  CHECK(on("They met.") == wednesday);
  // A weekday phrase wins over "yesterday", before or after it.
  CHECK(on("Yesterday he said they had met on Monday.") == std::optional<std::string>("2024-01-08"));
  CHECK(on("They met on Monday, he said yesterday.") == std::optional<std::string>("2024-01-08"));
  // Whole words only, and a bare weekday is no phrase.
  CHECK(on("Mondays are slow; the yesterdays are gone.") == wednesday);
  CHECK(on("They met Monday and yesterdayish.") == wednesday);
  CHECK(on("He spoke of Monday; they met yesterday.") == std::optional<std::string>("2024-01-09"));
  // Without a readable article date nothing is resolved.
  CHECK_FALSE(resolve_event_date("They met yesterday.", std::nullopt));
  CHECK(resolve_event_date("They met yesterday.", std::string("unknown")) == std::optional<std::string>("unknown"));
  CHECK(resolve_event_date("They met.", std::string("unknown")) == std::optional<std::string>("unknown"));
}

TEST_CASE("dates: the article date as sources write it") {
  CHECK(newsgraph::parse_article_date("2023-12-13") == std::optional<std::string>("2023-12-13"));
  CHECK(newsgraph::parse_article_date(" 7-APR-1987 11:41:18.32") == std::optional<std::string>("1987-04-07"));
  CHECK(newsgraph::parse_article_date("November 6, 2017 ") == std::optional<std::string>("2017-11-06"));
  CHECK_FALSE(newsgraph::parse_article_date("someday"));
}
