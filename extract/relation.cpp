#include "extract/relation.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

namespace newsgraph {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kCategories = {{
    {"met_with", "meeting"},
    {"phoned", "call"},
    {"holds_office", "office"},
    {"member_of", "membership"},
    {"affiliated_with", "affiliation"},
}};

// Length of the valid UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates, at most
// U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = at(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  unsigned char c1 = at(i + 1);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
    return 0;
  return n;
}

// Appends a JSON string exactly as rapidjson's Writer wrote records before: \" \\ \b \t \n \f
// \r, \u00XX (upper-case hex) for the other control bytes, every other byte as it is. Written
// by hand because records are most of what extract writes: runs of plain bytes are copied at
// once. Records are UTF-8 JSON whatever the input: evidence is cut from the original text,
// which may hold invalid UTF-8 (a Latin-1 file, a lone surrogate from a JSON "\udc00"), so
// each invalid byte is written as U+FFFD. Spans still point into the original bytes.
// Bytes written as they are without a look at their neighbours: printable ASCII but " and \.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// Whether all 8 bytes of `w` are plain: none below 0x20, none from 0x80, no " and no \.
// (Bitwise tests on all bytes at once: a byte's top bit ends up set where one is not plain.)
constexpr bool all_plain(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kTops = 0x8080808080808080ull;
  auto has_below = [&](std::uint64_t x, std::uint64_t n) { return (x - kOnes * n) & ~x & kTops; };
  auto has_equal = [&](std::uint64_t x, std::uint64_t c) { return has_below(x ^ (kOnes * c), 1); };
  return ((w & kTops) | has_below(w, 0x20) | has_equal(w, '"') | has_equal(w, '\\')) == 0;
}

void append_string(std::string& out, std::string_view v) {
  out += '"';
  std::size_t copied = 0;  // v[copied, i) is plain and not yet appended
  std::size_t i = 0;
  while (i < v.size()) {
    std::uint64_t word;
    if (i + sizeof word <= v.size() && (std::memcpy(&word, v.data() + i, sizeof word), all_plain(word))) {
      i += sizeof word;
      continue;
    }
    auto c = static_cast<unsigned char>(v[i]);
    if (kPlain[c]) {
      ++i;
      continue;
    }
    std::size_t n = c >= 0x80 ? utf8_length(v, i) : 0;
    if (n > 0) {
      i += n;
      continue;
    }
    out.append(v.data() + copied, i - copied);
    if (c >= 0x80) {
      out += "\xEF\xBF\xBD";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else {
      static constexpr char kShort[] = "uuuuuuuubtnufruuuuuuuuuuuuuuuuuu";  // rapidjson's escape table
      static constexpr char kHex[] = "0123456789ABCDEF";
      static_assert(sizeof kShort == 33);
      out += '\\';
      out += kShort[c];
      if (kShort[c] == 'u') {
        const char rest[4] = {'0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(rest, sizeof rest);
      }
    }
    copied = ++i;
  }
  out.append(v.data() + copied, v.size() - copied);
  out += '"';
}

// One member: `"key":value`, after a comma unless it is the first (the object holds only "{").
void member(std::string& out, const char* name) {
  if (out.size() > 1) out += ',';
  out += '"';
  out += name;
  out += "\":";
}

void put(std::string& out, const char* name, std::string_view value) {
  member(out, name);
  append_string(out, value);
}

void put_optional(std::string& out, const char* name, const std::optional<std::string>& value) {
  member(out, name);
  if (value)
    append_string(out, *value);
  else
    out += "null";
}

void put(std::string& out, const char* name, bool value) {
  member(out, name);
  out += value ? "true" : "false";
}

void append_number(std::string& out, std::size_t n) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

std::string get_string(const rapidjson::Value& obj, const char* key, bool required) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) {
    if (required) throw RecordError(std::string("missing field \"") + key + "\"");
    return {};
  }
  if (!it->value.IsString()) throw RecordError(std::string("field \"") + key + "\" is not a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<std::string> get_optional(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsString()) throw RecordError(std::string("field \"") + key + "\" is not a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

std::string_view category_of(std::string_view relation) {
  for (const auto& [rel, cat] : kCategories)
    if (rel == relation) return cat;
  return {};
}

std::string_view relation_of_category(std::string_view category) {
  for (const auto& [rel, cat] : kCategories)
    if (cat == category) return rel;
  return {};
}

std::string to_json(const Relation& r) {
  std::string out;
  out.reserve(320 + r.evidence.size());
  out += '{';
  put(out, "doc", r.doc);
  put(out, "relation", r.relation);
  put(out, "category", r.category);
  put(out, "symmetric", r.symmetric);
  put(out, "subject", r.subject);
  put(out, "object", r.object);
  if (r.category == "office") {
    put(out, "title", r.title);
    put_optional(out, "org", r.org);
    put(out, "former", r.former);
  } else if (r.org) {
    put_optional(out, "org", r.org);
  }
  if (r.org_full) put(out, "org_full", *r.org_full);
  put(out, "evidence", r.evidence);
  member(out, "span");
  out += '[';
  append_number(out, r.span_begin);
  out += ',';
  append_number(out, r.span_end);
  out += ']';
  put_optional(out, "date", r.date);
  put_optional(out, "place", r.place);
  put(out, "rule", r.rule);
  out += '}';
  return out;
}

Relation relation_from_json(std::string_view line) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());  // deep nesting: no stack overflow
  if (d.HasParseError())
    throw RecordError(std::string("invalid JSON at column ") + std::to_string(d.GetErrorOffset() + 1) +
                      ": " + rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsObject()) throw RecordError("a relation record must be a JSON object");

  Relation r;
  r.doc = get_string(d, "doc", true);
  r.relation = get_string(d, "relation", false);
  r.category = get_string(d, "category", false);
  if (r.category.empty()) r.category = std::string(category_of(r.relation));
  if (r.relation.empty() || category_of(r.relation).empty()) {
    auto rel = relation_of_category(r.category);
    if (!rel.empty() && r.relation.empty()) r.relation = std::string(rel);
  }
  if (r.relation.empty() && r.category.empty()) throw RecordError("missing field \"relation\" or \"category\"");
  r.subject = get_string(d, "subject", true);
  r.object = get_string(d, "object", true);
  if (auto it = d.FindMember("symmetric"); it != d.MemberEnd() && it->value.IsBool())
    r.symmetric = it->value.GetBool();
  else
    r.symmetric = r.category == "meeting" || r.category == "call";
  r.title = get_string(d, "title", false);
  r.org = get_optional(d, "org");
  if (auto it = d.FindMember("former"); it != d.MemberEnd() && it->value.IsBool()) r.former = it->value.GetBool();
  r.org_full = get_optional(d, "org_full");
  r.evidence = get_string(d, "evidence", false);
  if (auto it = d.FindMember("span"); it != d.MemberEnd()) {
    const auto& s = it->value;
    if (!s.IsArray() || s.Size() != 2 || !s[0].IsUint64() || !s[1].IsUint64())
      throw RecordError("field \"span\" must be [begin, end] with non-negative integers");
    r.span_begin = s[0].GetUint64();
    r.span_end = s[1].GetUint64();
  }
  r.date = get_optional(d, "date");
  r.place = get_optional(d, "place");
  r.rule = get_string(d, "rule", false);
  return r;
}

}  // namespace newsgraph
