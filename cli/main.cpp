// newsgraph: news articles in, a knowledge graph of meetings, calls and offices out.
#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "export/atomic_file.h"

int main(int argc, char** argv) {
  newsgraph::install_signal_cleanup();  // SIGINT/SIGTERM remove pending output temporaries
  CLI::App app{"newsgraph: builds a knowledge graph of who met whom, who phoned whom and who holds "
               "which office from English news",
               "newsgraph"};
  app.set_version_flag("--version", std::string("newsgraph ") + NEWSGRAPH_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  int status = newsgraph::cli::kExitOk;
  newsgraph::cli::add_extract_command(app, status);
  newsgraph::cli::add_merge_command(app, status);
  newsgraph::cli::add_build_command(app, status);
  newsgraph::cli::add_export_command(app, status);
  newsgraph::cli::add_query_command(app, status);
  newsgraph::cli::add_eval_command(app, status);
  newsgraph::cli::add_rules_command(app, status);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line, exit status 2, whatever CLI11's own code for the error.
    std::string msg = e.what();
    if (msg.empty()) msg = "bad usage";
    std::fprintf(stderr, "newsgraph: %s (see newsgraph --help)\n", msg.c_str());
    return newsgraph::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsgraph: %s\n", e.what());
    return newsgraph::cli::kExitFailure;
  }
  return status;
}
