#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/normalize.h"
#include "extract/sentences.h"
#include "tests/test_support.h"

using newsgraph::normalize_text;
using newsgraph::NormalizedText;
using newsgraph::SentenceSpan;
using newsgraph::split_sentences;

namespace {

std::vector<std::string> split(const std::string& original) {
  NormalizedText n = normalize_text(original);
  std::vector<std::string> out;
  for (const SentenceSpan& s : split_sentences(n))
    out.push_back(n.text.substr(s.begin, s.end - s.begin));
  return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("sentences: plain full stops, question and exclamation marks") {
  CHECK(split("The talks ended. Both sides left. Why? Nobody knows! 42 people waited.") ==
        Sentences{"The talks ended.", "Both sides left.", "Why?", "Nobody knows!",
                  "42 people waited."});
  CHECK(split("One sentence without a stop") == Sentences{"One sentence without a stop"});
  CHECK(split("").empty());
  CHECK(split("  \n\n ").empty());
  // Lowercase after a stop does not start a sentence.
  CHECK(split("It rained, etc. and then it stopped.") ==
        Sentences{"It rained, etc. and then it stopped."});
}

TEST_CASE("sentences: titles and abbreviations do not end a sentence") {
  CHECK(split("Mr. Smith met Dr. Jones and Gen. Lee in St. Louis on Friday.") ==
        Sentences{"Mr. Smith met Dr. Jones and Gen. Lee in St. Louis on Friday."});
  CHECK(
      split("Sen. Ana Ruiz and Rep. Tom Bell spoke to Lt. Col. Grant, Gov. Hale and Mrs. Hale.") ==
      Sentences{
          "Sen. Ana Ruiz and Rep. Tom Bell spoke to Lt. Col. Grant, Gov. Hale and Mrs. Hale."});
  CHECK(split("She arrived at No. 10 Downing Street. Reporters waited.") ==
        Sentences{"She arrived at No. 10 Downing Street.", "Reporters waited."});
  CHECK(split("The ruling in Smith vs. Jones stands.") ==
        Sentences{"The ruling in Smith vs. Jones stands."});
  CHECK(split("Acme Corp. Chairman Ron Dale met Beta Inc. President Sue Kim.") ==
        Sentences{"Acme Corp. Chairman Ron Dale met Beta Inc. President Sue Kim."});
}

TEST_CASE("sentences: an ambiguous abbreviation ends a sentence before a typical opener") {
  CHECK(split("He joined Acme Inc. The company makes bolts.") ==
        Sentences{"He joined Acme Inc.", "The company makes bolts."});
  CHECK(split("Talks were held with the U.S. The meeting was brief.") ==
        Sentences{"Talks were held with the U.S.", "The meeting was brief."});
  CHECK(
      split("The U.S. Embassy and the U.N. Security Council and the E.U. Commission agreed.") ==
      Sentences{"The U.S. Embassy and the U.N. Security Council and the E.U. Commission agreed."});
  // Regression: a capitalised noun after "U.S." is no sentence opener.
  CHECK(split("Ships sought protection in the region, U.S. Officials said.") ==
        Sentences{"Ships sought protection in the region, U.S. Officials said."});
  CHECK(split("He met the U.S. Under Secretary of State.") ==
        Sentences{"He met the U.S. Under Secretary of State."});
  CHECK(split("They met at 10 a.m. He left at noon.") ==
        Sentences{"They met at 10 a.m.", "He left at noon."});
  CHECK(split("The U.K. Foreign Office said so, i.e. Britain agreed.") ==
        Sentences{"The U.K. Foreign Office said so, i.e. Britain agreed."});
}

TEST_CASE("sentences: month abbreviations before a day") {
  CHECK(split("The summit opened on Dec. 13 in Hanoi. It lasted two days.") ==
        Sentences{"The summit opened on Dec. 13 in Hanoi.", "It lasted two days."});
  CHECK(split("They met on Sept. 4 and Jan. 20, 2021.") ==
        Sentences{"They met on Sept. 4 and Jan. 20, 2021."});
}

TEST_CASE("sentences: initials") {
  CHECK(split("J. P. Morgan met George W. Bush. They talked.") ==
        Sentences{"J. P. Morgan met George W. Bush.", "They talked."});
  CHECK(split("Ahmed A. Ali arrived.") == Sentences{"Ahmed A. Ali arrived."});
}

TEST_CASE("sentences: decimals and numbers") {
  CHECK(
      split("Growth was 4.8 percent. Prices rose 0.5 percent in 2023. 15 firms closed.") ==
      Sentences{"Growth was 4.8 percent.", "Prices rose 0.5 percent in 2023.", "15 firms closed."});
  CHECK(split("Version 2.0.1 shipped.") == Sentences{"Version 2.0.1 shipped."});
}

TEST_CASE("sentences: a sentence may end inside quotes or brackets") {
  CHECK(
      split("\"We will work together,\" he said. \"It is a new era.\" Next came lunch.") ==
      Sentences{"\"We will work together,\" he said.", "\"It is a new era.\"", "Next came lunch."});
  CHECK(split("\"Why now?\" she asked. Nobody answered.") ==
        Sentences{"\"Why now?\" she asked.", "Nobody answered."});
  CHECK(split("He called it \"a deal\". The others agreed.") ==
        Sentences{"He called it \"a deal\".", "The others agreed."});
  CHECK(split("(The vote was close.) Then it passed.") ==
        Sentences{"(The vote was close.)", "Then it passed."});
  // Curly quotes are ASCII by the time the splitter sees them.
  CHECK(split("He said \xE2\x80\x9Cno.\xE2\x80\x9D Then he left.") ==
        Sentences{"He said \"no.\"", "Then he left."});
}

TEST_CASE("sentences: datelines and BBC style") {
  CHECK(split("WASHINGTON, March 11 - The Treasury said on Tuesday it would act. Markets rose.") ==
        Sentences{"WASHINGTON, March 11 - The Treasury said on Tuesday it would act.",
                  "Markets rose."});
  CHECK(split("HANOI, Dec. 13 (Xinhua) -- Leaders met here on Wednesday.") ==
        Sentences{"HANOI, Dec. 13 (Xinhua) -- Leaders met here on Wednesday."});
  CHECK(split("Mr Blair met Mr Brown at No 10. Dr Reid joined them.") ==
        Sentences{"Mr Blair met Mr Brown at No 10.", "Dr Reid joined them."});
}

TEST_CASE("sentences: a paragraph break always ends a sentence, a line wrap never does") {
  CHECK(split("A headline without a stop\n\nThe body begins\nhere and wraps.") ==
        Sentences{"A headline without a stop", "The body begins here and wraps."});
  CHECK(split("Meeting with Mr.\n\nSmith") == Sentences{"Meeting with Mr.", "Smith"});
}

TEST_CASE("sentences: spans are trimmed, ordered and map back to the original") {
  std::string original = "  First one.   Second\none?\n\n\"Third,\" he said.  ";
  NormalizedText n = normalize_text(original);
  std::vector<SentenceSpan> spans = split_sentences(n);
  REQUIRE(spans.size() == 3);
  std::vector<std::string> back;
  for (const SentenceSpan& s : spans) {
    auto [b, e] = n.to_original(s.begin, s.end);
    back.push_back(original.substr(b, e - b));
  }
  CHECK(back == Sentences{"First one.", "Second\none?", "\"Third,\" he said."});
}

namespace {

void check_document(const std::string& where, const std::string& text) {
  NormalizedText n = normalize_text(text);
  REQUIRE_MESSAGE(n.origin.size() == n.text.size() + 1, where);
  REQUIRE_MESSAGE(n.origin.back() == text.size(), where);
  for (std::size_t i = 1; i < n.origin.size(); ++i) {
    REQUIRE_MESSAGE(n.origin[i - 1] <= n.origin[i], where << " at clean byte " << i);
  }
  std::size_t prev_end = 0;
  for (const SentenceSpan& s : split_sentences(n)) {
    REQUIRE_MESSAGE(s.begin < s.end, where);
    REQUIRE_MESSAGE(s.end <= n.text.size(), where);
    REQUIRE_MESSAGE(s.begin >= prev_end, where);
    char first = n.text[s.begin], last = n.text[s.end - 1];
    CHECK_MESSAGE((first != ' ' && first != '\n' && last != ' ' && last != '\n'), where);
    CHECK_MESSAGE(n.text.find('\n', s.begin) >= s.end, where << ": sentence spans a paragraph");
    auto [ob, oe] = n.to_original(s.begin, s.end);
    REQUIRE_MESSAGE(ob < oe, where);
    REQUIRE_MESSAGE(oe <= text.size(), where);
    prev_end = s.end;
  }
}

}  // namespace

TEST_CASE("sentences: invariants over the shared articles") {
  std::filesystem::path shared = newsgraph::test::shared_dir();
  if (shared.empty()) {
    MESSAGE("skipped: ../shared not found");
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "dev")) {
    if (std::filesystem::exists(entry.path() / "articles.jsonl"))
      files.push_back(entry.path() / "articles.jsonl");
  }
  if (std::filesystem::exists(shared / "samples" / "articles.jsonl"))
    files.push_back(shared / "samples" / "articles.jsonl");
  std::size_t documents = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      rapidjson::Document json;
      json.Parse(line.data(), line.size());
      if (json.HasParseError() || !json.IsObject() || !json.HasMember("text") ||
          !json["text"].IsString())
        continue;
      std::string text(json["text"].GetString(), json["text"].GetStringLength());
      check_document(file.string() + ":" + std::to_string(line_no), text);
      ++documents;
    }
  }
  MESSAGE("checked " << documents << " shared articles");
  CHECK(documents > 0);
}

TEST_CASE("sentences: a list item after a full stop starts a sentence") {
  CHECK(split("Obama put them in place. * Feb. 13: Flynn is fired. * Feb. 16: Trump speaks.") ==
        Sentences{"Obama put them in place.", "* Feb. 13: Flynn is fired.", "* Feb. 16: Trump speaks."});
  CHECK(split("It ended. - Next item here.") == Sentences{"It ended.", "- Next item here."});
  CHECK(split("It ended. \xE2\x80\xA2 Next item here.") == Sentences{"It ended.", "\xE2\x80\xA2 Next item here."});
  // A hyphen inside a sentence after a number with a dot stays.
  CHECK(split("Growth was 4.8 - a record.") == Sentences{"Growth was 4.8 - a record."});
}
