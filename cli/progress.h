// Progress of a long run on stderr (documents, MB, MB/s), only when stderr is a terminal and
// not --quiet: scripts and pipelines see nothing of it.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace newsgraph::cli {

class Progress {
 public:
  explicit Progress(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO)), start_(Clock::now()), last_(start_) {}

  void update(std::size_t documents, std::size_t bytes) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(bytes) / 1e6;
    std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s, %.0f s ", documents, mb, secs > 0 ? mb / secs : 0.0, secs);
    shown_ = true;
  }

  void finish() {
    if (shown_) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_, last_;
};

}  // namespace newsgraph::cli
