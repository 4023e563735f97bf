#include "extract/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace newsgraph {
namespace {

// The window of documents in flight (read, not yet handed to the sink) holds at most this
// many documents per worker, and at most this many bytes of text in all (a single larger
// document is still admitted, alone). That bounds memory whatever the input size, and keeps
// enough documents queued that no worker waits while one long document finishes.
constexpr std::size_t kWindowDocsPerThread = 16;
constexpr std::size_t kWindowBytes = 32u << 20;

struct Slot {
  Document doc;
  std::vector<Relation> records;
  std::exception_ptr error;
  bool done = false;
};

// One thread: read, extract, hand over, in turn.
ExtractStats run_inline(DocumentReader& reader, const Extractor& extractor, const RecordSink& sink,
                        const ProgressFn& progress) {
  ExtractStats stats;
  while (auto doc = reader.next()) {
    auto records = extractor.extract(*doc);
    stats.documents += 1;
    stats.bytes += doc->text.size();
    stats.relations += records.size();
    sink(*doc, std::move(records));
    if (progress) progress(stats);
  }
  return stats;
}

}  // namespace

// Several threads: the calling thread reads documents into the window and hands finished ones
// to the sink in input order; `threads - 1` workers, and the calling thread whenever the oldest
// document is not done yet, take the oldest unstarted document of the window. Reading and
// writing overlap with extraction.
ExtractStats run_extraction(DocumentReader& reader, const Extractor& extractor, unsigned threads,
                            const RecordSink& sink, const ProgressFn& progress) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  if (threads == 1) return run_inline(reader, extractor, sink, progress);

  const std::size_t max_docs = kWindowDocsPerThread * threads;
  std::mutex mu;
  std::condition_variable work_ready;  // workers: a slot to start, or stop
  std::condition_variable front_done;  // calling thread: the oldest slot is done
  std::deque<std::unique_ptr<Slot>> window;
  std::size_t base = 0;     // sequence number of window.front()
  std::size_t started = 0;  // sequence number of the next slot to start
  bool stop = false;        // no more slots will come (end of input, or an error)

  // Extracts the oldest unstarted slot; called and returns with `lock` held.
  auto extract_next = [&](std::unique_lock<std::mutex>& lock) {
    Slot* slot = window[started - base].get();  // deque elements do not move
    ++started;
    lock.unlock();
    try {
      slot->records = extractor.extract(slot->doc);
    } catch (...) {
      slot->error = std::current_exception();
    }
    lock.lock();
    slot->done = true;
    if (slot == window.front().get()) front_done.notify_one();
  };
  auto worker = [&] {
    std::unique_lock lock(mu);
    for (;;) {
      work_ready.wait(lock, [&] { return stop || started < base + window.size(); });
      if (stop) return;  // set once the window is drained, or on an error
      extract_next(lock);
    }
  };

  std::vector<std::thread> pool;
  auto shutdown = [&] {
    {
      std::lock_guard lock(mu);
      stop = true;
    }
    work_ready.notify_all();
    for (auto& t : pool) t.join();
    pool.clear();
  };

  ExtractStats stats;
  try {
    // The calling thread is one of the `threads`: it extracts too while the oldest document is
    // not done. One thread more than there are cores made the kernel switch between them at
    // every document (8% of the time went to the scheduler with two cores).
    for (unsigned t = 0; t + 1 < threads; ++t) pool.emplace_back(worker);
    std::size_t window_bytes = 0;  // text bytes in the window (calling thread only)
    bool eof = false;
    for (;;) {
      // Fill the window. reader.next() runs without the lock, while the workers extract.
      while (!eof) {
        {
          std::lock_guard lock(mu);
          if (window.size() >= max_docs || (!window.empty() && window_bytes >= kWindowBytes)) break;
        }
        auto doc = reader.next();
        if (!doc) {
          eof = true;
          break;
        }
        auto slot = std::make_unique<Slot>();
        slot->doc = std::move(*doc);
        window_bytes += slot->doc.text.size();
        {
          std::lock_guard lock(mu);
          window.push_back(std::move(slot));
        }
        work_ready.notify_one();
      }
      // Hand over the oldest document once it is done.
      std::unique_ptr<Slot> slot;
      {
        std::unique_lock lock(mu);
        if (window.empty()) break;  // eof: all handed over
        while (!window.front()->done && started < base + window.size()) extract_next(lock);
        front_done.wait(lock, [&] { return window.front()->done; });
        slot = std::move(window.front());
        window.pop_front();
        ++base;
      }
      window_bytes -= slot->doc.text.size();
      if (slot->error) std::rethrow_exception(slot->error);
      stats.documents += 1;
      stats.bytes += slot->doc.text.size();
      stats.relations += slot->records.size();
      sink(slot->doc, std::move(slot->records));
      if (progress) progress(stats);
    }
  } catch (...) {
    shutdown();
    throw;
  }
  shutdown();
  return stats;
}

}  // namespace newsgraph
