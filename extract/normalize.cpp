#include "extract/normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <unordered_map>

#include "extract/embedded.h"

namespace newsgraph {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 character at s[i]. Returns the code point and sets len; an invalid
// sequence yields U+FFFD and len = the length of its maximal valid prefix (at least 1), as
// the Unicode standard recommends, so one bad byte never swallows the good ones after it.
char32_t decode_utf8(const unsigned char* s, std::size_t n, std::size_t i, std::size_t& len) {
  unsigned char c = s[i];
  if (c < 0x80) {
    len = 1;
    return c;
  }
  std::size_t need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    len = 1;
    return kReplacement;
  }
  std::size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= n) break;
    unsigned char b = s[i + k];
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) break;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (k <= need) {
    len = k;
    return kReplacement;
  }
  len = need + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

struct NamedEntity {
  const char* name;
  char32_t cp;
};

// HTML names seen in news feeds: markup escapes, typography, and the Latin-1 letters.
constexpr NamedEntity kEntities[] = {
    {"AElig", 0xC6},   {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Agrave", 0xC0},
    {"Aring", 0xC5},   {"Atilde", 0xC3},   {"Auml", 0xC4},     {"Ccedil", 0xC7},
    {"ETH", 0xD0},     {"Eacute", 0xC9},   {"Ecirc", 0xCA},    {"Egrave", 0xC8},
    {"Euml", 0xCB},    {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Igrave", 0xCC},
    {"Iuml", 0xCF},    {"Ntilde", 0xD1},   {"OElig", 0x152},   {"Oacute", 0xD3},
    {"Ocirc", 0xD4},   {"Ograve", 0xD2},   {"Oslash", 0xD8},   {"Otilde", 0xD5},
    {"Ouml", 0xD6},    {"Scaron", 0x160},  {"THORN", 0xDE},    {"Uacute", 0xDA},
    {"Ucirc", 0xDB},   {"Ugrave", 0xD9},   {"Uuml", 0xDC},     {"Yacute", 0xDD},
    {"Yuml", 0x178},   {"aacute", 0xE1},   {"acirc", 0xE2},    {"aelig", 0xE6},
    {"agrave", 0xE0},  {"amp", '&'},       {"apos", '\''},     {"aring", 0xE5},
    {"atilde", 0xE3},  {"auml", 0xE4},     {"bdquo", 0x201E},  {"bull", 0x2022},
    {"ccedil", 0xE7},  {"cent", 0xA2},     {"copy", 0xA9},     {"deg", 0xB0},
    {"divide", 0xF7},  {"eacute", 0xE9},   {"ecirc", 0xEA},    {"egrave", 0xE8},
    {"emsp", 0x2003},  {"ensp", 0x2002},   {"eth", 0xF0},      {"euml", 0xEB},
    {"euro", 0x20AC},  {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"gt", '>'},       {"hellip", 0x2026}, {"iacute", 0xED},   {"icirc", 0xEE},
    {"iexcl", 0xA1},   {"igrave", 0xEC},   {"iquest", 0xBF},   {"iuml", 0xEF},
    {"laquo", 0xAB},   {"ldquo", 0x201C},  {"lsaquo", 0x2039}, {"lsquo", 0x2018},
    {"lt", '<'},       {"mdash", 0x2014},  {"middot", 0xB7},   {"minus", 0x2212},
    {"nbsp", 0xA0},    {"ndash", 0x2013},  {"ntilde", 0xF1},   {"oacute", 0xF3},
    {"ocirc", 0xF4},   {"oelig", 0x153},   {"ograve", 0xF2},   {"ordf", 0xAA},
    {"ordm", 0xBA},    {"oslash", 0xF8},   {"otilde", 0xF5},   {"ouml", 0xF6},
    {"para", 0xB6},    {"plusmn", 0xB1},   {"pound", 0xA3},    {"quot", '"'},
    {"raquo", 0xBB},   {"rdquo", 0x201D},  {"reg", 0xAE},      {"rsaquo", 0x203A},
    {"rsquo", 0x2019}, {"sbquo", 0x201A},  {"scaron", 0x161},  {"sect", 0xA7},
    {"shy", 0xAD},     {"szlig", 0xDF},    {"thinsp", 0x2009}, {"thorn", 0xFE},
    {"times", 0xD7},   {"trade", 0x2122},  {"uacute", 0xFA},   {"ucirc", 0xFB},
    {"ugrave", 0xF9},  {"uuml", 0xFC},     {"yacute", 0xFD},   {"yen", 0xA5},
    {"yuml", 0xFF},
};

// Windows-1252 meanings of &#128;..&#159;: old feeds write &#146; for a right quote.
constexpr char32_t kCp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The rest of the WHATWG table (data/html5_entities.txt, embedded), for names the short list
// above lacks. Only names with the final ';' and a single code point are used: news text has
// "AT&T" and "R&D", where decoding a prefix without ';' would do harm.
const std::unordered_map<std::string_view, char32_t>& html5_entities() {
  static const std::unordered_map<std::string_view, char32_t> table = [] {
    std::unordered_map<std::string_view, char32_t> t;
    std::optional<std::string_view> data = embedded_file("html5_entities.txt");
    if (!data) return t;
    std::string_view rest = *data;
    while (!rest.empty()) {
      std::size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      std::size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos || tab < 2 ||
          line[tab - 1] != ';')
        continue;
      std::string_view hex = line.substr(tab + 1);
      char32_t cp = 0;
      bool ok = !hex.empty();
      for (char c : hex) {
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                       : -1;
        if (d < 0 || cp > 0x10FFFF) {
          ok = c == '\r' && cp != 0;  // anything else (a second code point) is not for us
          break;
        }
        cp = cp * 16 + static_cast<char32_t>(d);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF) t.emplace(line.substr(0, tab - 1), cp);
    }
    return t;
  }();
  return table;
}

// An entity at s[i] == '&'. Returns false when it is not one we decode (it is then kept as
// written); otherwise sets cp and len (the whole "&...;").
bool decode_entity(std::string_view s, std::size_t i, char32_t& cp, std::size_t& len) {
  constexpr std::size_t kMaxLen = 40;  // the longest HTML5 name has 31 letters
  std::size_t end = i + 1;
  while (end < s.size() && end - i <= kMaxLen && s[end] != ';') {
    char c = s[end];
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
    if (!ok) return false;
    ++end;
  }
  if (end >= s.size() || s[end] != ';' || end == i + 1) return false;
  std::string_view body = s.substr(i + 1, end - i - 1);
  len = end - i + 1;
  if (body[0] == '#') {
    std::size_t k = 1;
    int base = 10;
    if (k < body.size() && (body[k] == 'x' || body[k] == 'X')) {
      base = 16;
      ++k;
    }
    if (k == body.size()) return false;
    uint32_t v = 0;
    for (; k < body.size(); ++k) {
      char c = body[k];
      int d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (base == 16 && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (base == 16 && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      else
        return false;
      v = v * base + d;
      if (v > 0x10FFFF) {
        v = 0x110000;  // saturate: out of range, becomes U+FFFD below
        break;
      }
    }
    if (v >= 0x80 && v <= 0x9F && kCp1252[v - 0x80]) v = kCp1252[v - 0x80];
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = kReplacement;
    cp = v;
    return true;
  }
  for (const NamedEntity& e : kEntities) {
    if (body == e.name) {
      cp = e.cp;
      return true;
    }
  }
  const auto& more = html5_entities();
  if (auto it = more.find(body); it != more.end()) {
    cp = it->second;
    return true;
  }
  return false;
}

// What one input character becomes in the clean text.
enum class Kind { kKeep, kSpace, kNewline, kParagraph, kDrop, kAscii, kEllipsis };

Kind classify(char32_t cp, char& ascii) {
  switch (cp) {
    case '\n':
    case 0x0B:
    case 0x85:
    case 0x2028:
      return Kind::kNewline;
    case 0x0C:
    case 0x2029:
      return Kind::kParagraph;
    case ' ':
    case '\t':
    case 0xA0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Kind::kSpace;
    case 0xAD:
    case 0x200B:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0xFEFF:
      return Kind::kDrop;  // invisible: soft hyphen, zero-width space, marks, BOM
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      ascii = '\'';
      return Kind::kAscii;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      ascii = '"';
      return Kind::kAscii;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      ascii = '-';
      return Kind::kAscii;
    case 0x2026:
      return Kind::kEllipsis;
    case 0:
      return Kind::kKeep;  // the caller turns NUL into U+FFFD
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return Kind::kSpace;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return Kind::kDrop;  // other control characters
  if (cp < 0x80) {
    ascii = static_cast<char>(cp);
    return Kind::kAscii;
  }
  return Kind::kKeep;
}

// Code points that are NFC on their own and never compose with a neighbour; a run made only of
// these (and ASCII) skips utf8proc. Covers Latin (incl. Vietnamese precomposed letters),
// Cyrillic, CJK ideographs and common punctuation, i.e. nearly all news text.
bool nfc_inert(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0x2FF) || (cp >= 0x400 && cp <= 0x482) ||
         (cp >= 0x48A && cp <= 0x4FF) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
         (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
         (cp >= 0x20A0 && cp <= 0x20C0) || (cp >= 0x3040 && cp <= 0x3098) ||
         (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || cp == kReplacement;
}

// Builds the clean text in one pass. ASCII is copied directly; a run that holds a character
// which may change under NFC is normalised by utf8proc when the run ends.
class Normalizer {
 public:
  explicit Normalizer(std::string_view in) : in_(in) {
    out_.text.reserve(in.size());
    out_.origin.reserve(in.size() + 1);
  }

  NormalizedText run() {
    const auto* s = reinterpret_cast<const unsigned char*>(in_.data());
    const std::size_t n = in_.size();
    std::size_t i = 0;
    while (i < n) {
      unsigned char c = s[i];
      if (c > ' ' && c < 0x7F && c != '&') {
        // Fast path: copy a run of printable ASCII at once, single spaces between words
        // included (a lone ' ' before a printable character comes out as itself).
        auto printable = [&](std::size_t k) { return s[k] > ' ' && s[k] < 0x7F && s[k] != '&'; };
        std::size_t j = i + 1;
        while (j < n && (printable(j) || (s[j] == ' ' && j + 1 < n && printable(j + 1)))) ++j;
        begin_ascii();
        std::size_t base = out_.text.size();
        out_.text.append(in_.data() + i, j - i);
        out_.origin.resize(base + (j - i));
        for (std::size_t k = 0; k < j - i; ++k)
          out_.origin[base + k] = static_cast<uint32_t>(i + k);
        segment_start_ = out_.text.size() - 1;  // only the last letter can take a mark
        last_end_ = static_cast<uint32_t>(j);
        i = j;
        continue;
      }
      if (c == ' ') {
        space(static_cast<uint32_t>(i), 0);
        ++i;
        continue;
      }
      if (c == '\r') {
        // "\r\n" counts as one line break, a lone "\r" (old Mac files) as one too.
        if (i + 1 < n && s[i + 1] == '\n') {
          space(static_cast<uint32_t>(i), 1);
          i += 2;
        } else {
          space(static_cast<uint32_t>(i), 1);
          ++i;
        }
        continue;
      }
      char32_t cp;
      std::size_t len;
      if (c == '&') {
        if (!decode_entity(in_, i, cp, len)) {
          cp = '&';
          len = 1;
        }
      } else {
        cp = decode_utf8(s, n, i, len);
      }
      emit(cp, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len));
      i += len;
    }
    flush_segment();
    out_.origin.push_back(static_cast<uint32_t>(n));
    // Where the last kept character ends, so that a span reaching the end of the clean text
    // does not take in trailing whitespace or dropped bytes.
    out_.content_end = last_end_;
    return std::move(out_);
  }

 private:
  void emit(char32_t cp, uint32_t at, uint32_t end) {
    char ascii = 0;
    Kind k = classify(cp, ascii);
    switch (k) {
      case Kind::kSpace:
        space(at, 0);
        return;
      case Kind::kNewline:
        space(at, 1);
        return;
      case Kind::kParagraph:
        space(at, 2);
        return;
      case Kind::kDrop:
        return;
      case Kind::kAscii:
        begin_ascii();
        push(ascii, at);
        last_end_ = end;
        return;
      case Kind::kEllipsis:
        begin_ascii();
        push('.', at);
        push('.', at);
        push('.', at);
        last_end_ = end;
        return;
      case Kind::kKeep:
        break;
    }
    if (cp == 0) cp = kReplacement;
    flush_space();
    if (!nfc_inert(cp)) needs_nfc_ = true;
    append_utf8(out_.text, cp);
    out_.origin.resize(out_.text.size(), at);
    last_end_ = end;
  }

  void push(char c, uint32_t at) {
    out_.text.push_back(c);
    out_.origin.push_back(at);
  }

  // Whitespace is held back until the next visible character, so runs collapse and leading or
  // trailing whitespace disappears.
  void space(uint32_t at, int newlines) {
    if (!pending_space_) {
      pending_space_ = true;
      space_at_ = at;
      newlines_ = 0;
    }
    newlines_ += newlines;
  }

  void flush_space() {
    if (!pending_space_) return;
    pending_space_ = false;
    flush_segment();
    if (!out_.text.empty()) push(newlines_ >= 2 ? '\n' : ' ', space_at_);
    segment_start_ = out_.text.size();
  }

  // An ASCII character starts a new NFC segment: it may still compose with marks after it
  // ("e" + U+0301), but nothing before it composes across it.
  void begin_ascii() {
    flush_space();
    flush_segment();
    segment_start_ = out_.text.size();
  }

  void flush_segment() {
    if (!needs_nfc_) return;
    needs_nfc_ = false;
    compose(segment_start_);
  }

  // NFC of text[from..]. Each output character takes the origin of the input character at the
  // same index (clamped), which keeps origin[] monotonic; a composed letter thus points at its
  // base letter, and to_original() extends a span over the marks that followed it.
  void compose(std::size_t from) {
    std::string& t = out_.text;
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t m =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(t.data() + from),
                     static_cast<utf8proc_ssize_t>(t.size() - from), &mapped,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
    if (m < 0) return;  // cannot happen: the segment is valid UTF-8 we wrote ourselves
    std::string_view res(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(m));
    if (res == std::string_view(t).substr(from)) return;

    // Origins of the input characters, in order.
    std::vector<uint32_t> char_origin;
    for (std::size_t k = from; k < t.size();) {
      char_origin.push_back(out_.origin[k]);
      k += utf8_len(static_cast<unsigned char>(t[k]));
    }
    t.resize(from);
    out_.origin.resize(from);
    std::size_t idx = 0;
    for (std::size_t k = 0; k < res.size();) {
      std::size_t l = utf8_len(static_cast<unsigned char>(res[k]));
      uint32_t o = char_origin[std::min(idx, char_origin.size() - 1)];
      t.append(res.data() + k, l);
      out_.origin.resize(t.size(), o);
      k += l;
      ++idx;
    }
  }

  static std::size_t utf8_len(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
  }

  std::string_view in_;
  NormalizedText out_;
  bool pending_space_ = false;
  uint32_t space_at_ = 0;
  int newlines_ = 0;
  std::size_t segment_start_ = 0;
  bool needs_nfc_ = false;
  uint32_t last_end_ = 0;
};

// Letters that carry no Unicode decomposition but are "a letter with a stroke" to a reader.
const char* fold_special(char32_t cp, bool keep_case) {
  switch (cp) {
    case 0xF8:
      return "o";  // ø
    case 0xD8:
      return keep_case ? "O" : "o";
    case 0x142:
      return "l";  // ł
    case 0x141:
      return keep_case ? "L" : "l";
    case 0x111:
      return "d";  // đ
    case 0x110:
      return keep_case ? "D" : "d";
    case 0xF0:
      return "d";  // ð
    case 0xD0:
      return keep_case ? "D" : "d";
    case 0xE6:
      return "ae";  // æ
    case 0xC6:
      return keep_case ? "AE" : "ae";
    case 0x153:
      return "oe";  // œ
    case 0x152:
      return keep_case ? "OE" : "oe";
    case 0x131:
      return "i";  // dotless ı
    case 0xFE:
      return "th";  // þ
    case 0xDE:
      return keep_case ? "Th" : "th";
    case 0x127:
      return "h";  // ħ
    case 0x126:
      return keep_case ? "H" : "h";
    case 0x167:
      return "t";  // ŧ
    case 0x166:
      return keep_case ? "T" : "t";
    default:
      return nullptr;
  }
}

// Valid UTF-8 (bad bytes replaced) so utf8proc never rejects the input.
std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    char32_t cp = decode_utf8(p, s.size(), i, len);
    if (cp == 0) cp = kReplacement;
    append_utf8(out, cp);
    i += len;
  }
  return out;
}

std::string utf8proc_apply(std::string_view s, int options) {
  std::string valid = sanitize_utf8(s);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t m = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                                    static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
                                    static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
  if (m < 0) return valid;
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(m));
}

// Replaces the undecomposable letters, after utf8proc has stripped the marks.
std::string fold_specials(std::string_view s, bool keep_case) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    char32_t cp = decode_utf8(p, s.size(), i, len);
    if (const char* r = cp >= 0x80 ? fold_special(cp, keep_case) : nullptr) {
      out += r;
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

bool all_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

std::pair<std::size_t, std::size_t> NormalizedText::to_original(std::size_t b,
                                                                std::size_t e) const {
  if (origin.empty()) return {0, 0};
  const std::size_t n = text.size();
  if (b > n) b = n;
  if (e > n) e = n;
  if (e <= b) return {origin[b], origin[b]};
  if (e == n) {
    std::size_t end = content_end == kNoContentEnd ? origin[n] : content_end;
    return {origin[b], std::max<std::size_t>(end, origin[b])};
  }
  // The next clean byte produced by a later original character marks where this one ended.
  const uint32_t last = origin[e - 1];
  std::size_t k = e;
  while (k < n && origin[k] == last) ++k;
  std::size_t end = k == n && content_end != kNoContentEnd ? content_end : origin[k];
  return {origin[b], end};
}

NormalizedText normalize_text(std::string_view original) { return Normalizer(original).run(); }

std::string fold_key(std::string_view s) {
  std::string folded;
  if (all_ascii(s)) {
    folded.assign(s);
    for (char& c : folded)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  } else {
    folded =
        fold_specials(utf8proc_apply(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
                                            UTF8PROC_CASEFOLD | UTF8PROC_COMPAT),
                      false);
  }
  // Keep letters and digits; hyphens, slashes and whitespace separate words; other
  // punctuation vanishes ("O'Brien" -> "obrien", "Jean-Pierre" -> "jean pierre").
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  const auto* p = reinterpret_cast<const unsigned char*>(folded.data());
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t len;
    char32_t cp = decode_utf8(p, folded.size(), i, len);
    bool word = false, sep = false;
    if (cp < 0x80) {
      word = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
      sep = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '-' || cp == '/' ||
            cp == '_' || cp == '\f' || cp == '\v';
    } else {
      utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
             (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
      sep = cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
            cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_PD;
    }
    if (word) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(folded.data() + i, len);
    } else if (sep) {
      pending_space = true;
    }
    i += len;
  }
  return out;
}

std::string strip_diacritics(std::string_view s) {
  if (all_ascii(s)) return std::string(s);
  return fold_specials(utf8proc_apply(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK),
                       true);
}

}  // namespace newsgraph
