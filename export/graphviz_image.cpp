// SVG and PNG through Graphviz: the DOT export (export/dot.cpp) is piped through `dot`, or
// `sfdp` past kDotNodeLimit nodes (dot's layered layout is unusably slow there), run as a
// subprocess. Its standard error passes through, so Graphviz's own warnings reach the user.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "export/atomic_file.h"
#include "export/exporters.h"

extern char** environ;

namespace newsgraph {
namespace {

// The first executable `name` on PATH, or "".
std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= p.size()) {
    std::size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    // Built with append: GCC 12 warns (-Wrestrict, a false positive) on assigning "." here.
    std::string candidate(end > start ? std::string_view(p).substr(start, end - start) : std::string_view("."));
    candidate.append("/").append(name);
    struct stat st;
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = end + 1;
  }
  return {};
}

std::string why(int err) { return std::strerror(err); }

// A file descriptor closed on scope exit.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

}  // namespace

std::string graphviz_engine(std::size_t nodes) { return nodes > kDotNodeLimit ? "sfdp" : "dot"; }

std::string graphviz_unavailable(std::size_t nodes) {
  std::string engine = graphviz_engine(nodes);
  if (!find_on_path(engine).empty()) return {};
  return "Graphviz is not installed (`" + engine +
         "` not found on PATH), so svg and png cannot be drawn: apt-get install graphviz, or write "
         "--format dot and render it elsewhere";
}

void write_graphviz_image(const ExportInput& in, std::string_view format, std::ostream& out) {
  const std::string engine = graphviz_engine(in.graph.num_vertices());
  const std::string exe = find_on_path(engine);
  if (exe.empty()) throw OutputError(graphviz_unavailable(in.graph.num_vertices()));

  // DOT goes to an unlinked temporary file that becomes the child's stdin: nothing is left
  // behind whatever happens, and there is no pipe to deadlock on.
  std::ostringstream dot;
  write_dot(in, dot);
  const std::string text = dot.str();
  std::string tmpl = (std::filesystem::temp_directory_path() / "newsgraph-dot-XXXXXX").string();
  Fd input;
  input.fd = mkstemp(tmpl.data());
  if (input.fd < 0) throw OutputError("cannot create a temporary file for Graphviz: " + why(errno));
  unlink(tmpl.c_str());
  for (std::size_t done = 0; done < text.size();) {
    ssize_t n = write(input.fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw OutputError("cannot write Graphviz input: " + why(errno));
    done += static_cast<std::size_t>(n);
  }
  lseek(input.fd, 0, SEEK_SET);

  int pipefd[2];
  if (pipe(pipefd) != 0) throw OutputError("pipe: " + why(errno));
  Fd rd, wr;
  rd.fd = pipefd[0];
  wr.fd = pipefd[1];
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, wr.fd, 1);
  posix_spawn_file_actions_addclose(&actions, rd.fd);
  std::string t = "-T" + std::string(format);
  std::vector<char*> argv = {const_cast<char*>(engine.c_str()), t.data(), nullptr};
  pid_t pid;
  int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw OutputError("cannot run " + exe + ": " + why(rc));
  close(wr.fd);
  wr.fd = -1;

  char buf[1 << 16];
  std::size_t total = 0;
  for (;;) {
    ssize_t n = read(rd.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.write(buf, n);
    total += static_cast<std::size_t>(n);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || total == 0)
    throw OutputError(engine + " -T" + std::string(format) + " failed (" +
                      (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                         : std::string("killed by a signal")) +
                      ")");
}

}  // namespace newsgraph
