// The newsgraph command is a thin wiring of the layers: one file per subcommand, each
// registering itself on the CLI11 app. Callbacks store the process exit status in `status`:
// 0 success, 1 failure, 2 usage error, 3 finished but some input was skipped (reported on
// stderr).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <vector>

namespace newsgraph::cli {

void add_extract_command(CLI::App& app, int& status);
void add_merge_command(CLI::App& app, int& status);
void add_build_command(CLI::App& app, int& status);
void add_export_command(CLI::App& app, int& status);
void add_query_command(CLI::App& app, int& status);
void add_eval_command(CLI::App& app, int& status);
void add_rules_command(CLI::App& app, int& status);

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSkipped = 3;

// Keeps `*p` alive, never destroyed, until the process ends, and returns it. A graph of a
// million edges takes most of a second to free piece by piece, just before the OS reclaims the
// whole heap at once. Held through a static, so leak checkers still see it as reachable.
template <typename T>
T& keep_until_exit(std::unique_ptr<T> p) {
  static auto* kept = new std::vector<void*>();
  kept->push_back(p.get());
  return *p.release();
}

}  // namespace newsgraph::cli
