// Writes an output file so that readers only ever see the old file or the complete new one:
// data goes to a temporary file in the same directory (same filesystem, so rename is atomic),
// is flushed and fsync'ed, and is renamed over the target on commit(). An interrupted run
// therefore never leaves a half-written graph behind.
//
//   AtomicFile out("out/graph.graphml");   // throws OutputError if the path cannot be written
//   write_graphml(g, out.stream());
//   out.commit();                          // throws OutputError (e.g. disk full); else in place
//
// If commit() is not reached (exception, early return) the destructor removes the temporary
// file and the existing target is untouched. Pending temporary files are also kept in a
// process-wide registry so that install_signal_cleanup() can remove them on SIGINT/SIGTERM.
#pragma once

#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string>

namespace newsgraph {

// An output that cannot be written; what() names the path and the reason.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class AtomicFile {
 public:
  // Creates the temporary file beside `path`. Throws OutputError when `path` is a directory,
  // its directory does not exist or is not writable. Special files that cannot be renamed over
  // (/dev/null, /dev/full, /dev/stdout) are written in place, as a shell redirection would.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  const std::string& path() const { return path_; }

  // Flushes, fsyncs and renames into place. Throws OutputError on any write error (the
  // temporary file is then removed). Must be called at most once.
  void commit();

 private:
  std::string path_;
  std::string tmp_;  // empty when writing a special file in place
  std::ofstream out_;
  bool committed_ = false;
};

// Installs SIGINT and SIGTERM handlers that remove every pending AtomicFile temporary and then
// re-raise the signal with the default action. Safe to call more than once.
void install_signal_cleanup();

}  // namespace newsgraph
