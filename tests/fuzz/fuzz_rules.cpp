// Fuzzes the rules loader (extract/rules.h): a rule file's JSON, slot and macro expansion,
// RE2 compilation of every pattern and of the prefilter sets. A file that loads is then used,
// alone, to extract from a short article, so that any rule the loader accepts is safe to run.
//
// Properties: a bad file is a RuleError whose message names the file; nothing else is thrown,
// nothing crashes, and extraction with accepted rules gives records inside the text.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "extract/rules.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto rules = std::make_shared<newsgraph::RuleSet>();
  try {
    rules->add_file("fuzz.json", in);
    rules->compile();
  } catch (const newsgraph::RuleError& e) {
    FUZZ_CHECK(std::string_view(e.what()).substr(0, 9) == "fuzz.json" ||
               std::string_view(e.what()).substr(0, 6) == "rules:");
    return 0;
  }
  static const newsgraph::Document doc = [] {
    newsgraph::Document d;
    d.id = "fuzz";
    d.date = "2024-04-08";
    d.text =
        "Chinese President Xi Jinping met with Vuong Dinh Hue, chairman of the National Assembly "
        "of Vietnam, in Beijing on Monday. Foreign Minister Wang Yi, a member of the Communist "
        "Party of China (CPC), phoned Antony Blinken, and Mr. Blinken met Wang and Yang Jiechi.";
    return d;
  }();
  newsgraph::Extractor extractor(rules);
  for (const newsgraph::Relation& r : extractor.extract(doc))
    FUZZ_CHECK(r.span_begin <= r.span_end && r.span_end <= doc.text.size());
  return 0;
}
