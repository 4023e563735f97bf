// Runs the extractor over a stream of documents on several threads. Documents are read one
// at a time (memory stays bounded by a window of in-flight documents, not by the input), and
// the records of each document reach the sink in input order, so the output is identical for
// any number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "extract/extractor.h"
#include "extract/input.h"

namespace newsgraph {

struct ExtractStats {
  std::size_t documents = 0;
  std::size_t bytes = 0;  // bytes of document text
  std::size_t relations = 0;
};

// Called once per document, in input order, on the calling thread.
using RecordSink = std::function<void(const Document& doc, std::vector<Relation>&& records)>;
// Called now and then (on the calling thread) so a terminal can show progress.
using ProgressFn = std::function<void(const ExtractStats& so_far)>;

// threads == 0 means all hardware threads.
ExtractStats run_extraction(DocumentReader& reader, const Extractor& extractor, unsigned threads,
                            const RecordSink& sink, const ProgressFn& progress = {});

}  // namespace newsgraph
