#include "extract/lexicon.h"

#include <rapidjson/document.h>

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

void load_set(std::string_view file, WordSet& out, std::size_t* max_words = nullptr) {
  for_each_line(file, [&](std::string_view line) {
    out.insert(to_lower_ascii(line));
    if (max_words) *max_words = std::max(*max_words, word_count(line));
  });
}

}  // namespace

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Lexicon::Lexicon() {
  load_set("titles.txt", titles_, &max_title_words_);
  load_set("title_modifiers.txt", title_modifiers_);
  load_set("portfolios.txt", portfolios_);
  load_set("title_heads.txt", title_heads_);
  load_set("honorifics.txt", honorifics_);
  load_set("org_words.txt", org_words_);
  load_set("place_words.txt", place_words_);
  load_set("non_names.txt", non_names_);
  load_set("places.txt", places_);
  load_set("role_words.txt", role_words_);
  for_each_line("party_words.txt", [&](std::string_view line) {
    auto bar = line.find('|');
    if (bar == std::string_view::npos) return;
    parties_[to_lower_ascii(trim(line.substr(0, bar)))] = std::string(trim(line.substr(bar + 1)));
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
          countries_.emplace(to_lower_ascii(n), shown);
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
        if (c.IsObject() && c.HasMember("name") && c["name"].IsString()) places_.insert(to_lower_ascii(c["name"].GetString()));
  }
  for_each_line("country_aliases.txt", [&](std::string_view line) {
    auto bar = line.find('|');
    if (bar == std::string_view::npos) return;
    auto alias = trim(line.substr(0, bar));
    countries_[to_lower_ascii(alias)] = std::string(trim(line.substr(bar + 1)));
    max_country_words_ = std::max(max_country_words_, word_count(alias));
  });

  // The words a title can begin with (see may_start_title).
  auto first_word = [](const std::string& s) { return s.substr(0, s.find(' ')); };
  for (const auto& t : titles_) title_starts_.insert(first_word(t));
  for (const auto& p : portfolios_) title_starts_.insert(first_word(p));
  title_starts_.insert(title_heads_.begin(), title_heads_.end());
  title_starts_.insert(title_modifiers_.begin(), title_modifiers_.end());
}

bool Lexicon::may_start_title(std::string_view lower) const {
  if (title_starts_.count(lower)) return true;
  for (std::string_view p : {"vice-", "co-", "deputy-"})
    if (lower.size() > p.size() && lower.substr(0, p.size()) == p) return title_starts_.count(p.substr(0, p.size() - 1)) > 0;
  return false;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lexicon;
  return lexicon;
}

std::string_view Lexicon::party(std::string_view lower) const {
  auto it = parties_.find(lower);
  return it == parties_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view Lexicon::country(std::string_view lower) const {
  auto it = countries_.find(lower);
  return it == countries_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace newsgraph
