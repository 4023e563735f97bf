#include "extract/lexicon.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "extract/embedded.h"

namespace newsgraph {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 1;
  for (char c : s)
    if (c == ' ') ++n;
  return n;
}

// Calls fn(line) for every non-blank, non-comment line of an embedded list.
template <typename Fn>
void for_each_line(std::string_view file, Fn fn) {
  auto contents = embedded_file(file);
  // A missing list is a build error, not a user error: the file list is fixed in CMake.
  if (!contents) throw std::logic_error("embedded lexicon missing: " + std::string(file));
  std::string_view rest = *contents;
  while (!rest.empty()) {
    auto nl = rest.find('\n');
    std::string_view line = trim(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    fn(line);
  }
}

// The English plural of a phrase's last word ("foreign minister" -> "foreign ministers",
// "chairman" -> "chairmen", "secretary" -> "secretaries"); "" for abbreviations ("sen.",
// "mp"), hyphenated forms and words that already end in "s".
std::string plural_of(std::string_view phrase) {
  std::size_t cut = phrase.rfind(' ');
  std::string_view last = cut == std::string_view::npos ? phrase : phrase.substr(cut + 1);
  if (last.size() < 4 || last.back() == 's' || last.find_first_of(".-") != std::string_view::npos) return {};
  std::string out(phrase);
  if (last.ends_with("man")) {
    out.replace(out.size() - 3, 3, "men");
  } else if (last.back() == 'y' && std::string_view("aeiou").find(last[last.size() - 2]) == std::string_view::npos) {
    out.replace(out.size() - 1, 1, "ies");
  } else if (last.ends_with("ch") || last.ends_with("sh") || last.back() == 'x') {
    out += "es";
  } else {
    out += 's';
  }
  return out;
}

}  // namespace

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_ascii(c);
  return out;
}

void WordTable::rehash(std::size_t slots) {
  slots_.assign(slots, Slot{});
  mask_ = slots - 1;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    std::uint64_t h = hash(entries_[e].key);
    std::size_t i = h & mask_;
    while (slots_[i].entry >= 0) i = (i + 1) & mask_;
    slots_[i] = {static_cast<std::uint32_t>(h >> 32), static_cast<std::int32_t>(e)};
  }
}

