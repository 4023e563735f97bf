#include "extract/embedded.h"

namespace newsgraph {

std::optional<std::string_view> embedded_file(std::string_view name) {
  for (const auto& f : embedded_files())
    if (f.name == name) return f.contents;
  return std::nullopt;
}

}  // namespace newsgraph
