// Helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace newsgraph::test {

inline std::filesystem::path source_dir() { return NEWSGRAPH_SOURCE_DIR; }

// ../shared beside the checkout, or an empty path when it is absent (tests then skip).
inline std::filesystem::path shared_dir() {
  std::filesystem::path p = NEWSGRAPH_SHARED_DIR;
  return std::filesystem::is_directory(p / "dev") ? p : std::filesystem::path();
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace newsgraph::test
