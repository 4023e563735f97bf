// Text output of a large graph, formatted on several threads and written in order.
//
//   write_in_blocks(out, edges.size(), 4, [&](std::string& buf, std::size_t i) { ...append line i... });
//
// Items [0, count) are cut into blocks; each of up to `max_threads` threads formats one block
// into its own buffer, and the buffers are written in block order, so the bytes are exactly
// those of one thread appending item after item. Formatting a saved graph after a merge is
// mostly waiting for memory (a million edges' properties, scattered in the order they were
// first seen), which two threads do in 0.65 of the time of one. `format` must only read shared
// data.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace newsgraph {

template <typename Format>
void write_in_blocks(std::ostream& out, std::size_t count, std::size_t max_threads, Format format) {
  constexpr std::size_t kBlock = 2048;  // items per block: a megabyte or two of text
  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(1, max_threads));
  std::vector<std::string> bufs(threads);
  std::vector<std::exception_ptr> failed(threads);
  for (std::size_t first = 0; first < count; first += kBlock * threads) {
    auto work = [&](std::size_t t) {
      try {
        bufs[t].clear();
        const std::size_t lo = std::min(count, first + t * kBlock), hi = std::min(count, lo + kBlock);
        for (std::size_t i = lo; i < hi; ++i) format(bufs[t], i);
      } catch (...) {
        failed[t] = std::current_exception();
      }
    };
    std::vector<std::thread> running;
    for (std::size_t t = 1; t < threads && first + t * kBlock < count; ++t) running.emplace_back(work, t);
    work(0);
    for (auto& th : running) th.join();
    for (std::size_t t = 0; t <= running.size(); ++t) {
      if (failed[t]) std::rethrow_exception(failed[t]);
      out.write(bufs[t].data(), static_cast<std::streamsize>(bufs[t].size()));
    }
  }
}

}  // namespace newsgraph
