#include <doctest/doctest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/normalize.h"
#include "tests/test_support.h"

using newsgraph::fold_key;
using newsgraph::normalize_text;
using newsgraph::NormalizedText;
using newsgraph::strip_diacritics;

namespace {

// The original bytes behind a clean substring found by text.
std::string original_of(std::string_view original, const NormalizedText& n,
                        std::string_view needle) {
  std::size_t b = n.text.find(needle);
  REQUIRE(b != std::string::npos);
  auto [ob, oe] = n.to_original(b, b + needle.size());
  return std::string(original.substr(ob, oe - ob));
}

void check_invariants(std::string_view original, const NormalizedText& n) {
  REQUIRE(n.origin.size() == n.text.size() + 1);
  CHECK(n.origin.back() == original.size());
  for (std::size_t i = 1; i < n.origin.size(); ++i) REQUIRE(n.origin[i - 1] <= n.origin[i]);
}

}  // namespace

TEST_CASE("normalize: a hard line wrap inside a name becomes a space, offsets map back") {
  std::string original = "Paul\nVolcker met  the press.";
  NormalizedText n = normalize_text(original);
  CHECK(n.text == "Paul Volcker met the press.");
  check_invariants(original, n);
  CHECK(original_of(original, n, "Paul Volcker") == "Paul\nVolcker");
  CHECK(original_of(original, n, "Volcker") == "Volcker");
  CHECK(original_of(original, n, "met the") == "met  the");
  auto [b, e] = n.to_original(0, n.text.size());
  CHECK(b == 0);
  CHECK(e == original.size());
}

TEST_CASE("normalize: whitespace runs collapse, blank lines become paragraph breaks") {
  std::string original = "  \t Headline here \r\n\r\n  First   line\nwraps.\n \n\nSecond.\n\n";
  NormalizedText n = normalize_text(original);
  CHECK(n.text == "Headline here\nFirst line wraps.\nSecond.");
  check_invariants(original, n);
  // A span at the very end does not take in the trailing newlines.
  auto [b, e] = n.to_original(n.text.find("Second."), n.text.size());
  CHECK(original.substr(b, e - b) == "Second.");
  // Non-breaking spaces are whitespace too.
  CHECK(normalize_text("Ho\xC2\xA0"
                       "Chi\xC2\xA0"
                       "Minh")
            .text == "Ho Chi Minh");
}

