// Fuzzes the document reader (extract/input.h) on whole files. DocumentReader reads paths
// only, so each input is written to a temporary file first. By default the file is named
// .jsonl (JSON Lines); an input starting with "#json\n" or "#txt\n" is written (without that
// line) as .json (whole-file arrays and pretty-printed objects) or .txt (one plain article).
//
// Properties: no crash, no exception, every message names the file, every document has a
// non-empty id and non-blank text, and the reader ends.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "extract/input.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

std::string temp_base() {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/newsgraph-fuzz-reader." + std::to_string(getpid());
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string ext = ".jsonl";
  if (in.substr(0, 6) == "#json\n") {
    ext = ".json";
    in.remove_prefix(6);
  } else if (in.substr(0, 5) == "#txt\n") {
    ext = ".txt";
    in.remove_prefix(5);
  }
  static const std::string base = temp_base();
  const std::string path = base + ext;
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(in.data(), 1, in.size(), f);
    std::fclose(f);
  }
  std::size_t messages = 0;
  newsgraph::DocumentReader reader({path}, [&](const std::string& msg) {
    ++messages;
    FUZZ_CHECK(msg.rfind(path, 0) == 0);  // "FILE:LINE: ..." or "FILE: ..."
  });
  std::size_t docs = 0;
  while (auto doc = reader.next()) {
    ++docs;
    FUZZ_CHECK(!doc->id.empty());
    FUZZ_CHECK(!blank(doc->text));
    FUZZ_CHECK(docs <= size + 1);  // at most one document per input byte: the reader ends
  }
  FUZZ_CHECK(reader.documents_read() == docs);
  FUZZ_CHECK(reader.problems() == messages);
  std::remove(path.c_str());
  return 0;
}
