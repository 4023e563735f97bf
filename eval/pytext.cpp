#include "eval/pytext.h"

#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "extract/embedded.h"

namespace newsgraph::eval {
namespace {

struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};

// utf8proc_map with the given options; throws on invalid input (callers pass valid UTF-8).
std::string map_utf8(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                        static_cast<utf8proc_ssize_t>(s.size()), &out,
                        static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> hold(out);
  if (n < 0) throw std::runtime_error(std::string("utf8proc: ") + utf8proc_errmsg(n));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

bool is_category_letter_or_number(char32_t c) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// Python's str.isprintable() for one character (used by repr()).
bool is_printable(char32_t c) {
  if (c == U' ') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

// --- html.unescape -------------------------------------------------------------------------

using EntityTable = std::unordered_map<std::u32string, std::u32string>;

// data/html5_entities.txt: "name<TAB>hex code points" (the WHATWG table html.unescape uses).
const EntityTable& html5_entities() {
  static const EntityTable table = [] {
    EntityTable t;
    auto data = newsgraph::embedded_file("html5_entities.txt");
    if (!data) throw std::runtime_error("embedded file html5_entities.txt is missing");
    std::string_view rest = *data;
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::u32string value;
      std::string_view cps = line.substr(tab + 1);
      while (!cps.empty()) {
        auto sp = cps.find(' ');
        std::string_view hex = cps.substr(0, sp);
        unsigned long cp = 0;
        std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
        value.push_back(static_cast<char32_t>(cp));
        cps = sp == std::string_view::npos ? std::string_view() : cps.substr(sp + 1);
      }
      t.emplace(to_u32(line.substr(0, tab)), std::move(value));
    }
    return t;
  }();
  return table;
}

// HTML5's replacements for numeric references to C1 controls and NUL/CR.
char32_t invalid_charref(char32_t num, bool& found) {
  static const std::unordered_map<char32_t, char32_t> table = {
      {0x00, 0xfffd}, {0x0d, 0x0d},   {0x80, 0x20ac}, {0x81, 0x81},   {0x82, 0x201a}, {0x83, 0x192},
      {0x84, 0x201e}, {0x85, 0x2026}, {0x86, 0x2020}, {0x87, 0x2021}, {0x88, 0x2c6},  {0x89, 0x2030},
      {0x8a, 0x160},  {0x8b, 0x2039}, {0x8c, 0x152},  {0x8d, 0x8d},   {0x8e, 0x17d},  {0x8f, 0x8f},
      {0x90, 0x90},   {0x91, 0x2018}, {0x92, 0x2019}, {0x93, 0x201c}, {0x94, 0x201d}, {0x95, 0x2022},
      {0x96, 0x2013}, {0x97, 0x2014}, {0x98, 0x2dc},  {0x99, 0x2122}, {0x9a, 0x161},  {0x9b, 0x203a},
      {0x9c, 0x153},  {0x9d, 0x9d},   {0x9e, 0x17e},  {0x9f, 0x178},
  };
  auto it = table.find(num);
  found = it != table.end();
  return found ? it->second : 0;
}

// Code points a numeric reference may not produce (they decode to nothing).
bool invalid_codepoint(char32_t c) {
  if ((c >= 0x1 && c <= 0x8) || c == 0xb || (c >= 0xe && c <= 0x1f) || (c >= 0x7f && c <= 0x9f))
    return true;
  if (c >= 0xfdd0 && c <= 0xfdef) return true;
  return (c & 0xfffe) == 0xfffe;  // U+xFFFE and U+xFFFF in every plane
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_ascii_hex(char32_t c) {
  return is_ascii_digit(c) || (c >= U'a' && c <= U'f') || (c >= U'A' && c <= U'F');
}
bool named_ref_char(char32_t c) {
  return c != U'\t' && c != U'\n' && c != U'\f' && c != U' ' && c != U'<' && c != U'&' && c != U'#' &&
         c != U';';
}

void append_numeric(std::u32string& out, char32_t num) {
  bool found = false;
  char32_t repl = invalid_charref(num, found);
  if (found) {
    out.push_back(repl);
  } else if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) {
    out.push_back(0xfffd);
  } else if (!invalid_codepoint(num)) {
    out.push_back(num);
  }
}

void append_hex4(std::string& out, unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\u%04x", v);
  out += buf;
}

// repr() of a float, Python style: shortest round-trip digits, fixed notation for
// 1e-4 <= |x| < 1e16, else "1e+16".
std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);  // "-1.2345e+02"
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  auto epos = sci.find('e');
  std::string digits = sci.substr(0, epos);
  int exp10 = std::stoi(sci.substr(epos + 1));
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  int decpt = exp10 + 1;
  std::string out = neg ? "-" : "";
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out.append("0.");
      out.append(static_cast<std::size_t>(-decpt), '0');
      out.append(digits);
    } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
      out.append(digits);
      out.append(static_cast<std::size_t>(decpt) - digits.size(), '0');
      out.append(".0");
    } else {
      out.append(digits, 0, static_cast<std::size_t>(decpt));
      out.push_back('.');
      out.append(digits, static_cast<std::size_t>(decpt));
    }
  } else {
    out.push_back(digits[0]);
    if (digits.size() > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out.append(e);
  }
  return out;
}

