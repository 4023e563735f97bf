// newsgraph extract: the map step. Documents in, relation records (JSON Lines) out.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "export/atomic_file.h"
#include "extract/input.h"
#include "extract/pipeline.h"
#include "extract/rules.h"

namespace newsgraph::cli {

void add_extract_command(CLI::App& app, int& status) {
  struct Options {
    std::vector<std::string> inputs;
    std::string output;
    unsigned threads = 0;
    std::vector<std::string> rules;
    bool replace_rules = false;
    bool quiet = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("extract", "Extract relation records (JSON Lines) from documents");
  cmd->footer(
      "Inputs: .txt files (id = file name), directories (recursive), JSON Lines files of\n"
      "{\"id\",\"date\",\"title\",\"text\",\"source\"}, or - for standard input.\n"
      "Writes one record per line to standard output, or to FILE with -o (written to a temporary\n"
      "file and renamed, so FILE is never half-written). Nothing else goes to standard output, so\n"
      "`newsgraph extract -` works as a Hadoop Streaming mapper or in Spark's RDD.pipe().\n"
      "Exit status: 0 ok, 1 failure, 2 usage error, 3 some input was skipped (see stderr).");
  cmd->add_option("inputs", opt->inputs, "Files, directories, or - for stdin")->required();
  cmd->add_option("-o,--output", opt->output, "Write records to FILE instead of standard output");
  cmd->add_option("-j,--threads", opt->threads, "Worker threads (default: all cores)");
  cmd->add_option("--rules", opt->rules, "Extra rule file(s) (JSON); see `newsgraph rules --help`")->allow_extra_args(false);
  cmd->add_flag("--replace-rules", opt->replace_rules, "Use only the --rules files, not the built-in rules");
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress on stderr");
  cmd->callback([opt, &status] {
    auto rules = load_rule_files(opt->rules, opt->replace_rules);
    Extractor extractor(rules);
    DocumentReader reader(opt->inputs, [](const std::string& msg) { std::fprintf(stderr, "newsgraph: %s\n", msg.c_str()); });
    std::unique_ptr<AtomicFile> file;
    std::ostream* out = &std::cout;
    if (!opt->output.empty() && opt->output != "-") {
      file = std::make_unique<AtomicFile>(opt->output);
      out = &file->stream();
    }
    // A failed write (disk full, /dev/full, closed pipe) stops the run at once, naming the
    // output and the reason; the AtomicFile's destructor then removes its temporary.
    const std::string out_name = file ? opt->output : std::string("standard output");
    auto check_written = [&] {
      if (*out) return;
      int err = errno;
      throw OutputError(out_name + ": write failed: " + (err ? std::strerror(err) : "I/O error"));
    };
    Progress progress(opt->quiet);
    progress.set_input_size(input_size(opt->inputs));
    std::string line;
    auto stats = run_extraction(
        reader, extractor, opt->threads,
        [&](const Document&, std::vector<Relation>&& records) {
          for (const auto& r : records) {
            line = to_json(r);
            line += '\n';
            errno = 0;
            out->write(line.data(), static_cast<std::streamsize>(line.size()));
            check_written();
          }
        },
        [&](const ExtractStats& s) { progress.update(s.documents, s.bytes, reader.bytes_read()); });
    progress.finish();
    errno = 0;
    out->flush();
    check_written();
    if (file) file->commit();
    if (!opt->quiet && isatty(STDERR_FILENO))
      std::fprintf(stderr, "newsgraph: %zu documents, %zu relations\n", stats.documents, stats.relations);
    status = reader.problems() > 0 ? kExitSkipped : kExitOk;
  });
}

}  // namespace newsgraph::cli
