// Text escaping shared by the exporters. Names from news carry quotes, ampersands, angle
// brackets, newlines and diacritics; every exporter must pass them through intact.
#pragma once

#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// valid_utf8_text() (graph/knowledge_graph.h) makes any text valid UTF-8 first.

// Escapes for XML 1.0 element content (attribute == false) or a double-quoted attribute value
// (attribute == true). Always escapes & < > and, in attributes, " ' TAB LF CR as character
// references (a raw newline in an attribute would be read back as a space). Control
// characters that XML 1.0 forbids (below U+0020 except TAB LF CR) become U+FFFD; invalid UTF-8
// too. CR is always written as &#13; so it survives end-of-line normalisation.
std::string xml_escape(std::string_view s, bool attribute);
// The same, appended to `out` (no temporary strings: the large exports write millions of values).
void xml_escape_append(std::string& out, std::string_view s, bool attribute);

}  // namespace newsgraph
