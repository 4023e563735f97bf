// Reads documents from what users have: plain .txt files (one article each; the id is the
// file name without extension), directories (recursive, in sorted order; only the .txt files in
// them are read, so gold and alias files kept beside articles are not taken for articles;
// JSON Lines files are read when named), JSON Lines files of
// {"id","date","title","text","source"} (one article per line; only "text" is required, a
// missing "id" becomes "<file>:<line>"), and "-" for standard input (JSON Lines if the first
// non-blank byte is '{', else one plain-text document with id "stdin").
//
// Documents are streamed: a JSON Lines file of any size is read one line at a time, so memory
// is bounded by the largest document, not by the input.
//
// Bad input never stops the run: a malformed line, a wrongly typed field, an unreadable file,
// a duplicate id (the later one is skipped) are reported to the ErrorSink with the file and
// line, and reading goes on with the rest.
//
// Details (extract/input.cpp):
//  - an integer "id" is accepted and written in decimal; a wrongly typed "text" or "id"
//    skips the line, a wrongly typed "date", "title" or "source" only drops that field;
//  - a missing "source" becomes the file's path;
//  - empty or whitespace-only documents are reported and skipped; so are files that are not
//    text (a NUL byte or mostly control bytes in the first 8 KiB, or UTF-16); in a JSON Lines
//    file a stray raw NUL byte makes only its line invalid (many NULs: a binary file);
//  - empty standard input is an empty stream: no documents, nothing reported;
//  - invalid UTF-8 is not an error: the text is kept as it is (normalize.h cleans it);
//  - a .json file whose first non-blank byte is '[' (an array of documents) or that holds one
//    pretty-printed object is read whole; a missing id is then "<file>:<index>" (1-based).
#pragma once

#include <cstddef>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"

namespace newsgraph {

// Receives one message per problem, already formatted as "FILE:LINE: what is wrong" (or
// "FILE: ..."). The run's exit status reports whether anything was skipped.
using ErrorSink = std::function<void(const std::string& message)>;

class DocumentReader {
 public:
  // paths: files, directories, or "-". A path that does not exist is reported when reached.
  DocumentReader(std::vector<std::string> paths, ErrorSink errors);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // The next document, or nullopt when all inputs are exhausted.
  std::optional<Document> next();

  std::size_t documents_read() const;
  std::size_t problems() const;  // messages sent to the ErrorSink
  std::size_t bytes_read() const;  // input bytes consumed, JSON syntax and skipped input included

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph
