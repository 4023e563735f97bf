// Progress of a long run on stderr (documents, MB, MB/s, time left), only when stderr is a
// terminal and not --quiet: scripts and pipelines see nothing of it. Time left is shown when
// the caller gave the input size (set_input_size) and passes the input bytes consumed so far.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace newsgraph::cli {

// Bytes the inputs hold on disk, as DocumentReader reads them (files; the .txt files under
// directories), or 0 when one of them is standard input or cannot be sized.
inline std::size_t input_size(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::size_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->path().extension() == ".txt" && it->is_regular_file(ec)) total += it->file_size(ec);
    } else {
      auto n = fs::file_size(p, ec);
      if (ec) return 0;
      total += n;
    }
  }
  return total;
}

class Progress {
 public:
  explicit Progress(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO)), start_(Clock::now()), last_(start_) {}

  // Total input bytes (files on disk), or 0 when unknown (standard input).
  void set_input_size(std::size_t total) { total_ = total; }

  // bytes: document text so far; consumed: input bytes read so far (for the time left).
  void update(std::size_t documents, std::size_t bytes, std::size_t consumed = 0) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(bytes) / 1e6;
    std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s, %.0f s", documents, mb, secs > 0 ? mb / secs : 0.0, secs);
    if (total_ > 0 && consumed > 0 && consumed <= total_ && secs > 1)
      std::fprintf(stderr, ", %.0f s left", secs * static_cast<double>(total_ - consumed) / static_cast<double>(consumed));
    std::fputs("   ", stderr);  // clears what a longer earlier line left
    shown_ = true;
  }

  void finish() {
    if (shown_) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  std::size_t total_ = 0;
  Clock::time_point start_, last_;
};

}  // namespace newsgraph::cli
