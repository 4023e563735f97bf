// Fuzzes the text side of the pipeline on one document: normalisation, the sentence splitter,
// entity tagging and the built-in rules (extract/normalize.h, sentences.h, extractor.h).
// The input is the article's text; an input starting with "DATE:" has its first line taken as
// the article's date ("DATE: 2024-04-08"), which exercises date resolution.
//
// Properties: no crash, no exception; the origin map is well formed; sentences are ordered,
// non-overlapping and inside the clean text; every record's span lies inside the original text
// and its JSON is valid UTF-8 that reads back.
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "extract/normalize.h"
#include "extract/relation.h"
#include "extract/sentences.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsgraph::Extractor extractor;  // built-in rules, compiled once

  std::string_view in(reinterpret_cast<const char*>(data), size);
  newsgraph::Document doc;
  doc.id = "fuzz";
  if (in.substr(0, 5) == "DATE:") {
    std::size_t nl = in.find('\n');
    doc.date = std::string(in.substr(5, nl == std::string_view::npos ? in.size() - 5 : nl - 5));
    in.remove_prefix(nl == std::string_view::npos ? in.size() : nl + 1);
  }
  doc.text = std::string(in);

  newsgraph::NormalizedText clean = newsgraph::normalize_text(doc.text);
  FUZZ_CHECK(clean.origin.size() == clean.text.size() + 1);
  FUZZ_CHECK(clean.origin.back() == doc.text.size());
  for (std::size_t i = 0; i + 1 < clean.origin.size(); ++i) {
    FUZZ_CHECK(clean.origin[i] <= clean.origin[i + 1]);
    FUZZ_CHECK(clean.origin[i] < doc.text.size());
  }
  FUZZ_CHECK(valid_utf8(clean.text));

  std::size_t last_end = 0;
  for (const auto& s : newsgraph::split_sentences(clean)) {
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.end <= clean.text.size());
    FUZZ_CHECK(s.begin >= last_end);
    last_end = s.end;
    auto [b, e] = clean.to_original(s.begin, s.end);
    FUZZ_CHECK(b <= e && e <= doc.text.size());
  }

  for (const newsgraph::Relation& r : extractor.extract(doc)) {
    FUZZ_CHECK(r.doc == doc.id);
    FUZZ_CHECK(!r.subject.empty() && !r.object.empty());
    FUZZ_CHECK(!newsgraph::category_of(r.relation).empty());
    FUZZ_CHECK(r.span_begin <= r.span_end && r.span_end <= doc.text.size());
    std::string json = newsgraph::to_json(r);
    FUZZ_CHECK(valid_utf8(json));
    newsgraph::Relation back = newsgraph::relation_from_json(json);  // throws if not a record
    FUZZ_CHECK(back.subject == r.subject || !valid_utf8(r.subject));
    FUZZ_CHECK(back.span_begin == r.span_begin && back.span_end == r.span_end);
  }
  return 0;
}
