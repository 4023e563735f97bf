#include "export/xml_escape.h"

#include <utf8proc.h>

namespace newsgraph {


std::string xml_escape(std::string_view raw, bool attribute) {
  const std::string s = valid_utf8_text(raw);
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
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
        if (static_cast<unsigned char>(c) < 0x20)
          out += "\xEF\xBF\xBD";  // not representable in XML 1.0, even as a reference
        else
          out += c;
    }
  }
  return out;
}

}  // namespace newsgraph
