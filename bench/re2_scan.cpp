// re2_scan: the speed limit reference for `newsgraph extract`. It reads the input in large
// blocks and finds every trigger word of the built-in rules with one case-insensitive RE2
// (meeting, call, office, membership and affiliation verbs and nouns), and does nothing else:
// no JSON parsing, no normalisation, no sentences, no entities. Extraction has to read those
// same bytes and at least look for the same words, so the ratio extract / re2_scan says how
// much of extraction's time goes to the work beyond that bare scan.
//
// Usage: re2_scan FILE...   (or - for standard input)
// Prints "bytes matches seconds MB/s" on stdout. Exit status 1 if a file cannot be read.
#include <re2/re2.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The trigger words of rules/*.json (verbs and nouns a rule needs before it can match), as one
// alternation. A small fixed list: a scan for a handful of literals is what a prefilter costs.
constexpr const char* kTriggers =
    "\\b(?:met|meets|meeting|meetings|talks|talked|discussed|discussions|summit|dinner|lunch|"
    "visited|visiting|hosted|received|welcomed|greeted|phoned|telephoned|rang|called|call|"
    "phone|telephone|video|virtual|minister|president|premier|chairman|chairwoman|secretary|"
    "chief|leader|spokesman|spokeswoman|ambassador|governor|senator|member|members|joined|"
    "party|founder|director|head|adviser|advisor)\\b";

// Block size: large enough that the per-call cost vanishes; a block is cut at its last
// newline so no line (and no word) is split between two blocks.
constexpr std::size_t kBlock = 8u << 20;

bool scan(std::FILE* f, const RE2& re, std::size_t& bytes, std::size_t& matches) {
  std::string buf(kBlock, '\0');
  std::size_t have = 0;  // bytes in buf; those after the last scanned newline wait for more
  for (;;) {
    std::size_t n = std::fread(buf.data() + have, 1, buf.size() - have, f);
    have += n;
    const bool eof = n == 0;
    std::size_t cut = have;
    if (!eof) {
      std::size_t nl = std::string_view(buf.data(), have).rfind('\n');
      if (nl == std::string_view::npos) {
        if (have == buf.size()) buf.resize(buf.size() * 2);  // one very long line: grow
        continue;
      }
      cut = nl + 1;
    }
    re2::StringPiece in(buf.data(), cut);
    while (RE2::FindAndConsume(&in, re)) ++matches;
    bytes += cut;
    std::memmove(buf.data(), buf.data() + cut, have - cut);
    have -= cut;
    if (eof) break;
  }
  return !std::ferror(f);
}

}  // namespace

int main(int argc, char** argv) {
  RE2::Options o;
  o.set_case_sensitive(false);
  RE2 re(kTriggers, o);
  if (!re.ok()) {
    std::fprintf(stderr, "re2_scan: %s\n", re.error().c_str());
    return 1;
  }
  std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.empty()) paths.push_back("-");
  std::size_t bytes = 0, matches = 0;
  auto start = std::chrono::steady_clock::now();
  for (const auto& p : paths) {
    std::FILE* f = p == "-" ? stdin : std::fopen(p.c_str(), "rb");
    if (!f) {
      std::fprintf(stderr, "re2_scan: cannot open %s\n", p.c_str());
      return 1;
    }
    bool ok = scan(f, re, bytes, matches);
    if (f != stdin) std::fclose(f);
    if (!ok) {
      std::fprintf(stderr, "re2_scan: read error on %s\n", p.c_str());
      return 1;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu %zu %.3f %.1f\n", bytes, matches, secs, secs > 0 ? static_cast<double>(bytes) / 1e6 / secs : 0.0);
  return 0;
}