WordTable::Entry& WordTable::add(std::string_view lower) {
  if (const Entry* e = find(lower)) return entries_[static_cast<std::size_t>(e - entries_.data())];
  // Keep the table at most half full, so that a miss (most tokens) ends after a probe or two.
  if ((entries_.size() + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
  entries_.push_back({std::string(lower), 0, -1, -1});
  std::uint64_t h = hash(lower);
  std::size_t i = h & mask_;
  while (slots_[i].entry >= 0) i = (i + 1) & mask_;
  slots_[i] = {static_cast<std::uint32_t>(h >> 32), static_cast<std::int32_t>(entries_.size() - 1)};
  return entries_.back();
}

Lexicon::Lexicon() {
  // A list file, one entry a line; a line may end in a mark ("justice | before a name") that
  // adds a second flag to that entry.
  struct Mark {
    std::string_view suffix;
    std::uint32_t flag;
  };
  auto load = [&](std::string_view file, std::uint32_t flag, std::size_t* max_words = nullptr, Mark mark = {}) {
    for_each_line(file, [&](std::string_view line) {
      std::uint32_t f = flag;
      if (!mark.suffix.empty() && line.ends_with(mark.suffix)) {
        line.remove_suffix(mark.suffix.size());
        f |= mark.flag;
      }
      words_.add(to_lower_ascii(line)).flags |= f;
      if (max_words) *max_words = std::max(*max_words, word_count(line));
    });
  };
  load("titles.txt", kTitle, &max_title_words_, {" | before a name", kTitleBeforeName});
  load("title_modifiers.txt", kTitleModifier);
  load("portfolios.txt", kPortfolio);
  load("title_heads.txt", kTitleHead);
  {
    std::vector<std::string> plurals;
    for (const auto& e : words_.entries())
      if (e.flags & (kTitle | kTitleHead))
        if (auto p = plural_of(e.key); !p.empty()) plurals.push_back(std::move(p));
    for (const auto& w : plurals) words_.add(w).flags |= kPluralTitle;
  }
  load("honorifics.txt", kHonorific, nullptr, {" | rank", kRank});
  load("org_words.txt", kOrgWord);
  load("place_words.txt", kPlaceWord);
  load("non_names.txt", kNonName);
  // "Downing Street | institution": the place stands for the people who work there.
  for_each_line("places.txt", [&](std::string_view line) {
    constexpr std::string_view kInstitution = " | institution";
    bool institution = line.ends_with(kInstitution);
    if (institution) line.remove_suffix(kInstitution.size());
    auto& e = places_.add(to_lower_ascii(line));
    if (institution) e.flags |= kInstitutionPlace;
  });
  load("role_words.txt", kRoleWord);
  load("surname_countries.txt", kSurnameCountry);
  load("given_name_words.txt", kGivenNameWord);
  load("post_nominals.txt", kPostNominal);
  load("female_first_names.txt", kFemaleName);
  load("male_first_names.txt", kMaleName);
  auto set_value = [&](std::string_view key, std::string_view value, bool party) {
    auto& e = words_.add(to_lower_ascii(key));
    values_.emplace_back(value);
    (party ? e.party : e.country) = static_cast<std::int32_t>(values_.size() - 1);
    e.flags |= party ? kParty : kCountry;
  };
  for_each_line("party_words.txt", [&](std::string_view line) {
    auto bar = line.find('|');
    if (bar == std::string_view::npos) return;
    set_value(trim(line.substr(0, bar)), trim(line.substr(bar + 1)), true);
  });

  // iso-codes: "name", "common_name" (e.g. "Bolivia" beside "Bolivia, Plurinational State of").
  auto iso = embedded_file("iso_3166-1.json");
  if (!iso) throw std::logic_error("embedded iso_3166-1.json missing");
  rapidjson::Document d;
  d.Parse(iso->data(), iso->size());
  if (!d.HasParseError() && d.IsObject() && d.HasMember("3166-1") && d["3166-1"].IsArray()) {
    for (const auto& c : d["3166-1"].GetArray()) {
      if (!c.IsObject()) continue;
      std::string shown;
      for (const char* key : {"common_name", "name"}) {
        if (c.HasMember(key) && c[key].IsString()) {
          std::string_view n = c[key].GetString();
          if (n.find(',') != std::string_view::npos || n.find('(') != std::string_view::npos) continue;
          if (shown.empty()) shown = std::string(n);
          // The first name given wins (as with a map's emplace): "common_name" is the one shown.
          if (country(to_lower_ascii(n)).empty()) set_value(n, shown, false);
          max_country_words_ = std::max(max_country_words_, word_count(n));
        }
      }
    }
  }
  if (auto sub = embedded_file("iso_3166-2.json")) {
    rapidjson::Document s;
    s.Parse(sub->data(), sub->size());
    if (!s.HasParseError() && s.IsObject() && s.HasMember("3166-2") && s["3166-2"].IsArray())
      for (const auto& c : s["3166-2"].GetArray())
        if (c.IsObject() && c.HasMember("name") && c["name"].IsString()) places_.add(to_lower_ascii(c["name"].GetString()));
  }
  // Aliases override iso-codes ("u.s." -> "U.S.").
  for_each_line("country_aliases.txt", [&](std::string_view line) {
    auto bar = line.find('|');
    if (bar == std::string_view::npos) return;
    auto alias = trim(line.substr(0, bar));
    set_value(alias, trim(line.substr(bar + 1)), false);
    max_country_words_ = std::max(max_country_words_, word_count(alias));
  });

  // The words a title can begin with (see may_start_title).
  std::vector<std::pair<std::string, std::uint32_t>> starts;
  for (const auto& e : words_.entries()) {
    if (e.flags & (kTitle | kPortfolio | kPluralTitle)) starts.emplace_back(e.key.substr(0, e.key.find(' ')), kTitleStart);
    if (e.flags & kPluralTitle) starts.emplace_back(e.key.substr(e.key.rfind(' ') + 1), kTitleEnd);
    if (e.flags & (kTitleHead | kTitleModifier)) starts.emplace_back(e.key, kTitleStart);
    if (e.flags & kCountry) starts.emplace_back(e.key.substr(0, e.key.find(' ')), kCountryStart);
    if (e.flags & kPortfolio) starts.emplace_back(e.key.substr(0, e.key.find(' ')), kPortfolioStart);
    if (e.flags & (kTitle | kPortfolio)) starts.emplace_back(e.key.substr(e.key.rfind(' ') + 1), kTitleEnd);
    if (e.flags & kTitleHead) starts.emplace_back(e.key, kTitleEnd);
  }
  starts.emplace_back("affairs", kTitleEnd);  // "Minister for Foreign Affairs"
  for (const auto& e : words_.entries())
    if ((e.flags & kHonorific) && e.key.find(' ') != std::string::npos)
      starts.emplace_back(e.key.substr(0, e.key.find(' ')), kHonorificStart);
  // "May" is left out: it is a first name and a verb more often than the month in a name run.
  for (const char* w : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "june", "july", "august", "september", "october",
                        "november", "december", "today", "yesterday"})
    starts.emplace_back(w, kCalendar);
  for (const auto& [w, flag] : starts) words_.add(w).flags |= flag;
}

bool Lexicon::may_start_title(std::string_view lower) const {
  if (flags(lower) & kTitleStart) return true;
  for (std::string_view p : {"vice-", "co-", "deputy-"})
    if (lower.size() > p.size() && lower.substr(0, p.size()) == p) return flags(p.substr(0, p.size() - 1)) & kTitleStart;
  return false;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lexicon;
  return lexicon;
}

}  // namespace newsgraph
