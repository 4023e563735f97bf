#include "export/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <random>

namespace newsgraph {
namespace {

// Registry of pending temporaries. The signal handler must not take locks or allocate, so
// paths live in fixed slots it can read with atomics alone.
constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathMax = 4096;
struct Slot {
  std::atomic<bool> used{false};
  char path[kPathMax];
};
Slot g_slots[kSlots];
std::mutex g_slots_mutex;

int register_tmp(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  std::lock_guard<std::mutex> lock(g_slots_mutex);
  for (std::size_t i = 0; i < kSlots; ++i) {
    if (!g_slots[i].used.load()) {
      std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
      g_slots[i].used.store(true);
      return static_cast<int>(i);
    }
  }
  return -1;  // more than 64 outputs at once: still correct, just not signal-cleaned
}

void unregister_tmp(const std::string& path) {
  std::lock_guard<std::mutex> lock(g_slots_mutex);
  for (auto& s : g_slots)
    if (s.used.load() && path == s.path) s.used.store(false);
}

extern "C" void cleanup_handler(int sig) {
  for (auto& s : g_slots)
    if (s.used.load()) unlink(s.path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

std::string why(int err) { return std::strerror(err); }

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  namespace fs = std::filesystem;
  if (path_.empty()) throw OutputError("output path is empty");
  struct stat st;
  if (stat(path_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw OutputError(path_ + ": is a directory");
    if (!S_ISREG(st.st_mode)) {
      // A device or pipe: write in place, there is nothing to rename over.
      out_.open(path_, std::ios::binary | std::ios::out);
      if (!out_) throw OutputError(path_ + ": cannot open for writing: " + why(errno));
      return;
    }
  }
  fs::path target(path_);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw OutputError(path_ + ": directory " + dir.string() + " does not exist");

  std::random_device rd;
  for (int attempt = 0; attempt < 16 && tmp_.empty(); ++attempt) {
    std::string base = ".";
    base.append(target.filename().string()).append(".").append(std::to_string(getpid()));
    base.append(".").append(std::to_string(rd() % 1000000)).append(".tmp");
    std::string name = (dir / base).string();
    int fd = open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      close(fd);
      tmp_ = name;
    } else if (errno != EEXIST) {
      throw OutputError(path_ + ": cannot write in " + dir.string() + ": " + why(errno));
    }
  }
  if (tmp_.empty()) throw OutputError(path_ + ": cannot create a temporary file in " + dir.string());
  register_tmp(tmp_);
  out_.open(tmp_, std::ios::binary | std::ios::out | std::ios::trunc);
  if (!out_) {
    int err = errno;
    unlink(tmp_.c_str());
    unregister_tmp(tmp_);
    throw OutputError(path_ + ": cannot open temporary file: " + why(err));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !tmp_.empty()) {
    out_.close();
    unlink(tmp_.c_str());
    unregister_tmp(tmp_);
  }
}

void AtomicFile::commit() {
  if (committed_) return;
  out_.flush();
  bool ok = static_cast<bool>(out_);
  int err = ok ? 0 : errno;
  out_.close();
  if (ok && out_.fail()) {
    ok = false;
    err = errno;
  }
  if (tmp_.empty()) {
    committed_ = true;
    if (!ok) throw OutputError(path_ + ": write failed: " + (err ? why(err) : std::string("I/O error")));
    return;
  }
  if (ok) {
    // fsync before rename, or a crash could leave an empty file under the final name.
    int fd = open(tmp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
      ok = false;
      err = errno;
    }
    if (fd >= 0) close(fd);
  }
  if (ok) {
    // Keep the permissions an existing target had; a new file gets 0666 & ~umask (as open()).
    struct stat st;
    if (stat(path_.c_str(), &st) == 0) chmod(tmp_.c_str(), st.st_mode & 07777);
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
      ok = false;
      err = errno;
    }
  }
  if (!ok) {
    unlink(tmp_.c_str());
    unregister_tmp(tmp_);
    committed_ = true;
    throw OutputError(path_ + ": write failed: " + (err ? why(err) : std::string("I/O error")) +
                      " (existing file left unchanged)");
  }
  unregister_tmp(tmp_);
  committed_ = true;
}

void install_signal_cleanup() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = cleanup_handler;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

}  // namespace newsgraph