std::string number_str(const rapidjson::Value& v) {
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  return float_repr(v.GetDouble());
}

}  // namespace

// --- UTF-8 ---------------------------------------------------------------------------------

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {  // invalid byte: callers validate first; never loop forever
      out.push_back(0xfffd);
      ++i;
      continue;
    }
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

std::size_t py_len(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  return n;
}

// --- character classes ---------------------------------------------------------------------

bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
         c == 0x3000;
}

bool is_word(char32_t c) {
  if (c < 0x80)
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') || c == U'_';
  return is_category_letter_or_number(c);
}

// --- normalisation -------------------------------------------------------------------------

std::string casefold(std::string_view s) {
  // CASEFOLD alone: no decomposition and no reordering, like str.casefold().
  return map_utf8(s, UTF8PROC_CASEFOLD);
}

std::string nfc(std::string_view s) { return map_utf8(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string fold_diacritics(std::string_view s) {
  std::u32string d = to_u32(map_utf8(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT));
  std::u32string kept;
  kept.reserve(d.size());
  for (char32_t c : d) {
    if (utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class != 0) continue;
    switch (c) {
      case 0x00f8: kept += U"o"; break;
      case 0x0142: kept += U"l"; break;
      case 0x0111:
      case 0x00f0: kept += U"d"; break;
      case 0x00e6: kept += U"ae"; break;
      case 0x0153: kept += U"oe"; break;
      case 0x0131: kept += U"i"; break;
      case 0x00fe: kept += U"th"; break;
      case 0x0127: kept += U"h"; break;
      default: kept.push_back(c);
    }
  }
  return nfc(to_utf8(kept));
}

std::string html_unescape(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  const std::u32string in = to_u32(s);
  const EntityTable& entities = html5_entities();
  std::u32string out;
  out.reserve(in.size());
  std::size_t i = 0;
  const std::size_t n = in.size();
  while (i < n) {
    if (in[i] != U'&') {
      out.push_back(in[i++]);
      continue;
    }
    std::size_t j = i + 1;
    if (j < n && in[j] == U'#') {
      // &#[0-9]+;?  or  &#[xX][0-9a-fA-F]+;?
      std::size_t k = j + 1;
      bool hex = k < n && (in[k] == U'x' || in[k] == U'X');
      std::size_t start = hex ? k + 1 : k;
      std::size_t e = start;
      char32_t num = 0;
      while (e < n && (hex ? is_ascii_hex(in[e]) : is_ascii_digit(in[e]))) {
        char32_t c = in[e];
        unsigned d = c <= U'9' ? c - U'0' : (c | 0x20) - U'a' + 10;
        if (num <= 0x10ffff) num = num * (hex ? 16 : 10) + d;  // saturates above the Unicode range
        ++e;
      }
      if (e == start) {  // no digits: not a reference
        out.push_back(in[i++]);
        continue;
      }
      if (e < n && in[e] == U';') ++e;
      append_numeric(out, num > 0x10ffff ? 0x110000 : num);
      i = e;
      continue;
    }
    // [^\t\n\f <&#;]{1,32};?
    std::size_t e = j;
    while (e < n && e - j < 32 && named_ref_char(in[e])) ++e;
    if (e == j) {
      out.push_back(in[i++]);
      continue;
    }
    if (e < n && in[e] == U';') ++e;
    std::u32string name = in.substr(j, e - j);
    if (auto it = entities.find(name); it != entities.end()) {
      out += it->second;
    } else {
      bool done = false;
      // The longest known prefix of at least two characters, the rest kept as written.
      for (std::size_t x = name.size() - 1; x > 1 && name.size() > 2; --x) {
        if (auto p = entities.find(name.substr(0, x)); p != entities.end()) {
          out += p->second;
          out += name.substr(x);
          done = true;
          break;
        }
      }
      if (!done) {
        out.push_back(U'&');
        out += name;
      }
    }
    i = e;
  }
  return to_utf8(out);
}

// --- strip / split ---------------------------------------------------------------------------

std::string py_strip(std::string_view s) {
  std::u32string u = to_u32(s);
  std::size_t b = 0, e = u.size();
  while (b < e && is_space(u[b])) ++b;
  while (e > b && is_space(u[e - 1])) --e;
  return to_utf8(std::u32string_view(u).substr(b, e - b));
}

std::string py_strip_chars(std::string_view s, std::string_view chars) {
  std::size_t b = 0, e = s.size();
  while (b < e && chars.find(s[b]) != std::string_view::npos) ++b;
  while (e > b && chars.find(s[e - 1]) != std::string_view::npos) --e;
  return std::string(s.substr(b, e - b));
}

std::string py_rstrip_chars(std::string_view s, std::string_view chars) {
  std::size_t e = s.size();
  while (e > 0 && chars.find(s[e - 1]) != std::string_view::npos) --e;
  return std::string(s.substr(0, e));
}

std::string collapse_space(std::string_view s) {
  std::u32string u = to_u32(s);
  std::u32string out;
  out.reserve(u.size());
  for (std::size_t i = 0; i < u.size();) {
    if (is_space(u[i])) {
      while (i < u.size() && is_space(u[i])) ++i;
      out.push_back(U' ');
    } else {
      out.push_back(u[i++]);
    }
  }
  return to_utf8(out);
}

std::vector<std::string> py_split(std::string_view s) {
  std::u32string u = to_u32(s);
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < u.size()) {
    while (i < u.size() && is_space(u[i])) ++i;
    std::size_t b = i;
    while (i < u.size() && !is_space(u[i])) ++i;
    if (i > b) out.push_back(to_utf8(std::u32string_view(u).substr(b, i - b)));
  }
  return out;
}

std::vector<std::string> split_on_space(std::string_view s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (true) {
    auto sp = s.find(' ', b);
    out.emplace_back(s.substr(b, sp == std::string_view::npos ? std::string_view::npos : sp - b));
    if (sp == std::string_view::npos) break;
    b = sp + 1;
  }
  return out;
}

std::string basic(std::string_view s) {
  std::string t = nfc(html_unescape(s));
  std::string r;
  r.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    // U+2018 / U+2019 are E2 80 98 / E2 80 99
    if (t.compare(i, 3, "\xE2\x80\x98") == 0 || t.compare(i, 3, "\xE2\x80\x99") == 0) {
      r.push_back('\'');
      i += 2;
    } else {
      r.push_back(t[i]);
    }
  }
  return py_strip(collapse_space(casefold(r)));
}

