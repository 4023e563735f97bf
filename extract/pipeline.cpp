#include "extract/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace newsgraph {
namespace {

// Documents are extracted in batches: a batch is read on the calling thread, extracted by all
// workers, then handed to the sink in order. A batch holds at most this many documents or
// bytes, which bounds memory whatever the input size.
constexpr std::size_t kBatchDocs = 256;
constexpr std::size_t kBatchBytes = 32u << 20;

}  // namespace

ExtractStats run_extraction(DocumentReader& reader, const Extractor& extractor, unsigned threads,
                            const RecordSink& sink, const ProgressFn& progress) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  ExtractStats stats;
  std::vector<Document> batch;
  std::vector<std::vector<Relation>> results;
  bool done = false;
  while (!done) {
    batch.clear();
    std::size_t bytes = 0;
    while (batch.size() < kBatchDocs && bytes < kBatchBytes) {
      auto doc = reader.next();
      if (!doc) {
        done = true;
        break;
      }
      bytes += doc->text.size();
      batch.push_back(std::move(*doc));
    }
    if (batch.empty()) break;
    results.assign(batch.size(), {});
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) results[i] = extractor.extract(batch[i]);
    };
    unsigned n = std::min<unsigned>(threads, static_cast<unsigned>(batch.size()));
    if (n <= 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < n; ++t) pool.emplace_back(work);
      for (auto& th : pool) th.join();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      stats.documents += 1;
      stats.bytes += batch[i].text.size();
      stats.relations += results[i].size();
      sink(batch[i], std::move(results[i]));
    }
    if (progress) progress(stats);
  }
  return stats;
}

}  // namespace newsgraph
