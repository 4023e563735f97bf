// Relation rules: patterns over the tagged sentences of entities.h, loaded from JSON and
// compiled to RE2.
//
// A rule file is a JSON object:
//   {"macros":   {"NAME": "regex", ...},                         (optional)
//    "collapse": [{"pattern": "regex", "replace": "\\1"}, ...],  (optional)
//    "rules":    [{"id": "meeting.met-with", "relation": "met_with",
//                  "view": "coarse",                 (optional; "fine" or "coarse")
//                  "pattern": "{PERSON:a},? (?:{ADV} )?met(?: with)? {PERSONS:b}",
//                  "unless": "regex",                (optional: reject a match containing it)
//                  "names_only": true,               (optional: p / a must be a name, not "he")
//                  "event": "attends" | "joins"}, ...]}  (optional, met_with: see Rule::event;
//                                                      an "attends" rule has slot a only, a
//                                                      "joins" rule slot b only)
//
// Patterns are RE2 syntax, matched case-insensitively over bytes (RE2's Latin-1 mode: a
// non-ASCII letter in a pattern matches its UTF-8 bytes exactly, without case folding), with
// two kinds of placeholders:
//   {KIND:name}  a typed slot, captured under `name`:
//                PERSON, PERSONS (a list "A, B and C"), TITLE, ORG, COUNTRY, PARTY,
//                ORGLIKE (an org, country or party), ORGMOD (1-3 of those before a title)
//   {NAME}       a macro from any loaded file's "macros".
// Slot names a rule uses: met_with / phoned: a, b. holds_office: p, and t or a fixed "title"
// ("heads the X" -> "head"), optionally o / o2 / o3 (org; the first that matched wins) and `former` (a group that, when
// it matches, flags the office as former). Any rule may have a group `reject`: a match in
// which it takes part is dropped ("her old boss Kelly" is no office). member_of /
// affiliated_with: p and o, or a fixed "org" ("R-Texas" -> "Republican Party").
//
// Views: "fine" is the tagged sentence itself (titles, orgs and countries are separate
// markers); "coarse" is the fine view after the "collapse" rewrites, which fold a person's
// titles and appositions into the person marker ("Foreign Minister Wang Yi, 63," -> one
// marker), so meeting rules see "A met with B". Office and affiliation rules default to
// "fine", meeting and call rules to "coarse".
//
// RE2 guarantees linear-time matching: no rule and no input can make extraction hang.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

namespace newsgraph {

// A bad rule file. what() is "FILE:LINE[:COL]: [rule ID: ]message" (RE2's own message for a
// bad pattern).
struct RuleError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class RuleView { Fine, Coarse };

struct Rule {
  std::string id;
  std::string relation;  // met_with, phoned, holds_office, member_of, affiliated_with
  std::string category;
  bool symmetric = false;
  RuleView view = RuleView::Coarse;
  std::string title;     // holds_office rules may name the title instead of a {TITLE:t} slot
  std::string org;       // member_of / affiliated_with rules may name the org instead of a slot
  bool names_only = false;  // the person slot (p, or a) must be a name, not "he" or "the minister"
  // Meeting events across sentences (met_with rules only). Attends: the persons of slot a took
  // part in a meeting this sentence tells of, with no named partner ("Papadopoulos said at a
  // March 31 meeting ..."); no record by itself. Joins: the persons of slot b were at the
  // meeting the last two sentences told of ("The meeting included Governors A, B and C"), and
  // each gets a pair with that meeting's first person.
  enum class Event { None, Attends, Joins } event = Event::None;
  std::string pattern;   // as written
  std::string compiled;  // after slot and macro expansion
  std::unique_ptr<re2::RE2> re;
  std::unique_ptr<re2::RE2> unless;
  // Capture indices of the named slots in `re` (-1: no such slot), looked up once here
  // rather than in RE2's name map on every match.
  struct Slots {
    int a = -1, b = -1, p = -1, t = -1, o = -1, o2 = -1, o3 = -1, former = -1, reject = -1;
  } slots;
  std::string file;
  int line = 0;
};

struct Rewrite {
  std::unique_ptr<re2::RE2> re;
  std::string replace;
};

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // The rules compiled into the binary (rules/*.json), compiled once.
  static std::shared_ptr<const RuleSet> builtin();

  // Adds one file's rules. `name` is used in error messages. Throws RuleError. A rule with the
  // id of an earlier one replaces it. Must not be called after compile().
  void add_file(const std::string& name, std::string_view contents);
  // Adds the built-in files.
  void add_builtin();
  // Builds the prefilters (one RE2::Set per view). Throws RuleError if RE2 refuses the set.
  void compile();

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const std::vector<Rewrite>& collapse() const { return collapse_; }

  // Indexes (into rules()) of the rules of `view` that may match `text`, in rule order: every
  // rule whose required literals all occur in it (one DFA pass over the sentence for all
  // literals of all rules), plus the rules that require none.
  std::vector<int> candidates(RuleView view, std::string_view text) const;
  // The same into `out` (replacing its contents), which the caller may reuse.
  void candidates(RuleView view, std::string_view text, std::vector<int>& out) const;

  // Whether any coarse rule may match once the collapse rewrites have run on `fine`, judged on
  // `fine` itself. The built-in rewrites only cut text and put a marker (or " and ", taken
  // from the cut) where the cut was, so they never join letters: every run of letters in the
  // coarse view is in the fine view too. A rule's literal therefore counts as present when
  // each of its letter runs occurs in `fine` ("\x02 met" needs "met"). With rewrites from
  // other files that guarantee is gone, and the answer is always true. False lets a sentence
  // skip the rewrites.
  bool coarse_may_match(std::string_view fine) const;

 private:
  std::string expand(const std::string& pattern, const std::string& where);
  void index_letter_runs(const std::vector<std::string>& atoms);
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<Rewrite> collapse_;
  std::vector<std::pair<std::string, std::string>> macros_;
  // Per view: FilteredRE2 knows, for each rule, literal atoms the text must contain for the
  // rule to possibly match; one RE2::Set of those literals finds them in a single pass.
  struct Prefilter {
    std::unique_ptr<re2::FilteredRE2> filter;
    std::unique_ptr<re2::RE2::Set> atoms;  // null when no rule has atoms
    std::vector<int> ids;                  // FilteredRE2 regexp id -> index into rules_
  };
  // For coarse_may_match: the distinct letter runs of the coarse atoms, found by one set, for
  // each atom the runs it holds (each once), and for each run the atoms that hold it.
  std::unique_ptr<re2::RE2::Set> coarse_runs_;
  std::vector<std::vector<int>> coarse_atom_runs_, coarse_run_atoms_;
  bool custom_collapse_ = false;  // a file other than the built-in ones added rewrites
  std::uint64_t serial_;          // tells this set's memoized prefilter answers from another's
  bool adding_builtin_ = false;
  Prefilter fine_, coarse_;
  bool compiled_ = false;
};

// The built-in rules plus the rule files at `paths` (or only those files when
// replace_builtin), compiled. Throws RuleError naming the file (and line) at fault.
std::shared_ptr<const RuleSet> load_rule_files(const std::vector<std::string>& paths, bool replace_builtin);

}  // namespace newsgraph
