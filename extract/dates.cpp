#include "extract/dates.h"

#include <re2/re2.h>

#include <array>
#include <chrono>
#include <cstdio>

#include "extract/lexicon.h"

namespace newsgraph {
namespace {

int month_number(std::string_view name) {
  static const std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = to_lower_ascii(name.substr(0, 3));
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (lower == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

std::optional<std::string> format(int y, int m, int d) {
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

std::optional<std::chrono::sys_days> to_days(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

std::string from_days(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::optional<std::string> parse_article_date(std::string_view raw) {
  static const RE2 iso(R"((\d{4})-(\d{2})-(\d{2}))");
  static const RE2 dmy(R"((\d{1,2})-([A-Za-z]{3})-(\d{4}))");
  static const RE2 mdy(R"(([A-Za-z]+)\.? (\d{1,2}),? (\d{4}))");
  static const RE2 dmy_words(R"((\d{1,2}) ([A-Za-z]+) (\d{4}))");
  int y = 0, d = 0;
  std::string m;
  int mi = 0;
  if (RE2::PartialMatch(raw, iso, &y, &mi, &d)) return format(y, mi, d);
  if (RE2::PartialMatch(raw, dmy, &d, &m, &y) && month_number(m)) return format(y, month_number(m), d);
  if (RE2::PartialMatch(raw, mdy, &m, &d, &y) && month_number(m)) return format(y, month_number(m), d);
  if (RE2::PartialMatch(raw, dmy_words, &d, &m, &y) && month_number(m)) return format(y, month_number(m), d);
  return std::nullopt;
}

std::optional<std::string> resolve_event_date(std::string_view sentence, const std::optional<std::string>& article_date) {
  if (!article_date) return std::nullopt;
  static const RE2 weekday(R"((?i)\b(?:on|last|this) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)");
  static const RE2 yesterday(R"((?i)\byesterday\b)");
  // Both at once: most sentences name neither, and one pass over them says so. Its leftmost
  // match is a weekday phrase only if that is the leftmost weekday phrase, with the same day.
  static const RE2 either(
      R"((?i)\b(?:(?:on|last|this) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday)\b)");
  std::string day;
  if (!RE2::PartialMatch(sentence, either, &day)) return article_date;
  auto base = to_days(*article_date);
  if (!base) return article_date;
  // "yesterday" came first: a weekday phrase later in the sentence still wins.
  if (!day.empty() || RE2::PartialMatch(sentence, weekday, &day)) {
    static const std::array<const char*, 7> kDays = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    unsigned target = 0;
    for (unsigned i = 0; i < kDays.size(); ++i)
      if (to_lower_ascii(day) == kDays[i]) target = i;
    std::chrono::weekday wd{*base};
    unsigned back = (wd.c_encoding() + 7 - target) % 7;
    return from_days(*base - std::chrono::days{back});
  }
  if (RE2::PartialMatch(sentence, yesterday)) return from_days(*base - std::chrono::days{1});
  return article_date;
}

}  // namespace newsgraph