// --- Python values -----------------------------------------------------------------------------

std::string py_repr(std::string_view s) {
  std::u32string u = to_u32(s);
  bool has_single = u.find(U'\'') != std::u32string::npos;
  bool has_double = u.find(U'"') != std::u32string::npos;
  char32_t quote = has_single && !has_double ? U'"' : U'\'';
  std::string out;
  append_utf8(out, quote);
  for (char32_t c : u) {
    if (c == quote || c == U'\\') {
      out.push_back('\\');
      append_utf8(out, c);
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (c < 0x7f || is_printable(c)) {
      append_utf8(out, c);
    } else {
      char buf[16];
      if (c <= 0xff)
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      else if (c <= 0xffff)
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      else
        std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    }
  }
  append_utf8(out, quote);
  return out;
}

std::string py_repr(const rapidjson::Value* v) {
  if (v == nullptr || v->IsNull()) return "None";
  if (v->IsString()) return py_repr(std::string_view(v->GetString(), v->GetStringLength()));
  if (v->IsArray()) {
    std::string out = "[";
    bool first = true;
    for (const auto& e : v->GetArray()) {
      if (!first) out += ", ";
      first = false;
      out += py_repr(&e);
    }
    return out + "]";
  }
  if (v->IsObject()) {
    // A dict keeps the first position of a duplicated key and its last value.
    std::vector<std::string> keys;
    std::string out = "{";
    bool first = true;
    for (auto it = v->MemberBegin(); it != v->MemberEnd(); ++it) {
      std::string key(it->name.GetString(), it->name.GetStringLength());
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      keys.push_back(key);
      if (!first) out += ", ";
      first = false;
      out += py_repr(key) + ": " + py_repr(member(*v, key));
    }
    return out + "}";
  }
  return py_str(v);
}

std::string py_str(const rapidjson::Value* v) {
  if (v == nullptr || v->IsNull()) return "None";
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsBool()) return v->GetBool() ? "True" : "False";
  if (v->IsNumber()) return number_str(*v);
  return py_repr(v);
}

