// A Document is one news article as newsgraph reads it: the first stage of the pipeline
// (input -> sentences -> entities -> relations -> graph -> exports).
#pragma once

#include <string>

namespace newsgraph {

struct Document {
  std::string id;      // unique within a run: file name without extension, or the JSONL "id"
  std::string date;    // as given by the source ("2023-12-13", " 7-APR-1987 ..."); may be empty
  std::string title;   // may be empty
  std::string text;    // the original bytes; every offset newsgraph reports points into this
  std::string source;  // where it came from (path, or the JSONL "source"); may be empty
};

}  // namespace newsgraph
