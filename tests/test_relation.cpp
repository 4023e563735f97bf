// Relation records as JSON lines: to_json writes them by hand, and must write exactly what
// rapidjson's Writer wrote (earlier outputs and gold files compare byte for byte), with
// invalid UTF-8 replaced; relation_from_json reads them back.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "extract/relation.h"

using newsgraph::Relation;

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 (the rule records follow).
std::size_t valid_length(const std::string& s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  auto c1 = static_cast<unsigned char>(s[i + 1]);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
    return 0;
  return n;
}

std::string replace_invalid(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = valid_length(s, i);
    out += n ? s.substr(i, n) : "\xEF\xBF\xBD";
    i += n ? n : 1;
  }
  return out;
}

// The record as rapidjson's Writer writes it: the reference to_json must match.
std::string rapidjson_record(const Relation& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&](const char* key, const std::string& v) {
    w.Key(key);
    std::string clean = replace_invalid(v);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  };
  auto opt = [&](const char* key, const std::optional<std::string>& v) {
    if (v) return str(key, *v);
    w.Key(key);
    w.Null();
  };
  w.StartObject();
  str("doc", r.doc);
  str("relation", r.relation);
  str("category", r.category);
  w.Key("symmetric");
  w.Bool(r.symmetric);
  str("subject", r.subject);
  str("object", r.object);
  if (r.category == "office") {
    str("title", r.title);
    opt("org", r.org);
    w.Key("former");
    w.Bool(r.former);
  } else if (r.org) {
    opt("org", r.org);
  }
  if (r.org_full) opt("org_full", r.org_full);
  str("evidence", r.evidence);
  w.Key("span");
  w.StartArray();
  w.Uint64(r.span_begin);
  w.Uint64(r.span_end);
  w.EndArray();
  opt("date", r.date);
  opt("place", r.place);
  str("rule", r.rule);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

Relation office_record() {
  Relation r;
  r.doc = "d1";
  r.relation = "holds_office";
  r.category = "office";
  r.subject = "Wang Yi";
  r.title = "Foreign Minister";
  r.object = "Foreign Minister";
  r.evidence = "Foreign Minister Wang Yi said.";
  r.span_begin = 12;
  r.span_end = 42;
  r.rule = "office.title-before-name";
  return r;
}

}  // namespace

TEST_CASE("records: to_json writes what rapidjson's Writer writes, whatever the bytes") {
  using namespace std::string_literals;
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  const std::vector<std::string> texts = {
      "",
      "plain text",
      "quotes \" and \\ backslash / slash",
      "controls \b\f\n\r\t \x01\x02\x1f\x7f and a NUL \0 inside"s,
      "UTF-8: caf\xC3\xA9, \xE4\xB8\xAD\xE6\x96\x87, \xF0\x9F\x98\x80",
      "invalid: \xC3 alone, \xE0\x80\x80 overlong, \xED\xA0\x80 surrogate, \xF4\x90\x80\x80 too high, \xFF",
      "truncated at the end \xE4\xB8",
      every_byte,
  };
  for (const auto& text : texts) {
    CAPTURE(text);
    Relation r = office_record();
    r.evidence = text;
    r.subject = text;
    CHECK(newsgraph::to_json(r) == rapidjson_record(r));
    r.org = text;
    r.org_full = "Communist Party of " + text;
    r.former = true;
    r.date = "2024-01-02";
    r.place = text;
    CHECK(newsgraph::to_json(r) == rapidjson_record(r));
    r.relation = "member_of";
    r.category = "membership";
    CHECK(newsgraph::to_json(r) == rapidjson_record(r));
    r.org.reset();
    r.relation = "met_with";
    r.category = "meeting";
    r.symmetric = true;
    r.span_begin = 0;
    r.span_end = 18446744073709551615u;
    CHECK(newsgraph::to_json(r) == rapidjson_record(r));
  }
}

TEST_CASE("records: to_json sees a byte to escape or replace wherever it stands") {
  // Plain bytes go in blocks of eight: put each kind of byte at every offset of a block.
  const std::string specials[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xC3\xA9", "\xC3", "\xFF", " ", "~"};
  for (const auto& special : specials)
    for (std::size_t at = 0; at < 20; ++at) {
      Relation r = office_record();
      r.evidence = std::string(at, 'a') + special + std::string(20 - at, 'b');
      CAPTURE(r.evidence);
      CHECK(newsgraph::to_json(r) == rapidjson_record(r));
    }
}

TEST_CASE("records: what to_json writes reads back") {
  Relation r = office_record();
  r.org = "Communist Party of China (CPC) Central Committee";
  r.org_full = "CPC";
  r.date = "2024-01-02";
  r.evidence = "He said \"no\"\tand\nleft.";
  Relation back = newsgraph::relation_from_json(newsgraph::to_json(r));
  CHECK(back.subject == r.subject);
  CHECK(back.title == r.title);
  CHECK(back.org == r.org);
  CHECK(back.org_full == r.org_full);
  CHECK(back.evidence == r.evidence);
  CHECK(back.span_begin == r.span_begin);
  CHECK(back.span_end == r.span_end);
  CHECK(back.date == r.date);
  CHECK_FALSE(back.place);
  CHECK(back.rule == r.rule);
}