bool py_truthy(const rapidjson::Value* v) {
  if (v == nullptr || v->IsNull()) return false;
  if (v->IsBool()) return v->GetBool();
  if (v->IsString()) return v->GetStringLength() > 0;
  if (v->IsArray()) return !v->Empty();
  if (v->IsObject()) return v->MemberCount() > 0;
  if (v->IsInt64()) return v->GetInt64() != 0;
  if (v->IsUint64()) return v->GetUint64() != 0;
  return v->GetDouble() != 0.0;
}

std::string json_quote(std::string_view s, bool ensure_ascii) {
  std::string out = "\"";
  for (char32_t c : to_u32(s)) {
    switch (c) {
      case U'"': out += "\\\""; break;
      case U'\\': out += "\\\\"; break;
      case U'\n': out += "\\n"; break;
      case U'\r': out += "\\r"; break;
      case U'\t': out += "\\t"; break;
      case U'\b': out += "\\b"; break;
      case U'\f': out += "\\f"; break;
      default:
        if (c < 0x20 || (ensure_ascii && c > 0x7e)) {
          if (c > 0xffff) {
            char32_t v = c - 0x10000;
            append_hex4(out, 0xd800 + (v >> 10));
            append_hex4(out, 0xdc00 + (v & 0x3ff));
          } else {
            append_hex4(out, c);
          }
        } else {
          append_utf8(out, c);
        }
    }
  }
  return out + "\"";
}

const rapidjson::Value* member(const rapidjson::Value& obj, std::string_view key) {
  if (!obj.IsObject()) return nullptr;
  const rapidjson::Value* found = nullptr;
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it)
    if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == key) found = &it->value;
  return found;
}

}  // namespace newsgraph::eval
