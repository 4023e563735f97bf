#include "export/xml_escape.h"

#include <utf8proc.h>

namespace newsgraph {


std::string xml_escape(std::string_view raw, bool attribute) {
  std::string out;
  out.reserve(raw.size() + raw.size() / 8);
  xml_escape_append(out, raw, attribute);
  return out;
}

namespace {

// Printable ASCII other than & < > " ': the bytes that are copied as they are.
bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\''; }

}  // namespace

void xml_escape_append(std::string& out, std::string_view s, bool attribute) {
  // Runs of plain ASCII (most of every value) are copied in one go; UTF-8 is checked one code
  // point at a time exactly as valid_utf8_text() does, without building a copy first.
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const char* run = p;
    while (p < end && plain(static_cast<unsigned char>(*p))) ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    const char c = *p;
    if (static_cast<unsigned char>(c) >= 0x80) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(p), end - p, &cp);
      if (n <= 0) {
        out += "\xEF\xBF\xBD";  // invalid UTF-8
        n = 1;
      } else {
        out.append(p, static_cast<std::size_t>(n));
      }
      p += n;
      continue;
    }
    ++p;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#13;"; break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        out += "\xEF\xBF\xBD";  // a control character: not representable in XML 1.0, even as a reference
    }
  }
}

}  // namespace newsgraph