TEST_CASE("normalize: SGML and HTML entities are decoded") {
  std::string original = "&lt;AMERICAN EXPRESS&gt; &amp; Co said &quot;yes&quot;&#3;";
  NormalizedText n = normalize_text(original);
  CHECK(n.text == "<AMERICAN EXPRESS> & Co said \"yes\"");
  check_invariants(original, n);
  CHECK(original_of(original, n, "<AMERICAN") == "&lt;AMERICAN");
  CHECK(original_of(original, n, "EXPRESS>") == "EXPRESS&gt;");
  CHECK(original_of(original, n, "\"yes\"") == "&quot;yes&quot;");

  CHECK(normalize_text("Jos&#233; Mar&#xED;a").text ==
        "Jos\xC3\xA9 Mar\xC3\xAD"
        "a");
  CHECK(normalize_text("Ren&eacute; caf&Eacute;").text == "Ren\xC3\xA9 caf\xC3\x89");
  CHECK(normalize_text("a&nbsp;&nbsp;b").text == "a b");
  // Windows-1252 code points in numeric entities, as old feeds write them.
  CHECK(normalize_text("it&#146;s").text == "it's");
  // Not entities, or unknown ones, are kept as written.
  CHECK(normalize_text("AT&T and R&D &bogus; & &#;").text == "AT&T and R&D &bogus; & &#;");
  CHECK(normalize_text("&#1114112; &#0;").text == "\xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST_CASE("normalize: curly quotes, dashes and ellipsis become ASCII") {
  std::string original =
      "\xE2\x80\x9CWe agreed,\xE2\x80\x9D she said \xE2\x80\x94 it\xE2\x80\x99s done\xE2\x80\xA6";
  NormalizedText n = normalize_text(original);
  CHECK(n.text == "\"We agreed,\" she said - it's done...");
  check_invariants(original, n);
  CHECK(original_of(original, n, "it's") == "it\xE2\x80\x99s");
  CHECK(original_of(original, n, "done...") == "done\xE2\x80\xA6");
  CHECK(normalize_text("1990\xE2\x80\x93"
                       "91")
            .text == "1990-91");
}

TEST_CASE("normalize: invalid UTF-8 and NUL become U+FFFD without crashing") {
  std::string original(
      "ab\xFF\xFE"
      "c",
      5);
  original += std::string("d\0e", 3);
  original += "\xE2\x82";  // truncated sequence at the end
  NormalizedText n = normalize_text(original);
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(n.text == "ab" + fffd + fffd + "cd" + fffd + "e" + fffd);
  check_invariants(original, n);

  // Surrogates and overlong forms are invalid too.
  CHECK(normalize_text("\xED\xA0\x80x").text == fffd + fffd + fffd + "x");
  CHECK(normalize_text("\xC0\xAF").text == fffd + fffd);

  // Every possible byte on its own.
  for (int c = 0; c < 256; ++c) {
    std::string one(1, static_cast<char>(c));
    std::string s = "x" + one + "y";
    check_invariants(s, normalize_text(s));
  }
}

TEST_CASE("normalize: text becomes NFC and origins point at the base letter") {
  std::string original = "Cafe\xCC\x81 and Hu\xE1\xBB\x87";  // e + combining acute; precomposed ệ
  NormalizedText n = normalize_text(original);
  CHECK(n.text == "Caf\xC3\xA9 and Hu\xE1\xBB\x87");
  check_invariants(original, n);
  // The composed letter maps back over the letter and its mark.
  CHECK(original_of(original, n, "Caf\xC3\xA9") == "Cafe\xCC\x81");
  CHECK(original_of(original, n, "Hu\xE1\xBB\x87") == "Hu\xE1\xBB\x87");
  // Decomposed Vietnamese: o + horn + grave composes, the origin stays monotonic.
  std::string viet = "Vu\xCC\x9Bo\xCC\x9B\xCC\x80ng";
  NormalizedText v = normalize_text(viet);
  CHECK(v.text == "V\xC6\xB0\xE1\xBB\x9Dng");
  check_invariants(viet, v);
  CHECK(original_of(viet, v, v.text) == viet);
}

TEST_CASE("normalize: invisible characters are dropped, control characters too") {
  CHECK(normalize_text("\xEF\xBB\xBFHello").text == "Hello");
  CHECK(normalize_text("co\xC2\xAD"
                       "operate")
            .text == "cooperate");
  CHECK(normalize_text("a\x01\x7F"
                       "b")
            .text == "ab");
  CHECK(normalize_text("").text.empty());
  CHECK(normalize_text(" \n\n ").text.empty());
  NormalizedText empty = normalize_text("   ");
  CHECK(empty.origin.size() == 1);
  CHECK(empty.origin[0] == 3);
}

TEST_CASE("fold_key: case, diacritics and punctuation are folded") {
  CHECK(fold_key("V\xC6\xB0\xC6\xA1ng \xC4\x90\xC3\xACnh Hu\xE1\xBB\x87") == "vuong dinh hue");
  CHECK(fold_key("Vuong Dinh Hue") == "vuong dinh hue");
  CHECK(fold_key("  Xi   JINPING ") == "xi jinping");
  CHECK(fold_key("O'Brien") == "obrien");
  CHECK(fold_key("Jean-Pierre Raffarin") == "jean pierre raffarin");
  CHECK(fold_key("U.S.") == "us");
  // Letters that have no Unicode decomposition.
  CHECK(fold_key("S\xC3\xB8ren \xC5\x81ukasz") == "soren lukasz");
  CHECK(fold_key("\xC3\x86sir \xC5\x93uvre") == "aesir oeuvre");
  CHECK(fold_key("\xC3\x9Eor \xC4\xA7 \xC4\xB1 \xC3\xB0") == "thor h i d");
  CHECK(fold_key("Stra\xC3\x9F"
                 "e") == "strasse");
  // Decomposed input folds the same as precomposed.
  CHECK(fold_key("Jose\xCC\x81") == fold_key("Jos\xC3\xA9"));
  // Invalid bytes do not throw.
  CHECK_NOTHROW(fold_key(std::string("a\xFF\0b", 4)));
}

TEST_CASE("strip_diacritics keeps case and punctuation") {
  CHECK(strip_diacritics("V\xC6\xB0\xC6\xA1ng \xC4\x90\xC3\xACnh Hu\xE1\xBB\x87") ==
        "Vuong Dinh Hue");
  CHECK(strip_diacritics("\xC3\x98rsted, \xC5\x81\xC3\xB3"
                         "d\xC5\xBA") == "Orsted, Lodz");
  CHECK(strip_diacritics("plain ASCII, kept.") == "plain ASCII, kept.");
}

TEST_CASE("normalize: random fragments keep the invariants and give NFC") {
  // Pieces chosen to hit entities, marks, broken UTF-8, Hangul jamo and whitespace together.
  const std::string pieces[] = {"&amp;",
                                "&#x",
                                "&#12",
                                "3;",
                                " ",
                                "\n",
                                "\n\n",
                                "Mr.",
                                "e\xCC\x81",
                                "\xE2\x80\x9C",
                                "\xE2\x80\xA6",
                                ".",
                                "\"",
                                "\xFF",
                                "\xC3",
                                "\xA9",
                                std::string(1, '\0'),
                                "A",
                                "&",
                                "\xED\xA0\x80",
                                "\xF0\x9F\x98\x80",
                                "\xEA\xB0\x80",
                                "\xE1\x86\xA8",
                                "\xCC\x81",
                                "\xE1\x84\x80",
                                "\xE1\x85\xA1",
                                "\xC2\xA0",
                                "\xEF\xBB\xBF"};
  constexpr std::size_t kPieces = sizeof pieces / sizeof pieces[0];
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;  // fixed seed: failures reproduce
    return state >> 8;
  };
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    for (int k = static_cast<int>(next() % 30); k > 0; --k) s += pieces[next() % kPieces];
    NormalizedText n = normalize_text(s);
    check_invariants(s, n);
    // The clean text is already NFC.
    utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(n.text.c_str()));
    REQUIRE(nfc != nullptr);
    if (n.text.find('\0') == std::string::npos)
      CHECK(std::string(reinterpret_cast<const char*>(nfc)) == n.text);
    std::free(nfc);
    std::string again;
    for (char c : n.text) {
      again.push_back(c);
      if (c == '\n') again.push_back('\n');  // a lone "\n" would read as a line wrap
    }
    if (n.text.find('&') == std::string::npos) CHECK(normalize_text(again).text == n.text);
    CHECK_NOTHROW(fold_key(s));
  }
}

TEST_CASE("normalize: the rest of the HTML5 entity table is known") {
  // Names outside the short built-in list come from data/html5_entities.txt.
  CHECK(normalize_text("&Scaron;koda &alpha;&beta; &rarr; &hearts;").text ==
        "\xC5\xA0koda \xCE\xB1\xCE\xB2 \xE2\x86\x92 \xE2\x99\xA5");
  // Without the final ';' nothing is decoded.
  CHECK(normalize_text("&alpha &copy").text == "&alpha &copy");
}
