// newsgraph rules: list the rules in use, or check a rule file.
#include <cstdio>

#include "cli/commands.h"
#include "extract/rules.h"

namespace newsgraph::cli {

void add_rules_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("rules", "List the built-in rules, or check a rule file");
  cmd->require_subcommand(1);
  cmd->footer(
      "A rule file is JSON: {\"macros\":{...}, \"collapse\":[...], \"rules\":[{\"id\",\"relation\",\n"
      "\"pattern\",\"view\",\"unless\",\"names_only\",\"event\"}]}. Patterns are RE2 (byte mode)\n"
      "over tagged sentences with typed slots such as {PERSON:a} met with {PERSONS:b}; see\n"
      "extract/rules.h and rules/*.json. A rule whose id is built in replaces that rule.");

  auto* list = cmd->add_subcommand("list", "List the built-in rules (id, relation, view, pattern)");
  list->callback([&status] {
    for (const auto& r : RuleSet::builtin()->rules())
      std::printf("%-40s %-16s %-6s %s\n", r->id.c_str(), r->relation.c_str(),
                  r->view == RuleView::Fine ? "fine" : "coarse", r->pattern.c_str());
    status = kExitOk;
  });

  auto* dump = cmd->add_subcommand("compiled", "Print each rule's pattern after slot and macro expansion");
  dump->callback([&status] {
    for (const auto& r : RuleSet::builtin()->rules())
      std::printf("%s\t%s\t%s\n", r->id.c_str(), r->view == RuleView::Fine ? "fine" : "coarse", r->compiled.c_str());
    status = kExitOk;
  });

  auto files = std::make_shared<std::vector<std::string>>();
  auto* check = cmd->add_subcommand("check", "Check rule files: JSON syntax, slots, and that RE2 compiles every pattern");
  check->add_option("files", *files, "Rule files (JSON)")->required();
  check->callback([files, &status] {
    status = kExitOk;
    for (const auto& f : *files) {
      try {
        auto set = load_rule_files({f}, false);
        std::printf("%s: ok (%zu rules in use with the built-in ones)\n", f.c_str(), set->rules().size());
      } catch (const RuleError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        status = kExitFailure;
      }
    }
  });
}

}  // namespace newsgraph::cli
