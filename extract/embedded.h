// Files compiled into the binary at build time (cmake/embed.cmake): the default rules from
// rules/*.json, the lexicons from data/*.txt, and Debian's iso-codes country list.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace newsgraph {

struct EmbeddedFile {
  std::string_view name;  // file name without directory, e.g. "meeting.json"
  std::string_view contents;
};

const std::vector<EmbeddedFile>& embedded_files();

// The contents of the embedded file with this name, or nullopt.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace newsgraph
